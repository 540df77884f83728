// The pack file: one file a trainer can pass around on a USB stick or in a chat.
//
//   "SAFESTEP PACK 1\n"   magic and format version (16 bytes)
//   u32 big-endian        manifest length (at most 1 MiB)
//   manifest              canonical JSON (sorted keys, no spaces)
//   u32 big-endian        signature length: 64, or 0 for an unsigned pack
//   signature             Ed25519 over "safestep pack manifest v1\0" + manifest
//   file contents         in manifest order, each exactly `size` bytes
//
// and nothing after. Every length is checked against what is really there, so
// a truncated or padded pack is named as such. The signature covers the
// manifest; the manifest covers every file by size and SHA-256.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../crypto/passphrase-keys.js';
import { fingerprint } from './fingerprint.js';
import { ManifestProblem, NewerManifest, parseManifest, PACK_FORMAT, type Manifest, type ManifestIssue } from './manifest.js';
import { sign, SIGNATURE_BYTES, verifySignature } from './signing.js';

export const MAGIC = Buffer.from(`SAFESTEP PACK ${PACK_FORMAT}\n`, 'latin1');
const MAGIC_STEM = Buffer.from('SAFESTEP PACK ', 'latin1');
const SIGNATURE_CONTEXT = Buffer.from('safestep pack manifest v1\0', 'latin1');
const MAX_MANIFEST = 1024 * 1024;
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

export type PackFailure =
  | { code: 'not-a-pack' }
  | { code: 'newer-format' }
  | { code: 'too-large'; max: number }
  | { code: 'truncated'; expected: number; actual: number }
  | { code: 'trailing'; extra: number }
  | { code: 'bad-manifest'; issue: ManifestIssue; data?: Readonly<Record<string, string | number>>; path?: string }
  | { code: 'bad-signature' }
  | { code: 'signature-missing' }
  | { code: 'unexpected-signature' }
  | { code: 'file-changed'; path: string };

export class PackError extends Error {
  constructor(readonly failure: PackFailure) {
    super(failure.code);
    this.name = 'PackError';
  }
}

export interface PackFile {
  path: string;
  data: Buffer;
}

export interface OpenedPack {
  manifest: Manifest;
  signed: boolean;
  /** Fingerprint of the signer's key, when signed and the signature verified. */
  fingerprint?: string;
  publicKey?: Buffer;
  signature?: Buffer;
  files: PackFile[];
}

function signedMessage(manifestBytes: Buffer): Buffer {
  return Buffer.concat([SIGNATURE_CONTEXT, manifestBytes]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Assembles a pack. With `seed`, signs it; the manifest's signer must be that key. */
export function encodePack(manifest: Manifest, files: readonly PackFile[], seed?: Buffer): Buffer {
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  if (manifestBytes.length > MAX_MANIFEST) throw new Error('manifest too large');
  const byPath = new Map(files.map((f) => [f.path, f.data]));
  const bodies = manifest.files.map((f) => {
    const data = byPath.get(f.path);
    if (!data || data.length !== f.size || sha256(data) !== f.sha256) throw new Error(`file ${f.path} does not match the manifest`);
    return data;
  });
  const signature = seed ? sign(seed, signedMessage(manifestBytes)) : Buffer.alloc(0);
  if ((manifest.signer === null) !== (signature.length === 0)) throw new Error('signer and signature disagree');
  return Buffer.concat([MAGIC, u32(manifestBytes.length), manifestBytes, u32(signature.length), signature, ...bodies]);
}

/**
 * Reads and checks a pack, in an order that gives the most precise reason:
 * container layout, then the signature over the manifest, then the manifest's
 * fields, then the total length, then each file's hash.
 */
export function decodePack(data: Buffer): OpenedPack {
  const fail = (f: PackFailure): never => {
    throw new PackError(f);
  };
  if (data.length > MAX_PACK_BYTES) fail({ code: 'too-large', max: MAX_PACK_BYTES });
  if (data.length < MAGIC_STEM.length || !data.subarray(0, MAGIC_STEM.length).equals(MAGIC_STEM)) fail({ code: 'not-a-pack' });
  if (data.length < MAGIC.length) fail({ code: 'truncated', expected: MAGIC.length, actual: data.length });
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) fail({ code: 'newer-format' });
  let at = MAGIC.length;
  const need = (n: number): void => {
    if (data.length < at + n) fail({ code: 'truncated', expected: at + n, actual: data.length });
  };
  need(4);
  const manifestLength = data.readUInt32BE(at);
  at += 4;
  if (manifestLength === 0 || manifestLength > MAX_MANIFEST) fail({ code: 'bad-manifest', issue: 'manifestLength' });
  need(manifestLength);
  const manifestBytes = data.subarray(at, at + manifestLength);
  at += manifestLength;
  need(4);
  const signatureLength = data.readUInt32BE(at);
  at += 4;
  if (signatureLength !== 0 && signatureLength !== SIGNATURE_BYTES) fail({ code: 'bad-manifest', issue: 'signatureLength' });
  need(signatureLength);
  const signature = data.subarray(at, at + signatureLength);
  at += signatureLength;

  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    return fail({ code: 'bad-manifest', issue: 'notJson' });
  }
  // The signature is checked before anything else in the manifest is believed.
  const signerKey = typeof raw === 'object' && raw !== null && 'signer' in raw ? (raw as { signer: unknown }).signer : undefined;
  let publicKey: Buffer | undefined;
  if (signerKey !== null && signerKey !== undefined) {
    const hex = typeof signerKey === 'object' && 'publicKey' in signerKey ? (signerKey as { publicKey: unknown }).publicKey : undefined;
    if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return fail({ code: 'bad-manifest', issue: 'signerKey' });
    if (signatureLength === 0) fail({ code: 'signature-missing' });
    publicKey = Buffer.from(hex, 'hex');
    if (!verifySignature(publicKey, signedMessage(manifestBytes), signature)) fail({ code: 'bad-signature' });
  } else if (signatureLength !== 0) {
    fail({ code: 'unexpected-signature' });
  }

  let manifest: Manifest;
  try {
    manifest = parseManifest(raw);
  } catch (err) {
    if (err instanceof NewerManifest) return fail({ code: 'newer-format' });
    if (err instanceof ManifestProblem) return fail({ code: 'bad-manifest', issue: err.issue, data: err.data, ...(err.path ? { path: err.path } : {}) });
    throw err;
  }
  if (canonicalJson(manifest) !== manifestBytes.toString('utf8')) fail({ code: 'bad-manifest', issue: 'notCanonical' });

  const expected = at + manifest.files.reduce((sum, f) => sum + f.size, 0);
  if (data.length < expected) fail({ code: 'truncated', expected, actual: data.length });
  if (data.length > expected) fail({ code: 'trailing', extra: data.length - expected });
  const files: PackFile[] = [];
  for (const f of manifest.files) {
    const body = data.subarray(at, at + f.size);
    at += f.size;
    if (sha256(body) !== f.sha256) fail({ code: 'file-changed', path: f.path });
    files.push({ path: f.path, data: Buffer.from(body) });
  }
  return {
    manifest,
    signed: publicKey !== undefined,
    files,
    ...(publicKey ? { publicKey, fingerprint: fingerprint(publicKey), signature: Buffer.from(signature) } : {}),
  };
}
