// `safestep learn <id>`: runs a lesson interactively, resuming where the learner stopped.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { ProgressStore } from '../progress/store.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { runLesson, type LessonEnd } from '../runner/run-lesson.js';
import { isPrivateLesson, withoutLessons } from '../progress/private.js';
import { offerAfterLesson } from './shared/after-lesson.js';
import { catalog, openedIn, openLesson, resolveLessonFile } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { makeStepEnv } from './shared/step-env.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './learn.cli.js';

type Options = OptionsOf<typeof spec>;
import { wrap } from '../text/width.js';

/** How a lesson ended; 'forgot' when the person then removed everything safestep keeps (nothing more may be written). */
export type LearnEnd = LessonEnd | 'forgot';

/** `prompterFor` makes the prompts in the lesson's language, which may differ from the context's. */
export async function learnLesson(ctx: AppContext, id: string, opts: { restart?: boolean }, prompterFor: (ctx: AppContext) => Prompter): Promise<LearnEnd> {
  const opened = await openLesson(ctx, id);
  const store = new ProgressStore(ctx.paths.dataDir);
  const progress = await loadProgress(ctx, store);
  // A lesson in progress goes on in the language it was started in, unless the person just chose one.
  const record = opts.restart ? undefined : progress.lessons[opened.source.id];
  const lang = !ctx.langChosen && record?.lang && !record.finished ? record.lang : ctx.lang;
  const { ctx: lc, localized } = await openedIn(ctx, opened, lang);
  const say = (text: string): void => void lc.io.stdout.write(wrap(text, lc.io.width).join('\n') + '\n');
  if (localized.missing > 0) say(lc.t('learn.partialTranslation', { count: localized.missing }));
  else if (localized.outdated) say(lc.t('learn.outdatedTranslation'));
  // Lessons on private topics leave no record; older records of them are dropped at the next save.
  const { lessons } = await catalog(ctx);
  const hidden = new Set(lessons.filter(isPrivateLesson).map((l) => l.id));
  const isPrivate = isPrivateLesson(localized.lesson);
  if (isPrivate) hidden.add(localized.lesson.id);
  if (isPrivate) say(lc.t('learn.private') + '\n');
  const prompter = prompterFor(lc);
  const env = await makeStepEnv(lc, prompter, localized.lesson.id);
  const end = await runLesson({ lesson: localized.lesson, progress, save: (p) => store.save(withoutLessons(p, hidden)), env, restart: Boolean(opts.restart), now: ctx.now });
  if (end !== 'finished') {
    lc.io.stdout.write('\n');
    say(lc.t(isPrivate ? 'learn.privateStopped' : 'learn.saved', { id: localized.lesson.id }));
  }
  if (end === 'finished' && (await offerAfterLesson(lc, localized.lesson.id, prompter))) return 'forgot';
  return end;
}

export default async function learn(ctx: AppContext, id: string, opts: Options): Promise<number> {
  if (!ctx.io.canPrompt) {
    await resolveLessonFile(ctx, id); // an unknown id is the more useful error
    throw new SafestepError(ctx.t('learn.needsTerminal'), EXIT_USAGE, ctx.t('learn.hintPreview', { id }));
  }
  await learnLesson(ctx, id, opts, (c) => inquirerPrompter(c.io, c.t));
  return EXIT_OK;
}
