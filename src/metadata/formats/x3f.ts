// Sigma/Foveon X3F: a section directory ("SECd") found from the last four
// bytes. PROP sections hold name/value properties (CAMSERIAL, CAMMODEL...),
// IMA2 sections may be a JPEG preview carrying full EXIF with Sigma's maker
// note; other sections are picture data and camera calibration.
import { latin1, startsWith, u32, utf16 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { Category } from '../types.js';
import type { FormatModule } from './types.js';

const MAX_SECTION = 32 * 1024 * 1024;
const PROPS: Readonly<Record<string, readonly [string, Category]>> = {
  CAMSERIAL: ['SerialNumber', 'serial'],
  CAMMANUF: ['Make', 'device'],
  CAMMODEL: ['Model', 'device'],
  CAMNAME: ['CameraName', 'person'],
  TIME: ['DateTimeOriginal', 'time'],
  FIRMVERS: ['FirmwareVersion', 'software'],
  LENSMODEL: ['LensType', 'device'],
};
const KNOWN = new Set(['PROP', 'IMAG', 'IMA2', 'CAMF', 'SPPA']);

function properties(b: Uint8Array, ctx: ScanContext): void {
  if (!startsWith(b, 'SECp') || b.length < 24) return;
  const n = Math.min(u32(b, 8, true), 10_000);
  const format = u32(b, 12, true);
  const len = u32(b, 20, true);
  if (format !== 0) return ctx.unread('X3F properties in an unknown character format');
  const chars = b.subarray(24 + n * 8, Math.min(b.length, 24 + n * 8 + len * 2));
  const str = (at: number): string => {
    let end = at;
    while (end * 2 + 1 < chars.length && (chars[end * 2] !== 0 || chars[end * 2 + 1] !== 0)) end++;
    return utf16(chars.subarray(at * 2, end * 2), true);
  };
  for (let i = 0; i < n && 24 + i * 8 + 8 <= b.length; i++) {
    const name = str(u32(b, 24 + i * 8, true));
    const value = str(u32(b, 28 + i * 8, true));
    const rule = PROPS[name];
    // Other properties are camera settings (ISO, focus mode...): reported only when their name says more.
    const category = rule ? rule[1] : classifyName(name);
    if (rule || category !== 'other') ctx.out.add(category, rule ? rule[0] : name, value);
  }
}

export async function scanX3f(src: Source, ctx: ScanContext): Promise<void> {
  const dirAt = u32(await src.read(src.size - 4, 4), 0, true);
  if (dirAt + 12 > src.size) throw new MetaError('corrupt', 'X3F directory outside the file');
  const h = await src.read(dirAt, 12);
  if (!startsWith(h, 'SECd')) throw new MetaError('corrupt', 'bad X3F section directory');
  const n = Math.min(u32(h, 8, true), 1000);
  const dir = await src.read(dirAt + 12, n * 12);
  for (let i = 0; i < n; i++) {
    const offset = u32(dir, i * 12, true);
    const len = u32(dir, i * 12 + 4, true);
    const tag = latin1(dir, i * 12 + 8, i * 12 + 12);
    if (offset + len > src.size) throw new MetaError('truncated', `X3F section ${tag} runs past the end`);
    if (tag === 'PROP') {
      if (len > MAX_SECTION) throw new MetaError('too-large', 'X3F properties too large');
      properties(await src.read(offset, len), ctx);
    } else if (tag === 'IMA2' || tag === 'IMAG') {
      // SECi, version 2.0, type 2 (preview), format 18 (JPEG): the preview keeps its own EXIF.
      const head = await src.read(offset, Math.min(28, len));
      if (len > 28 && head[8] === 2 && head[12] === 18 && len - 28 <= MAX_SECTION) await ctx.scanEmbedded(await src.read(offset + 28, len - 28), 'JpgFromRaw');
    } else if (!KNOWN.has(tag)) ctx.unread(`X3F section ${tag.replace(/[^\x20-\x7e]/g, '?')}`);
  }
}

export const x3f: FormatModule = {
  name: 'x3f',
  sniff: (head) => (startsWith(head, 'FOVb') ? 'x3f' : null),
  scan: (src, ctx) => scanX3f(src, ctx),
  complete: true,
  alternative: 'tiff',
};
