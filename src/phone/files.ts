// Reading capture files and APKs with budgets. Only regular files are read,
// opened without following a FIFO's block (O_NONBLOCK), and never more than
// the caller's cap: a capture is untrusted and may be huge or hostile.
import { constants as fsc, fstatSync } from 'node:fs';
import { FileDescriptor, FileSource, MetaError, type Budget, type Source } from '../metadata/codecs/source.js';

export { Budget, BufferSource, MetaError, type Source } from '../metadata/codecs/source.js';

export class TooLarge extends Error {
  constructor(readonly size: number) {
    super(`file of ${size} bytes is over the limit`);
    this.name = 'TooLarge';
  }
}

const OPEN_FLAGS = fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0);

/** A whole regular file, or TooLarge when it is over `max` bytes. */
export async function readCapped(path: string, max: number): Promise<Uint8Array> {
  const fd = await FileDescriptor.open(path, OPEN_FLAGS);
  try {
    const st = fstatSync(fd.fd);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > max) throw new TooLarge(st.size);
    const buf = new Uint8Array(st.size);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fd.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    fd.close();
  }
}

/** A random-access source over a regular file; close it when done. */
export async function openSource(path: string, budget: Budget): Promise<{ source: Source; close(): void }> {
  const fd = await FileDescriptor.open(path, OPEN_FLAGS);
  try {
    const st = fstatSync(fd.fd);
    if (!st.isFile()) throw new Error('not a regular file');
    return { source: new FileSource(fd, st.size, budget), close: () => fd.close() };
  } catch (e) {
    fd.close();
    throw e;
  }
}

export function isMetaError(e: unknown): e is MetaError {
  return e instanceof MetaError;
}
