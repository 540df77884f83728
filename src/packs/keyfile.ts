// The file that holds a trainer's pack signing key. The private part (a 32-byte
// Ed25519 seed) is sealed with AES-256-GCM under a key derived by scrypt from a
// passphrase; the public key and KDF settings are authenticated with it, so
// nobody can swap the public key in the file without the passphrase noticing.
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { canonicalJson, checkMatches, CryptoFailure, decodeBase64, deriveKeys, gcmOpen, gcmSeal, isRecord, KDF_DEFAULT, keyCheck, newKdfParams, parseKdfParams, type KdfCost, type KdfParams } from '../crypto/passphrase-keys.js';
import { fingerprint } from './fingerprint.js';
import { publicKeyFromSeed, PUBLIC_KEY_BYTES, SEED_BYTES, type KeyPair } from './signing.js';

export const KEY_FORMAT = 'safestep-pack-signing-key';
const KEY_VERSION = 1;
const MAX_KEY_FILE = 64 * 1024;

export type KeyFileFailure = 'not-a-key' | 'newer' | 'wrong-passphrase' | 'corrupted' | 'unsupported';

export class KeyFileError extends Error {
  constructor(readonly kind: KeyFileFailure) {
    super(kind);
    this.name = 'KeyFileError';
  }
}

interface KeyFileBody {
  format: string;
  version: number;
  algorithm: 'ed25519';
  publicKey: string;
  kdf: KdfParams;
}

function aadOf(body: KeyFileBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

/** Encrypts the key pair's seed with the passphrase and returns the file's text. */
export async function sealKeyFile(pair: KeyPair, passphrase: string, cost: KdfCost = KDF_DEFAULT): Promise<string> {
  const kdf = newKdfParams(cost);
  const keys = await deriveKeys(passphrase, kdf);
  const body: KeyFileBody = { format: KEY_FORMAT, version: KEY_VERSION, algorithm: 'ed25519', publicKey: pair.publicKey.toString('hex'), kdf };
  const nonce = randomBytes(12);
  const sealed = gcmSeal(keys.enc, nonce, pair.seed, aadOf(body));
  const file = {
    ...body,
    fingerprint: fingerprint(pair.publicKey),
    check: keyCheck(keys).toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export async function writeKeyFile(file: string, pair: KeyPair, passphrase: string, cost?: KdfCost): Promise<void> {
  await writeFileAtomic(file, await sealKeyFile(pair, passphrase, cost), 0o600);
}


/** Reads the public half without the passphrase (to show whose key it is). */
export async function readKeyFile(file: string): Promise<{ raw: Record<string, unknown>; body: KeyFileBody; publicKey: Buffer }> {
  const size = (await stat(file)).size;
  if (size > MAX_KEY_FILE) throw new KeyFileError('not-a-key');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new KeyFileError('not-a-key');
  }
  if (!isRecord(raw) || raw.format !== KEY_FORMAT) throw new KeyFileError('not-a-key');
  if (typeof raw.version !== 'number' || raw.version > KEY_VERSION) throw new KeyFileError('newer');
  if (raw.version !== KEY_VERSION || raw.algorithm !== 'ed25519' || typeof raw.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(raw.publicKey)) throw new KeyFileError('corrupted');
  let kdf: KdfParams;
  try {
    kdf = parseKdfParams(raw.kdf);
  } catch (err) {
    throw new KeyFileError(err instanceof CryptoFailure && err.kind === 'unsupported' ? 'unsupported' : 'corrupted');
  }
  const body: KeyFileBody = { format: KEY_FORMAT, version: KEY_VERSION, algorithm: 'ed25519', publicKey: raw.publicKey, kdf };
  const publicKey = Buffer.from(raw.publicKey, 'hex');
  if (publicKey.length !== PUBLIC_KEY_BYTES) throw new KeyFileError('corrupted');
  return { raw, body, publicKey };
}

/** Decrypts the signing key. Wrong passphrase and damaged file are told apart. */
export async function unlockKeyFile(file: string, passphrase: string): Promise<KeyPair> {
  const { raw, body, publicKey } = await readKeyFile(file);
  const check = typeof raw.check === 'string' ? decodeBase64(raw.check, 16) : null;
  const nonce = typeof raw.nonce === 'string' ? decodeBase64(raw.nonce, 12) : null;
  const sealed = typeof raw.sealed === 'string' ? decodeBase64(raw.sealed, SEED_BYTES + 16) : null;
  if (!check || !nonce || !sealed) throw new KeyFileError('corrupted');
  const keys = await deriveKeys(passphrase, body.kdf);
  if (!checkMatches(keys, check)) throw new KeyFileError('wrong-passphrase');
  let seed: Buffer;
  try {
    seed = gcmOpen(keys.enc, nonce, sealed, aadOf(body));
  } catch {
    throw new KeyFileError('corrupted');
  }
  if (!publicKeyFromSeed(seed).equals(publicKey)) {
    seed.fill(0);
    throw new KeyFileError('corrupted');
  }
  return { publicKey, seed };
}
