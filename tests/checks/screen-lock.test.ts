import { describe, expect, it } from 'vitest';
import check, { desktopOf, macIdleSeconds, parseKscreenlockerrc, parsePmsetDisplaySleep, parseRegDesktop, parseSysadminctl, regValue, type ScreenLockData } from '../../checks/screen-lock.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const base: ScreenLockData = { desktop: 'gnome', lockEnabled: true, idleSeconds: 300 };

describe('screen-lock evaluate', () => {
  tester.run({
    valid: [
      { name: 'locks after 5 minutes', data: base },
      { name: 'KDE defaults', data: { ...base, desktop: 'kde', defaults: true }, findings: [{ message: 'kdeDefaults', severity: 'info' }] },
      { name: 'Windows lock set by policy', data: { desktop: 'windows', lockEnabled: true, idleSeconds: 900, policy: true }, findings: [{ message: 'byPolicy', severity: 'info' }] },
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
      { name: 'locks, but when it blanks is unknown', data: { desktop: 'macos', lockEnabled: true, idleSeconds: null }, status: 'warn', findings: ['idleUnknown'] },
      {
        name: 'Windows: secure screen saver set but none chosen',
        data: { desktop: 'windows', lockEnabled: null, idleSeconds: null, reason: 'noScreenSaver' },
        status: 'warn',
        findings: ['unknownWindowsNoSaver'],
      },
      { name: 'Windows: registry unreadable', data: { desktop: 'windows', lockEnabled: null, idleSeconds: null, reason: 'unreadable' }, status: 'warn', findings: ['unreadableWindows'] },
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
      name: 'macOS: immediate lock, screen saver after 5 minutes',
      platform: 'darwin',
      commands: { 'sysadminctl -screenLock status': { stderr: '2024-05-01 10:00:00.000 sysadminctl[1:2] screenLock delay is immediate' }, 'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '300\n' }, 'pmset -g': { stdout: ' displaysleep         10\n' } },
      data: { desktop: 'macos', lockEnabled: true, idleSeconds: 300 },
      status: 'pass',
    },
    {
      name: 'macOS: a delay of -1 seconds means the lock is off',
      platform: 'darwin',
      commands: { 'sysadminctl -screenLock status': { stderr: '2024-05-01 sysadminctl[1:2] screenLock delay is -1.000000 seconds' }, 'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '300\n' }, 'pmset -g': { stdout: ' displaysleep         10\n' } },
      data: { lockEnabled: false },
      status: 'warn',
      findings: [{ message: 'lockDisabled', fix: 'fixMac' }],
    },
    {
      name: 'macOS: screen saver never, display sleeps after 10 minutes, password after 5 seconds',
      platform: 'darwin',
      commands: { 'sysadminctl -screenLock status': { stderr: 'screenLock delay is 5 seconds' }, 'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '0\n' }, 'pmset -g': { stdout: ' displaysleep         10 (display sleep prevented by coreaudiod)\n' } },
      data: { lockEnabled: true, idleSeconds: 605 },
      status: 'pass',
    },
    {
      name: 'macOS: screen saver never and display sleep unknown is not "never locks"',
      platform: 'darwin',
      commands: { 'sysadminctl -screenLock status': { stderr: 'screenLock delay is immediate' }, 'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '0\n' } },
      status: 'warn',
      findings: ['idleUnknown'],
    },
    {
      name: 'macOS: screen saver and display sleep both never',
      platform: 'darwin',
      commands: { 'sysadminctl -screenLock status': { stderr: 'screenLock delay is immediate' }, 'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '0\n' }, 'pmset -g': { stdout: ' displaysleep         0\n' } },
      status: 'warn',
      findings: ['neverIdle'],
    },
    {
      name: 'macOS: sysadminctl missing is unknown',
      platform: 'darwin',
      status: 'warn',
      findings: ['unknown'],
    },
    ...windowsCases(),
  ]);
});

function windowsCases() {
  const desktop = 'reg query "HKCU\\Control Panel\\Desktop"';
  const policy = 'reg query "HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop"';
  const system = 'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v InactivityTimeoutSecs';
  const values = (lines: string[]) => ({ stdout: `\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n${lines.map((l) => `    ${l}`).join('\r\n')}\r\n` });
  const missing = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };
  return [
    {
      name: 'Windows: a secure screen saver with a timeout but "(None)" chosen never locks: unknown, not a pass',
      platform: 'win32' as const,
      commands: { [desktop]: values(['ScreenSaveActive    REG_SZ    1', 'ScreenSaverIsSecure    REG_SZ    1', 'ScreenSaveTimeOut    REG_SZ    600']), [policy]: missing, [system]: missing },
      status: 'warn' as const,
      findings: ['unknownWindowsNoSaver' as const],
    },
    {
      name: 'Windows: a chosen, secure screen saver after 10 minutes passes',
      platform: 'win32' as const,
      commands: {
        [desktop]: values(['ScreenSaveActive    REG_SZ    1', 'ScreenSaverIsSecure    REG_SZ    1', 'ScreenSaveTimeOut    REG_SZ    600', 'SCRNSAVE.EXE    REG_SZ    C:\\Windows\\system32\\scrnsave.scr']),
        [policy]: missing,
        [system]: missing,
      },
      data: { lockEnabled: true, idleSeconds: 600 },
      status: 'pass' as const,
      findings: [],
    },
    {
      name: 'Windows: the machine inactivity limit from group policy locks after 15 minutes',
      platform: 'win32' as const,
      commands: {
        [desktop]: values(['ScreenSaveActive    REG_SZ    1']),
        [policy]: missing,
        [system]: { stdout: '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\r\n    InactivityTimeoutSecs    REG_DWORD    0x384\r\n' },
      },
      data: { lockEnabled: true, idleSeconds: 900, policy: true },
      status: 'pass' as const,
      findings: ['byPolicy' as const],
    },
    {
      name: 'Windows: a policy screen saver overrides the user\'s settings',
      platform: 'win32' as const,
      commands: {
        [desktop]: values(['ScreenSaveActive    REG_SZ    0']),
        [policy]: values(['ScreenSaveActive    REG_SZ    1', 'ScreenSaverIsSecure    REG_SZ    1', 'ScreenSaveTimeOut    REG_SZ    300', 'SCRNSAVE.EXE    REG_SZ    scrnsave.scr']),
        [system]: missing,
      },
      data: { lockEnabled: true, idleSeconds: 300, policy: true },
      status: 'pass' as const,
    },
    { name: 'Windows: nothing readable', platform: 'win32' as const, status: 'warn' as const, findings: ['unreadableWindows' as const] },
  ];
}

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
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock delay is immediate')).toEqual({ lock: true, delaySeconds: 0 });
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock is off')).toEqual({ lock: false, delaySeconds: null });
    expect(parseSysadminctl('screenLock delay is 300 seconds')).toEqual({ lock: true, delaySeconds: 300 });
    expect(parseSysadminctl('screenLock delay is -1.000000 seconds')).toEqual({ lock: false, delaySeconds: null });
    expect(parseSysadminctl('screenLock delay is soon')).toEqual({ lock: null, delaySeconds: null });
    expect(parseSysadminctl('')).toEqual({ lock: null, delaySeconds: null });
    expect(parsePmsetDisplaySleep('System-wide power settings:\nCurrently in use:\n displaysleep         20\n sleep 1\n')).toBe(20);
    expect(parsePmsetDisplaySleep('')).toBeNull();
    expect(macIdleSeconds(0, 10)).toBe(600);
    expect(macIdleSeconds(1200, 10)).toBe(600);
    expect(macIdleSeconds(0, 0)).toBe(0);
    expect(macIdleSeconds(0, null)).toBeNull();
    expect(macIdleSeconds(null, null)).toBeNull();
    const reg = '\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveActive    REG_SZ    1\r\n    ScreenSaverIsSecure    REG_SZ    1\r\n    ScreenSaveTimeOut    REG_SZ    600\r\n    SCRNSAVE.EXE    REG_SZ    C:\\Windows\\system32\\Mystify.scr\r\n';
    expect(parseRegDesktop(reg)).toEqual({ active: true, secure: true, timeout: 600, screenSaver: 'C:\\Windows\\system32\\Mystify.scr' });
    expect(regValue('    InactivityTimeoutSecs    REG_DWORD    0x708\r\n', 'InactivityTimeoutSecs')).toBe('1800');
  });
});
