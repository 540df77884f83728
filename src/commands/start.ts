// `safestep start`: a short private questionnaire that turns into an ordered
// learning path and the checks worth running. Answers stay on this computer.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { buildPlan, type Answers, type Plan, type PlanRules } from '../plan/rules.js';
import { loadPlanRules, readSavedPlan, savePlan } from '../plan/store.js';
import { ProgressStore } from '../progress/store.js';
import { wrap } from '../text/width.js';
import { quoteTitle } from '../text/typography.js';
import { inquirerPrompter, isPromptExit, type Prompter } from '../prompter.js';
import { learnLesson } from './learn.js';
import { lessonState, titleOf } from './lessons.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './start.cli.js';

type Options = OptionsOf<typeof spec>;

const SKIP = '__skip__';

export async function askQuestions(ctx: AppContext, rules: PlanRules, prompter: Prompter): Promise<Answers> {
  const answers: Answers = {};
  for (const [i, q] of rules.questions.entries()) {
    const message = `${i + 1}/${rules.questions.length}. ${q.text[ctx.lang]}`;
    if (q.type === 'single') {
      const picked = await prompter.select(message, [...q.options.map((o) => ({ name: o.label[ctx.lang], value: o.id })), { name: ctx.t('start.skip'), value: SKIP }]);
      if (picked !== SKIP) answers[q.id] = [picked];
    } else {
      answers[q.id] = await prompter.checkbox(message, q.options.map((o) => ({ name: o.label[ctx.lang], value: o.id })));
    }
  }
  return answers;
}

/** Right after the questions only the most urgent lessons are shown: one thing at a time. */
const FIRST_LOOK = 7;

async function renderPlan(ctx: AppContext, plan: Plan, answers: Answers, limit = Infinity): Promise<string[]> {
  const chalk = await styler(ctx.io);
  const { lessons } = await catalog(ctx);
  const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
  const out: string[] = [chalk.bold(ctx.t('start.pathTitle'))];
  plan.lessons.slice(0, limit).forEach((entry, i) => {
    const lesson = lessons.find((l) => l.id === entry.id);
    if (!lesson) return;
    const state = lessonState(lesson, progress).state;
    const mark = state === 'done' ? ` (${ctx.t('lessons.done')})` : '';
    out.push(...wrap(`${titleOf(lesson, ctx.lang)}${mark}`, ctx.io.width, '     ', `${String(i + 1).padStart(2)}. `));
    out.push(`     safestep learn ${lesson.id}  ·  ${ctx.t('lessons.minutes', { count: lesson.minutes })}`);
    const why = entry.why[0];
    if (why) out.push(...wrap(why[ctx.lang], ctx.io.width, '     ', '     '));
  });
  if (plan.lessons.length > limit) out.push('', ctx.t('start.more', { count: plan.lessons.length - limit }));
  if (plan.checks.length > 0) {
    out.push('', chalk.bold(ctx.t('start.checksTitle')));
    for (const id of plan.checks) out.push(`  safestep check ${id}${id === 'metadata' ? ` ${ctx.t('start.folderArg')}` : ''}`);
  }
  const country = answers.country?.[0];
  out.push('', chalk.bold(ctx.t('start.helpTitle')));
  out.push(`  safestep contacts${country && !['eu', 'other'].includes(country) ? ` --country ${country.toUpperCase()}` : ''}`);
  out.push('', ...wrap(ctx.t('start.private'), ctx.io.width));
  return out;
}

/**
 * The questions (or the saved answers), the plan, and the offer to start its
 * first lesson. Ctrl+C propagates: the caller decides whether that quits
 * (`safestep start`) or goes back to the home menu.
 */
export async function planFlow(ctx: AppContext, prompterFor: (ctx: AppContext) => Prompter): Promise<void> {
  const prompter = prompterFor(ctx);
  const { rules, problems } = await loadPlanRules(ctx.t);
  if (!rules) {
    const p = problems[0];
    throw new SafestepError(p ? `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}` : 'plan rules missing', EXIT_PROBLEMS);
  }
  const { lessons } = await catalog(ctx);
  const available = new Set(lessons.map((l) => l.id));
  let saved = await readSavedPlan(ctx.paths.dataDir);
  if (saved) {
    const again = await prompter.select(ctx.t('start.existing'), [
      { name: ctx.t('start.showSaved'), value: false },
      { name: ctx.t('start.answerAgain'), value: true },
    ]);
    if (again) saved = null;
  }
  if (!saved) {
    ctx.io.stdout.write(wrap(ctx.t('start.intro'), ctx.io.width).join('\n') + '\n\n');
    const answers = await askQuestions(ctx, rules, prompter);
    await savePlan(ctx.paths.dataDir, answers, ctx.now());
    saved = { format: 1, answers, created: ctx.now().toISOString() };
  }
  const plan = buildPlan(rules, saved.answers, available);
  ctx.io.stdout.write('\n' + (await renderPlan(ctx, plan, saved.answers, FIRST_LOOK)).join('\n') + '\n\n');
  const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
  const first = plan.lessons.map((e) => lessons.find((l) => l.id === e.id)).find((l) => l && lessonState(l, progress).state !== 'done');
  if (first) {
    const go = await prompter.select(ctx.t('start.startNow', { title: quoteTitle(titleOf(first, ctx.lang), ctx.lang) }), [
      { name: ctx.t('start.yesStart'), value: true },
      { name: ctx.t('start.later'), value: false },
    ]);
    if (go) await learnLesson(ctx, first.id, {}, prompterFor);
  }
}

export default async function start(ctx: AppContext, opts: Options): Promise<number> {
  const { rules, problems } = await loadPlanRules(ctx.t);
  if (!rules) {
    const p = problems[0];
    throw new SafestepError(p ? `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}` : 'plan rules missing', EXIT_PROBLEMS);
  }
  const { lessons } = await catalog(ctx);
  const available = new Set(lessons.map((l) => l.id));
  const saved = await readSavedPlan(ctx.paths.dataDir);

  if (opts.show || opts.json || !ctx.io.canPrompt) {
    if (!saved) {
      throw new SafestepError(ctx.t(ctx.io.canPrompt ? 'start.noPlan' : 'start.needsTerminal'), EXIT_USAGE, ctx.t('start.hint'));
    }
    const plan = buildPlan(rules, saved.answers, available);
    if (opts.json) ctx.io.stdout.write(JSON.stringify({ answers: saved.answers, lessons: plan.lessons.map((l) => l.id), checks: plan.checks }, null, 2) + '\n');
    else ctx.io.stdout.write((await renderPlan(ctx, plan, saved.answers)).join('\n') + '\n');
    return EXIT_OK;
  }

  try {
    await planFlow(ctx, (c) => inquirerPrompter(c.io, c.t));
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    ctx.io.stdout.write('\n' + ctx.t('home.bye') + '\n');
  }
  return EXIT_OK;
}
