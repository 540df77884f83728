// `safestep check [id] [paths...]`: run one local check, or list them.
import { stat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { checkIds, loadCheck } from '../../checks/index.js';
import { runChecks } from '../audit/run.js';
import { toJsonReport } from '../audit/report.js';
import { renderCheckResult, renderExplain } from '../check-kit/render.js';
import { describeFinding, severityRank } from '../check-kit/format.js';
import type { Severity } from '../check-kit/types.js';
import { closestIds } from '../lesson/catalog.js';
import { wrap } from '../text/markdown.js';
import { styler } from '../io.js';
import { inquirerPrompter } from '../prompter.js';
import { checkContext, homeOf, lessonIds } from './shared/checks.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './check.cli.js';

type Options = OptionsOf<typeof spec>;

export interface CheckOptions {
  json?: boolean;
  explain?: boolean;
  failOn: 'high' | 'medium' | 'low';
  /** password: show the decoded words found inside (the person's own screen only). */
  reveal?: boolean;
  /** password: read one password per line from standard input. */
  stdin?: boolean;
  /** password: also look the password up in Pwned Passwords (k-anonymity). */
  online?: boolean;
  /** passwords: the CSV export to audit, and its format. */
  from?: string;
  format?: string;
}

/** True when a finding is as severe as --fail-on or worse. */
export function reachesFailOn(severity: Severity, failOn: CheckOptions['failOn']): boolean {
  return severityRank(severity) <= severityRank(failOn);
}

export default async function check(ctx: AppContext, id: string | undefined, paths: string[], opts: Options): Promise<number> {
  const chalk = await styler(ctx.io);
  if (!id) {
    const out = [chalk.bold(ctx.t('check.available'))];
    for (const checkId of checkIds) {
      const c = await loadCheck(checkId);
      if (c) out.push(`  ${checkId}`, ...wrap(c.meta.description[ctx.lang], ctx.io.width, '      ', '      '));
    }
    out.push('', ctx.t('check.usage'));
    ctx.io.stdout.write(out.join('\n') + '\n');
    return EXIT_OK;
  }
  const found = await loadCheck(id);
  if (!found) {
    const near = closestIds(id, checkIds);
    throw new SafestepError(ctx.t('check.unknown', { id }), EXIT_USAGE, near.length ? ctx.t('lesson.didYouMean', { ids: near.join(', ') }) : ctx.t('check.seeList'));
  }
  if (opts.reveal && (id !== 'password' || opts.json || opts.stdin)) throw new SafestepError(ctx.t('password.revealOnlyHere'), EXIT_USAGE);
  if (id === 'phone') {
    // The phone has its own flow: a guided live read or a capture, its own report and --explain.
    const { default: checkPhone } = await import('./check-phone.js');
    return checkPhone(ctx, paths, opts);
  }
  if (opts.explain) {
    const out = [chalk.bold(found.meta.title[ctx.lang]), ...wrap(found.meta.description[ctx.lang], ctx.io.width), '', chalk.bold(ctx.t('check.reads'))];
    out.push(...renderExplain(found.meta, ['linux', 'darwin', 'win32'], { lang: ctx.lang, width: ctx.io.width }));
    ctx.io.stdout.write(out.join('\n') + '\n');
    return EXIT_OK;
  }
  if (id === 'metadata' && (paths.length > 0 || !ctx.io.canPrompt)) {
    const { default: checkMetadata } = await import('./check-metadata.js');
    return checkMetadata(ctx, paths, opts);
  }
  if (id === 'password' && opts.stdin) {
    const { default: batch } = await import('./password-batch.js');
    return batch(ctx, opts);
  }
  if (id === 'passwords' && opts.from) {
    // A file that cannot be read is an input error (exit 2), said before anything runs.
    await stat(opts.from);
    paths = [opts.from, ...paths];
  }
  const interactive = Boolean(found.meta.interactive) && !(id === 'passwords' && paths.length > 0);
  if (interactive && !ctx.io.canPrompt) {
    throw new SafestepError(ctx.t('check.needsTerminal', { id }), EXIT_USAGE, id === 'password' ? ctx.t('password.hintStdin') : undefined);
  }
  const prompter = interactive || id === 'password' ? inquirerPrompter(ctx.io, ctx.t) : undefined;
  // The breach check needs the password after rating it: it is kept in this closure only, never stored.
  let typed: string | undefined;
  const asking = prompter && opts.online ? { ...prompter, password: async (m: string) => (typed = await prompter.password(m)) } : prompter;
  const home = homeOf(ctx);
  const checkOptions: Record<string, unknown> = {
    ...(id === 'password' && opts.reveal ? { reveal: true } : {}),
    ...(id === 'passwords' && opts.format ? { format: opts.format } : {}),
  };
  const [result] = await runChecks([found], checkContext(ctx, paths, asking), {
    only: [id],
    options: { [id]: checkOptions },
    ...(found.meta.interactive ? { timeoutMs: 30 * 60_000 } : {}),
  });
  if (!result) throw new SafestepError(ctx.t('check.notForThisSystem', { id }), EXIT_USAGE);
  // Input the check could not use is bad input, not an unknown result: one line with the file and the
  // position, exit 2, and what to do as the hint.
  const unusable = result.findings.find((f) => f.input);
  if (unusable) {
    const text = describeFinding(found.meta, unusable, ctx.lang, home);
    throw new SafestepError(`${text.path ?? paths[0] ?? ''}: ${text.message}`, EXIT_USAGE, text.fix);
  }
  if (ctx.debug && result.error) ctx.io.stderr.write(`debug: ${result.error.message}\n`);
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify(toJsonReport([result], { lang: ctx.lang, home }), null, 2) + '\n');
  } else {
    const lines = renderCheckResult(result, { lang: ctx.lang, t: ctx.t, width: ctx.io.width, home, bold: chalk.bold, lessons: await lessonIds(ctx) });
    if (result.skipped === 'platform') lines.push(ctx.t('check.notForThisSystem', { id }));
    ctx.io.stdout.write(lines.join('\n') + '\n');
  }
  if (typed !== undefined && prompter) {
    const { breachCheck } = await import('./password-breach.js');
    await breachCheck(ctx, prompter, typed);
    typed = undefined;
  }
  const failing = result.findings.some((f) => reachesFailOn(f.severity, opts.failOn));
  return failing || result.status === 'error' ? EXIT_PROBLEMS : EXIT_OK;
}
