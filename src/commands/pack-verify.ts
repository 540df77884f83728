// `safestep pack verify <file>`: checks a pack (layout, signature, every file's
// hash) and shows who signed it, as a fingerprint people can read aloud.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import { describePack, messages, openPackFile } from '../packs/session.js';
import { isTrusted } from '../packs/store.js';

export default async function packVerify(ctx: AppContext, file: string): Promise<number> {
  const m = messages(ctx);
  const opened = await openPackFile(ctx, file);
  const trusted = opened.publicKey ? await isTrusted(ctx.paths.dataDir, opened.publicKey) : false;
  const out = describePack(ctx, opened, trusted);
  out.push('', opened.signed ? m('verify.ok') : m('verify.okUnsigned'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return opened.signed ? EXIT_OK : EXIT_PROBLEMS;
}
