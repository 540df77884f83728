// `safestep audit --collect`: what goes into a collection (command output,
// redacted; never file contents or certificates) and the round trip from a
// collection made on this machine to a real-capture test case.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheck } from '../../checks/index.js';
import { answersOf, collect, collectable, fixtureFromCollection, parseCollection, redact, replay } from '../../src/audit/collect.js';
import { loadChecks } from '../../src/audit/load.js';
import { createCommandRunner } from '../../src/check-kit/context.js';
import { replayRunner } from '../../src/check-kit/replay.js';
import type { CheckContext } from '../../src/check-kit/types.js';
import { tempDir } from '../helpers/check-tester.js';
import { loadCase } from '../checks/real-cases.js';

const info = (home: string) => ({ version: 'test', now: new Date('2026-05-01T10:00:00Z'), release: '6.1.0-anna-box', identity: { home, user: 'anna', host: 'anna-box' } });

function context(overrides: Partial<CheckContext>): CheckContext {
  return { home: tempDir('safestep-home-'), root: tempDir('safestep-root-'), platform: 'linux', env: {}, run: replayRunner({}), paths: [], ...overrides };
}

describe('audit --collect', () => {
  it('replaces the home folder, the user name and the computer name, in any slash direction', () => {
    const who = { home: 'C:\\Users\\Anna', user: 'Anna', host: 'ANNA-PC' };
    expect(redact('Wallpaper REG_SZ C:\\Users\\Anna\\Pictures\\a.jpg on ANNA-PC for anna', who)).toBe('Wallpaper REG_SZ ~\\Pictures\\a.jpg on <computer> for <user>');
    expect(redact('/home/anna/x and annabel', { home: '/home/anna', user: 'anna', host: 'box' })).toBe('~/x and annabel');
  });

  it('records only command output: never file contents, never the certificate listing', async () => {
    const home = tempDir();
    mkdirSync(path.join(home, '.ssh'), { recursive: true });
    writeFileSync(path.join(home, '.bash_history'), 'export GITHUB_TOKEN=ghp_' + 'z'.repeat(36) + '\n');
    writeFileSync(path.join(home, '.gitconfig'), '[user]\n\temail = anna@mail.ru\n');
    const run = replayRunner({
      'sysadminctl -screenLock status': { stderr: '2026-05-01 sysadminctl[1:2] screenLock delay is immediate' },
      'fdesetup status': { stdout: "FileVault is Off.\nDeferred enablement appears to be active for user 'anna'.\n" },
      'security *': { stdout: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
    });
    const checks = await loadChecks();
    const collection = await collect(checks, context({ home, platform: 'darwin', run }), info(home));
    const text = JSON.stringify(collection);
    expect(collection.checks).toEqual(['disk-encryption', 'firewall', 'os-updates', 'screen-lock']);
    expect(text).not.toContain('ghp_');
    expect(text).not.toContain('mail.ru');
    expect(text).not.toContain('BEGIN CERTIFICATE');
    expect(text).not.toMatch(/anna/i);
    expect(text).toContain("for user '<user>'");
    expect(collection.release).toBe('6.1.0-<computer>');
    expect(collection.commands.map((c) => c.command)).toContain('fdesetup status');
    expect(checks.filter((c) => collectable(c, 'darwin')).map((c) => c.meta.id)).not.toContain('state-root-certificates');
  });

  it('a collection made on this computer round-trips into a test case whose verdicts hold', async () => {
    const home = tempDir();
    // The real command runner on this machine; GNOME makes the screen-lock check ask gsettings (not installed: recorded as such).
    const ctx = context({ home, root: '/', platform: process.platform, env: { XDG_CURRENT_DESKTOP: 'GNOME', PATH: process.env.PATH }, run: createCommandRunner({ env: { PATH: process.env.PATH } }) });
    const checks = await loadChecks();
    const collection = parseCollection(JSON.parse(JSON.stringify(await collect(checks, ctx, info(home)))));
    const dir = tempDir();
    const { sidecar, files } = await fixtureFromCollection(collection, checks, 'collected-here');
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    writeFileSync(path.join(dir, 'collected-here.json'), JSON.stringify(sidecar));
    const loaded = loadCase(dir, 'collected-here');
    expect(Object.keys(loaded.sidecar.checks).sort()).toEqual([...collection.checks].sort());
    for (const [id, verdict] of Object.entries(loaded.sidecar.checks)) {
      const check = await loadCheck(id);
      if (!check) throw new Error(id);
      const again = await replay(check, { platform: loaded.sidecar.platform, env: loaded.sidecar.env ?? {}, facts: loaded.sidecar.facts ?? {}, answers: loaded.answers, now: loaded.sidecar.now });
      expect(again, id).toEqual({ status: verdict.status, findings: verdict.findings });
    }
    expect(Object.keys(answersOf(collection.commands))).toEqual([...new Set(collection.commands.map((c) => c.command))]);
  });

  it('replays a capture as of its own time, so a verdict about age does not drift as the capture grows old', async () => {
    const check = await loadCheck('os-updates');
    if (!check) throw new Error('os-updates');
    const plist = '{\n    LastRecommendedUpdatesAvailable = 0;\n    LastSuccessfulDate = "2020-01-01 10:00:00 +0000";\n}\n';
    const answers = { 'defaults read /Library/Preferences/com.apple.SoftwareUpdate': { stdout: plist } };
    expect(await replay(check, { platform: 'darwin', answers, now: '2020-01-02T00:00:00Z' })).toEqual({ status: 'pass', findings: [] });
    expect(await replay(check, { platform: 'darwin', answers, now: '2020-06-01T00:00:00Z' })).toEqual({ status: 'warn', findings: ['macNoRecentCheck'] });
    const collection = parseCollection({ format: 'safestep-collection/1', safestep: '0', collected: '2020-01-02T00:00:00.000Z', platform: 'darwin', release: '19', facts: {}, env: {}, checks: ['os-updates'], commands: [{ command: 'defaults read /Library/Preferences/com.apple.SoftwareUpdate', exit: 0, stdout: plist, stderr: '' }] });
    const { sidecar } = await fixtureFromCollection(collection, [check], 'dated');
    expect(sidecar.now).toBe('2020-01-02T00:00:00.000Z');
    expect(sidecar.checks['os-updates']).toEqual({ status: 'pass', findings: [] });
  });

  it('refuses a file that is not a collection', () => {
    expect(() => parseCollection({ format: 'other' })).toThrow(/safestep-collection/);
    expect(() => parseCollection({ format: 'safestep-collection/1', platform: 'amiga', commands: [], checks: [] })).toThrow(/platform/);
  });
});
