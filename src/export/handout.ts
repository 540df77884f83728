// Printable handouts: one self-contained HTML file (A4, no network assets, no
// scripts) or Markdown, with checklists as tick boxes and the sources listed.
// The model below is built once and rendered to both formats.
import type { Contact } from '../contacts/load.js';
import type { Lang, Translate } from '../i18n/index.js';
import type { Lesson, Step } from '../lesson/types.js';
import { stripUnsafe } from '../sanitize.js';
import { escapeHtml, inlineHtml, markdownToHtml } from './markdown-html.js';
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
  contacts: readonly Contact[];
  /** Printed on the cover: the date the handout was made. */
  date: string;
}

const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 16pt; margin: 0 0 2mm; page-break-before: always; break-before: page; }
article:first-of-type h2 { page-break-before: auto; break-before: auto; }
h3 { font-size: 12pt; margin: 5mm 0 1.5mm; }
h4 { font-size: 11pt; margin: 3mm 0 1mm; }
p, li { overflow-wrap: anywhere; }
.meta, .url, .small { color: #444; font-size: 9pt; }
.step { break-inside: avoid; page-break-inside: avoid; }
ul.boxes { list-style: none; padding-left: 0; }
ul.boxes li { padding-left: 7mm; text-indent: -7mm; margin: 1.2mm 0; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 0.35mm solid #111; margin-right: 3mm; vertical-align: -0.6mm; text-indent: 0; }
.answers { border-top: 0.3mm solid #999; margin-top: 5mm; padding-top: 2mm; }
.contact { border-left: 1mm solid #999; padding-left: 3mm; margin: 2mm 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
a { color: #111; }
`;

function stepTitle(step: Step, index: number): string {
  return `${index + 1}. ${step.title ? stripUnsafe(step.title) : ''}`.trim();
}

function stepHtml(step: Step, index: number, h: HandoutLesson, opts: HandoutOptions, numberOf: Map<string, number>): string {
  const { t } = h;
  const parts = [`<section class="step" data-step="${escapeHtml(step.id)}">`, `<h3>${escapeHtml(stepTitle(step, index))}</h3>`];
  switch (step.type) {
    case 'text':
      parts.push(markdownToHtml(step.body));
      for (const id of step.contacts ?? []) {
        const c = opts.contacts.find((x) => x.id === id);
        if (c) parts.push(`<div class="contact"><strong>${escapeHtml(c.name)}</strong><br>${escapeHtml(c.what[h.lang])}<br>${t('contacts.reach')} ${escapeHtml(c.reach[h.lang])}</div>`);
      }
      break;
    case 'quiz':
      parts.push(markdownToHtml(step.prompt), `<p class="small">${escapeHtml(t(step.multiple ? 'preview.multiple' : 'preview.single'))}</p>`);
      parts.push(`<ul class="boxes">${step.choices.map((c) => `<li><span class="box"></span>${inlineHtml(c.label)}</li>`).join('')}</ul>`);
      break;
    case 'checklist':
      if (step.body) parts.push(markdownToHtml(step.body));
      parts.push(`<ul class="boxes">${step.items.map((i) => `<li><span class="box"></span>${inlineHtml(i.text)}</li>`).join('')}</ul>`);
      break;
    case 'choice':
      if (step.body) parts.push(markdownToHtml(step.body));
      parts.push(markdownToHtml(step.prompt));
      parts.push(`<ul class="boxes">${step.options.map((o) => `<li><span class="box"></span>${inlineHtml(o.label)} → ${escapeHtml(t('export.seeStep', { n: numberOf.get(o.goto) ?? '?' }))}</li>`).join('')}</ul>`);
      break;
    case 'check':
      if (step.prompt) parts.push(markdownToHtml(step.prompt));
      parts.push(`<p>${escapeHtml(t('export.onYourComputer'))} <code>safestep check ${escapeHtml(step.check)}</code></p>`);
      break;
  }
  if (step.type !== 'choice' && step.end) parts.push(`<p class="small">${escapeHtml(t('preview.ends'))}</p>`);
  else if (step.type !== 'choice' && step.next) parts.push(`<p class="small">→ ${escapeHtml(t('export.seeStep', { n: numberOf.get(step.next) ?? '?' }))}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function lessonHtml(h: HandoutLesson, opts: HandoutOptions): string {
  const { lesson, t } = h;
  const numberOf = new Map(lesson.steps.map((s, i) => [s.id, i + 1] as const));
  const parts = [`<article lang="${h.lang}" data-lesson="${escapeHtml(lesson.id)}">`, `<h2>${escapeHtml(stripUnsafe(lesson.title))}</h2>`];
  parts.push(`<p class="meta">${escapeHtml([topicLabel(lesson.topic, lesson.lang), levelLabel(lesson.level, lesson.lang), t('lessons.minutes', { count: lesson.minutes }), `${t('preview.reviewed')}: ${lesson.reviewed}`].join(' · '))}</p>`);
  parts.push(markdownToHtml(lesson.summary));
  parts.push(`<h3>${escapeHtml(t('runner.objectives'))}</h3><ul>${lesson.objectives.map((o) => `<li>${inlineHtml(o)}</li>`).join('')}</ul>`);
  lesson.steps.forEach((step, i) => parts.push(stepHtml(step, i, h, opts, numberOf)));
  const quizzes = lesson.steps.filter((s) => s.type === 'quiz');
  if (quizzes.length) {
    parts.push(`<section class="answers"><h3>${escapeHtml(t('export.answers'))}</h3>`);
    for (const q of quizzes) {
      parts.push(`<h4>${escapeHtml(t('export.stepN', { n: numberOf.get(q.id) ?? 0 }))}</h4><ul>`);
      for (const c of q.choices) parts.push(`<li>${c.correct ? '✓' : '✗'} <strong>${inlineHtml(c.label)}</strong>: ${inlineHtml(c.explain)}</li>`);
      parts.push('</ul>');
    }
    parts.push('</section>');
  }
  if (opts.trainer) parts.push(`<section class="answers"><h3>${escapeHtml(t('preview.trainerNotes'))}</h3>${markdownToHtml(lesson.trainer_notes)}</section>`);
  parts.push(`<section class="answers"><h3>${escapeHtml(t('preview.sources'))}</h3><ol>`);
  for (const s of lesson.sources) parts.push(`<li>${escapeHtml(s.title)}. <span class="url">${escapeHtml(s.url)}</span> (${escapeHtml(t('preview.accessed'))} ${escapeHtml(s.accessed)})</li>`);
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

function mdInline(text: string): string {
  return stripUnsafe(text).replace(/\n+/g, ' ');
}

export function renderHandoutMarkdown(lessons: readonly HandoutLesson[], opts: HandoutOptions): string {
  const out: string[] = [`# ${mdInline(opts.title)}`, '', `safestep · ${opts.date}`, ''];
  for (const h of lessons) {
    const { lesson, t } = h;
    const numberOf = new Map(lesson.steps.map((s, i) => [s.id, i + 1] as const));
    out.push(`## ${mdInline(lesson.title)}`, '', `*${[topicLabel(lesson.topic, lesson.lang), levelLabel(lesson.level, lesson.lang), t('lessons.minutes', { count: lesson.minutes }), `${t('preview.reviewed')}: ${lesson.reviewed}`].join(' · ')}*`, '');
    out.push(stripUnsafe(lesson.summary), '', `### ${t('runner.objectives')}`, '', ...lesson.objectives.map((o) => `- ${mdInline(o)}`), '');
    lesson.steps.forEach((step, i) => {
      out.push(`### ${stepTitle(step, i)}`, '');
      switch (step.type) {
        case 'text':
          out.push(stripUnsafe(step.body).trim(), '');
          for (const id of step.contacts ?? []) {
            const c = opts.contacts.find((x) => x.id === id);
            if (c) out.push(`> **${mdInline(c.name)}**: ${mdInline(c.what[h.lang])} ${t('contacts.reach')} ${mdInline(c.reach[h.lang])}`, '');
          }
          break;
        case 'quiz':
          out.push(stripUnsafe(step.prompt).trim(), '', ...step.choices.map((c) => `- [ ] ${mdInline(c.label)}`), '');
          break;
        case 'checklist':
          if (step.body) out.push(stripUnsafe(step.body).trim(), '');
          out.push(...step.items.map((item) => `- [ ] ${mdInline(item.text)}`), '');
          break;
        case 'choice':
          if (step.body) out.push(stripUnsafe(step.body).trim(), '');
          out.push(stripUnsafe(step.prompt).trim(), '', ...step.options.map((o) => `- [ ] ${mdInline(o.label)} → ${t('export.seeStep', { n: numberOf.get(o.goto) ?? '?' })}`), '');
          break;
        case 'check':
          if (step.prompt) out.push(stripUnsafe(step.prompt).trim(), '');
          out.push(`${t('export.onYourComputer')} \`safestep check ${step.check}\``, '');
          break;
      }
      if (step.type !== 'choice' && step.end) out.push(`*${t('preview.ends')}*`, '');
      else if (step.type !== 'choice' && step.next) out.push(`→ ${t('export.seeStep', { n: numberOf.get(step.next) ?? '?' })}`, '');
    });
    const quizzes = lesson.steps.filter((s) => s.type === 'quiz');
    if (quizzes.length) {
      out.push(`### ${t('export.answers')}`, '');
      for (const q of quizzes) {
        out.push(`**${t('export.stepN', { n: numberOf.get(q.id) ?? 0 })}**`, '');
        for (const c of q.choices) out.push(`- ${c.correct ? '✓' : '✗'} **${mdInline(c.label)}**: ${mdInline(c.explain)}`);
        out.push('');
      }
    }
    if (opts.trainer) out.push(`### ${t('preview.trainerNotes')}`, '', stripUnsafe(lesson.trainer_notes).trim(), '');
    out.push(`### ${t('preview.sources')}`, '', ...lesson.sources.map((s, i) => `${i + 1}. ${mdInline(s.title)}. <${s.url}> (${t('preview.accessed')} ${s.accessed})`), '');
  }
  return out.join('\n');
}
