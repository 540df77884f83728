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

export async function homeMenu(start: AppContext, makePrompter: (ctx: AppContext) => Prompter): Promise<number> {
  let ctx = start;
  ctx.io.stdout.write(wrap(ctx.t('home.welcome'), ctx.io.width).join('\n') + '\n\n');
  try {
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
      const picked = await prompter.select(ctx.t('home.question'), choices);
      if (picked === 'quit') break;
      if (picked === 'continue' && current) {
        const end = await learnLesson(ctx, current.id, {}, prompter);
        if (end === 'interrupted' || end === 'forgot') break;
      } else if (picked === 'browse') {
        const topics = TOPICS.filter((topic) => lessons.some((l) => l.topic === topic));
        const topic = await prompter.select<Topic | 'back'>(ctx.t('home.whichTopic'), [
          ...topics.map((value) => ({ name: `${topicLabel(value, ctx.lang)} (${lessons.filter((l) => l.topic === value).length})`, value })),
          { name: ctx.t('home.back'), value: 'back' },
        ]);
        if (topic === 'back') continue;
        const inTopic = lessons.filter((l) => l.topic === topic);
        const id = await prompter.select<string>(ctx.t('home.whichLesson'), [
          ...inTopic.map((l) => {
            const { state } = lessonState(l, progress);
            const mark = state === 'done' ? ` (${ctx.t('lessons.done')})` : state === 'started' ? ` (${ctx.t('home.inProgress')})` : '';
            return { name: `${titleOf(l, ctx.lang)}${mark}`, value: l.id, description: ctx.t('lessons.minutes', { count: l.minutes }) };
          }),
          { name: ctx.t('home.back'), value: '' },
        ]);
        const end = id ? await learnLesson(ctx, id, {}, prompter) : undefined;
        if (end === 'interrupted' || end === 'forgot') break;
      } else if (picked === 'plan') {
        const { runStart } = await import('./start.js');
        if ((await runStart(ctx, {}, prompter)).forgot) break;
      } else if (picked === 'forget') {
        const { forgetFlow } = await import('./forget.js');
        if ((await forgetFlow(ctx, {}, prompter)).wiped) break;
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
        ctx = { ...ctx, lang, t: translator(lang) };
        ctx.io.stdout.write(ctx.t('home.languageSet') + '\n');
      }
      ctx.io.stdout.write('\n');
    }
  } catch (err) {
    if (!isPromptExit(err)) throw err;
  }
  ctx.io.stdout.write(ctx.t('home.bye') + '\n');
  return EXIT_OK;
}

export default async function home(ctx: AppContext): Promise<number> {
  return homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
}
