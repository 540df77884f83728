import { describe, expect, it } from 'vitest';
import check, { parseKeyText, parsePublicKeyLine, type KeyInfo, type SshKeyData } from '../../checks/ssh-key-passphrase.js';
import { dsaPkcs8, ed25519Pkcs8, fakeContext, opensshKey, publicKeyLine, put, rsaPem, tempDir } from './helpers.js';

function key(overrides: Partial<KeyInfo>): KeyInfo {
  return { path: '/h/.ssh/id', format: 'openssh', encrypted: true, algorithm: 'ed25519', bits: 256, mode: 0o600, ...overrides };
}

function evaluate(keys: KeyInfo[], unreadable: SshKeyData['unreadable'] = []) {
  return check.evaluate({ keys, unreadable }, {});
}

describe('ssh-key-passphrase evaluate', () => {
  const table: { name: string; key: Partial<KeyInfo>; messages: string[]; status: string }[] = [
    { name: 'encrypted ed25519 key', key: {}, messages: [], status: 'pass' },
    { name: 'unencrypted ed25519 key', key: { encrypted: false }, messages: ['noPassphrase'], status: 'fail' },
    { name: 'unencrypted hardware key handle', key: { encrypted: false, algorithm: 'sk-ed25519' }, messages: [], status: 'pass' },
    { name: 'DSA key', key: { algorithm: 'dsa', bits: 1024 }, messages: ['dsa'], status: 'fail' },
    { name: 'RSA 1024', key: { algorithm: 'rsa', bits: 1024 }, messages: ['rsaWeak'], status: 'fail' },
    { name: 'RSA 2047', key: { algorithm: 'rsa', bits: 2047 }, messages: ['rsaWeak'], status: 'fail' },
    { name: 'RSA 2048', key: { algorithm: 'rsa', bits: 2048 }, messages: ['rsaShort'], status: 'warn' },
    { name: 'RSA 3072', key: { algorithm: 'rsa', bits: 3072 }, messages: [], status: 'pass' },
    { name: 'RSA of unknown size', key: { algorithm: 'rsa', bits: null }, messages: [], status: 'pass' },
    { name: 'group-readable', key: { mode: 0o640 }, messages: ['permissions'], status: 'warn' },
    { name: 'world-readable, unencrypted, short', key: { mode: 0o644, encrypted: false, algorithm: 'rsa', bits: 2048 }, messages: ['noPassphrase', 'rsaShort', 'permissions'], status: 'fail' },
    { name: 'permissions unknown (Windows)', key: { mode: null }, messages: [], status: 'pass' },
    { name: 'undecodable key', key: { encrypted: null, algorithm: 'unknown', bits: null }, messages: ['unknownFormat'], status: 'warn' },
  ];
  for (const row of table) {
    it(row.name, () => {
      const result = evaluate([key(row.key)]);
      expect(result.findings.map((f) => f.message)).toEqual(row.messages);
      expect(result.status).toBe(row.status);
    });
  }

  it('reports the mode in octal and the bit count as data', () => {
    const result = evaluate([key({ mode: 0o644, algorithm: 'rsa', bits: 1024 })]);
    expect(result.findings.find((f) => f.message === 'permissions')?.data).toEqual({ path: '/h/.ssh/id', mode: '0644' });
    expect(result.findings.find((f) => f.message === 'rsaWeak')?.data).toEqual({ path: '/h/.ssh/id', bits: 1024 });
  });

  it('an unreadable folder is a warning, never a pass', () => {
    const result = evaluate([], [{ path: '/h/.ssh', problem: 'denied' }]);
    expect(result.status).toBe('warn');
    expect(result.findings[0]?.message).toBe('unreadableDenied');
  });

  it('every message and fix id exists in both languages', () => {
    const result = evaluate([
      key({ encrypted: false, mode: 0o644, algorithm: 'rsa', bits: 1024 }),
      key({ encrypted: null, algorithm: 'dsa', format: 'putty' }),
    ], [{ path: '/x', problem: 'other' }]);
    for (const f of result.findings) {
      for (const id of [f.message, f.fix].filter((x): x is string => Boolean(x))) {
        expect(check.meta.messages[id]?.en).toBeTruthy();
        expect(check.meta.messages[id]?.ru).toBeTruthy();
      }
    }
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
  it('finds every problem in a fake home and never returns key material', async () => {
    const home = tempDir();
    const unencrypted = opensshKey('ed25519');
    const dsa = opensshKey('dsa', { bits: 1024, encrypted: true });
    const weak = rsaPem(1024, 'pkcs1', 'secret words');
    put(home, '.ssh/id_ed25519', unencrypted, 0o600);
    put(home, '.ssh/id_dsa', dsa, 0o600);
    put(home, '.ssh/old_rsa', weak, 0o600);
    put(home, '.ssh/old_rsa.pub', publicKeyLine('rsa', 1024));
    put(home, '.ssh/work/deploy', opensshKey('ecdsa', { encrypted: true }), 0o644);
    put(home, '.ssh/known_hosts', 'github.com ssh-ed25519 AAAA\n');
    put(home, '.ssh/config', 'Host *\n');
    const ctx = fakeContext({ home });
    const data = await check.gather(ctx, {});
    const result = check.evaluate(data, {});

    const byPath = (p: string) => result.findings.filter((f) => f.path === `${home}/.ssh/${p}`).map((f) => f.message).sort();
    expect(byPath('id_ed25519')).toEqual(['noPassphrase']);
    expect(byPath('id_dsa')).toEqual(['dsa']);
    expect(byPath('old_rsa')).toEqual(['rsaWeak']);
    expect(byPath('work/deploy')).toEqual(['permissions']);
    expect(result.status).toBe('fail');
    expect(data.keys).toHaveLength(4);

    const serialized = JSON.stringify(data) + JSON.stringify(result);
    for (const text of [unencrypted, dsa, weak]) {
      for (const line of text.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----') && !l.includes(':'))) {
        expect(serialized).not.toContain(line);
      }
    }
  });

  it('a clean fake home passes, and a home without ~/.ssh passes', async () => {
    const home = tempDir();
    put(home, '.ssh/id_ed25519', opensshKey('ed25519', { encrypted: true }), 0o600);
    put(home, '.ssh/id_ed25519.pub', publicKeyLine('ed25519'));
    const clean = check.evaluate(await check.gather(fakeContext({ home }), {}), {});
    expect(clean).toEqual({ status: 'pass', findings: [] });
    const empty = check.evaluate(await check.gather(fakeContext({ home: tempDir() }), {}), {});
    expect(empty.status).toBe('pass');
  });

  it('checks files and folders named on the command line', async () => {
    const elsewhere = tempDir();
    const file = put(elsewhere, 'server.key', rsaPem(1024, 'pkcs8'), 0o600);
    put(elsewhere, 'keys/a', opensshKey('ed25519'), 0o600);
    const data = await check.gather(fakeContext({ paths: [file, `${elsewhere}/keys`, `${elsewhere}/missing`] }), {});
    expect(data.keys.map((k) => k.path).sort()).toEqual([`${elsewhere}/keys/a`, file]);
    expect(data.unreadable).toEqual([{ path: `${elsewhere}/missing`, problem: 'missing' }]);
  });

  it('ignores file permissions on Windows', async () => {
    const home = tempDir();
    put(home, '.ssh/id_ed25519', opensshKey('ed25519', { encrypted: true }), 0o644);
    const data = await check.gather(fakeContext({ home, platform: 'win32' }), {});
    expect(data.keys[0]?.mode).toBeNull();
  });
});
