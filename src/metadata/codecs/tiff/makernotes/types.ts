// What a maker-note vendor module provides: how to find its IFD inside the
// MakerNote bytes, and which of its tags identify the camera or its owner.
import type { TiffReader } from '../reader.js';
import type { TagRule } from '../tags.js';

export type MakerTable = ReadonlyMap<number, TagRule>;

export interface MakerLayout {
  table: MakerTable;
  /** IFD position, absolute. */
  ifdAt: number;
  /** Base that offsets inside the maker note are relative to, absolute. */
  base: number;
  le: boolean;
  /** Tables of sub-IFDs, by the tag that points to them (rule `sub-ifds`). */
  sub?: ReadonlyMap<number, MakerTable>;
}

export interface MakerVendor {
  readonly name: string;
  /** Recognises the maker note by its own header (checked for every vendor first). */
  byHeader?(mn: Uint8Array, at: number, parent: TiffReader): MakerLayout | null;
  /** Recognises a header-less maker note by the camera's Make. */
  byMake?(make: string, mn: Uint8Array, at: number, parent: TiffReader): MakerLayout | null;
}

/** Byte order from an "II"/"MM" mark at `o`, else the parent's. */
export function orderAt(mn: Uint8Array, o: number, fallback: boolean): boolean {
  return mn[o] === 0x49 ? true : mn[o] === 0x4d ? false : fallback;
}

/**
 * Byte order of a maker-note IFD whose note does not say: the one under which
 * the entry count at `o` is plausible (ExifTool's "ByteOrder => Unknown").
 */
export function guessOrder(mn: Uint8Array, o: number, fallback: boolean): boolean {
  const le = (mn[o] ?? 0) | ((mn[o + 1] ?? 0) << 8);
  const be = ((mn[o] ?? 0) << 8) | (mn[o + 1] ?? 0);
  const ok = (n: number): boolean => n > 0 && n < 512;
  if (ok(le) && !ok(be)) return true;
  if (ok(be) && !ok(le)) return false;
  // Both plausible (1 vs 256): real IFDs are short.
  if (ok(le) && ok(be) && le !== be) return le < be;
  return fallback;
}

/** Rule index meaning "report that this tag is there": its value is enciphered or its layout varies. */
export const PRESENT = -1;
