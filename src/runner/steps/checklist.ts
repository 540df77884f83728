// Checklists are the actions a lesson asks for. Ticks are remembered, so a
// learner can come back after doing the rest on their phone.
import type { ChecklistStep } from '../../lesson/types.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderMarkdown, type StepRunner } from './types.js';

export const runChecklistStep: StepRunner<ChecklistStep> = async (step, saved, env) => {
  if (step.body) env.print(renderMarkdown(step.body, env.width, env.style));
  const before = new Set(saved?.ticked ?? []);
  const ticked = await env.prompter.checkbox(
    env.t('checklist.tick'),
    step.items.map((item) => ({ name: stripUnsafe(item.text), value: item.id, checked: before.has(item.id) })),
  );
  env.print();
  const left = step.items.filter((item) => !ticked.includes(item.id));
  env.print(env.t('checklist.summary', { done: ticked.length, total: step.items.length }));
  if (left.length > 0) env.print(env.t('checklist.later'));
  env.print();
  return { record: { done: true, ticked } };
};
