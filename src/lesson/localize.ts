// Turns a source lesson and (maybe) a translation into the lesson the learner
// reads. A string the translation lacks stays in the source language, marked, so
// a learner knows the text is not a mistake and a translator knows what to fill.
import { FALLBACK_MARK, type Lang } from '../i18n/index.js';
import type { Lesson, Translation } from './types.js';
import { translatableStrings } from './translatable.js';

export interface Localized {
  lesson: Lesson;
  /** How many strings fell back to the source language. */
  missing: number;
  outdated: boolean;
}

export function localize(source: Lesson, translation: Translation | undefined, lang: Lang): Localized {
  if (lang === source.lang) return { lesson: source, missing: 0, outdated: false };
  const lesson = structuredClone(source);
  lesson.lang = lang;
  let missing = 0;
  for (const s of translatableStrings(source)) {
    const value = translation ? s.get(translation) : undefined;
    if (value === undefined || value === '') {
      missing++;
      s.set(lesson, FALLBACK_MARK[lang] + s.source);
    } else s.set(lesson, value);
  }
  const outdated = translation !== undefined && translation.source_version < source.version;
  return { lesson, missing, outdated };
}
