// Quizzes teach rather than test: every choice has its own explanation, a wrong
// answer can be retried, and only the first attempt counts as "correct".
import type { QuizChoice, QuizStep } from '../../lesson/types.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderMarkdown, type StepEnv, type StepRunner } from './types.js';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function explain(choice: QuizChoice, env: StepEnv): void {
  const mark = choice.correct ? env.t('quiz.markRight') : env.t('quiz.markWrong');
  env.print(renderMarkdown(`${mark} **${choice.label}**: ${choice.explain}`, env.width, env.style));
}

export const runQuizStep: StepRunner<QuizStep> = async (step, saved, env) => {
  env.print(renderMarkdown(step.prompt, env.width, env.style));
  const right = step.choices.filter((c) => c.correct).map((c) => c.id);
  // A wrong first attempt stays wrong even if the learner stopped and came back.
  let firstTry: boolean | undefined = saved?.correct;
  for (;;) {
    const picked = step.multiple
      ? await env.prompter.checkbox(env.t('quiz.pickAll'), step.choices.map((c) => ({ name: stripUnsafe(c.label), value: c.id })))
      : [await env.prompter.select(env.t('quiz.pickOne'), step.choices.map((c) => ({ name: stripUnsafe(c.label), value: c.id })))];
    const correct = sameSet(picked, right);
    firstTry ??= correct;
    env.print();
    env.print(env.style.bold(correct ? env.t('quiz.right') : env.t('quiz.notQuite')));
    // Explain what the learner chose, and in multiple choice also what they missed.
    const relevant = step.choices.filter((c) => picked.includes(c.id) || (step.multiple && c.correct));
    for (const choice of relevant) explain(choice, env);
    env.print();
    if (correct) break;
    const next = await env.prompter.select(env.t('quiz.whatNow'), [
      { name: env.t('quiz.retry'), value: 'retry' },
      { name: env.t('quiz.showAnswer'), value: 'show' },
      { name: env.t('runner.saveQuit'), value: 'quit' },
    ]);
    if (next === 'quit') return { record: { done: false, correct: firstTry }, quit: true };
    if (next === 'show') {
      for (const choice of step.choices.filter((c) => c.correct)) explain(choice, env);
      env.print();
      break;
    }
  }
  return { record: { done: true, correct: firstTry ?? false } };
};
