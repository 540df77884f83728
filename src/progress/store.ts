// Learner progress: which steps are done, quiz correctness, ticked checklist
// items and the branch taken at each choice. Ids only, never free text, so the
// file says nothing personal if someone else reads it.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { isLang, type Lang } from '../i18n/index.js';

/**
 * 1: steps per lesson. 2: each lesson also keeps the language it is taken in,
 * so resuming it continues in that language. Format 1 files are read and
 * written back as 2 (their lessons have no language yet).
 */
export const PROGRESS_FORMAT = 2;
const READABLE_FORMATS = new Set([1, 2]);

export interface StepProgress {
  done: boolean;
  /** Quiz: answered right on the first try. */
  correct?: boolean;
  /** Checklist: ids of ticked items. */
  ticked?: string[];
  /** Choice: the option taken. */
  chose?: string;
  /** The lesson version the step was completed under. */
  v: number;
}

export interface LessonProgress {
  version: number;
  /** The language the learner takes the lesson in (format 2). */
  lang?: Lang;
  steps: Record<string, StepProgress>;
  finished?: string;
  updated: string;
}

export interface ProgressData {
  format: number;
  current?: string;
  lessons: Record<string, LessonProgress>;
}

export interface LoadResult {
  data: ProgressData;
  /** Set when an unreadable file was moved aside. */
  movedAside?: string;
}

export function emptyProgress(): ProgressData {
  return { format: PROGRESS_FORMAT, lessons: {} };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Accepts only the shape we write: a hand-edited or foreign file must not smuggle in anything else. */
export function parseProgress(text: string): ProgressData {
  const raw = JSON.parse(text) as unknown;
  if (!isRecord(raw) || typeof raw.format !== 'number' || !READABLE_FORMATS.has(raw.format) || !isRecord(raw.lessons)) throw new Error('not a safestep progress file');
  const data = emptyProgress();
  if (typeof raw.current === 'string' && ID.test(raw.current)) data.current = raw.current;
  for (const [id, lesson] of Object.entries(raw.lessons)) {
    if (!ID.test(id) || !isRecord(lesson) || !isRecord(lesson.steps)) throw new Error(`bad entry for lesson ${JSON.stringify(id.slice(0, 64))}`);
    const clean: LessonProgress = { version: Number(lesson.version) || 1, steps: {}, updated: String(lesson.updated ?? '') };
    if (typeof lesson.finished === 'string') clean.finished = lesson.finished;
    if (typeof lesson.lang === 'string' && isLang(lesson.lang)) clean.lang = lesson.lang;
    for (const [stepId, step] of Object.entries(lesson.steps)) {
      if (!ID.test(stepId) || !isRecord(step)) throw new Error(`bad step entry in lesson ${id}`);
      const s: StepProgress = { done: step.done === true, v: Number(step.v) || 1 };
      if (typeof step.correct === 'boolean') s.correct = step.correct;
      if (Array.isArray(step.ticked)) s.ticked = step.ticked.filter((x): x is string => typeof x === 'string' && ID.test(x));
      if (typeof step.chose === 'string' && ID.test(step.chose)) s.chose = step.chose;
      clean.steps[stepId] = s;
    }
    data.lessons[id] = clean;
  }
  return data;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class ProgressStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'progress.json');
  }

  async load(now = new Date()): Promise<LoadResult> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { data: emptyProgress() };
      throw err;
    }
    try {
      return { data: parseProgress(text) };
    } catch {
      // Keep the damaged file for the user (or a helper) to look at; start afresh.
      const aside = `${this.file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.file, aside);
      return { data: emptyProgress(), movedAside: aside };
    }
  }

  async save(data: ProgressData): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data, null, 1) + '\n');
  }
}

export function markStep(data: ProgressData, lessonId: string, lessonVersion: number, stepId: string, step: Omit<StepProgress, 'v'>, now = new Date()): void {
  const lesson = (data.lessons[lessonId] ??= { version: lessonVersion, steps: {}, updated: now.toISOString() });
  lesson.version = lessonVersion;
  lesson.steps[stepId] = { ...step, v: lessonVersion };
  lesson.updated = now.toISOString();
  data.current = lessonId;
}

/** Merges an imported file: a step done on either computer stays done. */
export function mergeProgress(into: ProgressData, from: ProgressData): { lessons: number } {
  let lessons = 0;
  for (const [id, incoming] of Object.entries(from.lessons)) {
    const existing = into.lessons[id];
    lessons++;
    if (!existing) {
      into.lessons[id] = incoming;
      continue;
    }
    for (const [stepId, step] of Object.entries(incoming.steps)) {
      const mine = existing.steps[stepId];
      if (!mine || (!mine.done && step.done) || (step.done && step.v > mine.v)) existing.steps[stepId] = step;
    }
    existing.version = Math.max(existing.version, incoming.version);
    existing.lang ??= incoming.lang;
    if (incoming.finished && !existing.finished) existing.finished = incoming.finished;
    if (incoming.updated > existing.updated) existing.updated = incoming.updated;
  }
  into.current ??= from.current;
  return { lessons };
}
