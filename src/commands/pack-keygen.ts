// `safestep pack keygen [--out <file>] [--passphrase-stdin]`: a key pair for
// signing lesson packs, the private half encrypted with a passphrase.
import { access } from 'node:fs/promises';
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import type { KdfCost } from '../crypto/passphrase-keys.js';
import { passphraseSource, type PassphraseOptions } from '../journal/passphrase.js';
import { fingerprintBlock } from '../packs/fingerprint.js';
import { writeKeyFile } from '../packs/keyfile.js';
import { messages } from '../packs/session.js';
import { newKeyPair } from '../packs/signing.js';
import type { Prompter } from '../prompter.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './pack-keygen.cli.js';

type Options = OptionsOf<typeof spec>;

export interface KeygenOptions extends PassphraseOptions {
  out?: string;
}

export function defaultKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'pack-signing-key.json');
}

export async function keygen(ctx: AppContext, opts: KeygenOptions, prompter?: Prompter, cost?: KdfCost): Promise<number> {
  const m = messages(ctx);
  const file = path.resolve(opts.out ?? defaultKeyFile(ctx.paths.dataDir));
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new SafestepError(m('keygen.exists', { file }), EXIT_USAGE, m('keygen.existsHint'));
  const source = passphraseSource(ctx, opts, prompter);
  ctx.io.stdout.write(m('keygen.intro') + '\n');
  const passphrase = await source.fresh(m('keygen.ask'), m('keygen.repeat'));
  const pair = newKeyPair();
  try {
    await ensureDir(path.dirname(file));
    await writeKeyFile(file, pair, passphrase, cost);
  } finally {
    pair.seed.fill(0);
  }
  ctx.io.stdout.write([m('keygen.saved', { file }), '', m('keygen.fingerprint'), '', fingerprintBlock(pair.publicKey), '', m('keygen.backup')].join('\n') + '\n');
  return EXIT_OK;
}

export default async function packKeygen(ctx: AppContext, opts: Options): Promise<number> {
  return keygen(ctx, opts);
}
