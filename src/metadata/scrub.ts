// The metadata scrubber: writes a cleaned copy of a file without touching the
// original, losslessly (no re-encoding of pictures or video, no re-rendering
// of documents), then scans the copy again before calling it clean.
//
// Safety rules, in order:
// - the original is only ever opened for reading;
// - the copy is written to a temporary file next to its destination and only
//   renamed into place when complete and verified;
// - an existing file is never replaced without `force`;
// - `inPlace` replaces the original only when the cleaned copy parses, keeps
//   the picture data byte-identical (JPEG) or the package consistent (Office,
//   ODF), and re-scans with no high or medium finding.
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { chmod, copyFile, link, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { bytesEqual } from './bytes.js';
import { detect, sniff } from './detect.js';
import { childBoxes, type Patch } from './formats/boxes.js';
import { scrubGif } from './formats/gif.js';
import { planHeifScrub } from './formats/heif.js';
import { jpegImageData, scrubJpeg, type ImageScrub } from './formats/jpeg.js';
import { planQuicktimeScrub } from './formats/mp4.js';
import { checkOdf, planOdfScrub } from './formats/odf.js';
import { checkOoxml, planOoxmlScrub } from './formats/ooxml.js';
import type { PackagePlan } from './formats/package.js';
import { scrubPdf } from './formats/pdf.js';
import { scrubPng } from './formats/png.js';
import { scrubWebp } from './formats/webp.js';
import type { RemovedId, ScrubStatus, ScrubWarning } from './messages.js';
import { scanFile } from './scan.js';
import { Budget, FileSource, MetaError, type Source } from './source.js';
import { FORMAT_FAMILY, isRisky, isSkipped, type Format, type MetaFinding, type ScanLimits } from './types.js';
import { rawData, readZip, ZipWriter, type ZipArchive } from './zip.js';

export interface ScrubOptions {
  /** Folder for the cleaned copy; default: beside the original. */
  out?: string;
  /** Replace the original (atomically, only after the copy verifies clean). */
  inPlace?: boolean;
  /** Replace an existing output file. */
  force?: boolean;
  /** Budgets for reading; defaults are generous (1 GiB, 2 minutes). */
  limits?: ScanLimits;
}

export interface ScrubResult {
  path: string;
  /** The cleaned file (the original's path when in place), or null when nothing was written. */
  output: string | null;
  format: Format | null;
  status: ScrubStatus;
  removed: RemovedId[];
  warnings: ScrubWarning[];
  /** What a scan of the cleaned copy still finds (any severity). */
  remaining: MetaFinding[];
  /** Technical detail when status is failed (English). */
  error: string | null;
}

/** `photo.jpg` -> `photo.cleaned.jpg`. */
export function cleanedName(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  return `${stem}.cleaned${ext}`;
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

/** Cleans a picture held in memory (used for pictures inside documents and PDFs). null: leave as is. */
export async function scrubImageBytes(data: Uint8Array, budget: Budget): Promise<ImageScrub | null> {
  const kind = sniff(data.subarray(0, 64));
  try {
    switch (kind) {
      case 'jpeg':
        return await scrubJpeg(data, budget);
      case 'png':
        return await scrubPng(data, budget);
      case 'webp':
        return await scrubWebp(data, budget);
      case 'gif':
        return await scrubGif(data, budget);
      default:
        return null;
    }
  } catch (e) {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    return null;
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

interface Produced {
  removed: RemovedId[];
  warnings: ScrubWarning[];
  /** Extra structural check of the written copy. */
  verify?: (copy: string) => Promise<string | null>;
}

async function withSource<T>(path: string, budget: Budget, fn: (src: FileSource) => Promise<T>): Promise<T> {
  const fh = await open(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    return await fn(new FileSource(fh, st.size, budget));
  } finally {
    await fh.close().catch(() => undefined);
  }
}

async function produce(path: string, format: Format, temp: string, budget: Budget): Promise<Produced> {
  const family = FORMAT_FAMILY[format];
  const imageScrub = async (_name: string, bytes: Uint8Array): Promise<Uint8Array | null> => {
    const r = await scrubImageBytes(bytes, budget);
    return r && r.removed.length > 0 ? r.data : null;
  };
  switch (family) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif': {
      const st = await stat(path);
      if (st.size > IN_MEMORY_MAX) throw new MetaError('too-large', 'picture too large to clean');
      budget.charge(st.size);
      const data = new Uint8Array(await readFile(path));
      const fn = family === 'jpeg' ? scrubJpeg : family === 'png' ? scrubPng : family === 'webp' ? scrubWebp : scrubGif;
      const r = await fn(data, budget);
      await writeTemp(temp, r.data);
      const warnings: ScrubWarning[] = ['document-content'];
      if (r.keptOrientation !== undefined) warnings.push('orientation-kept');
      return {
        removed: r.removed,
        warnings,
        verify:
          family === 'jpeg'
            ? async (copy) => {
                const a = jpegImageData(data);
                const b = jpegImageData(new Uint8Array(await readFile(copy)));
                return a && b && bytesEqual(a, b) ? null : 'image data changed';
              }
            : undefined,
      };
    }
    case 'pdf': {
      const st = await stat(path);
      if (st.size > IN_MEMORY_MAX) throw new MetaError('too-large', 'PDF too large to clean');
      budget.charge(st.size);
      const data = new Uint8Array(await readFile(path));
      const r = await scrubPdf(data, budget, async (b) => imageScrub('', b));
      await writeTemp(temp, r.data);
      return {
        removed: r.removed,
        warnings: r.warnings,
        verify: async (copy) => {
          const { PDFDocument } = await import('pdf-lib');
          try {
            const doc = await PDFDocument.load(new Uint8Array(await readFile(copy)), { updateMetadata: false });
            return doc.getPageCount() >= 0 ? null : 'no pages';
          } catch (e) {
            return `cleaned PDF does not load: ${e instanceof Error ? e.message : String(e)}`;
          }
        },
      };
    }
    case 'ooxml':
    case 'odf': {
      const plan = await withSource(path, budget, async (src) => {
        const zip = await readZip(src);
        const p = family === 'ooxml' ? await planOoxmlScrub(src, zip, budget, imageScrub) : await planOdfScrub(src, zip, budget, imageScrub);
        const out = await open(temp, 'r+');
        try {
          await writePackage(src, zip, p, out);
          await out.sync();
        } finally {
          await out.close();
        }
        return p;
      });
      // Problems the original already had (dangling relationships, a broken part) are not ours to fail on.
      const checkPackage = (file: string): Promise<string[]> =>
        withSource(file, new Budget(SCRUB_MAX_BYTES, SCRUB_TIMEOUT), async (src) => {
          const zip = await readZip(src);
          return (family === 'ooxml' ? await checkOoxml(src, zip) : await checkOdf(src, zip)).problems;
        });
      const before = new Set(await checkPackage(path));
      return {
        removed: plan.removed,
        warnings: plan.warnings,
        verify: async (copy) => {
          const fresh = (await checkPackage(copy)).filter((p) => !before.has(p));
          return fresh.length === 0 ? null : fresh.slice(0, 5).join('; ');
        },
      };
    }
    case 'quicktime':
    case 'heif': {
      const plan = await withSource(path, budget, async (src) => {
        if (family === 'quicktime') return planQuicktimeScrub(src);
        const metas = (await childBoxes(src, 0, src.size)).filter((b) => b.type === 'meta');
        return planHeifScrub(src, metas);
      });
      // Same bytes, then overwrite the metadata in place: nothing moves, nothing is re-encoded.
      await copyFile(path, temp, fsc.COPYFILE_FICLONE);
      const out = await open(temp, 'r+');
      try {
        await applyPatches(out, plan.patches);
        await out.sync();
      } finally {
        await out.close();
      }
      return { removed: plan.removed, warnings: family === 'quicktime' ? ['video-content'] : ['document-content'] };
    }
    case 'tiff':
      throw new MetaError('unsupported-variant', 'TIFF and camera raw files cannot be cleaned without rewriting them');
  }
}

async function writeTemp(temp: string, data: Uint8Array): Promise<void> {
  const fh = await open(temp, 'r+');
  try {
    await writeAll(fh, data);
    await fh.truncate(data.length);
    await fh.sync();
  } finally {
    await fh.close();
  }
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
 * Cleans one file. Never throws: problems come back as `status: 'failed'`
 * with the original untouched and no partial output left behind.
 */
export async function scrubFile(path: string, opts: ScrubOptions = {}): Promise<ScrubResult> {
  const result: ScrubResult = { path, output: null, format: null, status: 'failed', removed: [], warnings: [], remaining: [], error: null };
  const limits: ScanLimits = { maxBytes: SCRUB_MAX_BYTES, timeoutMs: SCRUB_TIMEOUT, maxInflate: 512 * 1024 * 1024, ...opts.limits };
  const budget = new Budget(limits.maxBytes, limits.timeoutMs, limits.maxInflate);
  let temp: string | null = null;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new MetaError('read-failed', 'not a regular file');
    const det = await withSource(path, budget, (src) => detect(src));
    if (!det) {
      result.status = 'unsupported';
      return result;
    }
    result.format = det.format;
    if (FORMAT_FAMILY[det.format] === 'tiff') {
      result.status = 'unsupported';
      result.error = 'TIFF and camera raw files cannot be cleaned losslessly yet; export a copy as PNG or JPEG and clean that';
      return result;
    }
    const destDir = opts.inPlace ? dirname(path) : (opts.out ?? dirname(path));
    const dest = opts.inPlace ? path : join(destDir, cleanedName(path));
    if (!opts.inPlace && !opts.force && (await exists(dest))) {
      result.status = 'exists';
      result.output = dest;
      return result;
    }
    temp = join(destDir, `.${basename(dest)}.${randomBytes(6).toString('hex')}.safestep-tmp`);
    // Exclusive create: never follows or reuses something already there.
    await (await open(temp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600)).close();
    const produced = await produce(path, det.format, temp, budget);
    result.removed = produced.removed;
    result.warnings = [...new Set(produced.warnings)];

    const problem = produced.verify ? await produced.verify(temp) : null;
    if (problem) throw new MetaError('corrupt', `verification failed: ${problem}`);
    const rescan = await scanFile(temp, { timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes });
    if (isSkipped(rescan)) throw new MetaError('corrupt', 'the cleaned copy is no longer recognised');
    if (rescan.error) throw new MetaError('corrupt', `the cleaned copy does not read back: ${rescan.errorDetail ?? rescan.error}`);
    result.remaining = rescan.findings.map((f) => ({ ...f }));
    const risky = result.remaining.some(isRisky);
    await chmod(temp, st.mode & 0o777).catch(() => undefined);

    if (opts.inPlace) {
      if (risky) {
        result.status = 'not-clean';
        return result;
      }
      await rename(temp, path);
      temp = null;
      result.output = path;
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
    result.status = risky ? 'partial' : 'cleaned';
    return result;
  } catch (e) {
    result.status = 'failed';
    if (e instanceof MetaError && e.code === 'unsupported-variant') result.status = 'unsupported';
    result.error = e instanceof Error ? e.message.slice(0, 300) : String(e);
    return result;
  } finally {
    if (temp) await unlink(temp).catch(() => undefined);
  }
}
