// Where a lesson resumes, and which step number it shows there: numbers count
// the steps on the learner's own path, so they go on from where they stopped.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lesson/types.js';
import { emptyProgress, markStep } from '../../src/progress/store.js';
import { resumePoint } from '../../src/runner/run-lesson.js';
import { sampleLesson } from '../helpers/fixtures.js';

const lesson = sampleLesson() as unknown as Lesson;
const index = (id: string): number => lesson.steps.findIndex((s) => s.id === id);

function doneUpTo(ids: string[], chose?: string) {
  const progress = emptyProgress();
  for (const id of ids) markStep(progress, lesson.id, lesson.version, id, id === 'fork' ? { done: true, chose: chose! } : { done: true });
  return progress.lessons[lesson.id];
}

describe('resume point', () => {
  it('starts at step 1 with nothing done', () => {
    expect(resumePoint(lesson, undefined)).toEqual({ index: 0, done: 0 });
  });

  it('goes on after the steps done, numbering from there', () => {
    expect(resumePoint(lesson, doneUpTo(['intro', 'quiz-one', 'quiz-many', 'todo']))).toEqual({ index: index('fork'), done: 4 });
  });

  it('follows the branch taken: on the right path the check is step 7', () => {
    expect(resumePoint(lesson, doneUpTo(['intro', 'quiz-one', 'quiz-many', 'todo', 'fork', 'right-path'], 'right'))).toEqual({ index: index('scan'), done: 6 });
  });

  it('shows a choice again when its saved option no longer exists', () => {
    expect(resumePoint(lesson, doneUpTo(['intro', 'quiz-one', 'quiz-many', 'todo', 'fork'], 'gone'))).toEqual({ index: index('fork'), done: 4 });
  });

  it('is finished when the path reached an ending', () => {
    expect(resumePoint(lesson, doneUpTo(['intro', 'quiz-one', 'quiz-many', 'todo', 'fork', 'left-end'], 'left'))).toEqual({ index: null, done: 6 });
  });
});
