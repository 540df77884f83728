// Small, careful file helpers for checks: read only a bounded head of a file,
// and turn file-system errors into a reason instead of an exception, so a
// missing or unreadable file becomes "could not read" rather than a crash.
import { promises as fs, type Stats } from 'node:fs';

export type FsProblem = 'missing' | 'denied' | 'not-a-file' | 'not-a-directory' | 'too-large' | 'other';

export function fsProblem(error: unknown): FsProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  if (code === 'EISDIR') return 'not-a-file';
  return 'other';
}

/** Reads at most `maxBytes` from the start of a file. */
export async function readHead(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    // Sized from the file so a generous limit does not cost a huge allocation per file.
    const { size } = await handle.stat();
    const limit = Math.min(maxBytes, size > 0 ? size : maxBytes);
    const buffer = Buffer.alloc(limit);
    let total = 0;
    while (total < limit) {
      const { bytesRead } = await handle.read(buffer, total, limit - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

export async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

export async function exists(file: string): Promise<boolean> {
  return (await statOrNull(file)) !== null;
}

export type DirListing = { ok: true; names: string[] } | { ok: false; problem: FsProblem };

/** Entry names of a directory, sorted so results do not depend on the file system's order. */
export async function listDir(dir: string): Promise<DirListing> {
  try {
    const names = await fs.readdir(dir);
    return { ok: true, names: names.sort() };
  } catch (error) {
    return { ok: false, problem: fsProblem(error) };
  }
}

export type TextRead = { ok: true; text: string } | { ok: false; problem: FsProblem };

/** A small text file, refused when larger than `maxBytes` (config files, not data). */
export async function readSmallText(file: string, maxBytes = 1024 * 1024): Promise<TextRead> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, problem: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, problem: 'too-large' };
    return { ok: true, text: await fs.readFile(file, 'utf8') };
  } catch (error) {
    return { ok: false, problem: fsProblem(error) };
  }
}
