// XML-based files that are metadata or carry it: XMP sidecars (.xmp, all of
// it metadata) and SVG drawings (an RDF <metadata> block, <title>/<desc>,
// comments, editor attributes such as Inkscape's export path, and pictures
// embedded as data: URIs, which keep their own EXIF).
import { latin1 } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import { descendants, parseXml, tokens } from '../codecs/xml.js';
import { scanXmp, xmpText } from '../codecs/xmp.js';
import type { ScanContext } from '../context.js';
import type { FormatModule } from './types.js';

const MAX_TEXT = 32 * 1024 * 1024;
const MAX_DATA_URI = 32 * 1024 * 1024;

async function wholeText(src: Source): Promise<string> {
  if (src.size > MAX_TEXT) throw new MetaError('too-large', `${src.size} bytes of XML`);
  return xmpText(await src.read(0, src.size));
}

/** A user's folder in a path makes it a name; other paths are just text. */
function pathCategory(v: string): 'person' | 'other' {
  return /(^|[\\/])(home|Users|Documents and Settings)[\\/][^\\/]+/i.test(v) ? 'person' : 'other';
}

export async function scanSvg(src: Source, ctx: ScanContext): Promise<void> {
  const s = await wholeText(src);
  scanXmp(s, ctx.out, () => ctx.budget.check());
  for (const tok of tokens(s)) {
    if (tok.kind === 'comment') ctx.out.add('other', 'Comment', s.slice(tok.start + 4, tok.end - 3));
  }
  const doc = parseXml(s, () => ctx.budget.check());
  for (const el of descendants(doc)) {
    if (el.local === 'title' || el.local === 'desc') ctx.out.add('other', el.local === 'title' ? 'Title' : 'Description', el.text);
    for (const a of el.attrs) {
      if (a.local === 'docname') ctx.out.add('other', 'DocName', a.value);
      else if (a.local === 'export-filename' || a.local === 'absref' || (a.local === 'href' && /^(file:|\/|[A-Za-z]:\\)/.test(a.value))) {
        ctx.out.add(pathCategory(a.value), 'FilePath', a.value);
      } else if (a.local === 'href' && /^data:image\/[\w+.-]+;base64,/i.test(a.value)) {
        const b64 = a.value.slice(a.value.indexOf(',') + 1);
        if (b64.length > MAX_DATA_URI) continue;
        await ctx.scanEmbedded(new Uint8Array(Buffer.from(b64, 'base64')), 'embedded picture');
      }
    }
  }
}

export async function scanXmpSidecar(src: Source, ctx: ScanContext): Promise<void> {
  if (!scanXmp(await wholeText(src), ctx.out, () => ctx.budget.check())) throw new MetaError('corrupt', 'XMP is not well-formed XML');
}

function kind(head: Uint8Array): 'svg' | 'xmp' | null {
  if (!startsLikeMarkup(head)) return null;
  let s = latin1(head, 0, Math.min(head.length, 1024));
  if (head[0] === 0xfe || head[0] === 0xff || head[0] === 0) s = xmpText(head).slice(0, 1024);
  if (s.startsWith('\xef\xbb\xbf')) s = s.slice(3);
  const t = s.trimStart().toLowerCase();
  if (!t.startsWith('<')) return null;
  if (t.includes('<svg')) return 'svg';
  if (t.includes('x:xmpmeta') || t.includes('x:xapmeta') || t.startsWith('<?xpacket') || (t.includes('<rdf:rdf') && !t.includes('<html'))) return 'xmp';
  return null;
}

export const svg: FormatModule = {
  name: 'svg',
  sniff: (head) => (kind(head) === 'svg' ? 'svg' : null),
  scan: (src, ctx) => scanSvg(src, ctx),
  complete: true,
};

export const xmpSidecar: FormatModule = {
  name: 'xmp',
  sniff: (head) => (kind(head) === 'xmp' ? 'xmp' : null),
  scan: (src, ctx) => scanXmpSidecar(src, ctx),
  complete: true,
  alternative: 'sidecar',
};

/** Markup starts with "<" after optional whitespace, a UTF-8 BOM or UTF-16: a cheap test before decoding. */
function startsLikeMarkup(head: Uint8Array): boolean {
  for (let i = 0; i < Math.min(head.length, 64); i++) {
    const b = head[i] ?? 0;
    if (b === 0x3c || b === 0xef || b === 0xfe || b === 0xff || b === 0) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return false;
}
