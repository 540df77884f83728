// `safestep lesson validate [paths...]`: the contributor's linter, and CI's.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import { findLessonFiles, loadCatalog } from '../lesson/catalog.js';
import type { Problem } from '../lesson/types.js';
import { crossFileProblems, validateLessonFile, type LessonReport } from '../lesson/validate.js';
import { oneLine } from '../sanitize.js';
import { validateOptions } from '../lesson/validate-options.js';
import { loadContacts } from '../contacts/load.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './lesson-validate.cli.js';

type Options = OptionsOf<typeof spec>;
import { contactDateProblems } from '../contacts/staleness.js';

/** A translation file stands for its lesson; a folder for every lesson inside it. */
async function collect(inputs: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(input);
    let info;
    try {
      info = await stat(full);
    } catch {
      missing.push(full);
      continue;
    }
    if (info.isDirectory()) {
      for (const f of await findLessonFiles([full])) files.add(f);
    } else {
      files.add(full.replace(/\.(en|ru)\.ya?ml$/i, '.yaml'));
    }
  }
  return { files: [...files], missing };
}

export function formatProblem(p: Problem, cwd: string): string {
  const rel = path.relative(cwd, p.file);
  const shown = rel && !rel.startsWith('..') ? rel : p.file;
  return `${oneLine(shown)}:${p.line}:${p.col}: ${p.code}: ${oneLine(p.message)}`;
}

export default async function lessonValidate(ctx: AppContext, inputs: string[], opts: Options): Promise<number> {
  const targets = inputs.length > 0 ? inputs : ctx.paths.lessonDirs;
  const { files, missing } = await collect(targets);
  const known = await loadCatalog(ctx.paths.lessonDirs, ctx.paths.dataDir, ctx.t);
  const options = await validateOptions(ctx, new Set(known.lessons.map((l) => l.id)));
  const reports: LessonReport[] = [];
  for (const file of files) reports.push(await validateLessonFile(file, options));
  const directory = await loadContacts(ctx.t);
  const problems: Problem[] = [
    ...directory.problems.filter((p) => p.code !== 'file-unreadable'),
    ...(await contactDateProblems(ctx.t, ctx.now())),
    ...missing.map((file): Problem => ({ file, line: 1, col: 1, severity: 'error', code: 'file-unreadable', message: ctx.t('val.noSuchPath') })),
    ...reports.flatMap((r) => r.problems),
    ...(await crossFileProblems(reports, options)),
  ];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const failed = errors.length > 0 || (opts.strict === true && warnings.length > 0);

  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ lessons: files.length, errors: errors.length, warnings: warnings.length, problems }, null, 2) + '\n');
    return failed ? EXIT_PROBLEMS : EXIT_OK;
  }
  const cwd = process.cwd();
  const out: string[] = [];
  if (errors.length > 0) out.push(ctx.t('validate.errors', { count: errors.length }), ...errors.map((p) => formatProblem(p, cwd)), '');
  if (warnings.length > 0) out.push(ctx.t('validate.warnings', { count: warnings.length }), ...warnings.map((p) => formatProblem(p, cwd)), '');
  out.push(ctx.t('validate.summary', { lessons: files.length, count: files.length, errors: errors.length, warnings: warnings.length }));
  if (files.length === 0 && missing.length === 0) out.push(ctx.t('validate.noneFound'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}
