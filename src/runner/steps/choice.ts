// Branching scenarios and incident decision trees: the learner's answer decides
// which step comes next. The choice is stored (as an option id) so resuming
// follows the same branch.
import type { ChoiceStep } from '../../lesson/types.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderMarkdown, type StepRunner } from './types.js';

export const runChoiceStep: StepRunner<ChoiceStep> = async (step, saved, env) => {
  if (step.body) env.print(renderMarkdown(step.body, env.width, env.style));
  const picked = await env.prompter.select(
    stripUnsafe(step.prompt),
    step.options.map((o) => ({ name: stripUnsafe(o.label), value: o.id })),
    saved?.chose,
  );
  const option = step.options.find((o) => o.id === picked)!;
  env.print();
  return { record: { done: true, chose: option.id }, goto: option.goto };
};
