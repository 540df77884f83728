import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CryptoFailure, deriveKeys, KDF_MINIMUM, newKdfParams, parseKdfParams, type DerivedKeys } from '../../src/crypto/passphrase-keys.js';
import { CHUNK, MAGIC, openBuffer, openFileStream, sealBuffer, sealFile, type Sealer } from '../../src/crypto/envelope.js';
import { tempDir } from '../helpers/fixtures.js';

async function sealer(passphrase = 'correct horse battery'): Promise<Sealer> {
  const kdf = newKdfParams(KDF_MINIMUM);
  return { kdf, keys: await deriveKeys(passphrase, kdf) };
}

function failure(fn: () => unknown): CryptoFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof CryptoFailure) return err;
    throw err;
  }
  throw new Error('expected a CryptoFailure');
}

describe('encrypted envelope', () => {
  it('round-trips empty, chunk-sized and multi-chunk data', async () => {
    const s = await sealer();
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17]) {
      const plain = randomBytes(size);
      const sealed = sealBuffer(s, { kind: 'journal' }, plain);
      expect(openBuffer(sealed, { kind: 'journal' }, s.keys).equals(plain)).toBe(true);
    }
  });

  it('tells a wrong passphrase apart from a damaged file, and never returns partial plaintext', async () => {
    const s = await sealer('the right passphrase');
    const sealed = sealBuffer(s, { kind: 'journal' }, Buffer.from('secret text '.repeat(20_000)));
    const wrong: DerivedKeys = await deriveKeys('a wrong passphrase', s.kdf);
    expect(failure(() => openBuffer(sealed, { kind: 'journal' }, wrong)).kind).toBe('wrong-passphrase');

    const flipped = Buffer.from(sealed);
    flipped[flipped.length - CHUNK] = flipped[flipped.length - CHUNK]! ^ 0x01; // inside the last chunks, after earlier good ones
    expect(failure(() => openBuffer(flipped, { kind: 'journal' }, s.keys)).kind).toBe('corrupted');

    // Cut exactly at a chunk boundary: the new last chunk was not sealed as the last one.
    const prefixLength = MAGIC.length + 4 + sealed.readUInt32BE(MAGIC.length);
    const cut = sealed.subarray(0, prefixLength + (CHUNK + 16) * 2);
    expect(failure(() => openBuffer(cut, { kind: 'journal' }, s.keys)).kind).toBe('corrupted');

    expect(failure(() => openBuffer(Buffer.from('hello'), { kind: 'journal' }, s.keys)).kind).toBe('corrupted');
  });

  it('binds a file to its kind and id, so attachments cannot be swapped', async () => {
    const s = await sealer();
    const sealed = sealBuffer(s, { kind: 'attachment', id: 'a'.repeat(32) }, Buffer.from('photo'));
    expect(failure(() => openBuffer(sealed, { kind: 'attachment', id: 'b'.repeat(32) }, s.keys)).kind).toBe('corrupted');
    expect(failure(() => openBuffer(sealed, { kind: 'journal' }, s.keys)).kind).toBe('corrupted');
  });

  it('streams large files in and out, hashing exactly what was sealed', async () => {
    const dir = tempDir();
    const s = await sealer();
    const source = path.join(dir, 'video.bin');
    const plain = randomBytes(5 * CHUNK + 123);
    writeFileSync(source, plain);
    const target = path.join(dir, 'video.enc');
    const sealed = await sealFile(s, { kind: 'attachment', id: 'c'.repeat(32) }, source, target);
    expect(sealed.size).toBe(plain.length);
    expect(sealed.sha256).toBe(createHash('sha256').update(plain).digest('hex'));
    expect(readFileSync(target).includes(plain.subarray(0, 64))).toBe(false);
    const parts: Buffer[] = [];
    await openFileStream(target, { kind: 'attachment', id: 'c'.repeat(32) }, s.keys, (c) => void parts.push(c));
    expect(Buffer.concat(parts).equals(plain)).toBe(true);
  });

  it('refuses key derivation weaker than scrypt N=2^15', () => {
    const weak = { name: 'scrypt', N: 2 ** 14, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
    expect(() => parseKdfParams(weak)).toThrow(CryptoFailure);
    expect(parseKdfParams({ ...weak, N: 2 ** 15 }).N).toBe(2 ** 15);
  });
});
