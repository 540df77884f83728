import { describe, expect, it } from 'vitest';
import { evaluatePhone, indicatorIndex, monthsSince, toJson, type AndroidData, type PhoneFinding } from '../../src/phone/index.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const index = indicatorIndex();

function android(overrides: Partial<AndroidData> = {}): AndroidData {
  return {
    kind: 'android',
    source: 'adb',
    device: { model: 'Pixel 7', android: '14', sdk: 34, patch: '2024-04-05' },
    apps: [
      { package: 'com.android.settings', system: true, installer: '', launcher: true, installed: true },
      { package: 'org.telegram.messenger', system: false, installer: 'com.android.vending', launcher: true, installed: true, certSha1: ['AB'.repeat(20)] },
    ],
    accessibility: [],
    deviceAdmins: [],
    notificationListeners: [],
    installAllowed: [],
    settings: { adbEnabled: false, adbWifiEnabled: false, developmentSettings: false },
    root: { binaries: [], packages: [] },
    missing: [],
    problems: [],
    ...overrides,
  };
}

const run = (data: AndroidData) => evaluatePhone({ android: data }, { now: NOW, indicators: index });
const ids = (findings: PhoneFinding[]) => findings.map((f) => f.message);

describe('evaluatePhone: a clean, fully read phone', () => {
  it('passes, says nothing was found among N apps and what it cannot see', () => {
    const result = run(android());
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => [f.message, f.severity, f.data])).toEqual([
      ['noDetection', 'info', { count: 2, date: index.summary().date }],
      ['limits', 'info', undefined],
    ]);
  });
});

describe('evaluatePhone: known bad apps', () => {
  it('names stalkerware found by package, high, with the family', () => {
    const data = android({ apps: [...android().apps, { package: 'com.systemservice', system: false, installer: '', launcher: false, installed: true }] });
    const spy = run(data).findings.find((f) => f.message === 'stalkerware');
    expect(spy).toMatchObject({ severity: 'high', package: 'com.systemservice', family: 'TheTruthSpy', fix: 'fixStalkerware', lessons: ['is-my-phone-watched'] });
    expect(spy?.data).toMatchObject({ via: 'package', family: 'TheTruthSpy', app: 'com.systemservice' });
  });

  it('finds renamed stalkerware by its signing certificate', () => {
    // A certificate of TheTruthSpy in Echap's list, on an app with an innocent name.
    const data = android({ apps: [{ package: 'com.weather.today', system: false, installer: 'com.android.vending', launcher: true, certSha1: ['31a6ececd97cf39bc4126b8745cd94a7c30bf81c'.toUpperCase()] }] });
    expect(run(data).findings[0]).toMatchObject({ message: 'stalkerware', family: 'TheTruthSpy', data: expect.objectContaining({ via: 'certificate' }) });
  });

  it('tells watchware apart, and state spyware and extraction agents with their source', () => {
    const data = android({
      apps: [
        { package: 'com.wondershare.famisafe.kids', system: false, installer: 'com.android.vending' },
        { package: 'com.accesibilityservice', system: false, installer: '' },
        { package: 'com.client.appA', system: false, installer: '' },
      ],
    });
    const found = run(data).findings.filter((f) => f.severity === 'high');
    expect(found.map((f) => [f.message, f.family])).toEqual([
      ['watchware', 'FamiSafe'],
      ['spyware', 'NoviSpy'],
      ['forensic', 'Cellebrite extraction agent'],
    ]);
    expect(found[1]?.data).toMatchObject({ date: '2024-12-16', source: expect.stringContaining('2024-12-16_serbia_novispy') });
    expect(found[1]?.lessons).toEqual(['is-my-phone-watched', 'border-phone-inspection']);
  });

  it('matches a certificate given as SHA-256 (state spyware lists use them)', () => {
    const data = android({ apps: [{ package: 'com.innocent', system: false, certSha256: ['3ac97735164824657b683e805133b1274b2dedabf9fdd6aa9aca31089d501e64'.toUpperCase()] }] });
    expect(run(data).findings[0]).toMatchObject({ message: 'spyware', family: 'NoviSpy' });
  });
});

describe('evaluatePhone: powerful access is named, never accused', () => {
  it('reports third-party accessibility, admins, owner, listeners and installers as medium; system apps not', () => {
    const data = android({
      apps: [
        { package: 'com.android.settings', system: true, installer: '' },
        { package: 'com.notes', system: false, installer: 'com.android.vending', launcher: true },
        { package: 'org.mozilla.firefox', system: false, installer: 'com.android.vending', launcher: true },
        { package: 'com.aurora.store', system: false, installer: 'org.fdroid.fdroid', launcher: true },
      ],
      accessibility: ['com.notes/.A11y', 'com.android.settings/.Internal'],
      deviceAdmins: ['com.notes/.Admin'],
      deviceOwner: 'com.notes',
      notificationListeners: ['com.notes/.NL', 'com.android.settings/.NL'],
      installAllowed: ['org.mozilla.firefox', 'com.aurora.store', 'com.android.settings'],
    });
    const result = run(data);
    expect(result.status).toBe('warn');
    expect(result.findings.filter((f) => f.severity === 'medium').map((f) => [f.message, f.package])).toEqual([
      ['accessibility', 'com.notes'],
      ['deviceAdmin', 'com.notes'],
      ['deviceOwner', 'com.notes'],
      ['notificationListener', 'com.notes'],
      ['installApps', 'org.mozilla.firefox'],
    ]);
  });

  it('reports apps from outside a store, and apps without an icon (medium when they also have access)', () => {
    const data = android({
      apps: [
        { package: 'com.adb.installed', system: false, installer: '', launcher: true },
        { package: 'com.from.file', system: false, installer: 'com.google.android.packageinstaller', launcher: true },
        { package: 'com.dropped', system: false, installer: 'com.some.dropper', launcher: true },
        { package: 'com.hidden.plain', system: false, installer: 'com.android.vending', launcher: false },
        { package: 'com.hidden.reader', system: false, installer: 'com.android.vending', launcher: false },
        { package: 'com.hidden.disabled', system: false, installer: 'com.android.vending', launcher: false, disabled: true },
        { package: 'com.gone', system: false, installer: '', launcher: false, installed: false },
        { package: 'com.restored', system: false, installer: 'com.sec.android.easyMover', launcher: true },
      ],
      accessibility: ['com.hidden.reader/.S'],
    });
    const found = run(data).findings.filter((f) => ['sideloadedNoInstaller', 'sideloadedFile', 'sideloaded', 'hidden'].includes(f.message));
    expect(found.map((f) => [f.message, f.package, f.severity])).toEqual([
      ['sideloaded', 'com.dropped', 'medium'],
      ['hidden', 'com.hidden.reader', 'medium'],
      ['sideloadedNoInstaller', 'com.adb.installed', 'low'],
      ['sideloadedFile', 'com.from.file', 'low'],
      ['hidden', 'com.hidden.plain', 'low'],
    ]);
    expect(found[0]?.data).toMatchObject({ installer: 'com.some.dropper' });
  });
});

describe('evaluatePhone: settings, root and updates', () => {
  it('reports debugging, developer options, root and an old patch', () => {
    const data = android({
      device: { model: 'A50', android: '11', sdk: 30, patch: '2023-11-05' },
      settings: { adbEnabled: true, adbWifiEnabled: true, developmentSettings: true, unknownSources: true },
      root: { binaries: ['/system/bin/su'], packages: ['com.topjohnwu.magisk'] },
    });
    const result = run(data);
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => [f.message, f.severity])).toEqual([
      ['adbWifi', 'medium'],
      ['rooted', 'medium'],
      ['patchOld', 'medium'],
      ['adbEnabled', 'low'],
      ['devOptions', 'low'],
    ]);
    expect(result.findings.find((f) => f.message === 'patchOld')?.data).toEqual({ patch: '2023-11-05', count: 5 });
    expect(result.findings.find((f) => f.message === 'rooted')?.data).toEqual({ signs: '/system/bin/su, com.topjohnwu.magisk' });
  });

  it('reports the global unknown-sources switch only before Android 8, where it still means something', () => {
    const old = run(android({ device: { sdk: 25, patch: '2024-04-01' }, settings: { unknownSources: true } }));
    expect(ids(old.findings)).toContain('unknownSources');
    const modern = run(android({ settings: { unknownSources: true } }));
    expect(ids(modern.findings)).not.toContain('unknownSources');
  });

  it('counts months from the injected date, 3 months being the limit', () => {
    expect(monthsSince('2024-02-01', NOW)).toBe(3);
    expect(monthsSince('2024-02-05', NOW)).toBe(2);
    expect(monthsSince('2030-01-01', NOW)).toBe(0);
    expect(monthsSince('2024-13-01', NOW)).toBeUndefined();
    expect(ids(run(android({ device: { patch: '2024-02-05' } })).findings)).not.toContain('patchOld');
    expect(ids(run(android({ device: { patch: '2024-02-01' } })).findings)).toContain('patchOld');
    expect(ids(run(android({ device: { model: 'X' } })).findings)).toContain('patchUnknown');
  });
});

describe('evaluatePhone: what could not be read', () => {
  it('is never a pass when core parts are missing, and names each one', () => {
    const data = android({ accessibility: undefined, missing: ['accessibility', 'launcher'], problems: [{ part: 'accessibility', reason: 'timed out' }] });
    const result = run(data);
    expect(result.status).toBe('warn');
    expect(ids(result.findings)).toEqual(['partial', 'notReadAccessibility', 'notReadLauncher', 'noDetection', 'limits']);
    expect(result.findings.find((f) => f.message === 'notReadAccessibility')?.data).toEqual({ part: 'accessibility', reason: 'timed out' });
  });

  it('an unreadable app list is an error, not a pass', () => {
    const result = run(android({ apps: [], missing: ['packages'], problems: [{ part: 'packages', reason: 'the command failed' }] }));
    expect(result.status).toBe('error');
    expect(ids(result.findings)).toEqual(['noPackages', 'notReadPackages', 'limits']);
  });

  it('a disconnected phone says so', () => {
    const result = run(android({ disconnected: true, settings: undefined, missing: ['settings'], problems: [{ part: 'settings', reason: 'the phone disconnected' }] }));
    expect(result.status).toBe('warn');
    expect(result.findings[0]).toMatchObject({ message: 'disconnected', severity: 'medium', fix: 'fixDisconnected' });
  });

  it('only launcher missing (every capture) does not make the verdict partial', () => {
    expect(run(android({ missing: ['launcher'], problems: [] })).status).toBe('pass');
  });
});

describe('toJson', () => {
  it('has the stable shape, with text in the chosen language', () => {
    const data = android({ apps: [{ package: 'com.systemservice', system: false, installer: 'com.android.vending', launcher: true }] });
    const result = run(data);
    const json = toJson(result, { android: data }, index, 'ru');
    expect(Object.keys(json)).toEqual(['status', 'source', 'device', 'apps', 'indicators', 'missing', 'findings', 'backups']);
    expect(json.device).toEqual({ model: 'Pixel 7', android: '14', patch: '2024-04-05' });
    expect(json.apps).toBe(1);
    expect(json.indicators.source).toContain('Echap');
    expect(json.findings[0]).toEqual({
      id: 'stalkerware',
      severity: 'high',
      package: 'com.systemservice',
      family: 'TheTruthSpy',
      message: 'com.systemservice — это TheTruthSpy, известная программа-шпион (сталкерское ПО): она может пересылать ваши сообщения, звонки и местоположение другому человеку.',
      fix: expect.stringContaining('Прежде чем удалять'),
      lessons: ['is-my-phone-watched'],
    });
    const last = json.findings[json.findings.length - 1];
    expect(last).toMatchObject({ id: 'limits', package: null, family: null, fix: null });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('sanitises what the phone supplied before it reaches the text', () => {
    const data = android({ apps: [{ package: 'com.systemservice', label: 'Notes\u001b[31m\u202e', system: false, installer: 'com.android.vending', launcher: true }] });
    const json = toJson(run(data), { android: data }, index, 'en');
    expect(json.findings[0]?.message).toMatch(/^Notes\S* \(com\.systemservice\) is TheTruthSpy/);
    expect(json.findings[0]?.message).not.toMatch(/[\u001b\u202e]/);
  });
});
