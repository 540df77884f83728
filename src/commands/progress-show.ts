// `safestep progress`: what the learner has done so far.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { ProgressStore } from '../progress/store.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import { lessonState, titleOf } from './lessons.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './progress-show.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function progressShow(ctx: AppContext, opts: Options): Promise<number> {
  const store = new ProgressStore(ctx.paths.dataDir);
  const progress = await loadProgress(ctx, store);
  const { lessons } = await catalog(ctx);
  const rows = Object.entries(progress.lessons).map(([id, record]) => {
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
    ctx.io.stdout.write(JSON.stringify({ file: store.file, current: progress.current ?? null, lessons: rows }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out: string[] = [];
  if (rows.length === 0) out.push(ctx.t('progress.empty'));
  for (const r of rows) {
    const state = r.state === 'done' ? ctx.t('lessons.done') : ctx.t('lessons.started', { count: r.stepsDone });
    out.push(`${r.id}  ·  ${state}${r.quizzes ? `  ·  ${ctx.t('progress.quiz', { right: r.quizCorrect, total: r.quizzes })}` : ''}`);
    out.push(`    ${r.title}${r.installed ? '' : ` (${ctx.t('progress.notInstalled')})`}`);
  }
  out.push('', ctx.t('progress.where', { file: store.file }));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
