// MP4 / MOV / 3GP: metadata in moov/udta (QuickTime ©xyz, ©mak..., 3GPP
// asset boxes, vendor atoms), in `meta` boxes (QuickTime `keys` + `ilst`:
// com.apple.quicktime.location.ISO6709, make, model, software, creationdate;
// or iTunes-style ilst), XMP uuid boxes, movie header dates, and timed
// metadata tracks (Apple mebx location, GoPro GPMF, CAMM) whose samples in
// mdat carry GPS. The scrubber never moves a byte: metadata boxes become
// zero-filled `free` boxes of the same size, dates are zeroed, and the samples
// of location tracks are zeroed through the track's sample tables.
import { cstring, fourcc, latin1, text, u16, u32, u64, utf16 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { Category } from '../types.js';
import type { RemovedId } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { childBoxes, freeBox, fullPayload, isoType, macTime, MAX_DEPTH, payload, printable, type Box, type Patch } from '../codecs/boxes.js';
import type { FormatModule } from './types.js';
import { planHeifScrub, scanHeifMeta } from './heif.js';

const MAX_ATOM = 4 * 1024 * 1024;
export const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';

type Rule = readonly [field: string, category: Category | 'skip'];

/** QuickTime user-data atoms and iTunes ilst atoms, by four-character code. */
const ATOMS: Record<string, Rule> = {
  '©xyz': ['GPSCoordinates', 'location'],
  '©mak': ['Make', 'device'],
  '©mod': ['Model', 'device'],
  '©swr': ['SoftwareVersion', 'software'],
  '©too': ['Encoder', 'software'],
  '©day': ['ContentCreateDate', 'time'],
  '©nam': ['Title', 'other'],
  '©ART': ['Artist', 'person'],
  aART: ['AlbumArtist', 'person'],
  '©aut': ['Author', 'person'],
  '©wrt': ['Composer', 'person'],
  '©prd': ['Producer', 'person'],
  '©prf': ['Performers', 'person'],
  '©dir': ['Director', 'person'],
  '©enc': ['EncodedBy', 'person'],
  '©hst': ['HostComputer', 'person'],
  '©cmt': ['Comment', 'other'],
  '©des': ['Description', 'other'],
  '©inf': ['Information', 'other'],
  '©src': ['Source', 'other'],
  '©alb': ['Album', 'other'],
  '©grp': ['Grouping', 'other'],
  '©lyr': ['Lyrics', 'other'],
  '©cpy': ['Copyright', 'person'],
  desc: ['Description', 'other'],
  ldes: ['LongDescription', 'other'],
  cprt: ['Copyright', 'person'],
  apID: ['AppleStoreAccount', 'person'],
  ownr: ['Owner', 'person'],
  purd: ['PurchaseDate', 'time'],
  covr: ['CoverArt', 'thumbnail'],
  // 3GPP asset information.
  auth: ['Author', 'person'],
  perf: ['Performer', 'person'],
  titl: ['Title', 'other'],
  dscp: ['Description', 'other'],
  albm: ['Album', 'other'],
  kywd: ['Keywords', 'other'],
  // Vendor atoms seen in camera and phone videos.
  CNTH: ['ThumbnailImage', 'thumbnail'],
  THMB: ['ThumbnailImage', 'thumbnail'],
  CNMN: ['Model', 'device'],
  CNFV: ['FirmwareVersion', 'software'],
  CNCV: ['CompressorVersion', 'software'],
  FIRM: ['FirmwareVersion', 'software'],
  LENS: ['LensType', 'device'],
  CAME: ['SerialNumberHash', 'serial'],
  MUID: ['MediaUID', 'history'],
  manu: ['Make', 'device'],
  modl: ['Model', 'device'],
  mcvr: ['PreviewImage', 'thumbnail'],
  PANA: ['PanasonicData', 'device'],
  NCDT: ['NikonData', 'device'],
  smta: ['SamsungData', 'device'],
  Xtra: ['MicrosoftXtra', 'other'],
  // Harmless or structural.
  hnti: ['HintInfo', 'skip'],
  hinf: ['HintInfo', 'skip'],
  name: ['TrackName', 'skip'],
  tsel: ['TrackSelection', 'skip'],
  '©fmt': ['Format', 'skip'],
  '©req': ['Requirements', 'skip'],
  '©gen': ['Genre', 'skip'],
  gnre: ['Genre', 'skip'],
  trkn: ['TrackNumber', 'skip'],
  disk: ['DiskNumber', 'skip'],
  tmpo: ['BeatsPerMinute', 'skip'],
  free: ['Free', 'skip'],
  skip: ['Skip', 'skip'],
  chpl: ['ChapterList', 'skip'],
};

/** QuickTime `mdta` keys (lowercased). */
const KEYS: Record<string, Rule> = {
  'com.apple.quicktime.location.iso6709': ['GPSCoordinates', 'location'],
  'com.apple.quicktime.location.name': ['LocationName', 'location'],
  'com.apple.quicktime.location.body': ['LocationBody', 'location'],
  'com.apple.quicktime.location.note': ['LocationNote', 'location'],
  'com.apple.quicktime.location.role': ['LocationRole', 'location'],
  'com.apple.quicktime.location.date': ['LocationDate', 'time'],
  'com.apple.quicktime.location.accuracy.horizontal': ['LocationAccuracyHorizontal', 'location'],
  'com.apple.quicktime.make': ['Make', 'device'],
  'com.apple.quicktime.model': ['Model', 'device'],
  'com.apple.quicktime.software': ['Software', 'software'],
  'com.apple.quicktime.creationdate': ['CreationDate', 'time'],
  'com.apple.quicktime.author': ['Author', 'person'],
  'com.apple.quicktime.artist': ['Artist', 'person'],
  'com.apple.quicktime.copyright': ['Copyright', 'person'],
  'com.apple.quicktime.publisher': ['Publisher', 'person'],
  'com.apple.quicktime.comment': ['Comment', 'other'],
  'com.apple.quicktime.description': ['Description', 'other'],
  'com.apple.quicktime.title': ['Title', 'other'],
  'com.apple.quicktime.keywords': ['Keywords', 'other'],
  'com.apple.quicktime.displayname': ['DisplayName', 'other'],
  'com.apple.quicktime.information': ['Information', 'other'],
  'com.apple.quicktime.content.identifier': ['ContentIdentifier', 'history'],
  'com.apple.quicktime.camera.identifier': ['CameraIdentifier', 'device'],
  'com.apple.quicktime.camera.lens_model': ['CameraLensModel', 'device'],
  'com.apple.quicktime.camera.focal_length.35mm_equivalent': ['CameraFocalLength35mmEquivalent', 'skip'],
  'com.android.version': ['AndroidVersion', 'software'],
  'com.android.manufacturer': ['AndroidManufacturer', 'device'],
  'com.android.model': ['AndroidModel', 'device'],
  'com.android.capture.fps': ['AndroidCaptureFPS', 'skip'],
};

function isTextual(s: string): boolean {
  return s.length >= 2 && /^[\x20-\x7e\u00a0-\uffff]+$/.test(s);
}

/** The value of an ilst item: its `data` box(es), typed. */
function dataValue(p: Uint8Array): { value: string; binary: boolean } | null {
  let i = 0;
  while (i + 16 <= p.length) {
    const size = u32(p, i);
    const type = fourcc(p, i + 4);
    if (size < 8 || i + size > p.length) break;
    if (type === 'data') {
      const kind = u32(p, i + 8) & 0xffffff;
      const v = p.subarray(i + 16, i + size);
      switch (kind) {
        case 1:
          return { value: text(v), binary: false };
        case 2:
          return { value: utf16(v, false), binary: false };
        case 21:
        case 22: {
          let n = 0;
          for (const byte of v.subarray(0, 6)) n = n * 256 + byte;
          return { value: String(n), binary: false };
        }
        case 23:
          return v.length >= 4 ? { value: String(new DataView(v.buffer, v.byteOffset, 4).getFloat32(0)), binary: false } : null;
        case 24:
          return v.length >= 8 ? { value: String(new DataView(v.buffer, v.byteOffset, 8).getFloat64(0)), binary: false } : null;
        case 13:
        case 14:
        case 27:
          return { value: `${v.length} bytes (image)`, binary: true };
        default: {
          const t = text(v);
          return isTextual(t) ? { value: t, binary: false } : { value: `${v.length} bytes`, binary: true };
        }
      }
    }
    i += size;
  }
  return null;
}

/** QuickTime user-data text: [u16 size][u16 language][text]..., or an iTunes `data` box. */
function udtaText(type: string, p: Uint8Array): string {
  if (p.length >= 16 && fourcc(p, 4) === 'data') return dataValue(p)?.value ?? '';
  if (type.charCodeAt(0) === 0xa9 && p.length >= 4) {
    const parts: string[] = [];
    let i = 0;
    while (i + 4 <= p.length && parts.length < 16) {
      const len = u16(p, i);
      if (i + 4 + len > p.length) break;
      parts.push(text(p.subarray(i + 4, i + 4 + len)));
      i += 4 + len;
    }
    if (parts.length > 0) return parts.join('; ');
  }
  return cstring(p);
}

/** 3GPP asset box: full box, packed language, then UTF-8 or UTF-16 (BOM) text. */
function assetText(p: Uint8Array): string {
  const s = p.subarray(6);
  if (s[0] === 0xfe && s[1] === 0xff) return utf16(s.subarray(2), false).replace(/\u0000+$/, '');
  return cstring(s);
}

function loci(p: Uint8Array): string {
  const nameEnd = p.indexOf(0, 6);
  if (nameEnd === -1) return '';
  const name = text(p.subarray(6, nameEnd));
  const o = nameEnd + 2;
  if (o + 12 > p.length) return name;
  const fixed = (x: number): string => String(Number(((u32(p, x) | 0) / 65536).toFixed(6)));
  return `${name ? name + ': ' : ''}${fixed(o + 4)}, ${fixed(o)}, ${fixed(o + 8)} m`;
}

function report(ctx: ScanContext, rule: Rule | undefined, fallbackName: string, value: string, binary = false): void {
  if (rule) {
    if (rule[1] !== 'skip') ctx.out.add(rule[1], rule[0], value);
    return;
  }
  const c = classifyName(fallbackName);
  if (c === 'other' && (binary || !isTextual(value))) return;
  ctx.out.add(c, fallbackName, value);
}

async function scanUdta(src: Source, udta: Box, ctx: ScanContext, depth: number): Promise<void> {
  for (const atom of await childBoxes(src, udta.data, udta.end)) {
    const type = atom.type;
    if (type === 'meta') {
      await scanMeta(src, atom, ctx, depth + 1);
      continue;
    }
    if (type === 'XMP_') {
      scanXmp(text(await payload(src, atom, MAX_ATOM)), ctx.out, () => ctx.budget.check());
      continue;
    }
    const rule = ATOMS[type];
    if (rule?.[1] === 'skip') continue;
    const size = atom.end - atom.data;
    if (size > MAX_ATOM || rule?.[1] === 'thumbnail' || (rule && ['PANA', 'NCDT', 'smta', 'Xtra', 'CAME', 'MUID'].includes(type))) {
      // Binary vendor data: its presence is the finding.
      if (rule && ['CAME', 'MUID'].includes(type) && size <= 64) {
        const p = await payload(src, atom, 64);
        ctx.out.add(rule[1] as Category, rule[0], [...p].map((b) => b.toString(16).padStart(2, '0')).join(''));
      } else if (rule) ctx.out.add(rule[1] as Category, rule[0], `${size} bytes`);
      else ctx.out.add('other', `UserData_${printable(type)}`, `${size} bytes`);
      continue;
    }
    const p = await payload(src, atom, MAX_ATOM);
    if (type === 'loci') {
      ctx.out.add('location', 'LocationInformation', loci(p));
      continue;
    }
    if (['auth', 'perf', 'titl', 'dscp', 'albm', 'kywd', 'cprt'].includes(type) && p.length > 6 && p[0] === 0) {
      report(ctx, rule, type, assetText(p));
      continue;
    }
    const value = udtaText(type, p);
    report(ctx, rule, `UserData_${printable(type)}`, value);
  }
}

async function readKeys(src: Source, box: Box): Promise<string[]> {
  const { body } = await fullPayload(src, box, MAX_ATOM);
  const count = u32(body, 0);
  const keys: string[] = [];
  let i = 4;
  for (let k = 0; k < count && k < 10_000 && i + 8 <= body.length; k++) {
    const size = u32(body, i);
    if (size < 8 || i + size > body.length) break;
    keys.push(latin1(body, i + 8, i + size));
    i += size;
  }
  return keys;
}

/** A `meta` box: QuickTime keys/ilst, iTunes ilst, or HEIF-style items. */
async function scanMeta(src: Source, meta: Box, ctx: ScanContext, depth: number): Promise<void> {
  if (depth > MAX_DEPTH) throw new MetaError('corrupt', 'boxes nested too deeply');
  // ISO meta is a full box; QuickTime's is not. Tell them apart by what follows.
  const head = await src.read(meta.data, Math.min(12, meta.end - meta.data));
  const start = u32(head, 0) === 0 && head.length >= 12 ? meta.data + 4 : meta.data;
  const children = await childBoxes(src, start, meta.end);
  if (children.some((c) => c.type === 'iinf' || c.type === 'iloc')) {
    await scanHeifMeta(src, { ...meta, data: start - 4 }, ctx);
    return;
  }
  let keys: string[] = [];
  for (const c of children) if (c.type === 'keys') keys = await readKeys(src, c);
  for (const c of children) {
    if (c.type === 'XMP_' || c.type === 'xml ') {
      scanXmp(text(await payload(src, c, MAX_ATOM)), ctx.out, () => ctx.budget.check());
      continue;
    }
    if (c.type !== 'ilst') continue;
    for (const item of await childBoxes(src, c.data, c.end)) {
      const size = item.end - item.data;
      const keyIndex = u32(await src.read(item.start + 4, 4), 0);
      const key = keys.length > 0 && keyIndex >= 1 && keyIndex <= keys.length ? (keys[keyIndex - 1] ?? '') : '';
      if (size > MAX_ATOM) {
        ctx.out.add('other', key || `ItemList_${printable(item.type)}`, `${size} bytes`);
        continue;
      }
      const p = await payload(src, item, MAX_ATOM);
      if (key) {
        const v = dataValue(p);
        if (!v) continue;
        const lower = key.toLowerCase();
        const rule = KEYS[lower];
        if (!rule && /^com\.apple\.quicktime\.(live-photo|camera|full-frame|video-orientation|still-image-time)/.test(lower)) continue;
        report(ctx, rule, key.replace(/^com\.(apple\.quicktime|android)\./, ''), v.value, v.binary);
        continue;
      }
      if (item.type === '----') {
        // Freeform: mean, name, data.
        let name = '';
        for (const sub of await childBoxes(src, item.data, item.end)) {
          if (sub.type === 'name') name = latin1(await payload(src, sub, 4096), 4);
        }
        const v = dataValue(p);
        if (name && v && !/^iTun(NORM|SMPB|MOVI)/.test(name)) report(ctx, undefined, name, v.value, v.binary);
        continue;
      }
      const v = dataValue(p);
      if (!v) continue;
      report(ctx, ATOMS[item.type], `ItemList_${printable(item.type)}`, v.value, v.binary);
    }
  }
}

export interface TrackInfo {
  handler: string;
  sampleEntry: string;
  mebxKeys: string[];
  stbl: Box | null;
}

export async function trackInfo(src: Source, trak: Box): Promise<TrackInfo> {
  const info: TrackInfo = { handler: '', sampleEntry: '', mebxKeys: [], stbl: null };
  const mdia = (await childBoxes(src, trak.data, trak.end)).find((b) => b.type === 'mdia');
  if (!mdia) return info;
  const mdiaKids = await childBoxes(src, mdia.data, mdia.end);
  const hdlr = mdiaKids.find((b) => b.type === 'hdlr');
  if (hdlr) info.handler = fourcc(await src.read(hdlr.data + 8, 4), 0);
  const minf = mdiaKids.find((b) => b.type === 'minf');
  if (!minf) return info;
  const stbl = (await childBoxes(src, minf.data, minf.end)).find((b) => b.type === 'stbl');
  if (!stbl) return info;
  info.stbl = stbl;
  const stsd = (await childBoxes(src, stbl.data, stbl.end)).find((b) => b.type === 'stsd');
  if (!stsd) return info;
  const entries = await childBoxes(src, stsd.data + 8, stsd.end);
  const entry = entries[0];
  if (!entry) return info;
  info.sampleEntry = entry.type;
  if (entry.type === 'mebx') {
    // mebx: 6 reserved + 2 data reference index, then boxes; keys holds local key ids with keyd values.
    for (const b of await childBoxes(src, entry.data + 8, entry.end)) {
      if (b.type !== 'keys') continue;
      for (const k of await childBoxes(src, b.data, b.end)) {
        for (const d of await childBoxes(src, k.data, k.end)) {
          if (d.type === 'keyd') info.mebxKeys.push(latin1(await payload(src, d, 4096), 4));
        }
      }
    }
  }
  return info;
}

/** Timed metadata that carries positions: the samples live in mdat. */
function locationTrack(info: TrackInfo): string | null {
  if (info.sampleEntry === 'gpmd') return 'GoPro GPMF telemetry track (GPS positions over time)';
  if (info.sampleEntry === 'camm') return 'camera motion metadata track (may hold GPS positions)';
  const loc = info.mebxKeys.filter((k) => /location|gps/i.test(k));
  if (loc.length > 0) return `timed metadata track: ${loc.join(', ')}`;
  return null;
}

async function movieHeader(src: Source, box: Box, ctx: ScanContext): Promise<void> {
  const { version, body } = await fullPayload(src, box, 4096);
  const created = version === 1 ? u64(body, 0) : u32(body, 0);
  const modified = version === 1 ? u64(body, 8) : u32(body, 4);
  ctx.out.add('time', 'CreateDate', macTime(created));
  ctx.out.add('time', 'ModifyDate', macTime(modified));
}

async function walk(src: Source, start: number, end: number, ctx: ScanContext, depth: number): Promise<void> {
  if (depth > MAX_DEPTH) throw new MetaError('corrupt', 'boxes nested too deeply');
  for (const box of await childBoxes(src, start, end)) {
    switch (box.type) {
      case 'moov':
        await walk(src, box.data, box.end, ctx, depth + 1);
        break;
      case 'cmov':
        throw new MetaError('unsupported-variant', 'compressed movie header');
      case 'trak': {
        const info = await trackInfo(src, box);
        const loc = locationTrack(info);
        if (loc) ctx.out.add('location', 'TimedMetadata', loc);
        await walk(src, box.data, box.end, ctx, depth + 1);
        break;
      }
      case 'mvhd':
        if (depth === 1) await movieHeader(src, box, ctx);
        break;
      case 'udta':
        await scanUdta(src, box, ctx, depth + 1);
        break;
      case 'meta':
        await scanMeta(src, box, ctx, depth + 1);
        break;
      case 'uuid': {
        const id = await src.read(box.data, Math.min(16, box.end - box.data));
        if ([...id].map((b) => b.toString(16).padStart(2, '0')).join('') === XMP_UUID) {
          const len = box.end - box.data - 16;
          if (len > 0 && len <= MAX_ATOM) scanXmp(text(await src.read(box.data + 16, len)), ctx.out, () => ctx.budget.check());
        }
        break;
      }
      default:
        break;
    }
  }
}

export async function scanQuicktime(src: Source, ctx: ScanContext): Promise<void> {
  await walk(src, 0, src.size, ctx, 0);
}

// ---------------------------------------------------------------------------
// Scrubbing plan

async function zeroTimes(src: Source, box: Box, patches: Patch[]): Promise<void> {
  const head = await src.read(box.data, Math.min(20, box.end - box.data));
  const version = head[0] ?? 0;
  const len = version === 1 ? 16 : 8;
  if (head.length >= 4 + len) patches.push({ offset: box.data + 4, zero: len });
}

/** Byte ranges of every sample of a track, from stsz/stz2, stsc and stco/co64. */
export async function sampleRanges(src: Source, stbl: Box): Promise<Array<{ offset: number; length: number }>> {
  const kids = await childBoxes(src, stbl.data, stbl.end);
  const get = async (t: string): Promise<Uint8Array | null> => {
    const b = kids.find((k) => k.type === t);
    return b ? (await fullPayload(src, b, 64 * 1024 * 1024)).body : null;
  };
  const stsz = await get('stsz');
  const stsc = await get('stsc');
  const stco = await get('stco');
  const co64 = await get('co64');
  if (!stsz || !stsc || (!stco && !co64)) throw new MetaError('corrupt', 'metadata track without sample tables');
  const fixed = u32(stsz, 0);
  // Counts are capped by what the tables can actually hold.
  const count = fixed !== 0 ? u32(stsz, 4) : Math.min(u32(stsz, 4), Math.floor((stsz.length - 8) / 4));
  const size = (i: number): number => (fixed !== 0 ? fixed : u32(stsz, 8 + i * 4));
  const chunkCount = co64 ? Math.min(u32(co64, 0), Math.floor((co64.length - 4) / 8)) : Math.min(u32(stco as Uint8Array, 0), Math.floor(((stco as Uint8Array).length - 4) / 4));
  const chunkOffset = (i: number): number => (co64 ? u64(co64, 4 + i * 8) : u32(stco as Uint8Array, 4 + i * 4));
  const runs = Math.min(u32(stsc, 0), Math.floor((stsc.length - 4) / 12));
  const out: Array<{ offset: number; length: number }> = [];
  let sample = 0;
  for (let r = 0; r < runs && sample < count; r++) {
    const first = u32(stsc, 4 + r * 12) - 1;
    const perChunk = u32(stsc, 8 + r * 12);
    if (perChunk === 0) continue;
    src.budget.check();
    const nextFirst = r + 1 < runs ? u32(stsc, 4 + (r + 1) * 12) - 1 : chunkCount;
    for (let c = Math.max(0, first); c < nextFirst && c < chunkCount && sample < count; c++) {
      let off = chunkOffset(c);
      for (let s = 0; s < perChunk && sample < count; s++) {
        const len = size(sample++);
        if (off + len > src.size) throw new MetaError('truncated', 'metadata sample past the end');
        out.push({ offset: off, length: len });
        off += len;
      }
      if (out.length > 10_000_000) throw new MetaError('too-large', 'too many metadata samples');
    }
  }
  return out;
}

export interface QuicktimeScrubPlan {
  patches: Patch[];
  removed: RemovedId[];
}

/**
 * What to overwrite in a copy of the file: udta and meta boxes (movie and
 * tracks), XMP uuid boxes, creation/modification dates, and the boxes and
 * samples of location tracks. HEIF-style meta items get their EXIF/XMP blanked.
 */
export async function planQuicktimeScrub(src: Source): Promise<QuicktimeScrubPlan> {
  const patches: Patch[] = [];
  const removed = new Set<RemovedId>();
  const visit = async (start: number, end: number, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) throw new MetaError('corrupt', 'boxes nested too deeply');
    for (const box of await childBoxes(src, start, end)) {
      switch (box.type) {
        case 'moov':
        case 'mdia':
          await visit(box.data, box.end, depth + 1);
          break;
        case 'cmov':
          throw new MetaError('unsupported-variant', 'compressed movie header');
        case 'trak': {
          const info = await trackInfo(src, box);
          if (locationTrack(info) && info.stbl) {
            for (const r of await sampleRanges(src, info.stbl)) if (r.length > 0) patches.push({ offset: r.offset, zero: r.length });
            patches.push(...freeBox(box));
            removed.add('location-track');
            break;
          }
          await visit(box.data, box.end, depth + 1);
          break;
        }
        case 'mvhd':
        case 'tkhd':
        case 'mdhd':
          await zeroTimes(src, box, patches);
          removed.add('dates');
          break;
        case 'udta':
          patches.push(...freeBox(box));
          removed.add('user-data');
          break;
        case 'meta': {
          const head = await src.read(box.data, Math.min(12, box.end - box.data));
          const start2 = u32(head, 0) === 0 && head.length >= 12 ? box.data + 4 : box.data;
          const kids = await childBoxes(src, start2, box.end);
          if (kids.some((c) => c.type === 'iinf' || c.type === 'iloc')) {
            const plan = await planHeifScrub(src, [{ ...box, data: start2 - 4 }]);
            patches.push(...plan.patches);
            for (const r of plan.removed) removed.add(r);
          } else {
            patches.push(...freeBox(box));
            removed.add('user-data');
          }
          break;
        }
        case 'uuid': {
          const id = await src.read(box.data, Math.min(16, box.end - box.data));
          if ([...id].map((b) => b.toString(16).padStart(2, '0')).join('') === XMP_UUID) {
            patches.push(...freeBox(box));
            removed.add('xmp');
          }
          break;
        }
        default:
          break;
      }
    }
  };
  await visit(0, src.size, 0);
  return { patches, removed: [...removed] };
}

export const quicktime: FormatModule = {
  name: 'quicktime',
  sniff: (head) => {
    const t = isoType(head);
    return t === 'mp4' || t === 'mov' || t === '3gp' || t === 'm4a' ? t : null;
  },
  scan: (src, ctx) => scanQuicktime(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const plan = await io.withSource((src) => planQuicktimeScrub(src));
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['video-content'] };
  },
};
