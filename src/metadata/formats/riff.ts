// RIFF files (AVI video, WAV audio): metadata in LIST/INFO chunks (artist,
// copyright, comments, software, dates), Broadcast WAV `bext` (originator,
// description), `iXML`, XMP (`_PMX`), ID3 chunks and AVI date chunks. Chunks
// we do not know are not skipped silently: the file is then reported as
// not completely read. The cleaner turns metadata chunks into JUNK chunks of
// the same size, zero-filled, so no offset moves (AVI indexes stay right).
import { cstring, fourcc, latin1, startsWith, text, u32 } from '../codecs/bytes.js';
import type { Patch } from '../codecs/boxes.js';
import { MetaError, type Source } from '../codecs/source.js';
import { scanMakerNoteBytes } from '../codecs/tiff/index.js';
import { scanXmp, xmpText } from '../codecs/xmp.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { RemovedId } from '../messages.js';
import type { Category } from '../types.js';
import { scanId3 } from './id3.js';
import type { FormatModule } from './types.js';

const MAX_CHUNKS = 100_000;
const MAX_TEXT_CHUNK = 4 * 1024 * 1024;
const MAX_MAKER_NOTE = 1024 * 1024;

/** LIST/INFO sub-chunks, as ExifTool names them. */
const INFO: Readonly<Record<string, readonly [string, Category]>> = {
  IART: ['Artist', 'person'],
  ICOP: ['Copyright', 'person'],
  IENG: ['Engineer', 'person'],
  ITCH: ['Technician', 'person'],
  ICMS: ['Commissioned', 'person'],
  ISRC: ['Source', 'person'],
  IARL: ['ArchivalLocation', 'location'],
  ICMT: ['Comment', 'other'],
  INAM: ['Title', 'other'],
  ISBJ: ['Subject', 'other'],
  IKEY: ['Keywords', 'other'],
  IPRD: ['Product', 'other'],
  IGNR: ['Genre', 'other'],
  ISFT: ['Software', 'software'],
  ICRD: ['DateCreated', 'time'],
  IDIT: ['DateTimeOriginal', 'time'],
};

/** Chunks that hold sound, pictures or structure, never metadata. */
const MEDIA = new Set([
  'fmt ', 'data', 'fact', 'cue ', 'plst', 'smpl', 'inst', 'acid', 'wavl', 'slnt', 'idx1', 'JUNK', 'JUNQ', 'PAD ', 'pad ', 'FLLR', 'junk',
  'avih', 'strh', 'strf', 'strn', 'indx', 'dmlh', 'vprp', 'ds64', 'cart', 'levl', 'fake', 'ix00', 'ix01', 'CSET', 'ISMP', 'DISP', 'LGWV',
]);
/** Pentax cameras' AVI maker notes (ExifTool: PentaxData), with the camera's serial numbers. */
const PENTAX_LISTS = new Set(['hydt', 'pntx']);

/** LIST types with structure only (their sub-chunks are walked). */
const LISTS = new Set(['hdrl', 'strl', 'odml', 'movi', 'rec ', 'adtl', 'INFO', 'exif', 'ncdt', 'Tdat', ...PENTAX_LISTS]);

interface Chunk {
  id: string;
  /** Offset of the chunk header. */
  at: number;
  data: number;
  size: number;
  /** LIST type, for LIST chunks. */
  list?: string;
  /** LIST type of the list this chunk is in. */
  parent?: string;
}

async function* chunks(src: Source, start: number, end: number, depth: number, parent?: string): AsyncGenerator<Chunk> {
  let pos = start;
  let n = 0;
  while (pos + 8 <= end) {
    if (++n > MAX_CHUNKS) throw new MetaError('corrupt', 'too many RIFF chunks');
    src.budget.check();
    const h = await src.read(pos, 8);
    const id = fourcc(h, 0);
    const size = u32(h, 4, true);
    const data = pos + 8;
    const stop = Math.min(end, data + size);
    if (id === 'LIST' && size >= 4) {
      const list = fourcc(await src.read(data, 4), 0);
      yield { id, at: pos, data, size, list, ...(parent ? { parent } : {}) };
      if (depth < 8 && list !== 'movi' && list !== 'rec ') yield* chunks(src, data + 4, stop, depth + 1, list);
    } else {
      yield { id, at: pos, data, size, ...(parent ? { parent } : {}) };
    }
    if (data + size > end) break;
    pos = data + size + (size & 1);
  }
}

async function chunkText(src: Source, c: Chunk): Promise<string> {
  return text(await src.read(c.data, Math.min(c.size, MAX_TEXT_CHUNK, src.size - c.data))).replace(/\0+$/, '');
}

async function scanRiff(src: Source, ctx: ScanContext): Promise<void> {
  const h = await src.read(0, 12);
  if (!startsWith(h, 'RIFF') && !startsWith(h, 'RF64')) throw new MetaError('corrupt', 'not a RIFF file');
  const end = Math.min(src.size, startsWith(h, 'RF64') ? src.size : 8 + u32(h, 4, true));
  let listType = '';
  for await (const c of chunks(src, 12, end, 0)) {
    if (c.list) {
      listType = c.list;
      if (!LISTS.has(c.list)) ctx.unread(`RIFF LIST ${c.list}`);
      continue;
    }
    if (c.parent && PENTAX_LISTS.has(c.parent)) {
      if (c.size > MAX_MAKER_NOTE) ctx.unread(`RIFF ${c.parent} chunk over ${MAX_MAKER_NOTE} bytes`);
      const note = await src.read(c.data, Math.min(c.size, MAX_MAKER_NOTE, src.size - c.data));
      if (startsWith(note, 'PENTAX \0') || startsWith(note, 'AOC\0')) await scanMakerNoteBytes(note, 'PENTAX', ctx);
      else ctx.unread(`RIFF ${c.parent} chunk`);
      continue;
    }
    const info = INFO[c.id];
    if (info) {
      ctx.out.add(info[1], info[0], await chunkText(src, c));
      continue;
    }
    if (/^I[A-Z]{3}$/.test(c.id) && listType === 'INFO') {
      ctx.out.add(classifyName(c.id), `Info_${c.id}`, await chunkText(src, c));
      continue;
    }
    switch (c.id) {
      case 'bext': {
        const b = await src.read(c.data, Math.min(c.size, 602));
        ctx.out.add('other', 'Description', cstring(b, 0, 256));
        ctx.out.add('person', 'Originator', cstring(b, 256, 288));
        ctx.out.add('history', 'OriginatorReference', cstring(b, 288, 320));
        ctx.out.add('time', 'DateTimeOriginal', `${latin1(b, 320, 330)} ${latin1(b, 330, 338)}`.trim());
        break;
      }
      case 'iXML':
        ctx.out.add('other', 'iXML', `${c.size} bytes of production notes`);
        scanXmp(await chunkText(src, c), ctx.out);
        break;
      case '_PMX':
        scanXmp(xmpText(await src.read(c.data, Math.min(c.size, MAX_TEXT_CHUNK))), ctx.out, () => ctx.budget.check());
        break;
      case 'id3 ':
      case 'ID3 ':
        await scanId3(await src.read(c.data, Math.min(c.size, MAX_TEXT_CHUNK)), ctx);
        break;
      case 'tc_O':
      case 'tc_A':
      case 'rn_O':
      case 'rn_A':
        // Adobe timecodes and reel names.
        ctx.out.add('other', c.id === 'rn_O' || c.id === 'rn_A' ? 'ReelName' : 'TimeCode', await chunkText(src, c));
        break;
      case 'strd':
        ctx.out.add('device', 'StreamData', `${c.size} bytes of camera data`);
        ctx.unread('AVI strd camera data');
        break;
      default:
        if (!MEDIA.has(c.id)) ctx.unread(`RIFF chunk ${c.id.replace(/[^\x20-\x7e]/g, '?')}`);
    }
  }
}

const METADATA = new Set(['bext', 'iXML', '_PMX', 'id3 ', 'ID3 ', 'strd', 'DISP']);

async function planRiffScrub(src: Source): Promise<{ patches: Patch[]; removed: RemovedId[] }> {
  const patches: Patch[] = [];
  const removed = new Set<RemovedId>();
  const h = await src.read(0, 12);
  const end = Math.min(src.size, startsWith(h, 'RF64') ? src.size : 8 + u32(h, 4, true));
  const junk = (c: Chunk, why: RemovedId): void => {
    patches.push({ offset: c.at, bytes: Uint8Array.from([0x4a, 0x55, 0x4e, 0x4b]) });
    const len = Math.min(c.size, src.size - c.data);
    if (len > 0) patches.push({ offset: c.data, zero: len });
    removed.add(why);
  };
  for await (const c of chunks(src, 12, end, 0)) {
    if (c.list === 'INFO' || c.list === 'exif' || c.list === 'ncdt' || c.list === 'Tdat') junk(c, 'text');
    else if (c.list && PENTAX_LISTS.has(c.list)) junk(c, 'vendor-data');
    else if (!c.list && METADATA.has(c.id)) junk(c, c.id === '_PMX' ? 'xmp' : c.id === 'strd' ? 'vendor-data' : 'text');
  }
  return { patches, removed: [...removed] };
}

export const riff: FormatModule = {
  name: 'riff',
  sniff: (head) => {
    if (!startsWith(head, 'RIFF') && !startsWith(head, 'RF64')) return null;
    const form = latin1(head, 8, 12);
    return form === 'AVI ' ? 'avi' : form === 'WAVE' ? 'wav' : null;
  },
  scan: (src, ctx) => scanRiff(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const plan = await io.withSource((src) => planRiffScrub(src));
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['video-content'] };
  },
};
