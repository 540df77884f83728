// Fujifilm RAF: a header pointing to an embedded JPEG (which carries the
// camera's EXIF, maker note and serial number), a directory of raw-processing
// tags ("Fuji directory": sizes and colour, nothing personal), and the raw
// data, which in newer cameras is a TIFF structure with its own EXIF.
import { startsWith, u32 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import { scanTiff, TiffReader } from '../codecs/tiff/index.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

const MAX_JPEG = 64 * 1024 * 1024;

export async function scanRaf(src: Source, ctx: ScanContext): Promise<void> {
  const h = await src.read(0, 108);
  const jpegAt = u32(h, 84);
  const jpegLen = u32(h, 88);
  if (jpegLen > MAX_JPEG || jpegAt + jpegLen > src.size) throw new MetaError('corrupt', 'embedded JPEG outside the file');
  if (jpegLen > 0 && !(await ctx.scanEmbedded(await src.read(jpegAt, jpegLen), 'JpgFromRaw'))) ctx.unread('the embedded JPEG, which carries the camera metadata, could not be read');
  const rawAt = u32(h, 100);
  if (rawAt > 0 && rawAt + 8 <= src.size) {
    const reader = await TiffReader.open(src, rawAt);
    if (reader) await scanTiff(reader, ctx, { file: true });
  }
}

export const raf: FormatModule = {
  name: 'raf',
  sniff: (head) => (startsWith(head, 'FUJIFILMCCD-RAW') ? 'raf' : null),
  scan: (src, ctx) => scanRaf(src, ctx),
  complete: true,
  alternative: 'tiff',
};
