// `safestep workshop show <plan>`: the whole plan, readable at 80 columns.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { translator } from '../i18n/index.js';
import { planText } from '../workshop/text.js';
import { markdownStyle } from './shared/step-env.js';
import { openWorkshop } from './shared/workshop.js';

export default async function workshopShow(ctx: AppContext, arg: string): Promise<number> {
  const opened = await openWorkshop(ctx, arg);
  const view = opened.view(opened.lang);
  const lines = planText(view, ctx.io.width, translator(opened.lang), await markdownStyle(ctx), opened.shipped ? opened.id : arg);
  ctx.io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}
