// Every file and folder safestep writes in its data folder, recognised by name
// and place (docs/data-folder.md describes each one). `safestep forget`
// removes exactly these and nothing else: SAFESTEP_HOME may point at a folder
// that also holds the person's own files, and those are listed, never touched.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isTempName } from '../fsutil/atomic.js';

/** What a trace says about the person, in the order `forget` lists them. */
export const TRACE_KINDS = ['progress', 'plan', 'settings', 'audit', 'cache', 'workshops', 'packs', 'leftovers', 'journal', 'key'] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

/** Kinds removed only after their own confirmation: they cannot be made again. */
export const PRECIOUS: ReadonlySet<TraceKind> = new Set(['journal', 'key']);

export interface Trace {
  kind: TraceKind;
  path: string;
  /** A folder removed with everything in it (it is all safestep's). */
  tree: boolean;
  bytes: number;
}

export interface Inventory {
  traces: Trace[];
  /** Files and folders in the data folder that safestep did not write: left alone. */
  others: string[];
  /** Folders safestep made, removed at the end if they are empty. */
  containers: string[];
  /** Places that could not be read (the person is told; nothing there is assumed gone). */
  unreadable: string[];
}

const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HEX16_JSON = /^[0-9a-f]{16}\.json$/;
const ATTACHMENT = /^[0-9a-f]{32}\.enc$/;

type Rule = (name: string, isDir: boolean) => { kind: TraceKind; tree: boolean } | 'folder' | null;

/** Names in the data folder itself. Folders that are entirely safestep's are removed whole. */
const ROOT: Rule = (name, isDir) => {
  if (!isDir) {
    if (name === 'settings.json') return { kind: 'settings', tree: false };
    if (name === 'progress.json' || name.startsWith('progress.json.corrupt-')) return { kind: 'progress', tree: false };
    if (name === 'plan.json' || name === 'plan.enc') return { kind: 'plan', tree: false };
    if (name === 'audit-history.jsonl') return { kind: 'audit', tree: false };
    if (isTempName(name)) return { kind: 'leftovers', tree: false };
    return null;
  }
  if (name.startsWith('.journal-wiped-')) return { kind: 'journal', tree: true };
  if (['cache', 'workshops', 'packs', 'keys', 'journal'].includes(name)) return 'folder';
  return null;
};

/** Names inside one of safestep's folders. */
const INSIDE: ReadonlyMap<string, Rule> = new Map<string, Rule>(Object.entries({
  cache: (name, isDir) => (!isDir && (name === 'lesson-index.json' || isTempName(name)) ? { kind: 'cache', tree: false } : null),
  workshops: (name, isDir) => (!isDir && (HEX16_JSON.test(name) || isTempName(name)) ? { kind: 'workshops', tree: false } : null),
  keys: (name, isDir) => (!isDir && (name === 'pack-signing-key.json' || isTempName(name)) ? { kind: 'key', tree: false } : null),
  packs: (name, isDir) => {
    if (isDir && (PACK_ID.test(name) || /^\.(staging|old|removing)-/.test(name))) return { kind: 'packs', tree: true };
    if (!isDir && (name === 'signers.json' || name.startsWith('signers.json.damaged-') || isTempName(name))) return { kind: 'packs', tree: false };
    return null;
  },
  journal: (name, isDir) => {
    if (isDir && name === 'files') return 'folder';
    if (!isDir && (name === 'journal.enc' || name === 'journal.lock' || isTempName(name))) return { kind: 'journal', tree: false };
    return null;
  },
  'journal/files': (name, isDir) => (!isDir && (ATTACHMENT.test(name) || isTempName(name)) ? { kind: 'journal', tree: false } : null),
} satisfies Record<string, Rule>));

async function sizeOf(p: string): Promise<number> {
  const info = await lstat(p).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(p).catch(() => [] as string[])) total += await sizeOf(path.join(p, name));
  return total;
}

/** What safestep keeps in `dataDir` right now. A missing folder is an empty inventory. */
export async function takeInventory(dataDir: string): Promise<Inventory> {
  const inventory: Inventory = { traces: [], others: [], containers: [], unreadable: [] };
  const visit = async (dir: string, rule: Rule, where: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') inventory.unreadable.push(dir);
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      const info = await lstat(full).catch(() => null);
      if (!info) continue;
      const isDir = info.isDirectory();
      const verdict = rule(name, isDir);
      if (verdict === 'folder') {
        const key = where ? `${where}/${name}` : name;
        const inner = INSIDE.get(key);
        if (!inner) continue;
        await visit(full, inner, key);
        inventory.containers.push(full);
      } else if (verdict) {
        inventory.traces.push({ kind: verdict.kind, path: full, tree: verdict.tree, bytes: await sizeOf(full) });
      } else {
        inventory.others.push(full);
      }
    }
  };
  await visit(dataDir, ROOT, '');
  // Inner folders first, so each is empty by the time it is removed.
  inventory.containers.sort((a, b) => b.length - a.length);
  return inventory;
}
