// Lessons from a pack are validated exactly like shipped ones, and on the exact
// bytes that go into (or come out of) the pack: they are written to a staging
// folder first and validated there.
import { writeFile } from 'node:fs/promises';
import { ensureDir, PRIVATE_FILE } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { findLessonFiles, loadCatalog, type LessonSummary } from '../lesson/catalog.js';
import type { Problem } from '../lesson/types.js';
import { crossFileProblems, validateLessonFile, type LessonReport } from '../lesson/validate.js';
import { validateOptions } from '../lesson/validate-options.js';
import type { PackFile } from './container.js';
import { installedLessonDirs } from '../paths.js';
import { isSafeEntryPath } from './manifest.js';

/** Writes pack entries under `dir`; refuses any path that could leave it. New files only. */
export async function writeTree(dir: string, files: readonly PackFile[]): Promise<void> {
  const base = path.resolve(dir);
  for (const file of files) {
    if (!isSafeEntryPath(file.path)) throw new Error(`unsafe path ${file.path}`);
    const target = path.resolve(base, ...file.path.split('/'));
    if (!target.startsWith(base + path.sep)) throw new Error(`unsafe path ${file.path}`);
    await ensureDir(path.dirname(target));
    await writeFile(target, file.data, { flag: 'wx', mode: PRIVATE_FILE });
  }
}

/** Lessons already on this computer (shipped, from SAFESTEP_LESSON_PATH, installed packs), except in `exclude`. */
export async function knownLessons(ctx: AppContext, exclude: readonly string[] = []): Promise<LessonSummary[]> {
  const dirs = [...new Set([...ctx.paths.lessonDirs, ...installedLessonDirs(ctx.paths.dataDir)])].filter((d) => !exclude.includes(d));
  return (await loadCatalog(dirs, ctx.paths.dataDir, ctx.t)).lessons;
}

export interface TreeValidation {
  lessonFiles: string[];
  reports: LessonReport[];
  errors: Problem[];
}

/** Validates every lesson under `lessonsDir` as `safestep lesson validate` would. */
export async function validateTree(ctx: AppContext, lessonsDir: string, known: readonly LessonSummary[]): Promise<TreeValidation> {
  const lessonFiles = await findLessonFiles([lessonsDir]);
  const options = await validateOptions(ctx, new Set(known.map((l) => l.id)));
  const reports: LessonReport[] = [];
  for (const file of lessonFiles) reports.push(await validateLessonFile(file, options));
  const problems = [...reports.flatMap((r) => r.problems), ...(await crossFileProblems(reports, options))];
  return { lessonFiles, reports, errors: problems.filter((p) => p.severity === 'error') };
}
