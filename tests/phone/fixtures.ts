// Phone fixtures built in code, modelled on the formats AOSP prints and
// androidqf saves (as read in their public sources and in MVT's test
// artifacts): `pm list packages`, packages.json, getprop, settings lists, the
// dumpsys services the check reads, bug-report zips, APKs with v1/v2/v3
// signatures, and iPhone backup plists (XML and binary).
import { strToU8, zipSync } from 'fflate';
import forge from 'node-forge';
import { makeCert, type TestCert } from '../checks/cert-helpers.js';

export interface FakeApp {
  package: string;
  installer?: string | null;
  uid?: number;
  system?: boolean;
  disabled?: boolean;
  path?: string;
  sha1?: string;
  sha256?: string;
}

export function apkPath(pkg: string): string {
  return `/data/app/~~q7Yd3aZ0Rk==/${pkg}-xW2vB9Lm==/base.apk`;
}

/** `pm list packages -f -i -U -u`. */
export function pmList(apps: readonly FakeApp[], options: { uid?: boolean; installer?: boolean } = {}): string {
  return apps
    .map((a) => {
      let line = `package:${a.path ?? apkPath(a.package)}=${a.package}`;
      if (options.installer !== false) line += `  installer=${a.installer ?? 'null'}`;
      if (options.uid !== false) line += ` uid:${a.uid ?? 10100}`;
      return line;
    })
    .join('\n')
    .concat('\n');
}

export function pmNames(names: readonly string[]): string {
  return names.map((n) => `package:${n}`).join('\n') + '\n';
}

/** androidqf's packages.json (Go field names, as androidqf writes them). */
export function packagesJson(apps: readonly FakeApp[]): string {
  return JSON.stringify(
    apps.map((a) => ({
      name: a.package,
      files: [
        {
          path: a.path ?? apkPath(a.package),
          local_name: '',
          md5: '',
          sha1: '',
          sha256: '',
          sha512: '',
          error: '',
          verified_certificate: Boolean(a.sha1),
          certificate: a.sha1
            ? { Md5: '00'.repeat(16), Sha1: a.sha1.toLowerCase(), Sha256: (a.sha256 ?? 'ab'.repeat(32)).toLowerCase(), Issuer: 'CN=Test', Subject: 'CN=Test' }
            : { Md5: '', Sha1: '', Sha256: '' },
          certificate_error: '',
          trusted_certificate: false,
        },
      ],
      installer: a.installer === undefined || a.installer === null ? 'null' : a.installer,
      uid: a.uid ?? 10100,
      disabled: a.disabled ?? false,
      system: a.system ?? false,
      third_party: !(a.system ?? false),
    })),
    null,
    4,
  );
}

export function getprop(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `[${k}]: [${v}]`)
    .join('\n')
    .concat('\n');
}

export const PIXEL_PROPS = {
  'dalvik.vm.heapsize': '512m',
  'ro.build.version.release': '14',
  'ro.build.version.sdk': '34',
  'ro.build.version.security_patch': '2024-03-05',
  'ro.product.manufacturer': 'Google',
  'ro.product.model': 'Pixel 7',
  'ro.product.brand': 'google',
};

export function settingsList(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')
    .concat('\n');
}

/** `dumpsys accessibility` from Android 14 ("Enabled services:{{…}}"). */
export function accessibilityNew(components: readonly string[]): string {
  return [
    'ACCESSIBILITY MANAGER (dumpsys accessibility)',
    '',
    'currentUserId=0',
    'User state[',
    '     attributes:{id=0, touchExplorationEnabled=false, installedServiceCount=2}',
    '     Bound services:{}',
    `     Enabled services:{${components.map((c) => `{${c}}`).join(', ')}}`,
    '     Binding services:{}',
    '     Crashed services:{}',
    ']',
    '',
  ].join('\n');
}

/** The older (and Samsung) layout: "enabled services: {" and numbered lines. */
export function accessibilityOld(installed: readonly string[], enabled: readonly string[]): string {
  return [
    'ACCESSIBILITY MANAGER (dumpsys accessibility)',
    '',
    'User state[attributes:{id=0, currentUser=true',
    '  mIsTouchExplorationEnabled = false',
    '  }',
    '  installed services: {',
    ...installed.map((c, i) => `    ${i} : ${c}`),
    '  }',
    '  enabled services: {',
    ...enabled.map((c, i) => `    ${i} : ${c}`),
    '  }',
    '  binding services: {',
    '  }',
    ']',
    '',
  ].join('\n');
}

/** `dumpsys device_policy` as AOSP prints it (admins as "pkg/.Receiver:"). */
export function devicePolicy(admins: readonly string[], owner?: string): string {
  const out = ['Current Device Policy Manager state:', '  Immutable state:', '    mHasFeature=true'];
  if (owner) out.push('  Device Owner: ', `    admin=ComponentInfo{${owner}}`, '    name=', `    package=${owner.split('/')[0]}`);
  out.push('', '  Enabled Device Admins (User 0, provisioningState: 3):');
  for (const a of admins) out.push(`    ${a}:`, '      uid=10123', '      testOnlyAdmin=false', '      policies:', '        wipe-data', '        force-lock');
  out.push('', '    mPasswordOwner=-1', '    mUserSetupComplete=true', '');
  return out.join('\n');
}

/** The notification listeners part of `dumpsys notification`. */
export function notificationDump(listeners: readonly string[]): string {
  return [
    'Current Notification Manager state:',
    '  Notification listeners:',
    '    Allowed notification listeners:',
    `      ${listeners.join(':')} (user: 0 isPrimary: true)`,
    '      com.other.app/com.other.Listener (user: 10 isPrimary: true)',
    '    Has user set:',
    `    All notification listeners (${listeners.length}) enabled for current profiles:`,
    ...listeners.map((l) => `      ComponentInfo{${l}}`),
    `    Live notification listeners (${listeners.length}):`,
    '',
  ].join('\n');
}

/** `dumpsys appops` with REQUEST_INSTALL_PACKAGES per package and per uid. */
export function appopsDump(packageGrants: readonly string[], uidGrants: readonly string[] = []): string {
  const out = ['Current AppOps Service state:', '  Settings:', '    top_state_settle_time=+30s0ms', ''];
  let n = 200;
  for (const p of packageGrants) out.push(`  Uid u0a${n++}:`, '    state=cch', `    Package ${p}:`, '      REQUEST_INSTALL_PACKAGES (allow):', '      WAKE_LOCK (allow):');
  for (const u of uidGrants) out.push(`  Uid ${u}:`, '    state=cch', '      REQUEST_INSTALL_PACKAGES: mode=allow', '    Package some.other:', '      WAKE_LOCK (allow):');
  out.push('  Uid u0a999:', '    Package org.denied.app:', '      REQUEST_INSTALL_PACKAGES (deny):', '');
  return out.join('\n');
}

/** The "Packages:" block of `dumpsys package`. */
export function packageDump(apps: readonly FakeApp[]): string {
  const out = ['Database versions:', '  Internal:', '    sdkVersion=34 databaseVersion=3', '', 'Packages:'];
  for (const a of apps) {
    out.push(`  Package [${a.package}] (1a2b3c):`, `    userId=${a.uid ?? 10100}`, `    codePath=${(a.path ?? apkPath(a.package)).replace(/\/base\.apk$/, '')}`);
    if (a.installer) out.push(`    installerPackageName=${a.installer}`);
    out.push(`    pkgFlags=[ ${a.system ? 'SYSTEM ' : ''}HAS_CODE ALLOW_CLEAR_USER_DATA ]`);
    out.push(`    User 0: ceDataInode=1234 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=${a.disabled ? 3 : 0} instant=false virtual=false`);
  }
  out.push('', 'Shared users:', '');
  return out.join('\n');
}

/** Settings provider dump, as in a bug report. */
export function settingsDump(global: Record<string, string>, secure: Record<string, string>): string {
  const line = (k: string, v: string, i: number): string => `_id:${i} name:${k} pkg:android value:${v} default:${v} defaultSystemSet:true`;
  return [
    'CONFIG SETTINGS (user 0)',
    'version: 1',
    'GLOBAL SETTINGS (user 0)',
    'version: 205',
    ...Object.entries(global).map(([k, v], i) => line(k, v, i + 1)),
    '',
    'SECURE SETTINGS (user 0)',
    'version: 205',
    ...Object.entries(secure).map(([k, v], i) => line(k, v, i + 100)),
    '',
    'SYSTEM SETTINGS (user 0)',
    'version: 205',
    '',
  ].join('\n');
}

export function dumpsysAll(services: Record<string, string>, critical: readonly string[] = []): string {
  const out: string[] = [];
  for (const [name, body] of Object.entries(services)) {
    out.push('-------------------------------------------------------------------------------');
    out.push(`DUMP OF SERVICE ${critical.includes(name) ? 'CRITICAL ' : ''}${name}:`);
    out.push(body);
    out.push(`--------- 0.012s was the duration of dumpsys ${name}, ending at: 2024-05-01 10:00:00`);
  }
  return out.join('\n') + '\n';
}

/** A bug report's main text: header, system properties, processes, dumpsys. */
export function bugreportText(props: Record<string, string>, services: Record<string, string>, processes = ''): string {
  return [
    '========================================================',
    '== dumpstate: 2024-05-01 10:00:00',
    '========================================================',
    '',
    'Build: UQ1A.240205.004',
    '------ SYSTEM PROPERTIES (getprop) ------',
    getprop(props).trimEnd(),
    '------ 0.05s was the duration of \'SYSTEM PROPERTIES\' ------',
    '------ PROCESSES AND THREADS (ps -A -T -Z) ------',
    'LABEL USER PID TID PPID VSZ RSS WCHAN ADDR S CMD',
    processes,
    '------ DUMPSYS CRITICAL (/system/bin/dumpsys) ------',
    dumpsysAll(services, ['accessibility']),
    '------ 2.1s was the duration of \'DUMPSYS\' ------',
  ].join('\n');
}

export function bugreportZip(text: string, name = 'bugreport-panther-UQ1A.240205.004-2024-05-01-10-00-00.txt'): Uint8Array {
  return zipSync({ 'main_entry.txt': strToU8(name), [name]: strToU8(text), 'version.txt': strToU8('2.0'), 'FS/data/misc/x': strToU8('x') });
}

// ---------------------------------------------------------------------------
// APKs

const u32le = (n: number): Uint8Array => Uint8Array.of(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
const u64le = (n: number): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
  return b;
};
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
const lp = (b: Uint8Array): Uint8Array => concat([u32le(b.length), b]);

let cachedCerts: TestCert[] = [];
/** Self-signed signing certificates, made once per test file. */
export function signingCert(i = 0): TestCert {
  while (cachedCerts.length <= i) cachedCerts.push(makeCert({ CN: `Test Signer ${cachedCerts.length}`, O: 'Example' }));
  return cachedCerts[i] as TestCert;
}
export function resetCerts(): void {
  cachedCerts = [];
}

/** v1: META-INF/CERT.RSA, a detached PKCS#7 SignedData over CERT.SF. */
export function v1Signature(cert: TestCert): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer('Signature-Version: 1.0\r\n');
  const fcert = forge.pki.certificateFromPem(cert.pem);
  p7.addCertificate(fcert);
  p7.addSigner({ key: cert.key, certificate: fcert, digestAlgorithm: forge.pki.oids.sha256 as string, authenticatedAttributes: [] });
  p7.sign({ detached: true });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
}

/** A v2 or v3 scheme value with one signer carrying `der`. */
export function schemeValue(der: Uint8Array, v3: boolean): Uint8Array {
  const digests = lp(lp(concat([u32le(0x0103), lp(new Uint8Array(32))])));
  const certs = lp(lp(der));
  const signedData = v3 ? concat([digests, certs, u32le(24), u32le(0x7fffffff), lp(new Uint8Array(0))]) : concat([digests, certs, lp(new Uint8Array(0))]);
  const signer = concat([lp(signedData), ...(v3 ? [u32le(24), u32le(0x7fffffff)] : []), lp(lp(concat([u32le(0x0103), lp(new Uint8Array(64))]))), lp(new Uint8Array(16))]);
  return lp(lp(signer));
}

export function signingBlock(pairs: readonly { id: number; value: Uint8Array }[]): Uint8Array {
  const body = concat(pairs.map((p) => concat([u64le(p.value.length + 4), u32le(p.id), p.value])));
  const size = body.length + 8 + 16;
  return concat([u64le(size), body, u64le(size), strToU8('APK Sig Block 42')]);
}

/** An APK: a zip with a manifest, optional v1 signature, optional signing block before the central directory. */
export function buildApk(options: { v1?: TestCert; v2?: TestCert; v3?: TestCert; block?: Uint8Array; extra?: Record<string, Uint8Array> }): Uint8Array {
  const files: Record<string, Uint8Array> = { 'AndroidManifest.xml': strToU8('<manifest/>'), 'classes.dex': new Uint8Array(2048).fill(7), ...(options.extra ?? {}) };
  if (options.v1) {
    files['META-INF/MANIFEST.MF'] = strToU8('Manifest-Version: 1.0\r\n');
    files['META-INF/CERT.SF'] = strToU8('Signature-Version: 1.0\r\n');
    files['META-INF/CERT.RSA'] = v1Signature(options.v1);
  }
  const zip = zipSync(files, { level: 6 });
  const pairs: { id: number; value: Uint8Array }[] = [];
  if (options.v2) pairs.push({ id: 0x7109871a, value: schemeValue(options.v2.der, false) });
  if (options.v3) pairs.push({ id: 0xf05368c0, value: schemeValue(options.v3.der, true) });
  const block = options.block ?? (pairs.length ? signingBlock(pairs) : undefined);
  if (!block) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const cdOffset = view.getUint32(eocd + 16, true);
  const out = concat([zip.subarray(0, cdOffset), block, zip.subarray(cdOffset)]);
  new DataView(out.buffer).setUint32(out.length - 22 + 16, cdOffset + block.length, true);
  return out;
}

// ---------------------------------------------------------------------------
// iPhone backups

export function infoPlistXml(fields: { name?: string; product?: string; date?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Build Version</key>
	<string>21E236</string>
${fields.name !== undefined ? `\t<key>Device Name</key>\n\t<string>${fields.name}</string>\n` : ''}	<key>iTunes Files</key>
	<dict>
		<key>IC-Info.sidv</key>
		<data>
		AAECAwQFBgc=
		</data>
	</dict>
${fields.date ? `\t<key>Last Backup Date</key>\n\t<date>${fields.date}</date>\n` : ''}${fields.product ? `\t<key>Product Type</key>\n\t<string>${fields.product}</string>\n` : ''}	<key>Installed Applications</key>
	<array>
		<string>ph.telegra.Telegraph</string>
	</array>
</dict>
</plist>
`;
}

type BValue = boolean | number | string | Date | BValue[] | { [k: string]: BValue };

/** A minimal binary plist writer (1-byte refs and offsets where they fit), for fixtures. */
export function bplist(root: BValue): Uint8Array {
  const objects: Uint8Array[] = [];
  const add = (v: BValue): number => {
    const index = objects.length;
    objects.push(new Uint8Array(0));
    const marker = (type: number, len: number): Uint8Array => (len < 15 ? Uint8Array.of((type << 4) | len) : Uint8Array.of((type << 4) | 15, 0x11, (len >> 8) & 255, len & 255));
    let bytes: Uint8Array;
    if (typeof v === 'boolean') bytes = Uint8Array.of(v ? 0x09 : 0x08);
    else if (typeof v === 'number') bytes = Uint8Array.of(0x12, (v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
    else if (typeof v === 'string') {
      const ascii = /^[\x00-\x7f]*$/.test(v);
      if (ascii) bytes = concat([marker(5, v.length), strToU8(v)]);
      else {
        const u = new Uint8Array(v.length * 2);
        for (let i = 0; i < v.length; i++) {
          u[2 * i] = v.charCodeAt(i) >> 8;
          u[2 * i + 1] = v.charCodeAt(i) & 255;
        }
        bytes = concat([marker(6, v.length), u]);
      }
    } else if (v instanceof Date) {
      const b = new Uint8Array(9);
      b[0] = 0x33;
      new DataView(b.buffer).setFloat64(1, (v.getTime() - Date.UTC(2001, 0, 1)) / 1000);
      bytes = b;
    } else if (Array.isArray(v)) {
      const refs = v.map(add);
      bytes = concat([marker(0xa, refs.length), Uint8Array.from(refs)]);
    } else {
      const keys = Object.keys(v);
      const kr = keys.map((k) => add(k));
      const vr = keys.map((k) => add(v[k] as BValue));
      bytes = concat([marker(0xd, keys.length), Uint8Array.from(kr), Uint8Array.from(vr)]);
    }
    objects[index] = bytes;
    return index;
  };
  add(root);
  if (objects.length > 255) throw new Error('fixture writer: too many objects');
  const header = strToU8('bplist00');
  const offsets: number[] = [];
  let pos = header.length;
  for (const o of objects) {
    offsets.push(pos);
    pos += o.length;
  }
  if (pos > 65535) throw new Error('fixture writer: too large');
  const table = concat(offsets.map((o) => Uint8Array.of((o >> 8) & 255, o & 255)));
  const trailer = new Uint8Array(32);
  trailer[6] = 2;
  trailer[7] = 1;
  const dv = new DataView(trailer.buffer);
  dv.setBigUint64(8, BigInt(objects.length));
  dv.setBigUint64(16, 0n);
  dv.setBigUint64(24, BigInt(pos));
  return concat([header, ...objects, table, trailer]);
}

export function manifestPlist(encrypted: boolean): Uint8Array {
  return bplist({
    BackupKeyBag: 'x',
    Version: '10.0',
    Date: new Date('2024-04-30T08:00:00Z'),
    SystemDomainsVersion: '24.0',
    WasPasscodeSet: true,
    Lockdown: { DeviceName: 'Anna’s iPhone', ProductType: 'iPhone14,5' },
    IsEncrypted: encrypted,
  });
}
