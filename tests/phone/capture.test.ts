import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePhone, indicatorIndex, readAndroidCapture, readAndroidCaptureBytes } from '../../src/phone/index.js';
import { put, tempDir } from '../checks/helpers.js';
import {
  accessibilityNew,
  appopsDump,
  bugreportText,
  bugreportZip,
  devicePolicy,
  dumpsysAll,
  getprop,
  notificationDump,
  packageDump,
  packagesJson,
  PIXEL_PROPS,
  settingsDump,
  settingsList,
  type FakeApp,
} from './fixtures.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const index = indicatorIndex();

const APPS: FakeApp[] = [
  { package: 'com.android.settings', system: true, uid: 1000, sha1: '11'.repeat(20) },
  { package: 'org.telegram.messenger', installer: 'com.android.vending', uid: 10201, sha1: '22'.repeat(20) },
  // TheTruthSpy's package name in Echap's list.
  { package: 'com.systemservice', installer: null, uid: 10202, sha1: '33'.repeat(20) },
  { package: 'com.helper.notes', installer: 'com.google.android.packageinstaller', uid: 10203, sha1: '44'.repeat(20) },
];

function androidqfFolder(dir: string, options: { dumpsys?: boolean; certs?: boolean } = {}): void {
  put(dir, 'packages.json', packagesJson(options.certs === false ? APPS.map((a) => ({ ...a, sha1: undefined })) : APPS));
  put(dir, 'getprop.txt', getprop(PIXEL_PROPS));
  if (options.dumpsys !== false) {
    put(
      dir,
      'dumpsys.txt',
      dumpsysAll({
        accessibility: accessibilityNew(['com.helper.notes/.ReaderService', 'com.google.android.marvin.talkback/.TalkBackService']),
        device_policy: devicePolicy([]),
        notification: notificationDump(['com.android.systemui/.Listener']),
        appops: appopsDump(['org.telegram.messenger']),
      }),
    );
  }
  put(dir, 'settings_global.txt', settingsList({ adb_enabled: '1', development_settings_enabled: '1', adb_wifi_enabled: '0' }));
  put(dir, 'settings_secure.txt', settingsList({ accessibility_enabled: '1' }));
  put(dir, 'settings_system.txt', settingsList({ screen_brightness: '100' }));
  put(dir, 'root_binaries.json', '[]');
  put(dir, 'processes.txt', 'USER PID PPID VSZ RSS WCHAN ADDR S NAME\nroot 1 0 1 1 0 0 S init\n');
}

describe('androidqf acquisition folder', () => {
  it('reads the device, every app and the services, and reports what it finds', async () => {
    const dir = tempDir();
    androidqfFolder(dir);
    const result = await readAndroidCapture(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data;
    expect(data.source).toBe('androidqf');
    expect(data.device).toMatchObject({ model: 'Pixel 7', android: '14', patch: '2024-03-05' });
    expect(data.apps.map((a) => a.package)).toEqual(APPS.map((a) => a.package));
    expect(data.accessibility).toEqual(['com.helper.notes/.ReaderService', 'com.google.android.marvin.talkback/.TalkBackService']);
    expect(data.installAllowed).toEqual(['org.telegram.messenger']);
    expect(data.settings).toMatchObject({ adbEnabled: true, developmentSettings: true, adbWifiEnabled: false });
    expect(data.root).toEqual({ binaries: [], packages: [] });
    expect(data.missing).toEqual(['launcher']);

    const verdict = evaluatePhone({ android: data }, { now: NOW, indicators: index });
    expect(verdict.status).toBe('fail');
    const spy = verdict.findings.find((f) => f.message === 'stalkerware');
    expect(spy).toMatchObject({ severity: 'high', package: 'com.systemservice', family: 'TheTruthSpy' });
    const a11y = verdict.findings.filter((f) => f.message === 'accessibility');
    // TalkBack is not in the package list, so it is named too: a system app is proven, never assumed.
    expect(a11y.map((f) => [f.package, f.severity])).toEqual([
      ['com.helper.notes', 'medium'],
      ['com.google.android.marvin.talkback', 'medium'],
    ]);
  });

  it('finds the files one folder down, as androidqf nests them', async () => {
    const dir = tempDir();
    androidqfFolder(path.join(dir, '5b1f0c3e-acquisition'));
    const result = await readAndroidCapture(dir);
    expect(result.ok && result.data.apps.length).toBe(4);
  });

  it('says certificates are unknown when the APKs were not collected', async () => {
    const dir = tempDir();
    androidqfFolder(dir, { certs: false });
    const result = await readAndroidCapture(dir);
    if (!result.ok) throw new Error('expected a capture');
    expect(result.data.missing).toContain('certificates');
    expect(result.data.certificatesSkipped).toBe(3);
    // Said once, with the count of apps checked by name only, rather than twice.
    const messages = evaluatePhone({ android: result.data }, { now: NOW, indicators: index }).findings.map((f) => f.message);
    expect(messages).toContain('certificatesSkipped');
    expect(messages).not.toContain('notReadCertificates');
  });

  it('uses the bug report inside the acquisition when dumpsys.txt is missing', async () => {
    const dir = tempDir();
    androidqfFolder(dir, { dumpsys: false });
    put(dir, 'bugreport.zip', Buffer.from(bugreportZip(bugreportText(PIXEL_PROPS, { accessibility: accessibilityNew(['com.spy.app/.A11y']), device_policy: devicePolicy(['com.spy.app/.Admin']) }))));
    const result = await readAndroidCapture(dir);
    if (!result.ok) throw new Error('expected a capture');
    expect(result.data.accessibility).toEqual(['com.spy.app/.A11y']);
    expect(result.data.deviceAdmins).toEqual(['com.spy.app/.Admin']);
  });

  it('never calls a capture with missing parts complete', async () => {
    const dir = tempDir();
    put(dir, 'packages.json', packagesJson(APPS.filter((a) => a.package !== 'com.systemservice')));
    const result = await readAndroidCapture(dir);
    if (!result.ok) throw new Error('expected a capture');
    expect(result.data.missing).toEqual(expect.arrayContaining(['device', 'accessibility', 'device-admins', 'notification-listeners', 'settings', 'root']));
    const verdict = evaluatePhone({ android: result.data }, { now: NOW, indicators: index });
    expect(verdict.status).not.toBe('pass');
    expect(verdict.findings.some((f) => f.message === 'partial')).toBe(true);
  });

  it('survives a truncated packages.json and an empty dumpsys', async () => {
    const dir = tempDir();
    androidqfFolder(dir);
    put(dir, 'packages.json', packagesJson(APPS).slice(0, 300));
    put(dir, 'dumpsys.txt', '');
    const result = await readAndroidCapture(dir);
    if (!result.ok) throw new Error('expected a capture');
    expect(result.data.apps).toEqual([]);
    expect(evaluatePhone({ android: result.data }, { now: NOW, indicators: index }).status).toBe('error');
  });
});

describe('androidqf zip and bug reports', () => {
  it('reads an androidqf zip with its folder inside', async () => {
    const zip = zipSync({
      'acq/packages.json': strToU8(packagesJson(APPS)),
      'acq/getprop.txt': strToU8(getprop(PIXEL_PROPS)),
      'acq/dumpsys.txt': strToU8(dumpsysAll({ accessibility: accessibilityNew([]) })),
    });
    const result = await readAndroidCaptureBytes(zip);
    expect(result.ok && result.data.source).toBe('androidqf');
    expect(result.ok && result.data.accessibility).toEqual([]);
  });

  it('reads a bug report zip through main_entry.txt: apps, flags, services, settings, root daemons', async () => {
    const text = bugreportText(
      PIXEL_PROPS,
      {
        accessibility: accessibilityNew(['com.x/.Spy']),
        device_policy: devicePolicy(['com.x/.Admin']),
        notification: notificationDump(['com.x/.NL']),
        package: packageDump([{ package: 'com.x', uid: 10250 }, { package: 'com.android.phone', system: true, uid: 1001 }]),
        appops: appopsDump([], ['u0a250']),
        settings: settingsDump({ adb_enabled: '1', adb_wifi_enabled: '1', development_settings_enabled: '1' }, {}),
      },
      'u0_a1 root 812 812 1 1 1 0 0 S magiskd',
    );
    const dir = tempDir();
    const file = put(dir, 'bugreport.zip', Buffer.from(bugreportZip(text)));
    const result = await readAndroidCapture(file);
    if (!result.ok) throw new Error(`expected a capture, got ${result.problem}`);
    const d = result.data;
    expect(d.source).toBe('bugreport');
    expect(d.apps.map((a) => [a.package, a.system])).toEqual([
      ['com.x', false],
      ['com.android.phone', true],
    ]);
    expect(d.installAllowed).toEqual(['com.x']);
    expect(d.settings).toMatchObject({ adbWifiEnabled: true });
    expect(d.root?.binaries).toEqual(['magiskd']);
    expect(d.missing).toContain('certificates');
    const ids = evaluatePhone({ android: d }, { now: NOW, indicators: index }).findings.map((f) => f.message);
    expect(ids).toEqual(expect.arrayContaining(['accessibility', 'deviceAdmin', 'notificationListener', 'installApps', 'adbWifi', 'rooted', 'sideloadedNoInstaller']));
  });

  it('reads the main text of a bug report on its own', async () => {
    const dir = tempDir();
    const file = put(dir, 'dumpstate.txt', bugreportText(PIXEL_PROPS, { package: packageDump([{ package: 'com.serv.services' }]) }));
    const result = await readAndroidCapture(file);
    if (!result.ok) throw new Error('expected a capture');
    const spy = evaluatePhone({ android: result.data }, { now: NOW, indicators: index }).findings.find((f) => f.message === 'spyware');
    expect(spy).toMatchObject({ family: 'NoviSpy', severity: 'high' });
    expect(spy?.data?.source).toContain('AmnestyTech');
  });

  it('names the problem with files that are not captures', async () => {
    const dir = tempDir();
    expect(await readAndroidCapture(path.join(dir, 'nope'))).toEqual({ ok: false, problem: 'missing' });
    expect(await readAndroidCapture(put(dir, 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])))).toEqual({ ok: false, problem: 'not-a-capture' });
    expect(await readAndroidCapture(put(dir, 'acq.zip.age', 'age-encryption.org/v1\n-> X25519 abc\n'))).toEqual({ ok: false, problem: 'encrypted' });
    expect(await readAndroidCapture(put(dir, 'broken.zip', Buffer.from('PK\u0003\u0004 truncated')))).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(await readAndroidCapture(tempDir())).toEqual({ ok: false, problem: 'not-a-capture' });
    const encryptedFolder = tempDir();
    put(encryptedFolder, 'acquisition.zip.age', 'age-encryption.org/v1\n');
    expect(await readAndroidCapture(encryptedFolder)).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('stops at the size limit instead of reading a huge file', async () => {
    const dir = tempDir();
    androidqfFolder(dir);
    put(dir, 'dumpsys.txt', 'x'.repeat(4096));
    const result = await readAndroidCapture(dir, { maxTextBytes: 1024, maxZipBytes: 1 << 20, timeoutMs: 10_000 });
    if (!result.ok) throw new Error('expected a capture');
    expect(result.data.problems).toContainEqual({ part: 'accessibility', reason: 'file over the size limit' });
  });
});
