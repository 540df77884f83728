// TIFF files and the raw camera formats built on TIFF (DNG, CR2, NEF, ARW,
// ORF, RW2, PEF...): the IFD chain is read lazily, so only the directories and
// the values we need are read, wherever they sit in the file.
import { scanAfcp } from '../codecs/afcp.js';
import { readFile } from 'node:fs/promises';
import { bytesEqual, cstring, startsWith, u32 } from '../codecs/bytes.js';
import { cleanTiff } from './tiff-clean.js';
import { MetaError, type Source } from '../codecs/source.js';
import { scanTiff, TiffReader } from '../codecs/tiff/index.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

export async function scanTiffFile(src: Source, ctx: ScanContext): Promise<void> {
  const reader = await TiffReader.open(src);
  if (!reader) throw new MetaError('corrupt', 'bad TIFF header');
  await scanTiff(reader, ctx, { file: true });
  // Panasonic RW2 keeps its full EXIF, maker note included, in an embedded JPEG.
  if (tiffMagic(await src.read(0, 4)) === 0x55) {
    const { entries } = await reader.ifd(reader.first);
    const jpg = entries.find((e) => e.tag === 0x002e);
    const bytes = jpg ? await reader.bytes(jpg, 32 * 1024 * 1024) : null;
    if (bytes && !(await ctx.scanEmbedded(bytes, 'JpgFromRaw'))) ctx.unread('the embedded JPEG, which carries the camera metadata, could not be read');
  }
  if (src.size > 16) {
    const h = await src.read(8, 8);
    if (startsWith(h, 'IIII') || startsWith(h, 'MMMM')) await scanPhaseOne(src, 8, ctx);
  }
  await scanAfcp(src, ctx);
}

/**
 * Phase One / Leaf IIQ: a directory of 16-byte entries after the TIFF header
 * ("IIII" + "CwaR"/"RawX"); tag 0x0102 is the camera back's serial number.
 */
async function scanPhaseOne(src: Source, at: number, ctx: ScanContext): Promise<void> {
  const h = await src.read(at, 12);
  const le = h[0] === 0x49;
  const dir = at + u32(h, 8, le);
  if (dir + 8 > src.size) return;
  const n = u32(await src.read(dir, 4), 0, le);
  if (n < 2 || n > 300) return;
  const entries = await src.read(dir + 8, n * 16);
  for (let i = 0; i < n; i++) {
    const tag = u32(entries, i * 16, le);
    if (tag !== 0x0102 && tag !== 0x0407) continue;
    const size = u32(entries, i * 16 + 8, le);
    const value = u32(entries, i * 16 + 12, le);
    if (size > 64) continue;
    const bytes = size <= 4 ? entries.subarray(i * 16 + 12, i * 16 + 12 + size) : at + value + size <= src.size ? await src.read(at + value, size) : null;
    if (bytes && tag === 0x0102) ctx.out.add('serial', 'SerialNumber', cstring(bytes));
  }
}

/** TIFF magic numbers: 42 TIFF, 43 BigTIFF, 0x4f52/0x5352 Olympus ORF, 0x55 Panasonic RW2. */
export function tiffMagic(head: Uint8Array): number | null {
  if (!startsWith(head, 'II') && !startsWith(head, 'MM')) return null;
  const le = head[0] === 0x49;
  const magic = le ? (head[2] ?? 0) | ((head[3] ?? 0) << 8) : ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  return magic === 42 || magic === 43 || magic === 0x4f52 || magic === 0x5352 || magic === 0x55 ? magic : null;
}

export const tiff: FormatModule = {
  name: 'tiff',
  sniff: (head) => (tiffMagic(head) !== null ? 'tiff' : null),
  scan: (src, ctx) => scanTiffFile(src, ctx),
  complete: true,
  alternative: 'tiff',
  scrub: async (_det, io) => {
    const original = await io.readWhole();
    const r = cleanTiff(original);
    await io.writeCopy(r.data);
    return {
      removed: r.removed,
      warnings: ['document-content'],
      verify: async (copy) => {
        const out = new Uint8Array(await readFile(copy));
        for (const k of r.protectedRanges) {
          if (!bytesEqual(out.subarray(k.offset, k.offset + k.length), original.subarray(k.offset, k.offset + k.length))) return 'picture data changed';
        }
        return out.length === original.length ? null : 'size changed';
      },
    };
  },
};
