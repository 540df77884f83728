// Apple iPhone: "Apple iOS\0", big-endian, offsets from the note.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

const APPLE: MakerTable = new Map<number, TagRule>([
  [0x0011, ['ContentIdentifier', 'history']],
  [0x0015, ['ImageUniqueID', 'history']],
]);

export const apple: MakerVendor = {
  name: 'Apple',
  byHeader: (mn, at) => (startsWith(mn, 'Apple iOS\0') ? { table: APPLE, ifdAt: at + 14, base: at, le: false } : null),
};
