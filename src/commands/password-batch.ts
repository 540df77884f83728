// `safestep check password --stdin [--json]`: one password per line, results in
// input order, never echoing a password. Empty lines keep their numbers.
import type { Readable } from 'node:stream';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import { estimatePassword, redactEstimate } from '../password/estimate.js';
import { message, PATTERN_LABELS } from '../password/messages.js';

export interface BatchResult {
  line: number;
  score?: number;
  guessesLog10?: number;
  patterns?: string[];
  warning?: string | null;
  suggestions?: string[];
  error?: string;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export function rateLines(input: Buffer, lang: 'en' | 'ru', invalidText: string): BatchResult[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const results: BatchResult[] = [];
  let start = 0;
  let line = 0;
  while (start <= input.length) {
    let end = input.indexOf(0x0a, start);
    if (end === -1) end = input.length;
    line++;
    let raw = input.subarray(start, end);
    if (raw.length > 0 && raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, raw.length - 1);
    start = end + 1;
    if (raw.length === 0) {
      if (end === input.length) break;
      continue;
    }
    let password: string;
    try {
      password = decoder.decode(raw);
    } catch {
      results.push({ line, error: invalidText });
      continue;
    }
    const e = redactEstimate(estimatePassword(password));
    results.push({
      line,
      score: e.score,
      guessesLog10: Math.round(e.guessesLog10 * 10) / 10,
      patterns: [...e.patterns],
      warning: e.warning ? message(e.warning, lang) : null,
      suggestions: e.suggestions.map((s) => message(s, lang)),
    });
  }
  return results;
}

export default async function passwordBatch(ctx: AppContext, opts: { json?: boolean }): Promise<number> {
  const results = rateLines(await readAll(ctx.io.stdin), ctx.lang, ctx.t('password.invalidUtf8'));
  const rated = results.filter((r) => r.score !== undefined);
  const summary = {
    total: rated.length,
    weak: rated.filter((r) => r.score! <= 1).length,
    fair: rated.filter((r) => r.score === 2).length,
    strong: rated.filter((r) => r.score! >= 3).length,
    invalid: results.length - rated.length,
  };
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ results, summary }, null, 2) + '\n');
  } else {
    const out: string[] = [];
    for (const r of results) {
      if (r.error) out.push(ctx.t('password.lineError', { line: r.line, error: r.error }));
      else {
        const patterns = r.score! <= 2 && r.patterns!.length ? ` · ${r.patterns!.map((p) => PATTERN_LABELS[p as keyof typeof PATTERN_LABELS]?.[ctx.lang] ?? p).join(', ')}` : '';
        out.push(ctx.t('password.lineResult', { line: r.line, score: r.score!, verdict: ctx.t(`password.score${r.score as 0 | 1 | 2 | 3 | 4}`) }) + patterns);
      }
    }
    out.push('', ctx.t('password.batchSummary', summary));
    ctx.io.stdout.write(out.join('\n') + '\n');
  }
  return summary.weak > 0 || summary.invalid > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
