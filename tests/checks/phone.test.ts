import { describe, expect, it } from 'vitest';
import check, { judge } from '../../checks/phone.js';
import { formatMessage } from '../../src/check-kit/format.js';
import { CheckTester, tempDir, put } from '../helpers/check-tester.js';
import { infoPlistXml, manifestPlist, packagesJson, getprop, PIXEL_PROPS, settingsList } from '../phone/fixtures.js';

const NOW = '2024-05-01T12:00:00.000Z';
const MAC = 'Library/Application Support/MobileSync/Backup';

function backupTree(root: string, id: string, name: string, encrypted: boolean, date = '2024-04-30T08:00:00Z'): Record<string, string | Buffer> {
  return {
    [`${root}/${id}/Info.plist`]: infoPlistXml({ name, product: 'iPhone14,5', date }),
    [`${root}/${id}/Manifest.plist`]: Buffer.from(manifestPlist(encrypted)),
  };
}

const tester = new CheckTester(check);

describe('phone check: evaluate', () => {
  tester.run({
    invalid: [
      {
        name: 'plain audit on a Mac without backups: the phone is not called fine',
        data: { now: NOW, platform: 'darwin', ios: { kind: 'ios-backups', searched: ['/Users/a/Library/Application Support/MobileSync/Backup'], backups: [] }, extraSets: [] },
        status: 'not-applicable',
        findings: ['iosNoBackups', 'iosManual', 'androidNotChecked', 'limits'],
      },
      {
        name: 'a capture that is not there is an error, not a pass',
        data: { now: NOW, platform: 'linux', ios: { kind: 'ios-backups', searched: [], backups: [] }, androidProblem: { kind: 'capture', problem: 'missing', path: '/tmp/x' }, extraSets: [] },
        status: 'error',
        findings: [{ message: 'captureMissing', severity: 'medium', data: { path: '/tmp/x' } }, 'iosNoPlaces', 'iosManual', 'limits'],
      },
    ],
  });
});

describe('phone check: lessons', () => {
  it('offers each lesson once, at the first finding that needs it', () => {
    const result = judge({ now: NOW, platform: 'darwin', ios: { kind: 'ios-backups', searched: ['/Users/a/Library/Application Support/MobileSync/Backup'], backups: [] }, extraSets: [] });
    const offered = result.findings.flatMap((f) => f.lessons ?? []);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).toEqual([...new Set(offered)]);
    expect(result.findings[0]!.lessons).toEqual(['is-my-phone-watched', 'border-phone-inspection']);
  });
});

describe('phone check: gather', () => {
  tester.gather([
    {
      name: 'an unencrypted iPhone backup on a Mac is high, with a masked name and its date; adb is never run',
      platform: 'darwin',
      home: { ...backupTree(MAC, '00008110-000A1B2C3D4E', 'Anna&apos;s iPhone', false) },
      commands: { 'adb *': { stdout: '' } },
      calls: [],
      status: 'fail',
      findings: [
        { message: 'iosBackupUnencrypted', severity: 'high', fix: 'fixIosBackup', data: { device: 'A…', date: '2024-04-30' } },
        'iosManual',
        'androidNotChecked',
        'limits',
      ],
    },
    {
      name: 'an encrypted backup is information, and the phone is still not called fine',
      platform: 'darwin',
      home: { ...backupTree(MAC, 'b1', 'Борис', true, '2024-01-02T10:00:00Z') },
      status: 'not-applicable',
      findings: [{ message: 'iosBackupEncrypted', data: { device: 'Б…', date: '2024-01-02' } }, 'iosManual', 'androidNotChecked', 'limits'],
    },
    {
      name: 'Windows: iTunes backups under APPDATA',
      platform: 'win32',
      env: (dirs) => ({ APPDATA: `${dirs.home}/AppData/Roaming`, USERPROFILE: dirs.home }),
      home: { ...backupTree('AppData/Roaming/Apple Computer/MobileSync/Backup', 'w1', 'Vera', false) },
      status: 'fail',
      findings: [{ message: 'iosBackupUnencrypted', data: { device: 'V…' } }, 'iosManual', 'androidNotChecked', 'limits'],
    },
    {
      name: 'asked for a live phone without adb: how to get it, and an error',
      platform: 'linux',
      options: { live: true },
      calls: ['adb devices -l'],
      status: 'error',
      findings: [{ message: 'adbMissing', fix: 'adbMissingLinux' }, 'iosNoPlaces', 'iosManual', 'limits'],
    },
    {
      name: 'asked for a live phone that has not accepted the key',
      platform: 'linux',
      options: { live: true },
      commands: { 'adb devices -l': { stdout: 'List of devices attached\nR58M12ABCDE\tunauthorized usb:1-1 transport_id:3\n\n' } },
      status: 'error',
      findings: ['adbUnauthorized', 'iosNoPlaces', 'iosManual', 'limits'],
    },
  ]);

  it('reads an androidqf acquisition when asked (audit --phone-from): Echap stalkerware is high, with its family', async () => {
    const capture = tempDir();
    put(capture, 'packages.json', packagesJson([
      { package: 'com.android.settings', system: true },
      { package: 'com.mxspy', installer: 'com.google.android.packageinstaller', uid: 10203 },
    ]));
    put(capture, 'getprop.txt', getprop(PIXEL_PROPS));
    put(capture, 'settings_global.txt', settingsList({ adb_enabled: '1' }));
    const { result, calls } = await tester.gatherOn({ platform: 'linux' }, { from: capture });
    expect(calls).toEqual([]);
    expect(result.status).toBe('fail');
    const top = result.findings[0]!;
    expect(top).toMatchObject({ message: 'stalkerware', severity: 'high', package: 'com.mxspy' });
    expect(formatMessage(check.meta, top.message, 'en', top.data)).toMatch(/^com\.mxspy is \S/);
    expect(result.findings.map((f) => f.message)).not.toContain('androidNotChecked');
  });
});
