import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { candidateFolders } from '../../checks/telegram-desktop-session.js';
import type { CheckContext } from '../../src/checks/types.js';
import { tempDir } from '../helpers/fixtures.js';

function ctx(home: string, platform: NodeJS.Platform = 'linux', env: Record<string, string> = {}): CheckContext {
  return { home, root: '/', platform, env, paths: [], run: async () => ({ code: 0, stdout: '', stderr: '', timedOut: false }) };
}

describe('telegram-desktop-session', () => {
  it('passes on a home without Telegram Desktop', async () => {
    const data = await check.gather(ctx(tempDir()), {});
    expect(check.evaluate(data, {})).toEqual({ status: 'pass', findings: [] });
  });

  it('finds a logged-in session with two accounts in the Flatpak folder', async () => {
    const home = tempDir();
    const tdata = path.join(home, '.var', 'app', 'org.telegram.desktop', 'data', 'TelegramDesktop', 'tdata');
    mkdirSync(path.join(tdata, 'D877F783D5D3EF8C'), { recursive: true });
    mkdirSync(path.join(tdata, 'D877F783D5D3EF8C#2'));
    writeFileSync(path.join(tdata, 'key_datas'), 'secret-ish');
    const result = check.evaluate(await check.gather(ctx(home), {}), {});
    expect(result.status).toBe('warn');
    expect(result.findings).toEqual([expect.objectContaining({ message: 'loggedIn', severity: 'medium', data: { path: tdata, accounts: 2 } })]);
  });

  it('reports leftover data without a session as low severity', async () => {
    const home = tempDir();
    mkdirSync(path.join(home, '.local', 'share', 'TelegramDesktop', 'tdata'), { recursive: true });
    const result = check.evaluate(await check.gather(ctx(home), {}), {});
    expect(result.findings.map((f) => [f.message, f.severity])).toEqual([['dataOnly', 'low']]);
  });

  it('knows where each platform keeps the data', () => {
    expect(candidateFolders(ctx('/h', 'win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }))[0]).toContain('Telegram Desktop');
    expect(candidateFolders(ctx('/h', 'darwin'))[0]).toBe(path.join('/h', 'Library', 'Application Support', 'Telegram Desktop', 'tdata'));
    expect(candidateFolders(ctx('/h', 'linux', { XDG_DATA_HOME: '/x' }))[0]).toBe(path.join('/x', 'TelegramDesktop', 'tdata'));
  });

  it('has every message in both languages', () => {
    for (const [key, text] of Object.entries(check.meta.messages)) {
      expect(text.en, key).toBeTruthy();
      expect(text.ru, key).toMatch(/[а-я]/);
    }
  });
});
