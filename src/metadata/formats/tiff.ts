// TIFF files and the raw camera formats built on TIFF (DNG, CR2, NEF, ARW,
// ORF, RW2, PEF...): the IFD chain is read lazily, so only the directories and
// the values we need are read, wherever they sit in the file.
import { startsWith } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import { scanTiff, TiffReader } from '../codecs/tiff/index.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

export async function scanTiffFile(src: Source, ctx: ScanContext): Promise<void> {
  const reader = await TiffReader.open(src);
  if (!reader) throw new MetaError('corrupt', 'bad TIFF header');
  await scanTiff(reader, ctx, { file: true });
}

/** TIFF magic numbers: 42 TIFF, 43 BigTIFF, 0x4f52/0x5352 Olympus ORF, 0x55 Panasonic RW2. */
export function tiffMagic(head: Uint8Array): number | null {
  if (!startsWith(head, 'II') && !startsWith(head, 'MM')) return null;
  const le = head[0] === 0x49;
  const magic = le ? (head[2] ?? 0) | ((head[3] ?? 0) << 8) : ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  return magic === 42 || magic === 43 || magic === 0x4f52 || magic === 0x5352 || magic === 0x55 ? magic : null;
}

export const tiff: FormatModule = {
  name: 'tiff',
  sniff: (head) => (tiffMagic(head) !== null ? 'tiff' : null),
  scan: (src, ctx) => scanTiffFile(src, ctx),
  complete: true,
  alternative: 'tiff',
};
