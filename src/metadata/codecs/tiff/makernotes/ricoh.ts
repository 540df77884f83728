// Ricoh: newer cameras (GR III) write a Pentax-style note after "RICOH\0II";
// older ones a Ricoh IFD at +8 whose tag 0x0005 is the serial number (text)
// or the internal serial number (raw bytes).
import { startsWith } from '../../bytes.js';
import type { TagRule } from '../tags.js';
import { PENTAX } from './pentax.js';
import { guessOrder, orderAt, type MakerTable, type MakerVendor } from './types.js';

const RICOH: MakerTable = new Map<number, TagRule>([
  [0x0002, ['FirmwareVersion', 'software']],
  [0x0005, ['InternalSerialNumber', 'serial']],
]);

export const ricoh: MakerVendor = {
  name: 'Ricoh',
  byHeader: (mn, at, parent) => {
    if (startsWith(mn, 'RICOH\0II') || startsWith(mn, 'RICOH\0MM')) return { table: PENTAX, ifdAt: at + 8, base: at, le: orderAt(mn, 6, parent.le) };
    return null;
  },
  byMake: (make, mn, at, parent) => {
    if (!/^(PENTAX )?RICOH/.test(make) || !/^(Ricoh|RICOH| {6}|MM\0\x2a|II\x2a\0)/.test(String.fromCharCode(...mn.subarray(0, 6)))) return null;
    return { table: RICOH, ifdAt: at + 8, base: parent.base, le: guessOrder(mn, 8, parent.le) };
  },
};
