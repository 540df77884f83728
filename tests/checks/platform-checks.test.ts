// screen-lock, firewall and os-updates: best-effort checks whose main promise
// is honesty, so most rows here pin down what happens when the answer is unknown.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import firewall, { parseNetFirewallProfiles, parseSocketfilterfw, parseUfwConf, type FirewallData } from '../../checks/firewall.js';
import osUpdates, {
  lastPacmanUpgrade,
  parseAptCheck,
  parseSoftwareUpdatePlist,
  parseWindowsUpdates,
  type UpdatesData,
} from '../../checks/os-updates.js';
import screenLock, { desktopOf, parseKscreenlockerrc, parseRegDesktop, parseSysadminctl, type ScreenLockData } from '../../checks/screen-lock.js';
import type { CheckResult } from '../../src/checks/types.js';
import { fakeContext, put, scriptedRunner, tempDir } from './helpers.js';

const summary = (r: CheckResult) => [r.status, r.findings.map((f) => f.message)];

describe('screen-lock', () => {
  it('recognises desktops from the environment', () => {
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('gnome');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'KDE' })).toBe('kde');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe('cinnamon');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'MATE' })).toBe('mate');
    expect(desktopOf({ XDG_CURRENT_DESKTOP: 'Hyprland' })).toBe('other');
    expect(desktopOf({ DISPLAY: ':0' })).toBe('other');
    expect(desktopOf({})).toBe('none');
  });

  const base: ScreenLockData = { desktop: 'gnome', lockEnabled: true, idleSeconds: 300 };
  const table: [string, Partial<ScreenLockData>, unknown[]][] = [
    ['locks after 5 minutes', {}, ['pass', []]],
    ['lock disabled', { lockEnabled: false }, ['warn', ['lockDisabled']]],
    ['never blanks', { idleSeconds: 0 }, ['warn', ['neverIdle']]],
    ['blanks after an hour', { idleSeconds: 3600 }, ['warn', ['longIdle']]],
    ['settings unreadable', { lockEnabled: null, idleSeconds: null }, ['warn', ['unknown']]],
    ['Windows without a secure screen saver', { desktop: 'windows', lockEnabled: null, idleSeconds: null }, ['warn', ['unknownWindows']]],
    ['no desktop (SSH)', { desktop: 'none', lockEnabled: null, idleSeconds: null }, ['not-applicable', ['noDesktop']]],
    ['KDE defaults', { desktop: 'kde', defaults: true }, ['pass', ['kdeDefaults']]],
  ];
  for (const [name, over, expected] of table) {
    it(name, () => expect(summary(screenLock.evaluate({ ...base, ...over }, {}))).toEqual(expected));
  }

  it('parses KDE, macOS and Windows settings', () => {
    expect(parseKscreenlockerrc('[Daemon]\nAutolock=false\nTimeout=30\n')).toEqual({ lockEnabled: false, idleSeconds: 1800, defaults: false });
    expect(parseKscreenlockerrc(null)).toEqual({ lockEnabled: true, idleSeconds: 300, defaults: true });
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock delay is immediate')).toBe(true);
    expect(parseSysadminctl('2024-05-01 sysadminctl[1:2] screenLock is off')).toBe(false);
    expect(parseSysadminctl('')).toBeNull();
    const reg = '\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveActive    REG_SZ    1\r\n    ScreenSaverIsSecure    REG_SZ    1\r\n    ScreenSaveTimeOut    REG_SZ    600\r\n';
    expect(parseRegDesktop(reg)).toEqual({ active: true, secure: true, timeout: 600 });
  });

  it('reads GNOME through gsettings', async () => {
    const run = scriptedRunner({
      'gsettings get org.gnome.desktop.screensaver lock-enabled': { stdout: 'false\n' },
      'gsettings get org.gnome.desktop.session idle-delay': { stdout: 'uint32 0\n' },
    });
    const data = await screenLock.gather(fakeContext({ env: { XDG_CURRENT_DESKTOP: 'GNOME' }, run }), {});
    expect(data).toEqual({ desktop: 'gnome', lockEnabled: false, idleSeconds: 0 });
    expect(summary(screenLock.evaluate(data, {}))).toEqual(['warn', ['lockDisabled', 'neverIdle']]);
  });

  it('GNOME without gsettings is unknown, not a pass', async () => {
    const data = await screenLock.gather(fakeContext({ env: { XDG_CURRENT_DESKTOP: 'GNOME' } }), {});
    expect(screenLock.evaluate(data, {}).status).toBe('warn');
  });

  it('reads KDE from the fake home and macOS through commands', async () => {
    const home = tempDir();
    put(home, '.config/kscreenlockerrc', '[Daemon]\nTimeout=60\n');
    const kde = await screenLock.gather(fakeContext({ home, env: { XDG_CURRENT_DESKTOP: 'KDE' } }), {});
    expect(summary(screenLock.evaluate(kde, {}))).toEqual(['warn', ['longIdle']]);
    const run = scriptedRunner({
      'sysadminctl -screenLock status': { stderr: 'screenLock delay is immediate' },
      'defaults -currentHost read com.apple.screensaver idleTime': { stdout: '300\n' },
    });
    const mac = await screenLock.gather(fakeContext({ platform: 'darwin', run }), {});
    expect(mac).toEqual({ desktop: 'macos', lockEnabled: true, idleSeconds: 300 });
  });
});

describe('firewall', () => {
  const base: FirewallData = { platform: 'linux', environment: 'host', state: 'on', product: 'ufw' };
  const table: [string, Partial<FirewallData>, unknown[]][] = [
    ['on', {}, ['pass', []]],
    ['Linux off', { state: 'off' }, ['warn', ['offLinux']]],
    ['macOS off', { platform: 'darwin', state: 'off' }, ['warn', ['offMac']]],
    ['Windows, public profile off', { platform: 'win32', state: 'off', profilesOff: ['Public'], profiles: 3 }, ['warn', ['offWindows']]],
    ['Windows, all off', { platform: 'win32', state: 'off', profilesOff: ['Domain', 'Private', 'Public'], profiles: 3 }, ['fail', ['offWindows']]],
    ['unknown', { state: 'unknown' }, ['warn', ['unknown']]],
    ['container', { environment: 'container', state: 'unknown' }, ['not-applicable', ['container']]],
  ];
  for (const [name, over, expected] of table) {
    it(name, () => expect(summary(firewall.evaluate({ ...base, ...over }, {}))).toEqual(expected));
  }

  it('parses ufw.conf, socketfilterfw and PowerShell output', () => {
    expect(parseUfwConf('# comment\nENABLED=yes\nLOGLEVEL=low\n')).toBe(true);
    expect(parseUfwConf('ENABLED=no\n')).toBe(false);
    expect(parseUfwConf('')).toBeNull();
    expect(parseSocketfilterfw('Firewall is enabled. (State = 1)')).toBe('on');
    expect(parseSocketfilterfw('Firewall is disabled. (State = 0)')).toBe('off');
    expect(parseSocketfilterfw('')).toBe('unknown');
    expect(parseNetFirewallProfiles('Domain True\r\nPrivate True\r\nPublic False\r\n')).toEqual([
      { name: 'Domain', enabled: true },
      { name: 'Private', enabled: true },
      { name: 'Public', enabled: false },
    ]);
  });

  it('Linux: ufw enabled in its config file is on', async () => {
    const root = tempDir();
    put(root, 'etc/ufw/ufw.conf', 'ENABLED=yes\n');
    expect(await firewall.gather(fakeContext({ root }), {})).toMatchObject({ state: 'on', product: 'ufw' });
  });

  it('Linux: firewalld running is on; everything inactive is off; nothing answering is unknown', async () => {
    const active = scriptedRunner({ 'systemctl is-active firewalld': { stdout: 'active\n' } });
    expect(await firewall.gather(fakeContext({ run: active }), {})).toMatchObject({ state: 'on', product: 'firewalld' });
    const inactive = scriptedRunner({ 'systemctl *': { code: 3, stdout: 'inactive\n' } });
    const root = tempDir();
    put(root, 'etc/ufw/ufw.conf', 'ENABLED=no\n');
    expect(await firewall.gather(fakeContext({ root, run: inactive }), {})).toMatchObject({ state: 'off' });
    expect(await firewall.gather(fakeContext(), {})).toMatchObject({ state: 'unknown' });
  });

  it('Linux: in a container it does not apply', async () => {
    const root = tempDir();
    put(root, 'proc/1/cgroup', '0::/docker/abc\n');
    expect(firewall.evaluate(await firewall.gather(fakeContext({ root }), {}), {}).status).toBe('not-applicable');
  });
});

describe('os-updates', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const daysAgo = (n: number) => now - n * 24 * 3600 * 1000;
  const base: UpdatesData = {
    platform: 'linux', environment: 'host', now, lastUpdate: daysAgo(3), pendingSecurity: null, pendingOther: null, listsRefreshed: null, rebootRequired: false,
  };
  const table: [string, Partial<UpdatesData>, unknown[]][] = [
    ['updated 3 days ago', {}, ['pass', []]],
    ['updated 40 days ago', { lastUpdate: daysAgo(40) }, ['warn', ['stale']]],
    ['updated 120 days ago', { lastUpdate: daysAgo(120) }, ['fail', ['stale']]],
    ['Windows, 40 days is still fine', { platform: 'win32', lastUpdate: daysAgo(40) }, ['pass', []]],
    ['nothing known', { lastUpdate: null }, ['warn', ['unknown']]],
    ['security updates pending', { pendingSecurity: 4, pendingOther: 10, listsRefreshed: daysAgo(1) }, ['fail', ['securityPending']]],
    ['only other updates pending', { pendingSecurity: 0, pendingOther: 2, listsRefreshed: daysAgo(1) }, ['warn', ['updatesPending']]],
    ['nothing pending but lists are old', { pendingSecurity: 0, pendingOther: 0, listsRefreshed: daysAgo(30), lastUpdate: daysAgo(200) }, ['warn', ['listsStale']]],
    ['nothing pending, fresh lists, old last change', { pendingSecurity: 0, pendingOther: 0, listsRefreshed: daysAgo(1), lastUpdate: daysAgo(200) }, ['pass', []]],
    ['restart needed', { rebootRequired: true }, ['warn', ['rebootRequired']]],
    ['container', { environment: 'container' }, ['not-applicable', ['container']]],
    ['macOS without settings', { platform: 'darwin', lastUpdate: null }, ['warn', ['unknown']]],
    [
      'macOS with automatic checks off and updates waiting',
      { platform: 'darwin', mac: { automaticCheck: false, criticalUpdates: true, recommendedPending: 2, lastSuccessfulCheck: daysAgo(60) } },
      ['warn', ['autoCheckOff', 'macPending', 'macNoRecentCheck']],
    ],
    ['macOS all good', { platform: 'darwin', mac: { automaticCheck: true, criticalUpdates: true, recommendedPending: 0, lastSuccessfulCheck: daysAgo(1) } }, ['pass', []]],
  ];
  for (const [name, over, expected] of table) {
    it(name, () => expect(summary(osUpdates.evaluate({ ...base, ...over }, {}))).toEqual(expected));
  }

  it('parses apt-check, pacman.log, the macOS plist and Windows output', () => {
    expect(parseAptCheck('12;3')).toEqual({ other: 9, security: 3 });
    expect(parseAptCheck('garbage')).toBeNull();
    const log = '[2026-05-01T10:00:00+0200] [PACMAN] starting full system upgrade\n[2026-05-20T08:30:00+0200] [PACMAN] starting full system upgrade\n[2026-05-21T08:30:00+0200] [ALPM] installed x\n';
    expect(lastPacmanUpgrade(log)).toBe(Date.parse('2026-05-20T08:30:00+02:00'));
    expect(lastPacmanUpgrade('')).toBeNull();
    const plist = '{\n    AutomaticCheckEnabled = 1;\n    CriticalUpdateInstall = 0;\n    LastRecommendedUpdatesAvailable = 2;\n    LastSuccessfulDate = "2026-05-30 10:00:00 +0000";\n}\n';
    expect(parseSoftwareUpdatePlist(plist)).toEqual({ automaticCheck: true, criticalUpdates: false, recommendedPending: 2, lastSuccessfulCheck: Date.parse('2026-05-30T10:00:00Z') });
    expect(parseWindowsUpdates('INSTALL 2026-05-01T00:00:00.0000000Z\r\nHOTFIX 2026-05-10T00:00:00.0000000Z\r\n')).toBe(Date.parse('2026-05-10T00:00:00Z'));
  });

  it('Debian: reads dpkg and apt dates and runs apt-check from the fake root', async () => {
    const root = tempDir();
    const status = put(root, 'var/lib/dpkg/status', 'Package: x\n');
    const stamp = put(root, 'var/lib/apt/periodic/update-success-stamp', '');
    const aptCheck = put(root, 'usr/lib/update-notifier/apt-check', '#!/bin/sh\n');
    put(root, 'run/reboot-required', '');
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(status, old, old);
    utimesSync(stamp, old, old);
    const run = scriptedRunner({ [aptCheck]: { stderr: '5;2' } });
    const data = await osUpdates.gather(fakeContext({ root, run }), {});
    expect(data).toMatchObject({ lastUpdate: old.getTime(), listsRefreshed: old.getTime(), pendingSecurity: 2, pendingOther: 3, rebootRequired: true });
    expect(osUpdates.evaluate(data, {}).findings.map((f) => f.message)).toEqual(['securityPending', 'listsStale', 'rebootRequired']);
  });

  it('Arch: reads only the tail of pacman.log', async () => {
    const root = tempDir();
    const filler = '[2020-01-01T00:00:00+0000] [ALPM] filler line\n'.repeat(60_000);
    put(root, 'var/log/pacman.log', `[2020-01-01T00:00:00+0000] [PACMAN] starting full system upgrade\n${filler}[2026-05-30T00:00:00+0000] [PACMAN] starting full system upgrade\n`);
    const data = await osUpdates.gather(fakeContext({ root }), {});
    expect(data.lastUpdate).toBe(Date.parse('2026-05-30T00:00:00Z'));
    expect(path.basename(data.lastUpdateSource ?? '')).toBe('pacman.log');
  });

  it('an empty root is unknown, never up to date', async () => {
    const data = await osUpdates.gather(fakeContext(), {});
    expect(osUpdates.evaluate(data, {}).status).toBe('warn');
  });
});
