// Runs checks: independent checks in parallel (a small pool), each with a
// timeout, and any exception or timeout turned into an `error` result so one
// broken check never breaks the audit.
import type { Check, CheckContext, CheckMeta, CheckStatus, Finding, Platform } from '../check-kit/types.js';

export type AnyCheck = Check<unknown, Record<string, unknown>>;

export interface AuditResult {
  id: string;
  meta: CheckMeta;
  status: CheckStatus;
  findings: Finding[];
  durationMs: number;
  /**
   * Why the check did not finish. The message is for `--debug` only: reports
   * show a fixed sentence instead, so nothing a check read can leak through it.
   */
  error?: { kind: 'timeout' | 'exception'; message: string };
  /** The check was not run: it does not apply to this platform, or needs the user's input. */
  skipped?: 'platform' | 'interactive';
}

export interface RunOptions {
  /** Run only these ids (interactive checks run only when named here). */
  only?: readonly string[];
  /** Leave these ids out. */
  skip?: readonly string[];
  /** Checks running at the same time; default 4. */
  concurrency?: number;
  /** Per check, gather and evaluate together; default 10 s. */
  timeoutMs?: number;
  /** Options per check id, already validated against the check's schema. */
  options?: Readonly<Record<string, Record<string, unknown>>>;
  /** Called as each check finishes (for progress output). */
  onResult?: (result: AuditResult) => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 4;

class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'CheckTimeout';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // One line, bounded: this is a hint for developers, not a report.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);
}

export function appliesTo(meta: CheckMeta, platform: NodeJS.Platform): boolean {
  return (meta.platforms as readonly string[]).includes(platform as Platform);
}

async function runOne(check: AnyCheck, ctx: CheckContext, options: Record<string, unknown>, timeoutMs: number): Promise<AuditResult> {
  const started = performance.now();
  const base = { id: check.meta.id, meta: check.meta };
  try {
    const result = await withTimeout(
      (async () => {
        const data = await check.gather(ctx, options);
        return check.evaluate(data, options);
      })(),
      timeoutMs,
    );
    return { ...base, status: result.status, findings: result.findings, durationMs: performance.now() - started };
  } catch (error) {
    return {
      ...base,
      status: 'error',
      findings: [],
      durationMs: performance.now() - started,
      error: { kind: error instanceof CheckTimeout ? 'timeout' : 'exception', message: errorMessage(error) },
    };
  }
}

/**
 * Runs the given checks against one context. Results come back in the order
 * the checks were given (the registry keeps them sorted by id), including
 * `not-applicable` entries for checks skipped for this platform.
 */
export async function runChecks(checks: readonly AnyCheck[], ctx: CheckContext, options: RunOptions = {}): Promise<AuditResult[]> {
  const only = options.only ? new Set(options.only) : null;
  const skip = new Set(options.skip ?? []);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);

  const selected = checks.filter((c) => (only ? only.has(c.meta.id) : true) && !skip.has(c.meta.id));
  const results: (AuditResult | undefined)[] = new Array(selected.length);
  const queue: number[] = [];

  selected.forEach((check, index) => {
    const skipped: AuditResult['skipped'] = !appliesTo(check.meta, ctx.platform)
      ? 'platform'
      : check.meta.interactive && !only?.has(check.meta.id)
        ? 'interactive'
        : undefined;
    if (skipped) {
      results[index] = { id: check.meta.id, meta: check.meta, status: 'not-applicable', findings: [], durationMs: 0, skipped };
      options.onResult?.(results[index]);
    } else {
      queue.push(index);
    }
  });

  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const check = selected[next];
      if (!check) continue;
      const result = await runOne(check, ctx, options.options?.[check.meta.id] ?? {}, timeoutMs);
      results[next] = result;
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, () => worker()));
  return results.filter((r): r is AuditResult => r !== undefined);
}
