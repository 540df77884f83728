// Photoshop PSD/PSB: metadata lives in the image resources section ("8BIM"
// blocks: IPTC, XMP, EXIF, thumbnails, the writer's name). The cleaner
// rewrites only that section, dropping those blocks and keeping the others
// (colour profile, resolution, guides...); the layers and the picture data
// that follow are copied byte for byte.
import { bytesEqual, concat, startsWith, u16, u32, writeU32 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import { scanPhotoshopIrb } from '../codecs/tiff/index.js';
import type { ScanContext } from '../context.js';
import type { RemovedId } from '../messages.js';
import { readFile } from 'node:fs/promises';
import type { FormatModule } from './types.js';

const MAX_RESOURCES = 64 * 1024 * 1024;

interface Layout {
  /** Offset and length of the image resources data (after its length field). */
  resources: number;
  length: number;
}

async function layout(src: Source): Promise<Layout> {
  const h = await src.read(0, 30);
  if (!startsWith(h, '8BPS')) throw new MetaError('corrupt', 'not a PSD');
  const version = u16(h, 4);
  if (version !== 1 && version !== 2) throw new MetaError('unsupported-variant', `PSD version ${version}`);
  const colorMode = u32(h, 26);
  const at = 30 + colorMode;
  const len = u32(await src.read(at, 4), 0);
  if (len > MAX_RESOURCES) throw new MetaError('too-large', `image resources of ${len} bytes`);
  if (at + 4 + len > src.size) throw new MetaError('truncated', 'image resources run past the end');
  return { resources: at + 4, length: len };
}

export async function scanPsd(src: Source, ctx: ScanContext): Promise<void> {
  const l = await layout(src);
  await scanPhotoshopIrb(await src.read(l.resources, l.length), ctx);
}

/** Resource ids the cleaner removes, and what they are. */
const DROP: ReadonlyMap<number, RemovedId> = new Map<number, RemovedId>([
  [0x0404, 'iptc'],
  [0x0424, 'xmp'],
  [0x0422, 'exif'],
  [0x0423, 'exif'],
  [0x0409, 'thumbnail'],
  [0x040c, 'thumbnail'],
  [0x0421, 'vendor-data'],
  [0x040a, 'vendor-data'],
]);

export function cleanResources(b: Uint8Array): { data: Uint8Array; removed: Set<RemovedId> } {
  const keep: Uint8Array[] = [];
  const removed = new Set<RemovedId>();
  let i = 0;
  while (i + 12 <= b.length) {
    if (!startsWith(b, '8BIM', i) && !startsWith(b, 'MeSa', i) && !startsWith(b, 'AgHg', i)) throw new MetaError('corrupt', 'bad image resource');
    const id = u16(b, i + 4);
    const nameLen = b[i + 6] ?? 0;
    let p = i + 6 + 1 + nameLen;
    if ((1 + nameLen) % 2 === 1) p++;
    const size = u32(b, p);
    const end = p + 4 + size + (size % 2);
    if (end > b.length) throw new MetaError('truncated', 'image resource runs past the section');
    const why = DROP.get(id);
    if (why) removed.add(why);
    else keep.push(b.subarray(i, end));
    i = end;
  }
  return { data: concat(keep), removed };
}

export const psd: FormatModule = {
  name: 'psd',
  sniff: (head) => (startsWith(head, '8BPS') ? 'psd' : null),
  scan: (src, ctx) => scanPsd(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const data = await io.readWhole();
    const l = await io.withSource((src) => layout(src));
    const { data: kept, removed } = cleanResources(data.subarray(l.resources, l.resources + l.length));
    const len = new Uint8Array(4);
    writeU32(len, 0, kept.length);
    const rest = data.subarray(l.resources + l.length);
    await io.writeCopy(concat([data.subarray(0, l.resources - 4), len, kept, rest]));
    return {
      removed: [...removed],
      warnings: ['document-content'],
      // Layers and picture data are the same bytes, in the same order.
      verify: async (copy) => {
        const out = new Uint8Array(await readFile(copy));
        return bytesEqual(out.subarray(out.length - rest.length), rest) ? null : 'picture data changed';
      },
    };
  },
};
