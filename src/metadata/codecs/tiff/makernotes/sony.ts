// Sony: "SONY DSC "/"SONY CAM "/"SONY MOBILE" then an IFD (offsets from the
// TIFF header), or a header-less IFD in raw files. The serial number is in
// tag 0x2031 on some bodies; others keep an internal serial number inside
// the enciphered block 0x9050, whose layout changes with the model: its
// presence is reported, not a guessed value.
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { PRESENT, type MakerTable, type MakerVendor } from './types.js';

const SONY: MakerTable = new Map<number, TagRule>([
  [0x2031, ['SerialNumber', 'serial']],
  [0x9050, ['InternalSerialNumber', 'serial', PRESENT]],
  [0xb027, ['LensType', 'device']],
]);

export const sony: MakerVendor = {
  name: 'Sony',
  byHeader: (mn, at, parent) =>
    startsWith(mn, 'SONY DSC ') || startsWith(mn, 'SONY CAM ') || startsWith(mn, 'SONY MOBILE') ? { table: SONY, ifdAt: at + 12, base: parent.base, le: parent.le } : null,
  byMake: (make, mn, at, parent) => (make.startsWith('SONY') && !(mn[0] === 1 && mn[1] === 0) ? { table: SONY, ifdAt: at, base: parent.base, le: parent.le } : null),
};
