import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { breachCheck } from '../../src/commands/password-breach.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { tempDir, testContext } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

const env = () => {
  const dataDir = tempDir();
  return { dataDir, env: { SAFESTEP_HOME: dataDir, HOME: tempDir() } };
};

describe('safestep check password', () => {
  it('asks with a hidden prompt and never shows the password', async () => {
    const term = fakeTerminal();
    const { dataDir, env: e } = env();
    const done = run(['check', 'password'], { io: term.io, lang: 'en', env: e, paths: { dataDir, lessonDirs: [] } });
    await term.answer('Type the password you want to check', 'g', 'f', 'h', 'j', 'k', 'm', '1', '9', '8', '7', KEY.enter);
    await term.waitFor('This password is easy to guess');
    expect(await done).toBe(1);
    expect(term.screen()).not.toContain('gfhjkm1987');
    expect(term.screen().replace(/\s+/g, ' ')).toContain('typed with the English layout');
    expect(term.screen()).toContain('a year');
  });

  it('refuses to read a password without a terminal and points to --stdin', async () => {
    let err = '';
    const { dataDir, env: e } = env();
    const code = await run(['check', 'password'], { io: memoryIO(), lang: 'en', env: e, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
    expect(code).toBe(2);
  });
});

describe('safestep check passwords --from', () => {
  it('names weak and reused entries, never passwords, and reminds to delete the export', async () => {
    const csv = path.join(tempDir(), 'bitwarden_export.csv');
    writeFileSync(
      csv,
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
        ',,login,Mail,,,0,https://mail.example.org,anna,gfhjkm2023,\n' +
        ',,login,Bank,,,0,https://bank.example.org,anna,Tr0ub4dor-horse-staple-lamp-92,\n' +
        ',,login,Forum,,,0,https://forum.example.org,anna,Tr0ub4dor-horse-staple-lamp-92,\n',
    );
    const io = memoryIO();
    const { dataDir, env: e } = env();
    const code = await run(['--lang', 'ru', 'check', 'passwords', '--from', csv], { io, env: e, paths: { dataDir, lessonDirs: [] } });
    expect(code).toBe(1);
    const out = io.out();
    expect(out).toContain('Слабый пароль: Mail (mail.example.org)');
    expect(out).toContain('Один пароль стоит сразу в 2 записях: Bank, Forum.');
    expect(out).toContain('Удалите файл');
    expect(out).not.toContain('gfhjkm2023');
    expect(out).not.toContain('Tr0ub4dor');
  });

  it('reports a malformed export with its line', async () => {
    const csv = path.join(tempDir(), 'broken.csv');
    writeFileSync(csv, 'name,url,username,password\n"Mail,https://x,anna,secret\n');
    const io = memoryIO();
    const { dataDir, env: e } = env();
    let err = '';
    expect(await run(['check', 'passwords', '--from', csv], { io, lang: 'en', env: e, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) })).toBe(2);
    expect(err).toBe(`safestep: ${csv}: Line 2, character 1: a quoted field is never closed.\n`);
    expect(err + io.out()).not.toContain('secret');
    expect(err + io.out()).not.toContain('--debug');
  });

  it('says the file was not found, in one line with the path', async () => {
    const csv = path.join(tempDir(), 'missing.csv');
    const { dataDir, env: e } = env();
    let err = '';
    expect(await run(['check', 'passwords', '--from', csv], { io: memoryIO(), lang: 'en', env: e, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) })).toBe(2);
    expect(err).toBe(`safestep: ${csv}: no such file or folder\n`);
  });

  it('names the columns it expects when the header is not an export it knows', async () => {
    const csv = path.join(tempDir(), 'contacts.csv');
    writeFileSync(csv, 'first,last,phone\nAnna,K,123\n');
    const { dataDir, env: e } = env();
    let err = '';
    expect(await run(['--lang', 'ru', 'check', 'passwords', '--from', csv], { io: memoryIO(), env: e, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) })).toBe(2);
    const [first, hint] = err.trimEnd().split('\n');
    expect(first).toBe(`safestep: ${csv}: Заголовок не похож на экспорт из Bitwarden, KeePassXC, 1Password, Chrome или Firefox. Укажите формат в --format.`);
    expect(hint).toContain('Bitwarden (name, login_uri, login_username, login_password)');
    expect(err).not.toContain('Anna');
  });
});

describe('breach check', () => {
  it('says what it sends, asks first, and sends only the 5-character prefix with padding', async () => {
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [] });
    const sha = createHash('sha1').update('hunter2').digest('hex').toUpperCase();
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetchMock = async (url: string, init?: { headers?: Record<string, string> }) => {
      calls.push({ url, headers: init?.headers ?? {} });
      return { ok: true, status: 200, text: async () => `${sha.slice(5)}:42\r\n0000000000000000000000000000000000A:0` };
    };
    const done = breachCheck(ctx, inquirerPrompter(term.io, ctx.t), 'hunter2', fetchMock as never);
    await term.waitFor(`(${sha.slice(0, 5)})`);
    await term.answer('Send these 5 characters now?', KEY.down, KEY.enter);
    await done;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`https://api.pwnedpasswords.com/range/${sha.slice(0, 5)}`);
    expect(calls[0]!.headers['Add-Padding']).toBe('true');
    expect(term.screen()).toContain('appears 42 times in known data breaches');
  });

  it('sends nothing when the user says no, and fails soft offline', async () => {
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'ru', lessonDirs: [] });
    let called = 0;
    const done = breachCheck(ctx, inquirerPrompter(term.io, ctx.t), 'x', (async () => void called++) as never);
    await term.answer('Отправить эти 5 символов сейчас?', KEY.enter);
    await done;
    expect(called).toBe(0);
    expect(term.screen()).toContain('Ничего не отправлено.');

    const term2 = fakeTerminal();
    const ctx2 = await testContext({ io: term2.io, lang: 'en', lessonDirs: [] });
    const offline = breachCheck(ctx2, inquirerPrompter(term2.io, ctx2.t), 'x', (async () => Promise.reject(new Error('ENOTFOUND'))) as never);
    await term2.answer('Send these 5 characters now?', KEY.down, KEY.enter);
    await offline;
    expect(term2.screen()).toContain('could not be done');
  });
});
