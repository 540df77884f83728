// `safestep pack list [--json]`: installed packs, with their signer and lessons.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { messages } from '../packs/session.js';
import { listInstalled, loadTrusted } from '../packs/store.js';
import { stripUnsafe } from '../sanitize.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './pack-list.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function packList(ctx: AppContext, opts: Options): Promise<number> {
  const m = messages(ctx);
  const { packs, broken } = await listInstalled(ctx.paths.dataDir);
  const trusted = new Set((await loadTrusted(ctx.paths.dataDir)).map((s) => s.publicKey));
  if (opts.json) {
    const list = packs.map((p) => ({
      id: p.id,
      name: p.manifest.name,
      created: p.manifest.created,
      installed: p.installed,
      signer: p.manifest.signer ? { publicKey: p.manifest.signer.publicKey, fingerprint: p.fingerprint, trusted: trusted.has(p.manifest.signer.publicKey) } : null,
      lessons: p.manifest.lessons.map((l) => ({ id: l.id, version: l.version })),
      dir: p.dir,
    }));
    ctx.io.stdout.write(JSON.stringify({ packs: list, broken }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out: string[] = [];
  if (packs.length === 0) out.push(m('list.none'));
  for (const p of packs) {
    out.push(`${p.id}  ${stripUnsafe(p.manifest.name)}`);
    if (p.manifest.signer && p.fingerprint) {
      out.push(m('list.signer', { fingerprint: p.fingerprint }) + (trusted.has(p.manifest.signer.publicKey) ? ` ${m('list.trusted')}` : ''));
    } else out.push(m('list.unsigned'));
    out.push(m('list.lessons', { lessons: p.manifest.lessons.map((l) => `${l.id} (v${l.version})`).join(', ') }));
    out.push(m('list.installed', { date: p.installed.slice(0, 10) }), '');
  }
  for (const name of broken) out.push(m('list.broken', { dir: stripUnsafe(name) }));
  ctx.io.stdout.write(out.join('\n').trimEnd() + '\n');
  return EXIT_OK;
}
