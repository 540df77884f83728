// `safestep check metadata <paths...> [--json]`: what photos, documents and
// videos say about you, grouped by risk, with why it matters in plain words.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { categoryTitle, categoryWhy, errorText, severityLabel, skipText } from '../metadata/messages.js';
import { scanPaths, summarize } from '../metadata/scan.js';
import { CATEGORIES, isRisky, isSkipped, type FileScan, type MetaSeverity, type SkippedFile } from '../metadata/types.js';
import { wrap } from '../text/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import { progressBar } from './shared/progress-bar.js';

const ORDER: MetaSeverity[] = ['high', 'medium', 'low'];

function worst(scan: FileScan): MetaSeverity | null {
  return ORDER.find((s) => scan.findings.some((f) => f.severity === s)) ?? null;
}

export default async function checkMetadata(ctx: AppContext, paths: string[], opts: { json?: boolean }): Promise<number> {
  if (paths.length === 0) throw new SafestepError(ctx.t('metadata.what'), EXIT_USAGE, ctx.t('metadata.hint'));
  const bar = !opts.json && ctx.io.stderr.isTTY ? progressBar(ctx.io.stderr, ctx.t) : null;
  const results: (FileScan | SkippedFile)[] = [];
  for await (const item of scanPaths(paths, { ...(bar ? { onProgress: (p) => bar.update(p.scanned + p.skipped, p.current) } : {}) })) results.push(item);
  bar?.done();
  const summary = summarize(results);
  const scans = results.filter((r): r is FileScan => !isSkipped(r));
  const risky = scans.some((s) => s.findings.some(isRisky));
  const missing = results.filter((r) => isSkipped(r) && r.skipped === 'missing' && paths.includes(r.path));

  if (opts.json) {
    const files = scans.map((s) => ({ path: s.path, format: s.format, findings: s.findings, error: s.error }));
    ctx.io.stdout.write(JSON.stringify({ files, summary }, null, 2) + '\n');
  } else {
    const chalk = await styler(ctx.io);
    const out: string[] = [];
    const w = ctx.io.width;
    for (const severity of ORDER) {
      const group = scans.filter((s) => worst(s) === severity);
      if (group.length === 0) continue;
      out.push(chalk.bold(`${severityLabel(severity, ctx.lang)} (${group.length})`));
      const seen = new Set<string>();
      for (const scan of group) {
        out.push(`  ${stripUnsafe(scan.path)} (${scan.format})`);
        for (const f of scan.findings.filter((x) => x.severity === severity || severity === 'low')) {
          const where = f.within ? ` [${stripUnsafe(f.within)}]` : '';
          out.push(...wrap(`${categoryTitle(f.category, ctx.lang)} · ${f.field}: ${stripUnsafe(f.value)}${where}`, w, '        ', '    - '));
          seen.add(f.category);
        }
      }
      for (const category of CATEGORIES.filter((c) => seen.has(c))) out.push(...wrap(`${categoryTitle(category, ctx.lang)}: ${categoryWhy(category, ctx.lang)}`, w, '    ', '  ! '));
      out.push('');
    }
    const errors = scans.filter((s) => s.error);
    if (errors.length) {
      out.push(chalk.bold(ctx.t('metadata.errors', { count: errors.length })));
      for (const s of errors) out.push(...wrap(`${stripUnsafe(s.path)}: ${errorText(s.error!, ctx.lang)}`, w, '    ', '  - '));
      out.push('');
    }
    for (const m of missing) out.push(`${stripUnsafe(m.path)}: ${skipText('missing', ctx.lang)}`);
    out.push(ctx.t('metadata.summary', summary));
    out.push(risky ? ctx.t('metadata.scrubHint') : scans.length ? ctx.t('metadata.clean') : ctx.t('metadata.nothing'));
    ctx.io.stdout.write(out.join('\n') + '\n');
  }
  if (missing.length === paths.length) return EXIT_USAGE;
  return risky ? EXIT_PROBLEMS : EXIT_OK;
}
