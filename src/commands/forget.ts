// `safestep forget [--yes] [--keep-journal] [--keep-key]`: removes every file
// safestep keeps in its data folder (docs/data-folder.md lists them), the
// journal and the signing key only after their own confirmation, then says
// what it cannot remove and one next step for each.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { takeInventory, TRACE_KINDS, PRECIOUS, type Inventory, type TraceKind } from '../forget/inventory.js';
import { FORGET, type ForgetKey } from '../forget/messages.js';
import { wipeDataFolder } from '../forget/wipe.js';
import { asking } from '../journal/passphrase.js';
import { formatSize } from '../journal/session.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { wrap } from '../text/markdown.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './forget.cli.js';

type Options = OptionsOf<typeof spec>;

function kindsIn(inventory: Inventory): Map<TraceKind, number> {
  const sizes = new Map<TraceKind, number>();
  for (const t of inventory.traces) sizes.set(t.kind, (sizes.get(t.kind) ?? 0) + t.bytes);
  return new Map(TRACE_KINDS.filter((k) => sizes.has(k)).map((k) => [k, sizes.get(k)!]));
}

/** The whole conversation; `wiped` says whether anything was removed (callers then stop writing). */
export async function forgetFlow(ctx: AppContext, opts: Options, prompter?: Prompter): Promise<{ code: number; wiped: boolean }> {
  const m = FORGET.text(ctx.lang);
  const say = (...lines: string[]): void => void ctx.io.stdout.write(lines.flatMap((l) => (l === '' ? [''] : wrap(l, ctx.io.width))).join('\n') + '\n');
  const dir = ctx.paths.dataDir;
  const inventory = await takeInventory(dir);
  const kinds = kindsIn(inventory);
  const keep = new Set<TraceKind>();
  if (opts.keepJournal) keep.add('journal');
  if (opts.keepKey) keep.add('key');

  if (kinds.size === 0 && inventory.others.length === 0 && inventory.unreadable.length === 0) {
    say(m('nothing'));
  } else {
    if (kinds.size > 0) {
      ctx.io.stdout.write(m('intro', { dir }) + '\n');
      for (const [kind, bytes] of kinds) ctx.io.stdout.write(m('line', { what: m(`kind.${kind}` as ForgetKey), size: formatSize(bytes, ctx.lang) }) + '\n');
      ctx.io.stdout.write('\n');
    }
    if (!opts.yes && kinds.size > 0) {
      if (!prompter && !ctx.io.canPrompt) throw new SafestepError(m('needsYes'), EXIT_USAGE, m('needsYesHint'));
      const ask = prompter ?? inquirerPrompter(ctx.io, ctx.t);
      const precious = [...kinds.keys()].filter((k) => PRECIOUS.has(k) && !keep.has(k));
      const journal = precious.includes('journal');
      const key = precious.includes('key');
      const question = m(journal && key ? 'confirmExceptBoth' : journal ? 'confirmExceptJournal' : key ? 'confirmExceptKey' : 'confirm');
      const go = await asking(() => ask.select(question, [{ name: m('noKeep'), value: false }, { name: m('yesRemove'), value: true }], false));
      if (!go) {
        say(m('cancelled'));
        return { code: EXIT_OK, wiped: false };
      }
      if (precious.includes('journal')) {
        say('', m('journalWhy'));
        const drop = await asking(() => ask.select(m('journalAsk'), [{ name: m('journalKeep'), value: false }, { name: m('journalDelete'), value: true }], false));
        if (!drop) keep.add('journal');
      }
      if (precious.includes('key')) {
        say('', m('keyWhy'));
        const drop = await asking(() => ask.select(m('keyAsk'), [{ name: m('keyKeep'), value: false }, { name: m('keyDelete'), value: true }], false));
        if (!drop) keep.add('key');
      }
    }
  }

  const result = await wipeDataFolder(dir, { keep }, inventory);
  const names = (traces: readonly { kind: TraceKind }[]): string =>
    TRACE_KINDS.filter((k) => traces.some((t) => t.kind === k))
      .map((k) => m(`kind.${k}` as ForgetKey))
      .join(', ');
  const out: string[] = [];
  if (result.removed.length > 0) out.push(m('removed', { list: names(result.removed) }), m('overwritten'));
  if (result.kept.length > 0) out.push(m('keptPrecious', { list: names(result.kept) }));
  for (const f of result.failed) out.push(m('failed', { file: f.trace.path, code: f.code }));
  for (const d of result.unreadable) out.push(m('unreadable', { dir: d }));
  if (result.folderGone && result.removed.length > 0) out.push(m('folderGone', { dir }));
  if (out.length > 0) say('', ...out);

  const remains: string[] = [];
  if (result.others.length > 0) remains.push(m('remains.others', { count: result.others.length, dir }));
  remains.push(m('remains.files'), m('remains.backups'), m('remains.disk'), m('remains.program'), m(process.platform === 'win32' ? 'remains.historyWindows' : 'remains.historyPosix'), m('remains.screen'));
  ctx.io.stdout.write('\n' + m('remainsTitle') + '\n' + remains.flatMap((r) => wrap(r, ctx.io.width, '   ', ' - ')).join('\n') + '\n');
  return { code: result.failed.length > 0 || result.unreadable.length > 0 ? EXIT_PROBLEMS : EXIT_OK, wiped: result.removed.length > 0 };
}

export async function forgetEverything(ctx: AppContext, opts: Options, prompter?: Prompter): Promise<number> {
  return (await forgetFlow(ctx, opts, prompter)).code;
}

export default async function forget(ctx: AppContext, opts: Options): Promise<number> {
  return forgetEverything(ctx, opts);
}
