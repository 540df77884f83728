// TIFF files and the raw camera formats built on TIFF (DNG, CR2, NEF, ARW,
// ORF, RW2, PEF...): the IFD chain is read lazily, so only the directories and
// the values we need are read, wherever they sit in the file.
import type { ScanContext } from '../context.js';
import { scanTiff, TiffReader } from '../exif.js';
import { MetaError, type Source } from '../source.js';

export async function scanTiffFile(src: Source, ctx: ScanContext): Promise<void> {
  const reader = await TiffReader.open(src);
  if (!reader) throw new MetaError('corrupt', 'bad TIFF header');
  await scanTiff(reader, ctx, { file: true });
}
