// `safestep learn <id>`: runs a lesson interactively, resuming where the learner stopped.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { ProgressStore } from '../progress/store.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { runLesson, type LessonEnd } from '../runner/run-lesson.js';
import { isPrivateLesson, withoutLessons } from '../progress/private.js';
import { wrap } from '../text/markdown.js';
import { offerAfterLesson } from './shared/after-lesson.js';
import { catalog, openLesson, resolveLessonFile } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { makeStepEnv } from './shared/step-env.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './learn.cli.js';

type Options = OptionsOf<typeof spec>;

/** How a lesson ended; 'forgot' when the person then removed everything safestep keeps (nothing more may be written). */
export type LearnEnd = LessonEnd | 'forgot';

export async function learnLesson(ctx: AppContext, id: string, opts: { restart?: boolean }, prompter: Prompter): Promise<LearnEnd> {
  const opened = await openLesson(ctx, id);
  if (opened.missing > 0) ctx.io.stdout.write(ctx.t('learn.partialTranslation', { count: opened.missing }) + '\n');
  else if (opened.outdated) ctx.io.stdout.write(ctx.t('learn.outdatedTranslation') + '\n');
  const store = new ProgressStore(ctx.paths.dataDir);
  const progress = await loadProgress(ctx, store);
  // Lessons on private topics leave no record; older records of them are dropped at the next save.
  const { lessons } = await catalog(ctx);
  const hidden = new Set(lessons.filter(isPrivateLesson).map((l) => l.id));
  const isPrivate = isPrivateLesson(opened.lesson);
  if (isPrivate) hidden.add(opened.lesson.id);
  if (isPrivate) ctx.io.stdout.write(wrap(ctx.t('learn.private'), ctx.io.width).join('\n') + '\n\n');
  const env = await makeStepEnv(ctx, prompter);
  const end = await runLesson({ lesson: opened.lesson, progress, save: (p) => store.save(withoutLessons(p, hidden)), env, restart: Boolean(opts.restart), now: ctx.now });
  if (end !== 'finished') ctx.io.stdout.write('\n' + ctx.t(isPrivate ? 'learn.privateStopped' : 'learn.saved', { id: opened.lesson.id }) + '\n');
  if (end === 'finished' && (await offerAfterLesson(ctx, opened.lesson.id, prompter))) return 'forgot';
  return end;
}

export default async function learn(ctx: AppContext, id: string, opts: Options): Promise<number> {
  if (!ctx.io.canPrompt) {
    await resolveLessonFile(ctx, id); // an unknown id is the more useful error
    throw new SafestepError(ctx.t('learn.needsTerminal'), EXIT_USAGE, ctx.t('learn.hintPreview', { id }));
  }
  await learnLesson(ctx, id, opts, inquirerPrompter(ctx.io, ctx.t));
  return EXIT_OK;
}
