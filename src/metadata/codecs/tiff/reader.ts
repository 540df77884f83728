// The TIFF structure reader: IFDs read lazily through a Source, so a DNG of
// 50 MB costs a few kilobytes. Used by EXIF blocks in every picture format,
// TIFF files and raw camera files, and maker notes.
import { cstring, u16, u32, u64 } from '../bytes.js';
import { MetaError, type Source } from '../source.js';

export const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
const MAX_ENTRIES = 1000;
export const MAX_VALUE = 4 * 1024 * 1024;

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Bytes of the value. */
  size: number;
  /** Absolute offset of the value in the source. */
  at: number;
}

export class TiffReader {
  private constructor(
    readonly src: Source,
    /** Absolute offset that IFD offsets are relative to. */
    readonly base: number,
    readonly le: boolean,
    readonly big: boolean,
    /** Offset of the first IFD, relative to base. */
    readonly first: number,
  ) {}

  /** Reads a TIFF header at `base`; null when there is none. */
  static async open(src: Source, base = 0): Promise<TiffReader | null> {
    if (src.size - base < 8) return null;
    const h = await src.read(base, Math.min(16, src.size - base));
    const le = h[0] === 0x49 && h[1] === 0x49;
    const be = h[0] === 0x4d && h[1] === 0x4d;
    if (!le && !be) return null;
    const magic = u16(h, 2, le);
    if (magic === 43) {
      if (h.length < 16) return null;
      return new TiffReader(src, base, le, true, u64(h, 8, le));
    }
    // 42 = TIFF; 0x4f52/0x5352 = Olympus ORF; 0x55 = Panasonic RW2.
    if (magic !== 42 && magic !== 0x4f52 && magic !== 0x5352 && magic !== 0x55) return null;
    return new TiffReader(src, base, le, false, u32(h, 4, le));
  }

  /** A reader over another IFD structure sharing this source (maker notes). */
  with(base: number, le: boolean): TiffReader {
    return new TiffReader(this.src, base, le, false, 0);
  }

  async ifd(offset: number): Promise<{ entries: IfdEntry[]; next: number }> {
    const at = this.base + offset;
    const countSize = this.big ? 8 : 2;
    const entrySize = this.big ? 20 : 12;
    const head = await this.src.read(at, countSize);
    const n = this.big ? u64(head, 0, this.le) : u16(head, 0, this.le);
    if (n > MAX_ENTRIES) throw new MetaError('corrupt', `IFD with ${n} entries`);
    const body = await this.src.read(at + countSize, n * entrySize + (this.big ? 8 : 4));
    const entries: IfdEntry[] = [];
    for (let i = 0; i < n; i++) {
      const e = i * entrySize;
      const tag = u16(body, e, this.le);
      const type = u16(body, e + 2, this.le);
      const count = this.big ? u64(body, e + 4, this.le) : u32(body, e + 4, this.le);
      const unit = TYPE_SIZE[type] ?? 0;
      if (unit === 0) continue;
      const size = unit * count;
      if (!Number.isSafeInteger(size)) continue;
      const inline = this.big ? 8 : 4;
      const valueField = at + countSize + e + (this.big ? 12 : 8);
      const valueAt = size <= inline ? valueField : this.base + (this.big ? u64(body, e + 12, this.le) : u32(body, e + 8, this.le));
      entries.push({ tag, type, count, size, at: valueAt });
    }
    const next = this.big ? u64(body, n * entrySize, this.le) : u32(body, n * entrySize, this.le);
    return { entries, next };
  }

  async bytes(e: IfdEntry, max = MAX_VALUE): Promise<Uint8Array | null> {
    if (e.size > max || e.at + e.size > this.src.size) return null;
    return this.src.read(e.at, e.size);
  }

  async string(e: IfdEntry): Promise<string> {
    const b = await this.bytes(e, 64 * 1024);
    return b ? cstring(b) : '';
  }

  /** Numeric values (rationals as quotients), at most `max` of them. */
  async numbers(e: IfdEntry, max = 64): Promise<number[]> {
    const unit = TYPE_SIZE[e.type] ?? 0;
    const n = Math.min(e.count, max);
    const b = await this.bytes({ ...e, size: n * unit, count: n });
    if (!b) return [];
    const out: number[] = [];
    const le = this.le;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < n; i++) {
      const o = i * unit;
      switch (e.type) {
        case 1:
        case 7:
          out.push(b[o] ?? 0);
          break;
        case 6:
          out.push(dv.getInt8(o));
          break;
        case 3:
          out.push(u16(b, o, le));
          break;
        case 8:
          out.push(dv.getInt16(o, le));
          break;
        case 4:
        case 13:
          out.push(u32(b, o, le));
          break;
        case 9:
          out.push(dv.getInt32(o, le));
          break;
        case 5: {
          const d = u32(b, o + 4, le);
          out.push(d === 0 ? 0 : u32(b, o, le) / d);
          break;
        }
        case 10: {
          const d = dv.getInt32(o + 4, le);
          out.push(d === 0 ? 0 : dv.getInt32(o, le) / d);
          break;
        }
        case 11:
          out.push(dv.getFloat32(o, le));
          break;
        case 12:
          out.push(dv.getFloat64(o, le));
          break;
        case 16:
        case 18:
          out.push(u64(b, o, le));
          break;
        default:
          break;
      }
    }
    return out;
  }
}
