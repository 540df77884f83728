// `safestep workshop check <plan>`: validate a workshop plan and print its agenda.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { styler } from '../io.js';
import { translator } from '../i18n/index.js';
import { languageName } from '../i18n/names.js';
import { W } from '../workshop/messages.js';
import { agendaLines, duration } from '../workshop/text.js';
import { wrap } from '../text/width.js';
import { openWorkshop } from './shared/workshop.js';


export default async function workshopCheck(ctx: AppContext, arg: string): Promise<number> {
  const opened = await openWorkshop(ctx, arg);
  const { plan, lang } = opened;
  const chalk = await styler(ctx.io);
  const t = translator(lang);
  const width = ctx.io.width;
  const view = opened.view(lang);
  const plain = { bold: (s: string) => s, italic: (s: string) => s, code: (s: string) => s, heading: (s: string) => s, dim: (s: string) => s };
  const out = [
    ...wrap(view.title, width).map((l) => chalk.bold(l)),
    ...wrap(`${t('preview.audience')}: ${view.audience}`, width, '  '),
    `${t('workshop.languages')}: ${plan.languages.map((code) => languageName(code, lang)).join(', ')}${plan.date ? `  ·  ${plan.date}` : ''}`,
    '',
  ];
  for (const row of view.agenda) out.push(...agendaLines(row, width, t, plain));
  out.push('', t('workshop.total', { total: duration(view.minutes, t), end: view.end }));
  if (plan.minutes !== undefined) out.push(W.get('check.adds', lang, { sum: view.minutes }));
  out.push(t('workshop.ok'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
