// The sheets a workshop prints besides the lessons: the trainer's copy of the
// plan, a one-page take-home summary per language, and an anonymous feedback
// form with a before/after self-check. Self-contained HTML for A4 (no network,
// no scripts) and Markdown; every value is escaped.
import { contactName, type Contact } from '../contacts/load.js';
import type { Lang } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import { countryName } from '../i18n/names.js';
import { stripUnsafe } from '../sanitize.js';
import { escapeHtml, inlineHtml, markdownToHtml, mdInline } from '../text/markdown-html.js';
import { W } from '../workshop/messages.js';
import { duration } from '../workshop/text.js';
import type { PlanView } from '../workshop/view.js';

const CSS = `
@page { size: A4; margin: 14mm 15mm 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0; }
@media screen { body { max-width: 180mm; margin: 8mm auto; padding: 0 6mm; } }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
h2 { font-size: 12.5pt; margin: 4.5mm 0 1.5mm; }
p, li, td, th { overflow-wrap: anywhere; }
.meta, .small { color: #444; font-size: 9pt; }
ul.boxes { list-style: none; padding-left: 0; margin: 1mm 0; }
ul.boxes li { padding-left: 7mm; text-indent: -7mm; margin: 1.6mm 0; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 0.35mm solid #111; margin-right: 3mm; vertical-align: -0.6mm; text-indent: 0; }
.contact { border-left: 1mm solid #999; padding-left: 3mm; margin: 2mm 0; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 0.2mm solid #bbb; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { font-size: 9pt; }
td.time { white-space: nowrap; width: 14mm; }
td.min { white-space: nowrap; width: 18mm; }
table.scale td.q { width: 52%; }
table.scale td.r { white-space: nowrap; text-align: center; }
.lines div { border-bottom: 0.3mm solid #999; height: 9mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
/* A command or a lesson id is typed from the paper: never split at its hyphens. */
code, .id { white-space: nowrap; }
`;

export interface SheetSet {
  views: readonly PlanView[];
  contacts: readonly Contact[];
  /** Two-letter country code from --country, upper case. */
  country?: string;
  date: string;
}

/**
 * The three contacts for the take-home page: with a country, one organisation
 * that works in that country specifically (legal or human-rights help) comes
 * first; then the plan's own contacts that serve the country (or anywhere).
 */
export function takeHomeContacts(planIds: readonly string[], contacts: readonly Contact[], country?: string): Contact[] {
  const serves = (c: Contact): boolean => !country || c.countries.length === 0 || c.countries.includes(country);
  const local = country ? contacts.filter((c) => c.countries.includes(country) && c.needs.includes('human-rights')).slice(0, 1) : [];
  const chosen = [...local];
  for (const id of planIds) {
    const c = contacts.find((x) => x.id === id);
    if (c && serves(c) && !chosen.includes(c)) chosen.push(c);
  }
  return chosen.slice(0, 3);
}

function page(lang: Lang, title: string, body: string[]): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

const boxes = (items: readonly string[]): string => `<ul class="boxes">${items.map((i) => `<li><span class="box"></span>${inlineHtml(i)}</li>`).join('')}</ul>`;

function contactHtml(c: Contact, lang: Lang): string {
  const t = translator(lang);
  return `<div class="contact"><strong>${escapeHtml(stripUnsafe(contactName(c, lang)))}</strong><br>${escapeHtml(stripUnsafe(c.what[lang]))}<br>${escapeHtml(t('contacts.reach'))} ${escapeHtml(stripUnsafe(c.reach[lang]))}</div>`;
}

function contactsHeading(lang: Lang, country?: string): string {
  const m = W.text(lang);
  return country ? m('home.contactsFor', { country: countryName(country, lang) ?? country }) : m('home.contacts');
}

// Stands in for the list of lesson ids while the sentence around it is escaped.
const IDS = 'LESSON_IDS';

/** The sentence with the lesson ids, each kept on one line. */
function lessonIds(sentence: string, ids: readonly string[]): string {
  return escapeHtml(sentence).replace(IDS, ids.map((id) => `<span class="id">${escapeHtml(id)}</span>`).join(', '));
}

export function takeHomeHtml(set: SheetSet): string {
  const sheets = set.views.map((v) => {
    const m = W.text(v.lang);
    return [
      `<section class="sheet" lang="${v.lang}" data-sheet="take-home">`,
      `<h1>${escapeHtml(m('home.title'))}: ${escapeHtml(v.title)}</h1>`,
      `<p class="meta">safestep · ${escapeHtml(set.date)}</p>`,
      `<h2>${escapeHtml(m('home.week'))}</h2>`,
      boxes(v.takeHome),
      `<h2>${escapeHtml(contactsHeading(v.lang, set.country))}</h2>`,
      ...takeHomeContacts(v.contacts, set.contacts, set.country).map((c) => contactHtml(c, v.lang)),
      `<p class="small">${lessonIds(m('home.lessons', { ids: IDS }), v.lessons)}</p>`,
      `<p class="small">${escapeHtml(m('home.keep'))}</p>`,
      '</section>',
    ].join('\n');
  });
  return page(set.views[0]?.lang ?? 'en', set.views[0]?.title ?? '', sheets);
}

export function feedbackHtml(set: SheetSet): string {
  const sheets = set.views.map((v) => {
    const m = W.text(v.lang);
    const scale = [1, 2, 3, 4, 5].map((n) => `${n}&nbsp;<span class="box"></span>`).join(' ');
    const rows = v.selfCheck.map((q) => `<tr><td class="q">${inlineHtml(q)}</td><td class="r">${scale}</td><td class="r">${scale}</td></tr>`).join('');
    return [
      `<section class="sheet" lang="${v.lang}" data-sheet="feedback">`,
      `<h1>${escapeHtml(m('form.title'))}: ${escapeHtml(v.title)}</h1>`,
      `<p>${escapeHtml(m('form.intro'))}</p>`,
      `<p class="small">${escapeHtml(m('form.scale'))}</p>`,
      `<table class="scale"><tr><th></th><th>${escapeHtml(m('form.before'))}</th><th>${escapeHtml(m('form.after'))}</th></tr>${rows}</table>`,
      `<h2>${escapeHtml(m('form.useful'))}</h2><div class="lines"><div></div><div></div><div></div></div>`,
      `<h2>${escapeHtml(m('form.unclear'))}</h2><div class="lines"><div></div><div></div><div></div></div>`,
      '</section>',
    ].join('\n');
  });
  return page(set.views[0]?.lang ?? 'en', set.views[0]?.title ?? '', sheets);
}

export function planHtml(set: SheetSet): string {
  const sheets = set.views.map((v) => {
    const m = W.text(v.lang);
    const t = translator(v.lang);
    const list = (items: readonly string[]): string => `<ul>${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
    const rows = v.agenda
      .map((r) => {
        const title = r.kind === 'break' ? `${t('workshop.break')}${r.title ? `: ${r.title}` : ''}` : r.title;
        const id = r.lesson ? `<br><code>${escapeHtml(r.lesson)}</code>` : '';
        const notes = r.notes ? `<div class="small">${markdownToHtml(r.notes)}</div>` : '';
        return `<tr><td class="time">${escapeHtml(r.when)}</td><td><strong>${escapeHtml(title)}</strong>${id}${notes}</td><td class="min">${escapeHtml(duration(r.minutes, t))}</td></tr>`;
      })
      .join('');
    return [
      `<section class="sheet" lang="${v.lang}" data-sheet="plan">`,
      `<h1>${escapeHtml(v.title)}</h1>`,
      `<p class="meta">${escapeHtml(m('sec.audience'))}: ${escapeHtml(v.audience)}<br>${escapeHtml(m('sec.length'))}: ${escapeHtml(duration(v.minutes, t))}${v.start ? ` (${escapeHtml(v.start)}–${escapeHtml(v.end)})` : ''}</p>`,
      ...(v.goals.length ? [`<h2>${escapeHtml(m('sec.goals'))}</h2>`, list(v.goals)] : []),
      `<h2>${escapeHtml(m('sec.agenda'))}</h2>`,
      `<table>${rows}<tr><td class="time">${escapeHtml(v.end)}</td><td colspan="2">${escapeHtml(t('workshop.total', { total: duration(v.minutes, t), end: v.end }))}</td></tr></table>`,
      ...(v.materials.length ? [`<h2>${escapeHtml(m('sec.materials'))}</h2>`, list(v.materials)] : []),
      ...(v.notes ? [`<h2>${escapeHtml(m('sec.notes'))}</h2>`, markdownToHtml(v.notes)] : []),
      `<h2>${escapeHtml(m('sec.roomSafety'))}</h2>`,
      list(v.roomSafety),
      `<h2>${escapeHtml(m('sec.checklist'))}</h2>`,
      boxes(v.checklist),
      '</section>',
    ].join('\n');
  });
  return page(set.views[0]?.lang ?? 'en', set.views[0]?.title ?? '', sheets);
}

/** The same three sheets as Markdown, for trainers who edit before printing. */
export function sheetsMarkdown(set: SheetSet): { plan: string; takeHome: string; feedback: string } {
  const plan: string[] = [];
  const home: string[] = [];
  const form: string[] = [];
  for (const v of set.views) {
    const m = W.text(v.lang);
    const t = translator(v.lang);
    const bullets = (items: readonly string[], box = false): string[] => [...items.map((i) => `- ${box ? '[ ] ' : ''}${mdInline(i)}`), ''];
    plan.push(`# ${mdInline(v.title)}`, '', `${m('sec.audience')}: ${mdInline(v.audience)}  `, `${m('sec.length')}: ${duration(v.minutes, t)}`, '');
    if (v.goals.length) plan.push(`## ${m('sec.goals')}`, '', ...bullets(v.goals));
    plan.push(`## ${m('sec.agenda')}`, '');
    for (const r of v.agenda) {
      const title = r.kind === 'break' ? `${t('workshop.break')}${r.title ? `: ${r.title}` : ''}` : r.title;
      plan.push(`- **${r.when}** ${mdInline(title)} (${duration(r.minutes, t)})${r.lesson ? ` \`${r.lesson}\`` : ''}`);
      if (r.notes) plan.push(`  ${stripUnsafe(r.notes).replace(/\n/g, '\n  ')}`);
    }
    plan.push('', t('workshop.total', { total: duration(v.minutes, t), end: v.end }), '');
    if (v.materials.length) plan.push(`## ${m('sec.materials')}`, '', ...bullets(v.materials));
    if (v.notes) plan.push(`## ${m('sec.notes')}`, '', stripUnsafe(v.notes), '');
    plan.push(`## ${m('sec.roomSafety')}`, '', ...bullets(v.roomSafety), `## ${m('sec.checklist')}`, '', ...bullets(v.checklist, true));
    home.push(`# ${m('home.title')}: ${mdInline(v.title)}`, '', `## ${m('home.week')}`, '', ...bullets(v.takeHome, true), `## ${contactsHeading(v.lang, set.country)}`, '');
    for (const c of takeHomeContacts(v.contacts, set.contacts, set.country)) home.push(`- **${mdInline(contactName(c, v.lang))}**: ${mdInline(c.what[v.lang])} ${translator(v.lang)('contacts.reach')} ${mdInline(c.reach[v.lang])}`);
    home.push('', m('home.lessons', { ids: v.lessons.join(', ') }), '', m('home.keep'), '');
    form.push(`# ${m('form.title')}: ${mdInline(v.title)}`, '', m('form.intro'), '', m('form.scale'), '', `| | ${m('form.before')} | ${m('form.after')} |`, '|---|---|---|');
    for (const q of v.selfCheck) form.push(`| ${mdInline(q)} | 1 2 3 4 5 | 1 2 3 4 5 |`);
    form.push('', `## ${m('form.useful')}`, '', '&nbsp;', '', `## ${m('form.unclear')}`, '', '&nbsp;', '');
  }
  return { plan: plan.join('\n'), takeHome: home.join('\n'), feedback: form.join('\n') };
}
