// Where safestep keeps its files. SAFESTEP_HOME moves everything (tests,
// portable use from a USB stick); otherwise the platform's data directory.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  /** Progress, caches, installed packs. */
  dataDir: string;
  /** Folders searched for lessons, shipped lessons first. */
  lessonDirs: string[];
}

/** The package root, found from this file whether it runs from src/ (tests) or dist/src/. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}
export const SHIPPED_LESSONS = path.join(PACKAGE_ROOT, 'lessons');

export async function resolvePaths(env: Readonly<Record<string, string | undefined>>): Promise<AppPaths> {
  let dataDir = env.SAFESTEP_HOME;
  if (!dataDir) {
    const { default: envPaths } = await import('env-paths');
    dataDir = envPaths('safestep', { suffix: '' }).data;
  }
  const extra = (env.SAFESTEP_LESSON_PATH ?? '').split(path.delimiter).filter(Boolean);
  const resolved = path.resolve(dataDir);
  // Shipped lessons first, then installed packs, then folders named in SAFESTEP_LESSON_PATH.
  return { dataDir: resolved, lessonDirs: [SHIPPED_LESSONS, ...installedLessonDirs(resolved), ...extra.map((p) => path.resolve(p))] };
}

// Installed lesson packs, read at every start to add their lessons:
//   <dataDir>/packs/<pack-id>/pack.json      manifest, signature, install time
//   <dataDir>/packs/<pack-id>/lessons/...    the lessons, as in the pack
//   <dataDir>/packs/signers.json             signers the person chose to trust
const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function packsDir(dataDir: string): string {
  return path.join(dataDir, 'packs');
}

export function packDir(dataDir: string, id: string): string {
  return path.join(packsDir(dataDir), id);
}

/** The lesson folders of every installed pack, sorted by pack id. */
export function installedLessonDirs(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(packsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => PACK_ID.test(n))
    .sort()
    .map((n) => path.join(packsDir(dataDir), n))
    .filter((dir) => statSync(path.join(dir, 'pack.json'), { throwIfNoEntry: false })?.isFile() && statSync(path.join(dir, 'lessons'), { throwIfNoEntry: false })?.isDirectory())
    .map((dir) => path.join(dir, 'lessons'));
}
