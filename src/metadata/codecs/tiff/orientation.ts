// Orientation: read from an EXIF block, and the one-tag EXIF block the
// scrubber keeps so a turned picture does not appear sideways.
import type { ScanContext } from '../../context.js';
import { BufferSource } from '../source.js';
import { TiffReader } from './reader.js';

/** Reads the orientation (1-8) from an EXIF/TIFF block, or undefined. Never throws. */
export async function exifOrientation(tiff: Uint8Array, ctx: Pick<ScanContext, 'budget'>): Promise<number | undefined> {
  try {
    const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
    if (!reader) return undefined;
    const { entries } = await reader.ifd(reader.first);
    const e = entries.find((x) => x.tag === 0x0112);
    if (!e) return undefined;
    const v = (await reader.numbers(e, 1))[0];
    return v !== undefined && v >= 1 && v <= 8 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A minimal EXIF (TIFF) block holding only Orientation: kept by the scrubber so pictures do not turn sideways. */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  // "MM\0*", IFD at 8, 1 entry: 0x0112 SHORT count 1 value, next IFD 0.
  return Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation & 0xff, 0, 0, 0, 0, 0, 0]);
}
