// `safestep progress`: what the learner has done so far.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { ProgressStore } from '../progress/store.js';
import { catalog, openedIn, openLesson } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { lessonState, titleOf } from './lessons.js';
import type { ProgressData } from '../progress/store.js';
import { pendingOf } from '../runner/run-lesson.js';
import { renderInline } from '../text/markdown.js';
import { wrap } from '../text/width.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './progress-show.cli.js';

type Options = OptionsOf<typeof spec>;

/**
 * The lesson's id and the items still to do in the steps already taken. Like a
 * resumed lesson, it speaks the language the lesson is taken in unless the
 * person chose one for this run.
 */
async function pendingFor(start: AppContext, idOrFile: string, progress: ProgressData): Promise<{ ctx: AppContext; id: string; items: string[] }> {
  const opened = await openLesson(start, idOrFile);
  const record = progress.lessons[opened.source.id];
  const { ctx, localized } = await openedIn(start, opened, !start.langChosen && record?.lang ? record.lang : start.lang);
  return { ctx, id: opened.source.id, items: pendingOf(localized.lesson, record).flatMap((p) => p.items) };
}

export default async function progressShow(start: AppContext, id: string | undefined, opts: Options): Promise<number> {
  const store = new ProgressStore(start.paths.dataDir);
  const progress = await loadProgress(start, store);
  const { lessons } = await catalog(start);
  // With a lesson id: that lesson, and what is still on its list.
  const pending = id === undefined ? undefined : await pendingFor(start, id, progress);
  const ctx = pending?.ctx ?? start;
  const entries = Object.entries(progress.lessons).filter(([lessonId]) => pending === undefined || lessonId === pending.id);
  const rows = entries.map(([id, record]) => {
    const lesson = lessons.find((l) => l.id === id);
    const steps = Object.values(record.steps);
    const quizzes = steps.filter((s) => s.correct !== undefined);
    return {
      id,
      title: lesson ? titleOf(lesson, ctx.lang) : id,
      state: lesson ? lessonState(lesson, progress).state : record.finished ? 'done' : 'started',
      stepsDone: steps.filter((s) => s.done).length,
      steps: lesson?.stepIds.length ?? null,
      quizCorrect: quizzes.filter((s) => s.correct).length,
      quizzes: quizzes.length,
      updated: record.updated,
      installed: Boolean(lesson),
    };
  });
  if (opts.json) {
    const left = pending ? { pending: pending.items } : {};
    ctx.io.stdout.write(JSON.stringify({ file: store.file, current: progress.current ?? null, lessons: rows, ...left }, null, 2) + '\n');
    return EXIT_OK;
  }
  const width = ctx.io.width;
  const out: string[] = [];
  if (rows.length === 0) out.push(...wrap(pending ? ctx.t('progress.noneFor', { id: pending.id }) : ctx.t('progress.empty'), width));
  for (const r of rows) {
    const state = r.state === 'done' ? ctx.t('lessons.done') : ctx.t('lessons.started', { count: r.stepsDone });
    out.push(...wrap(`${r.id}  ·  ${state}${r.quizzes ? `  ·  ${ctx.t('progress.quiz', { right: r.quizCorrect, total: r.quizzes })}` : ''}`, width, '    ', ''));
    out.push(...wrap(`${r.title}${r.installed ? '' : ` (${ctx.t('progress.notInstalled')})`}`, width, '    ', '    '));
  }
  if (pending && rows.length > 0) {
    out.push('');
    if (pending.items.length === 0) out.push(...wrap(ctx.t('progress.nothingPending'), width));
    else out.push(ctx.t('progress.pending'), ...pending.items.flatMap((item) => wrap(renderInline(item), width, '    ', '  ☐ ')));
  }
  out.push('', ctx.t('progress.where', { file: store.file }));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
