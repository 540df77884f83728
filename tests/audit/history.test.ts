import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_FILE, parseHistoryLine, readHistory, summarizeRun } from '../../src/audit/history.js';
import { tempDir } from '../checks/helpers.js';
import { finding, result } from './helpers.js';

const results = () => [
  result('keys', 'fail', [finding('high', '/home/anna/.ssh/id_rsa'), finding('low', '/home/anna/.ssh/x')]),
  result('lock', 'pass'),
  result('disk', 'not-applicable'),
];

describe('audit history', () => {
  it('summarises a run with counts only: no paths, messages or data', () => {
    const entry = summarizeRun(results(), { platform: 'linux', time: new Date('2026-05-01T00:00:00Z') });
    expect(entry).toEqual({
      version: 1,
      time: '2026-05-01T00:00:00.000Z',
      score: 50,
      platform: 'linux',
      statuses: { pass: 1, fail: 1, warn: 0, 'not-applicable': 1, error: 0 },
      findings: { high: 1, medium: 0, low: 1, info: 0 },
      checks: [
        { id: 'keys', status: 'fail', high: 1, medium: 0, low: 1 },
        { id: 'lock', status: 'pass', high: 0, medium: 0, low: 0 },
        { id: 'disk', status: 'not-applicable', high: 0, medium: 0, low: 0 },
      ],
    });
    expect(JSON.stringify(entry)).not.toMatch(/anna|Problem|id_rsa/);
  });

  it('appends entries to a file only its owner can read, and reads them back oldest first', async () => {
    const dir = path.join(tempDir(), 'state', 'safestep');
    expect(await readHistory(dir)).toEqual([]);
    const first = summarizeRun(results(), { platform: 'linux', time: new Date('2026-05-01T00:00:00Z') });
    const second = summarizeRun([result('lock', 'pass')], { platform: 'linux', time: new Date('2026-05-02T00:00:00Z') });
    await appendHistory(dir, first);
    await appendHistory(dir, second);
    expect(await readHistory(dir)).toEqual([first, second]);
    expect(await readHistory(dir, { limit: 1 })).toEqual([second]);
    expect(statSync(path.join(dir, HISTORY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual([HISTORY_FILE]);
  });

  it('keeps only the newest entries and drops damaged lines', async () => {
    const dir = tempDir();
    const file = path.join(dir, HISTORY_FILE);
    const entry = (day: number) => summarizeRun([result('a', 'pass')], { platform: 'linux', time: new Date(Date.UTC(2026, 0, day)) });
    writeFileSync(file, `${JSON.stringify(entry(1))}\n{not json\n${JSON.stringify({ version: 1, time: 'yesterday' })}\n`);
    for (const day of [2, 3, 4]) await appendHistory(dir, entry(day), { maxEntries: 3 });
    const read = await readHistory(dir);
    expect(read.map((e) => e.time.slice(0, 10))).toEqual(['2026-01-02', '2026-01-03', '2026-01-04']);
    expect(readFileSync(file, 'utf8')).not.toContain('not json');
  });

  it('rejects lines that are not history entries', () => {
    expect(parseHistoryLine('[]')).toBeNull();
    expect(parseHistoryLine(JSON.stringify({ version: 2 }))).toBeNull();
    const good = summarizeRun([result('a', 'pass')], { platform: 'linux' });
    expect(parseHistoryLine(JSON.stringify({ ...good, score: 140 }))).toBeNull();
    expect(parseHistoryLine(JSON.stringify(good))).toEqual(good);
  });
});
