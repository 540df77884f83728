// A signer's fingerprint in a form people can read aloud and compare in a room:
// 40 decimal digits in 8 groups of 5, like Signal's safety numbers. Digits are
// the same in Russian and English, survive a bad phone line, and need no word
// list in either language. 8 × 5 digits carry about 132 bits: far beyond what
// anyone could match by generating keys.
//
// fingerprint = SHA-512("safestep signer fingerprint v1\0" || 32-byte public key);
// each group is 5 bytes of it, read as a big-endian number, modulo 100 000.
import { createHash } from 'node:crypto';

const LABEL = Buffer.from('safestep signer fingerprint v1\0', 'latin1');
export const FINGERPRINT_GROUPS = 8;

export function fingerprintGroups(publicKey: Uint8Array): string[] {
  const digest = createHash('sha512').update(LABEL).update(publicKey).digest();
  const groups: string[] = [];
  for (let i = 0; i < FINGERPRINT_GROUPS; i++) {
    const value = digest.readUIntBE(i * 5, 5) % 100_000;
    groups.push(String(value).padStart(5, '0'));
  }
  return groups;
}

/** One line: "12345 67890 … 24680" (lists, JSON, the trusted-signers file). */
export function fingerprint(publicKey: Uint8Array): string {
  return fingerprintGroups(publicKey).join(' ');
}

/** Two lines of four groups, indented, for reading aloud. */
export function fingerprintBlock(publicKey: Uint8Array, indent = '  '): string {
  const g = fingerprintGroups(publicKey);
  return `${indent}${g.slice(0, 4).join('  ')}\n${indent}${g.slice(4).join('  ')}`;
}
