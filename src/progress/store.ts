// Learner progress: which steps are done, whether quiz answers were right, and
// which checklist items are ticked (so `safestep progress <id>` can show what
// is left). Ids only, never free text. What a person says about their own
// situation (the branch taken at a choice, such as "my phone was taken at the
// border") is kept in memory while the lesson runs and never written, and
// lessons on private topics leave no record at all: the file is readable by
// anyone who searches the computer (see docs/data-folder.md).
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { isLang, type Lang } from '../i18n/index.js';
import { dict, isReservedId } from '../text/ids.js';

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
  return { format: PROGRESS_FORMAT, lessons: dict() };
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Lesson and step ids as the validator allows them; never a name every object already has. */
const isId = (id: string): boolean => ID_PATTERN.test(id) && !isReservedId(id);

/** Accepts only the shape we write: a hand-edited or foreign file must not smuggle in anything else. */
export function parseProgress(text: string): ProgressData {
  const raw = JSON.parse(text) as unknown;
  if (!isRecord(raw) || typeof raw.format !== 'number' || !READABLE_FORMATS.has(raw.format) || !isRecord(raw.lessons)) throw new Error('not a safestep progress file');
  const data = emptyProgress();
  if (typeof raw.current === 'string' && isId(raw.current)) data.current = raw.current;
  for (const [id, lesson] of Object.entries(raw.lessons)) {
    if (!isId(id) || !isRecord(lesson) || !isRecord(lesson.steps)) throw new Error(`bad entry for lesson ${JSON.stringify(id.slice(0, 64))}`);
    const clean: LessonProgress = { version: Number(lesson.version) || 1, steps: dict(), updated: String(lesson.updated ?? '') };
    if (typeof lesson.finished === 'string') clean.finished = lesson.finished;
    if (typeof lesson.lang === 'string' && isLang(lesson.lang)) clean.lang = lesson.lang;
    for (const [stepId, step] of Object.entries(lesson.steps)) {
      if (!isId(stepId) || !isRecord(step)) throw new Error(`bad step entry in lesson ${id}`);
      const s: StepProgress = { done: step.done === true, v: Number(step.v) || 1 };
      if (typeof step.correct === 'boolean') s.correct = step.correct;
      if (Array.isArray(step.ticked)) s.ticked = step.ticked.filter((x): x is string => typeof x === 'string' && isId(x));
      if (typeof step.chose === 'string' && isId(step.chose)) s.chose = step.chose;
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
    await writeFileAtomic(this.file, JSON.stringify(atRest(data), null, 1) + '\n');
  }
}

/** What may be written to disk: the same progress without the choices a person made about their own situation. */
export function atRest(data: ProgressData): ProgressData {
  const out: ProgressData = { ...data, lessons: dict() };
  for (const [id, lesson] of Object.entries(data.lessons)) {
    const steps = dict<StepProgress>();
    for (const [stepId, step] of Object.entries(lesson.steps)) {
      const { chose: _chose, ...kept } = step;
      steps[stepId] = kept;
    }
    out.lessons[id] = { ...lesson, steps };
  }
  return out;
}

export function markStep(data: ProgressData, lessonId: string, lessonVersion: number, stepId: string, step: Omit<StepProgress, 'v'>, now = new Date()): void {
  const lesson = (data.lessons[lessonId] ??= { version: lessonVersion, steps: dict(), updated: now.toISOString() });
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
