import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { classifyEmail, parseGitConfig, type GitIdentityData } from '../../checks/git-identity.js';
import { fakeContext, put, tempDir } from './helpers.js';

describe('git-identity', () => {
  const kinds: [string | null, string][] = [
    [null, 'none'],
    ['', 'none'],
    ['12345+anna@users.noreply.github.com', 'noreply'],
    ['anna@users.noreply.gitlab.com', 'noreply'],
    ['anna@noreply.codeberg.org', 'noreply'],
    ['you@example.com', 'placeholder'],
    ['me@laptop.local', 'placeholder'],
    ['anna.k@yandex.ru', 'russian'],
    ['anna@mail.ru', 'russian'],
    ['a@bk.ru', 'russian'],
    ['dev@company.ru', 'russian'],
    ['anna.k@gmail.com', 'real'],
    ['anna@proton.me', 'real'],
    ['not an address', 'invalid'],
  ];
  for (const [email, kind] of kinds) {
    it(`classifies ${String(email)} as ${kind}`, () => expect(classifyEmail(email)).toBe(kind));
  }

  it('parses the user section, quoted values, comments and includes', () => {
    const text = '[core]\n\teditor = vim\n[User]\n\tname = Anna\n\tEmail = "anna@gmail.com" ; work\n[include]\n\tpath = ~/.gitconfig.local\n[includeIf "gitdir:~/work/"]\n\tpath = ~/.gitconfig.work\n';
    expect(parseGitConfig(text)).toEqual({ email: 'anna@gmail.com', includes: ['~/.gitconfig.local'], conditional: true });
  });

  const base: GitIdentityData = { files: ['/h/.gitconfig'], email: null, source: '/h/.gitconfig', conditional: false, unreadable: [] };

  it('masks the address and rates Russian providers above others', () => {
    const ru = check.evaluate({ ...base, email: 'anna.k@yandex.ru' }, {});
    expect(ru.findings.map((f) => [f.message, f.severity, f.data?.email])).toEqual([['russianProvider', 'medium', 'a…@yandex.ru']]);
    expect(ru.status).toBe('warn');
    const real = check.evaluate({ ...base, email: 'anna.k@gmail.com' }, {});
    expect(real.findings.map((f) => [f.message, f.severity])).toEqual([['realAddress', 'low']]);
    expect(JSON.stringify(real)).not.toContain('anna.k');
  });

  it('passes a noreply address and no address at all', () => {
    expect(check.evaluate({ ...base, email: '1+a@users.noreply.github.com' }, {})).toEqual({ status: 'pass', findings: [] });
    expect(check.evaluate(base, {})).toEqual({ status: 'pass', findings: [] });
  });

  it('gathers in git order: ~/.gitconfig wins over the XDG file, includes are followed', async () => {
    const home = tempDir();
    put(home, '.config/git/config', '[user]\n\temail = old@gmail.com\n');
    put(home, '.gitconfig', '[include]\n\tpath = ~/.gitconfig.local\n');
    const local = put(home, '.gitconfig.local', '[user]\n\temail = anna@mail.ru\n');
    const data = await check.gather(fakeContext({ home }), {});
    expect(data.email).toBe('anna@mail.ru');
    expect(data.source).toBe(local);
    expect(data.files.map((f) => path.relative(home, f))).toEqual(['.config/git/config', '.gitconfig', '.gitconfig.local']);
    expect(check.evaluate(data, {}).findings[0]?.message).toBe('russianProvider');
  });

  it('a home without git settings passes', async () => {
    expect(check.evaluate(await check.gather(fakeContext({ home: tempDir() }), {}), {}).status).toBe('pass');
  });
});
