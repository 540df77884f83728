// `safestep progress export <file>`: take progress to another computer.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { ProgressStore } from '../progress/store.js';
import { loadProgress } from './shared/progress.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './progress-export.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function progressExport(ctx: AppContext, file: string, opts: Options): Promise<number> {
  const target = path.resolve(file);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !opts.force) throw new SafestepError(ctx.t('progress.exportExists', { file: target }), EXIT_USAGE, ctx.t('progress.exportForce'));
  const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
  await writeFileAtomic(target, JSON.stringify(progress, null, 1) + '\n');
  ctx.io.stdout.write(ctx.t('progress.exported', { file: target, count: Object.keys(progress.lessons).length }) + '\n');
  return EXIT_OK;
}
