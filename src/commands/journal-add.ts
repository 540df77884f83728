// `safestep journal add [--attach <files...>] [--passphrase-stdin]`: write down
// an incident in the encrypted journal, with files attached.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { isRecord, KDF_DEFAULT } from '../crypto/passphrase-keys.js';
import { asking, passphraseSource, type PassphraseSource } from '../journal/passphrase.js';
import { textPrompter, type TextPrompter } from '../journal/prompts.js';
import { formatSize, guard, messages, unlockJournal } from '../journal/session.js';
import { Journal, journalExists, type JournalOptions, type NewRecord } from '../journal/store.js';
import { formatOffset, parseIncidentTime, type ParsedTime } from '../journal/time.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-add.cli.js';

type Options = OptionsOf<typeof spec>;

export interface JournalAddOptions {
  attach?: string[];
  passphraseStdin?: boolean;
}

const MAX_WHAT = 20_000;
const MAX_SHORT = 1_000;

/** Text typed by a person, minus control characters that could hide or reorder it on a screen. */
function tidy(s: string): string {
  return stripUnsafe(s.replace(/\r\n?/g, '\n')).trim();
}

function timeProblem(parsed: ParsedTime, m: ReturnType<typeof messages>): string | null {
  if (parsed.ok) return null;
  return parsed.reason === 'future' ? m('bad.timeFuture') : parsed.reason === 'past' ? m('bad.timePast') : m('bad.timeFormat');
}

function fromParsed(parsed: ParsedTime & { ok: true }, what: string, who: string, channel: string): NewRecord {
  return { time: parsed.time, dateOnly: parsed.dateOnly, timeAsEntered: parsed.asEntered, ...(parsed.localOffset ? { localOffset: parsed.localOffset } : {}), what, who, channel };
}

async function askRecord(ctx: AppContext, ask: TextPrompter): Promise<NewRecord> {
  const m = messages(ctx);
  const now = ctx.now();
  const out = ctx.io.stdout;
  out.write(m('hint.when', { zone: formatOffset(-now.getTimezoneOffset()) }) + '\n');
  const timeText = await asking(() =>
    ask.input(m('ask.when'), {
      validate: (v) => timeProblem(parseIncidentTime(v, ctx.now()), m) ?? true,
    }),
  );
  const parsed = parseIncidentTime(timeText, ctx.now());
  if (!parsed.ok) throw new SafestepError(timeProblem(parsed, m)!, EXIT_USAGE);
  out.write(m('hint.what') + '\n');
  const lines: string[] = [];
  const first = await asking(() => ask.input(m('ask.what'), { validate: (v) => (v.trim() === '' ? m('bad.whatEmpty') : true) }));
  lines.push(first);
  let total = first.length;
  for (;;) {
    const more = await asking(() => ask.input(m('ask.whatMore'), { validate: (v) => (total + v.length > MAX_WHAT ? m('bad.tooLong', { max: MAX_WHAT }) : true) }));
    if (more.trim() === '') break;
    lines.push(more);
    total += more.length + 1;
  }
  const short = (v: string): true | string => (v.length > MAX_SHORT ? m('bad.tooLong', { max: MAX_SHORT }) : true);
  const who = await asking(() => ask.input(m('ask.who'), { validate: short }));
  const channel = await asking(() => ask.input(m('ask.channel'), { validate: short }));
  return fromParsed(parsed, tidy(lines.join('\n')), tidy(who), tidy(channel));
}

/** Scripts give the record as JSON after the passphrase line, never in argv (shell history keeps argv). */
function recordFromJson(ctx: AppContext, text: string): NewRecord {
  const m = messages(ctx);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SafestepError(m('bad.recordJson'), EXIT_USAGE);
  }
  if (!isRecord(value)) throw new SafestepError(m('bad.recordJson'), EXIT_USAGE);
  const field = (name: string, max: number, required: boolean): string => {
    const v = value[name];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || (required && v.trim() === '')) throw new SafestepError(m('bad.recordField', { field: name, problem: m('bad.whatEmpty') }), EXIT_USAGE);
    if (v.length > max) throw new SafestepError(m('bad.recordField', { field: name, problem: m('bad.tooLong', { max }) }), EXIT_USAGE);
    return tidy(v);
  };
  const parsed = parseIncidentTime(field('time', 100, false), ctx.now());
  if (!parsed.ok) throw new SafestepError(m('bad.recordField', { field: 'time', problem: timeProblem(parsed, m)! }), EXIT_USAGE);
  return fromParsed(parsed, field('what', MAX_WHAT, true), field('who', MAX_SHORT, false), field('channel', MAX_SHORT, false));
}

export async function addRecord(ctx: AppContext, opts: JournalAddOptions, ask: TextPrompter | undefined, journalOpts: JournalOptions = {}): Promise<number> {
  const m = messages(ctx);
  // Check the files first: better to hear about a typo before typing the whole story.
  const files: string[] = [];
  for (const file of opts.attach ?? []) {
    const full = path.resolve(file);
    const info = await stat(full).catch(() => null);
    if (!info?.isFile()) throw new SafestepError(m('err.notAFile', { file: full }), EXIT_USAGE);
    files.push(full);
  }
  const source: PassphraseSource = passphraseSource(ctx, opts, ask);
  let journal: Journal;
  if (await journalExists(ctx.paths.dataDir)) {
    journal = await unlockJournal(ctx, opts, ask, source, journalOpts);
  } else {
    ctx.io.stdout.write(m('new.intro') + '\n');
    const passphrase = await source.fresh(m('ask.newPassphrase'), m('ask.repeatPassphrase'));
    journal = await Journal.create(ctx.paths.dataDir, passphrase, ctx.now(), { cost: KDF_DEFAULT, ...journalOpts });
  }
  let fields: NewRecord;
  // With --passphrase-stdin, standard input is a pipe (a terminal is refused), so there is nobody to ask.
  if (opts.passphraseStdin) fields = recordFromJson(ctx, await source.rest());
  else fields = await askRecord(ctx, ask!);

  const { record, number } = await guard(ctx, () => journal.addRecord(fields, files, ctx.now()));
  const out = [m('add.saved', { n: number })];
  for (const a of record.attachments) out.push(m('add.attached', { name: a.name, size: formatSize(a.size, ctx.lang), sha256: a.sha256 }));
  if (record.attachments.length > 0) out.push('', m('add.originalsKept'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

export default async function journalAdd(ctx: AppContext, opts: Options): Promise<number> {
  const ask = ctx.io.canPrompt ? textPrompter(ctx.io, ctx.t) : undefined;
  return addRecord(ctx, opts, ask);
}
