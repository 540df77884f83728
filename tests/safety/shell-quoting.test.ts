// A path inside a command line safestep suggests stays one argument in the
// shell the person pastes it into: `ssh-keygen -p -f ~/.ssh/work key;touch PWNED`
// must never become two commands.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sshCheck from '../../checks/ssh-key-passphrase.js';
import { describeFinding } from '../../src/check-kit/format.js';
import { format } from '../../src/i18n/index.js';
import { quotePosix, quotePowerShell } from '../../src/text/shell.js';
import { needProgram } from '../helpers/programs.js';
import { tempDir } from '../helpers/fixtures.js';

describe('quoting for the shell', () => {
  it.each([
    ['/home/anna/.ssh/id_ed25519', '/home/anna/.ssh/id_ed25519'],
    ['~/.ssh/work key;touch PWNED', "~/'.ssh/work key;touch PWNED'"],
    ["~/.ssh/it's $(rm -rf ~)", "~/'.ssh/it'\\''s $(rm -rf ~)'"],
    ['-rf', "'-rf'"],
    ['', "''"],
  ])('POSIX: %s -> %s', (value, quoted) => {
    expect(quotePosix(value)).toBe(quoted);
  });

  it.each([
    ['C:\\Users\\anna\\.ssh\\id', "'C:\\Users\\anna\\.ssh\\id'"],
    ["C:\\keys\\it's;calc", "'C:\\keys\\it''s;calc'"],
    ['C:\\keys\\it\u2019s', "'C:\\keys\\it\u2019\u2019s'"],
    ['~\\.ssh\\a $b `c "d', '"$HOME\\.ssh\\a `$b ``c `"d"'],
  ])('PowerShell: %s -> %s', (value, quoted) => {
    expect(quotePowerShell(value)).toBe(quoted);
  });

  it('{path:arg} in a message quotes the value; {path} shows it as it is', () => {
    const quoted = process.platform === 'win32' ? quotePowerShell('~/.ssh/work key;touch PWNED') : quotePosix('~/.ssh/work key;touch PWNED');
    expect(format('ssh-keygen -p -f {path:arg} (key {path})', { path: '~/.ssh/work key;touch PWNED' })).toBe(`ssh-keygen -p -f ${quoted} (key ~/.ssh/work key;touch PWNED)`);
  });

  const sh = needProgram('sh');
  it(sh.title('a real POSIX shell receives the quoted path as one argument and runs nothing else'), () => {
    if (!sh.path) return;
    const home = tempDir();
    const dir = tempDir();
    const tricky = "work key;touch PWNED $(touch PWNED2) 'q'";
    mkdirSync(path.join(home, '.ssh'));
    writeFileSync(path.join(home, '.ssh', tricky), 'key');
    const out = execFileSync(sh.path, ['-c', `printf '%s\\n' ${quotePosix(`~/.ssh/${tricky}`)}`], { cwd: dir, env: { HOME: home, PATH: process.env.PATH ?? '' } }).toString();
    expect(out).toBe(`${home}/.ssh/${tricky}\n`);
    expect(execFileSync(sh.path, ['-c', 'ls'], { cwd: dir }).toString()).toBe('');
  });
});

describe('the ssh key check suggests quoted commands', () => {
  it('ssh-keygen -p -f and chmod 600 keep a strange key name as one argument', () => {
    const meta = sshCheck.meta;
    const finding = { message: 'noPassphrase', fix: 'fixPassphrase', severity: 'high' as const, data: { path: '/home/anna/.ssh/work key;touch PWNED' } };
    const text = describeFinding(meta, finding, 'en', '/home/anna');
    if (process.platform !== 'win32') expect(text.fix).toContain("ssh-keygen -p -f ~/'.ssh/work key;touch PWNED'");
    expect(text.message).toContain('~/.ssh/work key;touch PWNED');
  });
});
