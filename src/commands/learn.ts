// `safestep learn <id>`: runs a lesson interactively, resuming where the learner stopped.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { ProgressStore } from '../progress/store.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { runLesson, type LessonEnd } from '../runner/run-lesson.js';
import { openedIn, openLesson, resolveLessonFile } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { makeStepEnv } from './shared/step-env.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './learn.cli.js';

type Options = OptionsOf<typeof spec>;
import { wrap } from '../text/width.js';

/** `prompterFor` makes the prompts in the lesson's language, which may differ from the context's. */
export async function learnLesson(ctx: AppContext, id: string, opts: { restart?: boolean }, prompterFor: (ctx: AppContext) => Prompter): Promise<LessonEnd> {
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
  const env = await makeStepEnv(lc, prompterFor(lc), localized.lesson.id);
  const end = await runLesson({ lesson: localized.lesson, progress, save: (p) => store.save(p), env, restart: Boolean(opts.restart), now: ctx.now });
  if (end !== 'finished') {
    lc.io.stdout.write('\n');
    say(lc.t('learn.saved', { id: localized.lesson.id }));
  }
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
