// `safestep` alone: a calm home menu. One question at a time, always a way out.
// After `forget` (chosen here, or offered at the end of a lesson) the menu ends:
// it must not write anything again, not even the lesson index.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { translator, type Lang } from '../i18n/index.js';
import { TOPICS, type Topic } from '../lesson/types.js';
import { ProgressStore } from '../progress/store.js';
import { inquirerPrompter, isPromptExit, type Prompter } from '../prompter.js';
import { writeSettings } from '../settings.js';
import { wrap } from '../text/markdown.js';
import { learnLesson } from './learn.js';
import { lessonState, titleOf } from './lessons.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { topicLabel } from '../i18n/labels.js';

type MenuChoice = 'continue' | 'plan' | 'browse' | 'audit' | 'forget' | 'language' | 'quit';

/**
 * One rule for Ctrl+C: inside anything started from this menu (a lesson, the
 * plan, the lesson picker) it saves and comes back here; at this menu it quits.
 * From the command line (`safestep learn`, `safestep start`) Ctrl+C quits.
 */
export async function homeMenu(start: AppContext, makePrompter: (ctx: AppContext) => Prompter): Promise<number> {
  let ctx = start;
  const say = (text: string): void => void ctx.io.stdout.write(wrap(text, ctx.io.width).join('\n') + '\n');
  say(ctx.t('home.welcome'));
  ctx.io.stdout.write('\n');
  for (;;) {
    const prompter = makePrompter(ctx);
    const { lessons } = await catalog(ctx);
    const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
    const current = lessons.find((l) => l.id === progress.current && lessonState(l, progress).state !== 'done');
    const choices: { name: string; value: MenuChoice }[] = [];
    if (current) choices.push({ name: ctx.t('home.continue', { title: titleOf(current, ctx.lang) }), value: 'continue' });
    choices.push(
      { name: ctx.t('home.plan'), value: 'plan' },
      { name: ctx.t('home.browse'), value: 'browse' },
      { name: ctx.t('home.audit'), value: 'audit' },
      { name: ctx.t('home.language'), value: 'language' },
      { name: ctx.t('home.forget'), value: 'forget' },
      { name: ctx.t('home.quit'), value: 'quit' },
    );
    let picked: MenuChoice;
    try {
      picked = await prompter.select(ctx.t('home.question'), choices);
    } catch (err) {
      if (!isPromptExit(err)) throw err;
      break;
    }
    if (picked === 'quit') break;
    try {
      const next = await act(ctx, picked, makePrompter, current?.id);
      // After `forget` nothing more may be written, not even the lesson index: the menu ends.
      if (next === FORGOT) break;
      ctx = next;
    } catch (err) {
      if (!isPromptExit(err)) throw err;
    }
    ctx.io.stdout.write('\n');
  }
  say(ctx.t('home.bye'));
  return EXIT_OK;
}

const FORGOT = Symbol('forgot');

/** Does what was picked in the menu; returns the context to go on with (the language may change), or FORGOT. */
async function act(ctx: AppContext, picked: MenuChoice, makePrompter: (ctx: AppContext) => Prompter, currentId: string | undefined): Promise<AppContext | typeof FORGOT> {
  const prompter = makePrompter(ctx);
  if (picked === 'continue' && currentId) {
    if ((await learnLesson(ctx, currentId, {}, makePrompter)) === 'forgot') return FORGOT;
  } else if (picked === 'browse') {
    const { lessons } = await catalog(ctx);
    const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
    const topics = TOPICS.filter((topic) => lessons.some((l) => l.topic === topic));
    const topic = await prompter.select<Topic | 'back'>(ctx.t('home.whichTopic'), [
      ...topics.map((value) => ({ name: `${topicLabel(value, ctx.lang)} (${lessons.filter((l) => l.topic === value).length})`, value })),
      { name: ctx.t('home.back'), value: 'back' },
    ]);
    if (topic === 'back') return ctx;
    const inTopic = lessons.filter((l) => l.topic === topic);
    const id = await prompter.select<string>(ctx.t('home.whichLesson'), [
      ...inTopic.map((l) => {
        const { state } = lessonState(l, progress);
        const mark = state === 'done' ? ` (${ctx.t('lessons.done')})` : state === 'started' ? ` (${ctx.t('home.inProgress')})` : '';
        return { name: `${titleOf(l, ctx.lang)}${mark}`, value: l.id, description: ctx.t('lessons.minutes', { count: l.minutes }) };
      }),
      { name: ctx.t('home.back'), value: '' },
    ]);
    if (id && (await learnLesson(ctx, id, {}, makePrompter)) === 'forgot') return FORGOT;
  } else if (picked === 'plan') {
    const { planFlow } = await import('./start.js');
    if ((await planFlow(ctx, makePrompter)) === 'forgot') return FORGOT;
  } else if (picked === 'forget') {
    const { forgetFlow } = await import('./forget.js');
    if ((await forgetFlow(ctx, {}, prompter)).wiped) return FORGOT;
  } else if (picked === 'audit') {
    const { default: audit } = await import('./audit.js');
    await audit(ctx, { failOn: 'high' });
    await prompter.select(ctx.t('home.afterAudit'), [{ name: ctx.t('home.back'), value: 'back' }]);
  } else if (picked === 'language') {
    const lang = await prompter.select<Lang>(ctx.t('home.pickLanguage'), [
      { name: 'English', value: 'en' },
      { name: 'Русский', value: 'ru' },
    ]);
    await writeSettings(ctx.paths.dataDir, { lang });
    const next = { ...ctx, lang, t: translator(lang), langChosen: true };
    next.io.stdout.write(next.t('home.languageSet') + '\n');
    return next;
  }
  return ctx;
}

export default async function home(ctx: AppContext): Promise<number> {
  return homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
}
