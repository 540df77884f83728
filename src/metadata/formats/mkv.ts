// Matroska and WebM: the segment's Info (title, writing and muxing
// programs, date), Tags (any name: artist, location, comment...), track
// names, and attachments (whole files: pictures, fonts, documents, scanned as
// such). The cleaner overwrites those elements in place with Void elements
// of the same size, so no offset moves (cues and seek heads stay right).
import { latin1, text, u32 } from '../codecs/bytes.js';
import type { Patch } from '../codecs/boxes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { RemovedId } from '../messages.js';
import type { FormatModule } from './types.js';

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TAGS = 0x1254c367;
const ATTACHMENTS = 0x1941a469;
const TRACKS = 0x1654ae6b;
const CLUSTER = 0x1f43b675;
const MAX_ELEMENT = 64 * 1024 * 1024;
const MAX_ELEMENTS = 200_000;
/** Top-level children of a segment that hold no metadata. */
const PLAIN = new Set([0x114d9b74, 0x1c53bb6b, CLUSTER, 0xec, 0x1043a770, 0xbf]);

interface El {
  id: number;
  at: number;
  data: number;
  size: number;
  /** The size field said "unknown" (live recordings). */
  unknown: boolean;
}

function vint(b: Uint8Array, o: number, keepMarker: boolean): { value: number; len: number } | null {
  const first = b[o] ?? 0;
  if (first === 0) return null;
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  if (len > 8 || o + len > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> len);
  for (let i = 1; i < len; i++) value = value * 256 + (b[o + i] ?? 0);
  return { value, len };
}

async function children(src: Source, start: number, end: number, count: { n: number }): Promise<El[]> {
  const out: El[] = [];
  let pos = start;
  while (pos + 2 <= end) {
    if (++count.n > MAX_ELEMENTS) throw new MetaError('corrupt', 'too many Matroska elements');
    src.budget.check();
    const h = await src.readAtMost(pos, 12);
    const id = vint(h, 0, true);
    if (!id) throw new MetaError('corrupt', `bad element id at ${pos}`);
    const size = vint(h, id.len, false);
    if (!size) throw new MetaError('corrupt', `bad element size at ${pos}`);
    const unknown = size.value === 2 ** (7 * size.len) - 1;
    const data = pos + id.len + size.len;
    const el = { id: id.value, at: pos, data, size: unknown ? end - data : size.value, unknown };
    out.push(el);
    if (unknown) break;
    pos = data + size.value;
  }
  return out;
}

async function stringOf(src: Source, el: El): Promise<string> {
  return text(await src.read(el.data, Math.min(el.size, 64 * 1024, src.size - el.data))).replace(/\0+$/, '');
}

async function scanTags(src: Source, el: El, ctx: ScanContext, count: { n: number }, depth = 0): Promise<void> {
  if (depth > 8) return;
  for (const c of await children(src, el.data, Math.min(src.size, el.data + el.size), count)) {
    if (c.id === 0x7373 || c.id === 0x67c8) {
      if (c.id === 0x67c8) {
        const kids = await children(src, c.data, Math.min(src.size, c.data + c.size), count);
        const name = kids.find((k) => k.id === 0x45a3);
        const value = kids.find((k) => k.id === 0x4487);
        if (name && value) {
          const n = await stringOf(src, name);
          ctx.out.add(/^(ARTIST|COMPOSER|DIRECTOR|PRODUCER|WRITTEN_BY|ENCODED_BY|COPYRIGHT|PUBLISHER|LEAD_PERFORMER|ACTOR)$/i.test(n) ? 'person' : classifyName(n), n, await stringOf(src, value));
        }
      }
      await scanTags(src, c, ctx, count, depth + 1);
    }
  }
}

async function segments(src: Source): Promise<El[]> {
  const top = await children(src, 0, src.size, { n: 0 });
  if (top[0]?.id !== 0x1a45dfa3) throw new MetaError('corrupt', 'no EBML header');
  return top.filter((e) => e.id === SEGMENT);
}

export async function scanMkv(src: Source, ctx: ScanContext): Promise<void> {
  const count = { n: 0 };
  for (const seg of await segments(src)) {
    for (const el of await children(src, seg.data, Math.min(src.size, seg.data + seg.size), count)) {
      if (el.size > src.size) throw new MetaError('truncated', 'element runs past the end');
      switch (el.id) {
        case INFO:
          for (const c of await children(src, el.data, el.data + el.size, count)) {
            if (c.id === 0x7ba9) ctx.out.add('other', 'Title', await stringOf(src, c));
            else if (c.id === 0x4d80) ctx.out.add('software', 'MuxingApp', await stringOf(src, c));
            else if (c.id === 0x5741) ctx.out.add('software', 'WritingApp', await stringOf(src, c));
            else if (c.id === 0x4461) ctx.out.add('time', 'DateTimeOriginal', 'set');
          }
          break;
        case TAGS:
          await scanTags(src, el, ctx, count);
          break;
        case TRACKS:
          for (const t of await children(src, el.data, el.data + el.size, count)) {
            for (const c of await children(src, t.data, t.data + t.size, count)) if (c.id === 0x536e) ctx.out.add('other', 'TrackName', await stringOf(src, c));
          }
          break;
        case ATTACHMENTS:
          for (const f of await children(src, el.data, el.data + el.size, count)) {
            const kids = await children(src, f.data, f.data + f.size, count);
            const name = kids.find((k) => k.id === 0x466e);
            const data = kids.find((k) => k.id === 0x465c);
            const label = name ? await stringOf(src, name) : 'attachment';
            ctx.out.add('other', 'AttachedFile', label);
            if (data && data.size <= MAX_ELEMENT) await ctx.scanEmbedded(await src.read(data.data, data.size), label);
          }
          break;
        default:
          if (el.unknown && el.id === CLUSTER) ctx.unread('a cluster of unknown size: the rest of the file (where tags may be) was not read');
          else if (!PLAIN.has(el.id)) ctx.unread(`Matroska element 0x${el.id.toString(16)}`);
      }
    }
  }
}

/** Bytes that turn `el` (id, size field and data) into a Void element of the same total length. */
function voidOver(el: El): Patch[] {
  const total = el.data + el.size - el.at;
  // The Void id takes one byte; its size field takes the rest of the old header.
  const sizeLen = Math.min(8, el.data - el.at - 1);
  const dataLen = total - 1 - sizeLen;
  if (sizeLen < 1 || dataLen > 2 ** (7 * sizeLen) - 2) throw new MetaError('unsupported-variant', 'element cannot be voided in place');
  const head = new Uint8Array(1 + sizeLen);
  head[0] = 0xec;
  let v = dataLen;
  for (let i = sizeLen; i >= 1; i--) {
    head[i] = v % 256;
    v = Math.floor(v / 256);
  }
  head[1] = (head[1] ?? 0) | (0x80 >> (sizeLen - 1));
  return [{ offset: el.at, bytes: head }, { offset: el.at + 1 + sizeLen, zero: dataLen }];
}

async function planMkvScrub(src: Source): Promise<{ patches: Patch[]; removed: RemovedId[] }> {
  const patches: Patch[] = [];
  const removed = new Set<RemovedId>();
  const count = { n: 0 };
  for (const seg of await segments(src)) {
    for (const el of await children(src, seg.data, Math.min(src.size, seg.data + seg.size), count)) {
      if (el.id === TAGS || el.id === ATTACHMENTS) {
        patches.push(...voidOver(el));
        removed.add(el.id === TAGS ? 'text' : 'private-data');
      } else if (el.id === INFO) {
        for (const c of await children(src, el.data, el.data + el.size, count)) {
          if ([0x7ba9, 0x4d80, 0x5741, 0x4461].includes(c.id)) {
            patches.push(...voidOver(c));
            removed.add(c.id === 0x4461 ? 'dates' : 'text');
          }
        }
      } else if (el.id === TRACKS) {
        for (const t of await children(src, el.data, el.data + el.size, count)) {
          for (const c of await children(src, t.data, t.data + t.size, count)) if (c.id === 0x536e) patches.push(...voidOver(c));
        }
      }
    }
  }
  return { patches, removed: [...removed] };
}

export const mkv: FormatModule = {
  name: 'mkv',
  sniff: (head) => (u32(head, 0) === 0x1a45dfa3 ? (latin1(head, 0, 64).includes('webm') ? 'webm' : 'mkv') : null),
  scan: (src, ctx) => scanMkv(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const plan = await io.withSource((src) => planMkvScrub(src));
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['video-content'] };
  },
};
