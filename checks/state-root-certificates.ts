// State interception certificate authorities in this computer's trust stores.
// A trusted root lets whoever holds its key impersonate any website to this
// computer; Russia (2022-) and Kazakhstan (2015, 2019, 2020) have pushed such
// roots to their citizens. Known ones are recognised by the SHA-256 of their
// DER encoding (checks/data/state-roots.ts), others of the same authorities by
// name; any other root someone added by hand is listed as a warning.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  certificateNames,
  extractCertificates,
  formatName,
  sha1Hex,
  sha256Hex,
  type NameSummary,
} from '../src/checks/certificates.js';
import { systemPath } from '../src/checks/context.js';
import { fsProblem, listDir, readHead, type FsProblem } from '../src/checks/files.js';
import { statusFromFindings } from '../src/checks/format.js';
import { defineCheck, type Check, type CheckContext, type Finding } from '../src/checks/types.js';
import { STATE_CERTIFICATES, STATE_NAME_RULES, type StateCertificate, type StateNameRule } from './data/state-roots.js';

const MAX_STORE_FILE_BYTES = 8 * 1024 * 1024;
const MAX_NSS_DB_BYTES = 64 * 1024 * 1024;
const MAX_NSS_NICKNAMES = 300;
const COMMAND_TIMEOUT_MS = 4000;

/** System stores on Linux (and the bundles some other systems keep in the same places). */
export const SYSTEM_STORES: readonly { dir: string; userAdded: boolean }[] = [
  { dir: '/etc/ssl/certs', userAdded: false },
  { dir: '/usr/local/share/ca-certificates', userAdded: true },
  { dir: '/etc/pki/ca-trust/source/anchors', userAdded: true },
  { dir: '/usr/share/ca-certificates/trust-source/anchors', userAdded: true },
  { dir: '/etc/ca-certificates/trust-source/anchors', userAdded: true },
];
export const SYSTEM_BUNDLES: readonly string[] = [
  '/etc/ssl/cert.pem',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ca-certificates/extracted/tls-ca-bundle.pem',
];

export type StoreFamily = 'linux' | 'nss' | 'macos' | 'windows' | 'file';

export interface CertLocation {
  family: StoreFamily;
  /** File, folder (NSS database) or store name (Windows). */
  where: string;
  /** Added by a person rather than shipped with the system (anchors folders, NSS trust flags, macOS trust settings). */
  userAdded: boolean;
  /** The file holds many certificates (a generated bundle), so it is not the file to delete. */
  bundle?: boolean;
  /** NSS: whether the trust flags make it a trusted CA for websites; null when unknown. */
  trusted: boolean | null;
  nickname?: string;
}

export interface SeenCertificate {
  sha256: string;
  sha1: string;
  /** Only read for certificates a name rule or a warning needs (parsing all 150 system roots is wasted work). */
  subject?: NameSummary;
  issuer?: NameSummary;
  locations: CertLocation[];
}

export type StoreProblemReason = FsProblem | 'certutil-missing' | 'command-failed' | 'timed-out';

export interface StoreProblem {
  family: StoreFamily;
  where: string;
  reason: StoreProblemReason;
}

export interface CertStoreData {
  certificates: SeenCertificate[];
  problems: StoreProblem[];
  /** Stores (folders, bundles, databases, command outputs) that were read. */
  storesRead: number;
  /** Rule names found as raw text in NSS databases we could not open properly. */
  nameHits: { where: string; rule: string }[];
  /** macOS: names of certificates that carry user or admin trust settings. */
  macTrustSettings: string[];
}

// ---------------------------------------------------------------------------

class Collector {
  readonly byHash = new Map<string, SeenCertificate>();
  readonly data: CertStoreData = { certificates: [], problems: [], storesRead: 0, nameHits: [], macTrustSettings: [] };
  private readonly markers: Buffer[];

  constructor(rules: readonly StateNameRule[]) {
    this.markers = rules.flatMap((r) => (r.match.CNPrefix ? [Buffer.from(r.match.CNPrefix, 'utf8')] : []));
  }

  add(der: Buffer, location: CertLocation): void {
    const sha256 = sha256Hex(der);
    let seen = this.byHash.get(sha256);
    if (!seen) {
      seen = { sha256, sha1: sha1Hex(der), locations: [] };
      this.byHash.set(sha256, seen);
      this.data.certificates.push(seen);
    }
    const needsNames = location.userAdded || location.trusted === true || this.markers.some((m) => der.includes(m));
    if (needsNames && !seen.subject) {
      const names = certificateNames(der);
      if (names) {
        seen.subject = names.subject;
        seen.issuer = names.issuer;
      }
    }
    if (!seen.locations.some((l) => l.family === location.family && l.where === location.where && l.nickname === location.nickname)) {
      seen.locations.push(location);
    }
  }

  problem(family: StoreFamily, where: string, reason: StoreProblemReason): void {
    this.data.problems.push({ family, where, reason });
  }

  rawMarkers(rules: readonly StateNameRule[], bytes: Buffer, where: string): void {
    for (const rule of rules) {
      if (rule.match.CNPrefix && bytes.includes(Buffer.from(rule.match.CNPrefix, 'utf8'))) {
        this.data.nameHits.push({ where, rule: rule.name });
      }
    }
  }
}

async function readCertFile(
  file: string,
  collector: Collector,
  location: (real: string) => CertLocation,
  seenFiles: Set<string>,
): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (error) {
    const problem = fsProblem(error);
    if (problem !== 'missing') collector.problem('file', file, problem);
    return;
  }
  if (seenFiles.has(real)) return;
  seenFiles.add(real);
  try {
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > MAX_STORE_FILE_BYTES) return;
    const bytes = await readHead(real, MAX_STORE_FILE_BYTES);
    const certs = extractCertificates(bytes);
    const loc = { ...location(real), ...(certs.length > 1 ? { bundle: true } : {}) };
    for (const der of certs) collector.add(der, loc);
  } catch (error) {
    collector.problem(location(real).family, real, fsProblem(error));
  }
}

/** Visits the files under a folder; false when the folder could not be listed. */
async function walk(dir: string, depth: number, visit: (file: string) => Promise<void>, onProblem: (p: FsProblem) => void): Promise<boolean> {
  const listing = await listDir(dir);
  if (!listing.ok) {
    if (listing.problem !== 'missing') onProblem(listing.problem);
    return false;
  }
  for (const name of listing.names) {
    const full = path.join(dir, name);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      continue; // dangling links are common in /etc/ssl/certs after package removals
    }
    if (stat.isDirectory()) {
      if (depth > 0) await walk(full, depth - 1, visit, onProblem);
    } else if (stat.isFile()) {
      await visit(full);
    }
  }
  return true;
}

async function gatherLinuxStores(ctx: CheckContext, collector: Collector, seenFiles: Set<string>): Promise<void> {
  const anchorRoots = SYSTEM_STORES.filter((s) => s.userAdded).map((s) => systemPath(ctx, s.dir));
  const locate = (real: string): CertLocation => ({
    family: 'linux',
    where: real,
    userAdded: anchorRoots.some((root) => real === root || real.startsWith(root + path.sep)),
    trusted: null,
  });
  for (const store of SYSTEM_STORES) {
    const dir = systemPath(ctx, store.dir);
    const listed = await walk(dir, 3, (file) => readCertFile(file, collector, locate, seenFiles), (problem) => collector.problem('linux', dir, problem));
    if (listed) collector.data.storesRead++;
  }
  for (const bundle of SYSTEM_BUNDLES) {
    const file = systemPath(ctx, bundle);
    const before = seenFiles.size;
    await readCertFile(file, collector, locate, seenFiles);
    if (seenFiles.size > before) collector.data.storesRead++;
  }
}

// --- NSS (Firefox, Chromium on Linux) --------------------------------------

export function nssCandidates(ctx: Pick<CheckContext, 'home' | 'platform' | 'env'>): { dirs: string[]; profileParents: string[] } {
  const home = ctx.home;
  if (ctx.platform === 'win32') {
    const appData = ctx.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
    return { dirs: [], profileParents: [path.join(appData, 'Mozilla', 'Firefox', 'Profiles')] };
  }
  if (ctx.platform === 'darwin') {
    return { dirs: [], profileParents: [path.join(home, 'Library', 'Application Support', 'Firefox', 'Profiles')] };
  }
  const dataHome = ctx.env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  return {
    dirs: [path.join(home, '.pki', 'nssdb'), path.join(dataHome, 'pki', 'nssdb')],
    profileParents: [
      path.join(home, '.mozilla', 'firefox'),
      path.join(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'),
      path.join(home, '.var', 'app', 'org.mozilla.firefox', '.mozilla', 'firefox'),
      path.join(home, '.librewolf'),
      path.join(home, '.thunderbird'),
    ],
  };
}

async function findNssDatabases(ctx: CheckContext): Promise<string[]> {
  const { dirs, profileParents } = nssCandidates(ctx);
  const candidates = [...dirs];
  for (const parent of profileParents) {
    const listing = await listDir(parent);
    if (listing.ok) candidates.push(...listing.names.map((n) => path.join(parent, n)));
  }
  const found: string[] = [];
  for (const dir of candidates) {
    try {
      if ((await fs.stat(path.join(dir, 'cert9.db'))).isFile()) found.push(dir);
    } catch {
      // not an NSS database
    }
  }
  return found;
}

/** Parses `certutil -L` listings: nickname, then the SSL,S/MIME,JAR trust flags. */
export function parseCertutilList(output: string): { nickname: string; trusted: boolean }[] {
  const out: { nickname: string; trusted: boolean }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.*?)\s+([a-zA-Z]*,[a-zA-Z]*,[a-zA-Z]*)\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const nickname = match[1].trim();
    if (nickname === '' || nickname === 'Certificate Nickname') continue;
    const ssl = match[2].split(',')[0] ?? '';
    out.push({ nickname, trusted: /[CT]/.test(ssl) });
  }
  return out;
}

async function gatherNss(ctx: CheckContext, collector: Collector, rules: readonly StateNameRule[]): Promise<void> {
  const databases = await findNssDatabases(ctx);
  for (const dir of databases) {
    // Windows' own certutil.exe is a different program with the same name.
    const listing = ctx.platform === 'win32' ? null : await ctx.run('certutil', ['-d', `sql:${dir}`, '-L'], { timeoutMs: COMMAND_TIMEOUT_MS });
    if (!listing || listing.notFound || listing.code !== 0) {
      if (listing?.timedOut) collector.problem('nss', dir, 'timed-out');
      else if (listing && !listing.notFound) collector.problem('nss', dir, 'command-failed');
      else collector.problem('nss', dir, 'certutil-missing');
      // Still look for the names of known authorities in the raw database bytes.
      try {
        const stat = await fs.stat(path.join(dir, 'cert9.db'));
        if (stat.size <= MAX_NSS_DB_BYTES) collector.rawMarkers(rules, await readHead(path.join(dir, 'cert9.db'), MAX_NSS_DB_BYTES), dir);
      } catch {
        // nothing more we can do; the problem is already recorded
      }
      continue;
    }
    collector.data.storesRead++;
    const entries = parseCertutilList(listing.stdout).slice(0, MAX_NSS_NICKNAMES);
    for (const entry of entries) {
      const pem = await ctx.run('certutil', ['-d', `sql:${dir}`, '-L', '-n', entry.nickname, '-a'], { timeoutMs: COMMAND_TIMEOUT_MS });
      if (pem.code !== 0) continue;
      for (const der of extractCertificates(Buffer.from(pem.stdout, 'latin1'))) {
        collector.add(der, { family: 'nss', where: dir, userAdded: entry.trusted, trusted: entry.trusted, nickname: entry.nickname });
      }
    }
  }
}

// --- macOS -------------------------------------------------------------------

/** Names from `security dump-trust-settings` ("Cert 0: NAME"). */
export function parseTrustSettings(output: string): string[] {
  const names: string[] = [];
  for (const match of output.matchAll(/^Cert \d+:\s*(.+?)\s*$/gm)) if (match[1]) names.push(match[1]);
  return names;
}

async function gatherMac(ctx: CheckContext, collector: Collector): Promise<void> {
  const keychains: { args: string[]; where: string }[] = [
    { args: ['find-certificate', '-a', '-p'], where: 'keychain search list' },
    { args: ['find-certificate', '-a', '-p', '/Library/Keychains/System.keychain'], where: '/Library/Keychains/System.keychain' },
  ];
  for (const keychain of keychains) {
    const result = await ctx.run('security', keychain.args, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (result.code !== 0) {
      collector.problem('macos', keychain.where, result.timedOut ? 'timed-out' : 'command-failed');
      continue;
    }
    collector.data.storesRead++;
    for (const der of extractCertificates(Buffer.from(result.stdout, 'latin1'))) {
      collector.add(der, { family: 'macos', where: keychain.where, userAdded: false, trusted: null });
    }
  }
  for (const args of [['dump-trust-settings'], ['dump-trust-settings', '-d']]) {
    const result = await ctx.run('security', args, { timeoutMs: COMMAND_TIMEOUT_MS });
    // "No Trust Settings were found" comes with a non-zero exit code.
    if (result.code === 0) collector.data.macTrustSettings.push(...parseTrustSettings(result.stdout));
  }
}

// --- Windows -----------------------------------------------------------------

export const WINDOWS_STORES = ['CurrentUser\\Root', 'LocalMachine\\Root', 'LocalMachine\\AuthRoot'] as const;

const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  `foreach ($s in @(${WINDOWS_STORES.map((s) => `'${s}'`).join(', ')})) {`,
  "  Get-ChildItem -Path ('Cert:\\' + $s) | ForEach-Object { $s + ' ' + [Convert]::ToBase64String($_.RawData) }",
  '}',
].join('\n');

/** Lines of "Store\Name BASE64DER" from the PowerShell listing. */
export function parseWindowsListing(output: string): { store: string; der: Buffer }[] {
  const out: { store: string; der: Buffer }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+)\s+([A-Za-z0-9+/=]+)\s*$/.exec(line);
    if (match?.[1] && match[2]) out.push({ store: match[1], der: Buffer.from(match[2], 'base64') });
  }
  return out;
}

async function gatherWindows(ctx: CheckContext, collector: Collector): Promise<void> {
  const result = await ctx.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_SCRIPT], { timeoutMs: 8000 });
  if (result.code !== 0) {
    collector.problem('windows', 'Cert:\\', result.timedOut ? 'timed-out' : 'command-failed');
    return;
  }
  collector.data.storesRead++;
  for (const { store, der } of parseWindowsListing(result.stdout)) {
    for (const cert of extractCertificates(der)) collector.add(cert, { family: 'windows', where: store, userAdded: false, trusted: null });
  }
}

// --- paths named by the user -------------------------------------------------

async function gatherPaths(ctx: CheckContext, collector: Collector, seenFiles: Set<string>): Promise<void> {
  const locate = (real: string): CertLocation => ({ family: 'file', where: real, userAdded: false, trusted: null });
  for (const given of ctx.paths) {
    const resolved = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(resolved);
    } catch (error) {
      collector.problem('file', resolved, fsProblem(error));
      continue;
    }
    // A path the user names is read even if a system store already covered it.
    const own = new Set<string>();
    if (stat.isDirectory()) {
      await walk(resolved, 2, (file) => readCertFile(file, collector, locate, own), (problem) => collector.problem('file', resolved, problem));
    } else {
      await readCertFile(resolved, collector, locate, own);
    }
    collector.data.storesRead++;
    for (const f of own) seenFiles.add(f);
  }
}

// ---------------------------------------------------------------------------
// Judgement

function matchesRule(name: NameSummary | undefined, rule: StateNameRule): boolean {
  if (!name) return false;
  const { C, O, CNPrefix } = rule.match;
  if (C !== undefined && name.C !== C) return false;
  if (O !== undefined && name.O !== O) return false;
  if (CNPrefix !== undefined && !(name.CN ?? '').startsWith(CNPrefix)) return false;
  return true;
}

const FAMILY_MESSAGE: Record<StoreFamily, { found: string; fix: string }> = {
  linux: { found: 'stateCertLinux', fix: 'fixLinux' },
  nss: { found: 'stateCertNss', fix: 'fixNss' },
  macos: { found: 'stateCertMac', fix: 'fixMac' },
  windows: { found: 'stateCertWindows', fix: 'fixWindows' },
  file: { found: 'stateCertFile', fix: 'fixFile' },
};

const LESSONS = ['state-root-certificate'];

/** One finding per certificate and store family (or per NSS database / named file), pointing at the place to remove it. */
function groupLocations(locations: CertLocation[]): CertLocation[][] {
  const groups = new Map<string, CertLocation[]>();
  for (const loc of locations) {
    const key = loc.family === 'nss' || loc.family === 'file' ? `${loc.family}:${loc.where}` : loc.family;
    const list = groups.get(key) ?? [];
    list.push(loc);
    groups.set(key, list);
  }
  return [...groups.values()];
}

export function evaluateStores(data: CertStoreData, table: readonly StateCertificate[], rules: readonly StateNameRule[]): Finding[] {
  const findings: Finding[] = [];
  const known = new Map(table.map((c) => [c.sha256.toUpperCase(), c]));
  for (const cert of data.certificates) {
    const entry = known.get(cert.sha256);
    // Name rules look at the subject: the certificate must be the authority itself, not a site certificate it issued.
    const rule = entry ? undefined : rules.find((r) => matchesRule(cert.subject, r));
    if (entry || rule) {
      const name = entry?.name ?? cert.subject?.CN ?? rule?.name ?? cert.sha256;
      for (const group of groupLocations(cert.locations)) {
        const first = group.find((l) => l.userAdded) ?? group.find((l) => !l.bundle) ?? group[0];
        if (!first) continue;
        const untrustedInNss = first.family === 'nss' && group.every((l) => l.trusted === false);
        const data: Record<string, string> = { name, path: first.where, sha1: cert.sha1, sha256: cert.sha256, nickname: first.nickname ?? name };
        const messages = FAMILY_MESSAGE[first.family];
        const fix = first.family === 'linux' && first.bundle ? 'fixLinuxBundle' : messages.fix;
        findings.push({
          message: untrustedInNss ? 'stateCertNssUntrusted' : messages.found,
          fix,
          severity: untrustedInNss ? 'medium' : 'high',
          data,
          lessons: LESSONS,
          ...(first.family === 'linux' || first.family === 'nss' || first.family === 'file' ? { path: first.where } : {}),
        });
      }
      if (!entry && rule) {
        findings.push({ message: 'matchedByName', severity: 'info', data: { name, rule: rule.name, subject: formatName(cert.subject ?? {}) }, lessons: LESSONS });
      }
      continue;
    }
    // Roots a person (or a program) added by hand.
    for (const loc of cert.locations) {
      if (!loc.userAdded) continue;
      const name = cert.subject?.CN ?? cert.subject?.O ?? cert.sha256.slice(0, 16);
      const data = { name, path: loc.where, sha1: cert.sha1, nickname: loc.nickname ?? name };
      if (loc.family === 'linux') findings.push({ message: 'userRootLinux', fix: 'fixUserRootLinux', severity: 'medium', data, path: loc.where, lessons: LESSONS });
      if (loc.family === 'nss') findings.push({ message: 'userRootNss', fix: 'fixUserRootNss', severity: 'medium', data, path: loc.where, lessons: LESSONS });
    }
  }
  const macFlagged = findings.some((f) => f.message === 'stateCertMac');
  for (const name of data.macTrustSettings) {
    const rule = rules.find((r) => r.match.CNPrefix && name.startsWith(r.match.CNPrefix));
    if (rule && macFlagged) continue;
    findings.push(
      rule
        ? { message: 'stateCertMac', fix: 'fixMacByName', severity: 'high', data: { name }, lessons: LESSONS }
        : { message: 'userRootMac', fix: 'fixUserRootMac', severity: 'medium', data: { name }, lessons: LESSONS },
    );
  }
  for (const hit of data.nameHits) {
    findings.push({ message: 'stateNameInNss', fix: 'fixNss', severity: 'high', data: { name: hit.rule, path: hit.where, nickname: hit.rule }, path: hit.where, lessons: LESSONS });
  }
  for (const problem of data.problems) {
    const message = problem.reason === 'certutil-missing' ? 'certutilMissing' : problem.reason === 'denied' ? 'storeDenied' : 'storeUnreadable';
    findings.push({
      message,
      ...(problem.reason === 'certutil-missing' ? { fix: 'fixCertutilMissing' } : {}),
      severity: 'low',
      data: { path: problem.where },
      path: problem.where,
      lessons: LESSONS,
    });
  }
  if (data.storesRead === 0 && data.problems.length === 0) {
    findings.push({ message: 'noStoreFound', severity: 'low', lessons: LESSONS });
  }
  return findings;
}

// ---------------------------------------------------------------------------

export interface StateRootOptions {
  table?: readonly StateCertificate[];
  rules?: readonly StateNameRule[];
}

/** The check with its fingerprint table and name rules; tests build one with their own table. */
export function createStateRootCheck(options: StateRootOptions = {}): Check<CertStoreData> {
  const table = options.table ?? STATE_CERTIFICATES;
  const rules = options.rules ?? STATE_NAME_RULES;
  return defineCheck<CertStoreData>({
    meta: {
      id: 'state-root-certificates',
      title: { en: 'No state interception certificates are trusted', ru: 'Государственным сертификатам для перехвата нет доверия' },
      failureTitle: { en: 'Trusted certificates on this computer need checking', ru: 'Доверенные сертификаты на этом компьютере требуют проверки' },
      description: {
        en: 'Looks through the certificate stores of this computer (the system store, Firefox and Chromium databases, the macOS keychains, the Windows root stores) and any certificate files you name for the certificate authorities Russia and Kazakhstan have pushed on their citizens, such as the Russian Trusted Root CA from Gosuslugi. A trusted state root lets its owner impersonate any website to this computer and read the traffic. Roots added by hand are listed too.',
        ru: 'Просматривает хранилища сертификатов этого компьютера (системное, базы Firefox и Chromium, связки ключей macOS, корневые хранилища Windows) и указанные вами файлы сертификатов в поисках удостоверяющих центров, которые Россия и Казахстан навязывают своим гражданам, например «Russian Trusted Root CA» с Госуслуг. Доверенный государственный корневой сертификат позволяет его владельцу выдавать себя за любой сайт и читать ваш трафик. Также показываются корневые сертификаты, добавленные вручную.',
      },
      topic: 'devices',
      platforms: ['linux', 'darwin', 'win32'],
      lessons: LESSONS,
      options: { type: 'object', properties: {}, additionalProperties: false },
      reads: [
        {
          en: 'Linux: certificate files in /etc/ssl/certs, /usr/local/share/ca-certificates, /etc/pki/ca-trust/source/anchors, /usr/share/ca-certificates/trust-source/anchors, /etc/ca-certificates/trust-source/anchors and the system bundles.',
          ru: 'Linux: файлы сертификатов в /etc/ssl/certs, /usr/local/share/ca-certificates, /etc/pki/ca-trust/source/anchors, /usr/share/ca-certificates/trust-source/anchors, /etc/ca-certificates/trust-source/anchors и системные наборы сертификатов.',
        },
        {
          en: 'Firefox and Chromium certificate databases (~/.pki/nssdb, ~/.local/share/pki/nssdb, Firefox profiles) through `certutil -d sql:DIR -L` when it is installed; otherwise only searched for the names of known authorities.',
          ru: 'Базы сертификатов Firefox и Chromium (~/.pki/nssdb, ~/.local/share/pki/nssdb, профили Firefox) через `certutil -d sql:ПАПКА -L`, если он установлен; иначе в них только ищутся названия известных центров.',
        },
        {
          en: 'macOS: runs `security find-certificate -a -p` and `security dump-trust-settings`. Windows: lists Cert:\\CurrentUser\\Root, Cert:\\LocalMachine\\Root and Cert:\\LocalMachine\\AuthRoot with PowerShell.',
          ru: 'macOS: выполняет `security find-certificate -a -p` и `security dump-trust-settings`. Windows: перечисляет Cert:\\CurrentUser\\Root, Cert:\\LocalMachine\\Root и Cert:\\LocalMachine\\AuthRoot через PowerShell.',
        },
        {
          en: 'Certificate files (PEM, DER, PKCS#7) and folders you name. Only public certificates are read; nothing is sent anywhere.',
          ru: 'Указанные вами файлы сертификатов (PEM, DER, PKCS#7) и папки. Читаются только открытые сертификаты; ничего никуда не отправляется.',
        },
      ],
      messages: {
        stateCertLinux: {
          en: '{name}, a certificate authority a state uses to intercept traffic, is trusted by this system ({path}). Whoever holds its key can make a certificate for any website (your mail, bank, messenger) and read or change your encrypted traffic on a network they control, and programs that use the system store will not warn you.',
          ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — считается доверенным в этой системе ({path}). Владелец его ключа может выпустить сертификат для любого сайта (вашей почты, банка, мессенджера) и читать или подменять ваш зашифрованный трафик в подконтрольной ему сети, а программы, использующие системное хранилище, ничего не заметят.',
        },
        stateCertNss: {
          en: '{name}, a certificate authority a state uses to intercept traffic, is trusted in the browser certificate database {path}. Whoever holds its key can impersonate any website in this browser and read what you send.',
          ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — отмечен как доверенный в базе сертификатов браузера {path}. Владелец его ключа может выдать себя в этом браузере за любой сайт и читать всё, что вы отправляете.',
        },
        stateCertNssUntrusted: {
          en: '{name}, a certificate authority a state uses to intercept traffic, is stored in the browser certificate database {path}, but is not marked as trusted for websites.',
          ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — хранится в базе сертификатов браузера {path}, но не отмечен как доверенный для сайтов.',
        },
        stateCertMac: {
          en: '{name}, a certificate authority a state uses to intercept traffic, is installed in a keychain on this Mac. If it is trusted, whoever holds its key can impersonate any website to Safari, Chrome and most apps and read the traffic.',
          ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — установлен в связку ключей этого Mac. Если ему доверяют, владелец ключа может выдать себя за любой сайт для Safari, Chrome и большинства приложений и читать трафик.',
        },
        stateCertWindows: {
          en: '{name}, a certificate authority a state uses to intercept traffic, is in the Windows root store ({path}). Whoever holds its key can impersonate any website to Edge, Chrome and most programs and read the traffic.',
          ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — находится в корневом хранилище Windows ({path}). Владелец его ключа может выдать себя за любой сайт для Edge, Chrome и большинства программ и читать трафик.',
        },
        stateCertFile: {
          en: 'The file {path} contains {name}, a certificate authority a state uses to intercept traffic. Installing it would let whoever holds its key impersonate any website to you.',
          ru: 'Файл {path} содержит {name} — удостоверяющий центр, с помощью которого государство перехватывает трафик. Если его установить, владелец ключа сможет выдавать себя перед вами за любой сайт.',
        },
        stateNameInNss: {
          en: 'The browser certificate database {path} contains the name "{name}". We could not read the database properly, so we cannot tell whether the certificate is trusted.',
          ru: 'В базе сертификатов браузера {path} встречается название «{name}». Прочитать базу как следует не удалось, поэтому неизвестно, доверяет ли ей браузер.',
        },
        matchedByName: {
          en: '{name} was recognised by its name ({subject}), not by a known fingerprint: it is probably a newer certificate of {rule}.',
          ru: '{name} опознан по названию ({subject}), а не по известному отпечатку: вероятно, это более новый сертификат центра «{rule}».',
        },
        fixLinux: {
          en: 'Remove the file and rebuild the store. Debian, Ubuntu: sudo rm {path:arg} && sudo update-ca-certificates --fresh. Fedora: sudo rm {path:arg} && sudo update-ca-trust. Arch: sudo trust anchor --remove {path:arg}. Sites that need this certificate (Gosuslugi, some Russian banks) can be opened in a separate browser profile or on a separate device.',
          ru: 'Удалите файл и пересоберите хранилище. Debian, Ubuntu: sudo rm {path:arg} && sudo update-ca-certificates --fresh. Fedora: sudo rm {path:arg} && sudo update-ca-trust. Arch: sudo trust anchor --remove {path:arg}. Сайты, которым нужен этот сертификат (Госуслуги, некоторые российские банки), можно открывать в отдельном профиле браузера или на отдельном устройстве.',
        },
        fixLinuxBundle: {
          en: '{path} is a bundle built from other files, so the certificate has to be removed at its source. `safestep check state-root-certificates /usr/share/ca-certificates /etc/pki/ca-trust/source` shows which file holds it. Delete that file (or unselect it in /etc/ca-certificates.conf), then run sudo update-ca-certificates --fresh (Debian, Ubuntu) or sudo update-ca-trust (Fedora, Arch).',
          ru: '{path} — набор, собранный из других файлов, поэтому удалять сертификат нужно в исходном файле. `safestep check state-root-certificates /usr/share/ca-certificates /etc/pki/ca-trust/source` покажет, в каком он файле. Удалите этот файл (или снимите отметку в /etc/ca-certificates.conf), затем выполните sudo update-ca-certificates --fresh (Debian, Ubuntu) или sudo update-ca-trust (Fedora, Arch).',
        },
        fixNss: {
          en: 'Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities, select "{nickname}" and press Delete or Distrust. Chromium and Chrome on Linux: Settings > Privacy and security > Security > Manage certificates. Or close the browser and run: certutil -d sql:{path} -D -n "{nickname}"',
          ru: 'Firefox: Настройки > Приватность и защита > Сертификаты > Просмотр сертификатов > Центры сертификации, выберите «{nickname}» и нажмите «Удалить или не доверять». Chromium и Chrome в Linux: Настройки > Конфиденциальность и безопасность > Безопасность > Настроить сертификаты. Или закройте браузер и выполните: certutil -d sql:{path} -D -n "{nickname}"',
        },
        fixMac: {
          en: 'Open Keychain Access, search for "{name}" in the System and login keychains and delete it. In Terminal: sudo security delete-certificate -Z {sha1} /Library/Keychains/System.keychain (and without sudo for the login keychain).',
          ru: 'Откройте «Связку ключей», найдите «{name}» в связках «Система» и «Вход» и удалите его. В Терминале: sudo security delete-certificate -Z {sha1} /Library/Keychains/System.keychain (и без sudo для связки «Вход»).',
        },
        fixMacByName: {
          en: 'Open Keychain Access, search for "{name}" in the System and login keychains and delete it.',
          ru: 'Откройте «Связку ключей», найдите «{name}» в связках «Система» и «Вход» и удалите его.',
        },
        fixWindows: {
          en: 'Run certmgr.msc (your account) and certlm.msc (the whole computer), open Trusted Root Certification Authorities > Certificates and delete "{name}". Or in PowerShell: Remove-Item Cert:\\CurrentUser\\Root\\{sha1}, and as administrator Remove-Item Cert:\\LocalMachine\\Root\\{sha1}.',
          ru: 'Запустите certmgr.msc (для вашей учётной записи) и certlm.msc (для всего компьютера), откройте «Доверенные корневые центры сертификации > Сертификаты» и удалите «{name}». Или в PowerShell: Remove-Item Cert:\\CurrentUser\\Root\\{sha1}, а от имени администратора Remove-Item Cert:\\LocalMachine\\Root\\{sha1}.',
        },
        fixFile: {
          en: 'Do not install this certificate. If a site or app asks you to, use it on a separate device or browser profile you keep only for that. If you already installed it, remove it; `safestep learn state-root-certificates` shows how on each system.',
          ru: 'Не устанавливайте этот сертификат. Если сайт или приложение этого требует, пользуйтесь им на отдельном устройстве или в отдельном профиле браузера только для этого. Если уже установили — удалите; `safestep learn state-root-certificates` покажет, как это сделать в каждой системе.',
        },
        userRootLinux: {
          en: 'A root certificate was added to this system by hand: "{name}" ({path}). Whoever holds its key can impersonate websites to this computer.',
          ru: 'В эту систему вручную добавлен корневой сертификат «{name}» ({path}). Владелец его ключа может выдавать себя за сайты перед этим компьютером.',
        },
        userRootNss: {
          en: 'The browser certificate database {path} trusts a certificate authority added by hand: "{nickname}".',
          ru: 'База сертификатов браузера {path} доверяет удостоверяющему центру, добавленному вручную: «{nickname}».',
        },
        userRootMac: {
          en: 'A certificate with custom trust settings is on this Mac: "{name}".',
          ru: 'На этом Mac есть сертификат с особыми настройками доверия: «{name}».',
        },
        fixUserRootLinux: {
          en: 'If you know it (your employer, a development tool), keep it. If not, remove it: sudo rm {path:arg}, then sudo update-ca-certificates --fresh (Debian, Ubuntu) or sudo update-ca-trust (Fedora, Arch).',
          ru: 'Если вы его знаете (работодатель, инструмент разработчика), оставьте. Если нет — удалите: sudo rm {path:arg}, затем sudo update-ca-certificates --fresh (Debian, Ubuntu) или sudo update-ca-trust (Fedora, Arch).',
        },
        fixUserRootNss: {
          en: 'If you do not know why it is there (an employer, a VPN or antivirus program can add one), remove it in the browser\'s certificate settings or with: certutil -d sql:{path} -D -n "{nickname}"',
          ru: 'Если вы не знаете, откуда он (его мог добавить работодатель, VPN или антивирус), удалите его в настройках сертификатов браузера или командой: certutil -d sql:{path} -D -n "{nickname}"',
        },
        fixUserRootMac: {
          en: 'If you do not know why it is there, open Keychain Access, find "{name}" and delete it or set its trust to "Use System Defaults".',
          ru: 'Если вы не знаете, откуда он, откройте «Связку ключей», найдите «{name}» и удалите его или выберите для него «Использовать системные настройки».',
        },
        certutilMissing: {
          en: 'The browser certificate database {path} could not be read because the NSS certutil tool is not installed; only the names of known authorities were searched for in it.',
          ru: 'Базу сертификатов браузера {path} не удалось прочитать: не установлена утилита certutil из NSS. В ней искались только названия известных центров.',
        },
        fixCertutilMissing: {
          en: 'Install certutil and run the check again: sudo apt install libnss3-tools (Debian, Ubuntu), sudo dnf install nss-tools (Fedora), sudo pacman -S nss (Arch), brew install nss (macOS). On any system you can look in Firefox instead: Settings > Privacy & Security > Certificates > View Certificates > Authorities.',
          ru: 'Установите certutil и повторите проверку: sudo apt install libnss3-tools (Debian, Ubuntu), sudo dnf install nss-tools (Fedora), sudo pacman -S nss (Arch), brew install nss (macOS). В любой системе можно вместо этого посмотреть в Firefox: Настройки > Приватность и защита > Сертификаты > Просмотр сертификатов > Центры сертификации.',
        },
        storeDenied: {
          en: 'Could not read {path}: permission denied. Certificates there were not checked.',
          ru: 'Не удалось прочитать {path}: нет прав доступа. Сертификаты там не проверены.',
        },
        storeUnreadable: {
          en: 'Could not read the certificate store {path}. Certificates there were not checked.',
          ru: 'Не удалось прочитать хранилище сертификатов {path}. Сертификаты там не проверены.',
        },
        noStoreFound: {
          en: 'No certificate store was found on this computer, so nothing could be checked.',
          ru: 'На этом компьютере не найдено ни одного хранилища сертификатов, проверить нечего.',
        },
      },
    },

    async gather(ctx) {
      const collector = new Collector(rules);
      const seenFiles = new Set<string>();
      if (ctx.platform === 'linux' || ctx.platform === 'darwin' || ctx.platform === 'freebsd' || ctx.platform === 'openbsd') {
        await gatherLinuxStores(ctx, collector, seenFiles);
      }
      if (ctx.platform === 'darwin') await gatherMac(ctx, collector);
      if (ctx.platform === 'win32') await gatherWindows(ctx, collector);
      await gatherNss(ctx, collector, rules);
      await gatherPaths(ctx, collector, seenFiles);
      return collector.data;
    },

    evaluate(data) {
      const findings = evaluateStores(data, table, rules);
      return { status: statusFromFindings(findings), findings };
    },
  });
}

export default createStateRootCheck();
