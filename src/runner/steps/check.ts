// A lesson can run a registered local check, never code of its own. The learner
// is told what the check reads and is asked first.
import type { CheckStep } from '../../lesson/types.js';
import { renderMarkdown, type StepRunner } from './types.js';

export const runCheckStep: StepRunner<CheckStep> = async (step, _saved, env) => {
  if (step.prompt) env.print(renderMarkdown(step.prompt, env.width, env.style));
  await env.explainCheck(step.check);
  const run = await env.prompter.select(env.t('check.runNow'), [
    { name: env.t('check.run'), value: 'run' },
    { name: env.t('check.skip'), value: 'skip' },
    { name: env.t('runner.saveQuit'), value: 'quit' },
  ]);
  if (run === 'quit') return { record: { done: false }, quit: true };
  if (run === 'run') await env.runCheck(step.check, step.options ?? {});
  else env.print(env.t('check.skipped', { id: step.check }));
  env.print();
  return { record: { done: true } };
};
