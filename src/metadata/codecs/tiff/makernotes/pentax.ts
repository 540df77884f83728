// Pentax / Asahi: "AOC\0" (offsets from the TIFF header) or "PENTAX \0" (from the note).
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { orderAt, type MakerTable, type MakerVendor } from './types.js';

export const PENTAX: MakerTable = new Map<number, TagRule>([
  [0x0229, ['SerialNumber', 'serial']],
  // CameraInfo: int32u[5], the fifth is the internal serial number.
  [0x0215, ['InternalSerialNumber', 'serial', 4]],
]);

export const pentax: MakerVendor = {
  name: 'Pentax',
  byHeader: (mn, at, parent) => {
    if (startsWith(mn, 'AOC\0')) return { table: PENTAX, ifdAt: at + 6, base: parent.base, le: orderAt(mn, 4, parent.le) };
    if (startsWith(mn, 'PENTAX \0')) return { table: PENTAX, ifdAt: at + 10, base: at, le: orderAt(mn, 8, parent.le) };
    return null;
  },
};
