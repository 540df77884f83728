// The metadata scanner's public entry points.
//
// scanFile: one file, never throws. scanPaths: files and folders, recursive,
// symlink-safe (symlinks met while walking are reported and not followed, so
// no loop and no escape from the tree), permission problems reported per file,
// results streamed in a stable order with a small window of files in flight,
// so memory stays flat for any number of files.
import { constants as fsc, readdirSync, type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ScanContext } from './context.js';
import { MAX_EMBED_DEPTH } from './context.js';
import { detect, guessFromName, sniff, type Detected } from './detect.js';
import { Findings } from './findings.js';
import { scanGif } from './formats/gif.js';
import { scanHeif } from './formats/heif.js';
import { scanJpeg } from './formats/jpeg.js';
import { scanQuicktime } from './formats/mp4.js';
import { scanOdf } from './formats/odf.js';
import { scanOoxml } from './formats/ooxml.js';
import { scanPdf } from './formats/pdf.js';
import { scanPng } from './formats/png.js';
import { scanTiffFile } from './formats/tiff.js';
import { scanWebp } from './formats/webp.js';
import { Budget, BufferSource, FileDescriptor, FileSource, MetaError, type Source } from './source.js';
import {
  FORMAT_FAMILY,
  isSkipped,
  type FileScan,
  type Format,
  type MetaFinding,
  type ScanErrorCode,
  type ScanOptions,
  type ScanPathsOptions,
  type SkippedFile,
  type SkipReason,
} from './types.js';

export type { FileScan, SkippedFile, MetaFinding, ScanOptions, ScanPathsOptions };

async function dispatch(src: Source, det: Detected, ctx: ScanContext): Promise<void> {
  switch (FORMAT_FAMILY[det.format]) {
    case 'jpeg':
      return scanJpeg(src, ctx);
    case 'png':
      return scanPng(src, ctx);
    case 'webp':
      return scanWebp(src, ctx);
    case 'gif':
      return scanGif(src, ctx);
    case 'tiff':
      return scanTiffFile(src, ctx);
    case 'heif':
      return scanHeif(src, ctx);
    case 'pdf':
      return scanPdf(src, ctx);
    case 'ooxml':
      return scanOoxml(src, det.zip as NonNullable<Detected['zip']>, ctx);
    case 'odf':
      return scanOdf(src, det.zip as NonNullable<Detected['zip']>, ctx);
    case 'quicktime':
      return scanQuicktime(src, ctx);
  }
}

function errorOf(e: unknown): { code: ScanErrorCode; detail: string } {
  if (e instanceof MetaError) return { code: e.code, detail: e.message };
  // A bug or an unexpected shape (RangeError from a typed array...): still only this file's problem.
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { code: 'corrupt', detail: msg.slice(0, 300) };
}

interface Scanned {
  format: Format;
  findings: MetaFinding[];
  error: ScanErrorCode | null;
  errorDetail?: string;
}

interface Damage {
  detail: string | null;
}

function context(budget: Budget, out: Findings, depth: number, embedded: boolean, damage: Damage): ScanContext {
  const ctx: ScanContext = {
    budget,
    out,
    depth,
    embedded,
    damaged: (detail) => {
      // Damage inside an embedded file is that file's business, not the container's.
      if (depth === 0 && damage.detail === null) damage.detail = detail;
    },
    scanEmbedded: async (bytes, within) => {
      if (!embedded || depth + 1 > MAX_EMBED_DEPTH) return;
      const inner = new BufferSource(bytes, budget);
      const child = context(budget, out.nested(within), depth + 1, embedded, damage);
      try {
        const det = await detect(inner);
        if (det) await dispatch(inner, det, child);
      } catch (e) {
        // The budget is the whole file's: running out ends the whole scan. Other
        // problems stay with the embedded file.
        if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large')) throw e;
      }
    },
  };
  return ctx;
}

/** Scans a source whose format is not known yet. null: not a format we read. */
async function scanSource(src: Source, budget: Budget, opts: ScanOptions, name: string): Promise<Scanned | { unreadable: ScanErrorCode } | null> {
  const out = new Findings();
  let det: Detected | null;
  try {
    det = await detect(src);
  } catch (e) {
    // We know it is a zip (or ran out of budget before knowing more): name the
    // format its name suggests so the user hears about the damage.
    const err = errorOf(e);
    let sniffed: ReturnType<typeof sniff> = null;
    try {
      sniffed = sniff(await src.readAtMost(0, 1024));
    } catch {
      sniffed = null;
    }
    const format = sniffed && sniffed !== 'zip' ? sniffed : guessFromName(name);
    if (!format) return { unreadable: err.code };
    return { format, findings: [], error: err.code, errorDetail: err.detail };
  }
  if (!det) return null;
  const damage: Damage = { detail: null };
  const ctx = context(budget, out, 0, opts.embedded ?? true, damage);
  try {
    await dispatch(src, det, ctx);
    if (damage.detail !== null) return { format: det.format, findings: out.list, error: 'corrupt', errorDetail: damage.detail };
    return { format: det.format, findings: out.list, error: null };
  } catch (e) {
    const err = errorOf(e);
    return { format: det.format, findings: out.list, error: err.code, errorDetail: err.detail };
  }
}

function budgetFor(opts: ScanOptions): Budget {
  return new Budget(opts.maxBytes, opts.timeoutMs, opts.maxInflate);
}

/** Scans bytes held in memory (an attachment, a fuzz case). Never throws. */
export async function scanBuffer(data: Uint8Array, opts: ScanOptions & { path?: string } = {}): Promise<FileScan | SkippedFile> {
  const path = opts.path ?? '<memory>';
  const budget = budgetFor(opts);
  const src = new BufferSource(data, budget);
  const r = await scanSource(src, budget, opts, path);
  if (!r) return { path, skipped: 'unsupported' };
  if ('unreadable' in r) return { path, skipped: 'unreadable', detail: r.unreadable };
  return toFileScan(path, r);
}

function toFileScan(path: string, r: Scanned): FileScan {
  const scan: FileScan = { path, format: r.format, findings: r.findings, error: r.error };
  if (r.errorDetail !== undefined && r.error !== null) scan.errorDetail = r.errorDetail;
  return scan;
}

function skipReasonOf(e: unknown): SkipReason {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'ELOOP') return 'symlink';
  return 'unreadable';
}

function errnoDetail(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}


/**
 * Scans one file. Symlinks named directly are followed; anything that is not
 * a regular file, or cannot be read, or is not a format we read, comes back as
 * a SkippedFile. Problems inside a file come back as `error` with whatever was
 * found before them. Never throws.
 */
export async function scanFile(path: string, opts: ScanOptions = {}): Promise<FileScan | SkippedFile> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return { path, skipped: skipReasonOf(e), detail: errnoDetail(e) };
  }
  if (!st.isFile()) return { path, skipped: 'special' };
  return scanRegular(path, opts, false);
}

async function scanRegular(path: string, opts: ScanOptions, noFollow: boolean): Promise<FileScan | SkippedFile> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO swapped in after the walk must not block us; O_NOFOLLOW: nor a symlink.
    handle = await FileDescriptor.open(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0) | (noFollow ? (fsc.O_NOFOLLOW ?? 0) : 0));
  } catch (e) {
    return { path, skipped: skipReasonOf(e), detail: errnoDetail(e) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { path, skipped: 'special' };
    if (st.size === 0) return { path, skipped: 'unsupported', detail: 'empty' };
    const budget = budgetFor(opts);
    const src = new FileSource(handle, st.size, budget);
    // The time budget is enforced inside the readers (Budget.check in every loop and read).
    const r = await scanSource(src, budget, opts, basename(path));
    if (!r) return { path, skipped: 'unsupported' };
    if ('unreadable' in r) return { path, skipped: 'unreadable', detail: r.unreadable };
    return toFileScan(path, r);
  } catch (e) {
    return { path, skipped: 'unreadable', detail: errnoDetail(e) };
  } finally {
    handle.close();
  }
}

// ---------------------------------------------------------------------------
// Walking

type WalkItem = { kind: 'file'; path: string; named: boolean } | { kind: 'skip'; item: SkippedFile };

async function* walk(paths: readonly string[], maxDepth: number, signal?: AbortSignal): AsyncGenerator<WalkItem> {
  const seenDirs = new Set<string>();
  for (const top of paths) {
    if (signal?.aborted) return;
    let st: Stats;
    try {
      st = await stat(top);
    } catch (e) {
      const isLink = await lstat(top).then((l) => l.isSymbolicLink()).catch(() => false);
      yield { kind: 'skip', item: { path: top, skipped: isLink ? 'symlink' : skipReasonOf(e), detail: errnoDetail(e) } };
      continue;
    }
    if (st.isFile()) {
      yield { kind: 'file', path: top, named: true };
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'skip', item: { path: top, skipped: 'special' } };
      continue;
    }
    // Depth-first, entries sorted, one directory listing in memory per level.
    const stack: Array<{ dir: string; depth: number; dev: number; ino: number }> = [{ dir: top, depth: 0, dev: st.dev, ino: st.ino }];
    while (stack.length > 0) {
      if (signal?.aborted) return;
      const { dir, depth, dev, ino } = stack.pop() as (typeof stack)[number];
      const key = `${dev}:${ino}`;
      if (seenDirs.has(key)) continue;
      seenDirs.add(key);
      let names: Array<{ name: string; isDir: boolean; isFile: boolean; isLink: boolean }>;
      try {
        // Synchronous like the file reads (see FileDescriptor): one listing, no thread-pool round trips.
        names = readdirSync(dir, { withFileTypes: true }).map((ent) => ({ name: ent.name, isDir: ent.isDirectory(), isFile: ent.isFile(), isLink: ent.isSymbolicLink() }));
      } catch (e) {
        yield { kind: 'skip', item: { path: dir, skipped: skipReasonOf(e), detail: errnoDetail(e) } };
        continue;
      }
      names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: typeof stack = [];
      for (const ent of names) {
        const p = join(dir, ent.name);
        if (ent.isLink) {
          yield { kind: 'skip', item: { path: p, skipped: 'symlink' } };
        } else if (ent.isFile) {
          yield { kind: 'file', path: p, named: false };
        } else if (ent.isDir) {
          if (depth + 1 > maxDepth) continue;
          try {
            const s = await lstat(p);
            subdirs.push({ dir: p, depth: depth + 1, dev: s.dev, ino: s.ino });
          } catch (e) {
            yield { kind: 'skip', item: { path: p, skipped: skipReasonOf(e), detail: errnoDetail(e) } };
          }
        } else {
          // Unknown d_type (some network file systems): ask lstat.
          try {
            const s = await lstat(p);
            if (s.isSymbolicLink()) yield { kind: 'skip', item: { path: p, skipped: 'symlink' } };
            else if (s.isFile()) yield { kind: 'file', path: p, named: false };
            else if (s.isDirectory() && depth + 1 <= maxDepth) subdirs.push({ dir: p, depth: depth + 1, dev: s.dev, ino: s.ino });
            else if (!s.isDirectory()) yield { kind: 'skip', item: { path: p, skipped: 'special' } };
          } catch (e) {
            yield { kind: 'skip', item: { path: p, skipped: skipReasonOf(e), detail: errnoDetail(e) } };
          }
        }
      }
      // Push in reverse so the alphabetically first folder is walked first.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as (typeof stack)[number]);
    }
  }
}

/**
 * Scans files and folders. Yields one result per file in walk order: the
 * paths as given; inside a folder its files (sorted by name), then each
 * subfolder the same way. Symlinks inside folders are reported as skipped and
 * never followed; symlinks named directly are followed.
 */
export async function* scanPaths(paths: readonly string[], opts: ScanPathsOptions = {}): AsyncGenerator<FileScan | SkippedFile> {
  const concurrency = Math.max(1, Math.min(64, opts.concurrency ?? 8));
  const window: Array<Promise<FileScan | SkippedFile>> = [];
  const progress = { scanned: 0, skipped: 0, errors: 0, withFindings: 0, current: '' };
  const report = (r: FileScan | SkippedFile): void => {
    if (isSkipped(r)) progress.skipped++;
    else {
      progress.scanned++;
      if (r.error) progress.errors++;
      if (r.findings.length > 0) progress.withFindings++;
    }
    progress.current = r.path;
    opts.onProgress?.({ ...progress });
  };
  const walker = walk(paths, opts.maxDepth ?? 64, opts.signal);
  try {
    for await (const item of walker) {
      if (opts.signal?.aborted) break;
      window.push(item.kind === 'skip' ? Promise.resolve(item.item) : scanRegular(item.path, opts, !item.named));
      if (window.length >= concurrency) {
        const r = await (window.shift() as Promise<FileScan | SkippedFile>);
        report(r);
        yield r;
      }
    }
    while (window.length > 0) {
      const r = await (window.shift() as Promise<FileScan | SkippedFile>);
      if (opts.signal?.aborted) break;
      report(r);
      yield r;
    }
  } finally {
    await walker.return(undefined);
    // Let in-flight scans finish so their file handles are closed.
    await Promise.allSettled(window);
  }
}
export { summarize } from './report.js';
