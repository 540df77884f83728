// `safestep scrub <paths...> [--out DIR] [--in-place] [--force] [--json]`:
// a cleaned copy beside each original (or in --out), without re-encoding.
import { stat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { categoryTitle, removedText, scrubWarningText, SCRUB_STATUS_TEXT } from '../metadata/messages.js';
import { scanPaths } from '../metadata/scan.js';
import { scrubFile, type ScrubResult } from '../metadata/scrub.js';
import { isSkipped, isRisky } from '../metadata/types.js';
import { wrap } from '../text/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './scrub.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function scrub(ctx: AppContext, paths: string[], opts: Options): Promise<number> {
  if (paths.length === 0) throw new SafestepError(ctx.t('scrub.what'), EXIT_USAGE, ctx.t('scrub.hint'));
  if (opts.out && opts.inPlace) throw new SafestepError(ctx.t('scrub.outAndInPlace'), EXIT_USAGE);
  if (opts.out) {
    const info = await stat(opts.out).catch(() => null);
    if (!info?.isDirectory()) throw new SafestepError(ctx.t('scrub.outMissing', { dir: opts.out }), EXIT_USAGE);
  }
  // Folders are walked like the scanner walks them; earlier cleaned copies are not cleaned again.
  const files: string[] = [];
  for await (const item of scanPaths(paths)) if (!isSkipped(item) && !/\.cleaned\.[^./\\]+$/.test(item.path)) files.push(item.path);
  const results: ScrubResult[] = [];
  for (const file of files) results.push(await scrubFile(file, { ...(opts.out ? { out: opts.out } : {}), inPlace: Boolean(opts.inPlace), force: Boolean(opts.force) }));

  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  } else {
    const chalk = await styler(ctx.io);
    const out: string[] = [];
    const w = ctx.io.width;
    for (const r of results) {
      out.push(chalk.bold(stripUnsafe(r.path)) + (r.output && r.output !== r.path ? ` → ${stripUnsafe(r.output)}` : ''));
      out.push(...wrap(SCRUB_STATUS_TEXT[r.status][ctx.lang], w, '    ', '  '));
      if (r.removed.length) out.push(...wrap(`${ctx.t('scrub.removed')} ${r.removed.map((id) => removedText(id, ctx.lang)).join('; ')}`, w, '    ', '  '));
      for (const f of r.remaining.filter(isRisky)) out.push(...wrap(`${ctx.t('scrub.remaining')} ${categoryTitle(f.category, ctx.lang)} · ${f.field}`, w, '      ', '  - '));
      for (const warning of r.warnings) out.push(...wrap(scrubWarningText(warning, ctx.lang), w, '    ', '  ! '));
      if (r.error && ctx.debug) out.push(`  debug: ${stripUnsafe(r.error)}`);
      out.push('');
    }
    const count = (s: ScrubResult['status']): number => results.filter((r) => r.status === s).length;
    out.push(ctx.t('scrub.summary', { cleaned: count('cleaned'), partial: count('partial'), skipped: count('unsupported') + count('exists'), failed: count('failed') + count('not-clean') }));
    if (!opts.inPlace && count('cleaned') > 0) out.push(ctx.t('scrub.originalsKept'));
    if (files.length === 0) out.push(ctx.t('scrub.none'));
    ctx.io.stdout.write(out.join('\n') + '\n');
  }
  const bad = results.some((r) => r.status === 'failed' || r.status === 'not-clean' || r.status === 'partial');
  return bad ? EXIT_PROBLEMS : EXIT_OK;
}
