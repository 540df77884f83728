// Canon: a header-less IFD; offsets relative to the TIFF header.
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

export const CANON: MakerTable = new Map<number, TagRule>([
  [0x0007, ['FirmwareVersion', 'software']],
  [0x0009, ['OwnerName', 'person']],
  [0x000c, ['SerialNumber', 'serial']],
  [0x0028, ['ImageUniqueID', 'history']],
  [0x0095, ['LensModel', 'device']],
  [0x0096, ['InternalSerialNumber', 'serial']],
]);

export const canon: MakerVendor = {
  name: 'Canon',
  byMake: (make, _mn, at, parent) => (make.startsWith('CANON') ? { table: CANON, ifdAt: at, base: parent.base, le: parent.le } : null),
};
