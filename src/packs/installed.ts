// Where installed packs live, kept free of heavy imports: src/paths.ts calls
// installedLessonDirs() at every start to add pack lessons to the lesson folders.
//
//   <dataDir>/packs/<pack-id>/pack.json      manifest, signature, install time
//   <dataDir>/packs/<pack-id>/lessons/...    the lessons, as in the pack
//   <dataDir>/packs/signers.json             signers the person chose to trust
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
    .filter((n) => ID.test(n))
    .sort()
    .map((n) => path.join(packsDir(dataDir), n))
    .filter((dir) => statSync(path.join(dir, 'pack.json'), { throwIfNoEntry: false })?.isFile() && statSync(path.join(dir, 'lessons'), { throwIfNoEntry: false })?.isDirectory())
    .map((dir) => path.join(dir, 'lessons'));
}
