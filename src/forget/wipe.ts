// Removes what the inventory found: each file overwritten, renamed and deleted
// (src/fsutil/shred.ts), then the folders safestep made, then the data folder
// itself when nothing else is left in it. A trace that is already gone counts
// as removed, so running it twice, or after a crash half-way, is safe.
import { removeIfEmpty, shredFile, shredTree } from '../fsutil/shred.js';
import { takeInventory, type Inventory, type Trace, type TraceKind } from './inventory.js';

export interface WipeOptions {
  /** Kinds to leave in place (the journal, the signing key, when the person says so). */
  keep: ReadonlySet<TraceKind>;
}

export interface WipeResult {
  removed: Trace[];
  kept: Trace[];
  failed: { trace: Trace; code: string }[];
  /** Files safestep did not write, still in the data folder. */
  others: string[];
  unreadable: string[];
  /** True when the data folder itself is gone. */
  folderGone: boolean;
}

export async function wipeDataFolder(dataDir: string, options: WipeOptions, inventory?: Inventory): Promise<WipeResult> {
  const found = inventory ?? (await takeInventory(dataDir));
  const result: WipeResult = { removed: [], kept: [], failed: [], others: found.others, unreadable: found.unreadable, folderGone: false };
  for (const trace of found.traces) {
    if (options.keep.has(trace.kind)) {
      result.kept.push(trace);
      continue;
    }
    try {
      await (trace.tree ? shredTree(trace.path) : shredFile(trace.path));
      result.removed.push(trace);
    } catch (err) {
      result.failed.push({ trace, code: (err as NodeJS.ErrnoException).code ?? 'error' });
    }
  }
  for (const dir of found.containers) await removeIfEmpty(dir);
  result.folderGone = await removeIfEmpty(dataDir);
  return result;
}
