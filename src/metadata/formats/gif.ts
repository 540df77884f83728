// GIF: comments (0xFE extensions), XMP in an application extension, and other
// application extensions. The scanner walks the block structure; the scrubber
// copies every block except comments and metadata application extensions.
import { concat, latin1, startsWith, text, u8 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { MetaError, type Budget, type Source } from '../codecs/source.js';
import type { RemovedId } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { scrubPictureFile } from './picture.js';
import type { FormatModule, ImageScrub } from './types.js';

const MAX_BLOCKS = 1_000_000;
const MAX_XMP = 16 * 1024 * 1024;

/** Extensions the picture needs: looping and colour profiles. */
const KEEP_APP = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);

/** Reads GIF bytes sequentially through the source's block cache. */
class Cursor {
  constructor(
    private readonly src: Source,
    public pos: number,
  ) {}
  async byte(): Promise<number> {
    const b = await this.src.read(this.pos, 1);
    this.pos++;
    return b[0] ?? 0;
  }
  async bytes(n: number): Promise<Uint8Array> {
    const b = await this.src.read(this.pos, n);
    this.pos += n;
    return b;
  }
  /** Skips data sub-blocks; returns their concatenated payload when `keep` (up to `max` bytes). */
  async subBlocks(keep = false, max = 0): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let n = 0; n < MAX_BLOCKS; n++) {
      const len = await this.byte();
      if (len === 0) return concat(parts);
      if (keep && total + len <= max) {
        parts.push(await this.bytes(len));
        total += len;
      } else {
        if (this.pos + len > this.src.size) throw new MetaError('truncated', 'GIF data runs past the end');
        this.pos += len;
      }
    }
    throw new MetaError('corrupt', 'too many GIF sub-blocks');
  }
}

function colorTableSize(flags: number): number {
  return flags & 0x80 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
}

export async function scanGif(src: Source, ctx: ScanContext): Promise<void> {
  const lsd = await src.read(6, 7);
  const c = new Cursor(src, 13 + colorTableSize(u8(lsd, 4)));
  for (let n = 0; n < MAX_BLOCKS && c.pos < src.size; n++) {
    if ((n & 255) === 0) ctx.budget.check();
    const kind = await c.byte();
    if (kind === 0x3b) return;
    if (kind === 0x2c) {
      const d = await c.bytes(9);
      c.pos += colorTableSize(u8(d, 8)) + 1; // local colour table, LZW minimum code size
      await c.subBlocks();
      continue;
    }
    if (kind !== 0x21) throw new MetaError('corrupt', `unknown GIF block 0x${kind.toString(16)} at ${c.pos - 1}`);
    const label = await c.byte();
    if (label === 0xfe) {
      ctx.out.add('other', 'Comment', text(await c.subBlocks(true, 64 * 1024)));
      continue;
    }
    if (label === 0xff) {
      const size = await c.byte();
      const id = latin1(await c.bytes(size));
      if (id === 'XMP DataXMP') {
        // XMP is stored raw: its bytes double as sub-block lengths, ending in a "magic trailer".
        const start = c.pos;
        const raw = await src.readAtMost(start, Math.min(MAX_XMP, src.size - start));
        const end = latin1(raw, 0, raw.length).indexOf('<?xpacket end');
        if (end !== -1) scanXmp(text(raw.subarray(0, end + 40)), ctx.out, () => ctx.budget.check());
        await c.subBlocks();
        continue;
      }
      if (!KEEP_APP.has(id)) ctx.out.add('other', 'ApplicationExtension', id.replace(/[^\x20-\x7e]/g, '?'));
      await c.subBlocks();
      continue;
    }
    await c.subBlocks();
  }
}

export async function scrubGif(data: Uint8Array, budget: Budget): Promise<ImageScrub> {
  if (!(latin1(data, 0, 6) === 'GIF87a' || latin1(data, 0, 6) === 'GIF89a')) throw new MetaError('corrupt', 'not a GIF');
  const removed = new Set<RemovedId>();
  const parts: Uint8Array[] = [];
  let pos = 13 + colorTableSize(u8(data, 10));
  if (pos > data.length) throw new MetaError('truncated', 'GIF header runs past the end');
  parts.push(data.subarray(0, pos));
  const skipSubBlocks = (p: number): number => {
    for (let n = 0; n < MAX_BLOCKS; n++) {
      if (p >= data.length) throw new MetaError('truncated', 'GIF data runs past the end');
      const len = data[p] ?? 0;
      p += 1 + len;
      if (len === 0) return p;
    }
    throw new MetaError('corrupt', 'too many GIF sub-blocks');
  };
  let sawEnd = false;
  for (let n = 0; n < MAX_BLOCKS && pos < data.length; n++) {
    if ((n & 1023) === 0) budget.check();
    const kind = data[pos] ?? 0;
    const start = pos;
    if (kind === 0x3b) {
      parts.push(data.subarray(pos, pos + 1));
      pos++;
      sawEnd = true;
      break;
    }
    if (kind === 0x2c) {
      pos = skipSubBlocks(pos + 10 + colorTableSize(u8(data, pos + 9)) + 1);
      parts.push(data.subarray(start, pos));
      continue;
    }
    if (kind !== 0x21) throw new MetaError('corrupt', `unknown GIF block at ${pos}`);
    const label = data[pos + 1] ?? 0;
    if (label === 0xfe) {
      pos = skipSubBlocks(pos + 2);
      removed.add('comment');
      continue;
    }
    if (label === 0xff) {
      const size = data[pos + 2] ?? 0;
      const id = latin1(data, pos + 3, pos + 3 + size);
      pos = skipSubBlocks(pos + 3 + size);
      if (KEEP_APP.has(id)) parts.push(data.subarray(start, pos));
      else removed.add(id === 'XMP DataXMP' ? 'xmp' : 'vendor-data');
      continue;
    }
    pos = skipSubBlocks(pos + 2);
    parts.push(data.subarray(start, pos));
  }
  if (!sawEnd) throw new MetaError('truncated', 'GIF has no trailer');
  if (pos > data.length) throw new MetaError('truncated', 'GIF data runs past the end');
  if (pos < data.length) removed.add('trailing-data');
  return { data: concat(parts), removed: [...removed] };
}

export const gif: FormatModule = {
  name: 'gif',
  sniff: (head) => (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a') ? 'gif' : null),
  scan: (src, ctx) => scanGif(src, ctx),
  complete: true,
  scrubBytes: scrubGif,
  scrub: (_det, io) => scrubPictureFile(io, scrubGif),
};
