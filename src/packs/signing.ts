// Ed25519 signatures with node-forge, as the issue asks. Verification is done
// twice, by node-forge and by Node's own crypto (OpenSSL): a pack is accepted
// only if both agree, so a bug in either one alone cannot let a forgery through.
import { createPublicKey, randomBytes, verify as nodeVerify } from 'node:crypto';
import forge from 'node-forge';

export const PUBLIC_KEY_BYTES = 32;
export const SEED_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface KeyPair {
  publicKey: Buffer;
  /** The 32-byte seed; the private key is derived from it. Keep it in memory only as long as needed. */
  seed: Buffer;
}

export function newKeyPair(): KeyPair {
  const seed = randomBytes(SEED_BYTES);
  return { publicKey: publicKeyFromSeed(seed), seed };
}

export function publicKeyFromSeed(seed: Buffer): Buffer {
  const pair = forge.pki.ed25519.generateKeyPair({ seed });
  return Buffer.from(pair.publicKey);
}

export function sign(seed: Buffer, message: Buffer): Buffer {
  const pair = forge.pki.ed25519.generateKeyPair({ seed });
  const signature = Buffer.from(forge.pki.ed25519.sign({ message, privateKey: pair.privateKey }));
  Buffer.from(pair.privateKey).fill(0);
  return signature;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 key bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function verifySignature(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  let forgeOk = false;
  try {
    forgeOk = forge.pki.ed25519.verify({ message, signature, publicKey });
  } catch {
    forgeOk = false;
  }
  if (!forgeOk) return false;
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}
