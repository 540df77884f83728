// The personal plan is data, not code (in the spirit of Security Planner):
// questions, and rules whose conditions are small trees over the answers.
import type { BilingualText as Bilingual } from '../i18n/messages.js';

export type { Bilingual };

export interface Question {
  id: string;
  type: 'single' | 'multiple';
  text: Bilingual;
  options: { id: string; label: Bilingual }[];
}

export type Condition =
  | { answer: { question: string; is?: string; includes?: string; in?: string[] } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface Rule {
  when: Condition;
  weight: number;
  lessons?: string[];
  checks?: string[];
  why?: Bilingual;
}

export interface PlanRules {
  questions: Question[];
  rules: Rule[];
  always: { lessons: string[]; checks?: string[] };
}

/** Option ids chosen per question: one for single, any number for multiple. */
export type Answers = Record<string, string[]>;

export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const given = answers[condition.answer.question] ?? [];
  const { is, includes } = condition.answer;
  const within = condition.answer.in;
  if (is !== undefined) return given.length === 1 && given[0] === is;
  if (includes !== undefined) return given.includes(includes);
  if (within !== undefined) return given.some((g) => within.includes(g));
  return given.length > 0;
}

export interface Plan {
  lessons: { id: string; why: Bilingual[] }[];
  checks: string[];
}

/** Lessons ordered by the total weight of the rules that ask for them; ties keep rule order. */
export function buildPlan(rules: PlanRules, answers: Answers, available: ReadonlySet<string>): Plan {
  const score = new Map<string, { weight: number; order: number; why: Bilingual[] }>();
  const checks: string[] = [];
  let order = 0;
  for (const rule of rules.rules) {
    if (!holds(rule.when, answers)) continue;
    for (const id of rule.lessons ?? []) {
      const entry = score.get(id) ?? { weight: 0, order: order++, why: [] };
      entry.weight += rule.weight;
      if (rule.why) entry.why.push(rule.why);
      score.set(id, entry);
    }
    for (const id of rule.checks ?? []) if (!checks.includes(id)) checks.push(id);
  }
  for (const id of rules.always.lessons) if (!score.has(id)) score.set(id, { weight: 0, order: order++, why: [] });
  for (const id of rules.always.checks ?? []) if (!checks.includes(id)) checks.push(id);
  const lessons = [...score.entries()]
    .filter(([id]) => available.has(id))
    .sort((a, b) => b[1].weight - a[1].weight || a[1].order - b[1].order)
    .map(([id, e]) => ({ id, why: e.why }));
  return { lessons, checks };
}

/** Every lesson, check and question id the rules mention, for the content linter. */
export function referencedIds(rules: PlanRules): { lessons: Set<string>; checks: Set<string>; answers: { question: string; option?: string }[] } {
  const lessons = new Set(rules.always.lessons);
  const checks = new Set(rules.always.checks ?? []);
  const answers: { question: string; option?: string }[] = [];
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      const a = c.answer;
      for (const option of [a.is, a.includes, ...(a.in ?? [])]) answers.push(option === undefined ? { question: a.question } : { question: a.question, option });
    }
  };
  for (const rule of rules.rules) {
    rule.lessons?.forEach((l) => lessons.add(l));
    rule.checks?.forEach((c) => checks.add(c));
    walk(rule.when);
  }
  return { lessons, checks, answers };
}
