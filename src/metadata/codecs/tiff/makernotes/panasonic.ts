// Panasonic / Leica rebadges: "Panasonic\0\0\0" then an IFD.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

const PANASONIC: MakerTable = new Map<number, TagRule>([
  [0x0025, ['InternalSerialNumber', 'serial']],
  [0x0051, ['LensType', 'device']],
  [0x0052, ['LensSerialNumber', 'serial']],
]);

export const panasonic: MakerVendor = {
  name: 'Panasonic',
  byHeader: (mn, at, parent) => (startsWith(mn, 'Panasonic\0') ? { table: PANASONIC, ifdAt: at + 12, base: parent.base, le: parent.le } : null),
};
