// `safestep progress import <file>`: merge progress exported on another computer.
import { readFile, stat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { mergeProgress, parseProgress, ProgressStore } from '../progress/store.js';
import { loadProgress } from './shared/progress.js';
import { catalog } from './shared/lessons.js';
import { isPrivateLesson, withoutLessons } from '../progress/private.js';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export default async function progressImport(ctx: AppContext, file: string): Promise<number> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_IMPORT_BYTES) throw new SafestepError(ctx.t('progress.importTooBig', { file }), EXIT_USAGE);
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof SafestepError) throw err;
    throw new SafestepError(ctx.t('progress.importUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }), EXIT_USAGE);
  }
  let incoming;
  try {
    incoming = parseProgress(text);
  } catch (err) {
    throw new SafestepError(ctx.t('progress.importInvalid', { file, reason: err instanceof Error ? err.message : String(err) }), EXIT_USAGE, ctx.t('progress.importHint'));
  }
  const store = new ProgressStore(ctx.paths.dataDir);
  const progress = await loadProgress(ctx, store);
  const { lessons } = mergeProgress(progress, incoming);
  // Lessons on private topics are never recorded, wherever the progress comes from.
  const hidden = new Set((await catalog(ctx)).lessons.filter(isPrivateLesson).map((l) => l.id));
  await store.save(withoutLessons(progress, hidden));
  ctx.io.stdout.write(ctx.t('progress.imported', { count: lessons, file }) + '\n');
  return EXIT_OK;
}
