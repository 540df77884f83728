// PNG: text chunks (tEXt, zTXt, iTXt, including XMP and ImageMagick's hex
// "Raw profile" EXIF/IPTC), eXIf, tIME and C2PA. The scanner walks the chunk
// table and reads only the chunks it needs; the scrubber keeps an allowlist of
// chunks needed to show the picture and drops the rest.
import { ascii, concat, crc32, fourcc, latin1, startsWith, text, u32, utf8, writeU32 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { exifOrientation, orientationOnlyTiff, scanIptc, scanPhotoshopIrb, scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { classifyName } from '../findings.js';
import { BufferSource, inflateCapped, MetaError, type Budget, type Source } from '../codecs/source.js';
import type { Category } from '../types.js';
import type { RemovedId } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { scrubPictureFile } from './picture.js';
import type { FormatModule, ImageScrub } from './types.js';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const MAX_CHUNKS = 100_000;
const MAX_TEXT_CHUNK = 8 * 1024 * 1024;
const MAX_TEXT_INFLATED = 16 * 1024 * 1024;

const KEYWORDS: Record<string, readonly [string, Category]> = {
  title: ['Title', 'other'],
  author: ['Author', 'person'],
  description: ['Description', 'other'],
  copyright: ['Copyright', 'person'],
  'creation time': ['CreationTime', 'time'],
  software: ['Software', 'software'],
  disclaimer: ['Disclaimer', 'other'],
  warning: ['Warning', 'other'],
  source: ['Source', 'device'],
  comment: ['Comment', 'other'],
  artist: ['Artist', 'person'],
  label: ['Label', 'other'],
  'date:create': ['DateCreate', 'time'],
  'date:modify': ['DateModify', 'time'],
  'date:timestamp': ['DateTimestamp', 'time'],
};

function hexProfile(s: string): Uint8Array | null {
  // "\n<type>\n   <length>\n<hex lines>"
  const m = /^\s*\S+\s+(\d+)\s+([\s0-9a-fA-F]*)$/s.exec(s);
  if (!m) return null;
  const hex = (m[2] ?? '').replace(/\s+/g, '');
  const n = Math.min(Number(m[1]), hex.length >> 1);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

async function textChunk(keyword: string, value: string, ctx: ScanContext): Promise<void> {
  const k = keyword.toLowerCase();
  if (k === 'xml:com.adobe.xmp' || k === 'raw profile type xmp') {
    scanXmp(k === 'raw profile type xmp' ? text(hexProfile(value) ?? new Uint8Array()) : value, ctx.out, () => ctx.budget.check());
    return;
  }
  if (k === 'raw profile type exif' || k === 'raw profile type app1') {
    const b = hexProfile(value);
    if (!b) return;
    const tiff = startsWith(b, 'Exif\0') ? b.subarray(6) : b;
    const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
    if (reader) await scanTiff(reader, ctx);
    return;
  }
  if (k === 'raw profile type iptc' || k === 'raw profile type 8bim') {
    const b = hexProfile(value);
    if (!b) return;
    if (startsWith(b, '8BIM')) await scanPhotoshopIrb(b, ctx);
    else scanIptc(b, ctx);
    return;
  }
  if (k.startsWith('raw profile type')) return; // icc, icm: colour profiles
  const known = KEYWORDS[k];
  if (known) {
    ctx.out.add(known[1], known[0], value);
    return;
  }
  if (k.startsWith('exif:') || k.startsWith('xmp:') || k.startsWith('iptc:')) {
    const name = keyword.slice(keyword.indexOf(':') + 1);
    const c = classifyName(name);
    // ImageMagick copies every EXIF tag; only the ones that matter are findings.
    if (c !== 'other' || /comment|description|title/i.test(name)) ctx.out.add(c, name, value);
    return;
  }
  ctx.out.add(classifyName(keyword), keyword, value);
}

async function decodeText(type: string, d: Uint8Array, ctx: ScanContext): Promise<[string, string] | null> {
  const nul = d.indexOf(0);
  if (nul <= 0) return null;
  const keyword = latin1(d, 0, nul);
  if (type === 'tEXt') return [keyword, latin1(d, nul + 1)];
  if (type === 'zTXt') {
    const body = inflateCapped(d.subarray(nul + 2), MAX_TEXT_INFLATED, ctx.budget, true);
    return [keyword, latin1(body)];
  }
  // iTXt: keyword \0 flag method lang \0 translated \0 text
  const flag = d[nul + 1] ?? 0;
  let p = nul + 3;
  const langEnd = d.indexOf(0, p);
  if (langEnd === -1) return null;
  const transEnd = d.indexOf(0, langEnd + 1);
  if (transEnd === -1) return null;
  p = transEnd + 1;
  const body = flag ? inflateCapped(d.subarray(p), MAX_TEXT_INFLATED, ctx.budget, true) : d.subarray(p);
  return [keyword, utf8(body)];
}

export async function scanPng(src: Source, ctx: ScanContext): Promise<void> {
  let pos = 8;
  let n = 0;
  while (pos + 8 <= src.size) {
    if (++n > MAX_CHUNKS) throw new MetaError('corrupt', 'too many PNG chunks');
    const h = await src.read(pos, 8);
    const len = u32(h, 0);
    const type = fourcc(h, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MetaError('corrupt', `bad PNG chunk type at ${pos}`);
    const dataAt = pos + 8;
    if (dataAt + len > src.size) throw new MetaError('truncated', `PNG chunk ${type} runs past the end`);
    switch (type) {
      case 'tEXt':
      case 'zTXt':
      case 'iTXt': {
        if (len > MAX_TEXT_CHUNK) {
          ctx.out.add('other', type, `${len} bytes of text`);
          break;
        }
        try {
          const kv = await decodeText(type, await src.read(dataAt, len), ctx);
          if (kv) await textChunk(kv[0], kv[1], ctx);
        } catch (e) {
          if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large')) throw e;
          ctx.damaged(`unreadable ${type} chunk`);
        }
        break;
      }
      case 'eXIf': {
        const d = await src.read(dataAt, Math.min(len, MAX_TEXT_CHUNK));
        const reader = await TiffReader.open(new BufferSource(startsWith(d, 'Exif\0') ? d.subarray(6) : d, ctx.budget));
        if (reader) await scanTiff(reader, ctx);
        break;
      }
      case 'tIME': {
        const d = await src.read(dataAt, Math.min(len, 7));
        if (d.length === 7) {
          const y = ((d[0] ?? 0) << 8) | (d[1] ?? 0);
          const p2 = (x: number | undefined): string => String(x ?? 0).padStart(2, '0');
          ctx.out.add('time', 'ModifyDate', `${y}:${p2(d[2])}:${p2(d[3])} ${p2(d[4])}:${p2(d[5])}:${p2(d[6])}`);
        }
        break;
      }
      case 'caBX':
        ctx.out.add('history', 'JUMBF', `content credentials (C2PA), ${len} bytes`);
        break;
      case 'prVW':
        ctx.out.add('thumbnail', 'PreviewImage', `${len} bytes`);
        break;
      default:
        break;
    }
    pos = dataAt + len + 4;
    if (type === 'IEND') break;
  }
}

/** Chunks needed to show the picture exactly as before; everything else ancillary goes. */
const KEEP = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'mDCv', 'cLLI', 'cLLi',
  'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT', 'oFFs', 'pCAL', 'sCAL',
]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeU32(out, 0, data.length);
  const typeBytes = ascii(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  writeU32(out, 8 + data.length, crc32(concat([typeBytes, data])));
  return out;
}

export async function scrubPng(data: Uint8Array, budget: Budget): Promise<ImageScrub> {
  if (!startsWith(data, PNG_SIGNATURE)) throw new MetaError('corrupt', 'not a PNG');
  const parts: Uint8Array[] = [data.subarray(0, 8)];
  const removed = new Set<RemovedId>();
  let keptOrientation: number | undefined;
  let pos = 8;
  let sawEnd = false;
  let n = 0;
  while (pos + 12 <= data.length) {
    if ((++n & 1023) === 0) budget.check();
    const len = u32(data, pos);
    const type = fourcc(data, pos + 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MetaError('corrupt', `bad PNG chunk type at ${pos}`);
    const end = pos + 12 + len;
    if (end > data.length) throw new MetaError('truncated', `PNG chunk ${type} runs past the end`);
    const whole = data.subarray(pos, end);
    const critical = type.charCodeAt(0) < 0x61;
    if (type === 'eXIf') {
      const d = data.subarray(pos + 8, pos + 8 + len);
      const o = await exifOrientation(startsWith(d, 'Exif\0') ? d.subarray(6) : d, { budget });
      if (o !== undefined && o !== 1 && keptOrientation === undefined) {
        keptOrientation = o;
        parts.push(chunk('eXIf', orientationOnlyTiff(o)));
      }
      removed.add('exif');
    } else if (KEEP.has(type) || critical) {
      parts.push(whole);
    } else {
      removed.add(chunkLabel(type));
    }
    pos = end;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) throw new MetaError('truncated', 'PNG has no IEND chunk');
  if (pos < data.length) removed.add('trailing-data');
  return { data: concat(parts), removed: [...removed], keptOrientation };
}

function chunkLabel(type: string): RemovedId {
  if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') return 'text';
  if (type === 'tIME') return 'dates';
  if (type === 'caBX') return 'c2pa';
  if (type === 'prVW') return 'thumbnail';
  return 'vendor-data';
}

export const png: FormatModule = {
  name: 'png',
  sniff: (head) => (startsWith(head, PNG_SIGNATURE) ? 'png' : null),
  scan: (src, ctx) => scanPng(src, ctx),
  complete: true,
  scrubBytes: scrubPng,
  scrub: (_det, io) => scrubPictureFile(io, scrubPng),
};
