// EPUB e-books: the package document (OPF) named by META-INF/container.xml
// holds Dublin Core metadata (creators, contributors, publisher, rights,
// dates, identifiers) and <meta> properties; pictures inside are scanned.
import { latin1 } from '../codecs/bytes.js';
import { isImageName, scanMembers, tryPartText } from '../codecs/package.js';
import { attr, descendants, parseXml } from '../codecs/xml.js';
import { readEntry, readZip } from '../codecs/zip.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { Category } from '../types.js';
import type { Source } from '../codecs/source.js';
import type { ZipArchive } from '../codecs/zip.js';
import type { FormatModule } from './types.js';

const DC: Readonly<Record<string, readonly [string, Category]>> = {
  creator: ['Creator', 'person'],
  contributor: ['Contributor', 'person'],
  publisher: ['Publisher', 'person'],
  rights: ['Rights', 'person'],
  date: ['Date', 'time'],
  identifier: ['Identifier', 'history'],
  title: ['Title', 'other'],
  description: ['Description', 'other'],
  subject: ['Subject', 'other'],
  source: ['Source', 'other'],
  relation: ['Relation', 'other'],
  coverage: ['Coverage', 'location'],
};

async function scanEpub(src: Source, zip: ZipArchive, ctx: ScanContext): Promise<void> {
  const container = await tryPartText(src, zip, 'META-INF/container.xml');
  let opfPath = '';
  if (container) {
    for (const el of descendants(parseXml(container))) if (el.local === 'rootfile') opfPath = attr(el, 'full-path') ?? opfPath;
  }
  const opf = opfPath ? await tryPartText(src, zip, opfPath) : null;
  if (!opf) {
    ctx.damaged('no package document');
    return;
  }
  for (const el of descendants(parseXml(opf, () => ctx.budget.check()))) {
    const dc = el.uri === 'http://purl.org/dc/elements/1.1/' ? DC[el.local] : undefined;
    if (dc) ctx.out.add(dc[0] === 'Identifier' && /^urn:isbn/i.test(el.text.trim()) ? 'other' : dc[1], dc[0], el.text);
    if (el.local === 'meta') {
      const name = attr(el, 'property') ?? attr(el, 'name') ?? '';
      const value = el.text.trim() || (attr(el, 'content') ?? '');
      if (name && !/^(cover|dcterms:modified)$/.test(name)) ctx.out.add(classifyName(name.replace(/^.*:/, '')), name, value);
      if (name === 'dcterms:modified') ctx.out.add('time', 'Modified', value);
    }
  }
  await scanMembers(src, zip, ctx, (e) => isImageName(e.name));
}

export const epub: FormatModule = {
  name: 'epub',
  fromZip: async (src, zip) => {
    const m = zip.byName.get('mimetype');
    if (!m || m.size > 256) return null;
    return latin1(await readEntry(src, m, 256)).startsWith('application/epub+zip') ? 'epub' : null;
  },
  scan: async (src, ctx, det) => scanEpub(src, det.zip ?? (await readZip(src)), ctx),
  complete: true,
};
