import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check from '../../checks/passwords.js';
import { needsInput } from '../../src/check-kit/define.js';
import { auditExport } from '../../src/password/export-csv.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const BITWARDEN =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
  ',,login,Mail,,,0,https://mail.example.org,anna,gfhjkm2023,\n' +
  ',,login,Bank,,,0,https://bank.example.org,anna,Tr0ub4dor-horse-staple-lamp-92,\n' +
  ',,login,Forum,,,0,https://forum.example.org,anna,Tr0ub4dor-horse-staple-lamp-92,\n';
const CLEAN =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
  ',,login,Mail,,,0,https://mail.example.org,anna,correct-horse-battery-staple-lamp-92,\n';

describe('passwords evaluate', () => {
  tester.run({
    valid: [{ name: 'one strong password', data: { file: '/x.csv', result: auditExport(CLEAN) }, findings: ['summary', 'deleteExport'] }],
    invalid: [
      {
        name: 'reused and weak entries, by name only',
        data: { file: '/x.csv', result: auditExport(BITWARDEN) },
        status: 'fail',
        findings: [
          { message: 'summary', data: { entries: 3, reused: 2 } },
          { message: 'reused', severity: 'high', fix: 'reusedFix', data: { count: 2, names: 'Bank, Forum' } },
          { message: 'weak', fix: 'weakFix', data: { name: 'Mail', site: ' (mail.example.org)' } },
          { message: 'deleteExport', path: '/x.csv' },
        ],
      },
      {
        name: 'a malformed export, with its line',
        data: { file: '/x.csv', result: auditExport('name,url,username,password\n"Mail,https://x,anna,secret\n') },
        status: 'error',
        findings: [{ message: 'csv.unterminated-quote', data: { row: 2, column: 1 } }],
      },
    ],
  });

  it('never carries a password', () => {
    const text = JSON.stringify(tester.evaluate({ file: '/x.csv', result: auditExport(BITWARDEN) }));
    expect(text).not.toContain('gfhjkm2023');
    expect(text).not.toContain('Tr0ub4dor');
  });
});

describe('passwords gather', () => {
  const answer = (file: string) => ({ root }: { root: string }) => ({ secret: async () => '', path: async () => path.join(root, file) });
  tester.gather([
    { name: 'reads the export named on the command line', root: { 'export.csv': BITWARDEN }, paths: ({ root }) => [path.join(root, 'export.csv')], status: 'fail' },
    { name: 'asks for the file when none was named', root: { 'export.csv': CLEAN }, input: answer('export.csv'), status: 'pass' },
  ]);

  it('asks for the path only when no path was named', () => {
    expect(check.meta.input?.kind).toBe('path');
    expect(needsInput(check.meta, [])).toBe(true);
    expect(needsInput(check.meta, ['/x.csv'])).toBe(false);
  });

  it('without a file and without someone to ask, it cannot run', async () => {
    await expect(tester.gatherOn({})).rejects.toThrow(/export file/);
  });
});
