// What the trust-store readers collect: every certificate seen (by SHA-256),
// where it was seen, and what could not be read. The readers for each platform
// (linux.ts, nss.ts, macos.ts, windows.ts, named.ts) add to one Collector.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsProblem, listDir, readHead, type FsProblem } from '../../src/check-kit/index.js';
import type { StateNameRule } from '../data/state-roots.js';
import { certificateNames, extractCertificates, sha1Hex, sha256Hex, type NameSummary } from '../../src/crypto/certificates.js';

const MAX_STORE_FILE_BYTES = 8 * 1024 * 1024;
export const COMMAND_TIMEOUT_MS = 4000;

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


export class Collector {
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


export async function readCertFile(
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
export async function walk(dir: string, depth: number, visit: (file: string) => Promise<void>, onProblem: (p: FsProblem) => void): Promise<boolean> {
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
