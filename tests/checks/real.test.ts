// Real output of the exact commands the checks run, captured on real machines
// (public sources named in each sidecar, or `safestep audit --collect`),
// replayed through gather and evaluate. Every capture must get its verdict,
// and none whose true state is off or unknown may read as a pass.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIds, loadCheck } from '../../checks/index.js';
import { replay, type RealCase } from '../../src/audit/collect.js';
import { caseNames, loadCase, REAL_DIR } from './real-cases.js';

const names = caseNames();

/** When the output was captured: its own time if the sidecar gives one, else the end of the source's day. */
function captureTime(sidecar: RealCase): string {
  return sidecar.now ?? `${sidecar.source.date}T23:59:59Z`;
}

describe('real captures', () => {
  it('there are captures, each sidecar names its source and its output files exist', () => {
    expect(names.filter((n) => !n.startsWith('collected-')).length).toBeGreaterThanOrEqual(19);
    for (const name of names) {
      const { sidecar } = loadCase(REAL_DIR, name);
      expect(sidecar.source.title, name).toBeTruthy();
      expect(sidecar.source.date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (sidecar.now !== undefined) expect(Number.isNaN(Date.parse(sidecar.now)), `${name}: now`).toBe(false);
      if (!name.startsWith('collected-')) expect(sidecar.source.url, name).toMatch(/^https:\/\//);
      for (const a of sidecar.answers) {
        for (const file of [a.stdout, a.stderr]) if (file) expect(existsSync(path.join(REAL_DIR, file)), `${name}: ${file}`).toBe(true);
      }
      for (const id of Object.keys(sidecar.checks)) expect(checkIds, name).toContain(id);
    }
  });

  it('docs/checks.md and the README give the number of captures there are, per check and platform', () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const name of names.filter((n) => !n.startsWith('collected-'))) {
      const { sidecar } = loadCase(REAL_DIR, name);
      total++;
      for (const id of Object.keys(sidecar.checks)) counts.set(`${id} ${sidecar.platform}`, (counts.get(`${id} ${sidecar.platform}`) ?? 0) + 1);
    }
    const root = path.join(REAL_DIR, '..', '..', '..');
    const docs = readFileSync(path.join(root, 'docs', 'checks.md'), 'utf8');
    const platforms: Record<string, string> = { macOS: 'darwin', Windows: 'win32' };
    const rows = [...docs.matchAll(/^\| ([a-z-]+) \| (macOS|Windows) \| (\d+) \|/gm)];
    expect(rows.length).toBeGreaterThan(0);
    const documented = new Map(rows.map((r) => [`${r[1]} ${platforms[r[2] ?? ''] ?? ''}`, Number(r[3])]));
    for (const [key, count] of counts) expect(documented.get(key), key).toBe(count);
    for (const [key, count] of documented) expect(counts.get(key) ?? 0, key).toBe(count);
    expect(docs).toContain(`Today there are ${total} public captures`);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`(${total} captures today`);
  });

  for (const name of names) {
    const { sidecar } = loadCase(REAL_DIR, name);
    const endings: ('\n' | '\r\n')[] = sidecar.platform === 'win32' ? ['\n', '\r\n'] : ['\n'];
    for (const [id, expected] of Object.entries(sidecar.checks)) {
      for (const ending of endings) {
        it(`${name}: ${id} ${expected.status}${ending === '\r\n' ? ' (CRLF)' : ''}`, async () => {
          const check = await loadCheck(id);
          if (!check) throw new Error(`no check ${id}`);
          const { answers } = loadCase(REAL_DIR, name, ending);
          const verdict = await replay(check, { platform: sidecar.platform, env: sidecar.env ?? {}, facts: sidecar.facts ?? {}, answers, now: captureTime(sidecar) });
          expect(verdict).toEqual({ status: expected.status, findings: expected.findings });
          if (expected.truth === 'off' || expected.truth === 'unknown') expect(verdict.status).not.toBe('pass');
        });
      }
    }
  }
});
