// Canon CRW (CIFF): a tree of "heaps", each ending with the offset of its
// directory of 10-byte entries. Owner name, serial number, make and model,
// original file name and description are read; sub-heaps are walked with
// loop and depth limits.
import { cstring, latin1, startsWith, u16, u32 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

const MAX_ENTRIES = 2000;

async function heap(src: Source, start: number, end: number, le: boolean, ctx: ScanContext, seen: Set<number>, depth: number): Promise<void> {
  if (depth > 8 || end - start < 4 || end > src.size) return;
  ctx.budget.check();
  const dir = start + u32(await src.read(end - 4, 4), 0, le);
  if (seen.has(dir) || dir + 2 > end) {
    if (!seen.has(dir)) throw new MetaError('corrupt', 'CIFF directory outside its heap');
    return;
  }
  seen.add(dir);
  const n = u16(await src.read(dir, 2), 0, le);
  if (n > MAX_ENTRIES) throw new MetaError('corrupt', `CIFF directory with ${n} entries`);
  const entries = await src.read(dir + 2, n * 10);
  for (let i = 0; i < n; i++) {
    const tag = u16(entries, i * 10, le);
    const size = u32(entries, i * 10 + 2, le);
    const ptr = start + u32(entries, i * 10 + 6, le);
    const id = tag & 0x3fff;
    const type = (tag >> 8) & 0x38;
    const inDir = (tag & 0x4000) !== 0;
    if (type === 0x28 || type === 0x30) {
      if (!inDir && ptr + size <= end) await heap(src, ptr, ptr + size, le, ctx, seen, depth + 1);
      continue;
    }
    const value = async (max: number): Promise<Uint8Array> => (inDir ? entries.subarray(i * 10 + 2, i * 10 + 10) : ptr + size <= src.size ? await src.read(ptr, Math.min(size, max)) : new Uint8Array());
    switch (id) {
      case 0x0810:
        ctx.out.add('person', 'OwnerName', cstring(await value(64)));
        break;
      case 0x080a: {
        const v = await value(128);
        const make = cstring(v);
        ctx.out.add('device', 'Make', make);
        ctx.out.add('device', 'Model', cstring(v, make.length + 1));
        break;
      }
      case 0x180b: {
        const v = await value(4);
        if (v.length >= 4) ctx.out.add('serial', 'SerialNumber', String(u32(v, 0, le)).padStart(10, '0'));
        break;
      }
      case 0x0805:
        ctx.out.add('other', 'CanonFileDescription', cstring(await value(4096)));
        break;
      case 0x0816:
        ctx.out.add('history', 'OriginalFileName', cstring(await value(256)));
        break;
      case 0x080b:
        ctx.out.add('software', 'CanonFirmwareVersion', cstring(await value(64)));
        break;
      case 0x180e: {
        const v = await value(4);
        if (v.length >= 4) ctx.out.add('time', 'DateTimeOriginal', new Date(u32(v, 0, le) * 1000).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, ':'));
        break;
      }
      default:
        break;
    }
  }
}

export async function scanCrw(src: Source, ctx: ScanContext): Promise<void> {
  const h = await src.read(0, 14);
  const le = latin1(h, 0, 2) === 'II';
  const hdrLen = u32(h, 2, le);
  if (hdrLen < 14 || hdrLen > src.size) throw new MetaError('corrupt', 'bad CIFF header');
  await heap(src, hdrLen, src.size, le, ctx, new Set(), 0);
}

export const crw: FormatModule = {
  name: 'crw',
  sniff: (head) => ((startsWith(head, 'II') || startsWith(head, 'MM')) && startsWith(head, 'HEAPCCDR', 6) ? 'crw' : null),
  scan: (src, ctx) => scanCrw(src, ctx),
  complete: true,
  alternative: 'tiff',
};
