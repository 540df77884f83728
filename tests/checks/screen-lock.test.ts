import { describe, expect, it } from 'vitest';
import check, { desktopOf, parseKscreenlockerrc, parseRegDesktop, parseSysadminctl, type ScreenLockData } from '../../checks/screen-lock.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const base: ScreenLockData = { desktop: 'gnome', lockEnabled: true, idleSeconds: 300 };

describe('screen-lock evaluate', () => {
  tester.run({
    valid: [
      { name: 'locks after 5 minutes', data: base },
      { name: 'KDE defaults', data: { ...base, desktop: 'kde', defaults: true }, findings: [{ message: 'kdeDefaults', severity: 'info' }] },
    ],
    invalid: [
      { name: 'lock disabled', data: { ...base, lockEnabled: false }, status: 'warn', findings: [{ message: 'lockDisabled', fix: 'fixGnome' }] },
      { name: 'never blanks', data: { ...base, idleSeconds: 0 }, status: 'warn', findings: ['neverIdle'] },
      { name: 'blanks after an hour', data: { ...base, idleSeconds: 3600 }, status: 'warn', findings: [{ message: 'longIdle', severity: 'low', data: { minutes: 60 } }] },
      { name: 'settings unreadable', data: { ...base, lockEnabled: null, idleSeconds: null }, status: 'warn', findings: ['unknown'] },
      {
        name: 'Windows without a secure screen saver',
        data: { desktop: 'windows', lockEnabled: null, idleSeconds: null },
        status: 'warn',
        findings: [{ message: 'unknownWindows', fix: 'fixWindows' }],
      },
      { name: 'no desktop (SSH)', data: { desktop: 'none', lockEnabled: null, idleSeconds: null }, status: 'not-applicable', findings: ['noDesktop'] },
    ],
  });
});

describe('screen-lock gather', () => {
  tester.gather([
    {
      name: 'GNOME through gsettings',
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      commands: {
        'gsettings get org.gnome.desktop.screensaver lock-enabled': { stdout: 'false\n' },
        'gsettings get org.gnome.desktop.session idle-delay': { stdout: 'uint32 0\n' },
      },
      data: { desktop: 'gnome', lockEnabled: false, idleSeconds: 0 },
      status: 'warn',
      findings: ['lockDisabled', 'neverIdle'],
    },
    { name: 'GNOME without gsettings is unknown, not a pass', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, status: 'warn', findings: ['unknown'] },
    {
      name: 'KDE from the fake home',
      env: { XDG_CURRENT_DESKTOP: 'KDE' },
      home: { '.config/kscreenlockerrc': '[Daemon]\nTimeout=60\n' },
      status: 'warn',
      findings: ['longIdle'],
    },
    {
      name: 'macOS through sysadminctl and defaults',
      platform: 'darwin',
      commands: {
        'sysadminctl -screenLock status': { stderr: 'screenLock delay is immediate' },
        'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '300\n' },
      },
      data: { desktop: 'macos', lockEnabled: true, idleSeconds: 300 },
      status: 'pass',
    },
  ]);
});

describe('screen-lock parsers', () => {
  it('recognises desktops from the environment', () => {
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('gnome');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'KDE' })).toBe('kde');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe('cinnamon');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'MATE' })).toBe('mate');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'Hyprland' })).toBe('other');
    expect(desktopOf({ DISPLAY: ':0' })).toBe('other');
    expect(desktopOf({})).toBe('none');
  });

  it('parses KDE, macOS and Windows settings', () => {
    expect(parseKscreenlockerrc('[Daemon]\nAutolock=false\nTimeout=30\n')).toEqual({ lockEnabled: false, idleSeconds: 1800, defaults: false });
    expect(parseKscreenlockerrc(null)).toEqual({ lockEnabled: true, idleSeconds: 300, defaults: true });
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock delay is immediate')).toBe(true);
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock is off')).toBe(false);
    expect(parseSysadminctl('')).toBeNull();
    const reg = '\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveActive    REG_SZ    1\r\n    ScreenSaverIsSecure    REG_SZ    1\r\n    ScreenSaveTimeOut    REG_SZ    600\r\n';
    expect(parseRegDesktop(reg)).toEqual({ active: true, secure: true, timeout: 600 });
  });
});
