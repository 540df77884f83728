import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { classifyEmail, parseGitConfig, type GitIdentityData } from '../../checks/git-identity.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const base: GitIdentityData = { files: ['/h/.gitconfig'], email: null, source: '/h/.gitconfig', conditional: false, unreadable: [] };

describe('git-identity evaluate', () => {
  tester.run({
    valid: [
      { name: 'a noreply address', data: { ...base, email: '1+a@users.noreply.github.com' } },
      { name: 'no address at all', data: base },
      { name: 'per-folder identities are noted', data: { ...base, conditional: true }, findings: [{ message: 'conditional', severity: 'info' }] },
    ],
    invalid: [
      {
        name: 'a Russian provider, masked',
        data: { ...base, email: 'anna.k@yandex.ru' },
        status: 'warn',
        findings: [{ message: 'russianProvider', severity: 'medium', fix: 'fixAddress', data: { email: 'a…@yandex.ru', path: '/h/.gitconfig' } }],
      },
      { name: 'a real address elsewhere', data: { ...base, email: 'anna.k@gmail.com' }, status: 'warn', findings: [{ message: 'realAddress', severity: 'low' }] },
      { name: 'an unreadable config', data: { ...base, unreadable: ['/h/.gitconfig'] }, status: 'warn', findings: [{ message: 'unreadable', data: { path: '/h/.gitconfig' } }] },
    ],
  });

  it('never keeps the local part of the address', () => {
    expect(JSON.stringify(tester.evaluate({ ...base, email: 'anna.k@gmail.com' }))).not.toContain('anna.k');
  });
});

describe('git-identity gather', () => {
  tester.gather([
    {
      name: 'git order: ~/.gitconfig wins over the XDG file, includes are followed',
      home: {
        '.config/git/config': '[user]\n\temail = old@gmail.com\n',
        '.gitconfig': '[include]\n\tpath = ~/.gitconfig.local\n',
        '.gitconfig.local': '[user]\n\temail = anna@mail.ru\n',
      },
      data: (data, { home }) => {
        expect(data.email).toBe('anna@mail.ru');
        expect(data.source).toBe(path.join(home, '.gitconfig.local'));
        expect(data.files.map((f) => path.relative(home, f))).toEqual(['.config/git/config', '.gitconfig', '.gitconfig.local']);
      },
      findings: ['russianProvider'],
    },
    { name: 'a home without git settings passes', status: 'pass', findings: [] },
  ]);
});

describe('git-identity parsers', () => {
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
  it.each(kinds)('classifies %s as %s', (email, kind) => expect(classifyEmail(email)).toBe(kind));

  it('parses the user section, quoted values, comments and includes', () => {
    const text = '[core]\n\teditor = vim\n[User]\n\tname = Anna\n\tEmail = "anna@gmail.com" ; work\n[include]\n\tpath = ~/.gitconfig.local\n[includeIf "gitdir:~/work/"]\n\tpath = ~/.gitconfig.work\n';
    expect(parseGitConfig(text)).toEqual({ email: 'anna@gmail.com', includes: ['~/.gitconfig.local'], conditional: true });
  });
});
