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
  byMake?(make: string, at: number, parent: TiffReader): MakerLayout | null;
}

/** Byte order from an "II"/"MM" mark at `o`, else the parent's. */
export function orderAt(mn: Uint8Array, o: number, fallback: boolean): boolean {
  return mn[o] === 0x49 ? true : mn[o] === 0x4d ? false : fallback;
}
