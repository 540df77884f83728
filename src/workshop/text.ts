// A plan as terminal text, wrapped at the window's width: what `workshop show`
// prints and what a trainer reads the night before.
import type { Translate } from '../i18n/index.js';
import { renderMarkdown, type Style } from '../text/markdown.js';
import { wrap } from '../text/width.js';
import { W } from './messages.js';
import type { AgendaRow, PlanView } from './view.js';

export function duration(minutes: number, t: Translate): string {
  const h = Math.floor(minutes / 60);
  return h > 0 ? t('workshop.hours', { h, m: String(minutes % 60).padStart(2, '0') }) : t('lessons.minutes', { count: minutes });
}

/** One agenda row: the start time, then the title and length wrapped under it. */
export function agendaLines(row: AgendaRow, width: number, t: Translate, style: Style): string[] {
  const pad = ' '.repeat(row.when.length + 2);
  const title = row.kind === 'break' ? `${t('workshop.break')}${row.title ? `: ${row.title}` : ''}` : row.title;
  const lines = wrap(`${title}  (${duration(row.minutes, t)})`, width, pad, `${row.when}  `);
  lines[0] = `${row.when}  ${style.bold(lines[0]!.slice(row.when.length + 2))}`;
  if (row.lesson) lines.push(style.dim(`${pad}${row.lesson}`));
  return lines;
}

export function planText(view: PlanView, width: number, t: Translate, style: Style, cmdRef: string): string[] {
  const m = W.text(view.lang);
  const out: string[] = [];
  const heading = (s: string): void => void out.push('', ...wrap(s, width).map((l) => style.heading(l)));
  const bullets = (items: readonly string[], mark = '- '): void => {
    for (const item of items) out.push(...wrap(item, width, ' '.repeat(mark.length), mark));
  };
  out.push(...wrap(view.title, width).map((l) => style.bold(l)));
  out.push(...wrap(`${m('sec.audience')}: ${view.audience}`, width, '  '));
  out.push(...wrap(`${m('sec.length')}: ${duration(view.minutes, t)}${view.start ? ` (${view.start}–${view.end})` : ''}`, width, '  '));
  if (view.goals.length) {
    heading(m('sec.goals'));
    bullets(view.goals);
  }
  heading(m('sec.agenda'));
  for (const row of view.agenda) {
    out.push(...agendaLines(row, width, t, style));
    if (row.notes) out.push(...renderMarkdown(row.notes, width - row.when.length - 2, style).split('\n').filter((l, i, a) => l || i < a.length - 1).map((l) => (l ? ' '.repeat(row.when.length + 2) + l : l)));
  }
  out.push(...wrap(t('workshop.total', { total: duration(view.minutes, t), end: view.end }), width));
  if (view.materials.length) {
    heading(m('sec.materials'));
    bullets(view.materials);
  }
  if (view.notes) {
    heading(m('sec.notes'));
    out.push(...renderMarkdown(view.notes, width, style).split('\n'));
    while (out[out.length - 1] === '') out.pop();
  }
  heading(m('sec.roomSafety'));
  bullets(view.roomSafety);
  heading(m('sec.checklist'));
  bullets(view.checklist, '[ ] ');
  out.push('', ...wrap(m('sec.present', { id: cmdRef }), width).map((l) => style.dim(l)), ...wrap(m('sec.print', { id: cmdRef }), width).map((l) => style.dim(l)));
  return out;
}
