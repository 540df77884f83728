// `safestep journal list [--passphrase-stdin]`: the records, one line each.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import type { PassphraseOptions } from '../journal/passphrase.js';
import { messages, unlockJournal } from '../journal/session.js';
import { showUtc } from '../journal/time.js';
import type { Prompter } from '../prompter.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-list.cli.js';

type Options = OptionsOf<typeof spec>;

function oneLine(s: string, max: number): string {
  const flat = stripUnsafe(s).replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
}

export async function listRecords(ctx: AppContext, opts: PassphraseOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const journal = await unlockJournal(ctx, opts, prompter);
  const records = journal.data.records;
  if (records.length === 0) {
    ctx.io.stdout.write(m('list.empty') + '\n');
    return EXIT_OK;
  }
  const width = String(records.length).length;
  const out = [m('list.header', { count: records.length }), ''];
  records.forEach((r, i) => {
    const when = showUtc(r.time, r.dateOnly).padEnd(20);
    const files = r.attachments.length > 0 ? ` [${m('list.files', { count: r.attachments.length })}]` : '';
    const channel = r.channel ? `${oneLine(r.channel, 20)}: ` : '';
    const room = Math.max(20, ctx.io.width - width - 24 - files.length - channel.length);
    out.push(`${String(i + 1).padStart(width)}  ${when}  ${channel}${oneLine(r.what, room)}${files}`);
  });
  out.push('', m('list.hint'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

export default async function journalList(ctx: AppContext, opts: Options): Promise<number> {
  return listRecords(ctx, opts);
}
