// `safestep pack build <dir> --out <file> (--key <keyfile> | --unsigned)
//  [--id <id>] [--name <name>] [--force] [--passphrase-stdin]`:
// validates every lesson in the folder, then writes one pack file holding a
// manifest (lesson ids and versions, size and SHA-256 of every file), the files,
// and an Ed25519 signature over the manifest.
import { randomBytes } from 'node:crypto';
import { access, rm, stat } from 'node:fs/promises';
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { passphraseSource, type PassphraseOptions } from '../journal/passphrase.js';
import { collect, readCollected, slugify } from '../packs/collect.js';
import { decodePack, encodePack, sha256, type PackFile } from '../packs/container.js';
import { fingerprintBlock } from '../packs/fingerprint.js';
import { packsDir } from '../paths.js';
import { wrap } from '../text/width.js';
import { knownLessons, validateTree, writeTree, type TreeValidation } from '../packs/validate.js';
import { KeyFileError, readKeyFile, unlockKeyFile } from '../packs/keyfile.js';
import { isIndicatorEntryPath, isPackId, PACK_FORMAT, type Manifest, type ManifestLesson } from '../packs/manifest.js';
import { parseIndicatorSet } from '../phone/indicators.js';
import { keyFailure, messages } from '../packs/session.js';
import type { KeyPair } from '../packs/signing.js';
import type { Prompter } from '../prompter.js';
import { hasUnsafeChars, stripUnsafe } from '../sanitize.js';
import { formatProblem } from './lesson-validate.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './pack-build.cli.js';

type Options = OptionsOf<typeof spec>;

export interface BuildOptions extends PassphraseOptions {
  out: string;
  key?: string;
  unsigned?: boolean;
  id?: string;
  name?: string;
  force?: boolean;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

export async function buildPack(ctx: AppContext, dir: string, opts: BuildOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  if (!opts.key && !opts.unsigned) throw new SafestepError(m('build.keyOrUnsigned'), EXIT_USAGE);
  if (opts.key && opts.unsigned) throw new SafestepError(m('build.keyAndUnsigned'), EXIT_USAGE);
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new SafestepError(m('build.notADir', { dir: root }), EXIT_USAGE);
  const out = path.resolve(opts.out);
  if (!opts.force && (await exists(out))) throw new SafestepError(m('build.outExists', { file: out }), EXIT_USAGE, m('build.outExistsHint'));
  const id = opts.id ?? slugify(path.basename(root));
  if (!isPackId(id)) throw new SafestepError(m('build.badId', { id: stripUnsafe(id).slice(0, 80) }), EXIT_USAGE, m('build.badIdHint'));
  const name = (opts.name ?? id).trim();
  if (name.length === 0 || name.length > 200 || hasUnsafeChars(name)) throw new SafestepError(m('build.badName'), EXIT_USAGE);
  const keyFile = opts.key ? path.resolve(opts.key) : undefined;
  if (keyFile) {
    // Read the public half now, so a wrong --key is reported before any lesson work.
    if (!(await exists(keyFile))) throw new SafestepError(m('key.missing', { file: keyFile }), EXIT_USAGE, m('key.missingHint'));
    await readKeyFile(keyFile).catch((err: unknown) => {
      throw err instanceof KeyFileError ? keyFailure(ctx, err, keyFile) : err;
    });
  }

  const found = await collect(root);
  if (found.refused.length > 0) {
    const reasons = { symlink: 'build.symlink', 'not-a-file': 'build.notAFile', 'unsafe-name': 'build.unsafeName', 'too-large': 'build.tooLarge' } as const;
    const lines = found.refused.map((r) => m(reasons[r.reason], { file: stripUnsafe(r.file) }));
    throw new SafestepError(lines.join('\n'), EXIT_PROBLEMS, m('build.refused'));
  }
  // The bytes read here are the bytes validated and the bytes signed.
  const files: PackFile[] = [];
  for (const f of found.files) files.push({ path: f.path, data: await readCollected(f) });
  // Phone indicator sets are checked now, so a broken one is found here, not at the clinic table.
  for (const [i, f] of found.files.entries()) {
    if (!isIndicatorEntryPath(f.path)) continue;
    const load = parseIndicatorSet(files[i]!.data);
    if (!load.ok) {
      const field = load.problem.code === 'bad-field' ? load.problem.field : load.problem.code;
      throw new SafestepError(m('build.badIndicators', { file: stripUnsafe(f.abs), field }), EXIT_PROBLEMS, m('build.refused'));
    }
  }
  if (found.lessonFiles.length === 0) throw new SafestepError(m('build.noLessons', { dir: root }), EXIT_PROBLEMS);
  const staging = path.join(packsDir(ctx.paths.dataDir), `.build-${randomBytes(6).toString('hex')}`);
  let checked: TreeValidation;
  try {
    await ensureDir(staging);
    await writeTree(staging, files);
    checked = await validateTree(ctx, staging, await knownLessons(ctx));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const inRoot = (file: string): string => path.join(root, path.relative(staging, file));
  if (checked.errors.length > 0) {
    const cwd = process.cwd();
    ctx.io.stdout.write([m('build.lessonErrors', { count: checked.errors.length }), ...checked.errors.map((p) => formatProblem({ ...p, file: inRoot(p.file) }, cwd))].join('\n') + '\n');
    throw new SafestepError(m('build.refused'), EXIT_PROBLEMS, m('build.lessonErrorsHint', { dir: root }));
  }
  const drafts = checked.reports.filter((r) => r.lesson?.draft).map((r) => r.lesson!.id);
  if (drafts.length > 0) ctx.io.stderr.write(wrap(m('build.drafts', { ids: drafts.join(', ') }), ctx.io.width).join('\n') + '\n');
  const lessons: ManifestLesson[] = checked.reports.map((r) => ({ id: r.lesson!.id, version: r.lesson!.version, path: path.relative(staging, r.file).split(path.sep).join('/') }));
  lessons.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let pair: KeyPair | undefined;
  if (keyFile) {
    const source = passphraseSource(ctx, opts, prompter);
    const passphrase = await source.existing(m('unlock.ask', { file: keyFile }));
    try {
      pair = await unlockKeyFile(keyFile, passphrase);
    } catch (err) {
      throw err instanceof KeyFileError ? keyFailure(ctx, err, keyFile) : err;
    }
  }
  const manifest: Manifest = {
    format: PACK_FORMAT,
    id,
    name,
    created: ctx.now().toISOString(),
    signer: pair ? { algorithm: 'ed25519', publicKey: pair.publicKey.toString('hex') } : null,
    lessons,
    files: files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) })),
  };
  let packed: Buffer;
  try {
    packed = encodePack(manifest, files, pair?.seed);
  } finally {
    pair?.seed.fill(0);
  }
  // The pack is read back exactly as an installer would before it is kept.
  decodePack(packed);
  await writeFileAtomic(out, packed);

  const lines = [m('build.done', { file: out }), m('show.lessons', { count: lessons.length }), ...lessons.map((l) => m('show.lesson', { id: l.id, version: l.version }))];
  if (found.ignored > 0) lines.push('', m('build.ignored', { count: found.ignored }));
  if (pair) lines.push('', m('build.signedBy'), '', fingerprintBlock(pair.publicKey));
  else lines.push('', m('build.doneUnsigned'));
  ctx.io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}

export default async function packBuild(ctx: AppContext, dir: string, opts: Options): Promise<number> {
  return buildPack(ctx, dir, opts);
}
