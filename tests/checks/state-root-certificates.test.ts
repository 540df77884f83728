import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import defaultCheck, {
  createStateRootCheck,
  parseCertutilList,
  parseTrustSettings,
  parseWindowsListing,
  type CertStoreData,
} from '../../checks/state-root-certificates.js';
import { STATE_CERTIFICATES, STATE_NAME_RULES, type StateCertificate } from '../../checks/data/state-roots.js';
import { certificateNames, extractCertificates, sha256Hex } from '../../src/checks/certificates.js';
import type { CommandResult } from '../../src/checks/types.js';
import { makeCert, pkcs7, type TestCert } from './cert-helpers.js';
import { fakeContext, put, scriptedRunner, tempDir } from './helpers.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

// Built once: RSA key generation is the slow part.
const stateRoot = makeCert({ C: 'XX', O: 'Test Ministry of Interception', CN: 'Test State Root CA' });
const stateSub = makeCert({ C: 'XX', O: 'Test Ministry of Interception', CN: 'Test State Sub CA' }, stateRoot);
const normalRoots = [1, 2, 3].map((i) => makeCert({ C: 'US', O: `Honest Roots ${i}`, CN: `Honest Root ${i}` }));
const corporateRoot = makeCert({ O: 'ACME Corp', CN: 'ACME Internal Root' });
const russianLookalike = makeCert({ C: 'RU', O: 'The Ministry of Digital Development and Communications', CN: 'Russian Trusted Sub CA' });

const table: StateCertificate[] = [stateRoot, stateSub].map((c) => ({
  name: c.name.CN,
  country: 'RU',
  kind: 'root',
  sha256: c.sha256,
  subject: c.name.CN,
  validity: 'test',
  sources: [{ title: 'test', url: 'https://example.invalid/' }],
}));

const check = createStateRootCheck({ table, rules: STATE_NAME_RULES });

function linuxRoot(): string {
  const root = tempDir('safestep-root-');
  normalRoots.forEach((c, i) => put(root, `etc/ssl/certs/Honest_Root_${i}.pem`, c.pem));
  put(root, 'etc/ssl/certs/ca-certificates.crt', normalRoots.map((c) => c.pem).join(''));
  return root;
}

const messages = (result: { findings: { message: string }[] }) => result.findings.map((f) => f.message);

describe('certificate extraction', () => {
  it('cuts certificates out of PEM, DER and PKCS#7 byte for byte', () => {
    const [a, b] = normalRoots;
    if (!a || !b) throw new Error('fixture');
    const bundle = pkcs7([a, b, stateRoot]);
    const cases: [string, Buffer, string[]][] = [
      ['single PEM', Buffer.from(a.pem), [a.sha256]],
      ['PEM bundle with text around it', Buffer.from(`# roots\n${a.pem}\nsome comment\n${b.pem}`), [a.sha256, b.sha256]],
      ['DER', a.der, [a.sha256]],
      ['PKCS#7 DER', bundle.der, [a.sha256, b.sha256, stateRoot.sha256]],
      ['PKCS#7 PEM', Buffer.from(bundle.pem), [a.sha256, b.sha256, stateRoot.sha256]],
      [
        'OpenSSL TRUSTED CERTIFICATE',
        Buffer.from(`-----BEGIN TRUSTED CERTIFICATE-----\n${Buffer.concat([a.der, Buffer.from([0x30, 0x03, 0x0c, 0x01, 0x78])]).toString('base64')}\n-----END TRUSTED CERTIFICATE-----\n`),
        [a.sha256],
      ],
      ['garbage', Buffer.from('hello world, not a certificate'), []],
      ['a private key', Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n'), []],
      ['truncated DER', a.der.subarray(0, a.der.length - 10), []],
    ];
    for (const [name, input, expected] of cases) {
      expect(extractCertificates(input).map(sha256Hex), name).toEqual(expected);
    }
  });

  it('reads subject and issuer names, including Cyrillic UTF-8', () => {
    const cyrillic = makeCert({ C: 'RU', O: 'Минцифры России', CN: 'Минцифры России НУЦ корневой' });
    expect(certificateNames(cyrillic.der)).toEqual({
      subject: { C: 'RU', O: 'Минцифры России', CN: 'Минцифры России НУЦ корневой' },
      issuer: { C: 'RU', O: 'Минцифры России', CN: 'Минцифры России НУЦ корневой' },
    });
    expect(certificateNames(stateSub.der)?.issuer.CN).toBe('Test State Root CA');
    expect(certificateNames(Buffer.from('nope'))).toBeNull();
  });
});

describe('the shipped fingerprint table', () => {
  it('has one well-formed entry per certificate, each with a source', () => {
    const hashes = STATE_CERTIFICATES.map((c) => c.sha256);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const entry of STATE_CERTIFICATES) {
      expect(entry.sha256).toMatch(/^[0-9A-F]{64}$/);
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source.url).toMatch(/^https:\/\//);
    }
    expect(hashes).toContain('D26D2D0231B7C39F92CC738512BA54103519E4405D68B5BD703E9788CA8ECF31');
    expect(hashes).toContain('00309C736DD661DA6F1EB24173AA849944C168A43A15BFFD192EECFDB6F8DBD2');
  });

  it('recognises the real Russian Trusted Root CA and Qaznet Trust Network certificates', async () => {
    const data = await defaultCheck.gather(
      fakeContext({ paths: [path.join(FIXTURES, 'russian-trusted-root-ca.pem'), path.join(FIXTURES, 'qaznet-trust-network.der')] }),
      {},
    );
    const result = defaultCheck.evaluate(data, {});
    const found = result.findings.filter((f) => f.message === 'stateCertFile').map((f) => f.data?.name);
    expect(found.sort()).toEqual(['Qaznet Trust Network', 'Russian Trusted Root CA']);
    expect(result.status).toBe('fail');
  });
});

describe('state-root-certificates on Linux', () => {
  it('finds a state root in the system store as PEM and as DER, and lists a hand-added root', async () => {
    const root = linuxRoot();
    const pemFile = put(root, 'usr/local/share/ca-certificates/gov.crt', stateRoot.pem);
    const derFile = put(root, 'etc/pki/ca-trust/source/anchors/sub.der', stateSub.der);
    put(root, 'usr/local/share/ca-certificates/acme.crt', corporateRoot.pem);
    // The generated bundle holds the state root too: still one finding, pointing at the source file.
    put(root, 'etc/ssl/certs/ca-certificates.crt', [...normalRoots, stateRoot, corporateRoot].map((c) => c.pem).join(''));
    const data = await check.gather(fakeContext({ root }), {});
    const result = check.evaluate(data, {});

    const state = result.findings.filter((f) => f.message === 'stateCertLinux');
    expect(state.map((f) => [f.data?.name, f.path, f.severity, f.fix])).toEqual([
      ['Test State Root CA', pemFile, 'high', 'fixLinux'],
      ['Test State Sub CA', derFile, 'high', 'fixLinux'],
    ]);
    expect(result.findings.filter((f) => f.message === 'userRootLinux').map((f) => f.data?.name)).toEqual(['ACME Internal Root']);
    expect(result.status).toBe('fail');
    expect(data.certificates).toHaveLength(6);
  });

  it('when the state root is only in a generated bundle, says to remove it at its source', async () => {
    const root = linuxRoot();
    put(root, 'etc/ssl/certs/ca-certificates.crt', [...normalRoots, stateRoot].map((c) => c.pem).join(''));
    const result = check.evaluate(await check.gather(fakeContext({ root }), {}), {});
    expect(result.findings.map((f) => [f.message, f.fix])).toEqual([['stateCertLinux', 'fixLinuxBundle']]);
  });

  it('recognises other certificates of a state authority by name, as high with an explanation', async () => {
    const root = linuxRoot();
    put(root, 'usr/local/share/ca-certificates/ru.crt', russianLookalike.pem);
    const result = check.evaluate(await check.gather(fakeContext({ root }), {}), {});
    expect(messages(result)).toEqual(['stateCertLinux', 'matchedByName']);
    expect(result.findings[0]?.severity).toBe('high');
    expect(result.findings[1]?.data?.rule).toBe('Russian Trusted CA (Ministry of Digital Development)');
  });

  it('a site certificate issued by a state authority is not mistaken for the authority', async () => {
    const site = makeCert({ C: 'RU', O: 'Some Bank', CN: 'online.bank.example' }, russianLookalike);
    const dir = tempDir();
    put(dir, 'site.pem', site.pem);
    const result = check.evaluate(await check.gather(fakeContext({ paths: [dir] }), {}), {});
    expect(result).toEqual({ status: 'pass', findings: [] });
  });

  it('a clean system store passes', async () => {
    const result = check.evaluate(await check.gather(fakeContext({ root: linuxRoot() }), {}), {});
    expect(result).toEqual({ status: 'pass', findings: [] });
  });

  it('no store at all is a warning, not a pass', async () => {
    const result = check.evaluate(await check.gather(fakeContext(), {}), {});
    expect(result.status).toBe('warn');
    expect(messages(result)).toEqual(['noStoreFound']);
  });
});

describe('state-root-certificates in browser (NSS) databases', () => {
  function nssHome(): { home: string; db: string } {
    const home = tempDir('safestep-home-');
    const db = path.join(home, '.pki', 'nssdb');
    put(db, 'cert9.db', 'SQLite format 3\0');
    return { home, db };
  }

  function certutil(db: string, entries: { nickname: string; flags: string; cert: TestCert }[]) {
    const listing = [
      '',
      'Certificate Nickname                                         Trust Attributes',
      '                                                             SSL,S/MIME,JAR/XPI',
      '',
      ...entries.map((e) => `${e.nickname.padEnd(60)} ${e.flags}`),
    ].join('\n');
    const table: Record<string, Partial<CommandResult>> = { [`certutil -d sql:${db} -L`]: { stdout: listing } };
    for (const e of entries) table[`certutil -d sql:${db} -L -n ${e.nickname} -a`] = { stdout: e.cert.pem };
    return scriptedRunner(table);
  }

  it('trusted state root: high; stored but untrusted: medium; hand-added trusted root: warning', async () => {
    const { home, db } = nssHome();
    const run = certutil(db, [
      { nickname: 'Test State Root CA', flags: 'CT,C,C', cert: stateRoot },
      { nickname: 'Test State Sub CA', flags: ',,', cert: stateSub },
      { nickname: 'ACME Internal Root', flags: 'C,,', cert: corporateRoot },
    ]);
    const result = check.evaluate(await check.gather(fakeContext({ home, run }), {}), {});
    expect(result.findings.map((f) => [f.message, f.severity, f.data?.nickname])).toEqual([
      ['stateCertNss', 'high', 'Test State Root CA'],
      ['stateCertNssUntrusted', 'medium', 'Test State Sub CA'],
      ['userRootNss', 'medium', 'ACME Internal Root'],
    ]);
  });

  it('without certutil says what could not be read, and still spots known names in the raw database', async () => {
    const { home, db } = nssHome();
    put(db, 'cert9.db', Buffer.concat([Buffer.from('SQLite format 3\0'), russianLookalike.der]));
    const firefox = path.join(home, '.mozilla', 'firefox', 'abcd.default-release');
    put(firefox, 'cert9.db', 'SQLite format 3\0');
    const result = check.evaluate(await check.gather(fakeContext({ home }), {}), {});
    expect(result.findings.map((f) => [f.message, f.path])).toEqual([
      ['stateNameInNss', db],
      ['certutilMissing', db],
      ['certutilMissing', firefox],
    ]);
    expect(result.status).toBe('fail');
  });
});

describe('state-root-certificates on macOS and Windows', () => {
  it('macOS: reads the keychains and the trust settings through `security`', async () => {
    const run = scriptedRunner({
      'security find-certificate -a -p': { stdout: normalRoots[0]?.pem + stateRoot.pem },
      'security find-certificate -a -p /Library/Keychains/System.keychain': { stdout: normalRoots[1]?.pem ?? '' },
      'security dump-trust-settings': { stdout: 'Number of trusted certs = 1\nCert 0: ACME Internal Root\n   Number of trust settings : 0\n' },
      'security dump-trust-settings -d': { code: 1, stderr: 'SecTrustSettingsCopyCertificates: No Trust Settings were found.' },
    });
    const result = check.evaluate(await check.gather(fakeContext({ platform: 'darwin', run }), {}), {});
    expect(result.findings.map((f) => [f.message, f.data?.name])).toEqual([
      ['stateCertMac', 'Test State Root CA'],
      ['userRootMac', 'ACME Internal Root'],
    ]);
    expect(result.findings[0]?.data?.sha1).toBe(stateRoot.sha1);
  });

  it('Windows: reads the root stores through PowerShell', async () => {
    const lines = [
      `CurrentUser\\Root ${normalRoots[0]?.der.toString('base64')}`,
      `LocalMachine\\Root ${stateRoot.der.toString('base64')}`,
    ].join('\r\n');
    const run = scriptedRunner({ 'powershell.exe *': { stdout: lines } });
    const result = check.evaluate(await check.gather(fakeContext({ platform: 'win32', run }), {}), {});
    expect(result.findings.map((f) => [f.message, f.data?.path, f.data?.sha1])).toEqual([
      ['stateCertWindows', 'LocalMachine\\Root', stateRoot.sha1],
    ]);
  });

  it('Windows: a failing PowerShell is reported, not passed', async () => {
    const run = scriptedRunner({ 'powershell.exe *': { code: 1 } });
    const result = check.evaluate(await check.gather(fakeContext({ platform: 'win32', run }), {}), {});
    expect(result.status).toBe('warn');
    expect(messages(result)).toEqual(['storeUnreadable']);
  });
});

describe('state-root-certificates on named files', () => {
  it('finds the state root in PEM, DER and PKCS#7 files and folders', async () => {
    const dir = tempDir();
    const files = [
      put(dir, 'a.pem', stateRoot.pem),
      put(dir, 'b.cer', stateRoot.der),
      put(dir, 'c.p7b', pkcs7([normalRoots[0] as TestCert, stateSub]).der),
      put(dir, 'sub/d.p7c', pkcs7([stateRoot]).pem),
    ];
    put(dir, 'e.pem', corporateRoot.pem);
    const result = check.evaluate(await check.gather(fakeContext({ paths: [dir] }), {}), {});
    const hits = result.findings.filter((f) => f.message === 'stateCertFile');
    expect(hits.map((f) => f.path).sort()).toEqual([...files].sort());
    // A named file is not a trust store: an unknown root in it is no warning.
    expect(messages(result).filter((m) => m !== 'stateCertFile')).toEqual([]);
  });

  it('reports a named path that does not exist', async () => {
    const missing = path.join(tempDir(), 'nope.pem');
    const result = check.evaluate(await check.gather(fakeContext({ paths: [missing] }), {}), {});
    expect(messages(result)).toEqual(['storeUnreadable']);
    expect(result.status).toBe('warn');
  });
});

describe('state-root-certificates parsers and evaluate', () => {
  it('parses certutil listings, trust settings and PowerShell output', () => {
    expect(parseCertutilList('Certificate Nickname      Trust Attributes\n                  SSL,S/MIME,JAR/XPI\n\nMy Root CA    CT,C,C\nsome intermediate   ,,\nОрг корень  c,,\n')).toEqual([
      { nickname: 'My Root CA', trusted: true },
      { nickname: 'some intermediate', trusted: false },
      { nickname: 'Орг корень', trusted: false },
    ]);
    expect(parseTrustSettings('Cert 0: A\n  x\nCert 1: B C\n')).toEqual(['A', 'B C']);
    expect(parseWindowsListing('X\\Root QUJD\r\ngarbage line here\r\n')).toEqual([{ store: 'X\\Root', der: Buffer.from('ABC') }]);
  });

  it('every message and fix used exists in both languages', () => {
    const data: CertStoreData = {
      certificates: [
        {
          sha256: stateRoot.sha256,
          sha1: stateRoot.sha1,
          locations: (['linux', 'nss', 'macos', 'windows', 'file'] as const).map((family) => ({ family, where: `/${family}`, userAdded: false, trusted: null })),
        },
      ],
      problems: [
        { family: 'nss', where: '/n', reason: 'certutil-missing' },
        { family: 'linux', where: '/d', reason: 'denied' },
        { family: 'macos', where: 'kc', reason: 'timed-out' },
      ],
      storesRead: 1,
      nameHits: [{ where: '/db', rule: 'x' }],
      macTrustSettings: ['Russian Trusted Root CA', 'Other'],
    };
    const result = check.evaluate(data, {});
    expect(result.findings.length).toBeGreaterThan(8);
    for (const f of result.findings) {
      for (const id of [f.message, f.fix].filter((x): x is string => Boolean(x))) {
        expect(check.meta.messages[id]?.en, id).toBeTruthy();
        expect(check.meta.messages[id]?.ru, id).toBeTruthy();
      }
    }
  });

  it('the fixture files have the fingerprints the table says', () => {
    const pem = readFileSync(path.join(FIXTURES, 'russian-trusted-root-ca.pem'));
    expect(extractCertificates(pem).map(sha256Hex)).toEqual(['D26D2D0231B7C39F92CC738512BA54103519E4405D68B5BD703E9788CA8ECF31']);
  });
});
