// The metadata scrubber: writes a cleaned copy of a file without touching the
// original, losslessly (no re-encoding of pictures or video, no re-rendering
// of documents), then scans the copy again before calling it clean. Format
// modules (formats/index.ts) do the cleaning through a ScrubIo; nothing here
// knows a format.
//
// Safety rules, in order:
// - the original is only ever opened for reading until the copy is verified;
// - the copy is written to a temporary file next to its destination and only
//   put into place when complete and verified;
// - an existing file is never replaced without `force`, and never by another
//   output of the same run (that one gets its own name);
// - "cleaned" means: the re-scan by the same readers is complete and finds
//   nothing of medium or high risk, AND the format is one whose every metadata
//   container we parse. Anything less is reported as unverified, with why;
// - `inPlace` replaces the original only when cleaned. A symbolic link is
//   followed to the file it points to; a file with several hard links is
//   rewritten in its own inode so every name shows the cleaned file.
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { chmod, copyFile, link, open, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Patch } from './codecs/boxes.js';
import type { PackagePlan } from './codecs/package.js';
import { Budget, FileSource, MetaError, type Source } from './codecs/source.js';
import { rawData, ZipWriter, type ZipArchive } from './codecs/zip.js';
import { detect, pictureModule } from './formats/index.js';
import type { Detected, ImageScrub, ScrubIo } from './formats/types.js';
import type { Alternative, FormatUnverified, RemovedId, ScrubStatus, ScrubWarning } from './messages.js';
import { fsErrorResult, scanFile } from './scan.js';
import { isRisky, type Format, type MetaFinding, type Reason, type ScanLimits } from './types.js';

export interface ScrubOptions {
  /** Folder for the cleaned copy; default: beside the original. */
  out?: string;
  /** Replace the original (atomically, only after the copy verifies clean). */
  inPlace?: boolean;
  /** Replace an existing output file (never one written by this run). */
  force?: boolean;
  /** Budgets for reading; defaults are generous (1 GiB, 2 minutes). */
  limits?: ScanLimits;
  /** Output paths written earlier in the same run; scrubFile adds its own. */
  taken?: Set<string>;
}

/** Why a copy that was written could not be called clean. */
export type Unverified = 'incomplete' | 'rescan' | 'embedded' | FormatUnverified;

export interface ScrubResult {
  path: string;
  /** The cleaned file (the original's path, or the link's target, when in place), or null when nothing was written. */
  output: string | null;
  format: Format | null;
  status: ScrubStatus;
  removed: RemovedId[];
  warnings: ScrubWarning[];
  /** What a scan of the cleaned copy still finds (any severity). */
  remaining: MetaFinding[];
  /** Why the copy is not called clean although it was written. */
  unverified: Unverified[];
  /** The output got a name of its own because another output of this run had taken the usual one. */
  renamed?: boolean;
  /** In place through a symbolic link: the file that was cleaned. */
  target?: string;
  /** In place on a file with several names: how many. */
  links?: number;
  /** Why the file could not be read. */
  reason?: Reason;
  /** What to do instead when this type cannot be cleaned. */
  alternative?: Alternative;
  /** Technical detail when status is failed (English). */
  error: string | null;
}

/** `photo.jpg` -> `photo.cleaned.jpg`; with n > 1, `photo.cleaned-2.jpg`. */
export function cleanedName(path: string, n = 1): string {
  const name = basename(path);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  return `${stem}.cleaned${n > 1 ? `-${n}` : ''}${ext}`;
}

const SCRUB_MAX_BYTES = 1024 * 1024 * 1024;
const SCRUB_TIMEOUT = 120_000;
const IN_MEMORY_MAX = 1024 * 1024 * 1024;

async function writeAll(fh: FileHandle, data: Uint8Array, at = 0): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, at + done);
    done += bytesWritten;
  }
}

async function applyPatches(fh: FileHandle, patches: readonly Patch[]): Promise<void> {
  const zeros = new Uint8Array(1024 * 1024);
  for (const p of patches) {
    if (p.bytes) await writeAll(fh, p.bytes, p.offset);
    if (p.zero) {
      const fill = p.fill ? new Uint8Array(zeros.length).fill(p.fill) : zeros;
      for (let done = 0; done < p.zero; done += fill.length) {
        await writeAll(fh, fill.subarray(0, Math.min(fill.length, p.zero - done)), p.offset + done);
      }
    }
  }
}

/** Cleans a picture held in memory (pictures inside documents and PDFs). null: leave as is. */
export async function scrubImageBytes(data: Uint8Array, budget: Budget): Promise<ImageScrub | null> {
  const module = pictureModule(data.subarray(0, 64));
  if (!module?.scrubBytes) return null;
  try {
    return await module.scrubBytes(data, budget);
  } catch (e) {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    return null;
  }
}

async function withSource<T>(path: string, budget: Budget, fn: (src: Source) => Promise<T>): Promise<T> {
  const fh = await open(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    return await fn(new FileSource(fh, st.size, budget));
  } finally {
    await fh.close().catch(() => undefined);
  }
}

async function writePackage(src: Source, zip: ZipArchive, plan: PackagePlan, out: FileHandle): Promise<void> {
  const w = new ZipWriter(out);
  for (const e of zip.entries) {
    if (plan.remove.has(e.name)) continue;
    if (e.flags & 1) throw new MetaError('encrypted', `${e.name} is encrypted`);
    const replacement = plan.replace.get(e.name);
    if (replacement) await w.add(e.name, replacement, e.method === 0 && e.name === 'mimetype');
    else await w.copy(e, await rawData(src, e));
  }
  await w.finish();
}

/** Replaces the whole content of an existing file in place (its inode, and so every name it has, stays). */
async function overwrite(file: string, data: Uint8Array): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await writeAll(fh, data);
    await fh.truncate(data.length);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function scrubIo(path: string, temp: string, budget: Budget): ScrubIo {
  return {
    path,
    budget,
    readWhole: async () => {
      const st = await stat(path);
      if (st.size > IN_MEMORY_MAX) throw new MetaError('too-large', 'file too large to clean in memory');
      budget.charge(st.size);
      return new Uint8Array(await readFile(path));
    },
    withSource: (fn, other) => withSource(other ?? path, other ? new Budget(budget.maxBytes, budget.timeoutMs, budget.maxInflate) : budget, fn),
    writeCopy: (data) => overwrite(temp, data),
    patchedCopy: async (patches) => {
      // Same bytes, then overwrite the metadata in place: nothing moves, nothing is re-encoded.
      await copyFile(path, temp, fsc.COPYFILE_FICLONE);
      const out = await open(temp, 'r+');
      try {
        await applyPatches(out, patches);
        await out.sync();
      } finally {
        await out.close();
      }
    },
    packageCopy: async (src, zip, plan) => {
      const out = await open(temp, 'r+');
      try {
        await writePackage(src, zip, plan, out);
        await out.sync();
      } finally {
        await out.close();
      }
    },
    scrubPicture: async (bytes) => {
      const r = await scrubImageBytes(bytes, budget);
      return r && r.removed.length > 0 ? r.data : null;
    },
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Moves `temp` to `dest` without replacing an existing file (hard link, then unlink). */
async function placeNoClobber(temp: string, dest: string): Promise<boolean> {
  try {
    await link(temp, dest);
    await unlink(temp);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT, exFAT on USB sticks): check, then rename.
    if (await exists(dest)) return false;
    await rename(temp, dest);
    return true;
  }
}

/**
 * Rewrites a file with several hard links inside its own inode, so every name
 * sees the cleaned content. Not atomic, so the verified copy stays on disk
 * until the rewrite is complete and synced.
 */
async function rewriteInode(target: string, copy: string): Promise<void> {
  await overwrite(target, new Uint8Array(await readFile(copy)));
}

/** The first output name not written earlier in this run (and, without force, not there at all). */
async function outputName(original: string, dir: string, taken: Set<string>, force: boolean): Promise<{ dest: string; renamed: boolean; clash: boolean }> {
  const first = join(dir, cleanedName(original));
  for (let n = 1; n < 10_000; n++) {
    const dest = join(dir, cleanedName(original, n));
    if (taken.has(dest)) continue;
    // A file that was there before this run: replaced only with force, else reported.
    if (n === 1 && !force && (await exists(dest))) return { dest, renamed: false, clash: true };
    if (n > 1 && (await exists(dest))) continue;
    return { dest, renamed: dest !== first, clash: false };
  }
  throw new MetaError('too-large', 'no free output name');
}

/**
 * Cleans one file. Never throws: problems come back as a status with the
 * original untouched and no partial output left behind.
 */
export async function scrubFile(path: string, opts: ScrubOptions = {}): Promise<ScrubResult> {
  const result: ScrubResult = { path, output: null, format: null, status: 'failed', removed: [], warnings: [], remaining: [], unverified: [], error: null };
  const limits: ScanLimits = { maxBytes: SCRUB_MAX_BYTES, timeoutMs: SCRUB_TIMEOUT, maxInflate: 512 * 1024 * 1024, ...opts.limits };
  const budget = new Budget(limits.maxBytes, limits.timeoutMs, limits.maxInflate);
  const taken = opts.taken ?? new Set<string>();
  let temp: string | null = null;
  let alternative: Alternative | undefined;
  let detected: Detected | undefined;
  try {
    // In place through a symbolic link: clean the file it points to, never replace the link.
    let source = path;
    if (opts.inPlace) {
      source = await realpath(path);
      if (source !== path && source !== (await realpath(dirname(path)).then((d) => join(d, basename(path))))) result.target = source;
    }
    const st = await stat(source);
    if (!st.isFile()) throw new MetaError('read-failed', 'not a regular file');
    let det: Detected;
    try {
      det = await withSource(source, budget, (src) => detect(src));
    } catch (e) {
      if (e instanceof MetaError) throw e;
      const verdict = fsErrorResult(path, e);
      result.status = 'unreadable';
      if (verdict.reason) result.reason = verdict.reason;
      result.error = verdict.detail ?? null;
      return result;
    }
    result.format = det.format;
    detected = det;
    const module = det.module;
    alternative = module.alternative;
    if (!module.scrub) {
      result.status = 'unsupported';
      result.alternative = module.alternative ?? 'generic';
      return result;
    }
    const destDir = opts.inPlace ? dirname(source) : (opts.out ?? dirname(path));
    let dest = source;
    if (!opts.inPlace) {
      const name = await outputName(path, destDir, taken, Boolean(opts.force));
      dest = name.dest;
      if (name.clash) {
        result.status = 'exists';
        result.output = dest;
        return result;
      }
      if (name.renamed) result.renamed = true;
      // Claimed now, so a later file of this run with the same name gets another.
      taken.add(dest);
    }
    temp = join(destDir, `.${basename(dest)}.${randomBytes(6).toString('hex')}.safestep-tmp`);
    // Exclusive create: never follows or reuses something already there.
    await (await open(temp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600)).close();
    const produced = await module.scrub(det, scrubIo(source, temp, budget));
    // A module may name the type more precisely once it has looked inside (a compound file that is a DOC).
    result.format = det.format;
    result.removed = produced.removed;
    result.warnings = [...new Set(produced.warnings)];

    const problem = produced.verify ? await produced.verify(temp) : null;
    if (problem) throw new MetaError('corrupt', `verification failed: ${problem}`);
    const rescan = await scanFile(temp, { timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes });
    if (rescan.status === 'unsupported') throw new MetaError('corrupt', 'the cleaned copy is no longer recognised');
    result.remaining = rescan.findings.map((f) => ({ ...f }));
    if (rescan.status !== 'checked') result.unverified.push('rescan');
    if (!module.complete) result.unverified.push('incomplete');
    if (result.warnings.includes('embedded-objects') || result.warnings.includes('pdf-attachments')) result.unverified.push('embedded');
    for (const u of new Set(produced.unverified ?? [])) result.unverified.push(u);
    const risky = result.remaining.some(isRisky);
    const verdict: ScrubStatus = risky ? 'partial' : result.unverified.length > 0 ? 'unverified' : 'cleaned';
    await chmod(temp, st.mode & 0o777).catch(() => undefined);

    if (opts.inPlace) {
      if (verdict !== 'cleaned') {
        result.status = 'not-clean';
        return result;
      }
      if (st.nlink > 1) {
        await rewriteInode(source, temp);
        result.links = st.nlink;
      } else {
        await rename(temp, source);
        temp = null;
      }
      result.output = source;
      result.status = 'cleaned';
      return result;
    }
    if (opts.force) {
      await rename(temp, dest);
    } else if (!(await placeNoClobber(temp, dest))) {
      result.status = 'exists';
      result.output = dest;
      return result;
    }
    temp = null;
    result.output = dest;
    result.status = verdict;
    return result;
  } catch (e) {
    // A module may have named the type more precisely before it stopped (an encrypted XLS).
    if (detected) result.format = detected.format;
    result.status = 'failed';
    if (e instanceof MetaError && e.code === 'read-failed') result.status = 'unreadable';
    else if (e instanceof MetaError && e.code === 'unsupported-variant') {
      // A variant the cleaner cannot handle without damage: say so and what to do instead.
      result.status = 'unsupported';
      result.alternative = alternative ?? 'generic';
    }
    else if (!(e instanceof MetaError) && typeof (e as NodeJS.ErrnoException | undefined)?.code === 'string') {
      const verdict = fsErrorResult(path, e);
      if (verdict.status === 'unreadable') {
        result.status = 'unreadable';
        if (verdict.reason) result.reason = verdict.reason;
      }
    }
    // Say why in words the person understands (safety limit, damage, encryption).
    if (e instanceof MetaError && result.status === 'failed') result.reason = e.code === 'read-failed' ? 'io' : e.code;
    result.error = e instanceof Error ? e.message.slice(0, 300) : String(e);
    return result;
  } finally {
    if (temp) await unlink(temp).catch(() => undefined);
  }
}
