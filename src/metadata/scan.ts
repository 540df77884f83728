// The metadata scanner's public entry points.
//
// scanFile: one file, never throws. scanPaths: files and folders, recursive,
// symlink-safe (symlinks met while walking are reported and not followed, so
// no loop and no escape from the tree), results streamed in a stable order
// with a small window of files in flight, so memory stays flat for any number
// of files. Every file gets one verdict: checked, unsupported (with its type),
// unreadable, refused (over a budget) or error. Detection and reading go
// through the format registry (formats/index.ts); nothing here knows a format.
import { constants as fsc, readdirSync, type Dirent, type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Budget, BufferSource, FileDescriptor, FileSource, MetaError, type PositionalReader, type Source } from './codecs/source.js';
import type { ScanContext } from './context.js';
import { MAX_EMBED_DEPTH } from './context.js';
import { Findings } from './findings.js';
import { detect, guessFromName, sniffType, type Detected } from './formats/index.js';
import {
  statusOfError,
  type FileScan,
  type Format,
  type MetaFinding,
  type Reason,
  type ScanErrorCode,
  type ScanOptions,
  type ScanPathsOptions,
} from './types.js';

export type { FileScan, MetaFinding, ScanOptions, ScanPathsOptions };

/** An open file as the scanner uses it. */
export interface OpenFile extends PositionalReader {
  stat(): Promise<Stats>;
  close(): void;
}

/**
 * The file-system calls the scanner makes, injectable so tests can simulate
 * permission and I/O errors (tests run as root, where chmod 000 changes nothing).
 */
export interface MetaFs {
  open(path: string, flags: number): Promise<OpenFile>;
  readdir(dir: string): Dirent[];
}

export const realFs: MetaFs = {
  open: (path, flags) => FileDescriptor.open(path, flags),
  // Synchronous like the file reads (see FileDescriptor): one listing, no thread-pool round trips.
  readdir: (dir) => readdirSync(dir, { withFileTypes: true }),
};

function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code ?? '');
}

function errorOf(e: unknown): { code: ScanErrorCode; detail: string } {
  if (e instanceof MetaError) return { code: e.code, detail: e.message };
  // The disk failing under us (EIO, a share going away) is not the file's fault.
  if (isErrno(e)) return { code: 'read-failed', detail: e.code ?? e.message };
  // A bug or an unexpected shape (RangeError from a typed array...): still only this file's problem.
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { code: 'corrupt', detail: msg.slice(0, 300) };
}

interface Damage {
  detail: string | null;
  /** A container that was found and not read. */
  unread?: string;
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
    unread: (detail) => {
      // Unlike damage, an unread container anywhere means the file was not completely checked.
      damage.unread ??= detail;
    },
    scanEmbedded: async (bytes, within) => {
      if (!embedded || depth + 1 > MAX_EMBED_DEPTH) return false;
      const inner = new BufferSource(bytes, budget);
      // The embedded file's own unread containers make it incomplete, not the container (the caller decides).
      const own: Damage = { detail: null };
      const child = context(budget, out.nested(within), depth + 1, embedded, own);
      try {
        const det = await detect(inner);
        if (!det.module.scan) return false;
        await det.module.scan(inner, child, det);
        return own.unread === undefined;
      } catch (e) {
        // The budget is the whole file's: running out ends the whole scan. Other
        // problems stay with the embedded file.
        if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large')) throw e;
        return false;
      }
    },
  };
  return ctx;
}

function result(path: string, format: Format, findings: MetaFinding[], reason: Reason | null, detail?: string): FileScan {
  const scan: FileScan = { path, status: 'checked', format, findings, reason };
  if (reason !== null) {
    scan.status = reason === 'not-read' || reason === 'plain-text' || reason === 'unknown-type' || reason === 'empty' || reason === 'symlink' || reason === 'special'
      ? 'unsupported'
      : reason === 'permission' || reason === 'io' || reason === 'missing'
        ? 'unreadable'
        : statusOfError(reason);
  }
  if (detail !== undefined && reason !== null) scan.detail = detail;
  return scan;
}

function errorResult(path: string, format: Format, findings: MetaFinding[], err: { code: ScanErrorCode; detail: string }): FileScan {
  return result(path, format, findings, err.code === 'read-failed' ? 'io' : err.code, err.detail);
}

/** Scans a source whose type is not known yet. */
async function scanSource(src: Source, budget: Budget, opts: ScanOptions, path: string): Promise<FileScan> {
  const out = new Findings();
  let det: Detected;
  try {
    det = await detect(src);
  } catch (e) {
    // A zip too broken to tell (or the budget ran out first): name the type the
    // first bytes or the name suggest, so the person hears about the damage.
    const err = errorOf(e);
    let sniffed = 'unknown';
    try {
      sniffed = sniffType(await src.readAtMost(0, 1024));
    } catch {
      sniffed = 'unknown';
    }
    const format = sniffed === 'zip' ? (guessFromName(basename(path)) ?? 'zip') : sniffed;
    return errorResult(path, format, [], err);
  }
  const scan = det.module.scan;
  if (!scan) return result(path, det.format, [], det.format === 'unknown' ? 'unknown-type' : det.format === 'text' ? 'plain-text' : 'not-read');
  const damage: Damage = { detail: null };
  const ctx = context(budget, out, 0, opts.embedded ?? true, damage);
  try {
    await scan(src, ctx, det);
    if (damage.detail !== null) return result(path, det.format, out.list, 'corrupt', damage.detail);
    if (damage.unread !== undefined) return result(path, det.format, out.list, 'unsupported-variant', damage.unread);
    return result(path, det.format, out.list, null);
  } catch (e) {
    return errorResult(path, det.format, out.list, errorOf(e));
  }
}

function budgetFor(opts: ScanOptions): Budget {
  return new Budget(opts.maxBytes, opts.timeoutMs, opts.maxInflate);
}

/** Scans bytes held in memory (an attachment, a fuzz case). Never throws. */
export async function scanBuffer(data: Uint8Array, opts: ScanOptions & { path?: string } = {}): Promise<FileScan> {
  const path = opts.path ?? '<memory>';
  if (data.length === 0) return result(path, 'empty', [], 'empty');
  const budget = budgetFor(opts);
  return scanSource(new BufferSource(data, budget), budget, opts, path);
}

/** The verdict for a file-system error met before the file could be read. */
export function fsErrorResult(path: string, e: unknown): FileScan {
  const code = isErrno(e) ? e.code : undefined;
  const detail = code ?? (e instanceof Error ? e.message : String(e));
  if (code === 'ENOENT' || code === 'ENOTDIR') return result(path, 'unknown', [], 'missing', detail);
  if (code === 'ELOOP') return result(path, 'symlink', [], 'symlink', detail);
  if (code === 'EACCES' || code === 'EPERM') return result(path, 'unknown', [], 'permission', detail);
  return result(path, 'unknown', [], 'io', detail);
}

function specialResult(path: string, st: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): FileScan {
  const kind = st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : 'special';
  return result(path, kind, [], 'special');
}

/**
 * Scans one file. Symlinks named directly are followed. Every outcome is a
 * FileScan with a status (checked, unsupported, unreadable, refused, error).
 * Never throws.
 */
export async function scanFile(path: string, opts: ScanOptions & { fs?: MetaFs } = {}): Promise<FileScan> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return fsErrorResult(path, e);
  }
  if (!st.isFile()) return st.isDirectory() ? result(path, 'folder', [], 'special') : specialResult(path, st);
  return scanRegular(path, opts, false, opts.fs ?? realFs);
}

async function scanRegular(path: string, opts: ScanOptions, noFollow: boolean, fs: MetaFs): Promise<FileScan> {
  let handle: OpenFile;
  try {
    // O_NONBLOCK: a FIFO swapped in after the walk must not block us; O_NOFOLLOW: nor a symlink.
    handle = await fs.open(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0) | (noFollow ? (fsc.O_NOFOLLOW ?? 0) : 0));
  } catch (e) {
    return fsErrorResult(path, e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return specialResult(path, st);
    if (st.size === 0) return result(path, 'empty', [], 'empty');
    const budget = budgetFor(opts);
    const src = new FileSource(handle, st.size, budget);
    // The time budget is enforced inside the readers (Budget.check in every loop and read).
    return await scanSource(src, budget, opts, path);
  } catch (e) {
    return fsErrorResult(path, e);
  } finally {
    handle.close();
  }
}

// ---------------------------------------------------------------------------
// Walking

type WalkItem = { kind: 'file'; path: string; named: boolean } | { kind: 'done'; item: FileScan };

const linkResult = (path: string): FileScan => result(path, 'symlink', [], 'symlink');

async function* walk(paths: readonly string[], maxDepth: number, fs: MetaFs, signal?: AbortSignal): AsyncGenerator<WalkItem> {
  const seenDirs = new Set<string>();
  for (const top of paths) {
    if (signal?.aborted) return;
    let st: Stats;
    try {
      st = await stat(top);
    } catch (e) {
      const isLink = await lstat(top).then((l) => l.isSymbolicLink()).catch(() => false);
      yield { kind: 'done', item: isLink ? result(top, 'symlink', [], 'missing', 'dangling symbolic link') : fsErrorResult(top, e) };
      continue;
    }
    if (st.isFile()) {
      yield { kind: 'file', path: top, named: true };
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'done', item: specialResult(top, st) };
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
        names = fs.readdir(dir).map((ent) => ({ name: ent.name, isDir: ent.isDirectory(), isFile: ent.isFile(), isLink: ent.isSymbolicLink() }));
      } catch (e) {
        // A folder we cannot enter: its files are not checked, and the person must hear it.
        const item = fsErrorResult(dir, e);
        item.format = 'folder';
        yield { kind: 'done', item };
        continue;
      }
      names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: typeof stack = [];
      for (const ent of names) {
        const p = join(dir, ent.name);
        if (ent.isLink) {
          yield { kind: 'done', item: linkResult(p) };
        } else if (ent.isFile) {
          yield { kind: 'file', path: p, named: false };
        } else if (ent.isDir) {
          if (depth + 1 > maxDepth) {
            yield { kind: 'done', item: result(p, 'folder', [], 'too-large', `deeper than ${maxDepth} folders`) };
            continue;
          }
          try {
            const s = await lstat(p);
            subdirs.push({ dir: p, depth: depth + 1, dev: s.dev, ino: s.ino });
          } catch (e) {
            yield { kind: 'done', item: fsErrorResult(p, e) };
          }
        } else {
          // Unknown d_type (some network file systems): ask lstat.
          try {
            const s = await lstat(p);
            if (s.isSymbolicLink()) yield { kind: 'done', item: linkResult(p) };
            else if (s.isFile()) yield { kind: 'file', path: p, named: false };
            else if (s.isDirectory() && depth + 1 <= maxDepth) subdirs.push({ dir: p, depth: depth + 1, dev: s.dev, ino: s.ino });
            else if (!s.isDirectory()) yield { kind: 'done', item: specialResult(p, s) };
          } catch (e) {
            yield { kind: 'done', item: fsErrorResult(p, e) };
          }
        }
      }
      // Push in reverse so the alphabetically first folder is walked first.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as (typeof stack)[number]);
    }
  }
}

/**
 * Scans files and folders. Yields one verdict per file in walk order: the
 * paths as given; inside a folder its files (sorted by name), then each
 * subfolder the same way. Symlinks inside folders are reported (status
 * unsupported, type symlink) and never followed; symlinks named directly are
 * followed. Folders that cannot be listed are reported as unreadable.
 */
export async function* scanPaths(paths: readonly string[], opts: ScanPathsOptions & { fs?: MetaFs } = {}): AsyncGenerator<FileScan> {
  const concurrency = Math.max(1, Math.min(64, opts.concurrency ?? 8));
  const fs = opts.fs ?? realFs;
  const window: Array<Promise<FileScan>> = [];
  const progress = { scanned: 0, skipped: 0, errors: 0, withFindings: 0, current: '' };
  const report = (r: FileScan): void => {
    if (r.status === 'unsupported') progress.skipped++;
    else {
      progress.scanned++;
      if (r.status !== 'checked') progress.errors++;
      if (r.findings.length > 0) progress.withFindings++;
    }
    progress.current = r.path;
    opts.onProgress?.({ ...progress });
  };
  const walker = walk(paths, opts.maxDepth ?? 64, fs, opts.signal);
  try {
    for await (const item of walker) {
      if (opts.signal?.aborted) break;
      window.push(item.kind === 'done' ? Promise.resolve(item.item) : scanRegular(item.path, opts, !item.named, fs));
      if (window.length >= concurrency) {
        const r = await (window.shift() as Promise<FileScan>);
        report(r);
        yield r;
      }
    }
    while (window.length > 0) {
      const r = await (window.shift() as Promise<FileScan>);
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
