// Olympus / OM System (and Epson): serials sit in the Equipment sub-IFD.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { orderAt, type MakerTable, type MakerVendor } from './types.js';

const OLYMPUS: MakerTable = new Map<number, TagRule>([
  [0x0404, ['SerialNumber', 'serial']],
  [0x2010, ['Equipment', 'sub-ifds']],
]);
const EQUIPMENT: MakerTable = new Map<number, TagRule>([
  [0x0100, ['CameraType2', 'device']],
  [0x0101, ['SerialNumber', 'serial']],
  [0x0102, ['InternalSerialNumber', 'serial']],
  [0x0202, ['LensSerialNumber', 'serial']],
  [0x0203, ['LensModel', 'device']],
  [0x0303, ['ExtenderSerialNumber', 'serial']],
  [0x1003, ['FlashSerialNumber', 'serial']],
]);
const SUB = new Map([[0x2010, EQUIPMENT]]);

export const olympus: MakerVendor = {
  name: 'Olympus',
  byHeader: (mn, at, parent) => {
    if (startsWith(mn, 'OLYMPUS\0')) return { table: OLYMPUS, ifdAt: at + 12, base: at, le: orderAt(mn, 8, parent.le), sub: SUB };
    if (startsWith(mn, 'OM SYSTEM\0')) return { table: OLYMPUS, ifdAt: at + 16, base: at, le: orderAt(mn, 12, parent.le), sub: SUB };
    if (startsWith(mn, 'OLYMP\0') || startsWith(mn, 'EPSON\0')) return { table: OLYMPUS, ifdAt: at + 8, base: parent.base, le: parent.le, sub: SUB };
    return null;
  },
};
