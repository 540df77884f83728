import { describe, expect, it } from 'vitest';
import check, { parseKeyText, parsePublicKeyLine, type KeyInfo, type SshKeyData } from '../../checks/ssh-key-passphrase.js';
import path from 'node:path';
import { CheckTester } from '../helpers/check-tester.js';
import { dsaPkcs8, ed25519Pkcs8, opensshKey, publicKeyLine, rsaPem } from './helpers.js';

const tester = new CheckTester(check);

function key(overrides: Partial<KeyInfo>): KeyInfo {
  return { path: '/h/.ssh/id', format: 'openssh', encrypted: true, algorithm: 'ed25519', bits: 256, mode: 0o600, ...overrides };
}

const one = (overrides: Partial<KeyInfo>): SshKeyData => ({ keys: [key(overrides)], unreadable: [] });

describe('ssh-key-passphrase evaluate', () => {
  tester.run({
    valid: [
      { name: 'encrypted ed25519 key', data: one({}) },
      { name: 'unencrypted hardware key handle', data: one({ encrypted: false, algorithm: 'sk-ed25519' }) },
      { name: 'RSA 3072', data: one({ algorithm: 'rsa', bits: 3072 }) },
      { name: 'RSA of unknown size', data: one({ algorithm: 'rsa', bits: null }) },
      { name: 'permissions unknown (Windows)', data: one({ mode: null }) },
    ],
    invalid: [
      { name: 'unencrypted ed25519 key', data: one({ encrypted: false }), status: 'fail', findings: [{ message: 'noPassphrase', fix: 'fixPassphrase', path: '/h/.ssh/id' }] },
      { name: 'unencrypted PuTTY key', data: one({ encrypted: false, format: 'putty' }), status: 'fail', findings: [{ message: 'noPassphrase', fix: 'fixPassphrasePutty' }] },
      { name: 'DSA key', data: one({ algorithm: 'dsa', bits: 1024 }), status: 'fail', findings: [{ message: 'dsa', fix: 'fixNewKey' }] },
      { name: 'RSA 1024', data: one({ algorithm: 'rsa', bits: 1024 }), status: 'fail', findings: [{ message: 'rsaWeak', data: { path: '/h/.ssh/id', bits: 1024 } }] },
      { name: 'RSA 2047', data: one({ algorithm: 'rsa', bits: 2047 }), status: 'fail', findings: ['rsaWeak'] },
      { name: 'RSA 2048', data: one({ algorithm: 'rsa', bits: 2048 }), status: 'warn', findings: ['rsaShort'] },
      { name: 'group-readable', data: one({ mode: 0o640 }), status: 'warn', findings: [{ message: 'permissions', fix: 'fixPermissions', data: { mode: '0640' } }] },
      {
        name: 'world-readable, unencrypted, short',
        data: one({ mode: 0o644, encrypted: false, algorithm: 'rsa', bits: 2048 }),
        status: 'fail',
        findings: ['noPassphrase', 'rsaShort', { message: 'permissions', data: { mode: '0644' } }],
      },
      { name: 'undecodable key', data: one({ encrypted: null, algorithm: 'unknown', bits: null }), status: 'warn', findings: [{ message: 'unknownFormat', fix: 'fixUnknownFormat' }] },
      {
        name: 'an unreadable folder is a warning, never a pass',
        data: { keys: [], unreadable: [{ path: '/h/.ssh', problem: 'denied' }] },
        status: 'warn',
        findings: ['unreadableDenied'],
      },
      { name: 'a folder unreadable for another reason', data: { keys: [], unreadable: [{ path: '/x', problem: 'other' }] }, status: 'warn', findings: ['unreadable'] },
    ],
  });
});

describe('ssh-key-passphrase parsing', () => {
  it('reads cipher, type and size from openssh-key-v1 headers', () => {
    expect(parseKeyText(opensshKey('rsa', { bits: 1024 }))).toEqual({ format: 'openssh', encrypted: false, algorithm: 'rsa', bits: 1024 });
    expect(parseKeyText(opensshKey('rsa', { bits: 4096, encrypted: true }))).toEqual({ format: 'openssh', encrypted: true, algorithm: 'rsa', bits: 4096 });
    expect(parseKeyText(opensshKey('dsa', { bits: 1024 }))).toMatchObject({ algorithm: 'dsa', bits: 1024, encrypted: false });
    expect(parseKeyText(opensshKey('ecdsa'))).toMatchObject({ algorithm: 'ecdsa', bits: 256 });
    expect(parseKeyText(opensshKey('sk-ed25519'))).toMatchObject({ algorithm: 'sk-ed25519', encrypted: false });
  });

  it('reads PEM and PKCS#8 keys', () => {
    expect(parseKeyText(rsaPem(1024, 'pkcs1'))).toEqual({ format: 'pem', encrypted: false, algorithm: 'rsa', bits: 1024 });
    expect(parseKeyText(rsaPem(1024, 'pkcs1', 'pass phrase'))).toEqual({ format: 'pem', encrypted: true, algorithm: 'rsa', bits: null });
    expect(parseKeyText(rsaPem(1024, 'pkcs8'))).toEqual({ format: 'pkcs8', encrypted: false, algorithm: 'rsa', bits: 1024 });
    expect(parseKeyText(rsaPem(1024, 'pkcs8', 'pass phrase'))).toMatchObject({ format: 'pkcs8-encrypted', encrypted: true });
    expect(parseKeyText(dsaPkcs8())).toMatchObject({ format: 'pkcs8', algorithm: 'dsa', bits: 1024, encrypted: false });
    expect(parseKeyText(ed25519Pkcs8())).toMatchObject({ format: 'pkcs8', algorithm: 'ed25519', encrypted: false });
  });

  it('reads PuTTY key files', () => {
    const blob = Buffer.from(publicKeyLine('rsa', 1024).split(' ')[1] ?? '', 'base64').toString('base64');
    const ppk = (enc: string) =>
      `PuTTY-User-Key-File-3: ssh-rsa\nEncryption: ${enc}\nComment: test\nPublic-Lines: 1\n${blob}\nPrivate-Lines: 1\nAAAA\n`;
    expect(parseKeyText(ppk('none'))).toEqual({ format: 'putty', encrypted: false, algorithm: 'rsa', bits: 1024 });
    expect(parseKeyText(ppk('aes256-cbc'))).toMatchObject({ encrypted: true, bits: 1024 });
  });

  it('ignores things that are not private keys', () => {
    expect(parseKeyText(publicKeyLine('ed25519'))).toBeNull();
    expect(parseKeyText('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')).toBeNull();
    expect(parseKeyText('Host *\n  IdentityFile ~/.ssh/id_ed25519\n')).toBeNull();
  });

  it('a corrupt openssh body is reported as undecodable, not as safe', () => {
    const text = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5v\n-----END OPENSSH PRIVATE KEY-----\n';
    expect(parseKeyText(text)).toEqual({ format: 'openssh', encrypted: null, algorithm: 'unknown', bits: null });
  });

  it('reads sizes from public key lines', () => {
    expect(parsePublicKeyLine(publicKeyLine('rsa', 2048))).toEqual({ algorithm: 'rsa', bits: 2048 });
    expect(parsePublicKeyLine('not a key')).toBeNull();
  });
});

describe('ssh-key-passphrase gather', () => {
  const unencrypted = opensshKey('ed25519');
  const dsa = opensshKey('dsa', { bits: 1024, encrypted: true });
  const weak = rsaPem(1024, 'pkcs1', 'secret words');
  tester.gather([
    {
      name: 'finds every problem in a fake home and never returns key material',
      home: {
        '.ssh/id_ed25519': { content: unencrypted, mode: 0o600 },
        '.ssh/id_dsa': { content: dsa, mode: 0o600 },
        '.ssh/old_rsa': { content: weak, mode: 0o600 },
        '.ssh/old_rsa.pub': publicKeyLine('rsa', 1024),
        '.ssh/work/deploy': { content: opensshKey('ecdsa', { encrypted: true }), mode: 0o644 },
        '.ssh/known_hosts': 'github.com ssh-ed25519 AAAA\n',
        '.ssh/config': 'Host *\n',
      },
      status: 'fail',
      data: (data, { home }) => {
        expect(data.keys.map((k) => path.relative(home, k.path)).sort()).toEqual(['.ssh/id_dsa', '.ssh/id_ed25519', '.ssh/old_rsa', '.ssh/work/deploy']);
        const serialized = JSON.stringify(data);
        for (const text of [unencrypted, dsa, weak]) {
          for (const line of text.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----') && !l.includes(':'))) expect(serialized).not.toContain(line);
        }
      },
      findings: ['dsa', 'noPassphrase', 'rsaWeak', 'permissions'],
    },
    {
      name: 'a clean fake home passes',
      home: { '.ssh/id_ed25519': { content: opensshKey('ed25519', { encrypted: true }), mode: 0o600 }, '.ssh/id_ed25519.pub': publicKeyLine('ed25519') },
      status: 'pass',
      findings: [],
    },
    { name: 'a home without ~/.ssh passes', status: 'pass', findings: [] },
    {
      name: 'checks files and folders named on the command line',
      root: { 'elsewhere/server.key': { content: rsaPem(1024, 'pkcs8'), mode: 0o600 }, 'elsewhere/keys/a': { content: opensshKey('ed25519'), mode: 0o600 } },
      paths: ({ root }) => [path.join(root, 'elsewhere/server.key'), path.join(root, 'elsewhere/keys'), path.join(root, 'elsewhere/missing')],
      data: (data, { root }) => {
        expect(data.keys.map((k) => path.relative(root, k.path)).sort()).toEqual(['elsewhere/keys/a', 'elsewhere/server.key']);
        expect(data.unreadable).toEqual([{ path: path.join(root, 'elsewhere/missing'), problem: 'missing' }]);
      },
    },
    {
      name: 'ignores file permissions on Windows',
      platform: 'win32',
      home: { '.ssh/id_ed25519': { content: opensshKey('ed25519', { encrypted: true }), mode: 0o644 } },
      data: (data) => expect(data.keys[0]?.mode).toBeNull(),
      status: 'pass',
    },
  ]);
});
