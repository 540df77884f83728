// Runs a lesson from where the learner left off. Progress is saved after every
// step, so Ctrl+C, a closed laptop or a crash loses at most the current step.
import type { Lesson, Step } from '../lesson/types.js';
import { successors } from '../lesson/flow.js';
import { markStep, type LessonProgress, type ProgressData } from '../progress/store.js';
import { stripUnsafe } from '../sanitize.js';
import { isPromptExit } from '../prompter.js';
import { runCheckStep } from './steps/check.js';
import { runChecklistStep } from './steps/checklist.js';
import { runChoiceStep } from './steps/choice.js';
import { runQuizStep } from './steps/quiz.js';
import { runTextStep } from './steps/text.js';
import type { StepEnv, StepOutcome } from './steps/types.js';
import { renderMarkdown } from '../text/markdown.js';

/** quit: the learner chose to stop; interrupted: Ctrl+C or closed input. Progress is saved either way. */
export type LessonEnd = 'finished' | 'quit' | 'interrupted';

export interface RunLessonOptions {
  lesson: Lesson;
  progress: ProgressData;
  save(progress: ProgressData): Promise<void>;
  env: StepEnv;
  restart?: boolean;
  now?: () => Date;
}

function runStep(step: Step, saved: LessonProgress['steps'][string] | undefined, env: StepEnv): Promise<StepOutcome> {
  switch (step.type) {
    case 'text':
      return runTextStep(step, saved, env);
    case 'quiz':
      return runQuizStep(step, saved, env);
    case 'checklist':
      return runChecklistStep(step, saved, env);
    case 'choice':
      return runChoiceStep(step, saved, env);
    case 'check':
      return runCheckStep(step, saved, env);
  }
}

/** The step after `index` given what the learner did there; null when the lesson ends. */
export function nextIndex(lesson: Lesson, index: number, chose?: string): number | null {
  const step = lesson.steps[index]!;
  const byId = new Map(lesson.steps.map((s, i) => [s.id, i] as const));
  if (step.type === 'choice') {
    const option = step.options.find((o) => o.id === chose);
    return option ? (byId.get(option.goto) ?? null) : null;
  }
  return successors(lesson.steps, index, byId)[0] ?? null;
}

/** Follows the recorded path from the first step to the first step not done yet. */
export function resumeIndex(lesson: Lesson, record: LessonProgress | undefined): number | null {
  let index: number | null = 0;
  const visited = new Set<number>();
  while (index !== null && !visited.has(index)) {
    visited.add(index);
    const step = lesson.steps[index]!;
    const saved = record?.steps[step.id];
    if (!saved?.done) return index;
    // The branch taken is not written to disk (it says what happened to the person): a finished
    // lesson stays finished, an unfinished one asks the choice again.
    if (step.type === 'choice' && !step.options.some((o) => o.id === saved.chose)) return record?.finished ? null : index;
    index = nextIndex(lesson, index, saved.chose);
  }
  return null;
}

export async function runLesson(opts: RunLessonOptions): Promise<LessonEnd> {
  const { lesson, progress, env } = opts;
  const now = opts.now ?? (() => new Date());
  if (opts.restart) delete progress.lessons[lesson.id];
  let index = resumeIndex(lesson, progress.lessons[lesson.id]);
  const fresh = !progress.lessons[lesson.id];

  env.print(env.style.heading(stripUnsafe(lesson.title)));
  env.print(env.t('runner.meta', { minutes: lesson.minutes, count: lesson.minutes }));
  if (index === null) {
    env.print(env.t('runner.alreadyDone', { id: lesson.id }));
    return 'finished';
  }
  if (fresh) {
    env.print();
    env.print(env.style.bold(env.t('runner.objectives')));
    env.print(renderMarkdown(lesson.objectives.map((o) => `- ${o}`).join('\n'), env.width, env.style));
  } else if (index > 0) {
    env.print(env.t('runner.resuming'));
  }
  env.print();
  progress.current = lesson.id;

  let shown = 0;
  while (index !== null) {
    const step = lesson.steps[index]!;
    shown++;
    const header = step.title ? `${env.t('runner.step', { n: shown })} · ${stripUnsafe(step.title)}` : env.t('runner.step', { n: shown });
    env.print(env.style.dim('─'.repeat(Math.min(env.width, 60))));
    env.print(env.style.bold(header));
    env.print();
    let outcome: StepOutcome;
    try {
      outcome = await runStep(step, progress.lessons[lesson.id]?.steps[step.id], env);
    } catch (err) {
      if (isPromptExit(err)) {
        await opts.save(progress);
        return 'interrupted';
      }
      throw err;
    }
    if (outcome.quit) {
      if (outcome.record.correct !== undefined) markStep(progress, lesson.id, lesson.version, step.id, outcome.record, now());
      await opts.save(progress);
      return 'quit';
    }
    markStep(progress, lesson.id, lesson.version, step.id, outcome.record, now());
    const following: number | null = outcome.goto !== undefined ? lesson.steps.findIndex((s) => s.id === outcome.goto) : nextIndex(lesson, index);
    index = following === null || following < 0 ? null : following;
    if (index === null) progress.lessons[lesson.id]!.finished = now().toISOString();
    await opts.save(progress);
  }
  env.print(env.style.bold(env.t('runner.complete')));
  const record = progress.lessons[lesson.id]!;
  const quizzes = lesson.steps.filter((s) => s.type === 'quiz' && record.steps[s.id]?.done);
  if (quizzes.length > 0) {
    const right = quizzes.filter((s) => record.steps[s.id]?.correct).length;
    env.print(env.t('runner.quizScore', { right, total: quizzes.length }));
  }
  return 'finished';
}
