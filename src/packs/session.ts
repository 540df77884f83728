// What the pack commands share: reading and checking a pack file, turning every
// failure into one clear sentence, and describing a pack to a person.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import type { TextOf } from '../i18n/messages.js';
import { decodePack, MAX_PACK_BYTES, PackError, type OpenedPack } from './container.js';
import { fingerprintBlock } from './fingerprint.js';
import { MANIFEST_ISSUES } from './manifest.js';
import type { KeyFileError } from './keyfile.js';
import { MESSAGES, type MessageId } from './messages.js';

export function messages(ctx: AppContext): TextOf<MessageId> {
  return MESSAGES.text(ctx.lang);
}

export function packFailure(ctx: AppContext, err: PackError, file: string): SafestepError {
  const m = messages(ctx);
  const f = err.failure;
  const hint = m('fail.hint');
  switch (f.code) {
    case 'not-a-pack':
      return new SafestepError(m('fail.notAPack', { file }), EXIT_PROBLEMS);
    case 'newer-format':
      return new SafestepError(m('fail.newerFormat', { file }), EXIT_PROBLEMS, m('fail.newerFormatHint'));
    case 'too-large':
      return new SafestepError(m('fail.tooLarge', { file, max: f.max / 1024 / 1024 }), EXIT_PROBLEMS, hint);
    case 'truncated':
      return new SafestepError(m('fail.truncated', { expected: f.expected, actual: f.actual }), EXIT_PROBLEMS, hint);
    case 'trailing':
      return new SafestepError(m('fail.trailing', { count: f.extra }), EXIT_PROBLEMS, hint);
    case 'bad-manifest': {
      // A part name ("the signer") is itself a message; the rest of the data is from the file.
      const data = { ...f.data };
      if (typeof data.part === 'string' && MANIFEST_ISSUES.has(data.part)) data.part = MANIFEST_ISSUES.get(data.part, ctx.lang);
      const detail = MANIFEST_ISSUES.get(f.issue, ctx.lang, data);
      return new SafestepError(f.path ? m('fail.badManifestPath', { detail, path: f.path.slice(0, 300) }) : m('fail.badManifest', { detail }), EXIT_PROBLEMS, hint);
    }
    case 'bad-signature':
      return new SafestepError(m('fail.badSignature'), EXIT_PROBLEMS, hint);
    case 'signature-missing':
      return new SafestepError(m('fail.signatureMissing'), EXIT_PROBLEMS, hint);
    case 'unexpected-signature':
      return new SafestepError(m('fail.unexpectedSignature'), EXIT_PROBLEMS, hint);
    case 'file-changed':
      return new SafestepError(m('fail.fileChanged', { path: f.path }), EXIT_PROBLEMS, hint);
  }
}

export function keyFailure(ctx: AppContext, err: KeyFileError, file: string): SafestepError {
  const m = messages(ctx);
  switch (err.kind) {
    case 'not-a-key':
      return new SafestepError(m('key.notAKey', { file }), EXIT_USAGE);
    case 'newer':
      return new SafestepError(m('key.newer', { file }), EXIT_USAGE, m('fail.newerFormatHint'));
    case 'wrong-passphrase':
      return new SafestepError(m('key.wrongPassphrase', { file }), EXIT_USAGE, m('key.wrongPassphraseHint'));
    case 'unsupported':
      return new SafestepError(m('key.unsupported', { file }), EXIT_USAGE, m('fail.newerFormatHint'));
    case 'corrupted':
      return new SafestepError(m('key.corrupted', { file }), EXIT_PROBLEMS, m('key.corruptedHint'));
  }
}

/** Reads a pack file and checks everything about it; any problem becomes a SafestepError with the reason. */
export async function openPackFile(ctx: AppContext, file: string): Promise<OpenedPack> {
  const m = messages(ctx);
  const full = path.resolve(file);
  let data: Buffer;
  try {
    const info = await stat(full);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > MAX_PACK_BYTES) throw new PackError({ code: 'too-large', max: MAX_PACK_BYTES });
    data = await readFile(full);
  } catch (err) {
    if (err instanceof PackError) throw packFailure(ctx, err, full);
    throw new SafestepError(m('fail.unreadable', { file: full, reason: (err as NodeJS.ErrnoException).code ?? String(err) }), EXIT_USAGE);
  }
  try {
    return decodePack(data);
  } catch (err) {
    if (err instanceof PackError) throw packFailure(ctx, err, full);
    throw err;
  }
}

/** Name, date, signer fingerprint (readable aloud) and lessons of a checked pack. */
export function describePack(ctx: AppContext, opened: OpenedPack, trusted: boolean): string[] {
  const m = messages(ctx);
  const { manifest } = opened;
  const out = [m('show.pack', { name: manifest.name, id: manifest.id }), m('show.created', { date: manifest.created.slice(0, 16).replace('T', ' ') + ' UTC' }), ''];
  if (opened.publicKey) out.push(m('show.signer'), '', fingerprintBlock(opened.publicKey), '', trusted ? m('show.trusted') : m('show.unknown'));
  else out.push(m('show.unsigned'));
  out.push('', m('show.lessons', { count: manifest.lessons.length }), ...manifest.lessons.map((l) => m('show.lesson', { id: l.id, version: l.version })));
  return out;
}
