// `safestep journal export --out <file> [--format md|html] [--no-files]`: a
// report for a lawyer or a helpline. Beside it, a folder with the attached files
// decrypted and a SHA256SUMS manifest, checked against the journal's hashes.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from '../version.js';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { CryptoFailure } from '../crypto/passphrase-keys.js';
import type { PassphraseOptions } from '../journal/passphrase.js';
import { evidenceFileName, evidenceFor, renderHtml, renderMarkdown, sha256sums, type EvidenceItem } from '../journal/report.js';
import { messages, unlockJournal } from '../journal/session.js';
import type { Prompter } from '../prompter.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './journal-export.cli.js';

type Options = OptionsOf<typeof spec>;

export interface JournalExportOptions extends PassphraseOptions {
  out: string;
  format?: string;
  /** false with --no-files: only the hashes, not the files. */
  files?: boolean;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

export function reportFormat(out: string, format: string | undefined): 'md' | 'html' | null {
  if (format === undefined) return /\.html?$/i.test(out) ? 'html' : 'md';
  const f = format.toLowerCase();
  return f === 'md' || f === 'markdown' ? 'md' : f === 'html' ? 'html' : null;
}

export async function exportJournal(ctx: AppContext, opts: JournalExportOptions, prompter?: Prompter): Promise<number> {
  const m = messages(ctx);
  const format = reportFormat(opts.out, opts.format);
  if (!format) throw new SafestepError(m('export.badFormat', { format: opts.format ?? '' }), EXIT_USAGE);
  const target = path.resolve(opts.out);
  const evidenceDir = target.slice(0, target.length - path.extname(target).length) + '-evidence';
  const withFiles = opts.files !== false;
  // Refuse before asking anything: the folder must exist (a typo must not put evidence somewhere
  // unexpected), and nothing the person already has is overwritten.
  const parent = await stat(path.dirname(target)).catch(() => null);
  if (!parent?.isDirectory()) throw new SafestepError(m('export.noFolder', { dir: path.dirname(target) }), EXIT_USAGE, m('export.noFolderHint'));
  for (const p of withFiles ? [target, evidenceDir] : [target]) {
    if (await exists(p)) throw new SafestepError(m('export.exists', { file: p }), EXIT_USAGE, m('export.existsHint'));
  }
  const journal = await unlockJournal(ctx, opts, prompter);
  const data = journal.data;
  if (data.records.length === 0) throw new SafestepError(m('export.empty'), EXIT_USAGE);

  const evidence: EvidenceItem[] = evidenceFor(data);
  const exportFiles = withFiles && evidence.length > 0;
  if (exportFiles) {
    const staging = path.join(path.dirname(evidenceDir), `.${path.basename(evidenceDir)}.${randomBytes(6).toString('hex')}.tmp`);
    await mkdir(staging, { mode: 0o700 });
    try {
      for (const item of evidence) {
        const att = data.records[item.record - 1]!.attachments[item.index - 1]!;
        item.file = evidenceFileName(item.record, item.index, att.name);
        try {
          await journal.exportAttachment(att, path.join(staging, item.file));
        } catch (err) {
          const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : err instanceof CryptoFailure ? 'damaged' : (err as Error).message;
          throw new SafestepError(m('export.failed', { name: att.name, n: item.record, reason }), EXIT_USAGE, m('export.failedHint'));
        }
      }
      await writeFileAtomic(path.join(staging, 'SHA256SUMS'), sha256sums(evidence));
      await rename(staging, evidenceDir);
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
  }
  const input = { data, lang: ctx.lang, exported: ctx.now(), version: VERSION, evidence, ...(exportFiles ? { evidenceDir: path.basename(evidenceDir) } : {}) };
  const report = format === 'html' ? renderHtml(input) : renderMarkdown(input);
  await writeFileAtomic(target, report);
  const out = [m('export.done', { file: target })];
  if (exportFiles) out.push(m('export.evidence', { dir: evidenceDir }));
  out.push(m('export.reportHash', { sha256: createHash('sha256').update(report).digest('hex') }), '', m('export.warning'));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

export default async function journalExport(ctx: AppContext, opts: Options): Promise<number> {
  return exportJournal(ctx, opts);
}
