// JPEG: metadata lives in APPn and COM segments before the first SOS marker,
// and sometimes after EOI (MPF preview images, motion-photo videos, vendor
// trailers). The scanner reads the segment table only; the scrubber drops
// metadata segments and copies the entropy-coded image data byte for byte.
import { concat, latin1, startsWith, text, u16, u32, utf16, writeU16 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { exifOrientation, orientationOnlyTiff, scanPhotoshopIrb, scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { BufferSource, MetaError, type Budget, type Source } from '../codecs/source.js';
import { readFile } from 'node:fs/promises';
import { bytesEqual } from '../codecs/bytes.js';
import { scrubPictureFile } from './picture.js';
import type { FormatModule, ImageScrub } from './types.js';
import type { RemovedId } from '../messages.js';
import { scanAfcp } from '../codecs/afcp.js';
import { scanXmp, xmpText } from '../codecs/xmp.js';
import { flirPart, scanFff, scanGpmf, scanInfiraySensor, scanPictureInfo } from './jpeg-vendors.js';

const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_EXT_ID = 'http://ns.adobe.com/xmp/extension/\0';
const MAX_SEGMENTS = 10_000;
const MAX_EXTENDED_XMP = 16 * 1024 * 1024;

function isStandalone(m: number): boolean {
  return m === 0x01 || (m >= 0xd0 && m <= 0xd7);
}

export async function scanJpeg(src: Source, ctx: ScanContext): Promise<void> {
  let pos = 2;
  const photoshop: Uint8Array[] = [];
  const extended = new Map<string, Array<{ offset: number; data: Uint8Array }>>();
  let extendedBytes = 0;
  let segments = 0;
  const state: JpegState = { make: '', flir: [], ijpeg: false };
  let progressive = false;
  try {
    while (pos + 4 <= src.size) {
      if (++segments > MAX_SEGMENTS) throw new MetaError('corrupt', 'too many JPEG segments');
      const h = await src.read(pos, Math.min(4, src.size - pos));
      if (h[0] !== 0xff) throw new MetaError('corrupt', `no JPEG marker at ${pos}`);
      const m = h[1] ?? 0;
      if (m === 0xff) {
        pos++;
        continue;
      }
      if (isStandalone(m)) {
        pos += 2;
        continue;
      }
      if (m === 0xd9) break;
      const len = u16(h, 2);
      if (len < 2) throw new MetaError('corrupt', `bad segment length at ${pos}`);
      if (m === 0xc2 || m === 0xc6 || m === 0xca || m === 0xce) progressive = true;
      if (m === 0xda) {
        // A baseline picture is one scan to the end. A progressive one has
        // several, and segments (XMP, comments) can hide between them.
        if (!progressive) break;
        pos = await nextMarker(src, pos + 2 + len, ctx);
        continue;
      }
      const isApp = m >= 0xe0 && m <= 0xef;
      if (isApp || m === 0xfe) {
        const p = await src.read(pos + 4, len - 2);
        if (m === 0xfe) ctx.out.add('other', 'Comment', text(p));
        else await appSegment(m - 0xe0, p, ctx, state, photoshop, (guid, offset, data) => {
          extendedBytes += data.length;
          if (extendedBytes > MAX_EXTENDED_XMP) return;
          const list = extended.get(guid) ?? [];
          list.push({ offset, data });
          extended.set(guid, list);
        });
      }
      pos += 2 + len;
    }
  } finally {
    // Whatever was gathered before a problem still counts.
    if (photoshop.length > 0) await scanPhotoshopIrb(concat(photoshop), ctx).catch(() => undefined);
    if (state.flir.length > 0) scanFff(concat(state.flir), ctx);
    for (const parts of extended.values()) {
      parts.sort((a, b) => a.offset - b.offset);
      scanXmp(text(concat(parts.map((p) => p.data))), ctx.out);
    }
  }
  // Only Samsung writes a trailer worth a second read.
  if (/samsung/i.test(state.make)) await trailer(src, ctx);
  await scanAfcp(src, ctx);
}

interface JpegState {
  make: string;
  /** FLIR FFF data, in APP1 parts. */
  flir: Uint8Array[];
  /** An InfiRay IJPEG header was seen (APP2): APP9 is its sensor block. */
  ijpeg: boolean;
}

const CHUNK = 64 * 1024;

/** Position of the next marker after entropy-coded data (not a stuffed 0xFF00, RSTn or fill byte). */
async function nextMarker(src: Source, from: number, ctx: ScanContext): Promise<number> {
  let at = from;
  while (at < src.size) {
    ctx.budget.check();
    const buf = await src.readAtMost(at, CHUNK + 1);
    let i = 0;
    for (;;) {
      const ff = buf.indexOf(0xff, i);
      if (ff === -1 || ff + 1 >= buf.length) break;
      const next = buf[ff + 1] ?? 0;
      if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
        i = ff + 1;
        continue;
      }
      return at + ff;
    }
    if (buf.length <= 1) break;
    at += buf.length - 1;
  }
  return src.size;
}

async function appSegment(
  n: number,
  p: Uint8Array,
  ctx: ScanContext,
  state: JpegState,
  photoshop: Uint8Array[],
  addExtended: (guid: string, offset: number, data: Uint8Array) => void,
): Promise<void> {
  switch (n) {
    case 0:
      if (startsWith(p, 'JFIF\0') && (p[12] ?? 0) * (p[13] ?? 0) > 0) ctx.out.add('thumbnail', 'ThumbnailImage', `JFIF thumbnail ${p[12]}x${p[13]}`);
      else if (startsWith(p, 'JFXX\0')) ctx.out.add('thumbnail', 'ThumbnailImage', 'JFXX thumbnail');
      return;
    case 1:
      if (startsWith(p, 'Exif\0')) {
        const reader = await TiffReader.open(new BufferSource(p.subarray(6), ctx.budget));
        if (reader) state.make = (await scanTiff(reader, ctx)).make ?? state.make;
        return;
      }
      if (startsWith(p, XMP_ID)) {
        scanXmp(xmpText(p.subarray(XMP_ID.length)), ctx.out, () => ctx.budget.check());
        return;
      }
      {
        const part = flirPart(p);
        if (part) {
          state.flir.push(part.data);
          ctx.out.add('device', 'FLIR', `thermal camera data, ${p.length} bytes`);
          return;
        }
      }
      if (startsWith(p, XMP_EXT_ID)) {
        const o = XMP_EXT_ID.length;
        addExtended(latin1(p, o, o + 32), u32(p, o + 36), p.subarray(o + 40));
        return;
      }
      if (latin1(p, 0, 200).includes('<x:xmpmeta')) {
        scanXmp(text(p), ctx.out);
        return;
      }
      break;
    case 2:
      if (startsWith(p, 'ICC_PROFILE\0')) return;
      if (startsWith(p, 'IJPEG\0', 4)) {
        state.ijpeg = true;
        ctx.out.add('device', 'InfiRay', 'thermal camera data');
        return;
      }
      if (startsWith(p, 'MPF\0')) {
        const images = await mpfImageCount(p.subarray(4), ctx);
        if (images > 1) ctx.out.add('thumbnail', 'MPImage', `${images - 1} more image(s) stored after the main picture`);
        return;
      }
      break;
    case 6:
      if (startsWith(p, 'GoPro\0')) {
        scanGpmf(p.subarray(6), ctx);
        return;
      }
      break;
    case 9:
      if (state.ijpeg) {
        scanInfiraySensor(p, ctx);
        return;
      }
      break;
    case 11:
      if (startsWith(p, 'JP')) {
        ctx.out.add('history', 'JUMBF', `content credentials / JUMBF box, ${p.length} bytes`);
        return;
      }
      break;
    case 12:
      if (startsWith(p, 'Ducky')) {
        ducky(p.subarray(5), ctx);
        return;
      }
      if (/\[picture info\]|Type=/.test(latin1(p, 0, Math.min(p.length, 256)))) {
        scanPictureInfo(p, ctx);
        return;
      }
      break;
    case 13:
      if (startsWith(p, 'Photoshop 3.0\0')) {
        photoshop.push(p.subarray(14));
        return;
      }
      break;
    case 14:
      if (startsWith(p, 'Adobe')) return;
      break;
    default:
      break;
  }
  const id = latin1(p, 0, Math.min(p.length, 16)).replace(/[^\x20-\x7e].*$/s, '');
  ctx.out.add('other', `APP${n}`, `${id ? id + ', ' : ''}${p.length} bytes of vendor data`);
}

function ducky(p: Uint8Array, ctx: ScanContext): void {
  let i = 0;
  while (i + 4 <= p.length) {
    const tag = u16(p, i);
    const len = u16(p, i + 2);
    if (tag === 0) break;
    const data = p.subarray(i + 4, i + 4 + len);
    if (tag === 2 && data.length > 4) ctx.out.add('other', 'Comment', utf16(data.subarray(4), false));
    if (tag === 3 && data.length > 4) ctx.out.add('person', 'Copyright', utf16(data.subarray(4), false));
    i += 4 + len;
  }
}

async function mpfImageCount(tiff: Uint8Array, ctx: ScanContext): Promise<number> {
  try {
    const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
    if (!reader) return 0;
    const { entries } = await reader.ifd(reader.first);
    const e = entries.find((x) => x.tag === 0xb001);
    return e ? ((await reader.numbers(e, 1))[0] ?? 0) : 0;
  } catch {
    return 0;
  }
}

/** Vendor trailers after EOI that carry more data (Samsung "SEFT": depth maps, audio, edit history). */
async function trailer(src: Source, ctx: ScanContext): Promise<void> {
  if (src.size < 16) return;
  const tail = await src.read(src.size - 8, 8);
  if (latin1(tail, 4, 8) === 'SEFT') ctx.out.add('other', 'SamsungTrailer', 'Samsung trailer data after the image');
}

// ---------------------------------------------------------------------------
// Scrubbing


function segment(marker: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out[0] = 0xff;
  out[1] = marker;
  writeU16(out, 2, payload.length + 2);
  out.set(payload, 4);
  return out;
}

/** Which segment the scrubber keeps, by marker and payload. */
function keepSegment(m: number, p: Uint8Array): boolean {
  if (m === 0xfe) return false;
  if (m >= 0xe0 && m <= 0xef) {
    if (m === 0xe2 && startsWith(p, 'ICC_PROFILE\0')) return true;
    if (m === 0xee && startsWith(p, 'Adobe')) return true; // colour transform: needed to show colours right
    return false;
  }
  return true;
}

function appLabel(m: number, p: Uint8Array): RemovedId {
  if (m === 0xfe) return 'comment';
  if (m === 0xe1 && startsWith(p, 'Exif\0')) return 'exif';
  if (m === 0xe1 && (startsWith(p, XMP_ID) || startsWith(p, XMP_EXT_ID))) return 'xmp';
  if (m === 0xed) return 'iptc';
  if (m === 0xe2 && startsWith(p, 'MPF\0')) return 'previews';
  if (m === 0xe0) return 'thumbnail';
  if (m === 0xeb && startsWith(p, 'JP')) return 'c2pa';
  return 'vendor-data';
}

/**
 * Removes EXIF, XMP, IPTC/Photoshop, comments, vendor APPn segments, the JFIF
 * thumbnail and everything after the end of the main image. Keeps the ICC
 * profile, the Adobe colour segment, every table and the entropy-coded data
 * byte for byte. A rotated picture keeps a minimal EXIF with Orientation only:
 * turning the pixels instead would mean decoding and re-encoding (quality
 * loss), and dropping the tag would show the picture sideways.
 */
export async function scrubJpeg(data: Uint8Array, budget: Budget): Promise<ImageScrub> {
  if (!(data[0] === 0xff && data[1] === 0xd8)) throw new MetaError('corrupt', 'not a JPEG');
  const parts: Uint8Array[] = [data.subarray(0, 2)];
  const removed = new Set<RemovedId>();
  let keptOrientation: number | undefined;
  let orientationWritten = false;
  let pos = 2;
  let sawEoi = false;
  let segments = 0;
  while (pos < data.length) {
    if (++segments > 1_000_000) throw new MetaError('corrupt', 'too many JPEG segments');
    if ((segments & 1023) === 0) budget.check();
    if (data[pos] !== 0xff) throw new MetaError('corrupt', `no JPEG marker at ${pos}`);
    const m = data[pos + 1] ?? 0;
    if (m === 0xff) {
      // Fill byte before a marker: kept, so the image data stays byte-identical.
      parts.push(data.subarray(pos, pos + 1));
      pos++;
      continue;
    }
    if (m === 0xd9) {
      parts.push(data.subarray(pos, pos + 2));
      pos += 2;
      sawEoi = true;
      break;
    }
    if (isStandalone(m)) {
      parts.push(data.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > data.length) throw new MetaError('truncated', 'JPEG ends inside a segment header');
    const len = u16(data, pos + 2);
    if (len < 2 || pos + 2 + len > data.length) throw new MetaError('truncated', `JPEG segment at ${pos} runs past the end`);
    const p = data.subarray(pos + 4, pos + 2 + len);
    const whole = data.subarray(pos, pos + 2 + len);
    pos += 2 + len;
    if (m === 0xda) {
      // Scan header, then entropy-coded data up to the next real marker.
      parts.push(whole);
      let i = pos;
      for (;;) {
        const ff = data.indexOf(0xff, i);
        if (ff === -1 || ff + 1 >= data.length) {
          i = data.length;
          break;
        }
        let j = ff + 1;
        while (j < data.length && data[j] === 0xff) j++;
        const next = data[j] ?? 0;
        if (j < data.length && (next === 0x00 || (next >= 0xd0 && next <= 0xd7))) {
          i = j + 1;
          continue;
        }
        i = ff;
        break;
      }
      parts.push(data.subarray(pos, i));
      pos = i;
      continue;
    }
    if (m === 0xe0 && startsWith(p, 'JFIF\0') && p.length >= 14) {
      const thumb = (p[12] ?? 0) * (p[13] ?? 0) > 0;
      if (thumb) removed.add('thumbnail');
      const jfif = Uint8Array.from(p.subarray(0, 14));
      jfif[12] = 0;
      jfif[13] = 0;
      parts.push(thumb || p.length > 14 ? segment(0xe0, jfif) : whole);
      continue;
    }
    if (m === 0xe1 && startsWith(p, 'Exif\0')) {
      const o = await exifOrientation(p.subarray(6), { budget });
      if (o !== undefined && o !== 1 && !orientationWritten) {
        keptOrientation = o;
        orientationWritten = true;
        parts.push(segment(0xe1, concat([Uint8Array.from([0x45, 0x78, 0x69, 0x66, 0, 0]), orientationOnlyTiff(o)])));
      }
      removed.add('exif');
      continue;
    }
    if (keepSegment(m, p)) parts.push(whole);
    else removed.add(appLabel(m, p));
  }
  if (!sawEoi) throw new MetaError('truncated', 'JPEG has no end-of-image marker');
  if (pos < data.length) removed.add('trailing-data');
  return { data: concat(parts), removed: [...removed], keptOrientation };
}

/**
 * The image data of a JPEG: from the first SOS marker up to and including EOI,
 * with any metadata segments between progressive scans left out. Equal for a
 * file and its scrubbed copy: the tests and the in-place check compare it.
 */
export function jpegImageData(data: Uint8Array): Uint8Array | null {
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return null;
    const m = data[pos + 1] ?? 0;
    if (m === 0xff) {
      pos++;
      continue;
    }
    if (isStandalone(m)) {
      pos += 2;
      continue;
    }
    if (m === 0xda) break;
    if (m === 0xd9) return null;
    pos += 2 + u16(data, pos + 2);
  }
  const parts: Uint8Array[] = [];
  let i = pos;
  let runStart = pos;
  while (i < data.length) {
    const ff = data.indexOf(0xff, i);
    if (ff === -1 || ff + 1 >= data.length) return null;
    const next = data[ff + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
      i = ff + (next === 0xff ? 1 : 2);
      continue;
    }
    if (next === 0xd9) {
      parts.push(data.subarray(runStart, ff + 2));
      return concat(parts);
    }
    const len = u16(data, ff + 2);
    if ((next >= 0xe0 && next <= 0xef) || next === 0xfe) {
      parts.push(data.subarray(runStart, ff));
      runStart = ff + 2 + len;
    }
    i = ff + 2 + (next === 0xda || next === 0xc4 || next === 0xdb || next === 0xdd || (next >= 0xe0 && next <= 0xef) || next === 0xfe ? len : 0);
  }
  return null;
}

export const jpeg: FormatModule = {
  name: 'jpeg',
  sniff: (head) => (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff ? 'jpeg' : null),
  scan: (src, ctx) => scanJpeg(src, ctx),
  complete: true,
  scrubBytes: scrubJpeg,
  scrub: (_det, io) =>
    scrubPictureFile(io, scrubJpeg, async (original, copy) => {
      const a = jpegImageData(original);
      const b = jpegImageData(new Uint8Array(await readFile(copy)));
      return a && b && bytesEqual(a, b) ? null : 'image data changed';
    }),
};
