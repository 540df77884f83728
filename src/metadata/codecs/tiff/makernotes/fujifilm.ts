// Fujifilm (and GE cameras built by Fujifilm): little-endian, offsets from the note.
import { startsWith, u32 } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

const FUJIFILM: MakerTable = new Map<number, TagRule>([[0x0010, ['InternalSerialNumber', 'serial']]]);

export const fujifilm: MakerVendor = {
  name: 'Fujifilm',
  byHeader: (mn, at) =>
    startsWith(mn, 'FUJIFILM') || startsWith(mn, 'GENERALE') ? { table: FUJIFILM, ifdAt: at + u32(mn, 8, true), base: at, le: true } : null,
};
