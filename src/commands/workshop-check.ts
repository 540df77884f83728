// `safestep workshop check <plan>`: validate a workshop plan and print its agenda.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { styler } from '../io.js';
import { clock, timeline } from '../workshop/plan.js';
import { stripUnsafe } from '../sanitize.js';
import { titleOf } from './lessons.js';
import { openWorkshop } from './shared/workshop.js';

export function duration(minutes: number, t: AppContext['t']): string {
  const h = Math.floor(minutes / 60);
  return h > 0 ? t('workshop.hours', { h, m: String(minutes % 60).padStart(2, '0') }) : t('lessons.minutes', { count: minutes });
}

export default async function workshopCheck(ctx: AppContext, file: string): Promise<number> {
  const { plan, lessons, minutes } = await openWorkshop(ctx, file);
  const chalk = await styler(ctx.io);
  const { items, total } = timeline(plan, minutes);
  const out = [chalk.bold(stripUnsafe(plan.title)), `${ctx.t('preview.audience')}: ${stripUnsafe(plan.audience)}`, `${ctx.t('workshop.languages')}: ${plan.languages.join(', ')}${plan.date ? `  ·  ${plan.date}` : ''}`, ''];
  for (const { item, offset, minutes: m } of items) {
    const when = clock(plan.start, offset);
    if ('break' in item) out.push(`${when}  ${ctx.t('workshop.break')}${item.title ? `: ${stripUnsafe(item.title)}` : ''}  (${duration(m, ctx.t)})`);
    else {
      const lesson = lessons.find((l) => l.id === item.lesson)!;
      out.push(`${when}  ${titleOf(lesson, plan.languages[0] ?? ctx.lang)}  (${duration(m, ctx.t)})`, `       ${lesson.id}`);
    }
  }
  out.push('', ctx.t('workshop.total', { total: duration(total, ctx.t), end: clock(plan.start, total) }));
  out.push(ctx.t('workshop.ok'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
