// `safestep pack remove <pack-id>`: removes an installed pack's lessons.
import { lstat } from 'node:fs/promises';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { packDir } from '../paths.js';
import { isPackId } from '../packs/manifest.js';
import { messages } from '../packs/session.js';
import { removeInstalled } from '../packs/store.js';
import { stripUnsafe } from '../sanitize.js';

export default async function packRemove(ctx: AppContext, id: string): Promise<number> {
  const m = messages(ctx);
  if (!isPackId(id)) throw new SafestepError(m('remove.badId', { id: stripUnsafe(id).slice(0, 80) }), EXIT_USAGE, m('remove.hint'));
  const info = await lstat(packDir(ctx.paths.dataDir, id)).catch(() => null);
  if (!info?.isDirectory()) throw new SafestepError(m('remove.notInstalled', { id }), EXIT_USAGE, m('remove.hint'));
  await removeInstalled(ctx.paths.dataDir, id);
  ctx.io.stdout.write(m('remove.done', { id }) + '\n');
  return EXIT_OK;
}
