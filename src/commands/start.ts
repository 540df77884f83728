// `safestep start`: a short private questionnaire that turns into an ordered
// learning path and the checks worth running. The answers are not written to
// disk unless the person chooses to keep them, encrypted (src/plan/store.ts).
import { readFile, stat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { CryptoFailure } from '../crypto/passphrase-keys.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { format } from '../i18n/format.js';
import { styler } from '../io.js';
import { passphraseSource, readAllStdin, type PassphraseSource } from '../journal/passphrase.js';
import { PLAN } from '../plan/messages.js';
import { buildPlan, type Answers, type Plan, type PlanRules } from '../plan/rules.js';
import { AnswersProblem, hasEncryptedPlan, legacyPlanFile, loadPlanRules, openEncryptedPlan, parseAnswers, planFile, readLegacyPlan, removeLegacyPlan, saveEncryptedPlan } from '../plan/store.js';
import { ProgressStore } from '../progress/store.js';
import { wrap } from '../text/width.js';
import { quoteTitle } from '../text/typography.js';
import { dict } from '../text/ids.js';
import { inquirerPrompter, isPromptExit, type Prompter } from '../prompter.js';
import { learnLesson } from './learn.js';
import { lessonState, titleOf } from './lessons.js';
import { catalog } from './shared/lessons.js';
import { loadProgress } from './shared/progress.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './start.cli.js';

type Options = OptionsOf<typeof spec>;

const SKIP = '__skip__';
const MAX_ANSWERS_BYTES = 64 * 1024;

export async function askQuestions(ctx: AppContext, rules: PlanRules, prompter: Prompter): Promise<Answers> {
  const answers = dict<string[]>();
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
    out.push(`     ${format('{cmd}')} learn ${lesson.id}  ·  ${ctx.t('lessons.minutes', { count: lesson.minutes })}`);
    const why = entry.why[0];
    if (why) out.push(...wrap(why[ctx.lang], ctx.io.width, '     ', '     '));
  });
  if (plan.lessons.length > limit) out.push('', ctx.t('start.more', { count: plan.lessons.length - limit }));
  if (plan.checks.length > 0) {
    out.push('', chalk.bold(ctx.t('start.checksTitle')));
    for (const id of plan.checks) out.push(`  ${format('{cmd}')} check ${id}${id === 'metadata' ? ` ${ctx.t('start.folderArg')}` : ''}`);
  }
  const country = answers.country?.[0];
  out.push('', chalk.bold(ctx.t('start.helpTitle')));
  out.push(`  ${format('{cmd}')} contacts${country && !['eu', 'other'].includes(country) ? ` --country ${country.toUpperCase()}` : ''}`);
  return out;
}

async function printPlan(ctx: AppContext, rules: PlanRules, answers: Answers, json: boolean, limit = Infinity): Promise<Plan> {
  const { lessons } = await catalog(ctx);
  const plan = buildPlan(rules, answers, new Set(lessons.map((l) => l.id)));
  if (json) ctx.io.stdout.write(JSON.stringify({ answers, lessons: plan.lessons.map((l) => l.id), checks: plan.checks }, null, 2) + '\n');
  else ctx.io.stdout.write((await renderPlan(ctx, plan, answers, limit)).join('\n') + '\n');
  return plan;
}

function say(ctx: AppContext, text: string): void {
  ctx.io.stdout.write(wrap(text, ctx.io.width).join('\n') + '\n');
}

/** Answers a script gave with --answers: a file, or `-` for standard input (after the passphrase line with --passphrase-stdin). */
async function answersFrom(ctx: AppContext, rules: PlanRules, where: string, source: PassphraseSource | undefined): Promise<Answers> {
  const m = PLAN.text(ctx.lang);
  const name = where === '-' ? m('stdinName') : where;
  let text: string;
  if (where === '-') {
    text = source ? await source.rest() : await readAllStdin(ctx, MAX_ANSWERS_BYTES);
  } else {
    if ((await stat(where)).size > MAX_ANSWERS_BYTES) throw new SafestepError(m('answersTooLarge', { file: name }), EXIT_USAGE);
    text = await readFile(where, 'utf8');
  }
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) throw new SafestepError(m('answersTooLarge', { file: name }), EXIT_USAGE);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SafestepError(m('answersNotJson', { file: name }), EXIT_USAGE);
  }
  try {
    return parseAnswers(value, rules);
  } catch (err) {
    if (err instanceof AnswersProblem) throw new SafestepError(m(`answers.${err.issue}`, { file: name, ...err.data }), EXIT_USAGE);
    throw err;
  }
}

async function openSaved(ctx: AppContext, source: PassphraseSource): Promise<Answers> {
  const m = PLAN.text(ctx.lang);
  const passphrase = await source.existing(m('passOpen'));
  try {
    return (await openEncryptedPlan(ctx.paths.dataDir, passphrase)).answers;
  } catch (err) {
    if (err instanceof CryptoFailure && err.kind === 'wrong-passphrase') throw new SafestepError(m('wrongPassphrase'), EXIT_USAGE, m('wrongPassphraseHint'));
    if (err instanceof CryptoFailure) throw new SafestepError(m('damaged', { file: planFile(ctx.paths.dataDir) }), EXIT_PROBLEMS, m('damagedHint'));
    throw err;
  }
}

/** Answers an older safestep wrote in the clear: used this once, then shredded, and the person is told. */
async function takeLegacy(ctx: AppContext): Promise<Answers | null> {
  const legacy = await readLegacyPlan(ctx.paths.dataDir);
  if (await removeLegacyPlan(ctx.paths.dataDir)) say(ctx, PLAN.get('legacyRemoved', ctx.lang, { file: legacyPlanFile(ctx.paths.dataDir) }) + '\n');
  return legacy?.answers ?? null;
}

export default async function start(ctx: AppContext, opts: Options, injected?: Prompter): Promise<number> {
  return (await runStart(ctx, opts, injected)).code;
}

/** `forgot`: the first lesson ended with `forget`, so the caller must write nothing more. */
export async function runStart(ctx: AppContext, opts: Options, injected?: Prompter): Promise<{ code: number; forgot: boolean }> {
  const m = PLAN.text(ctx.lang);
  const { rules, problems } = await loadPlanRules(ctx.t);
  if (!rules) {
    const p = problems[0];
    throw new SafestepError(p ? `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}` : 'plan rules missing', EXIT_PROBLEMS);
  }
  if (opts.save && opts.answers === undefined) throw new SafestepError(m('saveNeedsAnswers'), EXIT_USAGE);
  const wantsPassphrase = Boolean(opts.save) || ((opts.show || opts.json || !ctx.io.canPrompt) && opts.answers === undefined && (await hasEncryptedPlan(ctx.paths.dataDir)));
  const source = wantsPassphrase || opts.passphraseStdin ? passphraseSource(ctx, { passphraseStdin: Boolean(opts.passphraseStdin) }, injected) : undefined;

  // Scripts and tests: answers as JSON, the plan printed, nothing kept unless --save.
  if (opts.answers !== undefined) {
    const answers = await answersFrom(ctx, rules, opts.answers, opts.passphraseStdin ? source : undefined);
    await takeLegacy(ctx);
    await printPlan(ctx, rules, answers, Boolean(opts.json));
    if (opts.save) {
      const passphrase = await source!.fresh(m('passNew'), m('passRepeat'));
      await saveEncryptedPlan(ctx.paths.dataDir, answers, passphrase, ctx.now());
      if (!opts.json) say(ctx, '\n' + m('saved'));
    }
    return { code: EXIT_OK, forgot: false };
  }

  if (opts.show || opts.json || !ctx.io.canPrompt) {
    let answers: Answers | null = null;
    if (await hasEncryptedPlan(ctx.paths.dataDir)) answers = await openSaved(ctx, source!);
    const legacy = await takeLegacy(ctx);
    answers ??= legacy;
    if (!answers) {
      if (!ctx.io.canPrompt && !opts.show && !opts.json) throw new SafestepError(m('needsTerminal'), EXIT_USAGE, m('needsTerminalHint'));
      throw new SafestepError(m('noSaved'), EXIT_USAGE, m('noSavedHint'));
    }
    await printPlan(ctx, rules, answers, Boolean(opts.json));
    return { code: EXIT_OK, forgot: false };
  }

  try {
    if ((await planFlow(ctx, injected ? () => injected : (c) => inquirerPrompter(c.io, c.t))) === 'forgot') return { code: EXIT_OK, forgot: true };
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    ctx.io.stdout.write('\n' + ctx.t('home.bye') + '\n');
  }
  return { code: EXIT_OK, forgot: false };
}

/**
 * The questions (or the kept answers), the plan, the choice to keep the
 * answers, and the offer to start its first lesson. Ctrl+C propagates: the
 * caller decides whether that quits (`safestep start`) or goes back to the home
 * menu. 'forgot' when the first lesson ended with `forget`: nothing more may be written.
 */
export async function planFlow(ctx: AppContext, prompterFor: (ctx: AppContext) => Prompter): Promise<'forgot' | undefined> {
  const m = PLAN.text(ctx.lang);
  const prompter = prompterFor(ctx);
  const { rules, problems } = await loadPlanRules(ctx.t);
  if (!rules) {
    const p = problems[0];
    throw new SafestepError(p ? `${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}` : 'plan rules missing', EXIT_PROBLEMS);
  }
  let answers: Answers | null = await takeLegacy(ctx);
  let kept = false;
  if (!answers && (await hasEncryptedPlan(ctx.paths.dataDir))) {
    const again = await prompter.select(m('existing'), [
      { name: m('showSaved'), value: false },
      { name: m('answerAgain'), value: true },
    ]);
    if (!again) {
      answers = await openSaved(ctx, passphraseSource(ctx, {}, prompter));
      kept = true;
    }
  }
  // Answers not from plan.enc (new ones, or an older safestep's plaintext file) get the question whether to keep them.
  const fresh = !kept;
  if (!answers) {
    say(ctx, ctx.t('start.intro') + '\n');
    answers = await askQuestions(ctx, rules, prompter);
  }
  ctx.io.stdout.write('\n');
  const plan = await printPlan(ctx, rules, answers, false, fresh ? FIRST_LOOK : Infinity);
  ctx.io.stdout.write('\n');
  if (fresh) {
    say(ctx, m('notKept'));
    const keep = await prompter.select(m('keepAsk'), [
      { name: m('keepNo'), value: false },
      { name: m('keepYes'), value: true },
    ]);
    if (keep) {
      const passphrase = await passphraseSource(ctx, {}, prompter).fresh(m('passNew'), m('passRepeat'));
      await saveEncryptedPlan(ctx.paths.dataDir, answers, passphrase, ctx.now());
      kept = true;
    }
    say(ctx, (kept ? m('saved') : m('notSaved')) + '\n');
  }
  const { lessons } = await catalog(ctx);
  const progress = await loadProgress(ctx, new ProgressStore(ctx.paths.dataDir));
  const first = plan.lessons.map((e) => lessons.find((l) => l.id === e.id)).find((l) => l && lessonState(l, progress).state !== 'done');
  if (first) {
    const go = await prompter.select(ctx.t('start.startNow', { title: quoteTitle(titleOf(first, ctx.lang), ctx.lang) }), [
      { name: ctx.t('start.yesStart'), value: true },
      { name: ctx.t('start.later'), value: false },
    ]);
    if (go && (await learnLesson(ctx, first.id, {}, prompterFor)) === 'forgot') return 'forgot';
  }
  return undefined;
}
