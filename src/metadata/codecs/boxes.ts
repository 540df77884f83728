// ISO base media boxes (QuickTime atoms): the shared layer of MP4/MOV/3GP and
// HEIF/AVIF. Box headers are read one at a time; payloads only on request.
// Hostile files meet caps on boxes per level, nesting depth and sizes.
import { fourcc, u32, u64 } from './bytes.js';
import { MetaError, type Source } from './source.js';

export interface Box {
  type: string;
  /** Offset of the box header. */
  start: number;
  headerSize: number;
  /** Offset of the payload (after the header). */
  data: number;
  /** Offset just past the box. */
  end: number;
  /** The box claimed to run past its parent or the file; `end` was clamped. */
  clamped: boolean;
}

export const MAX_BOXES_PER_LEVEL = 10_000;
export const MAX_DEPTH = 16;

/** The boxes between `start` and `end` (one level). */
export async function childBoxes(src: Source, start: number, end: number): Promise<Box[]> {
  const out: Box[] = [];
  let pos = start;
  const limit = Math.min(end, src.size);
  while (pos + 8 <= limit) {
    if (out.length >= MAX_BOXES_PER_LEVEL) throw new MetaError('corrupt', 'too many boxes');
    src.budget.check();
    const h = await src.read(pos, Math.min(16, limit - pos));
    let size = u32(h, 0);
    const type = fourcc(h, 4);
    let headerSize = 8;
    if (size === 1) {
      if (h.length < 16) throw new MetaError('truncated', 'box header runs past the end');
      size = u64(h, 8);
      headerSize = 16;
    } else if (size === 0) {
      size = limit - pos;
    }
    if (size < headerSize) {
      // A zero-length terminator (QuickTime allows 32-bit 0 at the end of udta) or garbage.
      if (u32(h, 0) === 0 && out.length > 0) break;
      throw new MetaError('corrupt', `box "${printable(type)}" with size ${size} at ${pos}`);
    }
    let boxEnd = pos + size;
    let clamped = false;
    if (!Number.isSafeInteger(boxEnd) || boxEnd > limit) {
      boxEnd = limit;
      clamped = true;
    }
    out.push({ type, start: pos, headerSize, data: pos + headerSize, end: boxEnd, clamped });
    pos = boxEnd;
  }
  return out;
}

export function printable(type: string): string {
  return type.replace(/[^\x20-\x7e]/g, '?');
}

/** Payload of a box, capped. */
export async function payload(src: Source, box: Box, max: number): Promise<Uint8Array> {
  const len = box.end - box.data;
  if (len > max) throw new MetaError('too-large', `box "${printable(box.type)}" of ${len} bytes`);
  return src.read(box.data, len);
}

/** Payload of a full box (version and flags skipped). */
export async function fullPayload(src: Source, box: Box, max: number): Promise<{ version: number; flags: number; body: Uint8Array }> {
  const p = await payload(src, box, max);
  return { version: p[0] ?? 0, flags: u32(p, 0) & 0xffffff, body: p.subarray(4) };
}

/** Seconds since 1904-01-01 (QuickTime/MP4 times) as an ExifTool-style date, or '' for 0. */
export function macTime(seconds: number): string {
  if (!seconds) return '';
  const ms = (seconds - 2_082_844_800) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/-/g, ':');
}

/** A change the scrubber makes to a copy of the file without moving any byte. */
export interface Patch {
  offset: number;
  /** Bytes to write at `offset`. */
  bytes?: Uint8Array;
  /** Or a run of this many bytes of `fill` (default 0). */
  zero?: number;
  fill?: number;
}

/**
 * Turns a box into a `free` box of the same size with a zeroed payload, so no
 * offset in the file changes (stco/co64 and iloc stay right) and nothing of the
 * old content is left behind.
 */
export function freeBox(box: Box): Patch[] {
  const patches: Patch[] = [{ offset: box.start + 4, bytes: Uint8Array.from([0x66, 0x72, 0x65, 0x65]) }];
  if (box.end > box.data) patches.push({ offset: box.data, zero: box.end - box.data });
  return patches;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf', 'mif2']);
const QT_TOP = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * The type an ISO base media file says it is, from its first bytes: the
 * `ftyp` brands, or a bare QuickTime top-level atom. null: not ISO media.
 */
export function isoType(head: Uint8Array): string | null {
  if (head.length >= 12 && fourcc(head, 4) === 'ftyp') {
    const size = Math.min(u32(head, 0), head.length);
    const major = fourcc(head, 8);
    const brands = [major];
    for (let o = 16; o + 4 <= size; o += 4) brands.push(fourcc(head, o));
    if (major === 'crx ') return 'cr3';
    if (major === 'jp2 ' || major === 'jpx ' || major === 'jpm ') return 'jp2';
    if (brands.some((b) => AVIF_BRANDS.has(b)) && (AVIF_BRANDS.has(major) || HEIF_BRANDS.has(major))) return 'avif';
    if (HEIC_BRANDS.has(major)) return 'heic';
    if (HEIF_BRANDS.has(major)) return brands.some((b) => HEIC_BRANDS.has(b)) ? 'heic' : brands.some((b) => AVIF_BRANDS.has(b)) ? 'avif' : 'heif';
    if (major === 'qt  ') return 'mov';
    if (major.startsWith('3g')) return '3gp';
    if (major === 'M4A ' || major === 'M4B ') return 'm4a';
    return 'mp4';
  }
  if (head.length >= 8 && QT_TOP.has(fourcc(head, 4)) && u32(head, 0) >= 8) return 'mov';
  return null;
}
