// TIFF/EXIF, split by job: reader.ts (IFDs), tags.ts (tag tables), walk.ts
// (EXIF/GPS/SubIFD walk), values.ts, makernotes/ (one file per vendor),
// iptc.ts, photoshop.ts, orientation.ts (reader and writer).
export { TiffReader, type IfdEntry } from './reader.js';
export { scanExifBytes, scanTiff, type ExifSummary, type ExifWalkOptions } from './walk.js';
export { scanIptc } from './iptc.js';
import type { ScanContext } from '../../context.js';
import { scanPhotoshopIrb as readIrb } from './photoshop.js';
import { scanExifBytes } from './walk.js';

/** Photoshop image resources (IPTC, XMP, EXIF, thumbnails). */
export function scanPhotoshopIrb(b: Uint8Array, ctx: ScanContext): Promise<void> {
  return readIrb(b, ctx, (data) => scanExifBytes(data, ctx));
}
export { exifOrientation, orientationOnlyTiff } from './orientation.js';
export { CANON, scanMakerIfd, scanMakerNoteBytes } from './makernotes/index.js';
