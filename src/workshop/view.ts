// A plan in one language, ready to show or print: texts picked, the rules every
// room keeps and the trainer's checklist added before the plan's own, and the
// agenda timed. `workshop show`, `workshop check`, presenter mode and the
// handouts all read this one model.
import type { Lang } from '../i18n/index.js';
import { stripUnsafe } from '../sanitize.js';
import { W } from './messages.js';
import { clock, textIn, timeline, type WorkshopPlan } from './plan.js';

export interface AgendaRow {
  kind: 'lesson' | 'break' | 'activity';
  /** Start time (HH:MM) or offset (+0:20) when the plan has no start time. */
  when: string;
  offset: number;
  minutes: number;
  title: string;
  lesson?: string;
  notes: string;
}

export interface PlanView {
  id: string;
  lang: Lang;
  title: string;
  audience: string;
  /** Sum of the agenda. */
  minutes: number;
  start?: string;
  end: string;
  goals: string[];
  materials: string[];
  notes: string;
  roomSafety: string[];
  checklist: string[];
  takeHome: string[];
  selfCheck: string[];
  contacts: string[];
  lessons: string[];
  agenda: AgendaRow[];
}

export const ROOM_RULES = ['room.photos', 'room.names', 'room.chat', 'room.informer', 'room.distress'] as const;
export const READY_ITEMS = ['ready.print', 'ready.offline', 'ready.projector', 'ready.font'] as const;

export function planView(
  plan: WorkshopPlan,
  id: string,
  lang: Lang,
  lessonMinutes: ReadonlyMap<string, number>,
  lessonTitle: (id: string, lang: Lang) => string,
): PlanView {
  const m = W.text(lang);
  const text = (v: Parameters<typeof textIn>[0]): string => stripUnsafe(textIn(v, lang, plan)).trim();
  const texts = (list: Parameters<typeof textIn>[0][] | undefined): string[] => (list ?? []).map(text);
  const { items, total } = timeline(plan, lessonMinutes);
  const agenda = items.map(({ item, offset, minutes }): AgendaRow => {
    const when = clock(plan.start, offset);
    if ('break' in item) return { kind: 'break', when, offset, minutes, title: item.title ? text(item.title) : '', notes: '' };
    if ('activity' in item) return { kind: 'activity', when, offset, minutes, title: text(item.activity), notes: text(item.notes) };
    return { kind: 'lesson', when, offset, minutes, title: lessonTitle(item.lesson, lang), lesson: item.lesson, notes: text(item.notes) };
  });
  return {
    id,
    lang,
    title: text(plan.title),
    audience: text(plan.audience),
    minutes: total,
    ...(plan.start ? { start: plan.start } : {}),
    end: clock(plan.start, total),
    goals: texts(plan.goals),
    materials: texts(plan.materials),
    notes: text(plan.notes),
    roomSafety: [...ROOM_RULES.map((k) => m(k)), ...texts(plan.room_safety)],
    checklist: [...READY_ITEMS.map((k) => m(k, { id })), ...texts(plan.checklist)],
    takeHome: texts(plan.take_home),
    selfCheck: texts(plan.self_check),
    contacts: plan.contacts ?? [],
    lessons: [...new Set(agenda.flatMap((r) => (r.lesson ? [r.lesson] : [])))],
    agenda,
  };
}
