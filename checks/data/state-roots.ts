// Certificate authorities run by states to intercept their citizens' encrypted
// traffic, identified by the SHA-256 of the certificate's DER encoding (the
// "SHA-256 fingerprint" browsers and `openssl x509 -fingerprint -sha256` show).
//
// Every fingerprint below was recomputed for this file from a copy of the
// certificate itself (SHA-256 over the DER) and compared with the published
// value named in `sources`. `crt.sh/?sha256=` links let anyone look a
// certificate up by the same fingerprint.
//
// Certificates we could not pin down with a confirmed fingerprint are covered
// by the name rules at the end instead of by a guessed hash.

export interface Source {
  title: string;
  url: string;
}

export interface StateCertificate {
  /** Subject common name as people know it. */
  name: string;
  country: 'RU' | 'KZ';
  /** A self-signed root, or an intermediate issued under one. */
  kind: 'root' | 'intermediate';
  /** SHA-256 of the DER, upper-case hex without separators. */
  sha256: string;
  subject: string;
  validity: string;
  sources: readonly Source[];
  /** How sure we are of the fingerprint, when less than fully. */
  note?: string;
}

const crtSh = (sha256: string): Source => ({ title: 'crt.sh lookup by SHA-256', url: `https://crt.sh/?sha256=${sha256}` });

const GOSUSLUGI: Source = {
  title: 'Gosuslugi: certificates of the Russian national certification authority (where they are handed out)',
  url: 'https://www.gosuslugi.ru/crt',
};
const EFF_2022: Source = {
  title: 'EFF: You Should Not Trust Russia\'s New "Trusted Root CA" (March 2022)',
  url: 'https://www.eff.org/deeplinks/2022/03/you-should-not-trust-russias-new-trusted-root-ca',
};
const CHROMIUM_BLOCKLIST: Source = {
  title: 'Chromium certificate blocklist (files named by the SHA-256 of the DER)',
  url: 'https://chromium.googlesource.com/chromium/src/+/main/net/data/ssl/blocklist/README.md',
};
const GOOGLE_KZ_2019: Source = {
  title: 'Google Security Blog: Protecting Chrome users in Kazakhstan (August 2019)',
  url: 'https://security.googleblog.com/2019/08/protecting-chrome-users-in-kazakhstan.html',
};

export const STATE_CERTIFICATES: readonly StateCertificate[] = [
  {
    name: 'Russian Trusted Root CA',
    country: 'RU',
    kind: 'root',
    sha256: 'D26D2D0231B7C39F92CC738512BA54103519E4405D68B5BD703E9788CA8ECF31',
    subject: 'C=RU, O=The Ministry of Digital Development and Communications, CN=Russian Trusted Root CA',
    validity: '2022-03-01 to 2032-02-27',
    sources: [GOSUSLUGI, EFF_2022, crtSh('D26D2D0231B7C39F92CC738512BA54103519E4405D68B5BD703E9788CA8ECF31')],
  },
  {
    name: 'Russian Trusted Sub CA (2022)',
    country: 'RU',
    kind: 'intermediate',
    sha256: 'BBBDE2103E790B999EC62BD03CF625A5A2E7C316E10AFE6A490EEDEAD8B3FD9B',
    subject: 'C=RU, O=The Ministry of Digital Development and Communications, CN=Russian Trusted Sub CA (serial 0x1002)',
    validity: '2022-03-02 to 2027-03-06',
    sources: [GOSUSLUGI, crtSh('BBBDE2103E790B999EC62BD03CF625A5A2E7C316E10AFE6A490EEDEAD8B3FD9B')],
  },
  {
    name: 'Russian Trusted Sub CA (2024)',
    country: 'RU',
    kind: 'intermediate',
    sha256: '2155785036C900DBB5F1BB2A1569C80C55595BD6BF94867A29BBDDBC7D88A3F2',
    subject: 'C=RU, O=The Ministry of Digital Development and Communications, CN=Russian Trusted Sub CA (serial 0x1005)',
    validity: '2024-07-15 to 2029-07-19',
    sources: [GOSUSLUGI, crtSh('2155785036C900DBB5F1BB2A1569C80C55595BD6BF94867A29BBDDBC7D88A3F2')],
  },
  {
    name: 'Минцифры России НУЦ корневой (GOST, 2025)',
    country: 'RU',
    kind: 'root',
    sha256: '5B51DB721B7C34958ED7432AE917A91297DD37508B2CAE4F858FFBAC6BC525EF',
    subject: 'C=RU, O=Минцифры России, CN=Минцифры России НУЦ корневой',
    validity: '2025-05-28 to 2040-05-24',
    sources: [GOSUSLUGI, crtSh('5B51DB721B7C34958ED7432AE917A91297DD37508B2CAE4F858FFBAC6BC525EF')],
  },
  {
    name: 'Минцифры России НУЦ подчиненный (GOST, 2025)',
    country: 'RU',
    kind: 'intermediate',
    sha256: 'B809281BF07B865BCDD7F5746BF1EBB7CCEE093D5C63B016DD91EE3B22CDA8D1',
    subject: 'C=RU, O=Минцифры России, CN=Минцифры России НУЦ подчиненный',
    validity: '2025-05-28 to 2030-05-27',
    sources: [GOSUSLUGI, crtSh('B809281BF07B865BCDD7F5746BF1EBB7CCEE093D5C63B016DD91EE3B22CDA8D1')],
  },
  {
    name: 'Qaznet Trust Network',
    country: 'KZ',
    kind: 'root',
    sha256: '00309C736DD661DA6F1EB24173AA849944C168A43A15BFFD192EECFDB6F8DBD2',
    subject: 'C=KZ, CN=Qaznet Trust Network',
    validity: '2016-02-02 to 2046-02-02 (pushed to users in July 2019)',
    sources: [CHROMIUM_BLOCKLIST, GOOGLE_KZ_2019, crtSh('00309C736DD661DA6F1EB24173AA849944C168A43A15BFFD192EECFDB6F8DBD2')],
  },
  {
    name: 'Information Security Certification Authority CA',
    country: 'KZ',
    kind: 'root',
    sha256: '61C0FC2E38B5B6F9071B42CEE54A9013D858B6697C68B460948551B3249576A1',
    subject: 'CN=Information Security Certification Authority CA, O=ISCA, C=KZ',
    validity: '2020-02-28 to 2040-02-28 (used in December 2020)',
    sources: [CHROMIUM_BLOCKLIST, crtSh('61C0FC2E38B5B6F9071B42CEE54A9013D858B6697C68B460948551B3249576A1')],
  },
  {
    name: 'Information Security Certification Authority',
    country: 'KZ',
    kind: 'root',
    sha256: '1DF696F021AB1C3ACE9A376B07ED7256A40214CD3396D7934087614924E2D7EF',
    subject: 'CN=Information Security Certification Authority, O=ISCA, C=KZ',
    validity: '2020-02-28 to 2040-02-28 (used in December 2020)',
    sources: [CHROMIUM_BLOCKLIST, crtSh('1DF696F021AB1C3ACE9A376B07ED7256A40214CD3396D7934087614924E2D7EF')],
  },
];

/**
 * Secondary rule: a certificate whose subject or issuer carries one of these
 * names belongs to (or was issued by) a state interception authority, even if
 * its fingerprint is not in the table (a newer generation, a re-issue). Matches
 * need every listed attribute to be equal (CN as a prefix).
 */
export interface StateNameRule {
  name: string;
  country: 'RU' | 'KZ';
  match: { C?: string; O?: string; CNPrefix?: string };
  sources: readonly Source[];
}

export const STATE_NAME_RULES: readonly StateNameRule[] = [
  {
    name: 'Russian Trusted CA (Ministry of Digital Development)',
    country: 'RU',
    match: { C: 'RU', O: 'The Ministry of Digital Development and Communications', CNPrefix: 'Russian Trusted' },
    sources: [GOSUSLUGI, EFF_2022],
  },
  {
    name: 'Минцифры России НУЦ (GOST)',
    country: 'RU',
    match: { C: 'RU', O: 'Минцифры России', CNPrefix: 'Минцифры России НУЦ' },
    sources: [GOSUSLUGI],
  },
  {
    name: 'Qaznet Trust Network',
    country: 'KZ',
    match: { C: 'KZ', CNPrefix: 'Qaznet Trust Network' },
    sources: [CHROMIUM_BLOCKLIST, GOOGLE_KZ_2019],
  },
  {
    name: 'Information Security Certification Authority (ISCA)',
    country: 'KZ',
    match: { C: 'KZ', O: 'ISCA', CNPrefix: 'Information Security Certification Authority' },
    sources: [CHROMIUM_BLOCKLIST],
  },
];
