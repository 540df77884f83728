// Sigma / Foveon.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import type { MakerTable, MakerVendor } from './types.js';

const SIGMA: MakerTable = new Map<number, TagRule>([[0x0002, ['SerialNumber', 'serial']]]);

export const sigma: MakerVendor = {
  name: 'Sigma',
  byHeader: (mn, at, parent) =>
    startsWith(mn, 'SIGMA\0') || startsWith(mn, 'FOVEON\0') ? { table: SIGMA, ifdAt: at + 10, base: parent.base, le: parent.le } : null,
};
