// A short summary of each audit run, kept so `safestep audit --history` can
// show progress over time. Summaries hold counts and statuses only: no paths,
// no messages, no data from findings. The file is JSON lines, rewritten
// atomically (temp file + rename) and readable by its owner only.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CheckStatus, Severity } from '../check-kit/types.js';
import type { AuditResult } from './run.js';
import { scoreResults } from './score.js';
import { ensureDir } from '../fsutil/dirs.js';

export const HISTORY_FILE = 'audit-history.jsonl';
export const DEFAULT_MAX_ENTRIES = 500;

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'not-applicable', 'error'];
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export interface HistoryEntry {
  version: 1;
  /** ISO 8601, UTC. */
  time: string;
  score: number | null;
  platform: string;
  /** How many checks ended in each status. */
  statuses: Record<CheckStatus, number>;
  /** How many findings of each severity. */
  findings: Record<Severity, number>;
  checks: { id: string; status: CheckStatus; high: number; medium: number; low: number }[];
}

export function summarizeRun(results: readonly AuditResult[], options: { platform: string; time?: Date }): HistoryEntry {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CheckStatus, number>;
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const checks = results.map((r) => {
    statuses[r.status]++;
    const count = (severity: Severity) => r.findings.filter((f) => f.severity === severity).length;
    for (const f of r.findings) findings[f.severity]++;
    return { id: r.id, status: r.status, high: count('high'), medium: count('medium'), low: count('low') };
  });
  return {
    version: 1,
    time: (options.time ?? new Date()).toISOString(),
    score: scoreResults(results),
    platform: options.platform,
    statuses,
    findings,
    checks,
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Only well-formed entries are returned; anything else in the file is skipped. */
export function parseHistoryLine(line: string): HistoryEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Partial<HistoryEntry>;
  if (e.version !== 1 || typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time))) return null;
  if (!(e.score === null || (typeof e.score === 'number' && e.score >= 0 && e.score <= 100))) return null;
  if (typeof e.platform !== 'string') return null;
  if (typeof e.statuses !== 'object' || e.statuses === null || !STATUSES.every((s) => isCount(e.statuses?.[s]))) return null;
  if (typeof e.findings !== 'object' || e.findings === null || !SEVERITIES.every((s) => isCount(e.findings?.[s]))) return null;
  if (!Array.isArray(e.checks)) return null;
  const checks = e.checks.filter(
    (c): c is HistoryEntry['checks'][number] =>
      typeof c === 'object' && c !== null && typeof c.id === 'string' && STATUSES.includes(c.status) && isCount(c.high) && isCount(c.medium) && isCount(c.low),
  );
  return { version: 1, time: e.time, score: e.score, platform: e.platform, statuses: e.statuses, findings: e.findings, checks };
}

async function readLines(file: string): Promise<string[]> {
  try {
    return (await fs.readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Oldest first; `limit` keeps the most recent entries. */
export async function readHistory(dir: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  const entries = (await readLines(path.join(dir, HISTORY_FILE))).map(parseHistoryLine).filter((e): e is HistoryEntry => e !== null);
  return options.limit !== undefined ? entries.slice(Math.max(0, entries.length - options.limit)) : entries;
}

/** Adds one entry, keeping the newest `maxEntries`; the file is replaced atomically. */
export async function appendHistory(dir: string, entry: HistoryEntry, options: { maxEntries?: number } = {}): Promise<void> {
  const max = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  await ensureDir(dir);
  const file = path.join(dir, HISTORY_FILE);
  const kept = (await readLines(file)).filter((line) => parseHistoryLine(line) !== null);
  kept.push(JSON.stringify(entry));
  const content = kept.slice(Math.max(0, kept.length - max)).join('\n') + '\n';
  const temp = path.join(dir, `.${HISTORY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
