// Passphrase-based encryption, shared by the incident journal and by the files
// that hold pack signing keys.
//
// - scrypt (N = 2^17, r = 8, p = 1 by default; files made with less than
//   N = 2^15 are refused) turns the passphrase and a random salt into 64 bytes:
//   an encryption key and a separate key-check key.
// - The key check (HMAC-SHA256 of a fixed label, 16 bytes) is stored in the clear
//   so a wrong passphrase is told apart from a damaged file. It reveals nothing an
//   attacker with the file could not already test against the GCM tag.
// - Each file gets its own key, derived with HKDF from the encryption key and a
//   random 16-byte file salt, so nonces (a chunk counter) never repeat under a key.
// - AES-256-GCM; a tag that does not verify means nothing is returned at all.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 random bytes */
  salt: string;
}

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const KDF_DEFAULT: KdfCost = { N: 2 ** 17, r: 8, p: 1 };
/** The weakest work factor we accept when reading a file. */
export const KDF_MINIMUM: KdfCost = { N: 2 ** 15, r: 8, p: 1 };
const MAX_N = 2 ** 20;
const MAX_MEMORY = 1024 * 1024 * 1024;

export type CryptoFailureKind = 'wrong-passphrase' | 'corrupted' | 'unsupported';

/** Why a file could not be opened; commands turn the kind into a sentence. */
export class CryptoFailure extends Error {
  constructor(
    readonly kind: CryptoFailureKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'CryptoFailure';
  }
}

export function newKdfParams(cost: KdfCost = KDF_DEFAULT): KdfParams {
  checkCost(cost);
  return { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(16).toString('base64') };
}

function checkCost({ N, r, p }: KdfCost): void {
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(r) || !Number.isInteger(p) || r < 1 || p < 1) throw new CryptoFailure('corrupted', 'bad scrypt parameters');
  // No safestep ever wrote less than the minimum: such a header was edited, not made by another version.
  if (N < KDF_MINIMUM.N || r < KDF_MINIMUM.r) throw new CryptoFailure('corrupted', 'scrypt work factor below the minimum');
  if (N > MAX_N || r > 32 || p > 16 || 128 * N * r > MAX_MEMORY) throw new CryptoFailure('unsupported', 'scrypt work factor too large');
}

/** Reads KDF parameters from a file header, refusing anything weak or odd. */
export function parseKdfParams(value: unknown): KdfParams {
  if (!isRecord(value) || value.name !== 'scrypt' || typeof value.salt !== 'string') throw new CryptoFailure('corrupted', 'bad key derivation header');
  const { N, r, p } = value;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number') throw new CryptoFailure('corrupted', 'bad key derivation header');
  checkCost({ N, r, p });
  const salt = decodeBase64(value.salt, 16);
  if (!salt) throw new CryptoFailure('corrupted', 'bad salt');
  return { name: 'scrypt', N, r, p, salt: value.salt };
}

export interface DerivedKeys {
  enc: Buffer;
  check: Buffer;
}

export function normalizePassphrase(passphrase: string): string {
  // The same words typed on macOS and Windows may arrive composed differently (й, ё).
  return passphrase.normalize('NFC');
}

export function deriveKeys(passphrase: string, params: KdfParams): Promise<DerivedKeys> {
  const salt = Buffer.from(params.salt, 'base64');
  const maxmem = 256 * params.N * params.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalizePassphrase(passphrase), salt, 64, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve({ enc: key.subarray(0, 32), check: key.subarray(32, 64) });
    });
  });
}

const CHECK_LABEL = 'safestep key check v1';

export function keyCheck(keys: DerivedKeys): Buffer {
  return createHmac('sha256', keys.check).update(CHECK_LABEL).digest().subarray(0, 16);
}

export function checkMatches(keys: DerivedKeys, stored: Buffer): boolean {
  const mine = keyCheck(keys);
  return stored.length === mine.length && timingSafeEqual(stored, mine);
}

/** A key for one file, from the passphrase key and that file's random salt. */
export function fileKey(keys: DerivedKeys, fileSalt: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keys.enc, fileSalt, label, 32));
}

export const TAG_BYTES = 16;

export function gcmSeal(key: Buffer, nonce: Buffer, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]);
}

/** Returns the plaintext only if the tag verifies; otherwise throws, and nothing leaks out. */
export function gcmOpen(key: Buffer, nonce: Buffer, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < TAG_BYTES) throw new CryptoFailure('corrupted', 'ciphertext too short');
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  const body = decipher.update(data.subarray(0, data.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    body.fill(0);
    throw new CryptoFailure('corrupted', 'authentication failed');
  }
  return body;
}

export function decodeBase64(text: string, length?: number): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const buf = Buffer.from(text, 'base64');
  if (length !== undefined && buf.length !== length) return null;
  return buf;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON with sorted keys and no spaces: the same data always gives the same bytes,
 * so a signature or an AAD over it is well defined. Only integers are allowed as
 * numbers, which leaves no room for two spellings of one value.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('canonical JSON allows only safe integers');
    return String(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  }
  throw new Error(`canonical JSON cannot hold ${typeof value}`);
}
