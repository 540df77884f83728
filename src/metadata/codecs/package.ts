// Shared by the zip-based document formats (OOXML, ODF): reading members as
// text with caps, scanning embedded pictures, zip member dates, and the plan
// a scrubber hands to the zip writer.
import { text } from './bytes.js';
import type { ScanContext } from '../context.js';
import type { RemovedId, ScrubWarning } from '../messages.js';
import { MetaError, type Source } from './source.js';
import { dosDate, isPlaceholderDate, readEntry, type ZipArchive, type ZipEntry } from './zip.js';

export const MAX_PART = 32 * 1024 * 1024;
export const MAX_EMBEDDED = 32 * 1024 * 1024;

export async function partText(src: Source, zip: ZipArchive, name: string): Promise<string | null> {
  const entry = zip.byName.get(name);
  if (!entry) return null;
  return text(await readEntry(src, entry, MAX_PART));
}

/** Reads a part; a broken or oversized part becomes null (the scan goes on) unless time or budget ran out. */
export async function tryPartText(src: Source, zip: ZipArchive, name: string): Promise<string | null> {
  try {
    return await partText(src, zip, name);
  } catch (e) {
    if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large' || e.code === 'encrypted')) throw e;
    return null;
  }
}

const IMAGE = /\.(jpe?g|png|gif|webp|tiff?|heic|heif|avif)$/i;

export function isImageName(name: string): boolean {
  return IMAGE.test(name);
}

/** Scans pictures (and nested documents) stored in the package. */
export async function scanMembers(src: Source, zip: ZipArchive, ctx: ScanContext, pick: (e: ZipEntry) => boolean): Promise<void> {
  if (!ctx.embedded) return;
  for (const e of zip.entries) {
    if (!pick(e) || e.size === 0) continue;
    if (e.size > MAX_EMBEDDED) {
      ctx.out.add('other', 'EmbeddedFile', `${e.name} (${e.size} bytes, not scanned)`);
      continue;
    }
    let data: Uint8Array;
    try {
      data = await readEntry(src, e, MAX_EMBEDDED);
    } catch (err) {
      if (err instanceof MetaError && (err.code === 'timeout' || err.code === 'too-large')) throw err;
      continue;
    }
    await ctx.scanEmbedded(data, e.name);
  }
}

/** The newest member date, as ExifTool's ZipModifyDate (skipped when it is the 1980 placeholder). */
export function zipDate(zip: ZipArchive, ctx: ScanContext): void {
  let best: ZipEntry | undefined;
  for (const e of zip.entries) {
    if (isPlaceholderDate(e)) continue;
    if (!best || e.dosDate > best.dosDate || (e.dosDate === best.dosDate && e.dosTime > best.dosTime)) best = e;
  }
  if (best) ctx.out.add('time', 'ZipModifyDate', dosDate(best));
}

/** What a document scrubber does to each member. */
export interface PackagePlan {
  remove: Set<string>;
  replace: Map<string, Uint8Array>;
  removed: RemovedId[];
  warnings: ScrubWarning[];
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePath(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  let joined = out.join('/');
  try {
    joined = decodeURIComponent(joined);
  } catch {
    // keep as is
  }
  return joined;
}
