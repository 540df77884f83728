// Motorola phones: "MOT\0", an IFD at +8 of unstated byte order, offsets from the note.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { guessOrder, type MakerTable, type MakerVendor } from './types.js';

const MOTOROLA: MakerTable = new Map<number, TagRule>([
  [0x5500, ['BuildNumber', 'software']],
  [0x5501, ['SerialNumber', 'serial']],
]);

export const motorola: MakerVendor = {
  name: 'Motorola',
  byHeader: (mn, at, parent) => (startsWith(mn, 'MOT\0') ? { table: MOTOROLA, ifdAt: at + 8, base: at, le: guessOrder(mn, 8, parent.le) } : null),
};
