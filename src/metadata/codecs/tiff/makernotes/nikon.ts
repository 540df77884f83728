// Nikon: type 2 notes carry their own TIFF header after "Nikon\0\x02";
// type 1 (old Coolpix) and header-less D1 notes use the parent's.
import { startsWith, u32 } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { orderAt, type MakerTable, type MakerVendor } from './types.js';

const NIKON: MakerTable = new Map<number, TagRule>([
  [0x001d, ['SerialNumber', 'serial']],
  [0x00a0, ['SerialNumber', 'serial']],
]);

export const nikon: MakerVendor = {
  name: 'Nikon',
  byHeader: (mn, at, parent) => {
    if (startsWith(mn, 'Nikon\0\x02')) {
      const le = orderAt(mn, 10, parent.le);
      return { table: NIKON, ifdAt: at + 10 + u32(mn, 14, le), base: at + 10, le };
    }
    if (startsWith(mn, 'Nikon\0\x01')) return { table: NIKON, ifdAt: at + 8, base: parent.base, le: parent.le };
    return null;
  },
  byMake: (make, _mn, at, parent) => (make.startsWith('NIKON') ? { table: NIKON, ifdAt: at, base: parent.base, le: parent.le } : null),
};
