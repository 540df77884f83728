// `safestep lessons`: what there is to learn, grouped by topic, with progress.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import type { LessonSummary } from '../lesson/catalog.js';
import { TOPICS, type Topic } from '../lesson/types.js';
import { ProgressStore, type ProgressData } from '../progress/store.js';
import { stripUnsafe } from '../sanitize.js';
import { styler } from '../io.js';
import { wrap } from '../text/markdown.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { levelLabel, topicLabel } from '../i18n/labels.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './lessons.cli.js';

type Options = OptionsOf<typeof spec>;

export type LessonState = 'new' | 'started' | 'done';

export function lessonState(lesson: Pick<LessonSummary, 'id'>, progress: ProgressData): { state: LessonState; stepsDone: number } {
  const record = progress.lessons[lesson.id];
  if (!record) return { state: 'new', stepsDone: 0 };
  const stepsDone = Object.values(record.steps).filter((s) => s.done).length;
  return { state: record.finished ? 'done' : 'started', stepsDone };
}

export function titleOf(lesson: LessonSummary, lang: AppContext['lang']): string {
  return stripUnsafe(lesson.title[lang] ?? lesson.title[lesson.lang] ?? lesson.id);
}

export default async function lessons(ctx: AppContext, opts: Options): Promise<number> {
  if (opts.topic !== undefined && !(TOPICS as readonly string[]).includes(opts.topic)) {
    throw new SafestepError(ctx.t('lessons.badTopic', { topic: opts.topic }), EXIT_USAGE, ctx.t('lessons.topics', { list: TOPICS.join(', ') }));
  }
  const { lessons: all } = await catalog(ctx);
  const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
  const shown = all.filter((l) => opts.topic === undefined || l.topic === opts.topic);

  if (opts.json) {
    const rows = shown.map((l) => {
      const { state, stepsDone } = lessonState(l, progress);
      return { id: l.id, title: titleOf(l, ctx.lang), topic: l.topic, level: l.level, minutes: l.minutes, progress: { state, stepsDone, steps: l.stepIds.length } };
    });
    ctx.io.stdout.write(JSON.stringify({ lessons: rows }, null, 2) + '\n');
    return EXIT_OK;
  }

  if (shown.length === 0) {
    ctx.io.stdout.write(ctx.t('lessons.none') + '\n');
    return EXIT_OK;
  }
  const chalk = await styler(ctx.io);
  const out: string[] = [];
  for (const topic of TOPICS) {
    const group = shown.filter((l) => l.topic === topic);
    if (group.length === 0) continue;
    out.push(chalk.bold(topicLabel(topic as Topic, ctx.lang)));
    for (const l of group) {
      const { state, stepsDone } = lessonState(l, progress);
      const status = state === 'done' ? ctx.t('lessons.done') : state === 'started' ? ctx.t('lessons.started', { count: stepsDone }) : ctx.t('lessons.new');
      out.push(`  ${l.id}  ·  ${levelLabel(l.level, ctx.lang)}  ·  ${ctx.t('lessons.minutes', { count: l.minutes })}  ·  ${status}`);
      out.push(...wrap(titleOf(l, ctx.lang), ctx.io.width, '    ', '    '));
    }
    out.push('');
  }
  out.push(ctx.t('lessons.hint'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
