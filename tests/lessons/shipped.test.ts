// The shipped curriculum: every lesson validates with no errors and no
// warnings, and every branch of every lesson runs to an ending in English and
// in Russian with nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { checkIds, checkLoaders } from '../../checks/index.js';
import type { OptionsSchema } from '../../src/check-kit/types.js';
import { translator, type Lang } from '../../src/i18n/index.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { localize } from '../../src/lesson/localize.js';
import type { Lesson } from '../../src/lesson/types.js';
import { validateLessonFile } from '../../src/lesson/validate.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { loadContacts } from '../../src/contacts/load.js';
import { contactDateProblems } from '../../src/contacts/staleness.js';
import { emptyProgress } from '../../src/progress/store.js';
import { plainStyle } from '../../src/text/markdown.js';
import type { Prompter } from '../../src/prompter.js';
import { nextIndex, runLesson } from '../../src/runner/run-lesson.js';

/** Every sequence of options a learner can pick at the choice steps. */
function allPaths(lesson: Lesson): string[][] {
  const found: string[][] = [];
  const walk = (index: number | null, picked: string[], seen: Set<number>): void => {
    if (index === null || seen.has(index)) return void found.push(picked);
    const step = lesson.steps[index]!;
    const nextSeen = new Set(seen).add(index);
    if (step.type === 'choice') {
      for (const option of step.options) walk(nextIndex(lesson, index, option.goto), [...picked, option.id], nextSeen);
    } else walk(nextIndex(lesson, index), picked, nextSeen);
  };
  walk(0, [], new Set());
  return found;
}

function scriptedPrompter(lesson: Lesson, path: string[]): Prompter {
  const correct = new Set(lesson.steps.flatMap((s) => (s.type === 'quiz' ? s.choices.filter((c) => c.correct).map((c) => c.id) : [])));
  const queue = [...path];
  return {
    async select(_message, choices) {
      const values = choices.map((c) => c.value as unknown as string);
      if (queue.length && values.includes(queue[0]!)) return queue.shift() as never;
      const pick = values.find((v) => correct.has(v)) ?? values.find((v) => v === 'next' || v === 'skip') ?? values[0];
      return pick as never;
    },
    async checkbox(_message, choices) {
      const values = choices.map((c) => c.value as unknown as string);
      return (values.some((v) => correct.has(v)) ? values.filter((v) => correct.has(v)) : values) as never;
    },
    async confirm() {
      return false;
    },
    async password() {
      throw new Error('lessons do not ask for passwords here');
    },
    async input() {
      throw new Error('check steps are skipped in this walk');
    },
  };
}

// A fixed date, never today: staleness ("reviewed more than 12 months ago") is a
// warning for people to act on, not a test that starts failing on its own one
// day. Move it forward deliberately when lessons are re-reviewed.
const REVIEW_DATE = new Date('2026-12-31T00:00:00Z');

const files = await findLessonFiles([SHIPPED_LESSONS]);
const checks = new Map<string, OptionsSchema>();
for (const id of checkIds) checks.set(id, (await checkLoaders[id]!()).default.meta.options);
const directory = await loadContacts(translator('en'));
const contactIds = new Set(directory.contacts.map((c) => c.id));
const contactDates = await contactDateProblems(translator('en'), REVIEW_DATE);

describe('shipped lessons', () => {
  it('exist, with a valid help directory', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(directory.problems).toEqual([]);
  });

  it('have every contact confirmed within 12 months of the fixed review date', () => {
    expect(contactDates.map((p) => `${p.line}:${p.col} ${p.code} ${p.message}`)).toEqual([]);
  });

  describe.each(files.map((f) => [f.split('/').slice(-2, -1)[0]!, f]))('%s', (_id, file) => {
    it('validates with no errors and no warnings', async () => {
      const report = await validateLessonFile(file, { t: translator('en'), today: REVIEW_DATE, checks, contactIds });
      expect(report.problems.map((p) => `${p.line}:${p.col} ${p.code} ${p.message}`)).toEqual([]);
    });

    it.each(['en', 'ru'] as Lang[])('runs every branch to an ending in %s', async (lang) => {
      const report = await validateLessonFile(file, { t: translator('en'), today: REVIEW_DATE, checks, contactIds });
      const { lesson, missing } = localize(report.lesson!, report.translations[lang], lang);
      expect(missing).toBe(0);
      const paths = allPaths(lesson);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const progress = emptyProgress();
        const printed: string[] = [];
        const ran: string[] = [];
        const end = await runLesson({
          lesson,
          progress,
          save: async () => undefined,
          env: {
            t: translator(lang),
            lang,
            lessonId: lesson.id,
            prompter: scriptedPrompter(lesson, path),
            style: plainStyle,
            width: 80,
            print: (text = '') => void printed.push(text),
            runCheck: async (id) => void ran.push(id),
            explainCheck: async () => undefined,
            showContacts: async (ids) => {
              for (const id of ids) expect(contactIds.has(id), `contact ${id}`).toBe(true);
            },
          },
        });
        expect(end, `path ${path.join(' > ')}`).toBe('finished');
        expect(progress.lessons[lesson.id]?.finished).toBeDefined();
        const text = printed.join('\n');
        expect(text).not.toContain('[нет перевода]');
        expect(text).not.toContain('[not translated]');
        if (lang === 'ru') expect(text).toMatch(/[а-яё]{4,}/i);
      }
    });
  });
});
