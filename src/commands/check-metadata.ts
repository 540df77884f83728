// `safestep check metadata <paths...> [--json]`: what photos, documents and
// videos say about you, grouped by risk, with why it matters in plain words,
// and every file that could not be checked, with why and what to do.
import type { AppContext } from '../context.js';
import { EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { M } from '../metadata/messages.js';
import { exitCode, toJson, toText } from '../metadata/report.js';
import { scanPaths } from '../metadata/scan.js';
import type { FileScan } from '../metadata/types.js';
import { wrap } from '../text/markdown.js';
import { progressBar } from './shared/progress-bar.js';

export default async function checkMetadata(ctx: AppContext, paths: string[], opts: { json?: boolean }): Promise<number> {
  if (paths.length === 0) throw new SafestepError(M.get('cmd.what', ctx.lang), EXIT_USAGE, M.get('cmd.hint', ctx.lang));
  const bar = !opts.json && ctx.io.stderr.isTTY ? progressBar(ctx.io.stderr, ctx.t) : null;
  const results: FileScan[] = [];
  for await (const item of scanPaths(paths, { ...(bar ? { onProgress: (p) => bar.update(p.scanned + p.skipped, p.current) } : {}) })) results.push(item);
  bar?.done();
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify(toJson(results), null, 2) + '\n');
  } else {
    const chalk = await styler(ctx.io);
    ctx.io.stdout.write(toText(results, { lang: ctx.lang, width: ctx.io.width, wrap, heading: (s) => chalk.bold(s) }) + '\n');
  }
  // Nothing named exists: a usage error, not a finding.
  const named = results.filter((r) => paths.includes(r.path));
  if (named.length === paths.length && named.every((r) => r.reason === 'missing')) return EXIT_USAGE;
  return exitCode(results);
}
