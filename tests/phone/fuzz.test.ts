// Every reader of untrusted phone data, fed 1,000+ mutations each of a valid
// input: truncations, byte flips, huge lines, UTF-16, NULs, spliced junk. A
// reader may refuse its input with its own error type (PlistError, MetaError)
// or a "not a capture" result; it may never throw anything else or hang.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apkCertificates } from '../../src/phone/apk.js';
import { AndroidBuilder } from '../../src/phone/assemble.js';
import { readAndroidCaptureBytes } from '../../src/phone/capture.js';
import { Budget, BufferSource, MetaError } from '../../src/phone/files.js';
import { parseIndicatorSet } from '../../src/phone/indicators.js';
import { evaluatePhone, indicatorIndex } from '../../src/phone/index.js';
import { parseAccessibility, parseAppopsInstall, parseDevicePolicy, parseLauncherActivities, parseNotificationListeners, parseQueryOp, splitDumpsys } from '../../src/phone/parse/dumpsys.js';
import { bugreportProps, deviceFromProps, parseGetprop } from '../../src/phone/parse/getprop.js';
import { parseDumpsysPackages, parsePackagesJson, parsePmList, parsePmNames } from '../../src/phone/parse/packages.js';
import { parseRootBinariesJson, rootProcesses } from '../../src/phone/parse/root.js';
import { parseSettingsDump, parseSettingsList } from '../../src/phone/parse/settings.js';
import { parseBinaryPlist, parseXmlPlist, PlistError } from '../../src/phone/plist.js';
import { decodeText } from '../../src/phone/text.js';
import {
  accessibilityNew,
  accessibilityOld,
  appopsDump,
  bugreportText,
  bugreportZip,
  buildApk,
  devicePolicy,
  dumpsysAll,
  getprop,
  infoPlistXml,
  manifestPlist,
  notificationDump,
  packageDump,
  packagesJson,
  PIXEL_PROPS,
  pmList,
  settingsDump,
  settingsList,
  signingCert,
  type FakeApp,
} from './fixtures.js';

const ROUNDS = 1000;
const NOW = new Date('2024-05-01T00:00:00Z');

/** mulberry32: the same mutations on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(input: Uint8Array, r: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(r() * n);
  const at = pick(input.length + 1);
  switch (pick(9)) {
    case 0: // truncation
      return input.slice(0, at);
    case 1: {
      // byte flips
      const out = input.slice();
      for (let i = 0, n = 1 + pick(16); i < n && out.length; i++) out[pick(out.length)] = pick(256);
      return out;
    }
    case 2: {
      // a huge line of one character
      const ch = '{[<(A=:/\n'.charCodeAt(pick(8));
      return Buffer.concat([input.subarray(0, at), Buffer.alloc(100_000 + pick(200_000), ch), input.subarray(at)]);
    }
    case 3: // UTF-16 with a BOM
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Buffer.from(input).toString('latin1'), 'utf16le')]);
    case 4: // NULs and control characters
      return Buffer.concat([input.subarray(0, at), Buffer.from('\u0000\u001b[2J\u202e\r\r\n\u0000'), input.subarray(at)]);
    case 5: {
      // a chunk repeated
      const len = pick(Math.min(4096, input.length + 1));
      const chunk = input.subarray(at, at + len);
      return Buffer.concat([input.subarray(0, at), chunk, chunk, chunk, input.subarray(at)]);
    }
    case 6: // random junk spliced in
      return Buffer.concat([input.subarray(0, at), Buffer.from(Array.from({ length: pick(512) }, () => pick(256))), input.subarray(at)]);
    case 7: // a range deleted
      return Buffer.concat([input.subarray(0, at), input.subarray(at + pick(2048))]);
    default: {
      // two mutations
      return mutate(mutate(input, r), r);
    }
  }
}

function* mutations(base: Uint8Array, seed: number): Generator<Uint8Array> {
  const r = rng(seed);
  for (let i = 0; i < ROUNDS; i++) yield mutate(base, r);
}

const APPS: FakeApp[] = [
  { package: 'com.android.settings', system: true },
  { package: 'com.systemservice', installer: null, sha1: '31A6ECECD97CF39BC4126B8745CD94A7C30BF81C' },
  { package: 'org.telegram.messenger', installer: 'com.android.vending' },
];
const SERVICES = {
  accessibility: accessibilityNew(['com.systemservice/.A']) + accessibilityOld(['a.b/.C'], ['a.b/.C']),
  device_policy: devicePolicy(['com.systemservice/.Admin'], 'com.corp/.Owner'),
  notification: notificationDump(['com.systemservice/.NL']),
  appops: appopsDump(['org.telegram.messenger'], ['u0a150']),
  package: packageDump(APPS),
  settings: settingsDump({ adb_enabled: '1' }, { enabled_accessibility_services: 'a.b/.C' }),
};
const DUMPSYS = dumpsysAll(SERVICES);

/** Runs a text reader on every mutation; any exception fails the test. */
function fuzzText(base: string, seed: number, read: (text: string) => unknown): void {
  for (const bytes of mutations(Buffer.from(base), seed)) read(decodeText(bytes));
}

describe('fuzzing the phone readers', () => {
  it('pm list, package dumps and packages.json', { timeout: 120_000 }, () => {
    fuzzText(pmList(APPS), 1, (t) => (parsePmList(t), parsePmNames(t)));
    fuzzText(packagesJson(APPS), 2, parsePackagesJson);
    fuzzText(packageDump(APPS), 3, parseDumpsysPackages);
  });

  it('dumpsys and the services the check reads', { timeout: 120_000 }, () => {
    fuzzText(DUMPSYS, 4, (t) => {
      const sections = splitDumpsys(t);
      const b = new AndroidBuilder('androidqf');
      b.dumpsys(sections);
      return b.finish();
    });
    fuzzText(SERVICES.accessibility, 5, parseAccessibility);
    fuzzText(SERVICES.device_policy, 6, parseDevicePolicy);
    fuzzText(SERVICES.notification, 7, parseNotificationListeners);
    fuzzText(SERVICES.appops, 8, parseAppopsInstall);
    fuzzText('com.a\ncom.b\nNo operations.\n', 9, parseQueryOp);
    fuzzText('1 activities found:\n  Activity #0:\n    com.a/.Main\n', 10, parseLauncherActivities);
  });

  it('getprop, settings, root signs', { timeout: 120_000 }, () => {
    fuzzText(getprop(PIXEL_PROPS), 11, (t) => deviceFromProps(parseGetprop(t)));
    fuzzText(bugreportText(PIXEL_PROPS, {}), 12, bugreportProps);
    fuzzText(settingsList({ adb_enabled: '1', enabled_notification_listeners: 'a.b/.C:d.e/.F' }), 13, parseSettingsList);
    fuzzText(SERVICES.settings, 14, parseSettingsDump);
    fuzzText('["/system/bin/su", "/sbin/magisk"]', 15, parseRootBinariesJson);
    fuzzText('USER PID NAME\nroot 1 magiskd\n', 16, rootProcesses);
  });

  it('indicator sets from packs', { timeout: 120_000 }, () => {
    const set = JSON.stringify({ format: 'safestep-phone-indicators', version: 1, id: 'x', source: 'X', date: '2024-01-01', families: [{ name: 'A', type: 'stalkerware', packages: ['a.b'], certificates: ['AB'.repeat(20)] }] });
    for (const bytes of mutations(Buffer.from(set), 17)) {
      const load = parseIndicatorSet(bytes);
      expect(typeof load.ok).toBe('boolean');
    }
  });

  it('plists: refused with PlistError, never anything else', { timeout: 120_000 }, () => {
    const only = (fn: () => unknown): void => {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof PlistError)) throw e;
      }
    };
    for (const bytes of mutations(Buffer.from(infoPlistXml({ name: 'Anna', product: 'iPhone14,5', date: '2024-04-30T08:00:00Z' })), 18)) only(() => parseXmlPlist(decodeText(bytes)));
    for (const bytes of mutations(manifestPlist(false), 19)) only(() => parseBinaryPlist(bytes));
  });

  it('APKs: refused with MetaError, never anything else', async () => {
    const apk = buildApk({ v1: signingCert(0), v2: signingCert(0), v3: signingCert(1) });
    let read = 0;
    for (const bytes of mutations(apk, 20)) {
      try {
        await apkCertificates(new BufferSource(bytes, new Budget(bytes.length + 1, 5000, 16 * 1024 * 1024)));
        read++;
      } catch (e) {
        if (!(e instanceof MetaError)) throw e;
      }
    }
    expect(read).toBeGreaterThan(100);
  }, 120_000);

  it('whole captures: a result every time, and a verdict that is never a clean pass when something broke', async () => {
    const androidqf = zipSync({
      'acq/packages.json': strToU8(packagesJson(APPS)),
      'acq/getprop.txt': strToU8(getprop(PIXEL_PROPS)),
      'acq/dumpsys.txt': strToU8(DUMPSYS),
      'acq/settings_global.txt': strToU8(settingsList({ adb_enabled: '0' })),
    });
    const bugreport = bugreportZip(bugreportText(PIXEL_PROPS, SERVICES));
    const limits = { maxTextBytes: 8 * 1024 * 1024, maxZipBytes: 64 * 1024 * 1024, timeoutMs: 5000 };
    const index = indicatorIndex();
    let seed = 21;
    for (const base of [androidqf, bugreport, Buffer.from(bugreportText(PIXEL_PROPS, SERVICES))]) {
      for (const bytes of mutations(base, seed++)) {
        const result = await readAndroidCaptureBytes(bytes, limits);
        if (!result.ok) continue;
        const verdict = evaluatePhone({ android: result.data }, { now: NOW, indicators: index });
        if (verdict.status === 'pass') expect(result.data.missing.filter((p) => p !== 'launcher' && p !== 'root' && p !== 'install-permission' && p !== 'package-flags')).toEqual([]);
      }
    }
  }, 180_000);
});
