// A workshop as a list of slides: per agenda item a title slide, then one slide
// per lesson step. Pure data, so the presenter only draws and handles keys.
import type { Lang } from '../i18n/index.js';
import type { Lesson, Step } from '../lesson/types.js';
import type { AgendaItem } from './plan.js';

export type Slide =
  | { kind: 'lesson-title'; item: number; lesson: Lesson }
  | { kind: 'step'; item: number; lesson: Lesson; step: Step; index: number }
  | { kind: 'break'; item: number; minutes: number; title?: string };

export function buildSlides(agenda: readonly AgendaItem[], lessons: ReadonlyMap<string, Lesson>): Slide[] {
  const slides: Slide[] = [];
  agenda.forEach((entry, item) => {
    if ('break' in entry) {
      slides.push({ kind: 'break', item, minutes: entry.break, ...(entry.title ? { title: entry.title } : {}) });
      return;
    }
    const lesson = lessons.get(entry.lesson);
    if (!lesson) return;
    slides.push({ kind: 'lesson-title', item, lesson });
    lesson.steps.forEach((step, index) => slides.push({ kind: 'step', item, lesson, step, index }));
  });
  return slides;
}

export interface PresenterState {
  slide: number;
  /** Seconds already spent on each agenda item (kept across interruptions). */
  spent: Record<string, number>;
}

export type PresenterLang = Lang;
