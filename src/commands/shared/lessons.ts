// Finding and opening lessons for the commands that show or run them.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../../errors.js';
import { closestIds, loadCatalog, type CatalogResult } from '../../lesson/catalog.js';
import type { Localized } from '../../lesson/localize.js';
import type { Lesson, Translation } from '../../lesson/types.js';
import type { Lang } from '../../i18n/index.js';
import { formatProblem } from '../lesson-validate.js';

export async function catalog(ctx: AppContext): Promise<CatalogResult> {
  const result = await loadCatalog(ctx.paths.lessonDirs, ctx.paths.dataDir, ctx.t);
  for (const broken of result.broken) {
    ctx.io.stderr.write(ctx.t('catalog.broken', { file: broken.file }) + '\n');
  }
  return result;
}

/** Whether something is at `p` (a file the person named, most often). */
export async function isFile(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** A lesson id from the catalog, or a path to a lesson.yaml (contributors preview their drafts). */
export async function resolveLessonFile(ctx: AppContext, idOrFile: string): Promise<string> {
  if (/[\\/]|\.ya?ml$/i.test(idOrFile) && (await isFile(idOrFile))) {
    return path.resolve(idOrFile);
  }
  const { lessons } = await catalog(ctx);
  const hit = lessons.find((l) => l.id === idOrFile);
  if (hit) return hit.file;
  const near = closestIds(idOrFile, lessons.map((l) => l.id));
  throw new SafestepError(
    ctx.t('lesson.unknown', { id: idOrFile }),
    EXIT_USAGE,
    near.length > 0 ? ctx.t('lesson.didYouMean', { ids: near.join(', ') }) : ctx.t('lesson.seeList'),
  );
}

export interface OpenedLesson extends Localized {
  source: Lesson;
  file: string;
  /** Every translation found, for commands that show more than one language. */
  translations: Partial<Record<Lang, Translation>>;
}

/** Validates before anything is shown: a lesson with errors is never run. */
export async function openLesson(ctx: AppContext, idOrFile: string): Promise<OpenedLesson> {
  const file = await resolveLessonFile(ctx, idOrFile);
  // The validator pulls in the YAML parser and ajv: only commands that open a lesson pay for them.
  const [{ validateLessonFile }, { localize }, { validateOptions }] = await Promise.all([
    import('../../lesson/validate.js'),
    import('../../lesson/localize.js'),
    import('../../lesson/validate-options.js'),
  ]);
  const report = await validateLessonFile(file, await validateOptions(ctx));
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (!report.lesson || errors.length > 0) {
    const first = errors[0];
    throw new SafestepError(
      ctx.t('lesson.hasErrors', { file, count: errors.length }) + (first ? `\n${formatProblem(first, process.cwd())}` : ''),
      EXIT_PROBLEMS,
      ctx.t('lesson.hintValidate', { file }),
    );
  }
  const localized = localize(report.lesson, report.translations[ctx.lang], ctx.lang);
  return { ...localized, source: report.lesson, file, translations: report.translations };
}

/** The opened lesson in another language than the context's (a resumed lesson keeps its own). */
export async function openedIn(ctx: AppContext, opened: OpenedLesson, lang: Lang): Promise<{ ctx: AppContext; localized: Localized }> {
  if (lang === ctx.lang) return { ctx, localized: opened };
  const [{ localize }, { translator }] = await Promise.all([import('../../lesson/localize.js'), import('../../i18n/index.js')]);
  return { ctx: { ...ctx, lang, t: translator(lang) }, localized: localize(opened.source, opened.translations[lang], lang) };
}
