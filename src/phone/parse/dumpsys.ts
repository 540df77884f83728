// `dumpsys` output: the whole dump (androidqf's dumpsys.txt, the DUMPSYS part
// of a bug report) split into services, and the few services the check reads.
// Formats follow AOSP's dump code; where Android versions or vendors differ
// (Samsung's older accessibility dump, device admins printed as
// "admin=ComponentInfo{…}") every known variant is accepted.
import { component, indent, lines, unique } from '../text.js';

const SERVICE = /^DUMP OF SERVICE (?:(?:CRITICAL|HIGH|NORMAL) )?([A-Za-z0-9_.@:/-]{1,128}):\s*$/;

/** Service name -> its section text (the first occurrence wins). */
export function splitDumpsys(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | null = null;
  let start = 0;
  let pos = 0;
  const close = (end: number): void => {
    if (name !== null && !out.has(name)) out.set(name, text.slice(start, end));
  };
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (text.startsWith('DUMP OF SERVICE ', pos) || (name !== null && text.startsWith('------ ', pos))) {
      const m = SERVICE.exec(text.slice(pos, Math.min(end, pos + 256)).replace(/\r$/, ''));
      close(pos);
      name = m ? (m[1] ?? null) : null;
      start = end + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  close(text.length);
  return out;
}

/**
 * Enabled accessibility services as components, or undefined when the text is
 * not an accessibility dump at all.
 */
export function parseAccessibility(section: string): string[] | undefined {
  const all = lines(section);
  const found: string[] = [];
  let recognised = /ACCESSIBILITY MANAGER/.test(section);
  for (let i = 0; i < all.length; i++) {
    const t = (all[i] ?? '').trim();
    // Android 10 and later: "Enabled services:{{pkg/cls}, {pkg/cls}}"
    if (t.startsWith('Enabled services:')) {
      recognised = true;
      for (const m of t.matchAll(/\{([^{}]{1,600})\}/g)) {
        const c = component(m[1] ?? '');
        if (c) found.push(c.name);
      }
      continue;
    }
    // Older and vendor dumps: "enabled services: {" then "0 : pkg/cls" lines until "}".
    if (/^enabled services:\s*\{/i.test(t)) {
      recognised = true;
      for (i += 1; i < all.length; i++) {
        const inner = (all[i] ?? '').trim();
        if (inner.startsWith('}')) break;
        const c = component(inner.replace(/^\d+\s*:\s*/, ''));
        if (c) found.push(c.name);
      }
    }
  }
  return recognised ? unique(found) : undefined;
}

export interface DevicePolicy {
  admins: string[];
  owner?: string;
}

/** Active device administrators and the device owner from `dumpsys device_policy`. */
export function parseDevicePolicy(section: string): DevicePolicy | undefined {
  if (!/Device Policy Manager|Enabled Device Admins/.test(section)) return undefined;
  const all = lines(section);
  const admins: string[] = [];
  let owner: string | undefined;
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    const t = line.trim();
    if (t.startsWith('Device Owner')) {
      for (let j = i + 1; j < all.length && j < i + 12; j++) {
        const inner = (all[j] ?? '').trim();
        const m = /^(?:admin=|package=)(.*)$/.exec(inner);
        if (!m) continue;
        const value = m[1] ?? '';
        const c = component(value);
        owner = c ? c.name.split('/')[0] : /^[A-Za-z][\w.]+$/.test(value) ? value : owner;
        if (owner) break;
      }
      continue;
    }
    if (!t.startsWith('Enabled Device Admins')) continue;
    const base = indent(line);
    for (i += 1; i < all.length; i++) {
      const inner = all[i] ?? '';
      const it = inner.trim();
      if (it === '' || indent(inner) <= base) {
        i--;
        break;
      }
      // "pkg/.Receiver:" one level in (AOSP), or "admin=ComponentInfo{pkg/cls}" (some builds).
      const m = /^(?:admin=)?(.+?):?$/.exec(it);
      const c = m ? component(m[1] ?? '') : null;
      if (c && (it.endsWith(':') || it.startsWith('admin='))) admins.push(c.name);
    }
  }
  const result: DevicePolicy = { admins: unique(admins) };
  if (owner) result.owner = owner;
  return result;
}

/**
 * Enabled notification listeners from `dumpsys notification`: the "All
 * notification listeners (N) enabled for current profiles" block, else the
 * primary "Allowed notification listeners" lines.
 */
export function parseNotificationListeners(section: string): string[] | undefined {
  const all = lines(section);
  const enabled: string[] = [];
  const allowed: string[] = [];
  let recognised = false;
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    const t = line.trim();
    const inBlock = (collect: (text: string) => void): void => {
      const base = indent(line);
      for (i += 1; i < all.length; i++) {
        const inner = all[i] ?? '';
        if (inner.trim() === '' || indent(inner) <= base) {
          i--;
          return;
        }
        collect(inner.trim());
      }
    };
    if (/^All notification listeners \(\d+\) enabled for current profiles:/.test(t)) {
      recognised = true;
      inBlock((s) => {
        const c = component(s);
        if (c) enabled.push(c.name);
      });
    } else if (t === 'Allowed notification listeners:') {
      recognised = true;
      inBlock((s) => {
        const m = /^(.*?)\s*\(user: (\d+) isPrimary: (true|false)/.exec(s);
        if (!m || m[2] !== '0' || m[3] !== 'true') return;
        for (const part of (m[1] ?? '').split(':')) {
          const c = component(part);
          if (c) allowed.push(c.name);
        }
      });
    }
  }
  if (!recognised) return undefined;
  return unique(enabled.length > 0 ? enabled : allowed);
}

/** "u0a104" -> 10104; "1000" -> 1000. */
export function uidFromAppops(text: string): number | undefined {
  const m = /^u(\d{1,4})a(\d{1,6})$/.exec(text);
  if (m) return Number(m[1]) * 100000 + 10000 + Number(m[2]);
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export interface InstallGrants {
  packages: string[];
  uids: number[];
}

/**
 * Who may install other apps: REQUEST_INSTALL_PACKAGES set to allow, per
 * package ("REQUEST_INSTALL_PACKAGES (allow):") or per uid
 * ("REQUEST_INSTALL_PACKAGES: mode=allow"), from `dumpsys appops`.
 */
export function parseAppopsInstall(section: string): InstallGrants | undefined {
  if (!/AppOps Service state/.test(section)) return undefined;
  const packages: string[] = [];
  const uids: number[] = [];
  let uid: number | undefined;
  let pkg: string | undefined;
  for (const line of lines(section)) {
    const uidLine = /^ {2}Uid ([^\s:]{1,16}):/.exec(line);
    if (uidLine) {
      uid = uidFromAppops(uidLine[1] ?? '');
      pkg = undefined;
      continue;
    }
    const pkgLine = /^ {4}Package ([A-Za-z0-9_.]{1,255}):/.exec(line);
    if (pkgLine) {
      pkg = pkgLine[1];
      continue;
    }
    const t = line.trim();
    if (!t.startsWith('REQUEST_INSTALL_PACKAGES')) continue;
    if (pkg && /^REQUEST_INSTALL_PACKAGES \(allow\)/.test(t)) packages.push(pkg);
    else if (!pkg && uid !== undefined && /^REQUEST_INSTALL_PACKAGES: mode=allow\b/.test(t)) uids.push(uid);
  }
  return { packages: unique(packages), uids: unique(uids) };
}

/** Packages named in `appops query-op REQUEST_INSTALL_PACKAGES allow` output. */
export function parseQueryOp(text: string): string[] | undefined {
  const out: string[] = [];
  for (const line of lines(text)) {
    const t = line.trim();
    if (t === '' || t === 'No operations.') continue;
    if (/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/.test(t)) out.push(t);
    else return undefined; // an error message, not a listing
  }
  return unique(out);
}

/** Packages with a launcher activity, from `cmd package query-activities --brief`. */
export function parseLauncherActivities(text: string): Set<string> | undefined {
  if (!/activities found|No activities found/.test(text)) return undefined;
  const out = new Set<string>();
  for (const line of lines(text)) {
    const c = component(line);
    if (c) out.add(c.name.split('/')[0] ?? '');
  }
  return out;
}
