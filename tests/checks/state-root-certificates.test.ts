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
import { certificateNames, extractCertificates, sha256Hex } from '../../src/crypto/certificates.js';
import type { Answer } from '../../src/check-kit/replay.js';
import { CheckTester, type FakeTree } from '../helpers/check-tester.js';
import { makeCert, pkcs7, type TestCert } from './cert-helpers.js';

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
const tester = new CheckTester(check);
const shipped = new CheckTester(defaultCheck);

/** A Linux system store with three ordinary roots, plus whatever a test adds. */
function linuxRoot(extra: FakeTree = {}): FakeTree {
  const tree: Record<string, string | Buffer> = {};
  normalRoots.forEach((c, i) => (tree[`etc/ssl/certs/Honest_Root_${i}.pem`] = c.pem));
  tree['etc/ssl/certs/ca-certificates.crt'] = normalRoots.map((c) => c.pem).join('');
  return { ...tree, ...extra };
}

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

  shipped.gather([
    {
      name: 'recognises the real Russian Trusted Root CA and Qaznet Trust Network certificates',
      paths: [path.join(FIXTURES, 'russian-trusted-root-ca.pem'), path.join(FIXTURES, 'qaznet-trust-network.der')],
      status: 'fail',
      findings: [
        { message: 'stateCertFile', data: { name: 'Russian Trusted Root CA' } },
        { message: 'stateCertFile', data: { name: 'Qaznet Trust Network' } },
      ],
    },
  ]);
});

describe('state-root-certificates on Linux', () => {
  tester.gather([
    {
      name: 'finds a state root in the system store as PEM and as DER, and lists a hand-added root',
      root: linuxRoot({
        'usr/local/share/ca-certificates/gov.crt': stateRoot.pem,
        'etc/pki/ca-trust/source/anchors/sub.der': stateSub.der,
        'usr/local/share/ca-certificates/acme.crt': corporateRoot.pem,
        // The generated bundle holds the state root too: still one finding, pointing at the source file.
        'etc/ssl/certs/ca-certificates.crt': [...normalRoots, stateRoot, corporateRoot].map((c) => c.pem).join(''),
      }),
      status: 'fail',
      data: (data, { root }) => {
        expect(data.certificates).toHaveLength(6);
        expect(data.certificates.find((c) => c.sha256 === stateRoot.sha256)?.locations.some((l) => l.where === path.join(root, 'usr/local/share/ca-certificates/gov.crt'))).toBe(true);
      },
      findings: [
        { message: 'stateCertLinux', severity: 'high', fix: 'fixLinux', data: { name: 'Test State Root CA' } },
        { message: 'userRootLinux', data: { name: 'ACME Internal Root' } },
        { message: 'stateCertLinux', severity: 'high', fix: 'fixLinux', data: { name: 'Test State Sub CA' } },
      ],
    },
    {
      name: 'when the state root is only in a generated bundle, says to remove it at its source',
      root: linuxRoot({ 'etc/ssl/certs/ca-certificates.crt': [...normalRoots, stateRoot].map((c) => c.pem).join('') }),
      findings: [{ message: 'stateCertLinux', fix: 'fixLinuxBundle' }],
    },
    {
      name: 'recognises other certificates of a state authority by name, as high with an explanation',
      root: linuxRoot({ 'usr/local/share/ca-certificates/ru.crt': russianLookalike.pem }),
      findings: [
        { message: 'stateCertLinux', severity: 'high' },
        { message: 'matchedByName', severity: 'info', data: { rule: 'Russian Trusted CA (Ministry of Digital Development)' } },
      ],
    },
    {
      name: 'a site certificate issued by a state authority is not mistaken for the authority',
      root: { 'site/site.pem': makeCert({ C: 'RU', O: 'Some Bank', CN: 'online.bank.example' }, russianLookalike).pem },
      paths: ({ root }) => [path.join(root, 'site')],
      status: 'pass',
      findings: [],
    },
    { name: 'a clean system store passes', root: linuxRoot(), status: 'pass', findings: [] },
    { name: 'no store at all is a warning, not a pass', status: 'warn', findings: ['noStoreFound'] },
  ]);
});

describe('state-root-certificates finding paths', () => {
  it('points a state root at the file a person added, not at the generated bundle', async () => {
    const { result, dirs } = await tester.gatherOn({
      root: linuxRoot({
        'usr/local/share/ca-certificates/gov.crt': stateRoot.pem,
        'etc/ssl/certs/ca-certificates.crt': [...normalRoots, stateRoot].map((c) => c.pem).join(''),
      }),
    });
    expect(result.findings.map((f) => [f.message, f.path])).toEqual([['stateCertLinux', path.join(dirs.root, 'usr/local/share/ca-certificates/gov.crt')]]);
  });
});

describe('state-root-certificates in browser (NSS) databases', () => {
  const db = '.pki/nssdb';
  function certutil(entries: { nickname: string; flags: string; cert: TestCert }[]) {
    return ({ home }: { home: string }) => {
      const dir = path.join(home, db);
      const listing = [
        '',
        'Certificate Nickname                                         Trust Attributes',
        '                                                             SSL,S/MIME,JAR/XPI',
        '',
        ...entries.map((e) => `${e.nickname.padEnd(60)} ${e.flags}`),
      ].join('\n');
      const answers: Record<string, Answer> = { [`certutil -d sql:${dir} -L`]: { stdout: listing } };
      for (const e of entries) answers[`certutil -d sql:${dir} -L -n "${e.nickname}" -a`] = { stdout: e.cert.pem };
      return answers;
    };
  }

  tester.gather([
    {
      name: 'trusted state root: high; stored but untrusted: medium; hand-added trusted root: warning',
      home: { [`${db}/cert9.db`]: 'SQLite format 3\0' },
      commands: certutil([
        { nickname: 'Test State Root CA', flags: 'CT,C,C', cert: stateRoot },
        { nickname: 'Test State Sub CA', flags: ',,', cert: stateSub },
        { nickname: 'ACME Internal Root', flags: 'C,,', cert: corporateRoot },
      ]),
      findings: [
        { message: 'stateCertNss', severity: 'high', data: { nickname: 'Test State Root CA' } },
        { message: 'stateCertNssUntrusted', severity: 'medium', data: { nickname: 'Test State Sub CA' } },
        { message: 'userRootNss', severity: 'medium', data: { nickname: 'ACME Internal Root' } },
      ],
    },
    {
      name: 'without certutil says what could not be read, and still spots known names in the raw database',
      home: {
        [`${db}/cert9.db`]: Buffer.concat([Buffer.from('SQLite format 3\0'), russianLookalike.der]),
        '.mozilla/firefox/abcd.default-release/cert9.db': 'SQLite format 3\0',
      },
      status: 'fail',
      data: (_data, { home }) => expect(home).toBeTruthy(),
      findings: ['stateNameInNss', 'certutilMissing', 'certutilMissing'],
    },
  ]);

  it('points each problem at its database', async () => {
    const { result, dirs } = await tester.gatherOn({ home: { [`${db}/cert9.db`]: 'x', '.mozilla/firefox/p/cert9.db': 'x' } });
    expect(result.findings.map((f) => f.path)).toEqual([path.join(dirs.home, db), path.join(dirs.home, '.mozilla/firefox/p')]);
  });
});

describe('state-root-certificates on macOS and Windows', () => {
  tester.gather([
    {
      name: 'macOS: reads the keychains and the trust settings through `security`',
      platform: 'darwin',
      commands: {
        'security find-certificate -a -p': { stdout: normalRoots[0]!.pem + stateRoot.pem },
        'security find-certificate -a -p /Library/Keychains/System.keychain': { stdout: normalRoots[1]!.pem },
        'security dump-trust-settings': { stdout: 'Number of trusted certs = 1\nCert 0: ACME Internal Root\n   Number of trust settings : 0\n' },
        'security dump-trust-settings -d': { code: 1, stderr: 'SecTrustSettingsCopyCertificates: No Trust Settings were found.' },
      },
      findings: [
        { message: 'stateCertMac', data: { name: 'Test State Root CA', sha1: stateRoot.sha1 } },
        { message: 'userRootMac', data: { name: 'ACME Internal Root' } },
      ],
    },
    {
      name: 'Windows: reads the root stores through PowerShell',
      platform: 'win32',
      commands: { 'powershell.exe *': { stdout: [`CurrentUser\\Root ${normalRoots[0]!.der.toString('base64')}`, `LocalMachine\\Root ${stateRoot.der.toString('base64')}`].join('\r\n') } },
      findings: [{ message: 'stateCertWindows', data: { path: 'LocalMachine\\Root', sha1: stateRoot.sha1 } }],
    },
    { name: 'Windows: a failing PowerShell is reported, not passed', platform: 'win32', commands: { 'powershell.exe *': { code: 1 } }, status: 'warn', findings: ['storeUnreadable'] },
  ]);
});

describe('state-root-certificates on named files', () => {
  tester.gather([
    {
      name: 'finds the state root in PEM, DER and PKCS#7 files and folders; an unknown root in a named file is no warning',
      root: {
        'named/a.pem': stateRoot.pem,
        'named/b.cer': stateRoot.der,
        'named/c.p7b': pkcs7([normalRoots[0] as TestCert, stateSub]).der,
        'named/sub/d.p7c': pkcs7([stateRoot]).pem,
        'named/e.pem': corporateRoot.pem,
      },
      paths: ({ root }) => [path.join(root, 'named')],
      data: (data, { root }) => {
        const files = data.certificates.flatMap((c) => c.locations.map((l) => path.relative(root, l.where)));
        expect([...new Set(files)].sort()).toEqual(['named/a.pem', 'named/b.cer', 'named/c.p7b', 'named/e.pem', 'named/sub/d.p7c']);
      },
      findings: ['stateCertFile', 'stateCertFile', 'stateCertFile', 'stateCertFile'],
    },
    {
      name: 'reports a named path that does not exist',
      paths: ({ root }) => [path.join(root, 'nope.pem')],
      status: 'warn',
      findings: ['storeUnreadable'],
    },
  ]);
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

  it('every message and fix a result can use is declared and filled in both languages', () => {
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
    // The tester checks that every message and fix exists and is filled in both languages.
    expect(tester.evaluate(data).findings.length).toBeGreaterThan(8);
  });

  it('the fixture files have the fingerprints the table says', () => {
    const pem = readFileSync(path.join(FIXTURES, 'russian-trusted-root-ca.pem'));
    expect(extractCertificates(pem).map(sha256Hex)).toEqual(['D26D2D0231B7C39F92CC738512BA54103519E4405D68B5BD703E9788CA8ECF31']);
  });
});
