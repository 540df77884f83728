import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { countRecommendedUpdates, lastPacmanUpgrade, parseAptCheck, parseSoftwareUpdatePlist, parseWindowsUpdates, type UpdatesData } from '../../checks/os-updates.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const now = Date.parse('2026-06-01T00:00:00Z');
const daysAgo = (n: number) => now - n * 24 * 3600 * 1000;
const base: UpdatesData = {
  platform: 'linux', environment: 'host', now, lastUpdate: daysAgo(3), pendingSecurity: null, pendingOther: null, listsRefreshed: null, rebootRequired: false,
};
const mac = (over: Partial<NonNullable<UpdatesData['mac']>>): UpdatesData => ({
  ...base,
  platform: 'darwin',
  mac: { automaticCheck: true, criticalUpdates: true, recommendedPending: 0, lastSuccessfulCheck: daysAgo(1), ...over },
});

describe('os-updates evaluate', () => {
  tester.run({
    valid: [
      { name: 'updated 3 days ago', data: base },
      { name: 'Windows, 40 days is still fine', data: { ...base, platform: 'win32', lastUpdate: daysAgo(40) } },
      { name: 'nothing pending, fresh lists, old last change', data: { ...base, pendingSecurity: 0, pendingOther: 0, listsRefreshed: daysAgo(1), lastUpdate: daysAgo(200) } },
      { name: 'macOS all good', data: mac({}) },
    ],
    invalid: [
      { name: 'updated 40 days ago', data: { ...base, lastUpdate: daysAgo(40) }, status: 'warn', findings: [{ message: 'stale', severity: 'medium', data: { days: 40 } }] },
      { name: 'updated 120 days ago', data: { ...base, lastUpdate: daysAgo(120) }, status: 'fail', findings: [{ message: 'stale', severity: 'high' }] },
      { name: 'nothing known', data: { ...base, lastUpdate: null }, status: 'warn', findings: ['unknown'] },
      {
        name: 'security updates pending',
        data: { ...base, pendingSecurity: 4, pendingOther: 10, listsRefreshed: daysAgo(1) },
        status: 'fail',
        findings: [{ message: 'securityPending', data: { count: 4 } }],
      },
      { name: 'only other updates pending', data: { ...base, pendingSecurity: 0, pendingOther: 2, listsRefreshed: daysAgo(1) }, status: 'warn', findings: ['updatesPending'] },
      {
        name: 'nothing pending but lists are old',
        data: { ...base, pendingSecurity: 0, pendingOther: 0, listsRefreshed: daysAgo(30), lastUpdate: daysAgo(200) },
        status: 'warn',
        findings: ['listsStale'],
      },
      { name: 'restart needed', data: { ...base, rebootRequired: true }, status: 'warn', findings: [{ message: 'rebootRequired', fix: 'fixReboot' }] },
      { name: 'container', data: { ...base, environment: 'container' }, status: 'not-applicable', findings: ['container'] },
      { name: 'macOS without settings', data: { ...base, platform: 'darwin', lastUpdate: null }, status: 'warn', findings: ['unknown'] },
      {
        name: 'macOS with automatic checks off and updates waiting',
        data: mac({ automaticCheck: false, recommendedPending: 2, lastSuccessfulCheck: daysAgo(60) }),
        status: 'warn',
        findings: [{ message: 'autoCheckOff', fix: 'fixMac' }, 'macPending', 'macNoRecentCheck'],
      },
    ],
  });
});

describe('os-updates gather', () => {
  const old = new Date('2026-01-01T00:00:00Z');
  tester.gather([
    {
      name: 'Debian: dpkg and apt dates, apt-check from the fake root, a restart pending',
      root: {
        'var/lib/dpkg/status': { content: 'Package: x\n', mtime: old },
        'var/lib/apt/periodic/update-success-stamp': { mtime: old },
        'usr/lib/update-notifier/apt-check': '#!/bin/sh\n',
        'run/reboot-required': '',
      },
      commands: (dirs) => ({ [path.join(dirs.root, 'usr/lib/update-notifier/apt-check')]: { stderr: '5;2' } }),
      data: { lastUpdate: old.getTime(), listsRefreshed: old.getTime(), pendingSecurity: 2, pendingOther: 3, rebootRequired: true },
      findings: ['securityPending', 'listsStale', 'rebootRequired'],
    },
    {
      name: 'Arch: reads only the tail of pacman.log',
      root: {
        'var/log/pacman.log': `[2020-01-01T00:00:00+0000] [PACMAN] starting full system upgrade\n${'[2020-01-01T00:00:00+0000] [ALPM] filler line\n'.repeat(60_000)}[2026-05-30T00:00:00+0000] [PACMAN] starting full system upgrade\n`,
      },
      data: (data) => {
        expect(data.lastUpdate).toBe(Date.parse('2026-05-30T00:00:00Z'));
        expect(path.basename(data.lastUpdateSource ?? '')).toBe('pacman.log');
      },
    },
    { name: 'an empty root is unknown, never up to date', status: 'warn', findings: ['unknown'] },
  ]);
});

describe('os-updates parsers', () => {
  it('parses apt-check, pacman.log, the macOS plist and Windows output', () => {
    expect(parseAptCheck('12;3')).toEqual({ other: 9, security: 3 });
    expect(parseAptCheck('garbage')).toBeNull();
    const log = '[2026-05-01T10:00:00+0200] [PACMAN] starting full system upgrade\n[2026-05-20T08:30:00+0200] [PACMAN] starting full system upgrade\n[2026-05-21T08:30:00+0200] [ALPM] installed x\n';
    expect(lastPacmanUpgrade(log)).toBe(Date.parse('2026-05-20T08:30:00+02:00'));
    expect(lastPacmanUpgrade('')).toBeNull();
    const plist = '{\n    AutomaticCheckEnabled = 1;\n    CriticalUpdateInstall = 0;\n    LastRecommendedUpdatesAvailable = 2;\n    LastSuccessfulDate = "2026-05-30 10:00:00 +0000";\n}\n';
    expect(parseSoftwareUpdatePlist(plist)).toEqual({ automaticCheck: true, criticalUpdates: false, recommendedPending: 2, lastSuccessfulCheck: Date.parse('2026-05-30T10:00:00Z') });
    const yes = parseSoftwareUpdatePlist('{\n    AutomaticCheckEnabled = YES;\n    CriticalUpdateInstall = no;\n    AutomaticDownload = True;\n}\n');
    expect([yes.automaticCheck, yes.criticalUpdates]).toEqual([true, false]);
    expect(parseSoftwareUpdatePlist('{ AutomaticCheckEnabled = maybe; }').automaticCheck).toBeNull();
    // macOS 15.4 stopped updating the counters; the list of recommended updates is still kept.
    const stale = '{\n    LastRecommendedUpdatesAvailable = 0;\n    RecommendedUpdates =     (\n                {\n            "Display Name" = "macOS Sequoia 15.5 (a) {b}";\n            Identifier = "x";\n        },\n                {\n            "Display Name" = Safari;\n        }\n    );\n}\n';
    expect(countRecommendedUpdates(stale)).toBe(2);
    expect(parseSoftwareUpdatePlist(stale).recommendedPending).toBe(2);
    expect(countRecommendedUpdates('{\n    RecommendedUpdates =     (\n    );\n}\n')).toBe(0);
    expect(countRecommendedUpdates('{\n    RecommendedUpdates = (\n  {\n')).toBeNull();
    expect(countRecommendedUpdates(plist)).toBeNull();
    expect(countRecommendedUpdates('{ LastRecommendedUpdates = ( {}, {} ); }')).toBeNull();
    expect(parseWindowsUpdates('INSTALL 2026-05-01T00:00:00.0000000Z\r\nHOTFIX 2026-05-10T00:00:00.0000000Z\r\n')).toBe(Date.parse('2026-05-10T00:00:00Z'));
  });
});
