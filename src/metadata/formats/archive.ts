// Plain zip archives (a folder of photos zipped to send): every member is
// scanned like a file of its own, so a photo's GPS inside photos.zip is found.
// A member that is not a type we read, or is encrypted, makes the archive
// "not completely checked"; the archive comment is reported. Cleaning is not
// done: unzip, clean the files, zip them again.
import { MAX_EMBEDDED } from '../codecs/package.js';
import { MetaError, type Source } from '../codecs/source.js';
import { readEntry, readZip, type ZipArchive } from '../codecs/zip.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

export async function scanArchive(src: Source, zip: ZipArchive, ctx: ScanContext): Promise<void> {
  ctx.out.add('other', 'ZipComment', zip.comment);
  const unread: string[] = [];
  for (const e of zip.entries) {
    if (e.name.endsWith('/') || e.size === 0) continue;
    ctx.budget.check();
    if (e.flags & 1) {
      unread.push(`${e.name} (encrypted)`);
      continue;
    }
    if (e.size > MAX_EMBEDDED) {
      unread.push(`${e.name} (${e.size} bytes, over the limit)`);
      continue;
    }
    let data: Uint8Array;
    try {
      data = await readEntry(src, e, MAX_EMBEDDED);
    } catch (err) {
      if (err instanceof MetaError && (err.code === 'timeout' || err.code === 'too-large')) throw err;
      unread.push(`${e.name} (damaged)`);
      continue;
    }
    if (!(await ctx.scanEmbedded(data, e.name))) unread.push(e.name);
  }
  if (unread.length > 0) ctx.unread(`${unread.length} file(s) in the archive not checked: ${unread.slice(0, 5).join(', ')}`);
}

export const archive: FormatModule = {
  name: 'zip',
  // Checked after every document format built on zip (OOXML, ODF, EPUB).
  fromZip: async (_src, zip) => (zip.byName.has('Index/Document.iwa') || zip.byName.has('index.xml') ? null : 'zip'),
  scan: async (src, ctx, det) => scanArchive(src, det.zip ?? (await readZip(src)), ctx),
  complete: true,
};
