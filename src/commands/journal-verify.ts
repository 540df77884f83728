// `safestep journal verify [--passphrase-stdin]`: opens the journal, decrypts
// every attached file and re-hashes it against the SHA-256 taken when it was added.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import type { PassphraseOptions } from '../journal/passphrase.js';
import { formatSize, guard, messages, unlockJournal } from '../journal/session.js';
import type { Prompter } from '../prompter.js';
import { wrap } from '../text/markdown.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-verify.cli.js';

type Options = OptionsOf<typeof spec>;

export async function verifyJournal(ctx: AppContext, opts: PassphraseOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const journal = await unlockJournal(ctx, opts, prompter);
  const out: string[] = [];
  let total = 0;
  let bad = 0;
  for (const [i, record] of journal.data.records.entries()) {
    if (record.attachments.length === 0) continue;
    out.push(m('verify.record', { n: i + 1 }));
    for (const att of record.attachments) {
      const status = await guard(ctx, () => journal.verifyAttachment(att));
      total++;
      if (status !== 'ok') bad++;
      out.push(m(`verify.${status}`, { name: att.name }));
    }
  }
  if (total > 0) out.push('');
  out.push(total === 0 ? m('verify.noFiles') : bad === 0 ? m('verify.allOk', { count: total }) : m('verify.bad', { bad, count: total }));
  const orphans = await journal.orphans();
  if (orphans.length > 0) out.push(m('verify.orphans', { dir: journal.filesDir, count: orphans.length }));
  const leftovers = await journal.leftovers();
  if (leftovers.files.length > 0) out.push(...wrap(m('verify.leftovers', { count: leftovers.files.length, size: formatSize(leftovers.bytes, ctx.lang), dir: journal.dir }), ctx.io.width));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return bad === 0 ? EXIT_OK : EXIT_PROBLEMS;
}

export default async function journalVerify(ctx: AppContext, opts: Options): Promise<number> {
  return verifyJournal(ctx, opts);
}
