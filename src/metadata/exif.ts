// TIFF-structured metadata: EXIF blocks inside JPEG/PNG/WebP/HEIF, and TIFF
// files themselves (raw camera files included). Reads IFDs lazily through a
// Source, so a DNG of 50 MB costs a few kilobytes; follows the EXIF, GPS and
// SubIFD pointers with loop protection; decodes the serial numbers that
// cameras hide in maker notes (Canon, Nikon, Olympus, Fujifilm, Panasonic,
// Pentax, Sigma, Samsung, Apple) because ExifTool shows them.
//
// IPTC-IIM and Photoshop image resources live here too: they travel inside
// TIFF tags and JPEG APP13 segments.
import { cstring, latin1, startsWith, text, u16, u32, u64, utf16 } from './bytes.js';
import type { ScanContext } from './context.js';
import { BufferSource, MetaError, type Source } from './source.js';
import type { Category } from './types.js';
import { scanXmp } from './xmp.js';

const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
const MAX_ENTRIES = 1000;
const MAX_IFDS = 64;
const MAX_VALUE = 4 * 1024 * 1024;

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Bytes of the value. */
  size: number;
  /** Absolute offset of the value in the source. */
  at: number;
}

export class TiffReader {
  private constructor(
    readonly src: Source,
    /** Absolute offset that IFD offsets are relative to. */
    readonly base: number,
    readonly le: boolean,
    readonly big: boolean,
    /** Offset of the first IFD, relative to base. */
    readonly first: number,
  ) {}

  /** Reads a TIFF header at `base`; null when there is none. */
  static async open(src: Source, base = 0): Promise<TiffReader | null> {
    if (src.size - base < 8) return null;
    const h = await src.read(base, Math.min(16, src.size - base));
    const le = h[0] === 0x49 && h[1] === 0x49;
    const be = h[0] === 0x4d && h[1] === 0x4d;
    if (!le && !be) return null;
    const magic = u16(h, 2, le);
    if (magic === 43) {
      if (h.length < 16) return null;
      return new TiffReader(src, base, le, true, u64(h, 8, le));
    }
    // 42 = TIFF; 0x4f52/0x5352 = Olympus ORF; 0x55 = Panasonic RW2.
    if (magic !== 42 && magic !== 0x4f52 && magic !== 0x5352 && magic !== 0x55) return null;
    return new TiffReader(src, base, le, false, u32(h, 4, le));
  }

  /** A reader over another IFD structure sharing this source (maker notes). */
  with(base: number, le: boolean): TiffReader {
    return new TiffReader(this.src, base, le, false, 0);
  }

  async ifd(offset: number): Promise<{ entries: IfdEntry[]; next: number }> {
    const at = this.base + offset;
    const countSize = this.big ? 8 : 2;
    const entrySize = this.big ? 20 : 12;
    const head = await this.src.read(at, countSize);
    const n = this.big ? u64(head, 0, this.le) : u16(head, 0, this.le);
    if (n > MAX_ENTRIES) throw new MetaError('corrupt', `IFD with ${n} entries`);
    const body = await this.src.read(at + countSize, n * entrySize + (this.big ? 8 : 4));
    const entries: IfdEntry[] = [];
    for (let i = 0; i < n; i++) {
      const e = i * entrySize;
      const tag = u16(body, e, this.le);
      const type = u16(body, e + 2, this.le);
      const count = this.big ? u64(body, e + 4, this.le) : u32(body, e + 4, this.le);
      const unit = TYPE_SIZE[type] ?? 0;
      if (unit === 0) continue;
      const size = unit * count;
      if (!Number.isSafeInteger(size)) continue;
      const inline = this.big ? 8 : 4;
      const valueField = at + countSize + e + (this.big ? 12 : 8);
      const valueAt = size <= inline ? valueField : this.base + (this.big ? u64(body, e + 12, this.le) : u32(body, e + 8, this.le));
      entries.push({ tag, type, count, size, at: valueAt });
    }
    const next = this.big ? u64(body, n * entrySize, this.le) : u32(body, n * entrySize, this.le);
    return { entries, next };
  }

  async bytes(e: IfdEntry, max = MAX_VALUE): Promise<Uint8Array | null> {
    if (e.size > max || e.at + e.size > this.src.size) return null;
    return this.src.read(e.at, e.size);
  }

  async string(e: IfdEntry): Promise<string> {
    const b = await this.bytes(e, 64 * 1024);
    return b ? cstring(b) : '';
  }

  /** Numeric values (rationals as quotients), at most `max` of them. */
  async numbers(e: IfdEntry, max = 64): Promise<number[]> {
    const unit = TYPE_SIZE[e.type] ?? 0;
    const n = Math.min(e.count, max);
    const b = await this.bytes({ ...e, size: n * unit, count: n });
    if (!b) return [];
    const out: number[] = [];
    const le = this.le;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < n; i++) {
      const o = i * unit;
      switch (e.type) {
        case 1:
        case 7:
          out.push(b[o] ?? 0);
          break;
        case 6:
          out.push(dv.getInt8(o));
          break;
        case 3:
          out.push(u16(b, o, le));
          break;
        case 8:
          out.push(dv.getInt16(o, le));
          break;
        case 4:
        case 13:
          out.push(u32(b, o, le));
          break;
        case 9:
          out.push(dv.getInt32(o, le));
          break;
        case 5: {
          const d = u32(b, o + 4, le);
          out.push(d === 0 ? 0 : u32(b, o, le) / d);
          break;
        }
        case 10: {
          const d = dv.getInt32(o + 4, le);
          out.push(d === 0 ? 0 : dv.getInt32(o, le) / d);
          break;
        }
        case 11:
          out.push(dv.getFloat32(o, le));
          break;
        case 12:
          out.push(dv.getFloat64(o, le));
          break;
        case 16:
        case 18:
          out.push(u64(b, o, le));
          break;
        default:
          break;
      }
    }
    return out;
  }
}

type Special = 'exif-ifd' | 'gps-ifd' | 'sub-ifds' | 'xmp' | 'iptc' | 'photoshop' | 'makernote' | 'usercomment' | 'xp' | 'thumb-offset' | 'skip';
type TagRule = readonly [name: string, what: Category | Special];

/** IFD0, IFD1 and the EXIF IFD share one tag space. */
const MAIN: ReadonlyMap<number, TagRule> = new Map<number, TagRule>([
  [0x000b, ['ProcessingSoftware', 'software']],
  [0x010d, ['DocumentName', 'other']],
  [0x010e, ['ImageDescription', 'other']],
  [0x010f, ['Make', 'device']],
  [0x0110, ['Model', 'device']],
  [0x011d, ['PageName', 'other']],
  [0x0131, ['Software', 'software']],
  [0x0132, ['ModifyDate', 'time']],
  [0x013b, ['Artist', 'person']],
  // Computer names are usually "Ivan's MacBook": a person, not just a device.
  [0x013c, ['HostComputer', 'person']],
  [0x014a, ['SubIFDs', 'sub-ifds']],
  [0x0201, ['ThumbnailOffset', 'thumb-offset']],
  [0x02bc, ['ApplicationNotes', 'xmp']],
  [0x8298, ['Copyright', 'person']],
  [0x83bb, ['IPTC-NAA', 'iptc']],
  [0x8649, ['PhotoshopSettings', 'photoshop']],
  [0x8769, ['ExifOffset', 'exif-ifd']],
  [0x8825, ['GPSInfo', 'gps-ifd']],
  [0x9003, ['DateTimeOriginal', 'time']],
  [0x9004, ['CreateDate', 'time']],
  [0x9010, ['OffsetTime', 'time']],
  [0x9011, ['OffsetTimeOriginal', 'time']],
  [0x9012, ['OffsetTimeDigitized', 'time']],
  [0x927c, ['MakerNote', 'makernote']],
  [0x9286, ['UserComment', 'usercomment']],
  [0x9c9b, ['XPTitle', 'xp']],
  [0x9c9c, ['XPComment', 'xp']],
  [0x9c9d, ['XPAuthor', 'xp']],
  [0x9c9e, ['XPKeywords', 'xp']],
  [0x9c9f, ['XPSubject', 'xp']],
  [0xa004, ['RelatedSoundFile', 'other']],
  [0xa420, ['ImageUniqueID', 'history']],
  [0xa430, ['OwnerName', 'person']],
  [0xa431, ['SerialNumber', 'serial']],
  [0xa433, ['LensMake', 'device']],
  [0xa434, ['LensModel', 'device']],
  [0xa435, ['LensSerialNumber', 'serial']],
  [0xa436, ['ImageTitle', 'other']],
  [0xa437, ['Photographer', 'person']],
  [0xa438, ['ImageEditor', 'person']],
  [0xa439, ['CameraFirmware', 'software']],
  [0xa43a, ['RAWDevelopingSoftware', 'software']],
  [0xa43b, ['ImageEditingSoftware', 'software']],
  [0xa43c, ['MetadataEditingSoftware', 'software']],
  [0xc614, ['UniqueCameraModel', 'device']],
  [0xc615, ['LocalizedCameraModel', 'device']],
  [0xc62f, ['CameraSerialNumber', 'serial']],
  [0xc68b, ['OriginalRawFileName', 'history']],
  // ASCII technical tags that say nothing about a person, place or device.
  [0x8824, ['SpectralSensitivity', 'skip']],
  [0x9290, ['SubSecTime', 'skip']],
  [0x9291, ['SubSecTimeOriginal', 'skip']],
  [0x9292, ['SubSecTimeDigitized', 'skip']],
  [0xa005, ['InteropOffset', 'skip']],
  [0xc4a5, ['PrintIM', 'skip']],
  [0xea1c, ['Padding', 'skip']],
]);

const GPS: ReadonlyMap<number, string> = new Map([
  [0x02, 'GPSLatitude'],
  [0x04, 'GPSLongitude'],
  [0x06, 'GPSAltitude'],
  [0x07, 'GPSTimeStamp'],
  [0x08, 'GPSSatellites'],
  [0x0d, 'GPSSpeed'],
  [0x0f, 'GPSTrack'],
  [0x11, 'GPSImgDirection'],
  [0x14, 'GPSDestLatitude'],
  [0x16, 'GPSDestLongitude'],
  [0x18, 'GPSDestBearing'],
  [0x1a, 'GPSDestDistance'],
  [0x1b, 'GPSProcessingMethod'],
  [0x1c, 'GPSAreaInformation'],
  [0x1d, 'GPSDateStamp'],
  [0x1f, 'GPSHPositioningError'],
]);

let exifrNames: Map<string, Map<number, string>> | null | undefined;

/** ExifTool-style names for tags we have no rule for, from exifr's dictionaries. */
async function tagName(tag: number): Promise<string> {
  if (exifrNames === undefined) {
    try {
      const mod = (await import('exifr')) as unknown as { default?: { tagKeys?: Map<string, Map<number, string>> } };
      exifrNames = mod.default?.tagKeys ?? null;
    } catch {
      exifrNames = null;
    }
  }
  const name = exifrNames?.get('ifd0')?.get(tag) ?? exifrNames?.get('exif')?.get(tag);
  return name ?? `Exif_0x${tag.toString(16).padStart(4, '0')}`;
}

function fmt(n: number, digits = 6): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : '';
}

function dms(values: number[]): number | null {
  if (values.length === 0) return null;
  const [d = 0, m = 0, s = 0] = values;
  return d + m / 60 + s / 3600;
}

function decodeUserComment(b: Uint8Array, le: boolean): string {
  if (b.length < 8) return text(b);
  const charset = latin1(b, 0, 8);
  const body = b.subarray(8);
  if (charset.startsWith('UNICODE')) return utf16(body, le);
  return text(body);
}

export interface ExifWalkOptions {
  /** TIFF file (pages and previews) rather than an EXIF block inside another format. */
  file?: boolean;
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
    { offset: reader.first, kind: 'main', index: 0 },
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
          if (b) await scanPhotoshopIrb(b, ctx);
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

// ---------------------------------------------------------------------------
// Maker notes: only the tags that identify a camera or its owner.

type MakerTable = ReadonlyMap<number, TagRule>;

const CANON: MakerTable = new Map<number, TagRule>([
  [0x0007, ['FirmwareVersion', 'software']],
  [0x0009, ['OwnerName', 'person']],
  [0x000c, ['SerialNumber', 'serial']],
  [0x0028, ['ImageUniqueID', 'history']],
  [0x0095, ['LensModel', 'device']],
  [0x0096, ['InternalSerialNumber', 'serial']],
]);
const NIKON: MakerTable = new Map<number, TagRule>([
  [0x001d, ['SerialNumber', 'serial']],
  [0x00a0, ['SerialNumber', 'serial']],
]);
const OLYMPUS: MakerTable = new Map<number, TagRule>([
  [0x0404, ['SerialNumber', 'serial']],
  [0x2010, ['Equipment', 'sub-ifds']],
]);
const OLYMPUS_EQUIPMENT: MakerTable = new Map<number, TagRule>([
  [0x0100, ['CameraType2', 'device']],
  [0x0101, ['SerialNumber', 'serial']],
  [0x0102, ['InternalSerialNumber', 'serial']],
  [0x0202, ['LensSerialNumber', 'serial']],
  [0x0203, ['LensModel', 'device']],
  [0x0303, ['ExtenderSerialNumber', 'serial']],
  [0x1003, ['FlashSerialNumber', 'serial']],
]);
const FUJIFILM: MakerTable = new Map<number, TagRule>([[0x0010, ['InternalSerialNumber', 'serial']]]);
const PANASONIC: MakerTable = new Map<number, TagRule>([
  [0x0025, ['InternalSerialNumber', 'serial']],
  [0x0051, ['LensType', 'device']],
  [0x0052, ['LensSerialNumber', 'serial']],
]);
const PENTAX: MakerTable = new Map<number, TagRule>([[0x0229, ['SerialNumber', 'serial']]]);
const SIGMA: MakerTable = new Map<number, TagRule>([[0x0002, ['SerialNumber', 'serial']]]);
const SAMSUNG: MakerTable = new Map<number, TagRule>([[0xa002, ['SerialNumber', 'serial']]]);
const APPLE: MakerTable = new Map<number, TagRule>([
  [0x0011, ['ContentIdentifier', 'history']],
  [0x0015, ['ImageUniqueID', 'history']],
]);

interface MakerLayout {
  table: MakerTable;
  /** IFD position, absolute. */
  ifdAt: number;
  /** Base that offsets inside the maker note are relative to, absolute. */
  base: number;
  le: boolean;
}

function makerLayout(mn: Uint8Array, at: number, parent: TiffReader, make: string): MakerLayout | null {
  const ple = parent.le;
  const order = (o: number): boolean => (mn[o] === 0x49 ? true : mn[o] === 0x4d ? false : ple);
  const m = make.toUpperCase();
  if (startsWith(mn, 'Nikon\0\x02')) {
    const le = order(10);
    return { table: NIKON, ifdAt: at + 10 + u32(mn, 14, le), base: at + 10, le };
  }
  if (startsWith(mn, 'Nikon\0\x01')) return { table: NIKON, ifdAt: at + 8, base: parent.base, le: ple };
  if (startsWith(mn, 'OLYMPUS\0')) return { table: OLYMPUS, ifdAt: at + 12, base: at, le: order(8) };
  if (startsWith(mn, 'OM SYSTEM\0')) return { table: OLYMPUS, ifdAt: at + 16, base: at, le: order(12) };
  if (startsWith(mn, 'OLYMP\0') || startsWith(mn, 'EPSON\0')) return { table: OLYMPUS, ifdAt: at + 8, base: parent.base, le: ple };
  if (startsWith(mn, 'FUJIFILM') || startsWith(mn, 'GENERALE')) return { table: FUJIFILM, ifdAt: at + u32(mn, 8, true), base: at, le: true };
  if (startsWith(mn, 'Panasonic\0')) return { table: PANASONIC, ifdAt: at + 12, base: parent.base, le: ple };
  if (startsWith(mn, 'AOC\0')) return { table: PENTAX, ifdAt: at + 6, base: parent.base, le: order(4) };
  if (startsWith(mn, 'PENTAX \0')) return { table: PENTAX, ifdAt: at + 10, base: at, le: order(8) };
  if (startsWith(mn, 'SIGMA\0') || startsWith(mn, 'FOVEON\0')) return { table: SIGMA, ifdAt: at + 10, base: parent.base, le: ple };
  if (startsWith(mn, 'Apple iOS\0')) return { table: APPLE, ifdAt: at + 14, base: at, le: false };
  if (m.startsWith('CANON')) return { table: CANON, ifdAt: at, base: parent.base, le: ple };
  if (m.startsWith('NIKON')) return { table: NIKON, ifdAt: at, base: parent.base, le: ple };
  if (m.startsWith('SAMSUNG')) return { table: SAMSUNG, ifdAt: at, base: at, le: ple };
  return null;
}

async function makerNote(reader: TiffReader, e: IfdEntry, make: string, ctx: ScanContext): Promise<void> {
  const mn = await reader.bytes(e, 1024 * 1024);
  if (!mn || mn.length < 8) return;
  ctx.out.add('device', 'MakerNote', `${mn.length} bytes of ${make.trim() || 'camera maker'} data`);
  const layout = makerLayout(mn, e.at, reader, make);
  if (!layout || layout.ifdAt < layout.base) return;
  const sub = reader.with(layout.base, layout.le);
  try {
    await makerIfd(sub, layout.ifdAt - layout.base, layout.table, ctx, 0);
  } catch (err) {
    // A broken maker note is common (editors move it); the rest of the file is still useful.
    if (err instanceof MetaError && err.code === 'timeout') throw err;
  }
}

async function makerIfd(reader: TiffReader, offset: number, table: MakerTable, ctx: ScanContext, depth: number): Promise<void> {
  if (depth > 2) return;
  const { entries } = await reader.ifd(offset);
  for (const e of entries) {
    const rule = table.get(e.tag);
    if (!rule) continue;
    const [name, what] = rule;
    if (what === 'sub-ifds') {
      // Olympus Equipment: a sub-IFD (type IFD/LONG pointer, or UNDEFINED holding the IFD itself).
      const off = e.type === 7 ? e.at - reader.base : ((await reader.numbers(e, 1))[0] ?? 0);
      if (off > 0) await makerIfd(reader, off, OLYMPUS_EQUIPMENT, ctx, depth + 1);
      continue;
    }
    if (what === 'skip' || !isCategory(what)) continue;
    let v: string;
    if (e.type === 2 || e.type === 7 || e.type === 1) v = cstring((await reader.bytes(e, 4096)) ?? new Uint8Array());
    else v = (await reader.numbers(e, 4)).map((x) => fmt(x)).join(' ');
    ctx.out.add(what, name, v);
  }
}

function isCategory(x: string): x is Category {
  return ['location', 'serial', 'person', 'device', 'software', 'time', 'history', 'thumbnail', 'other'].includes(x);
}

// ---------------------------------------------------------------------------
// IPTC-IIM (record 2) and Photoshop image resources.

const IPTC: ReadonlyMap<number, TagRule> = new Map<number, TagRule>([
  [5, ['ObjectName', 'other']],
  [15, ['Category', 'other']],
  [20, ['SupplementalCategories', 'other']],
  [25, ['Keywords', 'other']],
  [40, ['SpecialInstructions', 'other']],
  [55, ['DateCreated', 'time']],
  [60, ['TimeCreated', 'time']],
  [62, ['DigitalCreationDate', 'time']],
  [63, ['DigitalCreationTime', 'time']],
  [65, ['OriginatingProgram', 'software']],
  [70, ['ProgramVersion', 'software']],
  [80, ['By-line', 'person']],
  [85, ['By-lineTitle', 'person']],
  [90, ['City', 'location']],
  [92, ['Sub-location', 'location']],
  [95, ['Province-State', 'location']],
  [100, ['Country-PrimaryLocationCode', 'location']],
  [101, ['Country-PrimaryLocationName', 'location']],
  [103, ['OriginalTransmissionReference', 'other']],
  [105, ['Headline', 'other']],
  [110, ['Credit', 'person']],
  [115, ['Source', 'other']],
  [116, ['CopyrightNotice', 'person']],
  [118, ['Contact', 'person']],
  [120, ['Caption-Abstract', 'other']],
  [122, ['Writer-Editor', 'person']],
]);

export function scanIptc(b: Uint8Array, ctx: ScanContext): void {
  let i = 0;
  let n = 0;
  while (i + 5 <= b.length && n++ < 10_000) {
    if (b[i] !== 0x1c) {
      i++;
      continue;
    }
    const record = b[i + 1] ?? 0;
    const dataset = b[i + 2] ?? 0;
    let len = u16(b, i + 3);
    let start = i + 5;
    if (len & 0x8000) {
      const lenBytes = len & 0x7fff;
      if (lenBytes > 4) return;
      len = 0;
      for (let k = 0; k < lenBytes; k++) len = len * 256 + (b[start + k] ?? 0);
      start += lenBytes;
    }
    const value = b.subarray(start, Math.min(b.length, start + len));
    i = start + len;
    if (record !== 2) continue;
    const rule = IPTC.get(dataset);
    if (!rule) continue;
    const [name, what] = rule;
    if (!isCategory(what)) continue;
    // 1:90 declares UTF-8; text() accepts valid UTF-8 either way and falls back to Latin-1.
    ctx.out.add(what, name, text(value));
  }
}

/** Photoshop "8BIM" resources: IPTC, XMP, EXIF and the preview thumbnail. */
export async function scanPhotoshopIrb(b: Uint8Array, ctx: ScanContext): Promise<void> {
  let i = 0;
  let n = 0;
  while (i + 12 <= b.length && n++ < 10_000) {
    if (!startsWith(b, '8BIM', i)) break;
    const id = u16(b, i + 4);
    const nameLen = b[i + 6] ?? 0;
    let p = i + 6 + 1 + nameLen;
    if ((1 + nameLen) % 2 === 1) p++;
    const size = u32(b, p);
    const start = p + 4;
    if (start + size > b.length) break;
    const data = b.subarray(start, start + size);
    i = start + size + (size % 2);
    switch (id) {
      case 0x0404:
        scanIptc(data, ctx);
        break;
      case 0x0424:
        scanXmp(text(data), ctx.out, () => ctx.budget.check());
        break;
      case 0x0422:
      case 0x0423: {
        const sub = await TiffReader.open(new BufferSource(data, ctx.budget));
        if (sub) await scanTiff(sub, ctx);
        break;
      }
      case 0x0409:
      case 0x040c:
        ctx.out.add('thumbnail', 'PhotoshopThumbnail', `${size} bytes`);
        break;
      case 0x0421: {
        // VersionInfo: version, hasRealMergedData, writer name (UTF-16 with a length prefix).
        const len = u32(data, 5);
        if (len > 0 && 9 + len * 2 <= data.length) ctx.out.add('software', 'WriterName', utf16(data.subarray(9, 9 + len * 2), false));
        break;
      }
      default:
        break;
    }
  }
}

/** Reads the orientation (1-8) from an EXIF/TIFF block, or undefined. Never throws. */
export async function exifOrientation(tiff: Uint8Array, ctx: Pick<ScanContext, 'budget'>): Promise<number | undefined> {
  try {
    const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
    if (!reader) return undefined;
    const { entries } = await reader.ifd(reader.first);
    const e = entries.find((x) => x.tag === 0x0112);
    if (!e) return undefined;
    const v = (await reader.numbers(e, 1))[0];
    return v !== undefined && v >= 1 && v <= 8 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A minimal EXIF (TIFF) block holding only Orientation: kept by the scrubber so pictures do not turn sideways. */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  // "MM\0*", IFD at 8, 1 entry: 0x0112 SHORT count 1 value, next IFD 0.
  return Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation & 0xff, 0, 0, 0, 0, 0, 0]);
}
