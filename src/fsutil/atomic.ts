// Nothing the user owns is lost: every write goes to a temp file in the same
// folder, is flushed, then renamed over the target in one step. A crash leaves
// either the old file or the new one, never half of each; a leftover temp file
// names the process that wrote it, so a later run can tell it is abandoned.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir, PRIVATE_FILE } from './dirs.js';

/** `.<name>.<pid>-<random>.tmp` beside the target. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** True when a temp file was left by a process that is no longer running (or by an older safestep that did not say). */
export function isAbandonedTemp(name: string): boolean {
  const m = TEMP.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  if (!m[1] || !Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = PRIVATE_FILE): Promise<void> {
  // Folders we create hold progress, plans and reports: readable by the user only.
  await ensureDir(path.dirname(file));
  const tmp = tempNameFor(file);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
