// `safestep passphrase [--words N] [--separator S]`: crypto-random passphrases
// from the EFF large list (English) or our list of common Russian words.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { generatePassphrase, PassphraseOptionError } from '../password/passphrase.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './passphrase.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function passphrase(ctx: AppContext, opts: Options): Promise<number> {
  const words = opts.words === undefined ? undefined : Number(opts.words);
  const count = opts.count === undefined ? 1 : Number(opts.count);
  if (!Number.isInteger(count) || count < 1 || count > 20) throw new SafestepError(ctx.t('passphrase.badCount'), EXIT_USAGE);
  const lines: string[] = [];
  let bits = 0;
  try {
    for (let i = 0; i < count; i++) {
      const p = generatePassphrase({ ...(words !== undefined ? { words } : {}), lang: ctx.lang, latin: Boolean(opts.latin), ...(opts.separator !== undefined ? { separator: opts.separator } : {}) });
      lines.push(p.phrase);
      bits = p.entropyBits;
    }
  } catch (err) {
    if (err instanceof PassphraseOptionError) throw new SafestepError(ctx.t('passphrase.badOption', { option: err.option }), EXIT_USAGE, ctx.t('passphrase.hint'));
    throw err;
  }
  ctx.io.stdout.write(lines.join('\n') + '\n');
  // The advice goes to stderr so `safestep passphrase > file` or a pipe gets only the phrase.
  ctx.io.stderr.write(ctx.t('passphrase.entropy', { bits: Math.floor(bits) }) + '\n');
  if (ctx.lang === 'ru' && !opts.latin) ctx.io.stderr.write(ctx.t('passphrase.cyrillic') + '\n');
  return EXIT_OK;
}
