// `safestep journal show <n> [--passphrase-stdin]`: one record in full.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import type { PassphraseOptions } from '../journal/passphrase.js';
import { messages, renderRecord, unlockJournal } from '../journal/session.js';
import type { Prompter } from '../prompter.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-show.cli.js';

type Options = OptionsOf<typeof spec>;

export async function showRecord(ctx: AppContext, n: string, opts: PassphraseOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const wanted = /^\d{1,9}$/.test(n.trim()) ? Number(n.trim()) : NaN;
  const journal = await unlockJournal(ctx, opts, prompter);
  const count = journal.data.records.length;
  const record = Number.isInteger(wanted) && wanted >= 1 ? journal.data.records[wanted - 1] : undefined;
  if (!record) {
    const shown = stripUnsafe(n).slice(0, 20);
    throw new SafestepError(count === 0 ? m('show.noRecords', { n: shown }) : m('show.badNumber', { n: shown, count }), EXIT_USAGE, m('list.hint'));
  }
  ctx.io.stdout.write(renderRecord(record, wanted, ctx) + '\n');
  return EXIT_OK;
}

export default async function journalShow(ctx: AppContext, n: string, opts: Options): Promise<number> {
  return showRecord(ctx, n, opts);
}
