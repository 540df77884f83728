// Removing a file so that its old content is harder to read back: the bytes
// are overwritten with zeros and flushed, the name is replaced by a random one,
// and only then is the file unlinked.
//
// This helps on a classic hard disk with a journaling file system (ext4,
// NTFS, HFS+). It cannot promise anything on an SSD or a memory card (the
// controller writes the zeros somewhere else and keeps the old blocks until it
// reuses them), on copy-on-write file systems (APFS, Btrfs, ZFS), or where
// snapshots and backups exist. Callers say so to the person.
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

const CHUNK = 64 * 1024;
/** Past this size a file is unlinked without overwriting: the time would be spent on an SSD for nothing. */
const MAX_OVERWRITE = 256 * 1024 * 1024;

export interface ShredResult {
  files: number;
  bytes: number;
}

function missing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

async function overwrite(file: string, size: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length) {
      await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Overwrites and removes one file; a file that is already gone counts as done. */
export async function shredFile(file: string): Promise<ShredResult> {
  let info;
  try {
    info = await lstat(file);
  } catch (err) {
    if (missing(err)) return { files: 0, bytes: 0 };
    throw err;
  }
  if (info.isDirectory()) return shredTree(file);
  let target = file;
  if (info.isFile()) {
    if (info.size > 0 && info.size <= MAX_OVERWRITE) await overwrite(file, info.size).catch(() => undefined);
    // The name can say as much as the content (a pack id, a lesson id).
    const renamed = path.join(path.dirname(file), `.${randomBytes(8).toString('hex')}`);
    target = await rename(file, renamed).then(
      () => renamed,
      () => file,
    );
  }
  try {
    await unlink(target);
  } catch (err) {
    if (!missing(err)) throw err;
  }
  return { files: 1, bytes: info.isFile() ? info.size : 0 };
}

/** Shreds every file under `dir` (symlinks are removed, never followed), then the folders. */
export async function shredTree(dir: string): Promise<ShredResult> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (missing(err)) return { files: 0, bytes: 0 };
    throw err;
  }
  const total: ShredResult = { files: 0, bytes: 0 };
  for (const name of names) {
    const full = path.join(dir, name);
    const info = await lstat(full).catch(() => null);
    const r = info?.isDirectory() ? await shredTree(full) : await shredFile(full);
    total.files += r.files;
    total.bytes += r.bytes;
  }
  await rmdir(dir).catch((err: unknown) => {
    if (!missing(err)) throw err;
  });
  return total;
}

/** Removes `dir` only when it is empty; true when it is gone. */
export async function removeIfEmpty(dir: string): Promise<boolean> {
  try {
    await rmdir(dir);
    return true;
  } catch (err) {
    return missing(err);
  }
}
