// Zip archives (OOXML, ODF): we read the central directory ourselves and
// inflate only the members we need, each capped, so zip bombs (huge ratios,
// overlapping members, lying sizes) cost a bounded amount of memory and time.
// The writer copies untouched members' compressed bytes as they are, writes
// rewritten members fresh, and sets every date to 1980-01-01 with no comments
// and no extra fields (zip timestamps are metadata too).
import type { FileHandle } from 'node:fs/promises';
import { deflateSync } from 'fflate';
import { crc32, latin1, u16, u32, u64, utf8, writeU16, writeU32 } from './bytes.js';
import { inflateCapped, MetaError, type Source } from './source.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** DOS date/time of the member. */
  dosDate: number;
  dosTime: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  comment: string;
}

const MAX_ENTRIES = 100_000;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
const EOCD = 0x06054b50;

export async function readZip(src: Source): Promise<ZipArchive> {
  const tailLen = Math.min(src.size, 22 + 65535);
  if (tailLen < 22) throw new MetaError('truncated', 'too small for a zip');
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new MetaError('corrupt', 'no zip end record (truncated?)');
  let count = u16(tail, eocd + 10, true);
  let cdSize = u32(tail, eocd + 12, true);
  let cdOffset = u32(tail, eocd + 16, true);
  const commentLen = u16(tail, eocd + 20, true);
  const comment = latin1(tail, eocd + 22, eocd + 22 + commentLen);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(tail, loc, true) !== 0x07064b50) throw new MetaError('corrupt', 'zip64 locator missing');
    const recAt = u64(tail, loc + 8, true);
    const rec = await src.read(recAt, 56);
    if (u32(rec, 0, true) !== 0x06064b50) throw new MetaError('corrupt', 'zip64 end record missing');
    count = u64(rec, 32, true);
    cdSize = u64(rec, 40, true);
    cdOffset = u64(rec, 48, true);
  }
  if (count > MAX_ENTRIES) throw new MetaError('too-large', `${count} zip entries`);
  if (cdSize > MAX_CENTRAL_DIRECTORY) throw new MetaError('too-large', 'zip central directory too large');
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || u32(cd, p, true) !== 0x02014b50) throw new MetaError('corrupt', 'bad zip central directory entry');
    const flags = u16(cd, p + 8, true);
    const nameLen = u16(cd, p + 28, true);
    const extraLen = u16(cd, p + 30, true);
    const entryCommentLen = u16(cd, p + 32, true);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    const entry: ZipEntry = {
      name: flags & 0x800 ? utf8(nameBytes) : latin1(nameBytes),
      method: u16(cd, p + 10, true),
      flags,
      dosTime: u16(cd, p + 12, true),
      dosDate: u16(cd, p + 14, true),
      crc: u32(cd, p + 16, true),
      compressedSize: u32(cd, p + 20, true),
      size: u32(cd, p + 24, true),
      localOffset: u32(cd, p + 42, true),
    };
    // zip64 extra field: present values replace the 0xffffffff placeholders, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(cd, e, true);
      const len = u16(cd, e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (entry.size === 0xffffffff) {
          entry.size = u64(cd, q, true);
          q += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(cd, q, true);
          q += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(cd, q, true);
      }
      e += 4 + len;
    }
    entries.push(entry);
    if (!byName.has(entry.name)) byName.set(entry.name, entry);
    p = extraEnd + entryCommentLen;
  }
  return { entries, byName, comment };
}

/** Offset of a member's compressed data (after its local header). */
export async function dataOffset(src: Source, entry: ZipEntry): Promise<number> {
  const h = await src.read(entry.localOffset, 30);
  if (u32(h, 0, true) !== 0x04034b50) throw new MetaError('corrupt', `bad local header for ${entry.name}`);
  const start = entry.localOffset + 30 + u16(h, 26, true) + u16(h, 28, true);
  if (start + entry.compressedSize > src.size) throw new MetaError('truncated', `${entry.name} runs past the end`);
  return start;
}

/** A member's compressed bytes, as stored. */
export async function rawData(src: Source, entry: ZipEntry): Promise<Uint8Array> {
  return src.read(await dataOffset(src, entry), entry.compressedSize);
}

/** A member's content, inflated with a cap of `max` bytes. */
export async function readEntry(src: Source, entry: ZipEntry, max: number): Promise<Uint8Array> {
  if (entry.flags & 1) throw new MetaError('encrypted', `${entry.name} is encrypted`);
  if (entry.size > max) throw new MetaError('too-large', `${entry.name} is ${entry.size} bytes`);
  const raw = await rawData(src, entry);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new MetaError('unsupported-variant', `${entry.name} uses compression method ${entry.method}`);
  // The declared size may lie; the cap holds either way.
  return inflateCapped(raw, Math.min(max, src.budget.inflateRemaining), src.budget, false, entry.size);
}

export function dosDate(entry: ZipEntry): string {
  const d = entry.dosDate;
  const t = entry.dosTime;
  const y = 1980 + (d >> 9);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${y}:${p((d >> 5) & 15)}:${p(d & 31)} ${p(t >> 11)}:${p((t >> 5) & 63)}:${p((t & 31) * 2)}`;
}

/** True when the member date is the 1980-01-01 placeholder that scrubbers (ours, mat2) write. */
export function isPlaceholderDate(entry: ZipEntry): boolean {
  return entry.dosDate <= 0x21 && entry.dosTime === 0;
}

// ---------------------------------------------------------------------------
// Writing

const DOS_DATE_1980 = 0x21; // 1980-01-01
const DOS_TIME_0 = 0;

interface Written {
  name: Uint8Array;
  utf8Name: boolean;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(private readonly out: FileHandle) {}

  private async write(b: Uint8Array): Promise<void> {
    let done = 0;
    while (done < b.length) {
      const { bytesWritten } = await this.out.write(b, done, b.length - done, this.offset + done);
      done += bytesWritten;
    }
    this.offset += b.length;
  }

  private async member(name: string, method: number, crc: number, size: number, compressed: Uint8Array): Promise<void> {
    const nameBytes = new TextEncoder().encode(name);
    const utf8Name = [...name].some((c) => c.charCodeAt(0) > 0x7e);
    if (this.offset > 0xfffffffe || compressed.length > 0xfffffffe || size > 0xfffffffe) {
      throw new MetaError('too-large', 'output would need zip64');
    }
    const h = new Uint8Array(30 + nameBytes.length);
    writeU32(h, 0, 0x04034b50, true);
    writeU16(h, 4, 20, true);
    writeU16(h, 6, utf8Name ? 0x800 : 0, true);
    writeU16(h, 8, method, true);
    writeU16(h, 10, DOS_TIME_0, true);
    writeU16(h, 12, DOS_DATE_1980, true);
    writeU32(h, 14, crc, true);
    writeU32(h, 18, compressed.length, true);
    writeU32(h, 22, size, true);
    writeU16(h, 26, nameBytes.length, true);
    writeU16(h, 28, 0, true);
    h.set(nameBytes, 30);
    this.written.push({ name: nameBytes, utf8Name, method, crc, compressedSize: compressed.length, size, offset: this.offset });
    await this.write(h);
    await this.write(compressed);
  }

  /** Copies a member's compressed bytes unchanged. */
  async copy(entry: ZipEntry, raw: Uint8Array): Promise<void> {
    await this.member(entry.name, entry.method, entry.crc, entry.size, raw);
  }

  /** Adds new content; `store` keeps it uncompressed (ODF's mimetype must be). */
  async add(name: string, data: Uint8Array, store = false): Promise<void> {
    const crc = crc32(data);
    if (store) await this.member(name, 0, crc, data.length, data);
    else await this.member(name, 8, crc, data.length, deflateSync(data, { level: 6 }));
  }

  async finish(): Promise<void> {
    const cdStart = this.offset;
    for (const w of this.written) {
      const c = new Uint8Array(46 + w.name.length);
      writeU32(c, 0, 0x02014b50, true);
      writeU16(c, 4, 20, true);
      writeU16(c, 6, 20, true);
      writeU16(c, 8, w.utf8Name ? 0x800 : 0, true);
      writeU16(c, 10, w.method, true);
      writeU16(c, 12, DOS_TIME_0, true);
      writeU16(c, 14, DOS_DATE_1980, true);
      writeU32(c, 16, w.crc, true);
      writeU32(c, 20, w.compressedSize, true);
      writeU32(c, 24, w.size, true);
      writeU16(c, 28, w.name.length, true);
      writeU32(c, 42, w.offset, true);
      c.set(w.name, 46);
      await this.write(c);
    }
    const cdSize = this.offset - cdStart;
    if (this.written.length > 0xfffe) throw new MetaError('too-large', 'output would need zip64');
    const e = new Uint8Array(22);
    writeU32(e, 0, EOCD, true);
    writeU16(e, 8, this.written.length, true);
    writeU16(e, 10, this.written.length, true);
    writeU32(e, 12, cdSize, true);
    writeU32(e, 16, cdStart, true);
    await this.write(e);
  }
}
