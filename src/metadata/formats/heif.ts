// HEIF/HEIC/AVIF: metadata are items of the `meta` box: an `Exif` item (a TIFF
// block after a 4-byte offset) and a `mime` item of type application/rdf+xml
// (XMP). Their bytes sit in mdat or idat, found through `iloc`. The scrubber
// overwrites those bytes in place (a valid empty EXIF / XMP packet, then
// zeros), so no offset in the file moves and the picture is untouched.
import { cstring, fourcc, text, u16, u32, u64, ascii } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { BufferSource, MetaError, type Source } from '../codecs/source.js';
import type { RemovedId } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { childBoxes, fullPayload, isoType, type Box, type Patch } from '../codecs/boxes.js';
import type { FormatModule } from './types.js';

const MAX_META_BOX = 16 * 1024 * 1024;
const MAX_ITEM = 16 * 1024 * 1024;
const MAX_ITEMS = 100_000;

interface Item {
  id: number;
  type: string;
  contentType: string;
  name: string;
}

interface Extent {
  offset: number;
  length: number;
}

interface Location {
  method: number;
  extents: Extent[];
}

export interface HeifMeta {
  items: Item[];
  locations: Map<number, Location>;
  /** Absolute offset of the idat payload, for construction method 1. */
  idat: { start: number; end: number } | null;
}

function readUint(b: Uint8Array, o: number, size: number): number {
  switch (size) {
    case 0:
      return 0;
    case 4:
      return u32(b, o);
    case 8:
      return u64(b, o);
    default:
      throw new MetaError('corrupt', `iloc field size ${size}`);
  }
}

function parseIinf(version: number, body: Uint8Array): Item[] {
  const items: Item[] = [];
  let p = version === 0 ? 2 : 4;
  const count = version === 0 ? u16(body, 0) : u32(body, 0);
  for (let i = 0; i < count && i < MAX_ITEMS && p + 8 <= body.length; i++) {
    const size = u32(body, p);
    const type = fourcc(body, p + 4);
    if (size < 8 || p + size > body.length) break;
    if (type === 'infe') {
      const b = body.subarray(p + 8, p + size);
      const v = b[0] ?? 0;
      if (v >= 2) {
        const id = v === 2 ? u16(b, 4) : u32(b, 4);
        let q = v === 2 ? 6 : 8;
        q += 2; // protection index
        const itemType = fourcc(b, q);
        q += 4;
        const nameEnd = b.indexOf(0, q);
        const name = cstring(b, q);
        let contentType = '';
        if (itemType === 'mime' && nameEnd !== -1) contentType = cstring(b, nameEnd + 1);
        items.push({ id, type: itemType, contentType, name });
      }
    }
    p += size;
  }
  return items;
}

function parseIloc(version: number, b: Uint8Array): Map<number, Location> {
  const out = new Map<number, Location>();
  const offsetSize = (b[0] ?? 0) >> 4;
  const lengthSize = (b[0] ?? 0) & 15;
  const baseSize = (b[1] ?? 0) >> 4;
  const indexSize = version === 1 || version === 2 ? (b[1] ?? 0) & 15 : 0;
  let p = 2;
  const count = version < 2 ? u16(b, p) : u32(b, p);
  p += version < 2 ? 2 : 4;
  let totalExtents = 0;
  for (let i = 0; i < count && i < MAX_ITEMS; i++) {
    if (p + 4 > b.length) throw new MetaError('truncated', 'iloc runs past its box');
    const id = version < 2 ? u16(b, p) : u32(b, p);
    p += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = u16(b, p) & 15;
      p += 2;
    }
    p += 2; // data reference index
    const base = readUint(b, p, baseSize);
    p += baseSize;
    const extentCount = u16(b, p);
    p += 2;
    totalExtents += extentCount;
    if (totalExtents > MAX_ITEMS) throw new MetaError('corrupt', 'too many item extents');
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e++) {
      p += indexSize;
      const offset = readUint(b, p, offsetSize);
      p += offsetSize;
      const length = readUint(b, p, lengthSize);
      p += lengthSize;
      if (p > b.length) throw new MetaError('truncated', 'iloc runs past its box');
      extents.push({ offset: base + offset, length });
    }
    out.set(id, { method, extents });
  }
  return out;
}

/** Reads the item table of a `meta` box. */
export async function readHeifMeta(src: Source, meta: Box): Promise<HeifMeta> {
  const children = await childBoxes(src, meta.data + 4, meta.end);
  let items: Item[] = [];
  let locations = new Map<number, Location>();
  let idat: HeifMeta['idat'] = null;
  for (const box of children) {
    if (box.type === 'iinf') {
      const { version, body } = await fullPayload(src, box, MAX_META_BOX);
      items = parseIinf(version, body);
    } else if (box.type === 'iloc') {
      const { version, body } = await fullPayload(src, box, MAX_META_BOX);
      locations = parseIloc(version, body);
    } else if (box.type === 'idat') {
      idat = { start: box.data, end: box.end };
    }
  }
  return { items, locations, idat };
}

/** Absolute file ranges of an item's data. */
export function itemRanges(meta: HeifMeta, id: number, size: number): Extent[] {
  const loc = meta.locations.get(id);
  if (!loc) return [];
  const out: Extent[] = [];
  for (const e of loc.extents) {
    let offset = e.offset;
    let length = e.length;
    if (loc.method === 1) {
      if (!meta.idat) return [];
      offset += meta.idat.start;
      if (length === 0) length = meta.idat.end - offset;
    } else if (loc.method !== 0) {
      return [];
    } else if (length === 0) {
      length = size - offset;
    }
    if (offset < 0 || length < 0 || offset + length > size) throw new MetaError('truncated', `item ${id} lies past the end`);
    out.push({ offset, length });
  }
  return out;
}

async function itemData(src: Source, meta: HeifMeta, id: number): Promise<Uint8Array | null> {
  const ranges = itemRanges(meta, id, src.size);
  let total = 0;
  for (const r of ranges) total += r.length;
  if (ranges.length === 0 || total > MAX_ITEM) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const r of ranges) {
    out.set(await src.read(r.offset, r.length), o);
    o += r.length;
  }
  return out;
}

export function isXmpItem(item: Item): boolean {
  return item.type === 'mime' && /rdf\+xml|xmp/i.test(item.contentType);
}

/** Adds findings from the items of a HEIF `meta` box. */
export async function scanHeifMeta(src: Source, meta: Box, ctx: ScanContext): Promise<void> {
  const m = await readHeifMeta(src, meta);
  for (const item of m.items) {
    if (item.type === 'Exif') {
      const d = await itemData(src, m, item.id);
      if (!d || d.length < 4) continue;
      const skip = 4 + u32(d, 0);
      if (skip >= d.length) continue;
      const reader = await TiffReader.open(new BufferSource(d.subarray(skip), ctx.budget));
      if (reader) await scanTiff(reader, ctx);
    } else if (isXmpItem(item)) {
      const d = await itemData(src, m, item.id);
      if (d) scanXmp(text(d), ctx.out, () => ctx.budget.check());
    }
  }
}

export async function scanHeif(src: Source, ctx: ScanContext): Promise<void> {
  for (const box of await childBoxes(src, 0, src.size)) {
    if (box.type === 'meta') await scanHeifMeta(src, box, ctx);
  }
}

const EMPTY_EXIF = Uint8Array.from([0, 0, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]);
const EMPTY_XMP = ascii('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');

/**
 * Patches that blank the EXIF and XMP items of every `meta` box: a valid empty
 * block first, then spaces (XMP) or zeros (EXIF) over the rest of the item.
 */
export async function planHeifScrub(src: Source, metaBoxes: Box[]): Promise<{ patches: Patch[]; removed: RemovedId[] }> {
  const patches: Patch[] = [];
  const removed = new Set<RemovedId>();
  for (const meta of metaBoxes) {
    const m = await readHeifMeta(src, meta);
    for (const item of m.items) {
      const xmp = isXmpItem(item);
      if (item.type !== 'Exif' && !xmp) continue;
      const ranges = itemRanges(m, item.id, src.size);
      let total = 0;
      for (const r of ranges) total += r.length;
      const head = xmp ? EMPTY_XMP : EMPTY_EXIF;
      const fill = xmp ? 0x20 : 0;
      let written = total < head.length ? head.length : 0;
      for (const r of ranges) {
        const take = Math.max(0, Math.min(head.length - written, r.length));
        if (take > 0) patches.push({ offset: r.offset, bytes: head.slice(written, written + take) });
        written += take;
        if (r.length > take) patches.push({ offset: r.offset + take, zero: r.length - take, fill: total < head.length ? 0 : fill });
      }
      removed.add(xmp ? 'xmp' : 'exif');
    }
  }
  return { patches, removed: [...removed] };
}

export const heif: FormatModule = {
  name: 'heif',
  sniff: (head) => {
    const t = isoType(head);
    return t === 'heic' || t === 'heif' || t === 'avif' ? t : null;
  },
  scan: (src, ctx) => scanHeif(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const plan = await io.withSource(async (src) => {
      const metas = (await childBoxes(src, 0, src.size)).filter((b) => b.type === 'meta');
      return planHeifScrub(src, metas);
    });
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['document-content'] };
  },
};
