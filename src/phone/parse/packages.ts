// The installed apps, from three sources:
//  - `pm list packages -f -i -U -u` over adb:
//      package:/data/app/~~Ab==/com.app-Cd==/base.apk=com.app  installer=com.android.vending uid:10123
//    (-f adds "PATH=", -i "  installer=X" where X may be "null", -U " uid:N";
//    old Androids lack -U and some lack -i);
//  - androidqf's packages.json (name, files[] with certificate hashes,
//    installer, uid, disabled, system, third_party);
//  - the "Packages:" block of `dumpsys package` in a bug report.
import { isPackageName } from '../indicators.js';
import type { AndroidApp } from '../types.js';
import { indent, lines } from '../text.js';

const UID = /^uid:(\d{1,9})/;
const PATH = /^\/[A-Za-z0-9._~=+,@\-/]{1,1000}$/;

function installerValue(value: string): string {
  return value === 'null' ? '' : value;
}

/** Apps listed by `pm list packages` with any of -f, -i, -U. */
export function parsePmList(text: string): AndroidApp[] {
  const apps = new Map<string, AndroidApp>();
  for (const line of lines(text)) {
    const t = line.trim();
    if (!t.startsWith('package:')) continue;
    const tokens = t.slice(8).split(/\s+/);
    const head = tokens[0] ?? '';
    const eq = head.lastIndexOf('=');
    const name = eq >= 0 ? head.slice(eq + 1) : head;
    if (!isPackageName(name)) continue;
    const app: AndroidApp = { package: name };
    const path = eq >= 0 ? head.slice(0, eq) : '';
    if (path && PATH.test(path)) app.paths = [path];
    for (const token of tokens.slice(1)) {
      if (token.startsWith('installer=')) {
        const installer = installerValue(token.slice(10));
        if (installer === '' || isPackageName(installer)) app.installer = installer;
      } else {
        const uid = UID.exec(token);
        if (uid) app.uid = Number(uid[1]);
      }
    }
    apps.set(name, app);
  }
  return [...apps.values()];
}

/** Package names from a plain `pm list packages [-d|-s|-3]` listing. */
export function parsePmNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of lines(text)) {
    const t = line.trim();
    if (!t.startsWith('package:')) continue;
    const head = t.slice(8).split(/\s+/)[0] ?? '';
    const name = head.slice(head.lastIndexOf('=') + 1);
    if (isPackageName(name)) out.add(name);
  }
  return out;
}

const HEX40 = /^[0-9a-fA-F]{40}$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;

function obj(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function field(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export const MAX_APPS = 20_000;

/**
 * androidqf's packages.json. Returns null when the text is not that (not JSON,
 * not a list); entries that are not packages are skipped.
 */
export function parsePackagesJson(text: string): AndroidApp[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(raw)) return null;
  const apps = new Map<string, AndroidApp>();
  for (const item of raw.slice(0, MAX_APPS)) {
    const o = obj(item);
    if (!o) continue;
    const name = field(o, 'name');
    if (typeof name !== 'string' || !isPackageName(name)) continue;
    const app: AndroidApp = { package: name };
    const installer = field(o, 'installer');
    if (typeof installer === 'string' && (installer === '' || installer === 'null' || isPackageName(installer))) {
      app.installer = installerValue(installer);
    }
    const uid = field(o, 'uid');
    if (typeof uid === 'number' && Number.isInteger(uid) && uid >= 0) app.uid = uid;
    const system = field(o, 'system');
    if (typeof system === 'boolean') app.system = system;
    else if (typeof field(o, 'third_party') === 'boolean') app.system = !field(o, 'third_party');
    const disabled = field(o, 'disabled');
    if (typeof disabled === 'boolean') app.disabled = disabled;
    const files = field(o, 'files');
    if (Array.isArray(files)) {
      const sha1 = new Set<string>();
      const sha256 = new Set<string>();
      const paths: string[] = [];
      for (const f of files.slice(0, 100)) {
        const file = obj(f);
        if (!file) continue;
        const path = field(file, 'path');
        if (typeof path === 'string' && PATH.test(path)) paths.push(path);
        const cert = obj(field(file, 'certificate'));
        if (!cert) continue;
        // androidqf writes Go's field names (Sha1, Sha256); accept lower case too.
        const s1 = field(cert, 'Sha1') ?? field(cert, 'sha1');
        const s256 = field(cert, 'Sha256') ?? field(cert, 'sha256');
        if (typeof s1 === 'string' && HEX40.test(s1)) sha1.add(s1.toUpperCase());
        if (typeof s256 === 'string' && HEX64.test(s256)) sha256.add(s256.toUpperCase());
      }
      if (paths.length) app.paths = paths;
      if (sha1.size) app.certSha1 = [...sha1];
      if (sha256.size) app.certSha256 = [...sha256];
    }
    apps.set(name, app);
  }
  return [...apps.values()];
}

const PACKAGE_HEADER = /^ {2}Package \[([^\]]{1,255})\]/;

/**
 * The "Packages:" block of `dumpsys package`: name, uid, installer, system
 * flag, and user 0's installed and enabled state.
 */
export function parseDumpsysPackages(section: string): AndroidApp[] {
  const apps: AndroidApp[] = [];
  const all = lines(section);
  let i = all.findIndex((l) => l.startsWith('Packages:'));
  if (i < 0) return apps;
  let app: AndroidApp | null = null;
  let sawUser = false;
  for (i += 1; i < all.length; i++) {
    const line = all[i] ?? '';
    if (line.trim() === '' || (indent(line) === 0 && line.trim() !== '')) break;
    const header = PACKAGE_HEADER.exec(line);
    if (header) {
      const name = header[1] ?? '';
      app = isPackageName(name) ? { package: name } : null;
      if (app) apps.push(app);
      sawUser = false;
      continue;
    }
    if (!app) continue;
    const t = line.trim();
    if (t.startsWith('userId=')) {
      const uid = Number(/^userId=(\d{1,9})/.exec(t)?.[1]);
      if (Number.isInteger(uid)) app.uid = uid;
    } else if (t.startsWith('installerPackageName=')) {
      const v = installerValue(t.slice(21).trim());
      if (v === '' || isPackageName(v)) app.installer = v;
    } else if (t.startsWith('pkgFlags=[')) {
      app.system = /\bSYSTEM\b/.test(t);
    } else if (t.startsWith('codePath=')) {
      const p = t.slice(9).trim();
      if (PATH.test(p)) app.paths = [p.endsWith('.apk') ? p : `${p}/base.apk`];
    } else if (!sawUser && /^User 0:/.test(t)) {
      sawUser = true;
      const installed = /\binstalled=(true|false)\b/.exec(t)?.[1];
      if (installed) app.installed = installed === 'true';
      const enabled = Number(/\benabled=(\d)\b/.exec(t)?.[1]);
      // COMPONENT_ENABLED_STATE_: 0 default, 1 enabled, 2 disabled, 3 disabled by user, 4 until used.
      if (Number.isInteger(enabled)) app.disabled = enabled === 2 || enabled === 3 || enabled === 4;
    }
  }
  // The dump prints installerPackageName only when there is one.
  for (const a of apps) if (a.installer === undefined) a.installer = '';
  return apps;
}
