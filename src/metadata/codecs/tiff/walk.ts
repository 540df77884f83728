// Walks a TIFF structure (an EXIF block, or a TIFF/raw file with its pages
// and previews) and adds what it says to the findings: IFD0/IFD1, the EXIF and
// GPS IFDs, SubIFDs, with loop protection; XMP, IPTC, Photoshop blocks and
// maker notes found on the way go to their own readers.
import { cstring, text, utf16 } from '../bytes.js';
import type { ScanContext } from '../../context.js';
import { scanXmp } from '../xmp.js';
import { scanIptc } from './iptc.js';
import { makerNote } from './makernotes/index.js';
import { scanPhotoshopIrb } from './photoshop.js';
import { TiffReader, type IfdEntry } from './reader.js';
import { BufferSource } from '../source.js';
import { GPS, MAIN, tagName } from './tags.js';
import { decodeUserComment, dms, fmt } from './values.js';

const MAX_IFDS = 64;

export interface ExifWalkOptions {
  /** TIFF file (pages and previews) rather than an EXIF block inside another format. */
  file?: boolean;
  /** The first IFD is a GPS IFD (Canon CR3 keeps GPS as its own TIFF structure). */
  gps?: boolean;
}

export interface ExifSummary {
  orientation?: number;
  make?: string;
}

/**
 * Walks a TIFF structure and adds its findings. Returns the orientation of
 * the main image (1-8) when present.
 */
export async function scanTiff(reader: TiffReader, ctx: ScanContext, opts: ExifWalkOptions = {}): Promise<ExifSummary> {
  const summary: ExifSummary = {};
  const visited = new Set<number>();
  let make = '';
  let ifdCount = 0;
  const queue: Array<{ offset: number; kind: 'main' | 'exif' | 'gps' | 'sub'; index: number }> = [
    { offset: reader.first, kind: opts.gps ? 'gps' : 'main', index: 0 },
  ];
  const later: typeof queue = [];
  while (queue.length > 0 || later.length > 0) {
    const item = queue.shift() ?? (later.shift() as (typeof queue)[number]);
    if (item.offset === 0 || visited.has(item.offset) || ++ifdCount > MAX_IFDS) continue;
    visited.add(item.offset);
    ctx.budget.check();
    const { entries, next } = await reader.ifd(item.offset);
    if (make && summary.make === undefined) summary.make = make;
    if (item.kind === 'gps') {
      await gpsIfd(reader, entries, ctx);
      continue;
    }
    let hasThumb = false;
    let thumbLength = 0;
    let subfileType = 0;
    for (const e of entries) {
      if (e.tag === 0x00fe) subfileType = (await reader.numbers(e, 1))[0] ?? 0;
      if (e.tag === 0x0202) thumbLength = (await reader.numbers(e, 1))[0] ?? 0;
      if (e.tag === 0x0112 && item.kind === 'main' && item.index === 0) summary.orientation = (await reader.numbers(e, 1))[0];
      if (e.tag === 0x010f && !make) make = await reader.string(e);
    }
    for (const e of entries) {
      const rule = MAIN.get(e.tag);
      if (!rule) {
        if (e.type === 2 && e.tag >= 0x0100 && e.size > 1) {
          const v = await reader.string(e);
          if (v.trim()) ctx.out.add('other', await tagName(e.tag), v);
        }
        continue;
      }
      const [name, what] = rule;
      switch (what) {
        case 'skip':
          break;
        case 'exif-ifd':
        case 'gps-ifd': {
          const off = (await reader.numbers(e, 1))[0] ?? 0;
          queue.push({ offset: off, kind: what === 'gps-ifd' ? 'gps' : 'exif', index: 0 });
          break;
        }
        case 'sub-ifds':
          for (const off of await reader.numbers(e, 16)) later.push({ offset: off, kind: 'sub', index: 0 });
          break;
        case 'thumb-offset':
          hasThumb = true;
          break;
        case 'xmp': {
          const b = await reader.bytes(e);
          if (b) scanXmp(text(b), ctx.out, () => ctx.budget.check());
          break;
        }
        case 'iptc': {
          const b = await reader.bytes(e);
          if (b) scanIptc(b, ctx);
          break;
        }
        case 'photoshop': {
          const b = await reader.bytes(e);
          if (b) await scanPhotoshopIrb(b, ctx, (data) => scanExifBytes(data, ctx));
          break;
        }
        case 'makernote':
          await makerNote(reader, e, make, ctx);
          break;
        case 'usercomment': {
          const b = await reader.bytes(e, 64 * 1024);
          if (b) ctx.out.add('other', name, decodeUserComment(b, reader.le));
          break;
        }
        case 'xp': {
          const b = await reader.bytes(e, 64 * 1024);
          if (b) ctx.out.add(name === 'XPAuthor' ? 'person' : 'other', name, utf16(b, true).replace(/\u0000+$/, ''));
          break;
        }
        default: {
          const v = e.type === 2 ? await reader.string(e) : e.type === 7 || e.type === 1 ? cstring((await reader.bytes(e, 64 * 1024)) ?? new Uint8Array()) : (await reader.numbers(e, 8)).map((x) => fmt(x)).join(' ');
          ctx.out.add(what, name, v);
        }
      }
    }
    if (hasThumb || (opts.file && (subfileType & 1) === 1 && item.kind !== 'exif')) {
      const label = item.kind === 'main' && item.index === 1 ? 'ThumbnailImage' : 'PreviewImage';
      ctx.out.add('thumbnail', label, thumbLength > 0 ? `${thumbLength} bytes` : 'embedded preview image');
    }
    if (item.kind === 'main' && next !== 0) {
      // EXIF blocks: IFD1 is the thumbnail. TIFF files: further pages; only previews are findings.
      queue.push({ offset: next, kind: 'main', index: item.index + 1 });
    }
  }
  if (make && summary.make === undefined) summary.make = make;
  return summary;
}

async function gpsIfd(reader: TiffReader, entries: IfdEntry[], ctx: ScanContext): Promise<void> {
  const refs = new Map<number, string>();
  for (const e of entries) {
    if (e.tag === 1 || e.tag === 3 || e.tag === 0x13 || e.tag === 0x15) refs.set(e.tag, (await reader.string(e)).trim());
    if (e.tag === 5) refs.set(5, String((await reader.numbers(e, 1))[0] ?? 0));
  }
  for (const e of entries) {
    const name = GPS.get(e.tag);
    if (!name) continue;
    let value = '';
    switch (e.tag) {
      case 0x02:
      case 0x04:
      case 0x14:
      case 0x16: {
        const v = dms(await reader.numbers(e, 3));
        if (v === null) break;
        const ref = refs.get(e.tag - 1) ?? '';
        value = `${fmt(v)}${ref ? ' ' + ref : ''}`;
        break;
      }
      case 0x06: {
        const v = (await reader.numbers(e, 1))[0];
        if (v === undefined) break;
        value = `${fmt(v, 2)} m${refs.get(5) === '1' ? ' below sea level' : ''}`;
        break;
      }
      case 0x07: {
        const [h = 0, m = 0, s = 0] = await reader.numbers(e, 3);
        value = `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.floor(m)).padStart(2, '0')}:${fmt(s, 3).padStart(2, '0')}`;
        break;
      }
      case 0x1b:
      case 0x1c: {
        const b = await reader.bytes(e, 64 * 1024);
        value = b ? decodeUserComment(b, reader.le) : '';
        break;
      }
      default:
        value = e.type === 2 ? await reader.string(e) : (await reader.numbers(e, 4)).map((x) => fmt(x)).join(' ');
    }
    ctx.out.add(name === 'GPSTimeStamp' || name === 'GPSDateStamp' ? 'time' : 'location', name, value);
  }
}

/** Reads an EXIF (TIFF) block held in memory; not a TIFF structure: nothing. */
export async function scanExifBytes(data: Uint8Array, ctx: ScanContext): Promise<void> {
  const sub = await TiffReader.open(new BufferSource(data, ctx.budget));
  if (sub) await scanTiff(sub, ctx);
}
