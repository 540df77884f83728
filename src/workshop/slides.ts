// A workshop as a list of slides: per agenda item a title slide, then one slide
// per lesson step. Pure data, so the presenter only draws and handles keys.
import type { Lang } from '../i18n/index.js';
import type { Lesson, Step } from '../lesson/types.js';
import { textIn, type AgendaItem, type PlanText } from './plan.js';

export type Slide =
  | { kind: 'lesson-title'; item: number; lesson: Lesson; notes?: string }
  | { kind: 'step'; item: number; lesson: Lesson; step: Step; index: number }
  | { kind: 'break'; item: number; minutes: number; title?: string }
  | { kind: 'activity'; item: number; minutes: number; title: string; notes?: string };

export function buildSlides(agenda: readonly AgendaItem[], lessons: ReadonlyMap<string, Lesson>, lang: Lang = 'en'): Slide[] {
  const text = (v: PlanText | undefined): string | undefined => (v === undefined ? undefined : textIn(v, lang) || undefined);
  const slides: Slide[] = [];
  agenda.forEach((entry, item) => {
    if ('break' in entry) {
      const title = text(entry.title);
      slides.push({ kind: 'break', item, minutes: entry.break, ...(title ? { title } : {}) });
      return;
    }
    if ('activity' in entry) {
      const notes = text(entry.notes);
      slides.push({ kind: 'activity', item, minutes: entry.minutes, title: text(entry.activity) ?? '', ...(notes ? { notes } : {}) });
      return;
    }
    const lesson = lessons.get(entry.lesson);
    if (!lesson) return;
    const notes = text(entry.notes);
    slides.push({ kind: 'lesson-title', item, lesson, ...(notes ? { notes } : {}) });
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
