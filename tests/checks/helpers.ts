// Shared fixtures for check tests: SSH key files built in code, and (for older
// callers) the temp-folder and fake-system helpers of the CheckTester.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { replayRunner, type Answer, type ReplayCall } from '../../src/check-kit/replay.js';
import type { CheckContext, CommandRunner } from '../../src/check-kit/types.js';
import { put, tempDir } from '../helpers/check-tester.js';

export { put, tempDir };

/** A command runner answering from a table keyed by command line; see replayRunner. */
export function scriptedRunner(table: Readonly<Record<string, Answer>>, calls: ReplayCall[] = []): CommandRunner {
  return replayRunner(table, calls);
}

/** A context over empty temp folders, for tests of the audit runner. */
export function fakeContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    home: overrides.home ?? tempDir('safestep-home-'),
    root: overrides.root ?? tempDir('safestep-root-'),
    platform: overrides.platform ?? 'linux',
    env: overrides.env ?? {},
    run: overrides.run ?? replayRunner({}),
    paths: overrides.paths ?? [],
  };
}

// ---------------------------------------------------------------------------
// SSH key files, built by hand (openssh-key-v1) or with node:crypto (PEM/PKCS#8).

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  return Buffer.concat([u32(bytes.length), bytes]);
}

function mpint(value: Buffer): Buffer {
  let v = value;
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  if ((v[0] ?? 0) & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return sshString(v);
}

/** A big number with exactly `bits` significant bits (top bit set, odd). */
export function numberOfBits(bits: number): Buffer {
  const bytes = randomBytes(Math.ceil(bits / 8));
  const topBits = bits % 8 === 0 ? 8 : bits % 8;
  bytes[0] = ((bytes[0] ?? 0) & ((1 << topBits) - 1)) | (1 << (topBits - 1));
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 1;
  return bytes;
}

export type BlobKind = 'rsa' | 'dsa' | 'ed25519' | 'ecdsa' | 'sk-ed25519';

export function publicBlob(kind: BlobKind, bits = 3072): Buffer {
  switch (kind) {
    case 'rsa':
      return Buffer.concat([sshString('ssh-rsa'), mpint(Buffer.from([1, 0, 1])), mpint(numberOfBits(bits))]);
    case 'dsa':
      return Buffer.concat([
        sshString('ssh-dss'),
        mpint(numberOfBits(bits)),
        mpint(numberOfBits(160)),
        mpint(numberOfBits(bits - 1)),
        mpint(numberOfBits(bits - 1)),
      ]);
    case 'ed25519':
      return Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(32))]);
    case 'sk-ed25519':
      return Buffer.concat([sshString('sk-ssh-ed25519@openssh.com'), sshString(randomBytes(32)), sshString('ssh:')]);
    case 'ecdsa':
      return Buffer.concat([sshString('ecdsa-sha2-nistp256'), sshString('nistp256'), sshString(Buffer.concat([Buffer.from([4]), randomBytes(64)]))]);
  }
}

function armor(label: string, body: Buffer, width = 70): string {
  const b64 = body.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += width) lines.push(b64.slice(i, i + width));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** An openssh-key-v1 private key file; the private section is random filler (never parsed). */
export function opensshKey(kind: BlobKind, options: { encrypted?: boolean; bits?: number } = {}): string {
  const encrypted = options.encrypted ?? false;
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString(encrypted ? 'aes256-ctr' : 'none'),
    sshString(encrypted ? 'bcrypt' : 'none'),
    sshString(encrypted ? Buffer.concat([sshString(randomBytes(16)), u32(16)]) : Buffer.alloc(0)),
    u32(1),
    sshString(publicBlob(kind, options.bits)),
    sshString(randomBytes(64)),
  ]);
  return armor('OPENSSH PRIVATE KEY', body);
}

export function publicKeyLine(kind: BlobKind, bits?: number): string {
  const type = { rsa: 'ssh-rsa', dsa: 'ssh-dss', ed25519: 'ssh-ed25519', ecdsa: 'ecdsa-sha2-nistp256', 'sk-ed25519': 'sk-ssh-ed25519@openssh.com' }[kind];
  return `${type} ${publicBlob(kind, bits).toString('base64')} someone@laptop\n`;
}

/** Real RSA keys in the traditional PEM ("BEGIN RSA PRIVATE KEY") or PKCS#8 formats. */
export function rsaPem(bits: number, format: 'pkcs1' | 'pkcs8', passphrase?: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  if (passphrase) {
    return privateKey.export({ type: format, format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
  }
  return privateKey.export({ type: format, format: 'pem' }).toString();
}

export function dsaPkcs8(): string {
  const { privateKey } = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function ed25519Pkcs8(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
