import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { candidateFolders } from '../../checks/telegram-desktop-session.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);

describe('telegram-desktop-session evaluate', () => {
  tester.run({
    valid: [{ name: 'nothing found', data: { found: [] } }],
    invalid: [
      {
        name: 'a logged-in session',
        data: { found: [{ path: '/h/tdata', loggedIn: true, accounts: 0 }] },
        status: 'warn',
        findings: [{ message: 'loggedIn', severity: 'medium', fix: 'fixLoggedIn', data: { path: '/h/tdata', accounts: 1 }, path: '/h/tdata' }],
      },
      { name: 'leftover data', data: { found: [{ path: '/h/tdata', loggedIn: false, accounts: 0 }] }, status: 'warn', findings: [{ message: 'dataOnly', severity: 'low' }] },
    ],
  });
});

describe('telegram-desktop-session gather', () => {
  const flatpak = '.var/app/org.telegram.desktop/data/TelegramDesktop/tdata';
  tester.gather([
    { name: 'a home without Telegram Desktop passes', status: 'pass', findings: [] },
    {
      name: 'a logged-in session with two accounts in the Flatpak folder',
      home: { [`${flatpak}/D877F783D5D3EF8C`]: { dir: true }, [`${flatpak}/D877F783D5D3EF8C#2`]: { dir: true }, [`${flatpak}/key_datas`]: 'secret-ish' },
      status: 'warn',
      findings: [{ message: 'loggedIn', severity: 'medium', data: { accounts: 2 } }],
      data: (data, { home }) => expect(data.found.map((f) => f.path)).toEqual([path.join(home, flatpak)]),
    },
    { name: 'leftover data without a session', home: { '.local/share/TelegramDesktop/tdata': { dir: true } }, status: 'warn', findings: [{ message: 'dataOnly', severity: 'low' }] },
    {
      name: 'Windows: the Microsoft Store version keeps its session under LocalCache',
      platform: 'win32',
      home: { 'AppData/Local/Packages/TelegramMessengerLLP.TelegramDesktop_t4vj0pshhgkwm/LocalCache/Roaming/Telegram Desktop UWP/tdata/key_datas': 'x' },
      status: 'warn',
      findings: [{ message: 'loggedIn', severity: 'medium' }],
      data: (data) => expect(data.found[0]?.path).toContain(path.join('LocalCache', 'Roaming', 'Telegram Desktop UWP', 'tdata')),
    },
  ]);
});

describe('telegram-desktop-session folders', () => {
  it('knows where each platform keeps the data', () => {
    const ctx = (platform: NodeJS.Platform, env: Record<string, string> = {}) => ({ home: '/h', platform, env });
    expect(candidateFolders(ctx('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }))[0]).toContain('Telegram Desktop');
    expect(candidateFolders(ctx('darwin'))[0]).toBe(path.join('/h', 'Library', 'Application Support', 'Telegram Desktop', 'tdata'));
    expect(candidateFolders(ctx('linux', { XDG_DATA_HOME: '/x' }))[0]).toBe(path.join('/x', 'TelegramDesktop', 'tdata'));
  });
});
