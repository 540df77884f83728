// Certificates out of files and command output: PEM (CERTIFICATE, TRUSTED
// CERTIFICATE, PKCS7), DER certificates and DER PKCS#7 bundles. Certificates are
// cut out of their containers byte for byte (a tiny DER walker), so the SHA-256
// over them is exactly the fingerprint browsers show; names are read with
// node-forge's ASN.1 parser, which works whatever the key algorithm (RSA, EC,
// GOST) because it never decodes the key.
import { createHash } from 'node:crypto';
import forge from 'node-forge';

interface Element {
  tag: number;
  /** Offset of the contents. */
  start: number;
  /** Offset just past the contents. */
  end: number;
  /** Offset of the tag byte. */
  offset: number;
}

/** One DER element at `offset`; null when the bytes are not valid DER there. */
export function readElement(buf: Buffer, offset: number, limit = buf.length): Element | null {
  if (offset + 2 > limit) return null;
  const tag = buf[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) return null; // multi-byte tags do not occur in what we read
  let pos = offset + 1;
  const first = buf[pos++] ?? 0;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || pos + count > limit) return null; // indefinite or absurd
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buf[pos++] ?? 0);
  }
  const end = pos + length;
  if (end > limit) return null;
  return { tag, start: pos, end, offset };
}

function children(buf: Buffer, parent: Element): Element[] {
  const out: Element[] = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const child = readElement(buf, pos, parent.end);
    if (!child) break;
    out.push(child);
    pos = child.end;
  }
  return out;
}

const OID_SIGNED_DATA = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

/** Does this SEQUENCE look like an X.509 certificate (tbs SEQUENCE, algorithm SEQUENCE, BIT STRING)? */
function isCertificate(buf: Buffer, element: Element): boolean {
  if (element.tag !== 0x30) return false;
  const parts = children(buf, element);
  return parts.length === 3 && parts[0]?.tag === 0x30 && parts[1]?.tag === 0x30 && parts[2]?.tag === 0x03;
}

/** Certificates inside a DER PKCS#7 / CMS SignedData ("certs-only" .p7b/.p7c bundles). */
function pkcs7Certificates(buf: Buffer, top: Element): Buffer[] {
  const [oid, explicit] = children(buf, top);
  if (!oid || oid.tag !== 0x06 || !buf.subarray(oid.start, oid.end).equals(OID_SIGNED_DATA)) return [];
  if (!explicit || explicit.tag !== 0xa0) return [];
  const signedData = children(buf, explicit)[0];
  if (!signedData || signedData.tag !== 0x30) return [];
  const certSet = children(buf, signedData).find((e) => e.tag === 0xa0);
  if (!certSet) return [];
  return children(buf, certSet)
    .filter((e) => isCertificate(buf, e))
    .map((e) => Buffer.from(buf.subarray(e.offset, e.end)));
}

function fromDer(buf: Buffer): Buffer[] {
  const top = readElement(buf, 0);
  if (!top || top.tag !== 0x30) return [];
  if (isCertificate(buf, top)) return [Buffer.from(buf.subarray(0, top.end))];
  return pkcs7Certificates(buf, top);
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Every certificate in a file or command output, as DER. Anything that is not a
 * certificate (keys, CRLs, garbage) is skipped, never returned.
 */
export function extractCertificates(data: Buffer): Buffer[] {
  const head = data.subarray(0, Math.min(data.length, 64 * 1024)).toString('latin1');
  if (!head.includes('-----BEGIN ')) return fromDer(data);
  const text = data.toString('latin1');
  const out: Buffer[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const label = match[1] ?? '';
    if (!/^(?:X509 |TRUSTED )?CERTIFICATE$|^PKCS ?#?7(?: SIGNED DATA)?$|^CMS$/.test(label)) continue;
    // Headers (Key: value lines) may precede the base64 body.
    const body = (match[2] ?? '').split(/\r?\n/).filter((line) => !line.includes(':')).join('');
    const der = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    if (label === 'TRUSTED CERTIFICATE') {
      // OpenSSL's trusted format: the certificate, then its trust settings.
      const first = readElement(der, 0);
      if (first && isCertificate(der, first)) out.push(Buffer.from(der.subarray(0, first.end)));
    } else {
      out.push(...fromDer(der));
    }
  }
  return out;
}

export function sha256Hex(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase();
}

export function sha1Hex(der: Buffer): string {
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

/** The attributes we care about in a distinguished name. */
export interface NameSummary {
  C?: string;
  O?: string;
  CN?: string;
}

const SHORT: Record<string, keyof NameSummary> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.3': 'CN',
};

function decodeValue(value: unknown, tagClass: unknown): string {
  if (typeof value !== 'string') return '';
  if (tagClass === forge.asn1.Type.UTF8) return Buffer.from(value, 'binary').toString('utf8');
  return value; // PrintableString, IA5, T61 (as Latin-1); BMPString is decoded by forge already
}

interface RdnAttribute {
  type?: unknown;
  value?: unknown;
  valueTagClass?: unknown;
}

// Present in node-forge's x509 module, missing from its type definitions.
const rdnAttributes = (forge.pki as unknown as { RDNAttributesAsArray(rdn: forge.asn1.Asn1): RdnAttribute[] }).RDNAttributesAsArray;

function summarise(rdn: forge.asn1.Asn1): NameSummary {
  const out: NameSummary = {};
  for (const attr of rdnAttributes(rdn)) {
    const key = typeof attr.type === 'string' ? SHORT[attr.type] : undefined;
    if (key && out[key] === undefined) out[key] = decodeValue(attr.value, attr.valueTagClass);
  }
  return out;
}

/** Subject and issuer (C, O, CN) of a DER certificate; null if it cannot be parsed. */
export function certificateNames(der: Buffer): { subject: NameSummary; issuer: NameSummary } | null {
  try {
    const cert = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
    const tbs = (cert.value as forge.asn1.Asn1[])[0];
    if (!tbs || !Array.isArray(tbs.value)) return null;
    const fields = tbs.value.filter((f) => f.tagClass === forge.asn1.Class.UNIVERSAL);
    // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
    const issuer = fields[2];
    const subject = fields[4];
    if (!issuer || !subject) return null;
    return { subject: summarise(subject), issuer: summarise(issuer) };
  } catch {
    return null;
  }
}

export function formatName(name: NameSummary): string {
  return (['C', 'O', 'CN'] as const)
    .filter((k) => name[k] !== undefined)
    .map((k) => `${k}=${name[k] ?? ''}`)
    .join(', ');
}
