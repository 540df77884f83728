// Samsung (type 2 notes: a header-less IFD with offsets from the note).
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

const SAMSUNG: MakerTable = new Map<number, TagRule>([[0xa002, ['SerialNumber', 'serial']]]);

export const samsung: MakerVendor = {
  name: 'Samsung',
  byMake: (make, _mn, at, parent) => (make.startsWith('SAMSUNG') ? { table: SAMSUNG, ifdAt: at, base: at, le: parent.le } : null),
};
