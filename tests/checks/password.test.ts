import { describe, expect, it } from 'vitest';
import check from '../../checks/password.js';
import { needsInput } from '../../src/check-kit/define.js';
import { estimatePassword } from '../../src/password/estimate.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const typed = (password: string) => ({ secret: async () => password, path: async () => '' });

describe('password evaluate', () => {
  tester.run({
    valid: [{ name: 'a long passphrase', data: { estimate: estimatePassword('correct-horse-battery-staple-lamp-92') }, findings: [{ message: 'verdict', severity: 'info' }] }],
    invalid: [
      {
        name: 'a top-10 password: high, with what was found and why',
        data: { estimate: estimatePassword('password') },
        status: 'fail',
        findings: [{ message: 'verdict', severity: 'high', fix: 'suggestion.use-passphrase' }, { message: 'pattern', severity: 'info' }, 'warning.top-10-password', 'suggestion.use-manager'],
      },
    ],
  });

  it('fills the verdict in each language from bilingual data', () => {
    const result = tester.evaluate({ estimate: estimatePassword('password') });
    const verdict = result.findings[0]!;
    expect(verdict.data?.label).toMatchObject({ en: expect.stringMatching(/weak/i), ru: expect.stringMatching(/слаб/i) });
  });

  it('without reveal, never names the words found inside', () => {
    const shown = JSON.stringify(tester.evaluate({ estimate: estimatePassword('gfhjkm2023') }, { reveal: true }));
    const hidden = JSON.stringify(tester.evaluate({ estimate: estimatePassword('gfhjkm2023') }, { reveal: false }));
    expect(shown).toContain(': пароль');
    expect(hidden).not.toContain(': пароль');
    expect(hidden).not.toContain('gfhjkm');
  });
});

describe('password gather', () => {
  tester.gather([
    { name: 'rates what is typed at the hidden prompt', input: typed('qwerty123'), status: 'fail' },
    { name: 'a strong passphrase passes', input: typed('correct-horse-battery-staple-lamp-92'), status: 'pass' },
  ]);

  it('needs someone at the terminal, and says it asks for a secret', async () => {
    await expect(tester.gatherOn({})).rejects.toThrow(/terminal/);
    expect(check.meta.input?.kind).toBe('secret');
    expect(needsInput(check.meta, ['/some/path'])).toBe(true);
  });

  it('never keeps the password in its data', async () => {
    const { data } = await tester.gatherOn({ input: typed('Sup3rS3cretWord!') }, { reveal: false });
    expect(JSON.stringify(data)).not.toContain('Sup3rS3cretWord');
  });
});
