import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupRoots, evaluatePhone, findIosBackups, indicatorIndex, maskName } from '../../src/phone/index.js';
import { parseBinaryPlist, parsePlist, parseXmlPlist, PlistError } from '../../src/phone/plist.js';
import { put, tempDir } from '../checks/helpers.js';
import { bplist, concat, infoPlistXml, manifestPlist } from './fixtures.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const MAC_ROOT = ['Library', 'Application Support', 'MobileSync', 'Backup'];

describe('backup locations', () => {
  it('knows Finder, iTunes and Microsoft Store iTunes folders', () => {
    expect(backupRoots({ home: '/Users/anna', platform: 'darwin', env: {} })).toEqual(['/Users/anna/Library/Application Support/MobileSync/Backup']);
    expect(backupRoots({ home: '/h', platform: 'win32', env: { APPDATA: '/h/AppData/Roaming', USERPROFILE: '/h' } })).toEqual([
      path.join('/h/AppData/Roaming', 'Apple Computer', 'MobileSync', 'Backup'),
      path.join('/h', 'Apple', 'MobileSync', 'Backup'),
    ]);
    expect(backupRoots({ home: '/home/a', platform: 'linux', env: {} })).toEqual([]);
  });

  it('masks device names to their first letter', () => {
    expect(maskName('Anna’s iPhone')).toBe('A…');
    expect(maskName('  Юлия')).toBe('Ю…');
    expect(maskName('😀 phone')).toBe('😀…');
    expect(maskName('')).toBeUndefined();
    expect(maskName('\u202eevil')).toBeUndefined();
  });
});

describe('iPhone backups', () => {
  function backup(home: string, id: string, info: string | Uint8Array | null, manifest: Uint8Array | null): void {
    const dir = path.join(home, ...MAC_ROOT, id);
    if (info !== null) put(dir, 'Info.plist', typeof info === 'string' ? info : Buffer.from(info));
    if (manifest !== null) put(dir, 'Manifest.plist', Buffer.from(manifest));
    put(dir, 'Status.plist', 'x');
  }

  it('reports each backup with a masked name, its date and whether it is encrypted', async () => {
    const home = tempDir();
    backup(home, '00008110-000A1B2C3D4E', infoPlistXml({ name: 'Anna&apos;s iPhone', product: 'iPhone14,5', date: '2024-04-30T08:00:00Z' }), manifestPlist(false));
    backup(home, '00008110-000F9E8D7C6B', infoPlistXml({ name: 'Борис', date: '2024-01-02T10:00:00Z' }), manifestPlist(true));
    backup(home, 'broken', 'not a plist', null);
    const data = await findIosBackups({ home, platform: 'darwin', env: {} });
    expect(data.backups.map((b) => [b.deviceName, b.productType, b.date, b.encrypted])).toEqual([
      ['A…', 'iPhone14,5', '2024-04-30T08:00:00.000Z', false],
      ['Б…', undefined, '2024-01-02T10:00:00.000Z', true],
      [undefined, undefined, undefined, undefined],
    ]);
    expect(data.backups[2]?.problem).toBe('Info.plist: damaged; Manifest.plist: missing');
    // The whole name is never kept.
    expect(JSON.stringify(data)).not.toContain('Anna');

    const verdict = evaluatePhone({ ios: data }, { now: NOW, indicators: indicatorIndex() });
    expect(verdict.status).toBe('fail');
    expect(verdict.findings.map((f) => [f.message, f.severity])).toEqual([
      ['iosBackupUnencrypted', 'high'],
      ['iosBackupUnknown', 'low'],
      ['iosBackupEncrypted', 'info'],
      ['iosManual', 'info'],
      ['limits', 'info'],
    ]);
    expect(verdict.findings[0]?.data).toEqual({ device: 'A…', date: '2024-04-30' });
    expect(verdict.findings[0]?.lessons).toEqual(['is-my-phone-watched', 'border-phone-inspection']);
  });

  it('says when there are none, and is not applicable where no backup folder exists', async () => {
    const home = tempDir();
    const none = await findIosBackups({ home, platform: 'darwin', env: {} });
    expect(none.backups).toEqual([]);
    expect(evaluatePhone({ ios: none }, { now: NOW, indicators: indicatorIndex() })).toMatchObject({ status: 'pass' });
    const linux = await findIosBackups({ home, platform: 'linux', env: {} });
    expect(evaluatePhone({ ios: linux }, { now: NOW, indicators: indicatorIndex() }).status).toBe('not-applicable');
  });

  it('reads a binary Info.plist too', async () => {
    const home = tempDir();
    backup(home, 'b', bplist({ 'Device Name': 'Vera', 'Product Type': 'iPad13,1', 'Last Backup Date': new Date('2023-12-01T00:00:00Z') }), manifestPlist(true));
    const data = await findIosBackups({ home, platform: 'darwin', env: {} });
    expect(data.backups[0]).toMatchObject({ deviceName: 'V…', productType: 'iPad13,1', date: '2023-12-01T00:00:00.000Z', encrypted: true });
  });
});

describe('plist parsers', () => {
  it('parses XML: nesting, entities, data lengths, booleans', () => {
    const value = parseXmlPlist('<plist><dict><key>a&amp;b</key><array><true/><integer>42</integer><data>AAEC</data><string>&#x416;</string></array><key>__proto__</key><string>x</string></dict></plist>');
    expect(value).toEqual(
      new Map<string, unknown>([
        ['a&b', [true, 42, { dataLength: 3 }, 'Ж']],
        ['__proto__', 'x'],
      ]),
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses broken XML with a PlistError', () => {
    for (const bad of ['', '<plist><dict><key>a</key></dict></plist>', '<plist><dict><string>x</string></dict></plist>', '<plist><integer>nope</integer></plist>', '<plist><foo/></plist>', '<plist><array><string>x</array>']) {
      expect(() => parseXmlPlist(bad)).toThrow(PlistError);
    }
    expect(() => parseXmlPlist('<plist>' + '<array>'.repeat(200) + '</array>'.repeat(200) + '</plist>')).toThrow(/deeply/);
  });

  it('parses binary plists and refuses hostile ones', () => {
    const good = bplist({ IsEncrypted: true, Lockdown: { DeviceName: 'Ёж' }, n: 7 });
    expect(parsePlist(good)).toEqual(
      new Map<string, unknown>([
        ['IsEncrypted', true],
        ['Lockdown', new Map([['DeviceName', 'Ёж']])],
        ['n', 7],
      ]),
    );
    // A dictionary that contains itself.
    const cyclic = bplist({ a: [1] });
    const loop = cyclic.slice();
    const arrayAt = loop.indexOf(0xa1);
    loop[arrayAt + 1] = 0; // the array's element is now the root dictionary
    expect(() => parseBinaryPlist(loop)).toThrow(/cycle/);
    // Offsets and counts that point outside the file.
    const lying = good.slice();
    const dv = new DataView(lying.buffer);
    dv.setBigUint64(lying.length - 24, 1_000_000_000n);
    expect(() => parseBinaryPlist(lying)).toThrow(PlistError);
    expect(() => parseBinaryPlist(concat([good.subarray(0, 20)]))).toThrow(PlistError);
    expect(() => parseBinaryPlist(new TextEncoder().encode('bplist00' + 'x'.repeat(40)))).toThrow(PlistError);
  });
});
