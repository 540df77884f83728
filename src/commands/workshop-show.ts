// `safestep workshop show <plan>`: the whole plan, readable at 80 columns.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { translator } from '../i18n/index.js';
import { planText } from '../workshop/text.js';
import { planView } from '../workshop/view.js';
import { titleOf } from './lessons.js';
import { markdownStyle } from './shared/step-env.js';
import { openWorkshop } from './shared/workshop.js';

export default async function workshopShow(ctx: AppContext, arg: string): Promise<number> {
  const { plan, lessons, minutes, id, lang, shipped } = await openWorkshop(ctx, arg);
  const ref = shipped ? id : arg;
  const view = planView(plan, ref, lang, minutes, (lid, l) => titleOf(lessons.find((x) => x.id === lid)!, l));
  const lines = planText(view, ctx.io.width, translator(lang), await markdownStyle(ctx), ref);
  ctx.io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}
