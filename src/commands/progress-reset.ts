// `safestep progress reset <id>|--all`: forget progress for one lesson or all.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError, UserAbort } from '../errors.js';
import { closestIds } from '../lesson/catalog.js';
import { deleteSavedPlan } from '../plan/store.js';
import { inquirerPrompter } from '../prompter.js';
import { emptyProgress, ProgressStore } from '../progress/store.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './progress-reset.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function progressReset(ctx: AppContext, id: string | undefined, opts: Options): Promise<number> {
  if (!id && !opts.all) throw new SafestepError(ctx.t('progress.resetWhat'), EXIT_USAGE, ctx.t('progress.resetHint'));
  if (id && opts.all) throw new SafestepError(ctx.t('progress.resetBoth'), EXIT_USAGE);
  const store = new ProgressStore(ctx.paths.dataDir);
  if (opts.all) {
    if (!opts.yes) {
      // Deleting everything is never done on a single keystroke nobody asked for.
      if (!ctx.io.canPrompt) throw new SafestepError(ctx.t('progress.resetAllNeedsYes'), EXIT_USAGE);
      const sure = await inquirerPrompter(ctx.io, ctx.t).confirm(ctx.t('progress.resetAllConfirm'), false);
      if (!sure) {
        ctx.io.stdout.write(ctx.t('progress.resetKept') + '\n');
        throw new UserAbort();
      }
    }
    await store.save(emptyProgress());
    await deleteSavedPlan(ctx.paths.dataDir); // the questionnaire answers go too
    ctx.io.stdout.write(ctx.t('progress.resetAll') + '\n');
    return EXIT_OK;
  }
  const progress = await loadProgress(ctx, store);
  if (!progress.lessons[id!]) {
    const { lessons } = await catalog(ctx);
    const known = lessons.some((l) => l.id === id);
    if (!known) {
      const near = closestIds(id!, [...lessons.map((l) => l.id), ...Object.keys(progress.lessons)]);
      throw new SafestepError(ctx.t('progress.unknownLesson', { id: id! }), EXIT_USAGE, near.length ? ctx.t('lesson.didYouMean', { ids: near.join(', ') }) : ctx.t('progress.resetHint'));
    }
    ctx.io.stdout.write(ctx.t('progress.nothingToReset', { id: id! }) + '\n');
    return EXIT_OK;
  }
  delete progress.lessons[id!];
  if (progress.current === id) delete progress.current;
  await store.save(progress);
  ctx.io.stdout.write(ctx.t('progress.resetOne', { id: id! }) + '\n');
  return EXIT_OK;
}
