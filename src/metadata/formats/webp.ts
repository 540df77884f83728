// WebP: a RIFF container; metadata is in the EXIF and "XMP " chunks, flagged in
// the VP8X header. The scrubber drops both chunks, clears the flags and fixes
// the RIFF size; the image chunks are copied unchanged.
import { concat, fourcc, startsWith, text, u32, writeU32 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { exifOrientation, orientationOnlyTiff, scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { BufferSource, MetaError, type Budget, type Source } from '../codecs/source.js';
import type { RemovedId } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { scrubPictureFile } from './picture.js';
import type { FormatModule, ImageScrub } from './types.js';

const MAX_CHUNKS = 100_000;
const MAX_META = 16 * 1024 * 1024;

export async function scanWebp(src: Source, ctx: ScanContext): Promise<void> {
  let pos = 12;
  const end = Math.min(src.size, 8 + u32(await src.read(4, 4), 0, true));
  let n = 0;
  while (pos + 8 <= end) {
    if (++n > MAX_CHUNKS) throw new MetaError('corrupt', 'too many WebP chunks');
    const h = await src.read(pos, 8);
    const type = fourcc(h, 0);
    const len = u32(h, 4, true);
    const dataAt = pos + 8;
    if (dataAt + len > src.size) throw new MetaError('truncated', `WebP chunk ${type} runs past the end`);
    if ((type === 'EXIF' || type === 'XMP ') && len <= MAX_META) {
      const d = await src.read(dataAt, len);
      if (type === 'XMP ') scanXmp(text(d), ctx.out, () => ctx.budget.check());
      else {
        const reader = await TiffReader.open(new BufferSource(startsWith(d, 'Exif\0') ? d.subarray(6) : d, ctx.budget));
        if (reader) await scanTiff(reader, ctx);
      }
    }
    pos = dataAt + len + (len & 1);
  }
}

export async function scrubWebp(data: Uint8Array, budget: Budget): Promise<ImageScrub> {
  if (!(startsWith(data, 'RIFF') && startsWith(data, 'WEBP', 8))) throw new MetaError('corrupt', 'not a WebP file');
  const end = Math.min(data.length, 8 + u32(data, 4, true));
  const parts: Uint8Array[] = [];
  const removed = new Set<RemovedId>();
  let keptOrientation: number | undefined;
  let vp8xIndex = -1;
  let pos = 12;
  let n = 0;
  while (pos + 8 <= end) {
    if ((++n & 1023) === 0) budget.check();
    const type = fourcc(data, pos);
    const len = u32(data, pos + 4, true);
    const next = pos + 8 + len + (len & 1);
    if (pos + 8 + len > data.length) throw new MetaError('truncated', `WebP chunk ${type} runs past the end`);
    const whole = data.subarray(pos, Math.min(next, data.length));
    if (type === 'EXIF') {
      const d = data.subarray(pos + 8, pos + 8 + len);
      const o = await exifOrientation(startsWith(d, 'Exif\0') ? d.subarray(6) : d, { budget });
      if (o !== undefined && o !== 1 && keptOrientation === undefined) {
        keptOrientation = o;
        const tiff = orientationOnlyTiff(o);
        const c = new Uint8Array(8 + tiff.length + (tiff.length & 1));
        c.set([0x45, 0x58, 0x49, 0x46]);
        writeU32(c, 4, tiff.length, true);
        c.set(tiff, 8);
        parts.push(c);
      }
      removed.add('exif');
    } else if (type === 'XMP ') {
      removed.add('xmp');
    } else {
      if (type === 'VP8X') vp8xIndex = parts.length;
      parts.push(type === 'VP8X' ? Uint8Array.from(whole) : whole);
    }
    pos = next;
  }
  if (vp8xIndex >= 0) {
    const v = parts[vp8xIndex] as Uint8Array;
    // Flags: 0x08 EXIF, 0x04 XMP.
    v[8] = ((v[8] ?? 0) & ~0x0c) | (keptOrientation !== undefined ? 0x08 : 0);
  }
  const body = concat(parts);
  const header = new Uint8Array(12);
  header.set([0x52, 0x49, 0x46, 0x46]);
  writeU32(header, 4, body.length + 4, true);
  header.set([0x57, 0x45, 0x42, 0x50], 8);
  if (end < data.length) removed.add('trailing-data');
  return { data: concat([header, body]), removed: [...removed], keptOrientation };
}

export const webp: FormatModule = {
  name: 'webp',
  sniff: (head) => (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8) ? 'webp' : null),
  scan: (src, ctx) => scanWebp(src, ctx),
  complete: true,
  scrubBytes: scrubWebp,
  scrub: (_det, io) => scrubPictureFile(io, scrubWebp),
};
