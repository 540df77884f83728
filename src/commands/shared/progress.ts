import type { AppContext } from '../../context.js';
import type { ProgressData, ProgressStore } from '../../progress/store.js';

/** Loads progress, telling the user calmly when a damaged file had to be set aside. */
export async function loadProgress(ctx: AppContext, store: ProgressStore): Promise<ProgressData> {
  const { data, movedAside } = await store.load(ctx.now());
  if (movedAside) ctx.io.stderr.write(ctx.t('progress.corrupt', { file: movedAside }) + '\n');
  return data;
}
