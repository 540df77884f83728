// `safestep journal wipe [--yes]`: deletes the whole journal. No passphrase is
// needed: someone who has to get rid of it quickly may not be able to type it.
import { randomBytes } from 'node:crypto';
import { access, rename } from 'node:fs/promises';
import { shredTree } from '../fsutil/shred.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { asking } from '../journal/passphrase.js';
import { messages } from '../journal/session.js';
import { journalDir } from '../journal/store.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-wipe.cli.js';

type Options = OptionsOf<typeof spec>;

export async function wipeJournal(ctx: AppContext, opts: { yes?: boolean }, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const dir = journalDir(ctx.paths.dataDir);
  const present = await access(dir).then(
    () => true,
    () => false,
  );
  if (!present) {
    ctx.io.stdout.write(m('wipe.nothing') + '\n');
    return EXIT_OK;
  }
  if (!opts.yes) {
    if (!prompter && !ctx.io.canPrompt) throw new SafestepError(m('wipe.needsYes'), EXIT_USAGE, m('wipe.needsYesHint'));
    const ask = prompter ?? inquirerPrompter(ctx.io, ctx.t);
    if (!(await asking(() => ask.confirm(m('wipe.confirm'), false)))) {
      ctx.io.stdout.write(m('wipe.cancelled') + '\n');
      return EXIT_OK;
    }
  }
  // Renamed away first, so the journal disappears in one step even if deleting the files takes a while.
  const doomed = path.join(ctx.paths.dataDir, `.journal-wiped-${randomBytes(6).toString('hex')}`);
  await rename(dir, doomed);
  await shredTree(doomed);
  ctx.io.stdout.write(m('wipe.done') + '\n' + m('wipe.note') + '\n');
  return EXIT_OK;
}

export default async function journalWipe(ctx: AppContext, opts: Options): Promise<number> {
  return wipeJournal(ctx, opts);
}
