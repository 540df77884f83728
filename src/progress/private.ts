// Lessons whose very presence in a progress file would say something about the
// person (that they fear transnational repression, are documenting threats,
// check whether they are wanted): their progress is never written to disk.
// The lesson runs as usual; if it is stopped, it starts again next time.
import type { ProgressData } from './store.js';

/** Topics whose lessons leave no trace in the progress file. */
export const PRIVATE_TOPICS: ReadonlySet<string> = new Set(['repression']);

export function isPrivateLesson(lesson: { topic: string }): boolean {
  return PRIVATE_TOPICS.has(lesson.topic);
}

/** The progress without the lessons in `ids` (and without `current` pointing at one). */
export function withoutLessons(data: ProgressData, ids: ReadonlySet<string>): ProgressData {
  const lessons = Object.create(null) as ProgressData['lessons'];
  for (const [id, record] of Object.entries(data.lessons)) if (!ids.has(id)) lessons[id] = record;
  const out: ProgressData = { ...data, lessons };
  if (out.current !== undefined && ids.has(out.current)) delete out.current;
  return out;
}
