// MP3 and ID3: ID3v2 tags (v2.2, v2.3, v2.4) at the start, ID3v1 and APE
// tags at the end. Frames that name people (artist, composer, copyright,
// encoded by, publisher), free text (comments, lyrics, user fields), pictures
// and private vendor data are reported. The cleaner drops every tag and keeps
// the audio frames byte for byte.
import { readFile } from 'node:fs/promises';
import { bytesEqual, latin1, startsWith, text, u32, utf16 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { RemovedId } from '../messages.js';
import type { Category } from '../types.js';
import type { FormatModule } from './types.js';

const MAX_TAG = 64 * 1024 * 1024;

/** Frame ids (v2.3/2.4 and v2.2), as ExifTool names them. */
const FRAMES: Readonly<Record<string, readonly [string, Category | 'picture' | 'skip']>> = {
  TPE1: ['Artist', 'person'], TP1: ['Artist', 'person'],
  TPE2: ['Band', 'person'], TP2: ['Band', 'person'],
  TPE3: ['Conductor', 'person'], TP3: ['Conductor', 'person'],
  TPE4: ['InterpretedBy', 'person'], TP4: ['InterpretedBy', 'person'],
  TCOM: ['Composer', 'person'], TCM: ['Composer', 'person'],
  TEXT: ['Lyricist', 'person'], TXT: ['Lyricist', 'person'],
  TOLY: ['OriginalLyricist', 'person'], TOL: ['OriginalLyricist', 'person'],
  TOPE: ['OriginalArtist', 'person'], TOA: ['OriginalArtist', 'person'],
  TENC: ['EncodedBy', 'person'], TEN: ['EncodedBy', 'person'],
  TCOP: ['Copyright', 'person'], TCR: ['Copyright', 'person'],
  TPUB: ['Publisher', 'person'], TPB: ['Publisher', 'person'],
  TOWN: ['FileOwner', 'person'], TRSO: ['InternetRadioStationOwner', 'person'],
  TIT1: ['Grouping', 'other'], TT1: ['Grouping', 'other'],
  TIT2: ['Title', 'other'], TT2: ['Title', 'other'],
  TIT3: ['Subtitle', 'other'], TT3: ['Subtitle', 'other'],
  TALB: ['Album', 'other'], TAL: ['Album', 'other'],
  COMM: ['Comment', 'other'], COM: ['Comment', 'other'],
  USLT: ['Lyrics', 'other'], ULT: ['Lyrics', 'other'],
  TSSE: ['EncoderSettings', 'software'], TSS: ['EncoderSettings', 'software'],
  TDRC: ['RecordingTime', 'time'], TYER: ['Year', 'time'], TYE: ['Year', 'time'], TDAT: ['Date', 'time'], TDA: ['Date', 'time'],
  TIME: ['Time', 'time'], TIM: ['Time', 'time'], TDEN: ['EncodingTime', 'time'], TDTG: ['TaggingTime', 'time'], TORY: ['OriginalReleaseYear', 'time'],
  APIC: ['Picture', 'picture'], PIC: ['Picture', 'picture'],
  GEOB: ['EncapsulatedObject', 'other'], GEO: ['EncapsulatedObject', 'other'],
  PRIV: ['Private', 'other'], UFID: ['UniqueFileID', 'history'], UFI: ['UniqueFileID', 'history'],
  WOAR: ['ArtistURL', 'person'], WAR: ['ArtistURL', 'person'], WXXX: ['UserDefinedURL', 'other'], WXX: ['UserDefinedURL', 'other'],
  TCON: ['Genre', 'skip'], TCO: ['Genre', 'skip'], TRCK: ['Track', 'skip'], TRK: ['Track', 'skip'], TPOS: ['PartOfSet', 'skip'], TPA: ['PartOfSet', 'skip'],
  TLEN: ['Length', 'skip'], TLE: ['Length', 'skip'], TBPM: ['BeatsPerMinute', 'skip'], TBP: ['BeatsPerMinute', 'skip'], TKEY: ['InitialKey', 'skip'],
  TLAN: ['Language', 'skip'], TLA: ['Language', 'skip'], TFLT: ['FileType', 'skip'], TMED: ['Media', 'skip'], PCNT: ['PlayCounter', 'skip'],
  MCDI: ['MusicCDIdentifier', 'skip'], RVA2: ['RelativeVolumeAdjustment', 'skip'], RVA: ['RelativeVolumeAdjustment', 'skip'], EQU: ['Equalization', 'skip'], CNT: ['PlayCounter', 'skip'], RVAD: ['RelativeVolumeAdjustment', 'skip'], EQU2: ['Equalization', 'skip'],
  ETCO: ['EventTimingCodes', 'skip'], SYLT: ['SynchronizedLyrics', 'other'], POPM: ['Popularimeter', 'person'], TSRC: ['ISRC', 'skip'],
};

function syncsafe(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) & 0x7f) * 0x200000 + ((b[o + 1] ?? 0) & 0x7f) * 0x4000 + ((b[o + 2] ?? 0) & 0x7f) * 0x80 + ((b[o + 3] ?? 0) & 0x7f);
}

/** Removes ID3 unsynchronisation (0xFF 0x00 -> 0xFF). */
function resync(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let o = 0;
  for (let i = 0; i < b.length; i++) {
    out[o++] = b[i] ?? 0;
    if (b[i] === 0xff && b[i + 1] === 0x00) i++;
  }
  return out.subarray(0, o);
}

/** An ID3 text: encoding byte, then Latin-1, UTF-16 with BOM, UTF-16BE or UTF-8; several values NUL-separated. */
function id3Text(b: Uint8Array): string {
  const enc = b[0] ?? 0;
  const body = b.subarray(1);
  let s: string;
  if (enc === 1) s = body[0] === 0xff ? utf16(body.subarray(2), true) : body[0] === 0xfe ? utf16(body.subarray(2), false) : utf16(body, true);
  else if (enc === 2) s = utf16(body, false);
  else if (enc === 3) s = text(body);
  else s = latin1(body);
  return s.replace(/\0+$/, '').replace(/\0/g, ', ');
}

/** Length of an ID3v2 tag at the start of `head` (header and footer included), or 0. */
export function id3v2Length(head: Uint8Array): number {
  if (!startsWith(head, 'ID3') || head.length < 10) return 0;
  return 10 + syncsafe(head, 6) + ((head[5] ?? 0) & 0x10 ? 10 : 0);
}

/** Reads one ID3v2 tag (header included). */
export async function scanId3(tag: Uint8Array, ctx: ScanContext): Promise<void> {
  if (!startsWith(tag, 'ID3') || tag.length < 10) return;
  const major = tag[3] ?? 0;
  const flags = tag[5] ?? 0;
  let body = tag.subarray(10, Math.min(tag.length, 10 + syncsafe(tag, 6)));
  if (major < 4 && flags & 0x80) body = resync(body);
  let i = 0;
  if (flags & 0x40) i += major === 3 ? 4 + u32(body, 0) : syncsafe(body, 0);
  const idLen = major === 2 ? 3 : 4;
  const headLen = major === 2 ? 6 : 10;
  let n = 0;
  while (i + headLen <= body.length && n++ < 10_000) {
    ctx.budget.check();
    const id = latin1(body, i, i + idLen);
    if (!/^[A-Z0-9]{3,4}$/.test(id)) break;
    const size = major === 2 ? ((body[i + 3] ?? 0) << 16) | ((body[i + 4] ?? 0) << 8) | (body[i + 5] ?? 0) : major === 4 ? syncsafe(body, i + 4) : u32(body, i + 4);
    const fflags = major === 2 ? 0 : (((body[i + 8] ?? 0) << 8) | (body[i + 9] ?? 0));
    let data = body.subarray(i + headLen, Math.min(body.length, i + headLen + size));
    i += headLen + size;
    // v2.4: compressed (0x0008) or encrypted (0x0004) frames cannot be read; v2.3: 0x0080 / 0x0040.
    const unreadable = major === 4 ? fflags & 0x000c : major === 3 ? fflags & 0x00c0 : 0;
    if (unreadable) {
      ctx.unread(`ID3 frame ${id} is compressed or encrypted`);
      continue;
    }
    if (major === 4 && fflags & 0x0002) data = resync(data);
    if (major === 4 && fflags & 0x0001) data = data.subarray(4);
    const rule = FRAMES[id];
    if (rule?.[1] === 'skip') continue;
    if (rule?.[1] === 'picture') {
      ctx.out.add('thumbnail', 'Picture', `${data.length} bytes of cover art`);
      continue;
    }
    if (id === 'TXXX' || id === 'TXX') {
      const [desc = '', value = ''] = id3Text(data).split(', ');
      ctx.out.add(classifyName(desc), desc || 'UserDefinedText', value || desc);
      continue;
    }
    if (id === 'COMM' || id === 'COM' || id === 'USLT' || id === 'ULT') {
      // encoding, 3-byte language, description, text
      // The description comes first; the text follows it.
      const [desc = '', ...rest] = id3Text(Uint8Array.from([data[0] ?? 0, ...data.subarray(4)])).split(', ');
      ctx.out.add('other', rule?.[0] ?? id, rest.length > 0 ? rest.join(', ') : desc);
      continue;
    }
    if (rule) {
      const v = id[0] === 'T' ? id3Text(data) : id[0] === 'W' ? latin1(data) : `${data.length} bytes`;
      ctx.out.add(rule[1], rule[0], v);
    } else {
      ctx.out.add(id[0] === 'T' ? 'other' : 'other', `ID3_${id}`, id[0] === 'T' ? id3Text(data) : `${data.length} bytes`);
    }
  }
}

interface Tags {
  /** Where the audio starts and ends (tags excluded). */
  audioStart: number;
  audioEnd: number;
  v1: boolean;
  ape: boolean;
}

async function tagsOf(src: Source): Promise<Tags> {
  const head = await src.readAtMost(0, 10);
  let audioStart = 0;
  // Several ID3v2 tags can follow each other.
  for (let k = 0; k < 8; k++) {
    const h = await src.readAtMost(audioStart, 10);
    const len = id3v2Length(h);
    if (len === 0) break;
    audioStart += len;
  }
  void head;
  let audioEnd = src.size;
  let v1 = false;
  let ape = false;
  if (src.size >= audioStart + 128 && startsWith(await src.read(src.size - 128, 3), 'TAG')) {
    v1 = true;
    audioEnd -= 128;
  }
  if (audioEnd - audioStart >= 32) {
    const footer = await src.read(audioEnd - 32, 32);
    if (startsWith(footer, 'APETAGEX')) {
      ape = true;
      const size = u32(footer, 12, true);
      const hasHeader = ((footer[23] ?? 0) & 0x80) !== 0;
      audioEnd -= Math.min(audioEnd - audioStart, size + (hasHeader ? 32 : 0));
    }
  }
  return { audioStart, audioEnd, v1, ape };
}

async function scanApe(src: Source, tags: Tags, ctx: ScanContext): Promise<void> {
  // Items sit between the APE header (if any) and the footer, which ends at the old audioEnd.
  const footerAt = (tags.v1 ? src.size - 128 : src.size) - 32;
  const footer = await src.read(footerAt, 32);
  const size = u32(footer, 12, true);
  const count = Math.min(u32(footer, 16, true), 1000);
  if (size > MAX_TAG || size < 32) return;
  const items = await src.read(footerAt + 32 - size, size - 32);
  let i = 0;
  for (let k = 0; k < count && i + 8 < items.length; k++) {
    const len = u32(items, i, true);
    const flags = u32(items, i + 4, true);
    let j = i + 8;
    while (j < items.length && items[j] !== 0) j++;
    const key = latin1(items, i + 8, j);
    const value = items.subarray(j + 1, Math.min(items.length, j + 1 + len));
    const binary = (flags >> 1) & 3;
    if (/cover art/i.test(key)) ctx.out.add('thumbnail', key, `${value.length} bytes of cover art`);
    else ctx.out.add(classifyName(key), key, binary === 1 ? `${value.length} bytes` : text(value));
    i = j + 1 + len;
  }
}

export async function scanMp3(src: Source, ctx: ScanContext): Promise<void> {
  const tags = await tagsOf(src);
  let at = 0;
  while (at < tags.audioStart) {
    const len = id3v2Length(await src.read(at, 10));
    if (len === 0 || len > MAX_TAG) {
      if (len > MAX_TAG) throw new MetaError('too-large', `ID3 tag of ${len} bytes`);
      break;
    }
    await scanId3(await src.read(at, Math.min(len, src.size - at)), ctx);
    at += len;
  }
  if (tags.v1) {
    const t = await src.read(src.size - 128, 128);
    const field = (o: number, n: number): string => latin1(t, o, o + n).replace(/[\0 ]+$/, '');
    ctx.out.add('other', 'Title', field(3, 30));
    ctx.out.add('person', 'Artist', field(33, 30));
    ctx.out.add('other', 'Album', field(63, 30));
    ctx.out.add('time', 'Year', field(93, 4));
    ctx.out.add('other', 'Comment', field(97, t[125] === 0 ? 28 : 30));
  }
  if (tags.ape) await scanApe(src, tags, ctx);
  if (tags.audioStart > 0 && tags.audioStart + 4 <= src.size && !isMpegFrame(await src.read(tags.audioStart, 4))) {
    ctx.unread('the ID3 tag is followed by audio that is not MPEG');
  }
  // Lyrics3 v2 sits before ID3v1.
  if (tags.v1 && src.size > 128 + 15 && latin1(await src.read(src.size - 128 - 9, 9)) === 'LYRICS200') ctx.unread('Lyrics3 tag');
}

function isMpegFrame(h: Uint8Array): boolean {
  return h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0 && ((h[1] ?? 0) & 0x06) !== 0 && ((h[2] ?? 0) & 0xf0) !== 0xf0;
}

/** ID3 is also put before other audio (Musepack, AAC, FLAC): MP3 only when an MPEG frame follows. */
function sniffMp3(head: Uint8Array): string | null {
  if (isMpegFrame(head)) return 'mp3';
  const len = id3v2Length(head);
  if (len === 0) return null;
  if (len + 4 > head.length) return 'mp3';
  return isMpegFrame(head.subarray(len)) ? 'mp3' : null;
}

export const mp3: FormatModule = {
  name: 'mp3',
  sniff: sniffMp3,
  scan: (src, ctx) => scanMp3(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const data = await io.readWhole();
    const tags = await io.withSource((src) => tagsOf(src));
    if (!isMpegFrame(data.subarray(tags.audioStart, tags.audioStart + 4))) throw new MetaError('unsupported-variant', 'not MPEG audio after the ID3 tag');
    const removed: RemovedId[] = [];
    if (tags.audioStart > 0 || tags.v1 || tags.ape || tags.audioEnd < data.length) removed.push('text');
    const audio = data.subarray(tags.audioStart, tags.audioEnd);
    await io.writeCopy(audio);
    return {
      removed,
      warnings: ['video-content'],
      verify: async (copy) => (bytesEqual(new Uint8Array(await readFile(copy)), audio) ? null : 'audio changed'),
    };
  },
};
