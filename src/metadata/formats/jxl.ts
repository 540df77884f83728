// JPEG XL: a bare codestream holds no metadata container (only the colour
// profile); the ISO-box container holds `Exif` (4-byte offset, then TIFF),
// `xml ` (XMP), `jumb` (JUMBF, content credentials) and `brob` boxes, which
// are the same boxes Brotli-compressed (decompressed here, with a cap). The
// `jbrd` box, data to rebuild the original JPEG, is not read.
import { fourcc, startsWith, text, u32 } from '../codecs/bytes.js';
import { childBoxes, type Box } from '../codecs/boxes.js';
import { BufferSource, MetaError, type Source } from '../codecs/source.js';
import { scanTiff, TiffReader } from '../codecs/tiff/index.js';
import { scanXmp } from '../codecs/xmp.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

const MAX_BOX = 16 * 1024 * 1024;
const STRUCTURE = new Set(['JXL ', 'ftyp', 'jxll', 'jxlc', 'jxlp', 'jxli', 'free', 'skip']);
const SIG = [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a];

async function payloadOf(src: Source, b: Box): Promise<Uint8Array> {
  if (b.end - b.data > MAX_BOX) throw new MetaError('too-large', `box ${b.type} too large`);
  return src.read(b.data, b.end - b.data);
}

async function metadataBox(type: string, data: Uint8Array, ctx: ScanContext): Promise<void> {
  if (type === 'Exif') {
    const reader = await TiffReader.open(new BufferSource(data, ctx.budget), 4 + u32(data, 0));
    if (reader) await scanTiff(reader, ctx);
  } else if (type === 'xml ') scanXmp(text(data), ctx.out, () => ctx.budget.check());
  else if (type === 'jumb') ctx.out.add('history', 'JUMBF', `content credentials / JUMBF box, ${data.length} bytes`);
  else if (type === 'jbrd') ctx.unread('JPEG reconstruction data');
  else if (!STRUCTURE.has(type)) ctx.unread(`JPEG XL box ${type.replace(/[^\x20-\x7e]/g, '?')}`);
}

export async function scanJxl(src: Source, ctx: ScanContext): Promise<void> {
  const head = await src.read(0, 2);
  if (head[0] === 0xff && head[1] === 0x0a) return;
  for (const b of await childBoxes(src, 0, src.size)) {
    if (b.type === 'brob') {
      const data = await payloadOf(src, b);
      let inner: Uint8Array;
      // Loaded only here: node:zlib costs tens of milliseconds at start-up, and Brotli boxes are rare.
      const { brotliDecompressSync } = await import('node:zlib');
      try {
        inner = new Uint8Array(brotliDecompressSync(data.subarray(4), { maxOutputLength: Math.min(MAX_BOX, ctx.budget.inflateRemaining) }));
      } catch {
        throw new MetaError('too-large', 'compressed metadata box over the limit or damaged');
      }
      ctx.budget.chargeInflate(inner.length);
      await metadataBox(fourcc(data, 0), inner, ctx);
    } else if (!STRUCTURE.has(b.type)) await metadataBox(b.type, await payloadOf(src, b), ctx);
  }
}

export const jxl: FormatModule = {
  name: 'jxl',
  sniff: (head) => (startsWith(head, SIG) || (head[0] === 0xff && head[1] === 0x0a) ? 'jxl' : null),
  scan: (src, ctx) => scanJxl(src, ctx),
  complete: true,
};
