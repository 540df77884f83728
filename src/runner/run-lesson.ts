// Runs a lesson from where the learner left off. Progress is saved after every
// step, so Ctrl+C, a closed laptop or a crash loses at most the current step.
// What each step does is up to its type (src/lesson/steps/<type>.ts).
import { defineMessages } from '../i18n/index.js';
import { branchesOf, successors } from '../lesson/flow.js';
import { stepModule, type Step, type StepEnv, type StepModule } from '../lesson/steps/index.js';
import type { Visited } from '../lesson/steps/types.js';
import type { Lesson } from '../lesson/types.js';
import { markStep, type LessonProgress, type ProgressData } from '../progress/store.js';
import { stripUnsafe } from '../sanitize.js';
import { renderMarkdown } from '../text/markdown.js';
import { wrap } from '../text/width.js';
import { isPromptExit } from '../prompter.js';

export const RUNNER = defineMessages('runner', {
  meta: { en: { one: 'About {count} minute.', other: 'About {count} minutes.' }, ru: { one: 'Примерно {count} минута.', few: 'Примерно {count} минуты.', many: 'Примерно {count} минут.', other: 'Примерно {count} минуты.' } },
  resuming: { en: 'Welcome back. You continue where you stopped.', ru: 'С возвращением. Продолжаем с того места, где вы остановились.' },
  alreadyDone: { en: 'You have finished this lesson. To take it again: {cmd} learn {id} --restart', ru: 'Вы уже прошли этот урок. Пройти заново: {cmd} learn {id} --restart' },
  complete: { en: 'Lesson complete. Well done.', ru: 'Урок пройден. Отличная работа.' },
});

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

/** The step after `index`; for a step with branches, `goto` is the branch taken. Null when the lesson ends. */
export function nextIndex(lesson: Lesson, index: number, goto?: string): number | null {
  const step = lesson.steps[index]!;
  const byId = new Map(lesson.steps.map((s, i) => [s.id, i] as const));
  if (branchesOf(step)) return goto === undefined ? null : (byId.get(goto) ?? null);
  return successors(lesson.steps, index, byId)[0] ?? null;
}

export interface ResumePoint {
  /** The first step not done yet on the learner's path; null when the lesson is finished. */
  index: number | null;
  /** How many steps the learner has done on that path, so step numbers go on from there. */
  done: number;
}

/** Follows the recorded path from the first step to the first step not done yet. */
export function resumePoint(lesson: Lesson, record: LessonProgress | undefined): ResumePoint {
  let index: number | null = 0;
  let done = 0;
  const visited = new Set<number>();
  while (index !== null && !visited.has(index)) {
    visited.add(index);
    const step: Step = lesson.steps[index]!;
    const saved = record?.steps[step.id];
    if (!saved?.done) return { index, done };
    let goto: string | undefined;
    if (branchesOf(step)) {
      goto = stepModule(step).taken?.(step, saved);
      // The branch taken is not written to disk (it says what happened to the person):
      // a finished lesson stays finished, an unfinished one asks the choice again.
      if (goto === undefined) return record?.finished ? { index: null, done } : { index, done };
    }
    done++;
    index = nextIndex(lesson, index, goto);
  }
  return { index: null, done };
}

/** Lines each step type adds at the end (quiz score, what is done and what is left). */
function summary(lesson: Lesson, record: LessonProgress, env: StepEnv): string[] {
  const byModule = new Map<StepModule<Step>, Visited<Step>[]>();
  for (const step of lesson.steps) {
    const saved = record.steps[step.id];
    if (!saved) continue;
    const module = stepModule(step);
    byModule.set(module, [...(byModule.get(module) ?? []), { step, record: saved }]);
  }
  const out: string[] = [];
  for (const [module, visited] of byModule) {
    const lines = module.summary?.(visited, env) ?? [];
    if (lines.length) out.push('', ...lines);
  }
  return out;
}

/** What is still to do in the steps the learner went through (unticked checklist items), step by step. */
export function pendingOf(lesson: Lesson, record: LessonProgress | undefined): { step: Step; items: string[] }[] {
  if (!record) return [];
  return lesson.steps
    .filter((step) => record.steps[step.id])
    .map((step) => ({ step, items: stepModule(step).pending?.(step, record.steps[step.id]) ?? [] }))
    .filter((p) => p.items.length > 0);
}

export async function runLesson(opts: RunLessonOptions): Promise<LessonEnd> {
  const { lesson, progress } = opts;
  const { env } = opts;
  const m = RUNNER.text(env.lang);
  const now = opts.now ?? (() => new Date());
  if (opts.restart) delete progress.lessons[lesson.id];
  const start = resumePoint(lesson, progress.lessons[lesson.id]);
  let index = start.index;
  const fresh = !progress.lessons[lesson.id];
  const print = (text: string): void => env.print(wrap(text, env.width).join('\n'));

  env.print(wrap(stripUnsafe(lesson.title), env.width).map((l) => env.style.heading(l)).join('\n'));
  print(m('meta', { count: lesson.minutes }));
  if (index === null) {
    print(m('alreadyDone', { id: lesson.id }));
    return 'finished';
  }
  if (fresh) {
    env.print();
    env.print(env.style.bold(env.t('runner.objectives')));
    env.print(renderMarkdown(lesson.objectives.map((o) => `- ${o}`).join('\n'), env.width, env.style));
  } else if (start.done > 0) {
    print(m('resuming'));
  }
  env.print();
  progress.current = lesson.id;

  let number = start.done;
  while (index !== null) {
    const step = lesson.steps[index]!;
    number++;
    const header = step.title ? `${env.t('runner.step', { n: number })} · ${stripUnsafe(step.title)}` : env.t('runner.step', { n: number });
    env.print(env.style.dim('─'.repeat(Math.min(env.width, 60))));
    env.print(wrap(header, env.width, '  ', '').map((l) => env.style.bold(l)).join('\n'));
    env.print();
    let outcome;
    try {
      outcome = await stepModule(step).run(step, progress.lessons[lesson.id]?.steps[step.id], env);
    } catch (err) {
      if (isPromptExit(err)) {
        await opts.save(progress);
        return 'interrupted';
      }
      throw err;
    }
    if (outcome.quit) {
      if (outcome.record.correct !== undefined) {
        markStep(progress, lesson.id, lesson.version, step.id, outcome.record, now());
        progress.lessons[lesson.id]!.lang = env.lang;
      }
      await opts.save(progress);
      return 'quit';
    }
    markStep(progress, lesson.id, lesson.version, step.id, outcome.record, now());
    progress.lessons[lesson.id]!.lang = env.lang;
    index = nextIndex(lesson, index, outcome.goto);
    if (index === null) progress.lessons[lesson.id]!.finished = now().toISOString();
    await opts.save(progress);
  }
  env.print(env.style.bold(m('complete')));
  for (const line of summary(lesson, progress.lessons[lesson.id]!, env)) env.print(line);
  return 'finished';
}
