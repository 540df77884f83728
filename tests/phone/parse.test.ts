import { describe, expect, it } from 'vitest';
import {
  parseAccessibility,
  parseAppopsInstall,
  parseDevicePolicy,
  parseLauncherActivities,
  parseNotificationListeners,
  parseQueryOp,
  splitDumpsys,
  uidFromAppops,
} from '../../src/phone/parse/dumpsys.js';
import { bugreportProps, deviceFromProps, parseGetprop } from '../../src/phone/parse/getprop.js';
import { parseDumpsysPackages, parsePackagesJson, parsePmList, parsePmNames } from '../../src/phone/parse/packages.js';
import { binaryPaths, parseRootBinariesJson, rootProcesses, rootProcessesJson } from '../../src/phone/parse/root.js';
import { parseSettingsDump, parseSettingsList, settingsFrom } from '../../src/phone/parse/settings.js';
import { component, componentList, decodeText, lines, MAX_LINE } from '../../src/phone/text.js';
import {
  accessibilityNew,
  accessibilityOld,
  apkPath,
  appopsDump,
  bugreportText,
  devicePolicy,
  dumpsysAll,
  getprop,
  notificationDump,
  packageDump,
  packagesJson,
  PIXEL_PROPS,
  pmList,
  settingsDump,
  settingsList,
} from './fixtures.js';

describe('text helpers', () => {
  it('decodes UTF-16 with a BOM and drops NULs', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[ro.product.model]: [Pixel]\n', 'utf16le')]);
    expect(decodeText(utf16)).toBe('[ro.product.model]: [Pixel]\n');
    expect(decodeText(Buffer.from('a\u0000b'))).toBe('ab');
  });

  it('cuts lines to MAX_LINE', () => {
    const out = lines(`${'x'.repeat(MAX_LINE * 3)}\nshort`);
    expect(out[0]).toHaveLength(MAX_LINE);
    expect(out[1]).toBe('short');
  });

  it('reads component names in their three spellings and refuses junk', () => {
    expect(component('com.app/.Service')?.name).toBe('com.app/.Service');
    expect(component('ComponentInfo{com.app/com.app.Service}')?.package).toBe('com.app');
    expect(component('com.app')).toBeNull();
    expect(component('com.app/evil service;rm')).toBeNull();
    expect(componentList('a.b/.X:c.d/c.d.Y:garbage:')).toEqual(['a.b/.X', 'c.d/c.d.Y']);
  });
});

describe('pm list packages', () => {
  it('reads path, package, installer and uid, with "==" inside the path', () => {
    const apps = parsePmList(pmList([{ package: 'com.whatsapp', installer: 'com.android.vending', uid: 10271 }, { package: 'com.evil', installer: null, uid: 10300 }]));
    expect(apps).toEqual([
      { package: 'com.whatsapp', paths: [apkPath('com.whatsapp')], installer: 'com.android.vending', uid: 10271 },
      { package: 'com.evil', paths: [apkPath('com.evil')], installer: '', uid: 10300 },
    ]);
  });

  it('reads the older output without -U and without -i', () => {
    expect(parsePmList(pmList([{ package: 'a.b' }], { uid: false, installer: false }))).toEqual([{ package: 'a.b', paths: [apkPath('a.b')] }]);
    expect(parsePmList('package:a.b\npackage:c.d  installer=null\n').map((a) => a.package)).toEqual(['a.b', 'c.d']);
  });

  it('ignores error text and odd names', () => {
    expect(parsePmList('Error: Unknown option: -U\njava.lang.IllegalArgumentException\npackage:not a package\n')).toEqual([]);
    expect([...parsePmNames('package:a.b\npackage:/system/app/X/X.apk=c.d\n\n')]).toEqual(['a.b', 'c.d']);
  });
});

describe('androidqf packages.json', () => {
  it('reads certificates (Go field names), installer "null", system and disabled flags', () => {
    const apps = parsePackagesJson(packagesJson([{ package: 'com.x', sha1: 'AA'.repeat(20), sha256: 'BB'.repeat(32), installer: null, system: false }, { package: 'com.y', system: true, disabled: true, installer: 'com.android.vending' }]));
    expect(apps?.[0]).toMatchObject({ package: 'com.x', installer: '', system: false, disabled: false, certSha1: ['AA'.repeat(20)], certSha256: ['BB'.repeat(32)] });
    expect(apps?.[1]).toMatchObject({ package: 'com.y', system: true, disabled: true, installer: 'com.android.vending' });
    expect(apps?.[1]?.certSha1).toBeUndefined();
  });

  it('returns null for text that is not a list, and skips entries that are not packages', () => {
    expect(parsePackagesJson('{"name":"x"}')).toBeNull();
    expect(parsePackagesJson('[1, null, {"name": 5}, {"name": "ok.app", "__proto__": {"system": true}}]')).toEqual([{ package: 'ok.app' }]);
    expect(parsePackagesJson('[{"name":')).toBeNull();
  });
});

describe('dumpsys package', () => {
  it('reads uid, installer (missing = none), system flag, disabled and installed state of user 0', () => {
    const apps = parseDumpsysPackages(packageDump([{ package: 'com.sys', system: true, uid: 1000 }, { package: 'com.side', uid: 10200, disabled: true }, { package: 'com.play', installer: 'com.android.vending' }]));
    expect(apps).toEqual([
      expect.objectContaining({ package: 'com.sys', system: true, uid: 1000, installer: '', installed: true, disabled: false }),
      expect.objectContaining({ package: 'com.side', system: false, uid: 10200, installer: '', disabled: true }),
      expect.objectContaining({ package: 'com.play', installer: 'com.android.vending' }),
    ]);
  });
});

describe('getprop', () => {
  it('reads model, maker, Android version, SDK and patch', () => {
    const device = deviceFromProps(parseGetprop(getprop(PIXEL_PROPS)));
    expect(device).toEqual({ model: 'Pixel 7', manufacturer: 'Google', brand: 'google', android: '14', sdk: 34, patch: '2024-03-05' });
  });

  it('falls back to vendor properties and refuses a malformed patch date', () => {
    const device = deviceFromProps(parseGetprop(getprop({ 'ro.product.vendor.model': 'SM-A505F', 'ro.build.version.security_patch': '2024-3-5' })));
    expect(device).toEqual({ model: 'SM-A505F' });
  });

  it('finds the SYSTEM PROPERTIES section of a bug report', () => {
    expect(bugreportProps(bugreportText(PIXEL_PROPS, {}))?.get('ro.product.model')).toBe('Pixel 7');
    expect(bugreportProps('no such section')).toBeUndefined();
  });
});

describe('settings', () => {
  it('reads `cmd settings list` lines and keeps "=" inside values', () => {
    const map = parseSettingsList(settingsList({ adb_enabled: '1', enabled_accessibility_services: 'a.b/.S:c.d/.T', weird: 'x=y' }));
    expect(map.get('weird')).toBe('x=y');
    expect(settingsFrom({ global: map })).toEqual({ adbEnabled: true, adbWifiEnabled: false, developmentSettings: false });
  });

  it('reads the settings provider dump of user 0', () => {
    const maps = parseSettingsDump(settingsDump({ adb_enabled: '0', adb_wifi_enabled: '1', development_settings_enabled: '1' }, { install_non_market_apps: '1' }));
    expect(settingsFrom(maps)).toEqual({ adbEnabled: false, adbWifiEnabled: true, developmentSettings: true, unknownSources: true });
  });

  it('knows nothing about namespaces it did not read', () => {
    expect(settingsFrom({})).toEqual({});
  });
});

describe('dumpsys sections', () => {
  it('splits services, including "CRITICAL" ones, and stops at bug-report section headers', () => {
    const text = bugreportText(PIXEL_PROPS, { accessibility: accessibilityNew([]), device_policy: devicePolicy([]) });
    const sections = splitDumpsys(text);
    expect([...sections.keys()]).toEqual(['accessibility', 'device_policy']);
    expect(sections.get('device_policy')).not.toContain('DUMPSYS');
  });

  it('reads enabled accessibility services, old and new layouts', () => {
    expect(parseAccessibility(accessibilityNew(['com.a/.S', 'com.b/com.b.T']))).toEqual(['com.a/.S', 'com.b/com.b.T']);
    expect(parseAccessibility(accessibilityOld(['com.x/.Installed'], ['com.y/.Enabled']))).toEqual(['com.y/.Enabled']);
    expect(parseAccessibility(accessibilityOld(['com.x/.Installed'], []))).toEqual([]);
    expect(parseAccessibility('Can\'t find service: accessibility')).toBeUndefined();
  });

  it('reads device admins in both spellings, and the device owner', () => {
    expect(parseDevicePolicy(devicePolicy(['com.spy/.Admin', 'com.google.android.gms/.mdm.receivers.MdmDeviceAdminReceiver'], 'com.corp.mdm/.Owner'))).toEqual({
      admins: ['com.spy/.Admin', 'com.google.android.gms/.mdm.receivers.MdmDeviceAdminReceiver'],
      owner: 'com.corp.mdm',
    });
    const variant = 'Current Device Policy Manager state:\n  Enabled Device Admins (User 0, provisioningState: 0):\n    admin=ComponentInfo{com.evil.bot/.AdminReceiver}\n      Per-admin Policy:\n  Registered Package list:\n    12: com.android.chrome\n';
    expect(parseDevicePolicy(variant)).toEqual({ admins: ['com.evil.bot/.AdminReceiver'] });
    expect(parseDevicePolicy('Permission Denial')).toBeUndefined();
  });

  it('reads enabled notification listeners, not other users or other kinds of services', () => {
    expect(parseNotificationListeners(notificationDump(['com.spy/com.spy.NL', 'com.android.systemui/.Listener']))).toEqual(['com.spy/com.spy.NL', 'com.android.systemui/.Listener']);
    const allowedOnly = '    Allowed notification listeners:\n      com.a/.L:com.b/.M (user: 0 isPrimary: true)\n      com.c/.N (user: 0 isPrimary: false)\n    Has user set:\n';
    expect(parseNotificationListeners(allowedOnly)).toEqual(['com.a/.L', 'com.b/.M']);
    expect(parseNotificationListeners('    Allowed notification assistants:\n      com.a/.L (user: 0 isPrimary: true)\n')).toBeUndefined();
  });

  it('reads who may install apps, per package and per uid', () => {
    expect(parseAppopsInstall(appopsDump(['org.mozilla.firefox'], ['u0a150']))).toEqual({ packages: ['org.mozilla.firefox'], uids: [10150] });
    expect(uidFromAppops('u10a5')).toBe(1010005);
    expect(uidFromAppops('1000')).toBe(1000);
    expect(parseQueryOp('com.a\ncom.b\n')).toEqual(['com.a', 'com.b']);
    expect(parseQueryOp('No operations.\n')).toEqual([]);
    expect(parseQueryOp('Error: Unknown command')).toBeUndefined();
  });

  it('reads launcher activities from `query-activities --brief`', () => {
    const text = '2 activities found:\n  Activity #0:\n    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n    com.android.settings/.Settings\n  Activity #1:\n    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n    org.telegram.messenger/.DefaultIcon\n';
    expect([...(parseLauncherActivities(text) ?? [])]).toEqual(['com.android.settings', 'org.telegram.messenger']);
    expect(parseLauncherActivities('Error: unknown command')).toBeUndefined();
  });

  it('puts a whole dump together', () => {
    const all = dumpsysAll({ accessibility: accessibilityNew(['com.a/.S']), notification: notificationDump([]) });
    const sections = splitDumpsys(all);
    expect(parseAccessibility(sections.get('accessibility') ?? '')).toEqual(['com.a/.S']);
    expect(parseNotificationListeners(sections.get('notification') ?? '')).toEqual([]);
  });
});

describe('root signs', () => {
  it('reads androidqf root_binaries.json and `which` output', () => {
    expect(parseRootBinariesJson('["/system/bin/su\\n", "/system/xbin/busybox", "/data/local/tmp/magisk"]')).toEqual(['/system/bin/su', '/data/local/tmp/magisk']);
    expect(parseRootBinariesJson('null')).toEqual([]);
    expect(parseRootBinariesJson('{')).toBeUndefined();
    expect(binaryPaths('which: su: not found\n')).toEqual([]);
  });

  it('finds root daemons in ps output', () => {
    const ps = 'USER PID PPID VSZ RSS WCHAN ADDR S NAME\nroot 1 0 1 1 0 0 S init\nroot 812 1 1 1 0 0 S magiskd\nu0_a1 9 1 1 1 0 0 S com.su.fake\n';
    expect(rootProcesses(ps)).toEqual(['magiskd']);
    const json = JSON.stringify([{ pid: 1, filename: 'init', path: '/system/bin/init' }, { pid: 812, filename: 'magiskd', path: '/debug_ramdisk/magisk', command_line: ['magiskd'] }, 5, null]);
    expect(rootProcessesJson(json)).toEqual(['magiskd']);
    expect(rootProcessesJson('{')).toBeUndefined();
  });
});
