// FLAC and Ogg (Vorbis, Opus, FLAC-in-Ogg, Speex, Theora): metadata is a
// Vorbis comment list ("ARTIST=...") plus embedded pictures. FLAC keeps it in
// metadata blocks before the audio; Ogg in the second header packet of each
// stream. The FLAC cleaner rewrites the block list (comments, pictures and
// application blocks dropped) and copies the audio frames byte for byte. The
// Ogg cleaner blanks each comment packet in place (same length, page CRCs
// recomputed), so no page moves.
import { readFile } from 'node:fs/promises';
import { bytesEqual, concat, latin1, startsWith, text, u32, writeU32 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { RemovedId } from '../messages.js';
import type { Category } from '../types.js';
import type { FormatModule } from './types.js';

const MAX_BLOCK = 16 * 1024 * 1024;
const MAX_HEADER_PAGES = 512;

const PEOPLE = new Set(['ARTIST', 'ALBUMARTIST', 'ALBUM ARTIST', 'PERFORMER', 'COMPOSER', 'CONDUCTOR', 'LYRICIST', 'ARRANGER', 'AUTHOR', 'WRITER', 'ENCODED-BY', 'ENCODEDBY', 'ENCODED_BY', 'COPYRIGHT', 'CONTACT', 'ORGANIZATION', 'PUBLISHER', 'PRODUCER', 'ENGINEER', 'MIXER', 'DJMIXER', 'REMIXER']);

function commentCategory(key: string): Category | 'picture' | 'skip' {
  const k = key.toUpperCase();
  if (k === 'METADATA_BLOCK_PICTURE' || k === 'COVERART') return 'picture';
  if (PEOPLE.has(k)) return 'person';
  if (k === 'LOCATION') return 'location';
  if (k === 'ENCODER' || k === 'ENCODER_OPTIONS' || k === 'ENCODING') return 'software';
  if (k === 'DATE' || k === 'YEAR') return 'time';
  if (/^(TRACKNUMBER|TRACKTOTAL|DISCNUMBER|DISCTOTAL|GENRE|REPLAYGAIN_.*|R128_.*|BPM|LANGUAGE)$/.test(k)) return 'skip';
  return classifyName(k);
}

/** A Vorbis comment list: vendor string, then "KEY=value" entries (little-endian lengths). */
export function scanVorbisComments(b: Uint8Array, ctx: ScanContext): void {
  if (b.length < 8) return;
  const vendorLen = u32(b, 0, true);
  if (4 + vendorLen > b.length) return;
  ctx.out.add('software', 'Vendor', text(b.subarray(4, 4 + vendorLen)));
  let i = 4 + vendorLen;
  const count = Math.min(u32(b, i, true), 100_000);
  i += 4;
  for (let k = 0; k < count && i + 4 <= b.length; k++) {
    const len = u32(b, i, true);
    const entry = b.subarray(i + 4, Math.min(b.length, i + 4 + len));
    i += 4 + len;
    const s = text(entry);
    const eq = s.indexOf('=');
    if (eq <= 0) continue;
    const key = s.slice(0, eq);
    const cat = commentCategory(key);
    if (cat === 'skip') continue;
    if (cat === 'picture') ctx.out.add('thumbnail', 'Picture', `${entry.length} bytes of cover art`);
    else ctx.out.add(cat, key.charAt(0).toUpperCase() + key.slice(1).toLowerCase(), s.slice(eq + 1));
  }
}

interface FlacBlock {
  type: number;
  at: number;
  length: number;
  last: boolean;
}

async function flacBlocks(src: Source, start: number): Promise<{ blocks: FlacBlock[]; audio: number }> {
  const blocks: FlacBlock[] = [];
  let pos = start;
  for (let n = 0; n < 10_000; n++) {
    src.budget.check();
    const h = await src.read(pos, 4);
    const last = ((h[0] ?? 0) & 0x80) !== 0;
    const type = (h[0] ?? 0) & 0x7f;
    const length = ((h[1] ?? 0) << 16) | ((h[2] ?? 0) << 8) | (h[3] ?? 0);
    if (pos + 4 + length > src.size) throw new MetaError('truncated', 'FLAC metadata block runs past the end');
    blocks.push({ type, at: pos, length, last });
    pos += 4 + length;
    if (last) return { blocks, audio: pos };
  }
  throw new MetaError('corrupt', 'too many FLAC metadata blocks');
}

async function scanFlacBlocks(src: Source, blocks: FlacBlock[], ctx: ScanContext): Promise<void> {
  for (const b of blocks) {
    if (b.type === 4) {
      if (b.length > MAX_BLOCK) throw new MetaError('too-large', `comment block of ${b.length} bytes`);
      scanVorbisComments(await src.read(b.at + 4, b.length), ctx);
    } else if (b.type === 6) ctx.out.add('thumbnail', 'Picture', `${b.length} bytes of embedded picture`);
    else if (b.type === 2) {
      const id = latin1(await src.read(b.at + 4, Math.min(4, b.length)));
      ctx.out.add('other', 'ApplicationData', `${id.replace(/[^\x20-\x7e]/g, '?')}, ${b.length} bytes`);
      // "riff" and "aiff" application blocks carry a whole foreign header, metadata included.
      ctx.unread(`FLAC application block ${id}`);
    } else if (b.type > 6 && b.type !== 127) ctx.unread(`FLAC metadata block type ${b.type}`);
  }
}

async function flacStart(src: Source): Promise<number> {
  // Some FLAC files carry an ID3v2 tag first (not allowed, but written by some tools).
  const h = await src.read(0, 10);
  if (startsWith(h, 'ID3')) throw new MetaError('unsupported-variant', 'ID3 tag before FLAC data');
  if (!startsWith(h, 'fLaC')) throw new MetaError('corrupt', 'not FLAC');
  return 4;
}

export async function scanFlac(src: Source, ctx: ScanContext): Promise<void> {
  const { blocks } = await flacBlocks(src, await flacStart(src));
  await scanFlacBlocks(src, blocks, ctx);
}

// ---------------------------------------------------------------------------
// Ogg

interface Page {
  at: number;
  serial: number;
  headerLen: number;
  segments: number[];
  bodyLen: number;
  continued: boolean;
}

async function readPage(src: Source, at: number): Promise<Page | null> {
  if (at + 27 > src.size) return null;
  const h = await src.read(at, 27);
  if (!startsWith(h, 'OggS')) throw new MetaError('corrupt', `no Ogg page at ${at}`);
  const n = h[26] ?? 0;
  const table = await src.read(at + 27, n);
  const segments = [...table];
  const bodyLen = segments.reduce((a, b) => a + b, 0);
  return { at, serial: u32(h, 14, true), headerLen: 27 + n, segments, bodyLen, continued: ((h[5] ?? 0) & 1) !== 0 };
}

interface OggPacket {
  serial: number;
  index: number;
  /** Where each piece of the packet lies in the file. */
  pieces: Array<{ at: number; length: number }>;
  length: number;
}

/** The first few packets of every stream (the headers): enough for the comments. */
async function headerPackets(src: Source): Promise<OggPacket[]> {
  const done: OggPacket[] = [];
  const open = new Map<number, OggPacket>();
  const counts = new Map<number, number>();
  let pos = 0;
  for (let p = 0; p < MAX_HEADER_PAGES; p++) {
    src.budget.check();
    const page = await readPage(src, pos);
    if (!page) break;
    let body = page.at + page.headerLen;
    let cur = open.get(page.serial);
    for (const seg of page.segments) {
      if (!cur) {
        const index = counts.get(page.serial) ?? 0;
        cur = { serial: page.serial, index, pieces: [], length: 0 };
      }
      if (seg > 0) cur.pieces.push({ at: body, length: seg });
      cur.length += seg;
      body += seg;
      if (seg < 255) {
        done.push(cur);
        counts.set(page.serial, cur.index + 1);
        cur = undefined;
      }
    }
    if (cur) open.set(page.serial, cur);
    else open.delete(page.serial);
    pos = page.at + page.headerLen + page.bodyLen;
    // Headers are the first three packets of a stream (Opus: two); stop once every stream is past them.
    if ([...counts.values()].length > 0 && [...counts.values()].every((c) => c >= 3) && open.size === 0) break;
  }
  return done;
}

async function packetBytes(src: Source, p: OggPacket): Promise<Uint8Array> {
  if (p.length > MAX_BLOCK) throw new MetaError('too-large', `Ogg header packet of ${p.length} bytes`);
  return concat(await Promise.all(p.pieces.map((x) => src.read(x.at, x.length))));
}

/** Where the comment list starts in a header packet, or -1 when it is no comment packet. */
function commentStart(pkt: Uint8Array): number {
  if (startsWith(pkt, '\x03vorbis')) return 7;
  if (startsWith(pkt, 'OpusTags')) return 8;
  if (startsWith(pkt, '\x81theora')) return 7;
  // FLAC in Ogg: packets after the first are metadata blocks; type 4 is the comment.
  if (((pkt[0] ?? 0) & 0x7f) === 4 && pkt.length >= 4) return 4;
  return -1;
}

export async function scanOgg(src: Source, ctx: ScanContext): Promise<void> {
  const packets = await headerPackets(src);
  const firstOf = new Map<number, Uint8Array>();
  for (const p of packets) {
    const b = await packetBytes(src, p);
    if (p.index === 0) {
      firstOf.set(p.serial, b.subarray(0, 16));
      continue;
    }
    const first = firstOf.get(p.serial) ?? new Uint8Array();
    const isFlac = startsWith(first, '\x7fFLAC');
    const isSpeex = startsWith(first, 'Speex   ');
    if (isSpeex && p.index === 1) scanVorbisComments(b, ctx);
    else if (isFlac) {
      if (((b[0] ?? 0) & 0x7f) === 4) scanVorbisComments(b.subarray(4), ctx);
      else if (((b[0] ?? 0) & 0x7f) === 6) ctx.out.add('thumbnail', 'Picture', `${b.length} bytes of embedded picture`);
    } else {
      const s = commentStart(b);
      if (s > 0 && p.index === 1) scanVorbisComments(b.subarray(s), ctx);
    }
  }
}

// Ogg page CRC: polynomial 0x04c11db7, no reflection, initial 0.
const OGG_CRC = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

export function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) crc = ((crc << 8) ^ (OGG_CRC[((crc >>> 24) ^ (page[i] ?? 0)) & 0xff] ?? 0)) >>> 0;
  return crc;
}

/** The bytes of a blanked comment list of exactly `len` bytes: empty vendor, no comments, zero fill. */
function blankComments(len: number, framing: boolean): Uint8Array {
  const out = new Uint8Array(len);
  // vendor length 0, comment count 0 (then the Vorbis framing bit).
  if (framing && len > 8) out[8] = 1;
  return out;
}

async function scrubOgg(data: Uint8Array, src: Source): Promise<{ data: Uint8Array; removed: RemovedId[] }> {
  const out = Uint8Array.from(data);
  const removed = new Set<RemovedId>();
  const packets = await headerPackets(src);
  const firstOf = new Map<number, Uint8Array>();
  const touched = new Set<number>();
  for (const p of packets) {
    const b = await packetBytes(src, p);
    if (p.index === 0) {
      firstOf.set(p.serial, b.subarray(0, 16));
      continue;
    }
    const first = firstOf.get(p.serial) ?? new Uint8Array();
    let start = -1;
    if (startsWith(first, 'Speex   ') && p.index === 1) start = 0;
    else if (startsWith(first, '\x7fFLAC')) start = ((b[0] ?? 0) & 0x7f) === 4 ? 4 : -1;
    else if (p.index === 1) start = commentStart(b);
    if (start < 0 || b.length - start < 8) continue;
    const blank = blankComments(b.length - start, startsWith(b, '\x03vorbis'));
    // Write the packet back piece by piece.
    let o = 0;
    for (const piece of p.pieces) {
      for (let k = 0; k < piece.length; k++, o++) if (o >= start) out[piece.at + k] = blank[o - start] ?? 0;
      touched.add(piece.at);
    }
    removed.add('text');
  }
  // Recompute the CRC of every page that changed.
  let pos = 0;
  for (let p = 0; p < MAX_HEADER_PAGES && pos + 27 <= out.length; p++) {
    const n = out[pos + 26] ?? 0;
    let bodyLen = 0;
    for (let k = 0; k < n; k++) bodyLen += out[pos + 27 + k] ?? 0;
    const end = pos + 27 + n + bodyLen;
    const body = pos + 27 + n;
    if ([...touched].some((t) => t >= body && t < end)) {
      writeU32(out, pos + 22, 0, true);
      writeU32(out, pos + 22, oggCrc(out.subarray(pos, end)), true);
    }
    pos = end;
  }
  return { data: out, removed: [...removed] };
}

export const flac: FormatModule = {
  name: 'flac',
  sniff: (head) => (startsWith(head, 'fLaC') ? 'flac' : null),
  scan: (src, ctx) => scanFlac(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const data = await io.readWhole();
    const { blocks, audio } = await io.withSource(async (src) => flacBlocks(src, await flacStart(src)));
    const keep = blocks.filter((b) => b.type === 0 || b.type === 1 || b.type === 3 || b.type === 5);
    const parts: Uint8Array[] = [data.subarray(0, 4)];
    keep.forEach((b, i) => {
      const block = Uint8Array.from(data.subarray(b.at, b.at + 4 + b.length));
      block[0] = (b.type & 0x7f) | (i === keep.length - 1 ? 0x80 : 0);
      parts.push(block);
    });
    const frames = data.subarray(audio);
    parts.push(frames);
    await io.writeCopy(concat(parts));
    const removed: RemovedId[] = blocks.some((b) => b.type === 4 || b.type === 2) ? ['text'] : [];
    if (blocks.some((b) => b.type === 6)) removed.push('thumbnail');
    return {
      removed,
      warnings: ['video-content'],
      verify: async (copy) => {
        const out = new Uint8Array(await readFile(copy));
        return bytesEqual(out.subarray(out.length - frames.length), frames) ? null : 'audio changed';
      },
    };
  },
};

export const ogg: FormatModule = {
  name: 'ogg',
  sniff: (head) => {
    if (!startsWith(head, 'OggS')) return null;
    const first = latin1(head, 28, 40);
    if (first.startsWith('OpusHead')) return 'opus';
    if (first.startsWith('\x7fFLAC')) return 'oga';
    if (first.startsWith('\x80theora')) return 'ogv';
    return 'ogg';
  },
  scan: (src, ctx) => scanOgg(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const data = await io.readWhole();
    const r = await io.withSource((src) => scrubOgg(data, src));
    await io.writeCopy(r.data);
    return { removed: r.removed, warnings: ['video-content'] };
  },
};
