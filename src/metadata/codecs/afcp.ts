// AFCP (AXS File Concatenation Protocol): a trailer some photo archives append
// to JPEG and TIFF files, holding IPTC (captions, by-lines, places), text and
// previews. Found from the last 12 bytes ("AXS!" big-endian, "AXS*" little).
import { latin1, u16, u32 } from './bytes.js';
import type { ScanContext } from '../context.js';
import { scanIptc } from './tiff/iptc.js';
import { MetaError, type Source } from './source.js';

const MAX_ENTRIES = 64;
const MAX_ENTRY = 4 * 1024 * 1024;

export async function scanAfcp(src: Source, ctx: ScanContext): Promise<void> {
  if (src.size < 24) return;
  const tail = await src.read(src.size - 12, 12);
  const sig = latin1(tail, 0, 4);
  if (sig !== 'AXS!' && sig !== 'AXS*') return;
  const le = sig === 'AXS*';
  const start = u32(tail, 4, le);
  if (start + 12 > src.size) throw new MetaError('corrupt', 'AFCP trailer points outside the file');
  const head = await src.read(start, 12);
  if (latin1(head, 0, 4) !== sig) throw new MetaError('corrupt', 'AFCP header not where the trailer says');
  const n = Math.min(u16(head, 6, le), MAX_ENTRIES);
  const dir = await src.read(start + 12, n * 12);
  for (let i = 0; i < n; i++) {
    ctx.budget.check();
    const tag = latin1(dir, i * 12, i * 12 + 4);
    const size = u32(dir, i * 12 + 4, le);
    const offset = u32(dir, i * 12 + 8, le);
    if (size > MAX_ENTRY || offset + size > src.size) continue;
    if (tag === 'IPTC') scanIptc(await src.read(offset, size), ctx);
    else if (tag === 'TEXT') ctx.out.add('other', 'Text', latin1(await src.read(offset, Math.min(size, 4096))));
    else if (tag === 'Nail') ctx.out.add('thumbnail', 'ThumbnailImage', `AFCP thumbnail, ${size} bytes`);
    else if (tag === 'PrVw') ctx.out.add('thumbnail', 'PreviewImage', `AFCP preview, ${size} bytes`);
  }
}
