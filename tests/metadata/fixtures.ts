// Fixture builders for the metadata tests: every file is made here, in code,
// with known metadata (no third-party files in the repository).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, zlibSync, type Zippable } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { ascii, concat, crc32, writeU16, writeU32 } from '../../src/metadata/codecs/bytes.js';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'safestep-meta-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function put(dir: string, name: string, data: Uint8Array | string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
}

/** Deterministic pseudo-random bytes (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------
// TIFF / EXIF

export type TiffValue =
  | { ascii: string }
  | { short: number[] }
  | { long: number[] }
  | { rational: Array<[number, number]> }
  | { undef: Uint8Array }
  | { byte: Uint8Array };

export type Ifd = Record<number, TiffValue>;

export interface TiffSpec {
  ifd0: Ifd;
  exif?: Ifd;
  gps?: Ifd;
  /** IFD1 with a fake JPEG thumbnail of this many bytes. */
  thumbnail?: number;
  littleEndian?: boolean;
}

function valueBytes(v: TiffValue, le: boolean): { type: number; count: number; data: Uint8Array } {
  if ('ascii' in v) {
    const d = concat([new TextEncoder().encode(v.ascii), Uint8Array.of(0)]);
    return { type: 2, count: d.length, data: d };
  }
  if ('short' in v) {
    const d = new Uint8Array(v.short.length * 2);
    v.short.forEach((x, i) => writeU16(d, i * 2, x, le));
    return { type: 3, count: v.short.length, data: d };
  }
  if ('long' in v) {
    const d = new Uint8Array(v.long.length * 4);
    v.long.forEach((x, i) => writeU32(d, i * 4, x, le));
    return { type: 4, count: v.long.length, data: d };
  }
  if ('rational' in v) {
    const d = new Uint8Array(v.rational.length * 8);
    v.rational.forEach(([n, dd], i) => {
      writeU32(d, i * 8, n, le);
      writeU32(d, i * 8 + 4, dd, le);
    });
    return { type: 5, count: v.rational.length, data: d };
  }
  if ('undef' in v) return { type: 7, count: v.undef.length, data: v.undef };
  return { type: 1, count: v.byte.length, data: v.byte };
}

function ifdSize(ifd: Ifd, le: boolean): number {
  let n = 2 + 12 * Object.keys(ifd).length + 4;
  for (const v of Object.values(ifd)) {
    const { data } = valueBytes(v, le);
    if (data.length > 4) n += data.length + (data.length & 1);
  }
  return n;
}

function writeIfd(out: Uint8Array, at: number, ifd: Ifd, next: number, le: boolean): void {
  const tags = Object.keys(ifd)
    .map(Number)
    .sort((a, b) => a - b);
  writeU16(out, at, tags.length, le);
  let data = at + 2 + 12 * tags.length + 4;
  tags.forEach((tag, i) => {
    const e = at + 2 + i * 12;
    const { type, count, data: bytes } = valueBytes(ifd[tag] as TiffValue, le);
    writeU16(out, e, tag, le);
    writeU16(out, e + 2, type, le);
    writeU32(out, e + 4, count, le);
    if (bytes.length <= 4) out.set(bytes, e + 8);
    else {
      writeU32(out, e + 8, data, le);
      out.set(bytes, data);
      data += bytes.length + (bytes.length & 1);
    }
  });
  writeU32(out, at + 2 + 12 * tags.length, next, le);
}

/** A TIFF structure (the payload of an EXIF block). */
export function buildTiff(spec: TiffSpec): Uint8Array {
  const le = spec.littleEndian ?? false;
  const ifd0: Ifd = { ...spec.ifd0 };
  // Placeholders so sizes are right; patched below.
  if (spec.exif) ifd0[0x8769] = { long: [0] };
  if (spec.gps) ifd0[0x8825] = { long: [0] };
  const ifd1: Ifd | undefined = spec.thumbnail ? { 0x0103: { short: [6] }, 0x0201: { long: [0] }, 0x0202: { long: [spec.thumbnail] } } : undefined;
  let pos = 8;
  const at0 = pos;
  pos += ifdSize(ifd0, le);
  const atExif = pos;
  if (spec.exif) pos += ifdSize(spec.exif, le);
  const atGps = pos;
  if (spec.gps) pos += ifdSize(spec.gps, le);
  const at1 = pos;
  if (ifd1) pos += ifdSize(ifd1, le);
  const atThumb = pos;
  if (spec.thumbnail) pos += spec.thumbnail;
  if (spec.exif) ifd0[0x8769] = { long: [atExif] };
  if (spec.gps) ifd0[0x8825] = { long: [atGps] };
  if (ifd1) ifd1[0x0201] = { long: [atThumb] };
  const out = new Uint8Array(pos);
  out.set(le ? [0x49, 0x49, 0x2a, 0x00] : [0x4d, 0x4d, 0x00, 0x2a]);
  writeU32(out, 4, 8, le);
  writeIfd(out, at0, ifd0, ifd1 ? at1 : 0, le);
  if (spec.exif) writeIfd(out, atExif, spec.exif, 0, le);
  if (spec.gps) writeIfd(out, atGps, spec.gps, 0, le);
  if (ifd1) writeIfd(out, at1, ifd1, 0, le);
  if (spec.thumbnail) out.set([0xff, 0xd8, 0xff, 0xd9], atThumb);
  return out;
}

/** GPS IFD for a position given in decimal degrees (N/E positive). */
export function gpsIfd(lat: number, lon: number, altitude?: number): Ifd {
  const dms = (x: number): Array<[number, number]> => {
    const a = Math.abs(x);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    const s = Math.round(((a - d) * 60 - m) * 60 * 10000);
    return [
      [d, 1],
      [m, 1],
      [s, 10000],
    ];
  };
  const ifd: Ifd = {
    0x0000: { byte: Uint8Array.of(2, 3, 0, 0) },
    0x0001: { ascii: lat >= 0 ? 'N' : 'S' },
    0x0002: { rational: dms(lat) },
    0x0003: { ascii: lon >= 0 ? 'E' : 'W' },
    0x0004: { rational: dms(lon) },
  };
  if (altitude !== undefined) {
    ifd[0x0005] = { byte: Uint8Array.of(0) };
    ifd[0x0006] = { rational: [[Math.round(altitude * 10), 10]] };
  }
  return ifd;
}

// ---------------------------------------------------------------------------
// JPEG

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out[0] = 0xff;
  out[1] = marker;
  writeU16(out, 2, payload.length + 2);
  out.set(payload, 4);
  return out;
}

/** Entropy-coded-looking data: random bytes with 0xFF stuffed and restart markers, as real scans have. */
export function entropy(seed: number, n = 1500): Uint8Array {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = Math.floor(r() * 256);
    out.push(b);
    if (b === 0xff) out.push(0x00);
    if (i > 0 && i % 400 === 0) out.push(0xff, 0xd0 + ((i / 400) % 8));
  }
  return Uint8Array.from(out);
}

export interface JpegSpec {
  exif?: Uint8Array;
  xmp?: string;
  comment?: string;
  icc?: boolean;
  iptc?: Uint8Array;
  jfifThumbnail?: boolean;
  /** Extra APPn segments: [marker 0xe0-0xef, payload]. */
  app?: Array<[number, Uint8Array]>;
  /** Two scans (progressive-like), with a COM between them. */
  twoScans?: boolean;
  trailing?: Uint8Array;
  adobe?: boolean;
  seed?: number;
  /** SOF2 (progressive) instead of SOF0. */
  progressive?: boolean;
}

export const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

export function buildJpeg(spec: JpegSpec = {}): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0xff, 0xd8)];
  const jfif = Uint8Array.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 72, 0, 72, spec.jfifThumbnail ? 1 : 0, spec.jfifThumbnail ? 1 : 0]);
  parts.push(segment(0xe0, spec.jfifThumbnail ? concat([jfif, Uint8Array.of(255, 0, 0)]) : jfif));
  if (spec.exif) parts.push(segment(0xe1, concat([ascii('Exif\0\0'), spec.exif])));
  if (spec.xmp) parts.push(segment(0xe1, concat([ascii(XMP_HEADER), new TextEncoder().encode(spec.xmp)])));
  if (spec.icc) parts.push(segment(0xe2, concat([ascii('ICC_PROFILE\0'), Uint8Array.of(1, 1), new Uint8Array(128).fill(7)])));
  if (spec.iptc) {
    const res = concat([ascii('8BIM'), Uint8Array.of(0x04, 0x04, 0, 0), Uint8Array.of(0, 0, (spec.iptc.length >> 8) & 0xff, spec.iptc.length & 0xff), spec.iptc]);
    parts.push(segment(0xed, concat([ascii('Photoshop 3.0\0'), res, spec.iptc.length & 1 ? Uint8Array.of(0) : new Uint8Array(0)])));
  }
  for (const [m, p] of spec.app ?? []) parts.push(segment(m, p));
  if (spec.adobe) parts.push(segment(0xee, concat([ascii('Adobe'), Uint8Array.of(0, 100, 0, 0, 0, 0, 1)])));
  if (spec.comment) parts.push(segment(0xfe, new TextEncoder().encode(spec.comment)));
  parts.push(segment(0xdb, concat([Uint8Array.of(0), new Uint8Array(64).fill(1)])));
  parts.push(segment(spec.progressive ? 0xc2 : 0xc0, Uint8Array.of(8, 0, 8, 0, 8, 1, 1, 0x11, 0)));
  parts.push(segment(0xc4, concat([Uint8Array.of(0x00), Uint8Array.of(1, ...new Array<number>(15).fill(0)), Uint8Array.of(0)])));
  parts.push(segment(0xda, Uint8Array.of(1, 1, 0, 0, 63, 0)));
  parts.push(entropy(spec.seed ?? 1));
  if (spec.twoScans) {
    parts.push(segment(0xfe, ascii('between scans')));
    parts.push(segment(0xc4, concat([Uint8Array.of(0x10), Uint8Array.of(1, ...new Array<number>(15).fill(0)), Uint8Array.of(0)])));
    parts.push(segment(0xda, Uint8Array.of(1, 1, 0, 1, 63, 0)));
    parts.push(entropy((spec.seed ?? 1) + 1, 700));
  }
  parts.push(Uint8Array.of(0xff, 0xd9));
  if (spec.trailing) parts.push(spec.trailing);
  return concat(parts);
}

/** IPTC-IIM record 2 datasets. */
export function iptc(datasets: Array<[number, string]>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [ds, v] of datasets) {
    const b = new TextEncoder().encode(v);
    parts.push(Uint8Array.of(0x1c, 2, ds, (b.length >> 8) & 0xff, b.length & 0xff), b);
  }
  return concat(parts);
}

export function xmpPacket(props: string): string {
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Test XMP Core"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ' +
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">' +
    props +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

// ---------------------------------------------------------------------------
// PNG, WebP, GIF

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeU32(out, 0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  writeU32(out, 8 + data.length, crc32(concat([ascii(type), data])));
  return out;
}

export interface PngSpec {
  text?: Array<[string, string]>;
  ztxt?: Array<[string, string]>;
  itxt?: Array<[string, string]>;
  exif?: Uint8Array;
  time?: boolean;
  /** Text chunks after IDAT (allowed by the spec, used by some tools). */
  textAfterData?: Array<[string, string]>;
}

export function buildPng(spec: PngSpec = {}): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)];
  const ihdr = new Uint8Array(13);
  writeU32(ihdr, 0, 2);
  writeU32(ihdr, 4, 2);
  ihdr.set([8, 2, 0, 0, 0], 8);
  parts.push(pngChunk('IHDR', ihdr));
  parts.push(pngChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f)));
  const latin = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
  for (const [k, v] of spec.text ?? []) parts.push(pngChunk('tEXt', concat([latin(k), Uint8Array.of(0), latin(v)])));
  for (const [k, v] of spec.ztxt ?? []) parts.push(pngChunk('zTXt', concat([latin(k), Uint8Array.of(0, 0), zlibSync(latin(v))])));
  for (const [k, v] of spec.itxt ?? []) parts.push(pngChunk('iTXt', concat([latin(k), Uint8Array.of(0, 0, 0), ascii('en'), Uint8Array.of(0, 0), strToU8(v)])));
  if (spec.exif) parts.push(pngChunk('eXIf', spec.exif));
  if (spec.time) parts.push(pngChunk('tIME', Uint8Array.of(0x07, 0xe8, 3, 14, 15, 9, 26)));
  const raw = Uint8Array.of(0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255);
  parts.push(pngChunk('IDAT', zlibSync(raw)));
  for (const [k, v] of spec.textAfterData ?? []) parts.push(pngChunk('tEXt', concat([latin(k), Uint8Array.of(0), latin(v)])));
  parts.push(pngChunk('IEND', new Uint8Array(0)));
  return concat(parts);
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length & 1));
  out.set(ascii(type));
  writeU32(out, 4, data.length, true);
  out.set(data, 8);
  return out;
}

export function buildWebp(spec: { exif?: Uint8Array; xmp?: string } = {}): Uint8Array {
  const vp8x = new Uint8Array(10);
  vp8x[0] = (spec.exif ? 0x08 : 0) | (spec.xmp ? 0x04 : 0);
  const body = concat([
    ascii('WEBP'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8 ', Uint8Array.of(0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 1, 0, 1, 0, 0, 0, 0, 0)),
    spec.exif ? riffChunk('EXIF', spec.exif) : new Uint8Array(0),
    spec.xmp ? riffChunk('XMP ', new TextEncoder().encode(spec.xmp)) : new Uint8Array(0),
  ]);
  const head = new Uint8Array(8);
  head.set(ascii('RIFF'));
  writeU32(head, 4, body.length, true);
  return concat([head, body]);
}

export function buildGif(spec: { comment?: string; xmp?: string } = {}): Uint8Array {
  const parts: Uint8Array[] = [ascii('GIF89a'), Uint8Array.of(1, 0, 1, 0, 0x80, 0, 0), Uint8Array.of(0, 0, 0, 255, 255, 255)];
  parts.push(Uint8Array.of(0x21, 0xff, 11), ascii('NETSCAPE2.0'), Uint8Array.of(3, 1, 0, 0, 0));
  if (spec.comment) {
    const c = ascii(spec.comment);
    parts.push(Uint8Array.of(0x21, 0xfe, c.length), c, Uint8Array.of(0));
  }
  if (spec.xmp) {
    // XMP is stored raw, followed by the 258-byte "magic trailer".
    const trailer = new Uint8Array(258);
    trailer[0] = 1;
    for (let i = 0; i < 256; i++) trailer[1 + i] = 255 - i;
    trailer[257] = 0;
    parts.push(Uint8Array.of(0x21, 0xff, 11), ascii('XMP DataXMP'), new TextEncoder().encode(spec.xmp), trailer);
  }
  parts.push(Uint8Array.of(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0), Uint8Array.of(2, 2, 0x4c, 0x01, 0), Uint8Array.of(0x3b));
  return concat(parts);
}

// ---------------------------------------------------------------------------
// ISO boxes: HEIC and MP4/MOV

export function box(type: string, ...children: Uint8Array[]): Uint8Array {
  const body = concat(children);
  const out = new Uint8Array(8 + body.length);
  writeU32(out, 0, out.length);
  out.set(ascii(type), 4);
  out.set(body, 8);
  return out;
}

export function fullBox(type: string, version: number, ...children: Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.of(version, 0, 0, 0), ...children);
}

function u32b(n: number): Uint8Array {
  const b = new Uint8Array(4);
  writeU32(b, 0, n);
  return b;
}

function u16b(n: number): Uint8Array {
  const b = new Uint8Array(2);
  writeU16(b, 0, n);
  return b;
}

/** A HEIC with one coded item and an Exif item (and optionally XMP) stored in mdat. */
export function buildHeic(spec: { exif?: Uint8Array; xmp?: string }): Uint8Array {
  const exifPayload = spec.exif ? concat([u32b(0), spec.exif]) : new Uint8Array(0);
  const xmpPayload = spec.xmp ? new TextEncoder().encode(spec.xmp) : new Uint8Array(0);
  const image = new Uint8Array(64).fill(0x42);
  const infe = (id: number, type: string, extra: Uint8Array = new Uint8Array(0)): Uint8Array => fullBox('infe', 2, u16b(id), u16b(0), ascii(type), Uint8Array.of(0), extra);
  const items = [infe(1, 'hvc1')];
  if (spec.exif) items.push(infe(2, 'Exif'));
  if (spec.xmp) items.push(infe(3, 'mime', concat([ascii('application/rdf+xml'), Uint8Array.of(0)])));
  const ftyp = box('ftyp', ascii('heic'), u32b(0), ascii('mif1'), ascii('heic'));
  const build = (mdatStart: number): Uint8Array => {
    const locs: Array<[number, number, number]> = [[1, mdatStart + 8, image.length]];
    let o = mdatStart + 8 + image.length;
    if (spec.exif) {
      locs.push([2, o, exifPayload.length]);
      o += exifPayload.length;
    }
    if (spec.xmp) locs.push([3, o, xmpPayload.length]);
    const iloc = fullBox(
      'iloc',
      0,
      Uint8Array.of(0x44, 0x00),
      u16b(locs.length),
      ...locs.map(([id, off, len]) => concat([u16b(id), u16b(0), u16b(1), u32b(off), u32b(len)])),
    );
    return fullBox('meta', 0, fullBox('hdlr', 0, u32b(0), ascii('pict'), new Uint8Array(13)), fullBox('pitm', 0, u16b(1)), fullBox('iinf', 0, u16b(items.length), ...items), iloc);
  };
  const metaSize = build(0).length;
  const meta = build(ftyp.length + metaSize);
  return concat([ftyp, meta, box('mdat', image, exifPayload, xmpPayload)]);
}

function qtText(s: string): Uint8Array {
  const b = new TextEncoder().encode(s);
  return concat([u16b(b.length), u16b(0x15c7), b]);
}

function dataAtom(s: string): Uint8Array {
  return box('data', u32b(1), u32b(0), new TextEncoder().encode(s));
}

export interface Mp4Spec {
  xyz?: string;
  make?: string;
  keys?: Array<[string, string]>;
  encoder?: string;
  created?: Date;
  brand?: string;
}

/** An MP4/MOV: ftyp, mdat (before moov, like cameras write), moov with mvhd, a track, udta and meta keys/ilst. */
export function buildMp4(spec: Mp4Spec = {}): { data: Uint8Array; mdat: Uint8Array } {
  const ftyp = box('ftyp', ascii(spec.brand ?? 'isom'), u32b(0x200), ascii('isom'), ascii('mp42'));
  const mdatPayload = entropy(99, 3000);
  const mdat = box('mdat', mdatPayload);
  const secs = spec.created ? Math.floor(spec.created.getTime() / 1000) + 2082844800 : 0;
  const mvhd = fullBox('mvhd', 0, u32b(secs), u32b(secs), u32b(1000), u32b(5000), new Uint8Array(80));
  const stco = fullBox('stco', 0, u32b(1), u32b(ftyp.length + 8));
  const stsz = fullBox('stsz', 0, u32b(0), u32b(1), u32b(mdatPayload.length));
  const stsc = fullBox('stsc', 0, u32b(1), u32b(1), u32b(1), u32b(1));
  const trak = box(
    'trak',
    fullBox('tkhd', 0, u32b(secs), u32b(secs), u32b(1), new Uint8Array(72)),
    box('mdia', fullBox('mdhd', 0, u32b(secs), u32b(secs), u32b(1000), u32b(5000), u32b(0)), fullBox('hdlr', 0, u32b(0), ascii('vide'), new Uint8Array(13)), box('minf', box('stbl', fullBox('stsd', 0, u32b(0)), stsz, stsc, stco))),
  );
  const udtaKids: Uint8Array[] = [];
  if (spec.xyz) udtaKids.push(box('\u00a9xyz', qtText(spec.xyz)));
  if (spec.make) udtaKids.push(box('\u00a9mak', qtText(spec.make)));
  const moovKids: Uint8Array[] = [mvhd, trak];
  if (udtaKids.length) moovKids.push(box('udta', ...udtaKids));
  if (spec.keys?.length || spec.encoder) {
    const metaKids: Uint8Array[] = [];
    if (spec.keys?.length) {
      const keyEntries = spec.keys.map(([k]) => {
        const b = ascii(k);
        return concat([u32b(8 + b.length), ascii('mdta'), b]);
      });
      metaKids.push(fullBox('hdlr', 0, u32b(0), ascii('mdta'), new Uint8Array(13)));
      metaKids.push(fullBox('keys', 0, u32b(keyEntries.length), ...keyEntries));
      const ilst = spec.keys.map(([, v], i) => {
        const item = box('xxxx', dataAtom(v));
        writeU32(item, 4, i + 1);
        return item;
      });
      metaKids.push(box('ilst', ...ilst));
    } else {
      metaKids.push(fullBox('hdlr', 0, u32b(0), ascii('mdir'), new Uint8Array(13)));
      metaKids.push(box('ilst', box('\u00a9too', dataAtom(spec.encoder ?? ''))));
    }
    moovKids.push(box('meta', ...metaKids));
  }
  // box() writes '\u00a9' as the single byte 0xA9, as QuickTime's four-character codes have it.
  return { data: concat([ftyp, mdat, box('moov', ...moovKids)]), mdat: mdatPayload };
}

// ---------------------------------------------------------------------------
// PDF

export async function buildPdf(spec: { author?: string; title?: string; xmp?: string; custom?: Array<[string, string]> } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([200, 200]);
  page.drawText('Hello', { x: 20, y: 100, size: 12 });
  if (spec.author) doc.setAuthor(spec.author);
  if (spec.title) doc.setTitle(spec.title);
  doc.setProducer('FixtureWriter 1.0');
  doc.setCreationDate(new Date('2024-03-14T15:09:26Z'));
  if (spec.custom) {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    for (const [k, v] of spec.custom) info.set(PDFName.of(k), PDFString.of(v));
  }
  if (spec.xmp) {
    const stream = doc.context.stream(spec.xmp, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Appends an incremental update that replaces the Info dictionary, the way
 * ExifTool and Acrobat do: the old Info object stays in the file.
 */
export function appendInfoUpdate(pdf: Uint8Array, newInfo: Record<string, string>): Uint8Array {
  const s = new TextDecoder('latin1').decode(pdf);
  const sx = s.lastIndexOf('startxref');
  const prev = Number(/startxref\s+(\d+)/.exec(s.slice(sx))?.[1]);
  const size = Number(/\/Size\s+(\d+)/.exec(s.slice(s.lastIndexOf('trailer')))?.[1]);
  const root = /\/Root\s+(\d+ \d+ R)/.exec(s.slice(s.lastIndexOf('trailer')))?.[1];
  const num = size;
  const body = Object.entries(newInfo)
    .map(([k, v]) => `/${k} (${v})`)
    .join(' ');
  const objAt = pdf.length + 1;
  const obj = `\n${num} 0 obj\n<< ${body} >>\nendobj\n`;
  const xrefAt = pdf.length + obj.length;
  const xref = `xref\n0 1\n0000000000 65535 f \n${num} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${num + 1} /Root ${root} /Info ${num} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return concat([pdf, ascii(obj), ascii(xref)]);
}

// ---------------------------------------------------------------------------
// OOXML and ODF

const CT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface DocxSpec {
  creator?: string;
  lastModifiedBy?: string;
  company?: string;
  custom?: Array<[string, string]>;
  comments?: Array<[author: string, text: string]>;
  /** Tracked insertion and deletion by this author. */
  trackedBy?: string;
  rsid?: boolean;
  thumbnail?: boolean;
  image?: Uint8Array;
  templatePath?: string;
}

export function buildDocx(spec: DocxSpec = {}): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rsid = spec.rsid ? ' w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"' : '';
  let body = `<w:p${rsid}><w:r><w:t>Visible text.</w:t></w:r></w:p>`;
  if (spec.trackedBy) {
    body +=
      `<w:p><w:ins w:id="1" w:author="${spec.trackedBy}" w:date="2024-01-02T10:00:00Z"><w:r><w:t>Inserted words.</w:t></w:r></w:ins>` +
      `<w:del w:id="2" w:author="${spec.trackedBy}" w:date="2024-01-02T10:01:00Z"><w:r><w:delText>Deleted secret.</w:delText></w:r></w:del></w:p>`;
  }
  if (spec.comments?.length) {
    body += `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Commented.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
  }
  if (spec.image) body += `<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rIdImg"/></w:drawing></w:r></w:p>`;
  const files: Zippable = {};
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  const pkgRels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>',
  ];
  const docRels = ['<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'];
  if (spec.custom?.length) {
    overrides.push('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
    pkgRels.push('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>');
    files['docProps/custom.xml'] = strToU8(
      CT_HEAD +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        spec.custom.map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${k}"><vt:lpwstr>${v}</vt:lpwstr></property>`).join('') +
        '</Properties>',
    );
  }
  if (spec.thumbnail) {
    pkgRels.push('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>');
    files['docProps/thumbnail.jpeg'] = buildJpeg({ seed: 5 });
  }
  if (spec.comments?.length) {
    overrides.push('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    docRels.push('<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
    files['word/comments.xml'] = strToU8(
      CT_HEAD +
        `<w:comments xmlns:w="${W}">` +
        spec.comments.map(([a, t], i) => `<w:comment w:id="${i}" w:author="${a}" w:initials="X"><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:comment>`).join('') +
        '</w:comments>',
    );
  }
  if (spec.image) {
    files['word/media/image1.jpeg'] = spec.image;
    docRels.push('<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>');
  }
  const settingsRels: string[] = [];
  let settingsExtra = '';
  if (spec.templatePath) {
    settingsRels.push(`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="${spec.templatePath}" TargetMode="External"/>`);
    settingsExtra = '<w:attachedTemplate r:id="rIdT"/>';
  }
  files['[Content_Types].xml'] = strToU8(
    CT_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>' +
      overrides.join('') +
      '</Types>',
  );
  files['_rels/.rels'] = strToU8(CT_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${pkgRels.join('')}</Relationships>`);
  files['word/_rels/document.xml.rels'] = strToU8(CT_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${docRels.join('')}</Relationships>`);
  if (settingsRels.length) files['word/_rels/settings.xml.rels'] = strToU8(CT_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${settingsRels.join('')}</Relationships>`);
  files['word/document.xml'] = strToU8(CT_HEAD + `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr${rsid}/></w:body></w:document>`);
  files['word/settings.xml'] = strToU8(
    CT_HEAD + `<w:settings xmlns:w="${W}" xmlns:r="${R}">${settingsExtra}${spec.rsid ? '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/><w:rsid w:val="00D4E5F6"/></w:rsids>' : ''}</w:settings>`,
  );
  files['docProps/core.xml'] = strToU8(
    CT_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (spec.creator ? `<dc:creator>${spec.creator}</dc:creator>` : '') +
      (spec.lastModifiedBy ? `<cp:lastModifiedBy>${spec.lastModifiedBy}</cp:lastModifiedBy>` : '') +
      '<cp:revision>7</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T09:00:00Z</dcterms:created></cp:coreProperties>',
  );
  files['docProps/app.xml'] = strToU8(
    CT_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Office Word</Application>' +
      (spec.company ? `<Company>${spec.company}</Company>` : '') +
      '</Properties>',
  );
  return zipSync(files, { mtime: new Date('2024-02-03T04:05:06Z') });
}

export interface OdtSpec {
  initialCreator?: string;
  creator?: string;
  thumbnail?: boolean;
  trackedBy?: string;
  annotationBy?: string;
  printer?: string;
  image?: Uint8Array;
}

export function buildOdt(spec: OdtSpec = {}): Uint8Array {
  const office = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
  const text = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
  const dc = 'http://purl.org/dc/elements/1.1/';
  const meta = 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0';
  let tracked = '';
  let marks = '';
  if (spec.trackedBy) {
    tracked = `<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>${spec.trackedBy}</dc:creator><dc:date>2024-01-02T10:00:00</dc:date></office:change-info><text:p>Deleted secret.</text:p></text:deletion></text:changed-region></text:tracked-changes>`;
    marks = '<text:change text:change-id="ct1"/>';
  }
  const note = spec.annotationBy
    ? `<office:annotation><dc:creator>${spec.annotationBy}</dc:creator><dc:date>2024-01-03T10:00:00</dc:date><text:p>A private note.</text:p></office:annotation>`
    : '';
  const manifestEntries = ['<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>', '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>', '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>', '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'];
  const files: Array<[string, Uint8Array, boolean]> = [];
  files.push(['mimetype', strToU8('application/vnd.oasis.opendocument.text'), true]);
  files.push([
    'content.xml',
    strToU8(
      CT_HEAD +
        `<office:document-content xmlns:office="${office}" xmlns:text="${text}" xmlns:dc="${dc}" xmlns:officeooo="http://openoffice.org/2009/office" office:version="1.3"><office:automatic-styles/><office:body><office:text>${tracked}<text:p officeooo:rsid="0012ab34">Visible text.${marks}${note}</text:p>${spec.image ? '<text:p>pic</text:p>' : ''}</office:text></office:body></office:document-content>`,
    ),
    false,
  ]);
  files.push([
    'meta.xml',
    strToU8(
      CT_HEAD +
        `<office:document-meta xmlns:office="${office}" xmlns:meta="${meta}" xmlns:dc="${dc}" office:version="1.3"><office:meta>` +
        (spec.initialCreator ? `<meta:initial-creator>${spec.initialCreator}</meta:initial-creator>` : '') +
        (spec.creator ? `<dc:creator>${spec.creator}</dc:creator>` : '') +
        '<meta:editing-cycles>4</meta:editing-cycles><meta:generator>LibreOffice/7.6$Linux_X86_64</meta:generator></office:meta></office:document-meta>',
    ),
    false,
  ]);
  files.push([
    'settings.xml',
    strToU8(
      CT_HEAD +
        `<office:document-settings xmlns:office="${office}" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings><config:config-item-set config:name="ooo:configuration-settings"><config:config-item config:name="PrinterName" config:type="string">${spec.printer ?? ''}</config:config-item></config:config-item-set></office:settings></office:document-settings>`,
    ),
    false,
  ]);
  if (spec.thumbnail) {
    files.push(['Thumbnails/thumbnail.png', buildPng(), false]);
    manifestEntries.push('<manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type="image/png"/>');
  }
  if (spec.image) {
    files.push(['Pictures/photo.jpg', spec.image, false]);
    manifestEntries.push('<manifest:file-entry manifest:full-path="Pictures/photo.jpg" manifest:media-type="image/jpeg"/>');
  }
  files.push([
    'META-INF/manifest.xml',
    strToU8(CT_HEAD + `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n ${manifestEntries.join('\n ')}\n</manifest:manifest>`),
    false,
  ]);
  const z: Zippable = {};
  for (const [name, data, store] of files) z[name] = [data, { level: store ? 0 : 6 }];
  return zipSync(z, { mtime: new Date('2024-02-03T04:05:06Z') });
}

/** Lists a zip's members with fflate (independent of our own reader). */
export { unzipSync } from 'fflate';
