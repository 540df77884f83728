import type { TextStep } from '../../lesson/types.js';
import { renderMarkdown, type StepRunner } from './types.js';

export const runTextStep: StepRunner<TextStep> = async (step, _saved, env) => {
  env.print(renderMarkdown(step.body, env.width, env.style));
  env.print();
  if (step.contacts?.length) await env.showContacts(step.contacts);
  const next = await env.prompter.select(env.t(step.end ? 'runner.finish' : 'runner.next'), [
    { name: env.t(step.end ? 'runner.finishChoice' : 'runner.continue'), value: 'next' },
    { name: env.t('runner.saveQuit'), value: 'quit' },
  ]);
  return next === 'quit' ? { record: { done: false }, quit: true } : { record: { done: true } };
};
