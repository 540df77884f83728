// Android settings: `cmd settings list <namespace>` ("key=value" lines, what
// androidqf saves as settings_global.txt, settings_secure.txt, …), and the
// settings provider's own dump in a bug report ("_id:3 name:adb_enabled
// pkg:android value:1 default:1 …" under "GLOBAL SETTINGS (user 0)").
import type { AndroidSettings } from '../types.js';
import { lines } from '../text.js';

export type Namespace = 'global' | 'secure' | 'system';

export type SettingsMaps = Partial<Record<Namespace, Map<string, string>>>;

export function parseSettingsList(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines(text)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (/^[A-Za-z0-9_.:-]{1,200}$/.test(key)) out.set(key, line.slice(eq + 1).trim());
  }
  return out;
}

const DUMP_HEADER = /^(GLOBAL|SECURE|SYSTEM|CONFIG) SETTINGS \(user (\d+)\)/;
const DUMP_LINE = /^_id:\S* name:(\S{1,200})(?: pkg:\S*)? value:(.*?)(?: default:.*| tag:.*)?$/;

/** Settings of user 0 from the settings provider's dump (`dumpsys settings`). */
export function parseSettingsDump(section: string): SettingsMaps {
  const maps: SettingsMaps = {};
  let current: Map<string, string> | undefined;
  for (const line of lines(section)) {
    const header = DUMP_HEADER.exec(line);
    if (header) {
      const ns = header[1]?.toLowerCase();
      current = undefined;
      if ((ns === 'global' || ns === 'secure' || ns === 'system') && header[2] === '0' && !maps[ns]) {
        current = new Map();
        maps[ns] = current;
      }
      continue;
    }
    if (!current) continue;
    const m = DUMP_LINE.exec(line.trim());
    if (m && m[1]) current.set(m[1], m[2] === '{null}' ? '' : (m[2] ?? ''));
  }
  return maps;
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false' || v === '' || v === 'null') return false;
  return undefined;
}

/** The switches the check judges, from whichever namespaces were read. */
export function settingsFrom(maps: SettingsMaps): AndroidSettings {
  const global = maps.global;
  const secure = maps.secure;
  const out: AndroidSettings = {};
  const adb = flag(global?.get('adb_enabled'));
  const adbWifi = flag(global?.get('adb_wifi_enabled'));
  const dev = flag(global?.get('development_settings_enabled'));
  const unknown = flag(secure?.get('install_non_market_apps') ?? global?.get('install_non_market_apps'));
  // A namespace that was read and lacks the key means the default (off).
  if (global) {
    out.adbEnabled = adb ?? false;
    out.adbWifiEnabled = adbWifi ?? false;
    out.developmentSettings = dev ?? false;
  }
  if (unknown !== undefined) out.unknownSources = unknown;
  return out;
}
