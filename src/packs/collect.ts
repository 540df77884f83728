// Gathers the files of a lesson folder for `pack build`: every lesson.yaml and
// its translations, and phone indicator sets in indicators/*.json; nothing else. Symbolic links are refused outright (a link
// could pull a file from anywhere on the trainer's computer into the pack), and
// paths must already follow the rules installation will enforce.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS } from '../i18n/index.js';
import { translationPath } from '../lesson/translation-path.js';
import { isIndicatorEntryPath, isSafeEntryPath, MAX_FILE_BYTES } from './manifest.js';

export interface CollectedFile {
  /** Path inside the pack, with forward slashes. */
  path: string;
  abs: string;
}

export interface Collection {
  lessonFiles: string[];
  files: CollectedFile[];
  /** Files and links that stop the build, with the reason. */
  refused: { file: string; reason: 'symlink' | 'unsafe-name' | 'too-large' | 'not-a-file' }[];
  /** Other files in the folder that are not part of any lesson (left out). */
  ignored: number;
}

const MAX_DEPTH = 3;

export async function collect(root: string): Promise<Collection> {
  const result: Collection = { lessonFiles: [], files: [], refused: [], ignored: 0 };
  const lessonish = new Set<string>();
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) result.refused.push({ file: full, reason: 'symlink' });
      else if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(full, depth + 1);
        else result.ignored++;
      } else if (entry.isFile()) {
        if (entry.name === 'lesson.yaml') result.lessonFiles.push(full);
        else lessonish.add(full);
      } else result.refused.push({ file: full, reason: 'not-a-file' });
    }
  };
  await walk(root, 0);
  for (const lesson of result.lessonFiles) {
    const members = [lesson, ...LANGS.map((l) => translationPath(lesson, l)).filter((f) => lessonish.delete(f))];
    for (const abs of members) {
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const info = await lstat(abs);
      if (!info.isFile()) result.refused.push({ file: abs, reason: 'not-a-file' });
      else if (!isSafeEntryPath(rel)) result.refused.push({ file: abs, reason: 'unsafe-name' });
      else if (info.size > MAX_FILE_BYTES) result.refused.push({ file: abs, reason: 'too-large' });
      else result.files.push({ path: rel, abs });
    }
  }
  // Phone indicator sets (indicators/<name>.json) travel with the lessons.
  for (const abs of [...lessonish]) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!isIndicatorEntryPath(rel)) continue;
    lessonish.delete(abs);
    const info = await lstat(abs);
    if (info.size > MAX_FILE_BYTES) result.refused.push({ file: abs, reason: 'too-large' });
    else result.files.push({ path: rel, abs });
  }
  result.ignored += lessonish.size;
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

export async function readCollected(file: CollectedFile): Promise<Buffer> {
  const data = await readFile(file.abs);
  if (data.length > MAX_FILE_BYTES) throw new Error(`${file.abs} grew while being read`);
  return data;
}

/** A pack id from a folder name: "Tbilisi Workshop 2026" -> "tbilisi-workshop-2026". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
