// `safestep audit`: every check that applies here, findings grouped by how
// serious they are, a score, the three things to do next, reports and history.
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { styler } from '../io.js';
import { appendHistory, readHistory, summarizeRun } from '../audit/history.js';
import { loadChecks, unknownCheckIds } from '../audit/load.js';
import { renderHtmlReport, renderMarkdownReport, toJsonReport } from '../audit/report.js';
import { appliesTo, runChecks, type AuditResult } from '../audit/run.js';
import { nextSteps, scoreResults } from '../audit/score.js';
import { describeFinding, SEVERITY_ORDER } from '../check-kit/format.js';
import { findingLines, renderExplain, resultTitle } from '../check-kit/render.js';
import { wrap } from '../text/markdown.js';
import { reachesFailOn } from './check.js';
import { checkContext, homeOf, lessonIds } from './shared/checks.js';
import { packIndicatorSets } from './shared/phone-indicators.js';
import { phoneProgress } from './shared/phone-progress.js';
import { severityLabel, statusLabel, type Platform } from '../i18n/labels.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './audit.cli.js';

type Options = OptionsOf<typeof spec>;


function idList(ctx: AppContext, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = unknownCheckIds(ids);
  if (unknown.length) throw new SafestepError(ctx.t('check.unknown', { id: unknown.join(', ') }), EXIT_USAGE, ctx.t('check.seeList'));
  return ids;
}

export default async function audit(ctx: AppContext, opts: Options): Promise<number> {
  const chalk = await styler(ctx.io);
  const out: string[] = [];
  const print = (...lines: string[]): void => void out.push(...lines);
  const flush = (): void => void ctx.io.stdout.write(out.splice(0).join('\n') + '\n');

  if (opts.collect !== undefined) {
    const { default: auditCollect } = await import('./audit-collect.js');
    return auditCollect(ctx, opts.collect, { ...(opts.yes ? { yes: true } : {}), ...(opts.force ? { force: true } : {}) });
  }

  if (opts.history) {
    const entries = await readHistory(ctx.paths.dataDir);
    if (entries.length === 0) print(ctx.t('audit.noHistory'));
    for (const e of entries) {
      const c = e.findings;
      print(`${e.time.slice(0, 16).replace('T', ' ')}  ${ctx.t('audit.scoreShort', { score: e.score ?? '—' })}  ${ctx.t('audit.historyCounts', { high: c.high, medium: c.medium, low: c.low })}`);
    }
    flush();
    return EXIT_OK;
  }

  const only = idList(ctx, opts.only);
  const skip = idList(ctx, opts.skip);
  const scan = opts.scan ?? [];
  // The metadata check reads the user's files: it runs only on folders named with --scan.
  const onlyWithScan = only ?? (scan.length ? [...(await loadChecks()).filter((c) => !c.meta.interactive).map((c) => c.meta.id), 'metadata'] : undefined);
  const checks = await loadChecks();

  if (opts.explain) {
    print(chalk.bold(ctx.t('audit.explainTitle')), '');
    for (const c of checks) {
      if (!appliesTo(c.meta, process.platform) || (only && !only.includes(c.meta.id)) || skip?.includes(c.meta.id)) continue;
      if (c.meta.interactive && !only?.includes(c.meta.id)) continue;
      print(chalk.bold(`${c.meta.id}: ${c.meta.subject[ctx.lang]}`));
      print(...renderExplain(c.meta, [process.platform as Platform], { lang: ctx.lang, width: ctx.io.width }));
      print('');
    }
    print(ctx.t('audit.explainNoNetwork'));
    flush();
    return EXIT_OK;
  }

  if (opts.report) {
    const ext = path.extname(opts.report).toLowerCase();
    if (ext !== '.md' && ext !== '.html') throw new SafestepError(ctx.t('audit.reportExt', { file: opts.report }), EXIT_USAGE);
    const exists = await access(opts.report).then(
      () => true,
      () => false,
    );
    if (exists && !opts.force) throw new SafestepError(ctx.t('progress.exportExists', { file: opts.report }), EXIT_USAGE, ctx.t('progress.exportForce'));
  }

  const home = homeOf(ctx);
  // A phone asked for by name is checked whatever --only says, with time for a live read.
  const phoneAsked = Boolean(opts.phone) || opts.phoneFrom !== undefined;
  if (opts.phoneFrom !== undefined) await stat(opts.phoneFrom);
  const mainSkip = phoneAsked ? [...(skip ?? []), 'phone'] : skip;
  const results = await runChecks(checks, checkContext(ctx, scan), { ...(onlyWithScan ? { only: onlyWithScan } : {}), ...(mainSkip ? { skip: mainSkip } : {}) });
  if (phoneAsked) {
    const indicatorSets = (await packIndicatorSets(ctx.paths.dataDir)).sets.map((p) => p.set);
    const options = opts.phoneFrom !== undefined ? { from: opts.phoneFrom, indicatorSets } : { live: true, indicatorSets };
    // A live read takes minutes: say what is being read, as check phone does.
    const shown = opts.phoneFrom === undefined && !opts.json ? phoneProgress(ctx) : undefined;
    const phone = await runChecks(checks, { ...checkContext(ctx), ...(shown ? { progress: shown.onProgress } : {}) }, { only: ['phone'], options: { phone: options }, timeoutMs: 20 * 60_000 });
    shown?.done();
    const at = results.findIndex((r) => r.id === 'phone');
    results.splice(at < 0 ? results.length : at, at < 0 ? 0 : 1, ...phone);
    results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const ran = results.filter((r) => !r.skipped);
  const score = scoreResults(ran);
  await appendHistory(ctx.paths.dataDir, summarizeRun(ran, { platform: process.platform, time: ctx.now() }));
  if (ctx.debug) for (const r of ran) if (r.error) ctx.io.stderr.write(`debug: ${r.id}: ${r.error.message}\n`);

  if (opts.report) {
    const reportOptions = { lang: ctx.lang, home, generatedAt: ctx.now(), platform: process.platform };
    const body = path.extname(opts.report).toLowerCase() === '.html' ? renderHtmlReport(ran, reportOptions) : renderMarkdownReport(ran, reportOptions);
    await writeFileAtomic(path.resolve(opts.report), body, 0o600);
  }

  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify(toJsonReport(ran, { lang: ctx.lang, home }), null, 2) + '\n');
  } else {
    const known = await lessonIds(ctx);
    const render = { lang: ctx.lang, t: ctx.t, width: ctx.io.width, home, bold: chalk.bold, lessons: known };
    print(chalk.bold(ctx.t('audit.title', { count: ran.length })), '');
    for (const severity of SEVERITY_ORDER) {
      const byCheck = ran.map((r) => ({ r, found: r.findings.filter((f) => f.severity === severity) })).filter((x) => x.found.length > 0);
      if (byCheck.length === 0) continue;
      // The same words as each finding's own label, so a heading and its items never disagree.
      print(chalk.bold(`${severityLabel(severity, ctx.lang)} (${byCheck.reduce((n, x) => n + x.found.length, 0)})`));
      for (const { r, found } of byCheck) {
        // A note from a check that could not judge (a container, no desktop) must not read as a failure.
        const title = r.status === 'fail' || r.status === 'warn' ? resultTitle(r, ctx.lang) : `${statusLabel(r.status, ctx.lang)}: ${resultTitle(r, ctx.lang)}`;
        print(`  ${title}`);
        for (const f of found) print(...findingLines(r, f, render, '    - '));
      }
      print('');
    }
    print(...statusSummary(ctx, ran), '');
    print(chalk.bold(score === null ? ctx.t('audit.noScore') : ctx.t('audit.score', { score })));
    const steps = nextSteps(ran, 3);
    print('', chalk.bold(steps.length ? ctx.t('audit.nextTitle') : ctx.t('audit.nothingUrgent')));
    steps.forEach((s, i) => {
      const text = describeFinding(s.meta, s.finding, ctx.lang, home);
      print(...wrap(text.fix ?? text.message, ctx.io.width, '     ', ` ${i + 1}. `));
    });
    print('');
    if (opts.report) print(ctx.t('audit.reportWritten', { file: path.resolve(opts.report) }));
    else print(ctx.t('audit.reportHint'));
    flush();
  }
  // Unknown is never a pass: a check that could not finish counts as something to look at.
  const failing = ran.some((r) => r.status === 'error' || r.findings.some((f) => reachesFailOn(f.severity, opts.failOn)));
  return failing ? EXIT_PROBLEMS : EXIT_OK;
}

function statusSummary(ctx: AppContext, results: readonly AuditResult[]): string[] {
  const count = (status: AuditResult['status']): number => results.filter((r) => r.status === status).length;
  const statuses: AuditResult['status'][] = ['pass', 'warn', 'fail', 'not-applicable', 'error'];
  const lines = wrap(statuses.map((s) => `${statusLabel(s, ctx.lang)}: ${count(s)}`).join(' · '), ctx.io.width);
  for (const r of results.filter((x) => x.status === 'error' || (x.status === 'not-applicable' && x.findings.length === 0))) {
    lines.push(`  ${statusLabel(r.status, ctx.lang)}: ${resultTitle(r, ctx.lang)}`);
  }
  return lines;
}
