// Printable handouts: one self-contained HTML file (A4, no network assets, no
// scripts) or Markdown, with checklists as tick boxes and the sources listed.
// The model below is built once and rendered to both formats.
import { contactName, type Contact } from '../contacts/load.js';
import type { Lang, Translate } from '../i18n/index.js';
import { stepModule, type Step } from '../lesson/steps/index.js';
import type { HandoutContext } from '../lesson/steps/types.js';
import type { Lesson } from '../lesson/types.js';
import { stripUnsafe } from '../sanitize.js';
import { escapeHtml, inlineHtml, markdownToHtml, mdInline } from '../text/markdown-html.js';
import { levelLabel, topicLabel } from '../i18n/labels.js';

export interface HandoutLesson {
  lesson: Lesson;
  lang: Lang;
  t: Translate;
}

export interface HandoutOptions {
  title: string;
  /** Include trainer notes (off for participants' copies). */
  trainer: boolean;
  /** Print the quiz answers after each lesson (off by default: people answer for themselves). */
  answers?: boolean;
  contacts: readonly Contact[];
  /** Printed on the cover: the date the handout was made. */
  date: string;
}

// Compact on purpose: a 20-minute lesson must fit on four A4 pages per language
// (tests/export/chromium.test.ts measures it), and a trainer prints for a room.
const CSS = `
@page { size: A4; margin: 11mm 12mm 12mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.27; color: #111; margin: 0; }
@media screen { body { max-width: 184mm; margin: 8mm auto; padding: 0 6mm; } }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 1mm; page-break-before: always; break-before: page; }
article:first-of-type h2 { page-break-before: auto; break-before: auto; }
h3 { font-size: 10.5pt; margin: 2.4mm 0 0.6mm; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 9.5pt; margin: 2mm 0 0.5mm; }
p { margin: 0 0 1.3mm; }
ul, ol { margin: 0.5mm 0 1.6mm; padding-left: 5mm; }
li { margin: 0.3mm 0; }
p, li { overflow-wrap: anywhere; }
.meta, .url, .small { color: #444; font-size: 8.5pt; }
ul.boxes { list-style: none; padding-left: 0; }
ul.boxes li { padding-left: 6mm; text-indent: -6mm; margin: 0.8mm 0; }
.box { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.3mm solid #111; margin-right: 2.6mm; vertical-align: -0.5mm; text-indent: 0; }
.answers { border-top: 0.3mm solid #999; margin-top: 3mm; padding-top: 1mm; }
.sources { font-size: 7pt; line-height: 1.18; }
.sources li { margin: 0; }
.sources .url { font-size: 7pt; }
.sources ol { column-count: 2; column-gap: 6mm; padding-left: 4mm; }
.contact { border-left: 1mm solid #999; padding-left: 3mm; margin: 1.5mm 0; }
code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 8.5pt; white-space: nowrap; }
a { color: #111; }
`;

function stepTitle(step: Step, index: number): string {
  return `${index + 1}. ${step.title ? stripUnsafe(step.title) : ''}`.trim();
}

function handoutContext(h: HandoutLesson, opts: HandoutOptions, numberOf: ReadonlyMap<string, number>): HandoutContext & { at(step: number): void } {
  // A contact is printed in full once per lesson; later mentions point back to that step.
  const firstShown = new Map<string, number>();
  let current = 0;
  return {
    t: h.t,
    lang: h.lang,
    at(step) {
      current = step;
    },
    seeStep: (id) => h.t('export.seeStep', { n: numberOf.get(id) ?? '?' }),
    contact(id) {
      const c = opts.contacts.find((x) => x.id === id);
      if (!c) return undefined;
      // The name as written on this language's pages (a Russian name on Russian pages, where there is one).
      const name = contactName(c, h.lang);
      const first = firstShown.get(id);
      if (first !== undefined && first !== current) return { name, what: c.what[h.lang], reach: c.reach[h.lang], shownIn: h.t('export.seeStep', { n: first }) };
      firstShown.set(id, current);
      return { name, what: c.what[h.lang], reach: c.reach[h.lang] };
    },
  };
}

/** "■ the lesson ends here" or "→ see step 6" under a step that does not simply run on. */
function flowNote(step: Step, hc: HandoutContext): string | undefined {
  if (step.end) return hc.t('preview.ends');
  if (step.next) return `→ ${hc.seeStep(step.next)}`;
  return undefined;
}

function stepHtml(step: Step, index: number, hc: HandoutContext, answers: string[]): string {
  const part = stepModule(step).handoutHtml(step, hc);
  if (part.answers) answers.push(`<h4>${escapeHtml(hc.t('export.stepN', { n: index + 1 }))}</h4>${part.answers}`);
  const note = flowNote(step, hc);
  return [
    `<section class="step" data-step="${escapeHtml(step.id)}">`,
    `<h3>${escapeHtml(stepTitle(step, index))}</h3>`,
    part.body,
    ...(note ? [`<p class="small">${escapeHtml(note)}</p>`] : []),
    '</section>',
  ].join('\n');
}

function lessonHtml(h: HandoutLesson, opts: HandoutOptions): string {
  const { lesson, t } = h;
  const numberOf = new Map(lesson.steps.map((s, i) => [s.id, i + 1] as const));
  const parts = [`<article lang="${h.lang}" data-lesson="${escapeHtml(lesson.id)}">`, `<h2>${escapeHtml(stripUnsafe(lesson.title))}</h2>`];
  parts.push(`<p class="meta">${escapeHtml([topicLabel(lesson.topic, lesson.lang), levelLabel(lesson.level, lesson.lang), t('lessons.minutes', { count: lesson.minutes }), `${t('preview.reviewed')}: ${lesson.reviewed}`].join(' · '))}</p>`);
  parts.push(markdownToHtml(lesson.summary));
  parts.push(`<h3>${escapeHtml(t('runner.objectives'))}</h3><ul>${lesson.objectives.map((o) => `<li>${inlineHtml(o)}</li>`).join('')}</ul>`);
  const hc = handoutContext(h, opts, numberOf);
  const answers: string[] = [];
  lesson.steps.forEach((step, i) => {
    hc.at(i + 1);
    parts.push(stepHtml(step, i, hc, answers));
  });
  if (answers.length && opts.answers) parts.push(`<section class="answers"><h3>${escapeHtml(t('export.answers'))}</h3>`, ...answers, '</section>');
  if (opts.trainer) parts.push(`<section class="answers"><h3>${escapeHtml(t('preview.trainerNotes'))}</h3>${markdownToHtml(lesson.trainer_notes)}</section>`);
  parts.push(`<section class="answers sources"><h3>${escapeHtml(t('preview.sources'))}</h3><ol>`);
  // The participants' copy keeps every source and its address; the dates each was read go in the trainer's copy.
  for (const s of lesson.sources) parts.push(`<li>${escapeHtml(s.title)}. <span class="url">${escapeHtml(s.url)}</span>${opts.trainer ? ` (${escapeHtml(t('preview.accessed'))} ${escapeHtml(s.accessed)})` : ''}</li>`);
  parts.push('</ol></section></article>');
  return parts.join('\n');
}

export function renderHandoutHtml(lessons: readonly HandoutLesson[], opts: HandoutOptions): string {
  const lang = lessons[0]?.lang ?? 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(opts.title)}</h1>
<p class="meta">safestep · ${escapeHtml(opts.date)}</p>
${lessons.map((l) => lessonHtml(l, opts)).join('\n')}
</body>
</html>
`;
}

export function renderHandoutMarkdown(lessons: readonly HandoutLesson[], opts: HandoutOptions): string {
  const out: string[] = [`# ${mdInline(opts.title)}`, '', `safestep · ${opts.date}`, ''];
  for (const h of lessons) {
    const { lesson, t } = h;
    const numberOf = new Map(lesson.steps.map((s, i) => [s.id, i + 1] as const));
    out.push(`## ${mdInline(lesson.title)}`, '', `*${[topicLabel(lesson.topic, lesson.lang), levelLabel(lesson.level, lesson.lang), t('lessons.minutes', { count: lesson.minutes }), `${t('preview.reviewed')}: ${lesson.reviewed}`].join(' · ')}*`, '');
    out.push(stripUnsafe(lesson.summary), '', `### ${t('runner.objectives')}`, '', ...lesson.objectives.map((o) => `- ${mdInline(o)}`), '');
    const hc = handoutContext(h, opts, numberOf);
    const answers: string[] = [];
    lesson.steps.forEach((step, i) => {
      hc.at(i + 1);
      const part = stepModule(step).handoutMarkdown(step, hc);
      out.push(`### ${stepTitle(step, i)}`, '', ...part.body);
      if (part.answers) answers.push(`**${t('export.stepN', { n: i + 1 })}**`, '', ...part.answers);
      const note = flowNote(step, hc);
      if (note) out.push(step.end ? `*${note}*` : note, '');
    });
    if (answers.length && opts.answers) out.push(`### ${t('export.answers')}`, '', ...answers);
    if (opts.trainer) out.push(`### ${t('preview.trainerNotes')}`, '', stripUnsafe(lesson.trainer_notes).trim(), '');
    out.push(`### ${t('preview.sources')}`, '', ...lesson.sources.map((s, i) => `${i + 1}. ${mdInline(s.title)}. <${s.url}> (${t('preview.accessed')} ${s.accessed})`), '');
  }
  return out.join('\n');
}
