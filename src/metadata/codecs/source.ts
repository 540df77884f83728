// Random access to a file's bytes with a budget. Every reader goes through a
// Source, so a hostile file can make us read at most `maxBytes` and spend at
// most `timeoutMs`; past that the reader gets a MetaError and the scan of that
// one file ends with an error while the findings so far are kept.
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { Inflate, inflateSync } from 'fflate';
import type { ScanErrorCode } from '../types.js';

export class MetaError extends Error {
  constructor(
    readonly code: ScanErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'MetaError';
  }
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_INFLATE = 64 * 1024 * 1024;
/** Compressed size up to which a member with a declared size is inflated in one call. */
const ONE_SHOT_INPUT = 128 * 1024;

export class Budget {
  private bytesLeft: number;
  private inflateLeft: number;
  readonly deadline: number;

  constructor(
    readonly maxBytes = DEFAULT_MAX_BYTES,
    readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    readonly maxInflate = DEFAULT_MAX_INFLATE,
  ) {
    this.bytesLeft = maxBytes;
    this.inflateLeft = maxInflate;
    this.deadline = performance.now() + timeoutMs;
  }

  /** Charges bytes read from disk. */
  charge(n: number): void {
    this.check();
    this.bytesLeft -= n;
    if (this.bytesLeft < 0) throw new MetaError('too-large', `read budget of ${this.maxBytes} bytes used up`);
  }

  /** Charges bytes produced by decompression (zip members, zTXt, PDF streams). */
  chargeInflate(n: number): void {
    this.inflateLeft -= n;
    if (this.inflateLeft < 0) throw new MetaError('too-large', `decompression budget of ${this.maxInflate} bytes used up`);
  }

  get inflateRemaining(): number {
    return Math.max(0, this.inflateLeft);
  }

  /** Throws once the time budget is spent. Cheap: call it in every loop that depends on file data. */
  check(): void {
    if (performance.now() > this.deadline) throw new MetaError('timeout', `time budget of ${this.timeoutMs} ms used up`);
  }
}

export interface Source {
  readonly size: number;
  readonly budget: Budget;
  /** Exactly `length` bytes at `offset`, or MetaError('truncated'). The result must not be modified. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  readAtMost(offset: number, length: number): Promise<Uint8Array>;
}

function checkRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new MetaError('corrupt', `bad range ${offset}+${length}`);
  }
  if (offset + length > size) throw new MetaError('truncated', `range ${offset}+${length} past end ${size}`);
}

export class BufferSource implements Source {
  readonly size: number;
  constructor(
    private readonly data: Uint8Array,
    readonly budget: Budget,
  ) {
    this.size = data.length;
  }

  read(offset: number, length: number): Promise<Uint8Array> {
    this.budget.check();
    checkRange(this.size, offset, length);
    return Promise.resolve(this.data.subarray(offset, offset + length));
  }

  readAtMost(offset: number, length: number): Promise<Uint8Array> {
    this.budget.check();
    const end = Math.min(this.size, offset + Math.max(0, length));
    if (!Number.isSafeInteger(offset) || offset < 0) throw new MetaError('corrupt', `bad offset ${offset}`);
    return Promise.resolve(this.data.subarray(Math.min(offset, this.size), end));
  }

  /** The whole buffer, for formats that parse in memory. */
  all(): Uint8Array {
    return this.data;
  }
}

/**
 * Reads through one cached block so chunk/box walks cost few reads: the first
 * block is small (headers of most photos fit in 16 KiB), later ones larger.
 */
const FIRST_BLOCK = 16 * 1024;
const BLOCK = 64 * 1024;

/**
 * A file opened by descriptor, read with synchronous positional reads.
 *
 * Why synchronous: scanning means thousands of small header reads, and on a
 * local disk each takes microseconds while a round trip through Node's I/O
 * threads costs several times more (measured here: 2,000 files, open + fstat +
 * 16 KiB read + close, 28 ms synchronous against 80 ms and more through the
 * thread pool). ExifTool reads the same way. A hostile file cannot make such
 * a read block: only regular files are read (fstat first, and the open uses
 * O_NONBLOCK so a FIFO swapped in cannot block the open either). What a
 * synchronous read cannot survive is a network share that stops answering;
 * the asynchronous API would not save the scan there either, as every I/O
 * thread would end up stuck behind the same server.
 */
export class FileDescriptor {
  private constructor(readonly fd: number) {}

  static open(path: string, flags: number): Promise<FileDescriptor> {
    try {
      return Promise.resolve(new FileDescriptor(openSync(path, flags)));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  stat(): Promise<Stats> {
    try {
      return Promise.resolve(fstatSync(this.fd));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  read(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    try {
      return Promise.resolve({ bytesRead: readSync(this.fd, buf, offset, length, position) });
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed: nothing to do
    }
  }
}

/** Anything with positional reads: a FileDescriptor or a fs/promises FileHandle. */
export interface PositionalReader {
  read(buf: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

export class FileSource implements Source {
  private cacheStart = 0;
  private cache: Uint8Array = new Uint8Array(0);
  private reads = 0;

  constructor(
    private readonly handle: PositionalReader,
    readonly size: number,
    readonly budget: Budget,
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    checkRange(this.size, offset, length);
    if (offset >= this.cacheStart && offset + length <= this.cacheStart + this.cache.length) {
      this.budget.check();
      return this.cache.subarray(offset - this.cacheStart, offset - this.cacheStart + length);
    }
    const want = Math.min(Math.max(length, this.reads++ === 0 ? FIRST_BLOCK : BLOCK), this.size - offset);
    this.budget.charge(want);
    const buf = new Uint8Array(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.handle.read(buf, got, want - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got < length) throw new MetaError('truncated', `file shrank while reading at ${offset}`);
    this.cacheStart = offset;
    this.cache = buf.subarray(0, got);
    return this.cache.subarray(0, length);
  }

  readAtMost(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || offset < 0) throw new MetaError('corrupt', `bad offset ${offset}`);
    const n = Math.max(0, Math.min(length, this.size - offset));
    return this.read(Math.min(offset, this.size), n);
  }
}

/**
 * Inflates raw DEFLATE data (zip members, PDF streams after a zlib header),
 * stopping as soon as the output passes `max` bytes: a zip bomb costs us at
 * most `max` bytes of memory and a few milliseconds, never the whole bomb.
 */
export function inflateCapped(data: Uint8Array, max: number, budget: Budget, zlibWrapped = false, expected?: number): Uint8Array {
  let input = data;
  if (zlibWrapped) {
    if (data.length < 2 || ((data[0] ?? 0) & 0x0f) !== 8 || (((data[0] ?? 0) << 8) | (data[1] ?? 0)) % 31 !== 0) {
      throw new MetaError('corrupt', 'bad zlib header');
    }
    input = data.subarray((data[1] ?? 0) & 0x20 ? 6 : 2);
  }
  // Fast path: a small stream with a declared size (zip members). Decoding
  // `input` costs at most ~1000x its size in time, bounded by ONE_SHOT_INPUT;
  // the output buffer is never larger than the declared size, and a stream
  // that would overflow it is redone with the streaming path, which enforces the cap.
  if (expected !== undefined && expected <= max && input.length <= ONE_SHOT_INPUT) {
    budget.check();
    let out: Uint8Array | null = null;
    try {
      const buf = new Uint8Array(expected + 1);
      const got = inflateSync(input, { out: buf });
      if (got.length <= expected) out = got;
    } catch {
      out = null;
    }
    if (out) {
      budget.chargeInflate(out.length);
      return out;
    }
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let failed: unknown = null;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) {
      over = true;
      return;
    }
    parts.push(chunk);
  });
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < input.length && !over; i += STEP) {
      budget.check();
      inflater.push(input.subarray(i, Math.min(i + STEP, input.length)), i + STEP >= input.length);
    }
    if (input.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    failed = e;
  }
  if (over) throw new MetaError('too-large', `inflated data over ${max} bytes`);
  budget.chargeInflate(total);
  if (failed !== null && total === 0) throw new MetaError('corrupt', 'bad deflate data');
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
