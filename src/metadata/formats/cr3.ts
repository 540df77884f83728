// Canon CR3: an ISO media file (brand "crx ") whose camera metadata is not in
// the usual MP4 places but in Canon's own `uuid` box inside moov: CMT1 (IFD0),
// CMT2 (EXIF IFD), CMT3 (Canon maker note: serial numbers, owner) and CMT4
// (GPS), each a TIFF structure, and again per picture in the samples of the
// CTMD timed-metadata track. The MP4 places (XMP uuid, udta, dates) are read
// and cleaned by the QuickTime module's code. Cleaning never moves a byte:
// each CMT box gets an empty TIFF structure and CTMD samples are zeroed.
import { hex, u16, u32 } from '../codecs/bytes.js';
import { childBoxes, isoType, type Box, type Patch } from '../codecs/boxes.js';
import { BufferSource, MetaError, type Source } from '../codecs/source.js';
import { CANON, scanMakerIfd, scanTiff, TiffReader } from '../codecs/tiff/index.js';
import type { ScanContext } from '../context.js';
import type { RemovedId } from '../messages.js';
import { planQuicktimeScrub, sampleRanges, scanQuicktime, trackInfo } from './mp4.js';
import type { FormatModule } from './types.js';

const CANON_UUID = '85c0b687820f11e08111f4ce462b6a48';
const MAX_CMT = 4 * 1024 * 1024;
const MAX_CTMD = 16 * 1024 * 1024;
/** "II*\0", first IFD at 8, no entries, no next IFD. */
const EMPTY_TIFF = Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

async function tiffIn(bytes: Uint8Array, ctx: ScanContext, kind: 'main' | 'gps' | 'maker'): Promise<void> {
  const reader = await TiffReader.open(new BufferSource(bytes, ctx.budget));
  if (!reader) return;
  if (kind === 'maker') await scanMakerIfd(reader, CANON, ctx);
  else await scanTiff(reader, ctx, { gps: kind === 'gps' });
}

interface Cr3Parts {
  cmt: Box[];
  ctmd: Array<{ offset: number; length: number }>;
}

async function parts(src: Source): Promise<Cr3Parts> {
  const out: Cr3Parts = { cmt: [], ctmd: [] };
  const moov = (await childBoxes(src, 0, src.size)).find((b) => b.type === 'moov');
  if (!moov) throw new MetaError('corrupt', 'CR3 without a movie box');
  for (const box of await childBoxes(src, moov.data, moov.end)) {
    if (box.type === 'uuid' && box.end - box.data >= 16 && hex(await src.read(box.data, 16)) === CANON_UUID) {
      for (const c of await childBoxes(src, box.data + 16, box.end)) if (/^CMT[1-4]$/.test(c.type)) out.cmt.push(c);
    }
    if (box.type === 'trak') {
      const info = await trackInfo(src, box);
      if (info.sampleEntry === 'CTMD' && info.stbl) out.ctmd.push(...(await sampleRanges(src, info.stbl)));
    }
  }
  return out;
}

/** CTMD sample: records of [u32 size, u16 type, 6 bytes]; types 7-9 hold TIFF structures (EXIF, Canon maker note). */
function ctmdRecords(sample: Uint8Array): Array<{ type: number; body: number; length: number }> {
  const out: Array<{ type: number; body: number; length: number }> = [];
  let i = 0;
  while (i + 12 <= sample.length && out.length < 1000) {
    const size = u32(sample, i, true);
    const type = u16(sample, i + 4, true);
    if (size < 12 || i + size > sample.length) break;
    out.push({ type, body: i + 12, length: size - 12 });
    i += size;
  }
  return out;
}

async function scanCtmd(sample: Uint8Array, ctx: ScanContext): Promise<void> {
  for (const rec of ctmdRecords(sample)) {
    const body = sample.subarray(rec.body, rec.body + rec.length);
    if (rec.type === 7 || rec.type === 9) await tiffIn(body, ctx, 'main');
    else if (rec.type === 8) await tiffIn(body, ctx, 'maker');
  }
}

export async function scanCr3(src: Source, ctx: ScanContext): Promise<void> {
  await scanQuicktime(src, ctx);
  const p = await parts(src);
  for (const c of p.cmt) {
    const len = c.end - c.data;
    if (len > MAX_CMT) throw new MetaError('too-large', `${c.type} of ${len} bytes`);
    await tiffIn(await src.read(c.data, len), ctx, c.type === 'CMT3' ? 'maker' : c.type === 'CMT4' ? 'gps' : 'main');
  }
  let total = 0;
  for (const r of p.ctmd) {
    total += r.length;
    if (total > MAX_CTMD) throw new MetaError('too-large', 'CTMD samples too large');
    if (r.length > 0 && r.offset + r.length <= src.size) await scanCtmd(await src.read(r.offset, r.length), ctx);
  }
}

async function planCr3Scrub(src: Source): Promise<{ patches: Patch[]; removed: RemovedId[] }> {
  const base = await planQuicktimeScrub(src);
  const patches = [...base.patches];
  const removed = new Set<RemovedId>(base.removed);
  const p = await parts(src);
  for (const c of p.cmt) {
    const len = c.end - c.data;
    if (len < EMPTY_TIFF.length) continue;
    patches.push({ offset: c.data, bytes: EMPTY_TIFF }, { offset: c.data + EMPTY_TIFF.length, zero: len - EMPTY_TIFF.length });
    removed.add('exif');
    if (c.type === 'CMT3') removed.add('vendor-data');
  }
  // CTMD samples keep their record structure; the TIFF structures inside become empty.
  let total = 0;
  for (const r of p.ctmd) {
    total += r.length;
    if (total > MAX_CTMD) throw new MetaError('too-large', 'CTMD samples too large');
    if (r.length === 0 || r.offset + r.length > src.size) continue;
    const sample = await src.read(r.offset, r.length);
    for (const rec of ctmdRecords(sample)) {
      if (rec.type < 7 || rec.type > 9 || rec.length < EMPTY_TIFF.length) continue;
      patches.push({ offset: r.offset + rec.body, bytes: EMPTY_TIFF }, { offset: r.offset + rec.body + EMPTY_TIFF.length, zero: rec.length - EMPTY_TIFF.length });
      removed.add('exif');
    }
  }
  return { patches, removed: [...removed] };
}

export const cr3: FormatModule = {
  name: 'cr3',
  sniff: (head) => (isoType(head) === 'cr3' ? 'cr3' : null),
  scan: (src, ctx) => scanCr3(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const plan = await io.withSource((src) => planCr3Scrub(src));
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['document-content'] };
  },
};
