// `safestep pack install <file> [--allow-unsigned] [--yes]`: verifies the pack
// first; a new signer must be confirmed (and is remembered once the pack is
// installed); the lessons are validated like shipped ones in a staging folder,
// which is then renamed into <dataDir>/packs/<pack-id>.
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { asking } from '../journal/passphrase.js';
import { packDir } from '../paths.js';
import { describePack, messages, openPackFile } from '../packs/session.js';
import { addTrusted, commitStaging, extractToStaging, isTrusted, readInstalled, removeStaging } from '../packs/store.js';
import { knownLessons, validateTree } from '../packs/validate.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';
import { stripUnsafe } from '../sanitize.js';
import { formatProblem } from './lesson-validate.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './pack-install.cli.js';

type Options = OptionsOf<typeof spec>;

export interface InstallOptions {
  allowUnsigned?: boolean;
  yes?: boolean;
}

export async function installPack(ctx: AppContext, file: string, opts: InstallOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const dataDir = ctx.paths.dataDir;
  const opened = await openPackFile(ctx, file);
  const { manifest } = opened;
  const trustedAlready = opened.publicKey ? await isTrusted(dataDir, opened.publicKey) : false;
  ctx.io.stdout.write(describePack(ctx, opened, trustedAlready).join('\n') + '\n\n');

  if (!opened.signed) {
    if (!opts.allowUnsigned) throw new SafestepError(m('install.unsigned'), EXIT_PROBLEMS, m('install.unsignedHint'));
    ctx.io.stdout.write(m('install.unsignedAllowed') + '\n');
  }
  // The same pack id from another signer would let anyone who learns the id replace a trainer's lessons.
  const previous = await readInstalled(dataDir, manifest.id);
  if (previous && (previous.manifest.signer?.publicKey ?? null) !== (manifest.signer?.publicKey ?? null)) {
    throw new SafestepError(m('install.otherSigner', { id: manifest.id }), EXIT_PROBLEMS, m('install.otherSignerHint', { id: manifest.id }));
  }
  // A validly signed but older pack must not quietly bring back lessons the trainer has since fixed.
  if (previous && previous.manifest.created > manifest.created) {
    const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ') + ' UTC';
    throw new SafestepError(m('install.older', { id: manifest.id, installed: when(previous.manifest.created), created: when(manifest.created) }), EXIT_PROBLEMS, m('install.olderHint', { id: manifest.id }));
  }
  if (opened.publicKey && !trustedAlready) {
    if (opts.yes) ctx.io.stdout.write(m('install.trustedByYes') + '\n');
    else {
      if (!prompter && !ctx.io.canPrompt) throw new SafestepError(m('install.trustNeedsYes'), EXIT_USAGE, m('install.trustNeedsYesHint'));
      const ask = prompter ?? inquirerPrompter(ctx.io, ctx.t);
      if (!(await asking(() => ask.confirm(m('install.askTrust'), false)))) {
        ctx.io.stdout.write(m('install.trustDeclined') + '\n');
        return EXIT_PROBLEMS;
      }
    }
  }

  const staging = await extractToStaging(dataDir, opened, ctx.now());
  try {
    const lessonsDir = path.join(staging, 'lessons');
    const known = await knownLessons(ctx, [path.join(packDir(dataDir, manifest.id), 'lessons')]);
    const checked = await validateTree(ctx, lessonsDir, known);
    if (checked.errors.length > 0) {
      const shown = checked.errors.slice(0, 20).map((p) => formatProblem(p, lessonsDir));
      ctx.io.stdout.write([m('install.lessonErrors', { count: checked.errors.length }), ...shown].join('\n') + '\n');
      throw new SafestepError(m('install.lessonErrors', { count: checked.errors.length }).replace(/:$/, '.'), EXIT_PROBLEMS, m('fail.hint'));
    }
    // What was validated must be what the signed manifest says: the same lessons, ids and versions.
    const listed = new Map(manifest.lessons.map((l) => [l.path, l]));
    for (const report of checked.reports) {
      const rel = path.relative(lessonsDir, report.file).split(path.sep).join('/');
      const entry = listed.get(rel);
      if (!entry || entry.id !== report.lesson?.id || entry.version !== report.lesson.version) {
        throw new SafestepError(m('install.lessonMismatch', { path: rel }), EXIT_PROBLEMS, m('fail.hint'));
      }
      listed.delete(rel);
    }
    const unlisted = [...listed.keys()][0];
    if (unlisted !== undefined) throw new SafestepError(m('install.lessonMismatch', { path: unlisted }), EXIT_PROBLEMS, m('fail.hint'));
    // A pack may add lessons, never stand in for one that is already here.
    for (const lesson of manifest.lessons) {
      const clash = known.find((k) => k.id === lesson.id);
      if (clash) throw new SafestepError(m('install.clash', { id: lesson.id, where: stripUnsafe(clash.file) }), EXIT_PROBLEMS);
    }
    await commitStaging(dataDir, manifest.id, staging);
  } catch (err) {
    await removeStaging(staging);
    throw err;
  }
  if (opened.publicKey && !trustedAlready) await addTrusted(dataDir, opened.publicKey, manifest.id, ctx.now());

  const out = [m('install.done', { name: stripUnsafe(manifest.name), id: manifest.id })];
  if (previous) out.push(m('install.replaced'));
  if (opened.publicKey && !trustedAlready) out.push(m('install.remembered'));
  out.push(m('install.next'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

export default async function packInstall(ctx: AppContext, file: string, opts: Options): Promise<number> {
  return installPack(ctx, file, opts);
}
