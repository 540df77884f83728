// What the journal commands share: opening the journal with a passphrase,
// turning low-level failures into one clear sentence, and showing records.
import type { AppContext } from '../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import type { Prompter } from '../prompter.js';
import { oneLine, stripUnsafe } from '../sanitize.js';
import { CryptoFailure } from '../crypto/passphrase-keys.js';
import { MESSAGES, type MessageId } from './messages.js';
import { passphraseSource, type PassphraseOptions, type PassphraseSource } from './passphrase.js';
import { Journal, journalDir, journalExists, JournalError, type JournalOptions, type JournalRecord } from './store.js';
import type { TextOf } from '../i18n/messages.js';
import { showUtc } from './time.js';
import path from 'node:path';

export function messages(ctx: AppContext): TextOf<MessageId> {
  return MESSAGES.text(ctx.lang);
}

/** Maps what can go wrong underneath to a SafestepError; other errors pass through. */
export function journalFailure(ctx: AppContext, err: unknown): unknown {
  const m = messages(ctx);
  const dir = journalDir(ctx.paths.dataDir);
  if (err instanceof CryptoFailure) {
    if (err.kind === 'wrong-passphrase') return new SafestepError(m('err.wrongPassphrase'), EXIT_USAGE, m('err.wrongPassphraseHint'));
    if (err.kind === 'unsupported') return new SafestepError(m('err.unsupported'), EXIT_USAGE, m('err.unsupportedHint'));
    return new SafestepError(m('err.corrupted', { file: path.join(dir, 'journal.enc') }), EXIT_PROBLEMS, m('err.corruptedHint', { dir }));
  }
  if (err instanceof JournalError) {
    if (err.kind === 'missing') return new SafestepError(m('err.noJournal'), EXIT_USAGE, m('err.noJournalHint'));
    if (err.kind === 'newer') return new SafestepError(m('err.unsupported'), EXIT_USAGE, m('err.unsupportedHint'));
    return new SafestepError(m('err.locked'), EXIT_USAGE, m('err.lockedHint', { file: err.detail }));
  }
  return err;
}

export async function guard<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw journalFailure(ctx, err);
  }
}

/** Asks for the passphrase and opens the existing journal. */
export async function unlockJournal(ctx: AppContext, opts: PassphraseOptions, prompter?: Prompter, source?: PassphraseSource, journalOpts: JournalOptions = {}): Promise<Journal> {
  const m = messages(ctx);
  if (!(await journalExists(ctx.paths.dataDir))) throw new SafestepError(m('err.noJournal'), EXIT_USAGE, m('err.noJournalHint'));
  const from = source ?? passphraseSource(ctx, opts, prompter);
  const passphrase = await from.existing(m('ask.passphrase'));
  return guard(ctx, () => Journal.open(ctx.paths.dataDir, passphrase, journalOpts));
}

export function formatSize(bytes: number, lang: Lang): string {
  const m = MESSAGES.text(lang);
  const fmt = (n: number): string => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return m('size.bytes', { n: bytes });
  if (bytes < 1024 ** 2) return m('size.kb', { n: fmt(bytes / 1024) });
  if (bytes < 1024 ** 3) return m('size.mb', { n: fmt(bytes / 1024 ** 2) });
  return m('size.gb', { n: fmt(bytes / 1024 ** 3) });
}

/** The time of a record as people should read it: UTC, plus what they typed. */
export function describeTime(record: JournalRecord, m: TextOf<MessageId>): string {
  const utc = showUtc(record.time, record.dateOnly);
  const main = record.dateOnly ? m('field.timeUnknown', { date: utc }) : utc;
  if (!record.timeAsEntered) return main;
  const entered = record.localOffset ? `${record.timeAsEntered}, UTC${record.localOffset}` : record.timeAsEntered;
  return `${main} (${m('field.asEntered', { text: entered })})`;
}

/** A record in full, for the terminal. Every user-typed string is sanitised. */
export function renderRecord(record: JournalRecord, n: number, ctx: AppContext): string {
  const m = messages(ctx);
  const safe = (s: string): string => (s.trim() === '' ? m('field.none') : oneLine(s));
  const lines = [
    m('show.title', { n }),
    `${m('field.when')}: ${stripUnsafe(describeTime(record, m))}`,
    `${m('field.recorded')}: ${showUtc(record.recorded, false)}`,
    `${m('field.who')}: ${safe(record.who)}`,
    `${m('field.channel')}: ${safe(record.channel)}`,
    `${m('field.what')}:`,
    ...stripUnsafe(record.what)
      .split('\n')
      .map((l) => `  ${l}`),
    `${m('field.attachments')}:`,
  ];
  if (record.attachments.length === 0) lines.push(`  ${m('field.noAttachments')}`);
  record.attachments.forEach((a, i) => {
    lines.push(`  ${i + 1}. ${oneLine(a.name)} (${formatSize(a.size, ctx.lang)})`, `     SHA-256 ${a.sha256}`);
  });
  return lines.join('\n');
}
