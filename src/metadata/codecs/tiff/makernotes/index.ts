// Maker notes: the camera maker's private block inside EXIF. Only the tags
// that identify a camera or its owner are read. Adding a vendor: one file
// exporting a MakerVendor, and one line in VENDORS.
import { cstring } from '../../bytes.js';
import type { ScanContext } from '../../../context.js';
import { BufferSource, MetaError } from '../../source.js';
import { TiffReader, type IfdEntry } from '../reader.js';
import { isCategory } from '../tags.js';
import { fmt } from '../values.js';
import { apple } from './apple.js';
import { motorola } from './motorola.js';
import { ricoh } from './ricoh.js';
import { canon } from './canon.js';
import { fujifilm } from './fujifilm.js';
import { nikon } from './nikon.js';
import { olympus } from './olympus.js';
import { panasonic } from './panasonic.js';
import { pentax } from './pentax.js';
import { samsung } from './samsung.js';
import { sony } from './sony.js';
import { sigma } from './sigma.js';
import { PRESENT, type MakerLayout, type MakerTable, type MakerVendor } from './types.js';

export { CANON } from './canon.js';

export const VENDORS: readonly MakerVendor[] = [nikon, olympus, fujifilm, panasonic, pentax, sigma, apple, motorola, ricoh, sony, canon, samsung];

/** Text when the bytes are text, else hex (internal serial numbers stored as raw bytes). */
function printableOrHex(b: Uint8Array): string {
  const t = cstring(b);
  if (t.length > 0 && /^[\x20-\x7e]+$/.test(t)) return t;
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

function layoutOf(mn: Uint8Array, at: number, parent: TiffReader, make: string): MakerLayout | null {
  for (const v of VENDORS) {
    const l = v.byHeader?.(mn, at, parent);
    if (l) return l;
  }
  const m = make.trim().toUpperCase();
  for (const v of VENDORS) {
    const l = v.byMake?.(m, mn, at, parent);
    if (l) return l;
  }
  return null;
}

export async function makerNote(reader: TiffReader, e: IfdEntry, make: string, ctx: ScanContext): Promise<void> {
  const mn = await reader.bytes(e, 1024 * 1024);
  if (!mn || mn.length < 8) return;
  ctx.out.add('device', 'MakerNote', `${mn.length} bytes of ${make.trim() || 'camera maker'} data`);
  const layout = layoutOf(mn, e.at, reader, make);
  if (!layout || layout.ifdAt < layout.base) return;
  const sub = reader.with(layout.base, layout.le);
  try {
    await makerIfd(sub, layout.ifdAt - layout.base, layout.table, layout, ctx, 0);
  } catch (err) {
    // A broken maker note is common (editors move it); the rest of the file is still useful.
    if (err instanceof MetaError && err.code === 'timeout') throw err;
  }
}

async function makerIfd(reader: TiffReader, offset: number, table: MakerTable, layout: MakerLayout, ctx: ScanContext, depth: number): Promise<void> {
  if (depth > 2) return;
  ctx.budget.check();
  const { entries } = await reader.ifd(offset);
  for (const e of entries) {
    const rule = table.get(e.tag);
    if (!rule) continue;
    const [name, what] = rule;
    if (what === 'sub-ifds') {
      // A sub-IFD: a LONG/IFD pointer, or UNDEFINED bytes holding the IFD itself.
      const subTable = layout.sub?.get(e.tag);
      const off = e.type === 7 ? e.at - reader.base : ((await reader.numbers(e, 1))[0] ?? 0);
      if (subTable && off > 0) await makerIfd(reader, off, subTable, layout, ctx, depth + 1);
      continue;
    }
    if (!isCategory(what)) continue;
    const index = rule[2];
    let v: string;
    if (index === PRESENT) v = `present (${e.size} bytes enciphered by the camera maker)`;
    else if (index !== undefined) v = fmt((await reader.numbers(e, index + 1))[index] ?? Number.NaN);
    else if (e.type === 7) v = printableOrHex((await reader.bytes(e, 4096)) ?? new Uint8Array());
    else if (e.type === 2 || e.type === 7 || e.type === 1) v = cstring((await reader.bytes(e, 4096)) ?? new Uint8Array());
    else v = (await reader.numbers(e, 4)).map((x) => fmt(x)).join(' ');
    ctx.out.add(what, name, v);
  }
}

/**
 * A maker note found outside EXIF (Pentax AVI's PentaxData chunk): read as if
 * it sat at offset 8 of a TIFF, which is where its own offsets can point.
 */
export async function scanMakerNoteBytes(note: Uint8Array, make: string, ctx: ScanContext): Promise<void> {
  const tiff = new Uint8Array(8 + note.length);
  tiff.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  tiff.set(note, 8);
  const reader = await TiffReader.open(new BufferSource(tiff, ctx.budget));
  if (reader) await makerNote(reader, { tag: 0x927c, type: 7, count: note.length, size: note.length, at: 8 }, make, ctx);
}

/** Reads a bare maker-note IFD (Canon CR3 keeps it as its own TIFF structure) with a vendor's table. */
export async function scanMakerIfd(reader: TiffReader, table: MakerTable, ctx: ScanContext): Promise<void> {
  await makerIfd(reader, reader.first, table, { table, ifdAt: 0, base: reader.base, le: reader.le }, ctx, 0);
}
