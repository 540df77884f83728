// `safestep workshop list [--json]`: the shipped plans, in the chosen language.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { translator } from '../i18n/index.js';
import { wrap } from '../text/width.js';
import { W } from '../workshop/messages.js';
import { shippedPlanIds } from '../workshop/shipped.js';
import { duration } from '../workshop/text.js';
import { styler } from '../io.js';
import { openWorkshop, workshopSources } from './shared/workshop.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './workshop-list.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function workshopList(ctx: AppContext, opts: Options): Promise<number> {
  const rows = [];
  const sources = await workshopSources(ctx);
  for (const id of shippedPlanIds()) {
    const opened = await openWorkshop(ctx, id, sources);
    const lang = opened.lang;
    const view = opened.view(lang);
    rows.push({ id, lang, title: view.title, minutes: view.minutes, audience: view.audience, lessons: view.lessons });
  }
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ plans: rows }, null, 2) + '\n');
    return EXIT_OK;
  }
  const m = W.text(ctx.lang);
  const t = translator(ctx.lang);
  const chalk = await styler(ctx.io);
  const width = ctx.io.width;
  const out = [...wrap(m('list.heading', { count: rows.length }), width), ''];
  for (const row of rows) {
    out.push(chalk.bold(row.id), ...wrap(`${row.title} · ${duration(row.minutes, t)} · ${m('list.lessons', { count: row.lessons.length })}`, width, '  ', '  '), ...wrap(row.audience, width, '  ', '  ').map((l) => chalk.dim(l)), '');
  }
  for (const key of ['list.hintShow', 'list.hintRun', 'list.hintPrint'] as const) out.push(...wrap(m(key), width, '  '));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
