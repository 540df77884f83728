// The lesson validator: the same code runs for `safestep lesson validate`, in CI,
// and before a lesson is run. Every problem is positioned in the file an author
// edits, as file:line:col: code: message.
import path from 'node:path';
import type { Translate, Lang } from '../i18n/index.js';
import { LANGS } from '../i18n/index.js';
import { analyseFlow } from './flow.js';
import { stepModule } from './steps/index.js';
import { lessonSchema } from './lesson-schema.js';
import { compileInline, schemaProblems } from './schema-check.js';
import { validateTranslation, translationPath } from './validate-translation.js';
import type { Lesson, Problem, Translation } from './types.js';
import { offsetOf, problemAt, readSource, type ParsedSource, type PathSegment } from './yaml-source.js';
import { isReservedId } from '../text/ids.js';

export interface ValidateOptions {
  t: Translate;
  /** The language of `t`, for the messages step types keep beside their code (default en). */
  lang?: Lang;
  today: Date;
  /** Registered checks and their options schemas. */
  checks: ReadonlyMap<string, object>;
  /** Lesson ids that exist besides the ones being validated (installed, shipped). */
  knownLessonIds?: ReadonlySet<string>;
  /** Help directory ids; when given, `contacts:` references are checked against them. */
  contactIds?: ReadonlySet<string>;
}

export interface LessonReport {
  file: string;
  lesson?: Lesson;
  translations: Partial<Record<Lang, Translation>>;
  problems: Problem[];
}

const STALE_AFTER_DAYS = 365;

export async function validateLessonFile(file: string, opts: ValidateOptions): Promise<LessonReport> {
  const source = await readSource(file, opts.t);
  const report: LessonReport = { file, translations: {}, problems: [...source.problems] };
  if (!source.doc || source.value === undefined) return report;

  const validate = await compileInline(lessonSchema());
  const target = { file, doc: source.doc, lines: source.lines };
  if (!validate(source.value)) {
    report.problems.push(...schemaProblems(validate.errors ?? [], target, opts.t));
    // References are checked too, so an author sees every problem in one run rather than in rounds.
    report.problems.push(...referenceProblems(source.value, source, opts.t));
    report.problems.sort((a, b) => a.line - b.line || a.col - b.col);
    return report;
  }
  const lesson = source.value as Lesson;
  report.lesson = lesson;
  report.problems.push(...(await semanticProblems(lesson, source, opts)));

  for (const lang of LANGS) {
    if (lang === lesson.lang) continue;
    const result = await validateTranslation(lesson, translationPath(file, lang), lang, opts.t);
    report.problems.push(...result.problems);
    if (result.translation) report.translations[lang] = result.translation;
  }
  return report;
}

async function semanticProblems(lesson: Lesson, source: ParsedSource, opts: ValidateOptions): Promise<Problem[]> {
  const { t } = opts;
  const problems: Problem[] = [];
  const doc = source.doc!;
  const add = (where: readonly PathSegment[], severity: Problem['severity'], code: string, message: string): void => {
    problems.push(problemAt(source.file, source.lines, offsetOf(doc, where), severity, code, message));
  };

  // Ids are looked up in progress files and maps: none may be a name Object.prototype already has.
  const ids: { where: PathSegment[]; id: string }[] = [{ where: ['id'], id: lesson.id }];
  lesson.sources.forEach((s, i) => ids.push({ where: ['sources', i, 'id'], id: s.id }));
  lesson.steps.forEach((step, i) => {
    ids.push({ where: ['steps', i, 'id'], id: step.id });
    if (step.type === 'quiz') step.choices.forEach((c, j) => ids.push({ where: ['steps', i, 'choices', j, 'id'], id: c.id }));
    if (step.type === 'checklist') step.items.forEach((c, j) => ids.push({ where: ['steps', i, 'items', j, 'id'], id: c.id }));
    if (step.type === 'choice') step.options.forEach((c, j) => ids.push({ where: ['steps', i, 'options', j, 'id'], id: c.id }));
  });
  for (const { where, id } of ids) if (isReservedId(id)) add(where, 'error', 'reserved-id', t('val.reservedId', { id }));

  if (path.basename(source.file) === 'lesson.yaml') {
    const folder = path.basename(path.dirname(source.file));
    if (folder !== lesson.id) add(['id'], 'error', 'id-mismatch', t('val.idMismatch', { id: lesson.id, folder }));
  }

  duplicates(lesson.sources.map((s) => s.id)).forEach((i) => add(['sources', i, 'id'], 'error', 'duplicate-id', t('val.duplicateSource', { id: lesson.sources[i]!.id })));
  const sourceIds = new Set(lesson.sources.map((s) => s.id));
  const stepIds = new Set(lesson.steps.map((s) => s.id));
  duplicates(lesson.steps.map((s) => s.id)).forEach((i) => add(['steps', i, 'id'], 'error', 'duplicate-step', t('val.duplicateStep', { id: lesson.steps[i]!.id })));

  const target = { file: source.file, doc, lines: source.lines };
  for (const [i, step] of lesson.steps.entries()) {
    const at = (rest: readonly PathSegment[]): PathSegment[] => ['steps', i, ...rest];
    step.sources?.forEach((id, j) => {
      if (!sourceIds.has(id)) add(at(['sources', j]), 'error', 'unknown-source', t('val.unknownSource', { id }));
    });
    if (step.next !== undefined && !stepIds.has(step.next)) add(at(['next']), 'error', 'unknown-target', t('val.unknownTarget', { id: step.next }));
    if (step.next !== undefined && step.end) add(at(['end']), 'error', 'next-and-end', t('val.nextAndEnd'));
    await stepModule(step).validate?.(step, {
      t,
      lang: opts.lang ?? 'en',
      stepIds,
      checks: opts.checks,
      ...(opts.contactIds ? { contactIds: opts.contactIds } : {}),
      error: (where, code, message) => add(at(where), 'error', code, message),
      warning: (where, code, message) => add(at(where), 'warning', code, message),
      async schema(schema, value, where, report) {
        const validateValue = await compileInline(schema);
        if (validateValue(value)) return;
        for (const p of schemaProblems(validateValue.errors ?? [], target, t, at(where))) problems.push({ ...p, ...report(p.message) });
      },
    });
  }

  for (const issue of analyseFlow(lesson.steps)) {
    const id = lesson.steps[issue.stepIndex]!.id;
    if (issue.kind === 'unreachable') add(['steps', issue.stepIndex, 'id'], 'error', 'unreachable-step', t('val.unreachable', { id }));
    else if (issue.kind === 'no-ending') add(['steps', issue.stepIndex, 'id'], 'error', 'no-ending', t('val.noEnding', { id }));
    else add(['steps', issue.stepIndex, 'id'], 'warning', 'falls-into-branch', t('val.fallsIntoBranch', { id, target: issue.target ?? '' }));
  }

  if (lesson.draft) add(['draft'], 'warning', 'draft', t('val.draft'));

  const reviewed = Date.parse(lesson.reviewed + 'T00:00:00Z');
  if (Number.isNaN(reviewed)) add(['reviewed'], 'error', 'schema', t('val.schema.date', { field: 'reviewed' }));
  else {
    const ageDays = (opts.today.getTime() - reviewed) / 86_400_000;
    if (ageDays > STALE_AFTER_DAYS) add(['reviewed'], 'warning', 'review-stale', t('val.reviewStale', { date: lesson.reviewed }));
    if (ageDays < -1) add(['reviewed'], 'warning', 'review-future', t('val.reviewFuture', { date: lesson.reviewed }));
  }
  return problems;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The references of a lesson that does not fit the schema, read as far as its
 * shape allows: `next` and `goto` targets that name no step, and step sources
 * that name no source. Anything not shaped as expected is left to the schema
 * errors already reported.
 */
function referenceProblems(value: unknown, source: ParsedSource, t: Translate): Problem[] {
  if (!isObject(value) || !Array.isArray(value.steps)) return [];
  const problems: Problem[] = [];
  const add = (where: readonly PathSegment[], code: string, message: string): void => {
    problems.push(problemAt(source.file, source.lines, offsetOf(source.doc!, where), 'error', code, message));
  };
  const steps = value.steps as unknown[];
  const stepIds = new Set(steps.flatMap((s) => (isObject(s) && typeof s.id === 'string' ? [s.id] : [])));
  const sourceIds = new Set(Array.isArray(value.sources) ? value.sources.flatMap((s) => (isObject(s) && typeof s.id === 'string' ? [s.id] : [])) : []);
  steps.forEach((step, i) => {
    if (!isObject(step)) return;
    if (typeof step.next === 'string' && !stepIds.has(step.next)) add(['steps', i, 'next'], 'unknown-target', t('val.unknownTarget', { id: step.next }));
    if (Array.isArray(step.sources) && Array.isArray(value.sources)) {
      step.sources.forEach((id, j) => {
        if (typeof id === 'string' && !sourceIds.has(id)) add(['steps', i, 'sources', j], 'unknown-source', t('val.unknownSource', { id }));
      });
    }
    // Branches (a choice's options, a quiz's answers) name their target in `goto`.
    for (const [key, list] of Object.entries(step)) {
      if (!Array.isArray(list)) continue;
      list.forEach((item, j) => {
        if (isObject(item) && typeof item.goto === 'string' && !stepIds.has(item.goto)) add(['steps', i, key, j, 'goto'], 'unknown-target', t('val.unknownTarget', { id: item.goto }));
      });
    }
  });
  return problems;
}

/** Indexes of the second and later occurrences of each repeated value. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) repeated.push(i);
    seen.add(v);
  });
  return repeated;
}

/** Cross-file rules: duplicate lesson ids and prerequisites that do not exist. */
export async function crossFileProblems(reports: readonly LessonReport[], opts: ValidateOptions): Promise<Problem[]> {
  const problems: Problem[] = [];
  const firstFile = new Map<string, string>();
  const ids = new Set(opts.knownLessonIds ?? []);
  for (const r of reports) if (r.lesson) ids.add(r.lesson.id);
  for (const r of reports) {
    const lesson = r.lesson;
    if (!lesson) continue;
    const needsPositions = firstFile.has(lesson.id) || (lesson.requires ?? []).some((id) => !ids.has(id));
    if (!needsPositions) {
      firstFile.set(lesson.id, r.file);
      continue;
    }
    const source = await readSource(r.file, opts.t);
    if (!source.doc) continue;
    const add = (where: PathSegment[], code: string, message: string): void => {
      problems.push(problemAt(r.file, source.lines, offsetOf(source.doc!, where), 'error', code, message));
    };
    const first = firstFile.get(lesson.id);
    if (first) add(['id'], 'duplicate-lesson', opts.t('val.duplicateLesson', { id: lesson.id, other: first }));
    else firstFile.set(lesson.id, r.file);
    (lesson.requires ?? []).forEach((id, i) => {
      if (!ids.has(id)) add(['requires', i], 'unknown-lesson', opts.t('val.unknownRequires', { id }));
    });
  }
  return problems;
}
