// Browser certificate databases (NSS: Firefox everywhere, Chromium on Linux),
// read through NSS's certutil. Without certutil the database is only searched
// for the names of known authorities, and the check says it could not read it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listDir, readHead, type CheckContext } from '../../src/check-kit/index.js';
import type { StateNameRule } from '../data/state-roots.js';
import { extractCertificates } from '../../src/crypto/certificates.js';
import { COMMAND_TIMEOUT_MS, type Collector } from './collector.js';

const MAX_NSS_DB_BYTES = 64 * 1024 * 1024;
const MAX_NSS_NICKNAMES = 300;

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

export async function gatherNss(ctx: CheckContext, collector: Collector, rules: readonly StateNameRule[]): Promise<void> {
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
