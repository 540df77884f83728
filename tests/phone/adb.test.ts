import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/check-kit/context.js';
import type { CommandResult } from '../../src/check-kit/types.js';
import { acquireAndroid, buildIndex, evaluatePhone, indicatorIndex, parseAdbDevices, pickDevice, type IndicatorSet } from '../../src/phone/index.js';
import type { ReplayCall as ScriptedCall } from '../../src/check-kit/replay.js';
import { put, scriptedRunner, tempDir } from '../checks/helpers.js';
import { accessibilityNew, apkPath, buildApk, devicePolicy, getprop, PIXEL_PROPS, pmList, pmNames, signingCert, type FakeApp } from './fixtures.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const SERIAL = 'R58M12ABCDE';

const APPS: FakeApp[] = [
  { package: 'com.android.settings', system: true, installer: null, uid: 1000, path: '/system/priv-app/Settings/Settings.apk' },
  { package: 'org.telegram.messenger', installer: 'com.android.vending', uid: 10201 },
  { package: 'com.renamed.notes', installer: 'com.google.android.packageinstaller', uid: 10202 },
  { package: 'com.mxspy', installer: null, uid: 10203 },
];

const LAUNCHER = '2 activities found:\n  Activity #0:\n    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n    com.android.settings/.Settings\n  Activity #1:\n    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n    org.telegram.messenger/.DefaultIcon\n';

type Table = Record<string, Partial<CommandResult> | ((args: readonly string[]) => Partial<CommandResult>)>;

/** A phone answering every read the check makes; `pull` writes the APK the test chose. */
function phone(apks: Record<string, Uint8Array> = {}, overrides: Table = {}): Table {
  const sh = (cmd: string): string => `adb -s ${SERIAL} shell ${cmd}`;
  return {
    'adb devices -l': { stdout: `List of devices attached\n${SERIAL}             device usb:1-1 product:a50 model:SM_A505F device:a50 transport_id:3\n\n` },
    [sh('getprop')]: { stdout: getprop(PIXEL_PROPS) },
    [sh('pm list packages -f -i -U -u')]: { stdout: pmList(APPS) },
    [sh('pm list packages -s')]: { stdout: pmNames(['com.android.settings']) },
    [sh('pm list packages -d')]: { stdout: '' },
    [sh('pm list packages')]: { stdout: pmNames(APPS.map((a) => a.package)) },
    [sh('dumpsys accessibility')]: { stdout: accessibilityNew(['com.renamed.notes/.Reader']) },
    [sh('settings get secure enabled_accessibility_services')]: { stdout: 'com.renamed.notes/.Reader\n' },
    [sh('dumpsys device_policy')]: { stdout: devicePolicy([]) },
    [sh('settings get secure enabled_notification_listeners')]: { stdout: 'null\n' },
    [sh('appops query-op REQUEST_INSTALL_PACKAGES allow')]: { stdout: 'No operations.\n' },
    [sh('settings get global adb_enabled')]: { stdout: '1\n' },
    [sh('settings get global adb_wifi_enabled')]: { stdout: '0\n' },
    [sh('settings get global development_settings_enabled')]: { stdout: '1\n' },
    [sh('settings get secure install_non_market_apps')]: { stdout: '1\n' },
    [sh('which su')]: { code: 1, stdout: '' },
    [sh('which magisk')]: { code: 1, stdout: '' },
    [sh('cmd package query-activities --brief -a android.intent.action.MAIN -c android.intent.category.LAUNCHER')]: { stdout: LAUNCHER },
    'adb *': (args) => {
      // stat -c %s PATH and pull PATH LOCAL
      const pkg = APPS.find((a) => args.includes(a.path ?? apkPath(a.package)))?.package;
      const apk = pkg ? apks[pkg] : undefined;
      if (args[2] === 'shell' && args[3] === 'stat') return apk ? { stdout: `${apk.length}\n` } : { code: 1, stderr: 'stat: No such file' };
      if (args[2] === 'pull' && apk) {
        writeFileSync(args[4] ?? '', apk);
        return { stdout: `${args[3]}: 1 file pulled.\n` };
      }
      return { code: 1, stderr: 'error: unexpected command' };
    },
    ...overrides,
  };
}

describe('adb devices', () => {
  it('parses ready, unauthorised, offline and permission-less devices', () => {
    const out = 'List of devices attached\n* daemon started successfully\nA1 device usb:1 product:p model:Pixel_7 device:d transport_id:1\nB2 unauthorized usb:2 transport_id:2\nC3 offline\nD4 no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html]\n';
    expect(parseAdbDevices(out)).toEqual([
      { serial: 'A1', state: 'device', model: 'Pixel 7', product: 'p' },
      { serial: 'B2', state: 'unauthorized' },
      { serial: 'C3', state: 'offline' },
      { serial: 'D4', state: 'no permissions' },
    ]);
  });

  it('picks the only ready phone, and explains every other case', async () => {
    const devices = (stdout: string) => scriptedRunner({ 'adb devices -l': { stdout: `List of devices attached\n${stdout}` } });
    expect(await pickDevice(devices('A1 device model:X\n'))).toMatchObject({ ok: true, device: { serial: 'A1' } });
    expect(await pickDevice(devices(''))).toMatchObject({ ok: false, problem: 'none' });
    expect(await pickDevice(devices('A1 unauthorized\n'))).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(await pickDevice(devices('A1 offline\n'))).toMatchObject({ ok: false, problem: 'offline' });
    expect(await pickDevice(devices('A1 no permissions (udev)\n'))).toMatchObject({ ok: false, problem: 'no-permissions' });
    expect(await pickDevice(devices('A1 device\nB2 device\n'))).toMatchObject({ ok: false, problem: 'several' });
    expect(await pickDevice(devices('A1 device\nB2 device\n'), { serial: 'B2' })).toMatchObject({ ok: true, device: { serial: 'B2' } });
    expect(await pickDevice(devices('A1 device\n'), { serial: 'Z9' })).toMatchObject({ ok: false, problem: 'not-found' });
    expect(await pickDevice(scriptedRunner({}))).toEqual({ ok: false, problem: 'no-adb', devices: [] });
    expect(await pickDevice(scriptedRunner({ 'adb devices -l': { code: 1, stderr: 'cannot connect to daemon' } }))).toMatchObject({ ok: false, problem: 'adb-failed' });
  });
});

describe('live acquisition', () => {
  it('reads the phone with read-only commands and finds stalkerware by name and by certificate', async () => {
    const calls: ScriptedCall[] = [];
    const cert = signingCert(0);
    const tmp = tempDir();
    const run = scriptedRunner(phone({ 'com.renamed.notes': buildApk({ v2: cert }), 'com.mxspy': buildApk({ v1: signingCert(1) }), 'org.telegram.messenger': buildApk({ v2: signingCert(2) }) }), calls);
    const data = await acquireAndroid(run, { serial: SERIAL, tempDir: tmp });

    expect(data.source).toBe('adb');
    expect(data.device.model).toBe('Pixel 7');
    expect(data.apps.find((a) => a.package === 'com.android.settings')).toMatchObject({ system: true, launcher: true, installed: true });
    expect(data.apps.find((a) => a.package === 'com.renamed.notes')).toMatchObject({ system: false, launcher: false, certSha1: [cert.sha1] });
    expect(data.accessibility).toEqual(['com.renamed.notes/.Reader']);
    expect(data.notificationListeners).toEqual([]);
    expect(data.missing).toEqual([]);
    // Nothing but reads: no install, no setting changed, no uninstall.
    for (const c of calls) {
      const words = c.args.join(' ');
      expect(words).not.toMatch(/\binstall\b|settings put|\buninstall\b|\bdisable\b|\brm\b|\bpush\b/);
    }
    // The APK copies are gone.
    expect(readdirSync(tmp)).toEqual([]);

    // A renamed stalkerware app: found by its signing certificate in an indicator set.
    const custom: IndicatorSet = { id: 'test', source: 'test set', date: '2024-04-01', families: [{ name: 'RenamedSpy', type: 'stalkerware', packages: [], certificates: [cert.sha1] }] };
    const verdict = evaluatePhone({ android: data }, { now: NOW, indicators: buildIndex([...indicatorIndex().sets, custom]) });
    expect(verdict.status).toBe('fail');
    expect(verdict.findings.filter((f) => f.severity === 'high').map((f) => [f.package, f.family, f.data?.via])).toEqual([
      ['com.renamed.notes', 'RenamedSpy', 'certificate'],
      ['com.mxspy', 'TheTruthSpy', 'package'],
    ]);
    const hidden = verdict.findings.find((f) => f.message === 'hidden' && f.package === 'com.renamed.notes');
    expect(hidden?.severity).toBe('medium'); // no icon and reads the screen
  });

  it('falls back to the older pm options', async () => {
    const sh = (cmd: string): string => `adb -s ${SERIAL} shell ${cmd}`;
    const run = scriptedRunner(
      phone({}, {
        [sh('pm list packages -f -i -U -u')]: { code: 255, stderr: 'Error: Unknown option: -U' },
        [sh('pm list packages -f -i -u')]: { stdout: pmList(APPS, { uid: false }) },
      }),
    );
    const data = await acquireAndroid(run, { serial: SERIAL, certificates: false });
    expect(data.apps).toHaveLength(4);
    expect(data.apps[1]?.uid).toBeUndefined();
    expect(data.missing).toEqual(['certificates']);
  });

  it('skips APKs over the size budget and says so', async () => {
    const big = buildApk({ v2: signingCert(0), extra: { 'assets/big.bin': new Uint8Array(randomBytes(300_000)) } });
    const run = scriptedRunner(phone({ 'com.renamed.notes': big, 'com.mxspy': big, 'org.telegram.messenger': big }));
    const data = await acquireAndroid(run, { serial: SERIAL, maxApkBytes: 100_000, tempDir: tempDir() });
    expect(data.certificatesSkipped).toBe(3);
    expect(data.problems).toContainEqual({ part: 'certificates', reason: '3: too large' });
    expect(evaluatePhone({ android: data }, { now: NOW, indicators: indicatorIndex() }).status).not.toBe('pass');
  });

  it('says certificates were not read when this computer has no temporary folder for the copies', async () => {
    const run = scriptedRunner(phone({ 'com.mxspy': buildApk({ v1: signingCert(1) }) }));
    const data = await acquireAndroid(run, { serial: SERIAL, tempDir: path.join(tempDir(), 'no', 'such', 'folder') });
    expect(data.problems).toContainEqual({ part: 'certificates', reason: 'no temporary folder for the APK copies' });
  });

  it('reports a phone that disconnects mid-run as partial, never clean', async () => {
    const sh = (cmd: string): string => `adb -s ${SERIAL} shell ${cmd}`;
    const gone = { code: 1, stderr: `error: device '${SERIAL}' not found` };
    const calls: ScriptedCall[] = [];
    const run = scriptedRunner(phone({}, { [sh('dumpsys device_policy')]: gone, 'adb *': gone }), calls);
    const data = await acquireAndroid(run, { serial: SERIAL, tempDir: tempDir() });
    expect(data.disconnected).toBe(true);
    expect(data.apps).toHaveLength(4);
    expect(data.missing).toEqual(expect.arrayContaining(['device-admins', 'notification-listeners', 'settings', 'root', 'certificates']));
    // Once gone, the phone is not asked again and again.
    expect(calls.length).toBeLessThan(15);
    const verdict = evaluatePhone({ android: data }, { now: NOW, indicators: indicatorIndex() });
    expect(verdict.status).toBe('fail'); // com.mxspy was read before the cable came out
    expect(verdict.findings.map((f) => f.message)).toContain('disconnected');
  });

  it('gives warn, not pass, when a clean phone could not be read in full', async () => {
    const sh = (cmd: string): string => `adb -s ${SERIAL} shell ${cmd}`;
    const clean = APPS.filter((a) => a.package !== 'com.mxspy');
    const run = scriptedRunner(
      phone({}, {
        [sh('pm list packages -f -i -U -u')]: { stdout: pmList(clean) },
        [sh('dumpsys accessibility')]: { timedOut: true, code: null },
        [sh('settings get secure enabled_accessibility_services')]: { code: 1, stdout: '' },
      }),
    );
    const data = await acquireAndroid(run, { serial: SERIAL, certificates: false });
    expect(data.missing).toContain('accessibility');
    expect(data.problems).toContainEqual({ part: 'accessibility', reason: 'timed out' });
    expect(evaluatePhone({ android: data }, { now: NOW, indicators: indicatorIndex() }).status).toBe('warn');
  });
});

// The real runner (no shell, timeouts) against a fake `adb` first on PATH.
const FAKE_ADB = `#!/bin/sh
# A stand-in for adb: answers from the test's state file.
state="$FAKE_ADB_STATE"
mode=$(cat "$state/mode")
count=$(cat "$state/count" 2>/dev/null || echo 0)
count=$((count + 1))
echo "$count" > "$state/count"
if [ "$1" = "devices" ]; then
  echo "List of devices attached"
  case "$mode" in
    unauthorized) echo "R58M12ABCDE	unauthorized usb:1-1 transport_id:3" ;;
    offline) echo "R58M12ABCDE	offline" ;;
    *) echo "R58M12ABCDE	device usb:1-1 product:a50 model:SM_A505F device:a50 transport_id:3" ;;
  esac
  echo
  exit 0
fi
if [ "$mode" = "disconnect" ] && [ "$count" -gt 4 ]; then
  echo "error: device 'R58M12ABCDE' not found" >&2
  exit 1
fi
shift 3
case "$*" in
  getprop) printf '[ro.product.model]: [SM-A505F]\\n[ro.build.version.release]: [11]\\n[ro.build.version.security_patch]: [2023-01-01]\\n' ;;
  "pm list packages -f -i -U -u") printf 'package:/data/app/com.mxspy-1/base.apk=com.mxspy  installer=null uid:10203\\npackage:/system/app/Phone/Phone.apk=com.android.phone  installer=null uid:1001\\n' ;;
  "pm list packages -s") echo "package:com.android.phone" ;;
  "pm list packages -d") ;;
  "pm list packages") printf 'package:com.mxspy\\npackage:com.android.phone\\n' ;;
  *) echo "null" ;;
esac
exit 0
`;

const posix = process.platform !== 'win32';

describe.runIf(posix)('live acquisition through the real command runner', () => {
  function fakeAdb(mode: string): { run: ReturnType<typeof createCommandRunner>; state: string } {
    const bin = tempDir('safestep-fake-adb-');
    put(bin, 'adb', FAKE_ADB, 0o755);
    const state = tempDir('safestep-fake-state-');
    put(state, 'mode', mode);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_ADB_STATE: state };
    return { run: createCommandRunner({ env, defaultTimeoutMs: 10_000 }), state };
  }

  it('refuses an unauthorised phone and an offline one', async () => {
    expect(await pickDevice(fakeAdb('unauthorized').run)).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(await pickDevice(fakeAdb('offline').run)).toMatchObject({ ok: false, problem: 'offline' });
  });

  it('reads a connected phone', async () => {
    const { run } = fakeAdb('ok');
    const pick = await pickDevice(run);
    if (!pick.ok) throw new Error(`expected a phone, got ${pick.problem}`);
    const data = await acquireAndroid(run, { serial: pick.device.serial, certificates: false });
    expect(data.device).toMatchObject({ model: 'SM-A505F', android: '11', patch: '2023-01-01' });
    expect(data.apps.map((a) => [a.package, a.system])).toEqual([
      ['com.mxspy', false],
      ['com.android.phone', true],
    ]);
    const verdict = evaluatePhone({ android: data }, { now: NOW, indicators: indicatorIndex() });
    expect(verdict.findings[0]).toMatchObject({ message: 'stalkerware', package: 'com.mxspy' });
    expect(verdict.findings.find((f) => f.message === 'patchOld')?.data).toMatchObject({ count: 16 });
  });

  it('stops cleanly when the phone disconnects', async () => {
    const { run, state } = fakeAdb('disconnect');
    const data = await acquireAndroid(run, { serial: 'R58M12ABCDE', tempDir: tempDir() });
    expect(data.disconnected).toBe(true);
    expect(data.missing).toEqual(expect.arrayContaining(['accessibility', 'device-admins', 'settings']));
    expect(existsSync(path.join(state, 'count'))).toBe(true);
  });
});
