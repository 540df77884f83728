// Installed packs and trusted signers on disk. Installing extracts into a fresh
// staging folder inside <dataDir>/packs and renames it into place, so a pack is
// either fully installed or not at all; an older copy of the same pack is kept
// until the new one is in place.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ensureDir, PRIVATE_DIR, PRIVATE_FILE, tightenTree } from '../fsutil/dirs.js';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { isRecord } from '../crypto/passphrase-keys.js';
import type { OpenedPack } from './container.js';
import { fingerprint } from './fingerprint.js';
import { isPackId, ManifestProblem, parseManifest, type Manifest } from './manifest.js';
import { writeTree } from './validate.js';
import { packDir, packsDir } from '../paths.js';

export interface InstalledPack {
  id: string;
  dir: string;
  installed: string;
  manifest: Manifest;
  /** null for an unsigned pack */
  fingerprint: string | null;
}

interface PackRecordFile {
  version: 1;
  installed: string;
  manifest: Manifest;
  signature: string | null;
}

export async function readInstalled(dataDir: string, id: string): Promise<InstalledPack | null> {
  if (!isPackId(id)) return null;
  const dir = packDir(dataDir, id);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, 'pack.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.version !== 1 || typeof raw.installed !== 'string') return null;
  let manifest: Manifest;
  try {
    manifest = parseManifest(raw.manifest);
  } catch (err) {
    if (err instanceof ManifestProblem) return null;
    throw err;
  }
  if (manifest.id !== id) return null;
  return { id, dir, installed: raw.installed, manifest, fingerprint: manifest.signer ? fingerprint(Buffer.from(manifest.signer.publicKey, 'hex')) : null };
}

/** Installed packs, and the names of pack folders that could not be read. */
export async function listInstalled(dataDir: string): Promise<{ packs: InstalledPack[]; broken: string[] }> {
  let names: string[];
  try {
    names = await readdir(packsDir(dataDir));
  } catch {
    return { packs: [], broken: [] };
  }
  const packs: InstalledPack[] = [];
  const broken: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const info = await lstat(path.join(packsDir(dataDir), name)).catch(() => null);
    if (!info?.isDirectory()) continue;
    const pack = await readInstalled(dataDir, name);
    if (pack) packs.push(pack);
    else broken.push(name);
  }
  return { packs, broken };
}

/** Writes the pack's lessons into a new staging folder; returns its path. Never writes outside it. */
export async function extractToStaging(dataDir: string, opened: OpenedPack, now: Date): Promise<string> {
  const root = packsDir(dataDir);
  await ensureDir(root);
  // Packs installed by an older safestep were readable by other accounts (0755/0644).
  await tightenTree(root);
  const staging = path.join(root, `.staging-${opened.manifest.id}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: PRIVATE_DIR });
  try {
    await writeTree(path.join(staging, 'lessons'), opened.files);
    const record: PackRecordFile = { version: 1, installed: now.toISOString(), manifest: opened.manifest, signature: opened.signature?.toString('hex') ?? null };
    await writeFile(path.join(staging, 'pack.json'), JSON.stringify(record, null, 2) + '\n', { flag: 'wx', mode: PRIVATE_FILE });
    return staging;
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Moves the staging folder into place; an older copy is removed only once the new one is there. */
export async function commitStaging(dataDir: string, id: string, staging: string): Promise<void> {
  const target = packDir(dataDir, id);
  const present = await lstat(target).then(
    () => true,
    () => false,
  );
  if (!present) {
    await rename(staging, target);
    return;
  }
  const old = path.join(packsDir(dataDir), `.old-${id}-${randomBytes(6).toString('hex')}`);
  await rename(target, old);
  try {
    await rename(staging, target);
  } catch (err) {
    await rename(old, target).catch(() => undefined);
    throw err;
  }
  await rm(old, { recursive: true, force: true });
}

export async function removeStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Removes an installed pack: renamed away first, so it vanishes from the lesson list in one step. */
export async function removeInstalled(dataDir: string, id: string): Promise<void> {
  const doomed = path.join(packsDir(dataDir), `.removing-${id}-${randomBytes(6).toString('hex')}`);
  await rename(packDir(dataDir, id), doomed);
  await rm(doomed, { recursive: true, force: true });
}

// --- Trusted signers ----------------------------------------------------------

export interface TrustedSigner {
  publicKey: string;
  fingerprint: string;
  added: string;
  /** The pack that introduced this signer, to help people remember who it is. */
  firstPack: string;
}

interface SignersFile {
  version: 1;
  signers: TrustedSigner[];
}

function signersFile(dataDir: string): string {
  return path.join(packsDir(dataDir), 'signers.json');
}

function parseSigners(text: string): TrustedSigner[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.signers)) return null;
  const out: TrustedSigner[] = [];
  for (const s of raw.signers) {
    if (!isRecord(s) || typeof s.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(s.publicKey)) return null;
    out.push({
      publicKey: s.publicKey,
      fingerprint: fingerprint(Buffer.from(s.publicKey, 'hex')),
      added: typeof s.added === 'string' ? s.added : '',
      firstPack: typeof s.firstPack === 'string' ? s.firstPack : '',
    });
  }
  return out;
}

/** A damaged file trusts nobody (so everyone is asked again); it is moved aside, never overwritten. */
export async function loadTrusted(dataDir: string): Promise<TrustedSigner[]> {
  let text: string;
  try {
    text = await readFile(signersFile(dataDir), 'utf8');
  } catch {
    return [];
  }
  const parsed = parseSigners(text);
  if (parsed) return parsed;
  await rename(signersFile(dataDir), `${signersFile(dataDir)}.damaged-${Date.now()}`).catch(() => undefined);
  return [];
}

export async function isTrusted(dataDir: string, publicKey: Buffer): Promise<boolean> {
  const hex = publicKey.toString('hex');
  return (await loadTrusted(dataDir)).some((s) => s.publicKey === hex);
}

export async function addTrusted(dataDir: string, publicKey: Buffer, firstPack: string, now: Date): Promise<void> {
  const signers = await loadTrusted(dataDir);
  const hex = publicKey.toString('hex');
  if (signers.some((s) => s.publicKey === hex)) return;
  signers.push({ publicKey: hex, fingerprint: fingerprint(publicKey), added: now.toISOString(), firstPack });
  const file: SignersFile = { version: 1, signers };
  await writeFileAtomic(signersFile(dataDir), JSON.stringify(file, null, 2) + '\n');
}
