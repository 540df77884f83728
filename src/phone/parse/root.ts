// Signs that a phone is rooted: su or Magisk binaries (androidqf's
// root_binaries.json, `which` over adb), root-manager apps, and root daemons in
// the process list (androidqf's processes.txt / ps.txt, `ps -A` columns).
import { lines, unique } from '../text.js';

/** Packages of well-known root managers and root-hiding tools. */
export const ROOT_PACKAGES: ReadonlySet<string> = new Set([
  'com.topjohnwu.magisk',
  'io.github.vvb2060.magisk',
  'io.github.huskydg.magisk',
  'me.weishu.kernelsu',
  'me.bmax.apatch',
  'eu.chainfire.supersu',
  'eu.chainfire.supersu.pro',
  'com.noshufou.android.su',
  'com.noshufou.android.su.elite',
  'com.koushikdutta.superuser',
  'com.thirdparty.superuser',
  'com.kingouser.com',
  'com.kingroot.kinguser',
  'me.phh.superuser',
  'com.devadvance.rootcloak',
  'de.robv.android.xposed.installer',
  'org.lsposed.manager',
]);

const ROOT_BINARY = /(?:^|\/)(su|magisk|magiskhide|magiskinit|magiskpolicy|supersu|daemonsu|ksud)$/;

/** Paths from androidqf's root_binaries.json (a JSON list of `which -a` outputs). */
export function parseRootBinariesJson(text: string): string[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (raw === null) return [];
  if (!Array.isArray(raw)) return undefined;
  const out: string[] = [];
  for (const item of raw.slice(0, 1000)) {
    if (typeof item !== 'string') continue;
    out.push(...binaryPaths(item));
  }
  return unique(out);
}

/** Absolute paths of root binaries in `which` output. */
export function binaryPaths(text: string): string[] {
  const out: string[] = [];
  for (const line of lines(text)) {
    const t = line.trim();
    if (t.startsWith('/') && t.length < 512 && ROOT_BINARY.test(t) && !/\s/.test(t)) out.push(t);
  }
  return out;
}

const ROOT_PROCESS = /^(?:magiskd|daemonsu|su|ksud)$/;

/** Root daemons in `ps` output (the NAME column, last on each line). */
export function rootProcesses(text: string): string[] {
  const out: string[] = [];
  for (const line of lines(text)) {
    const name = line.trim().split(/\s+/).pop() ?? '';
    if (ROOT_PROCESS.test(name)) out.push(name);
  }
  return unique(out);
}

/** Root daemons in androidqf's processes.json (its collector's list: filename, path, command_line…). */
export function rootProcessesJson(text: string): string[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(raw)) return undefined;
  const out: string[] = [];
  for (const item of raw.slice(0, 100_000)) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Record<string, unknown>;
    for (const key of ['filename', 'path']) {
      const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
      const name = typeof v === 'string' ? (v.split('/').pop() ?? '') : '';
      if (ROOT_PROCESS.test(name)) out.push(name);
    }
  }
  return unique(out);
}
