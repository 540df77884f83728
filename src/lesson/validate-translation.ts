// Checks one translation file against its source lesson: missing strings,
// strings for steps that no longer exist, and translations made for an older
// version of the source (the Umbrella problem: stale translations go unnoticed).
import { access } from 'node:fs/promises';
import type { Lang, Translate } from '../i18n/index.js';
import { glossaryProblems } from './glossary.js';
import { translationSchema } from './lesson-schema.js';
import { compileInline, schemaProblems } from './schema-check.js';
import { translatableStrings } from './translatable.js';
import type { Lesson, Problem, Translation } from './types.js';
import { translationPath } from './translation-path.js';

export { translationPath };
import { offsetOf, problemAt, readSource, type PathSegment } from './yaml-source.js';

export async function validateTranslation(
  lesson: Lesson,
  file: string,
  lang: Lang,
  t: Translate,
): Promise<{ problems: Problem[]; translation?: Translation }> {
  try {
    await access(file);
  } catch {
    const problem: Problem = { file, line: 1, col: 1, severity: 'warning', code: 'translation-missing', message: t('val.translationMissing', { lang }) };
    return { problems: [problem] };
  }
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const doc = source.doc;
  const validate = await compileInline(translationSchema());
  if (!validate(source.value)) {
    return { problems: schemaProblems(validate.errors ?? [], { file, doc, lines: source.lines }, t) };
  }
  const translation = source.value as Translation;
  const problems: Problem[] = [];
  const add = (where: readonly PathSegment[], severity: Problem['severity'], code: string, message: string, key = false): void => {
    problems.push(problemAt(file, source.lines, offsetOf(doc, where, key), severity, code, message));
  };

  if (translation.lang !== lang) add(['lang'], 'error', 'translation-lang', t('val.translationLang', { expected: lang, found: translation.lang }));
  if (translation.lesson !== lesson.id) add(['lesson'], 'error', 'translation-lesson', t('val.translationLesson', { expected: lesson.id, found: translation.lesson }));
  if (translation.source_version < lesson.version) {
    add(['source_version'], 'warning', 'translation-outdated', t('val.translationOutdated', { lang, found: translation.source_version, current: lesson.version }));
  } else if (translation.source_version > lesson.version) {
    add(['source_version'], 'error', 'translation-ahead', t('val.translationAhead', { found: translation.source_version, current: lesson.version }));
  }

  // Missing strings, reported once per step (or once for the lesson header) so a long list stays readable.
  const missingByOwner = new Map<string, { where: PathSegment[]; names: string[] }>();
  const expected = new Set<string>();
  for (const s of translatableStrings(lesson)) {
    expected.add(s.path.join('/'));
    const value = s.get(translation);
    if (value !== undefined && value !== '') continue;
    const owner = s.path[0] === 'steps' ? ['steps', s.path[1]!] : [];
    const ownerKey = owner.join('/');
    const entry = missingByOwner.get(ownerKey) ?? { where: owner, names: [] };
    entry.names.push(s.path.slice(owner.length).join('.'));
    missingByOwner.set(ownerKey, entry);
  }
  for (const { where, names } of missingByOwner.values()) {
    const step = where[1] === undefined ? '' : String(where[1]);
    add(where, 'warning', 'translation-incomplete', step ? t('val.translationStepMissing', { lang, step, names: names.join(', ') }) : t('val.translationMissingKeys', { lang, names: names.join(', ') }));
  }
  if ((translation.objectives?.length ?? 0) > lesson.objectives.length) {
    add(['objectives'], 'warning', 'translation-unknown-key', t('val.translationExtraObjectives'));
  }

  // Strings for things the source no longer has: usually a renamed id.
  const stepIds = new Set(lesson.steps.map((s) => s.id));
  for (const [stepId, st] of Object.entries(translation.steps)) {
    if (!stepIds.has(stepId)) {
      add(['steps', stepId], 'warning', 'translation-unknown-key', t('val.translationUnknownStep', { id: stepId }), true);
      continue;
    }
    // A string is a field of the step (title, body); an object groups strings by id (choices, items).
    for (const [key, value] of Object.entries(st)) {
      if (typeof value === 'string') {
        if (!expected.has(['steps', stepId, key].join('/'))) add(['steps', stepId, key], 'warning', 'translation-unknown-key', t('val.translationUnknownField', { field: key, step: stepId }), true);
        continue;
      }
      for (const id of Object.keys((value ?? {}) as object)) {
        const prefix = ['steps', stepId, key, id].join('/');
        const known = [...expected].some((p) => p === prefix || p.startsWith(prefix + '/'));
        if (!known) add(['steps', stepId, key, id], 'warning', 'translation-unknown-key', t('val.translationUnknownKey', { id, step: stepId }), true);
      }
    }
  }
  problems.push(...(await glossaryProblems(source, lang, t)));
  return { problems, translation };
}
