// Folders safestep creates are readable by their owner only (0700), and they
// are created one level at a time. Node's `mkdir(..., { recursive: true })`
// never returns for some special paths (`/proc/nope` loops at 100% CPU on
// Linux), so it is not used: a parent that cannot hold a folder fails at once
// with the path in the error.
import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** Creates `dir` and any missing parents with `mode`; an existing folder is left as it is. */
export async function ensureDir(dir: string, mode = PRIVATE_DIR): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let current = target; ; current = path.dirname(current)) {
    const info = await stat(current).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error(`not a folder: ${current}`), { code: 'ENOTDIR', path: current, syscall: 'mkdir' });
      break;
    }
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder, { mode });
    } catch (err) {
      // Another process may have made it meanwhile; anything else names the folder that failed.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/**
 * Makes a folder that is entirely safestep's private again: folders 0700,
 * files 0600. For data an older safestep wrote with wider permissions (packs
 * were 0755/0644). Symbolic links are left alone; errors are ignored.
 */
export async function tightenTree(dir: string): Promise<void> {
  const info = await lstat(dir).catch(() => null);
  if (!info || info.isSymbolicLink()) return;
  if (!info.isDirectory()) {
    if ((info.mode & 0o777) !== PRIVATE_FILE) await chmod(dir, PRIVATE_FILE).catch(() => undefined);
    return;
  }
  if ((info.mode & 0o777) !== PRIVATE_DIR) await chmod(dir, PRIVATE_DIR).catch(() => undefined);
  for (const name of await readdir(dir).catch(() => [] as string[])) await tightenTree(path.join(dir, name));
}
