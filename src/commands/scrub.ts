// `safestep scrub <paths...> [--out DIR] [--in-place] [--force] [--json]`:
// a cleaned copy beside each original (or in --out), without re-encoding.
// "Cleaned" only when the copy is verified; otherwise what was removed and
// what could not be verified, and for types it cannot clean, what to do.
import { stat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { categoryTitle, M, reasonText, removedText, scrubStatusText, scrubWarningText, typeLabel } from '../metadata/messages.js';
import { scanPaths } from '../metadata/scan.js';
import { scrubFile, type ScrubResult } from '../metadata/scrub.js';
import { isRisky } from '../metadata/types.js';
import { wrap } from '../text/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './scrub.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function scrub(ctx: AppContext, paths: string[], opts: Options): Promise<number> {
  const t = M.text(ctx.lang);
  if (paths.length === 0) throw new SafestepError(t('scrub.what'), EXIT_USAGE, t('scrub.hint'));
  if (opts.out && opts.inPlace) throw new SafestepError(t('scrub.outAndInPlace'), EXIT_USAGE);
  if (opts.out) {
    const info = await stat(opts.out).catch(() => null);
    if (!info?.isDirectory()) throw new SafestepError(t('scrub.outMissing', { dir: opts.out }), EXIT_USAGE);
  }
  // Folders are walked like the scanner walks them; earlier cleaned copies are not cleaned again.
  const results: ScrubResult[] = [];
  const taken = new Set<string>();
  for await (const item of scanPaths(paths)) {
    if (/\.cleaned(-\d+)?\.[^./\\]+$/.test(item.path)) continue;
    if (item.status === 'unreadable' || (item.status === 'unsupported' && (item.reason === 'symlink' || item.reason === 'special' || item.reason === 'empty'))) {
      // Nothing to clean here; say why rather than leave it out.
      const r: ScrubResult = { path: item.path, output: null, format: item.format, status: item.status === 'unreadable' ? 'unreadable' : 'unsupported', removed: [], warnings: [], remaining: [], unverified: [], error: item.detail ?? null };
      if (item.reason) r.reason = item.reason;
      results.push(r);
      continue;
    }
    results.push(await scrubFile(item.path, { ...(opts.out ? { out: opts.out } : {}), inPlace: Boolean(opts.inPlace), force: Boolean(opts.force), taken }));
  }

  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  } else {
    const chalk = await styler(ctx.io);
    const out: string[] = [];
    const w = ctx.io.width;
    const put = (text: string, indent: string, first = indent): void => void out.push(...wrap(text, w, indent, first));
    for (const r of results) {
      const format = r.format ? ` (${stripUnsafe(typeLabel(r.format, ctx.lang))})` : '';
      out.push(chalk.bold(stripUnsafe(r.path)) + format + (r.output && r.output !== r.path ? ` → ${stripUnsafe(r.output)}` : ''));
      put(scrubStatusText(r.status, ctx.lang), '    ', '  ');
      if (r.reason) put(reasonText(r.reason, ctx.lang), '    ', '  ');
      if (r.target) put(t('scrub.viaLink', { target: r.target }), '    ', '  ');
      if (r.links) put(t('scrub.hardLinks', { count: r.links }), '    ', '  ');
      if (r.renamed) put(t('scrub.renamed'), '    ', '  ');
      if (r.removed.length) put(t('scrub.removedList', { list: r.removed.map((id) => removedText(id, ctx.lang)).join('; ') }), '    ', '  ');
      for (const f of r.remaining.filter(isRisky)) put(t('scrub.remaining', { what: `${categoryTitle(f.category, ctx.lang)} · ${f.field}` }), '      ', '  - ');
      for (const u of r.unverified) put(t('scrub.unverifiedBecause', { why: M.get(`unverified.${u}`, ctx.lang) }), '      ', '  - ');
      if (r.alternative) put(M.get(`scrub.alternative.${r.alternative}`, ctx.lang), '    ', '  ');
      for (const warning of r.warnings) put(scrubWarningText(warning, ctx.lang), '    ', '  ! ');
      if (r.error && ctx.debug) out.push(`  debug: ${stripUnsafe(r.error)}`);
      out.push('');
    }
    const count = (...s: ScrubResult['status'][]): number => results.filter((r) => s.includes(r.status)).length;
    out.push(t('scrub.summary', { cleaned: count('cleaned'), unverified: count('unverified', 'partial'), notCleaned: count('unsupported', 'unreadable', 'exists', 'failed', 'not-clean') }));
    if (!opts.inPlace && count('cleaned', 'unverified', 'partial') > 0) out.push(t('scrub.originalsKept'));
    if (results.length === 0) out.push(t('scrub.none'));
    ctx.io.stdout.write(out.join('\n') + '\n');
  }
  return results.every((r) => r.status === 'cleaned') ? EXIT_OK : EXIT_PROBLEMS;
}
