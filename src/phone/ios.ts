// iPhone and iPad backups made by Finder or iTunes on this computer. An
// unencrypted backup holds the phone's messages, photos and app data in plain
// files, so a laptop searched at a border hands them over. We read only two
// small files per backup: Info.plist (device name, product type, date) and
// Manifest.plist (IsEncrypted). The device name is masked at once and never
// kept whole.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readCapped, TooLarge } from './files.js';
import { isDict, parsePlist, type PlistDict, type PlistValue } from './plist.js';
import type { IosBackup, IosData } from './types.js';

export interface IosLocations {
  home: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

/** Where Finder (macOS), iTunes and the Microsoft Store iTunes (Windows) keep backups. */
export function backupRoots(loc: IosLocations): string[] {
  if (loc.platform === 'darwin') return [path.join(loc.home, 'Library', 'Application Support', 'MobileSync', 'Backup')];
  if (loc.platform === 'win32') {
    const appData = loc.env.APPDATA ?? path.join(loc.home, 'AppData', 'Roaming');
    const profile = loc.env.USERPROFILE ?? loc.home;
    return [path.join(appData, 'Apple Computer', 'MobileSync', 'Backup'), path.join(profile, 'Apple', 'MobileSync', 'Backup')];
  }
  return [];
}

/** "Anna's iPhone" -> "A…". */
export function maskName(name: string): string | undefined {
  const first = Array.from(name.trim())[0];
  if (!first || /[\p{C}]/u.test(first)) return undefined;
  return `${first}…`;
}

const MAX_PLIST = 64 * 1024 * 1024;
const MAX_BACKUPS = 200;

function str(dict: PlistDict, key: string): string | undefined {
  const v = dict.get(key);
  return typeof v === 'string' ? v : undefined;
}

async function readPlist(file: string): Promise<PlistValue> {
  return parsePlist(await readCapped(file, MAX_PLIST));
}

function problemOf(e: unknown): string {
  if (e instanceof TooLarge) return 'too large';
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'missing';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission';
  return 'unreadable';
}

export async function readBackup(dir: string): Promise<IosBackup> {
  const backup: IosBackup = { path: dir };
  const problems: string[] = [];
  try {
    const info = await readPlist(path.join(dir, 'Info.plist'));
    if (isDict(info)) {
      const name = str(info, 'Device Name') ?? str(info, 'Display Name');
      const masked = name === undefined ? undefined : maskName(name);
      if (masked) backup.deviceName = masked;
      const product = str(info, 'Product Type');
      if (product && /^[A-Za-z0-9,]{1,32}$/.test(product)) backup.productType = product;
      const date = info.get('Last Backup Date');
      if (date instanceof Date) backup.date = date.toISOString();
    } else problems.push('Info.plist: not a dictionary');
  } catch (e) {
    problems.push(`Info.plist: ${e instanceof Error && e.name === 'PlistError' ? 'damaged' : problemOf(e)}`);
  }
  try {
    const manifest = await readPlist(path.join(dir, 'Manifest.plist'));
    const encrypted = isDict(manifest) ? manifest.get('IsEncrypted') : undefined;
    if (typeof encrypted === 'boolean') backup.encrypted = encrypted;
    else problems.push('Manifest.plist: no IsEncrypted');
  } catch (e) {
    problems.push(`Manifest.plist: ${e instanceof Error && e.name === 'PlistError' ? 'damaged' : problemOf(e)}`);
  }
  if (problems.length) backup.problem = problems.join('; ');
  return backup;
}

/** Every backup folder under the usual places (and any extra roots). */
export async function findIosBackups(loc: IosLocations, extraRoots: readonly string[] = []): Promise<IosData> {
  const searched = [...backupRoots(loc), ...extraRoots];
  const backups: IosBackup[] = [];
  for (const root of searched) {
    let entries;
    try {
      entries = await readdir(root, { withFileTypes: true });
    } catch {
      continue;
    }
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    for (const name of dirs) {
      if (backups.length >= MAX_BACKUPS) break;
      backups.push(await readBackup(path.join(root, name)));
    }
  }
  return { kind: 'ios-backups', searched, backups };
}
