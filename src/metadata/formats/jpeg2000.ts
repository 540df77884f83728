// JPEG 2000 (JP2/JPX files and raw J2C codestreams): EXIF, XMP, IPTC and
// GeoJP2 in `uuid` boxes, XML boxes (XMP or GML geography), association
// boxes with labels, and comments (COM) in the codestream header. The
// cleaner turns metadata boxes into `free` boxes of the same size and blanks
// comment text, so nothing moves and the codestream stays byte-identical
// apart from the comment characters.
import { hex, latin1, startsWith, text, u16 } from '../codecs/bytes.js';
import { childBoxes, freeBox, type Box, type Patch } from '../codecs/boxes.js';
import { BufferSource, MetaError, type Source } from '../codecs/source.js';
import { scanIptc, scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { scanXmp } from '../codecs/xmp.js';
import type { ScanContext } from '../context.js';
import type { RemovedId } from '../messages.js';
import type { FormatModule } from './types.js';

const MAX_BOX = 16 * 1024 * 1024;
const UUID_EXIF = '4a70675469666645786966' + '2d3e4a5032';
const UUID_XMP = 'be7acfcb97a942e89c71999491e3afac';
const UUID_GEO = 'b14bf8bd083d4b43a5ae8cd7d5a6ce03';
const UUID_IPTC = '33c7a4d2b81d4723a0baf1a3e097ad38';
const STRUCTURE = new Set(['jP  ', 'ftyp', 'jp2h', 'jp2c', 'jp2i', 'rreq', 'res ', 'free', 'skip', 'jpch', 'jplh', 'ftbl', 'cref', 'dtbl', 'mdat', 'uinf', 'colr', 'ihdr']);

async function body(src: Source, b: Box): Promise<Uint8Array> {
  const len = b.end - b.data;
  if (len > MAX_BOX) throw new MetaError('too-large', `box of ${len} bytes`);
  return src.read(b.data, len);
}

/** Codestream main header: marker segments from SOC up to the first tile (SOT). */
async function codestreamComments(src: Source, start: number, end: number): Promise<Array<{ text: number; length: number }>> {
  const out: Array<{ text: number; length: number }> = [];
  let pos = start + 2;
  for (let n = 0; n < 10_000 && pos + 4 <= end; n++) {
    const h = await src.read(pos, 4);
    const marker = u16(h, 0);
    if (marker === 0xff90 || marker === 0xffd9 || (marker & 0xff00) !== 0xff00) break;
    const len = u16(h, 2);
    if (marker === 0xff64 && len > 4) out.push({ text: pos + 6, length: len - 4 });
    pos += 2 + len;
  }
  return out;
}

async function walk(src: Source, start: number, end: number, ctx: ScanContext, depth: number): Promise<void> {
  if (depth > 8) return;
  for (const b of await childBoxes(src, start, end)) {
    switch (b.type) {
      case 'uuid': {
        const data = await body(src, b);
        const id = hex(data.subarray(0, 16));
        const rest = data.subarray(16);
        if (id === UUID_EXIF) {
          const tiff = startsWith(rest, 'Exif\0\0') ? rest.subarray(6) : rest;
          const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
          if (reader) await scanTiff(reader, ctx);
        } else if (id === UUID_XMP) scanXmp(text(rest), ctx.out, () => ctx.budget.check());
        else if (id === UUID_IPTC) scanIptc(rest, ctx);
        else if (id === UUID_GEO) ctx.out.add('location', 'GeoJP2', 'geographic position of the picture (GeoTIFF keys)');
        else ctx.unread(`uuid box ${id}`);
        break;
      }
      case 'xml ': {
        const s = text(await body(src, b));
        if (!scanXmp(s, ctx.out) || !/rdf:RDF/.test(s)) ctx.out.add(/gml:|<gml|FeatureCollection/.test(s) ? 'location' : 'other', 'XML', s.slice(0, 300));
        break;
      }
      case 'lbl ':
        ctx.out.add('other', 'Label', text(await body(src, b)));
        break;
      case 'asoc':
      case 'nlst':
        await walk(src, b.data, b.end, ctx, depth + 1);
        break;
      case 'jp2c':
        for (const c of await codestreamComments(src, b.data, b.end)) ctx.out.add('other', 'Comment', latin1(await src.read(c.text, Math.min(c.length, 4096))));
        break;
      default:
        if (!STRUCTURE.has(b.type)) ctx.unread(`JPEG 2000 box ${b.type.replace(/[^\x20-\x7e]/g, '?')}`);
    }
  }
}

async function planJp2Scrub(src: Source, codestream: boolean): Promise<{ patches: Patch[]; removed: RemovedId[] }> {
  const patches: Patch[] = [];
  const removed = new Set<RemovedId>();
  const blankComments = async (start: number, end: number): Promise<void> => {
    for (const c of await codestreamComments(src, start, end)) {
      patches.push({ offset: c.text, zero: c.length, fill: 0x20 });
      removed.add('comment');
    }
  };
  if (codestream) await blankComments(0, src.size);
  else {
    for (const b of await childBoxes(src, 0, src.size)) {
      if (b.type === 'uuid' || b.type === 'xml ' || b.type === 'asoc' || b.type === 'lbl ') {
        patches.push(...freeBox(b));
        removed.add(b.type === 'uuid' ? 'exif' : 'xmp');
      } else if (b.type === 'jp2c') await blankComments(b.data, b.end);
    }
  }
  return { patches, removed: [...removed] };
}

const JP2_SIG = [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20];

export const jpeg2000: FormatModule = {
  name: 'jpeg2000',
  sniff: (head) => (startsWith(head, JP2_SIG) ? 'jp2' : startsWith(head, [0xff, 0x4f, 0xff, 0x51]) ? 'j2c' : null),
  scan: async (src, ctx, det) => {
    if (det.format === 'j2c') {
      for (const c of await codestreamComments(src, 0, src.size)) ctx.out.add('other', 'Comment', latin1(await src.read(c.text, Math.min(c.length, 4096))));
    } else await walk(src, 0, src.size, ctx, 0);
  },
  complete: true,
  scrub: async (det, io) => {
    const plan = await io.withSource((src) => planJp2Scrub(src, det.format === 'j2c'));
    await io.patchedCopy(plan.patches);
    return { removed: plan.removed, warnings: ['document-content'] };
  },
};
