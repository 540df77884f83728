// `safestep audit` and `safestep check` end to end through the CLI, on a fake
// home so the result depends only on what the test builds.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { opensshKey, put } from '../checks/helpers.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const ONLY = 'ssh-key-passphrase,shell-history-secrets,telegram-desktop-session';

async function cli(args: string[], home: string, dataDir: string, lang: 'en' | 'ru' = 'en') {
  const io = memoryIO();
  let err = '';
  const code = await run(args, { io, lang, env: { HOME: home, SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
  return { code, out: io.out(), err: io.err() + err };
}

function dirtyHome(): string {
  const home = tempDir();
  put(home, '.ssh/id_rsa', opensshKey('rsa', { bits: 3072 }), 0o600);
  put(home, '.bash_history', 'ls\nexport GITHUB_TOKEN=ghp_' + 'a'.repeat(36) + '\ncd /\n');
  return home;
}

describe('safestep audit', () => {
  it('finds problems in a fake home, never prints the secret, exits 1, and keeps history', async () => {
    const home = dirtyHome();
    const dataDir = tempDir();
    const r = await cli(['audit', '--only', ONLY], home, dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('High (');
    expect(r.out).toContain('~/.ssh/id_rsa');
    expect(r.out).toContain('~/.bash_history');
    expect(r.out).not.toContain('ghp_');
    expect(r.out).not.toContain(home);
    expect(r.out).toMatch(/Score: \d+ of 100/);
    expect(r.out).toContain('The next things to do:');

    const json = JSON.parse((await cli(['audit', '--only', ONLY, '--json'], home, dataDir)).out) as { score: number; checks: { id: string; status: string; findings: { severity: string; path?: string }[] }[] };
    expect(json.score).toBeLessThan(100);
    expect(json.checks.find((c) => c.id === 'ssh-key-passphrase')!.findings[0]).toMatchObject({ severity: 'high', path: '~/.ssh/id_rsa' });

    const history = await cli(['audit', '--history'], home, dataDir);
    expect(history.out.trim().split('\n')).toHaveLength(2);
  });

  it('scores a clean fake home 100 and exits 0', async () => {
    const r = await cli(['audit', '--only', ONLY, '--json'], tempDir(), tempDir());
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { score: number }).score).toBe(100);
  });

  it('writes a Markdown or HTML report without home paths, and will not overwrite one', async () => {
    const home = dirtyHome();
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'report.html');
    expect((await cli(['audit', '--only', ONLY, '--report', file], home, dataDir, 'ru')).code).toBe(1);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('~/.ssh/id_rsa');
    expect(html).not.toContain(home);
    expect(html).not.toContain('ghp_');
    expect(html).not.toMatch(/<script|src="http/);
    const again = await cli(['audit', '--only', ONLY, '--report', file], home, dataDir);
    expect(again.code).toBe(2);
    expect((await cli(['audit', '--only', ONLY, '--report', path.join(tempDir(), 'r.txt')], home, dataDir)).code).toBe(2);
    const md = path.join(tempDir(), 'report.md');
    await cli(['audit', '--only', ONLY, '--report', md], home, dataDir);
    expect(existsSync(md)).toBe(true);
  });

  it('explains what every check reads without running any', async () => {
    const dataDir = tempDir();
    const r = await cli(['audit', '--explain'], tempDir(), dataDir, 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('пока ничего не запущено');
    expect(r.out).toContain('ssh-key-passphrase');
    expect(existsSync(path.join(dataDir, 'audit-history.jsonl'))).toBe(false);
  });

  it('--explain says per platform what is read, the exact commands, and what needs administrator rights', async () => {
    const r = await cli(['audit', '--explain'], tempDir(), tempDir());
    expect(r.out).toContain('Commands it runs:');
    if (process.platform === 'linux') expect(r.out).toContain('lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS');
    expect(r.out).toContain('Without administrator rights:');
    const ru = await cli(['check', 'disk-encryption', '--explain'], tempDir(), tempDir(), 'ru');
    expect(ru.out).toContain('Без прав администратора:');
    expect(ru.out).toContain('fdesetup status');
    expect(ru.out).toContain('Get-BitLockerVolume -MountPoint $env:SystemDrive | Format-List');
  });

  it('--collect shows the collection, writes it readable only by its owner, and never overwrites without --force', async () => {
    const home = dirtyHome();
    const file = path.join(tempDir(), 'collection.json');
    const r = await cli(['audit', '--collect', file, '--yes'], home, tempDir());
    expect(r.code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(r.out).toContain(written.trim());
    expect(r.out.indexOf(written.trim())).toBeLessThan(r.out.indexOf('Written to'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(written)).toMatchObject({ format: 'safestep-collection/1', platform: process.platform });
    expect(written).not.toContain('ghp_');
    expect(written).not.toContain(home);
    expect((await cli(['audit', '--collect', file, '--yes'], home, tempDir())).code).toBe(2);
    expect((await cli(['audit', '--collect', file, '--yes', '--force'], home, tempDir())).code).toBe(0);
  });

  it('--collect away from a terminal needs --yes, and writes nothing without it', async () => {
    const file = path.join(tempDir(), 'c.json');
    const r = await cli(['audit', '--collect', file], tempDir(), tempDir(), 'ru');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--yes');
    expect(existsSync(file)).toBe(false);
  });

  it('rejects unknown check ids with exit 2', async () => {
    expect((await cli(['audit', '--only', 'ssh-keyz'], tempDir(), tempDir())).code).toBe(2);
  });
});

describe('safestep check <id>', () => {
  it('runs one check with --fail-on deciding the exit code', async () => {
    const home = tempDir();
    put(home, '.gitconfig', '[user]\n\temail = anna.petrova@mail.ru\n');
    const low = await cli(['check', 'git-identity', '--json'], home, tempDir());
    const report = JSON.parse(low.out) as { checks: { findings: { severity: string; message: string }[] }[] };
    const severity = report.checks[0]!.findings[0]!.severity;
    expect(['low', 'medium']).toContain(severity);
    expect(report.checks[0]!.findings[0]!.message).not.toContain('anna.petrova');
    expect(low.code).toBe(0);
    expect((await cli(['check', 'git-identity', '--fail-on', 'low'], home, tempDir())).code).toBe(1);
  });
});
