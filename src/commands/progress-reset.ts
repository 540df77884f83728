// `safestep progress reset <id>|--all`: forget progress for one lesson or all.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { emptyProgress, ProgressStore } from '../progress/store.js';
import { loadProgress } from './shared/progress.js';
import { deleteSavedPlan } from '../plan/store.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './progress-reset.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function progressReset(ctx: AppContext, id: string | undefined, opts: Options): Promise<number> {
  if (!id && !opts.all) throw new SafestepError(ctx.t('progress.resetWhat'), EXIT_USAGE, ctx.t('progress.resetHint'));
  if (id && opts.all) throw new SafestepError(ctx.t('progress.resetBoth'), EXIT_USAGE);
  const store = new ProgressStore(ctx.paths.dataDir);
  if (opts.all) {
    await store.save(emptyProgress());
    await deleteSavedPlan(ctx.paths.dataDir); // the questionnaire answers go too
    ctx.io.stdout.write(ctx.t('progress.resetAll') + '\n');
    return EXIT_OK;
  }
  const progress = await loadProgress(ctx, store);
  if (!progress.lessons[id!]) {
    ctx.io.stdout.write(ctx.t('progress.nothingToReset', { id: id! }) + '\n');
    return EXIT_OK;
  }
  delete progress.lessons[id!];
  if (progress.current === id) delete progress.current;
  await store.save(progress);
  ctx.io.stdout.write(ctx.t('progress.resetOne', { id: id! }) + '\n');
  return EXIT_OK;
}
