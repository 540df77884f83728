// The password check says nothing about what was typed unless asked (--reveal),
// and its verdict never contradicts the crack times printed beside it.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { estimatePassword, SCORE_GUESSES } from '../../src/password/estimate.js';
import { formatCrackTime, SCORE_LABELS } from '../../src/password/messages.js';
import { tempDir } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

async function checkTyped(password: string, args: string[] = [], lang: 'en' | 'ru' = 'en'): Promise<{ code: number; screen: string }> {
  const term = fakeTerminal();
  const dataDir = tempDir();
  const done = run(['check', 'password', ...args], { io: term.io, lang, env: { SAFESTEP_HOME: dataDir, HOME: tempDir() }, paths: { dataDir, lessonDirs: [] } });
  await term.answer(lang === 'en' ? 'Type the password you want to check' : 'Введите пароль', ...[...password], KEY.enter);
  const code = await done;
  return { code, screen: term.screen().replace(/\s+/g, ' ') };
}

describe('the password check reveals nothing by default', () => {
  it('names the patterns in "ghbdtnvfif" without decoding it (the issue: it printed привет)', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const { code, screen } = await checkTyped('ghbdtnvfif', [], lang);
      expect(code).toBe(1);
      expect(screen).not.toContain('привет');
      expect(screen).not.toContain('ghbdtnvfif');
      expect(screen).toMatch(lang === 'en' ? /typed with the English layout on/ : /набранн\S* в английской раскладке/);
    }
  });

  it('never shows a decoded name ("маша") either', async () => {
    const { screen } = await checkTyped('vfif1987');
    expect(screen).not.toMatch(/маша|masha|vfif/i);
  });

  it('shows the decoded parts with --reveal, for the person at their own screen', async () => {
    const { screen } = await checkTyped('ghbdtnvfif', ['--reveal']);
    expect(screen).toContain('привет');
  });

  it('refuses --reveal where the parts would leave the screen (--json, --stdin) or for other checks', async () => {
    for (const args of [['check', 'password', '--reveal', '--json'], ['check', 'password', '--stdin', '--reveal'], ['check', 'firewall', '--reveal']]) {
      let err = '';
      const dataDir = tempDir();
      const code = await run(args, { io: memoryIO(), lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
      expect(code, args.join(' ')).toBe(2);
      expect(err).toContain('--reveal');
    }
  });
});

describe('the verdict agrees with the crack times', () => {
  it('does not call "masha1987Ivanova" strong when a leaked database gives it up in under a second', async () => {
    const e = estimatePassword('masha1987Ivanova');
    expect(formatCrackTime(e.crackTimes.offlineFastHash, 'en')).toBe('less than a second');
    expect(e.score).toBeLessThanOrEqual(2);
    const { screen } = await checkTyped('masha1987Ivanova');
    expect(screen).not.toContain('Strong');
    expect(screen).toContain("Fair: holds against guessing through a login page, but not if the site's password database leaks");
  });

  it.each(['123456', 'masha1987Ivanova', 'Tr0ub4dor&3', 'kX9#mQ2$vL', 'kX9#mQ2$vLpqR7tZ', 'correct horse battery staple', 'xq7-Bv2k-9Lmz-Wq3p-Hn4c'])(
    '%s: "strong" only when a leak takes an hour or more, "very strong" only with centuries',
    (pw) => {
      const e = estimatePassword(pw);
      const offline = e.crackTimes.offlineFastHash;
      if (e.score >= 3) expect(offline).toBeGreaterThanOrEqual(3600);
      if (e.score === 4) expect(formatCrackTime(offline, 'en')).toBe('centuries');
      if (e.score <= 2) expect(offline).toBeLessThan(3600);
      if (e.score === 2) expect(SCORE_LABELS[2].en).toContain('but not if');
    },
  );

  it('uses thresholds in increasing order', () => {
    expect([...SCORE_GUESSES].sort((a, b) => a - b)).toEqual(SCORE_GUESSES);
  });
});
