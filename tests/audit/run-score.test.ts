import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/audit/run.js';
import { checkPoints, nextSteps, scoreBreakdown, scoreResults } from '../../src/audit/score.js';
import { fakeContext } from '../checks/helpers.js';
import { fakeCheck, finding, result } from './helpers.js';

describe('runChecks', () => {
  it('turns a throwing gather, a throwing evaluate and a timeout into error results, and runs the rest', async () => {
    const checks = [
      fakeCheck('a-ok', {}),
      fakeCheck('b-throws', { gather: () => Promise.reject(new Error('disk on fire')) }),
      fakeCheck('c-evaluate-throws', {
        evaluate: () => {
          throw new TypeError('bad data');
        },
      }),
      fakeCheck('d-hangs', { gather: () => new Promise(() => {}) }),
      fakeCheck('e-fails', { evaluate: () => ({ status: 'fail', findings: [finding('high')] }) }),
    ];
    const results = await runChecks(checks, fakeContext(), { timeoutMs: 100 });
    expect(results.map((r) => [r.id, r.status, r.error?.kind])).toEqual([
      ['a-ok', 'pass', undefined],
      ['b-throws', 'error', 'exception'],
      ['c-evaluate-throws', 'error', 'exception'],
      ['d-hangs', 'error', 'timeout'],
      ['e-fails', 'fail', undefined],
    ]);
    expect(results[1]?.error?.message).toBe('Error: disk on fire');
  });

  it('runs independent checks in parallel, up to the concurrency limit', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: string) =>
      fakeCheck(id, {
        gather: async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 30));
          running--;
          return null;
        },
      });
    const checks = ['a', 'b', 'c', 'd', 'e', 'f'].map(slow);
    await runChecks(checks, fakeContext(), { concurrency: 3 });
    expect(peak).toBe(3);
    peak = 0;
    await runChecks(checks, fakeContext(), { concurrency: 1 });
    expect(peak).toBe(1);
  });

  it('honours only and skip, skips other platforms and interactive checks, and passes options', async () => {
    const seen: unknown[] = [];
    const checks = [
      fakeCheck('a', {}),
      fakeCheck('b', {}),
      fakeCheck('mac-only', {}, { platforms: ['darwin'] }),
      fakeCheck('asks', {}, { input: { kind: 'path', prompt: { en: 'Which folder?', ru: 'Какая папка?' } } }),
      {
        ...fakeCheck('opts', {}),
        gather: (_ctx: unknown, options: Record<string, unknown>) => {
          seen.push(options);
          return Promise.resolve(null);
        },
      },
    ];
    const all = await runChecks(checks, fakeContext({ platform: 'linux' }), { skip: ['b'], options: { opts: { level: 2 } } });
    expect(all.map((r) => [r.id, r.status, r.skipped])).toEqual([
      ['a', 'pass', undefined],
      ['mac-only', 'not-applicable', 'platform'],
      ['asks', 'not-applicable', 'interactive'],
      ['opts', 'pass', undefined],
    ]);
    expect(seen).toEqual([{ level: 2 }]);
    const only = await runChecks(checks, fakeContext({ platform: 'linux' }), { only: ['asks', 'b'] });
    expect(only.map((r) => [r.id, r.status])).toEqual([
      ['b', 'pass'],
      ['asks', 'pass'],
    ]);
  });

  it('reports each result as it finishes', async () => {
    const order: string[] = [];
    await runChecks([fakeCheck('a', {}), fakeCheck('b', {})], fakeContext(), { onResult: (r) => order.push(r.id) });
    expect(order.sort()).toEqual(['a', 'b']);
  });
});

describe('scoring', () => {
  it('a clean audit scores 100; not-applicable checks do not count', () => {
    expect(scoreResults([result('a', 'pass'), result('b', 'pass'), result('c', 'not-applicable')])).toBe(100);
  });

  it('weights a check by its worst finding', () => {
    expect(checkPoints(result('x', 'fail', [finding('high')]))).toBe(0);
    expect(checkPoints(result('x', 'warn', [finding('medium')]))).toBe(5);
    expect(checkPoints(result('x', 'warn', [finding('low')]))).toBe(8);
    expect(checkPoints(result('x', 'warn', [finding('medium'), finding('medium'), finding('low')]))).toBe(5);
    expect(checkPoints(result('x', 'fail', [finding('low'), finding('high'), finding('medium')]))).toBe(0);
    expect(checkPoints(result('x', 'pass', [finding('info')]))).toBe(10);
    // four checks: 10 + 5 + 8 + 0 of 40
    expect(scoreResults([result('a', 'pass'), result('b', 'warn', [finding('medium')]), result('c', 'warn', [finding('low')]), result('d', 'fail', [finding('high')])])).toBe(58);
  });

  it('never counts an unknown as a pass: errors earn nothing, a bare warn loses points', () => {
    expect(checkPoints(result('x', 'error'))).toBe(0);
    expect(checkPoints(result('x', 'warn', [finding('info')]))).toBe(8);
    expect(checkPoints(result('x', 'fail', [finding('low')]))).toBe(0);
    const breakdown = scoreBreakdown([result('a', 'pass'), result('b', 'error')]);
    expect(breakdown).toMatchObject({ score: 50, errors: 1, counted: 2, excluded: 0 });
  });

  it('has no score when nothing applied', () => {
    expect(scoreResults([])).toBeNull();
    expect(scoreResults([result('a', 'not-applicable')])).toBeNull();
  });

  it('scores each topic separately', () => {
    const b = scoreBreakdown([result('a', 'pass', [], { topic: 'devices' }), result('b', 'fail', [finding('high')], { topic: 'identity' })]);
    expect(b.byTopic).toEqual({ devices: { score: 100, earned: 10, possible: 10 }, identity: { score: 0, earned: 0, possible: 10 } });
  });
});

describe('nextSteps', () => {
  it('takes the most serious finding of different checks first', () => {
    const results = [
      result('a', 'warn', [finding('low', '/a1')]),
      result('b', 'fail', [finding('high', '/b1'), finding('high', '/b2'), finding('medium', '/b3')]),
      result('c', 'warn', [finding('medium', '/c1')]),
      result('d', 'pass', [finding('info', '/d1')]),
    ];
    expect(nextSteps(results).map((s) => s.finding.path)).toEqual(['/b1', '/c1', '/a1']);
  });

  it('a different high problem of the same check beats another check\'s low one', () => {
    const other = { ...finding('high', '/b2'), message: 'other' };
    const results = [result('a', 'warn', [finding('low', '/a1')]), result('b', 'fail', [finding('high', '/b1'), other]), result('c', 'warn', [finding('medium', '/c1')])];
    expect(nextSteps(results).map((s) => s.finding.path)).toEqual(['/b1', '/b2', '/c1']);
  });

  it('fills up with more findings of the same kind when there are fewer kinds than asked for', () => {
    const results = [result('b', 'fail', [finding('high', '/b1'), finding('high', '/b2'), finding('high', '/b3'), finding('high', '/b4')])];
    expect(nextSteps(results).map((s) => s.finding.path)).toEqual(['/b1', '/b2', '/b3']);
  });

  it('ignores passes, info findings and errors, and returns fewer when there is less to do', () => {
    expect(nextSteps([result('a', 'pass'), result('b', 'error'), result('c', 'not-applicable', [finding('info')])])).toEqual([]);
    expect(nextSteps([result('a', 'warn', [finding('low')])], 3)).toHaveLength(1);
  });
});
