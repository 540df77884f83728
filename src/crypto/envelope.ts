// The encrypted file format of the journal (its index and every attached file)
// and of the saved plan answers.
//
//   "SAFESTEP-ENC 1\n"  magic and format version (15 bytes)
//   u32 big-endian       header length (at most 4 KiB)
//   header               canonical JSON: kind, id, kdf, check, fileSalt, chunk
//   chunks               AES-256-GCM, `chunk` bytes of plaintext each (the last
//                        may be shorter), each followed by its 16-byte tag
//
// Every chunk is authenticated with the whole prefix (magic, length, header) as
// associated data, and its nonce holds the chunk number and a "last chunk" flag:
// chunks cannot be reordered, dropped, cut off at the end or moved to another
// file without the tag failing. Large attachments are sealed and opened as
// streams, so a video does not need to fit in memory twice.
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { tempNameFor } from '../fsutil/atomic.js';
import { canonicalJson, checkMatches, CryptoFailure, decodeBase64, fileKey, gcmOpen, gcmSeal, isRecord, keyCheck, parseKdfParams, TAG_BYTES, type DerivedKeys, type KdfParams } from './passphrase-keys.js';

export const MAGIC = Buffer.from('SAFESTEP-ENC 1\n', 'latin1');
const MAGIC_PREFIX = Buffer.from('SAFESTEP-ENC ', 'latin1');
export const CHUNK = 64 * 1024;
const MAX_HEADER = 4096;
const FILE_KEY_LABEL = 'safestep journal file v1';

export type EnvelopeKind = 'journal' | 'attachment' | 'plan';

export interface EnvelopeMeta {
  kind: EnvelopeKind;
  /** Attachments name their id, so one cannot be swapped for another. */
  id?: string;
}

export interface Header extends EnvelopeMeta {
  kdf: KdfParams;
  check: string;
  fileSalt: string;
  chunk: number;
}

export interface Sealer {
  kdf: KdfParams;
  keys: DerivedKeys;
}

function prefixFor(header: Header): Buffer {
  const json = Buffer.from(canonicalJson(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

function nonceFor(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function newHeader(sealer: Sealer, meta: EnvelopeMeta): Header {
  return { ...meta, kdf: sealer.kdf, check: keyCheck(sealer.keys).toString('base64'), fileSalt: randomBytes(16).toString('base64'), chunk: CHUNK };
}

/** Encrypts a small buffer (the journal index) in memory. */
export function sealBuffer(sealer: Sealer, meta: EnvelopeMeta, plaintext: Uint8Array): Buffer {
  const header = newHeader(sealer, meta);
  const prefix = prefixFor(header);
  const key = fileKey(sealer.keys, Buffer.from(header.fileSalt, 'base64'), FILE_KEY_LABEL);
  const parts: Buffer[] = [prefix];
  const count = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  for (let i = 0; i < count; i++) {
    parts.push(gcmSeal(key, nonceFor(i, i === count - 1), plaintext.subarray(i * CHUNK, (i + 1) * CHUNK), prefix));
  }
  return Buffer.concat(parts);
}

/** Reads and checks the magic and header; `wanted` says what the caller expects this file to be. */
export function parseHeader(data: Buffer, wanted: EnvelopeMeta): { header: Header; prefix: Buffer } {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC_PREFIX.length).equals(MAGIC_PREFIX)) {
    throw new CryptoFailure('corrupted', 'not a safestep encrypted file');
  }
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new CryptoFailure('unsupported', 'made by a newer version of safestep');
  const len = data.readUInt32BE(MAGIC.length);
  if (len === 0 || len > MAX_HEADER) throw new CryptoFailure('corrupted', 'bad header length');
  const end = MAGIC.length + 4 + len;
  if (data.length < end) throw new CryptoFailure('corrupted', 'file is cut short');
  let raw: unknown;
  try {
    raw = JSON.parse(data.subarray(MAGIC.length + 4, end).toString('utf8'));
  } catch {
    throw new CryptoFailure('corrupted', 'header is not JSON');
  }
  if (!isRecord(raw)) throw new CryptoFailure('corrupted', 'bad header');
  const kdf = parseKdfParams(raw.kdf);
  const { kind, id, check, fileSalt, chunk } = raw;
  if (kind !== wanted.kind || id !== wanted.id) throw new CryptoFailure('corrupted', 'file belongs elsewhere');
  if (typeof check !== 'string' || !decodeBase64(check, 16)) throw new CryptoFailure('corrupted', 'bad key check');
  if (typeof fileSalt !== 'string' || !decodeBase64(fileSalt, 16)) throw new CryptoFailure('corrupted', 'bad file salt');
  if (chunk !== CHUNK) throw new CryptoFailure('corrupted', 'bad chunk size');
  const header: Header = { kind: wanted.kind, ...(id === undefined ? {} : { id: String(id) }), kdf, check, fileSalt, chunk };
  const prefix = data.subarray(0, end);
  // The header must be exactly what we would have written: no extra fields, no other spelling.
  if (!prefixFor(header).equals(prefix)) throw new CryptoFailure('corrupted', 'header is not canonical');
  return { header, prefix: Buffer.from(prefix) };
}

/** Throws `wrong-passphrase` when the keys are not the ones this file was made with. */
function keyFor(header: Header, keys: DerivedKeys): Buffer {
  if (!checkMatches(keys, Buffer.from(header.check, 'base64'))) throw new CryptoFailure('wrong-passphrase', 'key check does not match');
  return fileKey(keys, Buffer.from(header.fileSalt, 'base64'), FILE_KEY_LABEL);
}

/** Decrypts a whole buffer; either all of it verifies or an error is thrown. */
export function openBuffer(data: Buffer, wanted: EnvelopeMeta, keys: DerivedKeys): Buffer {
  const { header, prefix } = parseHeader(data, wanted);
  const key = keyFor(header, keys);
  const body = data.subarray(prefix.length);
  if (body.length < TAG_BYTES) throw new CryptoFailure('corrupted', 'file is cut short');
  const full = CHUNK + TAG_BYTES;
  const parts: Buffer[] = [];
  for (let offset = 0, i = 0; offset < body.length; offset += full, i++) {
    const piece = body.subarray(offset, offset + full);
    const last = offset + piece.length === body.length;
    parts.push(gcmOpen(key, nonceFor(i, last), piece, prefix));
  }
  return Buffer.concat(parts);
}

async function readFully(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/** Reads just the header of an encrypted file (to learn its KDF parameters). */
export async function readHeader(file: string, wanted: EnvelopeMeta): Promise<Header> {
  const handle = await open(file, 'r');
  try {
    const head = await readFully(handle, MAGIC.length + 4 + MAX_HEADER, 0);
    return parseHeader(head, wanted).header;
  } finally {
    await handle.close();
  }
}

/**
 * Decrypts a file chunk by chunk, handing each verified chunk to `sink`. A later
 * chunk may still fail: callers that write the plaintext somewhere must write to
 * a temporary file and keep it only when this resolves.
 */
export async function openFileStream(file: string, wanted: EnvelopeMeta, keys: DerivedKeys, sink: (plain: Buffer) => void | Promise<void>): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    // parseHeader reads only as far as the header says; the rest of `head` is ignored.
    const { header, prefix } = parseHeader(await readFully(handle, Math.min(size, MAGIC.length + 4 + MAX_HEADER), 0), wanted);
    const key = keyFor(header, keys);
    const full = CHUNK + TAG_BYTES;
    if (size - prefix.length < TAG_BYTES) throw new CryptoFailure('corrupted', 'file is cut short');
    for (let offset = prefix.length, i = 0; offset < size; offset += full, i++) {
      const piece = await readFully(handle, Math.min(full, size - offset), offset);
      if (piece.length < Math.min(full, size - offset)) throw new CryptoFailure('corrupted', 'file is cut short');
      const last = offset + piece.length === size;
      await sink(gcmOpen(key, nonceFor(i, last), piece, prefix));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file the atomic way (temp file in the same folder, fsync, rename),
 * with the content produced piece by piece. On any error the temp file goes and
 * the target is untouched.
 */
export async function writeStreamAtomic(file: string, produce: (write: (data: Uint8Array) => Promise<void>) => Promise<void>, mode = 0o600): Promise<void> {
  const tmp = tempNameFor(file);
  const handle = await open(tmp, 'wx', mode);
  let ok = false;
  try {
    await produce(async (data) => {
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await handle.write(data, written, data.length - written);
        written += bytesWritten;
      }
    });
    await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await unlink(tmp).catch(() => undefined);
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

export interface SealedFile {
  size: number;
  sha256: string;
}

/**
 * Copies `source` into an encrypted file at `target`, hashing the plaintext as it
 * is read, so the recorded SHA-256 is of exactly the bytes that were sealed.
 */
export async function sealFile(sealer: Sealer, meta: EnvelopeMeta, source: string, target: string): Promise<SealedFile> {
  const header = newHeader(sealer, meta);
  const prefix = prefixFor(header);
  const key = fileKey(sealer.keys, Buffer.from(header.fileSalt, 'base64'), FILE_KEY_LABEL);
  const hash = createHash('sha256');
  let size = 0;
  const input = await open(source, 'r');
  try {
    await writeStreamAtomic(target, async (write) => {
      await write(prefix);
      let position = 0;
      let current = await readFully(input, CHUNK, position);
      position += current.length;
      for (let i = 0; ; i++) {
        // Read one chunk ahead: a chunk is the last one when nothing follows it.
        const next = current.length === CHUNK ? await readFully(input, CHUNK, position) : Buffer.alloc(0);
        position += next.length;
        const last = next.length === 0;
        hash.update(current);
        size += current.length;
        await write(gcmSeal(key, nonceFor(i, last), current, prefix));
        if (last) break;
        if (i + 1 >= 0xffffffff) throw new Error('file too large');
        current = next;
      }
    });
  } finally {
    await input.close();
  }
  return { size, sha256: hash.digest('hex') };
}
