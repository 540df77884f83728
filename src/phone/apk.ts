// The signing certificates of an APK, to match stalkerware that was renamed
// but kept its vendor's key. Read from the APK Signing Block (schemes v2, v3
// and v3.1: the block sits just before the zip central directory and ends with
// the magic "APK Sig Block 42") and from the v1 JAR signature
// (META-INF/*.RSA|DSA|EC, a PKCS#7 SignedData). Nothing is verified: the
// fingerprints only name who signed, and every length in the file is checked
// against the file before it is used.
import { createHash } from 'node:crypto';
import { extractCertificates } from '../crypto/certificates.js';
import { u32, u64 } from '../metadata/codecs/bytes.js';
import { readEntry, readZip } from '../metadata/codecs/zip.js';
import { MetaError, type Source } from './files.js';

const EOCD = 0x06054b50;
const MAGIC = 'APK Sig Block 42';
const MAX_BLOCK = 16 * 1024 * 1024;
const MAX_SIG_FILE = 1024 * 1024;

const SCHEMES: ReadonlyMap<number, 'v2' | 'v3' | 'v3.1'> = new Map([
  [0x7109871a, 'v2'],
  [0xf05368c0, 'v3'],
  [0x1b93ad61, 'v3.1'],
]);

export type SigningScheme = 'v1' | 'v2' | 'v3' | 'v3.1';

export interface ApkCertificates {
  /** Schemes the APK carries signers for. */
  schemes: SigningScheme[];
  /** Fingerprints of the signers' certificates, upper-case hex. */
  sha1: string[];
  sha256: string[];
}

/** Offset of the central directory, from the end-of-central-directory record. */
async function centralDirectoryOffset(src: Source): Promise<number> {
  const tailLen = Math.min(src.size, 22 + 65535);
  if (tailLen < 22) throw new MetaError('truncated', 'too small for a zip');
  const tail = await src.read(src.size - tailLen, tailLen);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i, true) !== EOCD) continue;
    let offset = u32(tail, i + 16, true);
    if (offset === 0xffffffff) {
      const loc = i - 20;
      if (loc < 0 || u32(tail, loc, true) !== 0x07064b50) throw new MetaError('corrupt', 'zip64 locator missing');
      const rec = await src.read(u64(tail, loc + 8, true), 56);
      if (u32(rec, 0, true) !== 0x06064b50) throw new MetaError('corrupt', 'zip64 end record missing');
      offset = u64(rec, 48, true);
    }
    if (offset > src.size) throw new MetaError('corrupt', 'central directory past the end');
    return offset;
  }
  throw new MetaError('corrupt', 'no zip end record');
}

/** A cursor over length-prefixed (uint32 LE) fields; every read is bounds-checked. */
class Fields {
  constructor(
    private readonly buf: Uint8Array,
    private pos: number,
    private readonly end: number,
  ) {}

  get more(): boolean {
    return this.pos + 4 <= this.end;
  }

  /** The next length-prefixed field, or null when it would run past the end. */
  next(): Fields | null {
    if (this.pos + 4 > this.end) return null;
    const len = u32(this.buf, this.pos, true);
    const start = this.pos + 4;
    if (len > this.end - start) return null;
    this.pos = start + len;
    return new Fields(this.buf, start, start + len);
  }

  bytes(): Uint8Array {
    return this.buf.subarray(this.pos, this.end);
  }
}

/** The first certificate of every signer in a v2/v3 signature scheme block. */
function schemeCertificates(value: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const signers = new Fields(value, 0, value.length).next();
  if (!signers) return out;
  for (let n = 0; signers.more && n < 64; n++) {
    const signer = signers.next();
    if (!signer) break;
    const signedData = signer.next();
    if (!signedData) continue;
    if (!signedData.next()) continue; // digests
    const certs = signedData.next();
    const first = certs?.next();
    if (first) out.push(first.bytes());
  }
  return out;
}

interface BlockCertificates {
  schemes: SigningScheme[];
  certificates: Uint8Array[];
}

async function signingBlock(src: Source, cdOffset: number): Promise<BlockCertificates> {
  const none: BlockCertificates = { schemes: [], certificates: [] };
  if (cdOffset < 32) return none;
  const footer = await src.read(cdOffset - 24, 24);
  if (new TextDecoder('latin1').decode(footer.subarray(8)) !== MAGIC) return none;
  const size = u64(footer, 0, true);
  if (size < 24 || size > MAX_BLOCK || size + 8 > cdOffset) throw new MetaError('corrupt', 'bad APK signing block size');
  const block = await src.read(cdOffset - size - 8, size + 8);
  if (u64(block, 0, true) !== size) throw new MetaError('corrupt', 'APK signing block sizes differ');
  const out: BlockCertificates = { schemes: [], certificates: [] };
  let pos = 8;
  const end = block.length - 24;
  while (pos + 12 <= end) {
    const len = u64(block, pos, true);
    if (len < 4 || len > end - pos - 8) throw new MetaError('corrupt', 'bad APK signing block entry');
    const id = u32(block, pos + 8, true);
    const scheme = SCHEMES.get(id);
    if (scheme) {
      const certs = schemeCertificates(block.subarray(pos + 12, pos + 8 + len));
      if (certs.length > 0) {
        out.schemes.push(scheme);
        out.certificates.push(...certs);
      }
    }
    pos += 8 + len;
  }
  return out;
}

const V1_SIGNATURE = /^META-INF\/[^/]+\.(?:RSA|DSA|EC)$/i;

async function v1Certificates(src: Source): Promise<Uint8Array[]> {
  const zip = await readZip(src);
  const out: Uint8Array[] = [];
  for (const entry of zip.entries) {
    if (!V1_SIGNATURE.test(entry.name)) continue;
    try {
      const bytes = await readEntry(src, entry, MAX_SIG_FILE);
      out.push(...extractCertificates(Buffer.from(bytes)));
    } catch (e) {
      if (e instanceof MetaError && e.code === 'timeout') throw e;
    }
    if (out.length >= 16) break;
  }
  return out;
}

const hex = (algorithm: string, der: Uint8Array): string => createHash(algorithm).update(der).digest('hex').toUpperCase();

/** Signing-certificate fingerprints of the APK in `src`; throws MetaError when it is not a readable zip. */
export async function apkCertificates(src: Source): Promise<ApkCertificates> {
  const cdOffset = await centralDirectoryOffset(src);
  let block: BlockCertificates = { schemes: [], certificates: [] };
  try {
    block = await signingBlock(src, cdOffset);
  } catch (e) {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    // A broken block: the v1 signature may still name the signer.
  }
  const schemes = [...block.schemes];
  const certificates = [...block.certificates];
  const v1 = await v1Certificates(src).catch((e: unknown) => {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    return [] as Uint8Array[];
  });
  if (v1.length > 0) {
    schemes.push('v1');
    certificates.push(...v1);
  }
  const sha1 = [...new Set(certificates.map((c) => hex('sha1', c)))];
  const sha256 = [...new Set(certificates.map((c) => hex('sha256', c)))];
  return { schemes: [...new Set(schemes)], sha1, sha256 };
}
