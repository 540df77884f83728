// OpenDocument (odt, ods, odp, odg): meta.xml (initial creator, creator,
// dates, editing cycles and time, generator, user-defined fields), the
// thumbnail, tracked changes and annotations in content.xml, LibreOffice's
// rsid attributes, the printer named in settings.xml, and pictures.
//
// The scrubber writes a minimal meta.xml, removes the thumbnail, settings.xml
// and Configurations2/, accepts tracked changes, removes annotations and rsid
// attributes, and keeps META-INF/manifest.xml listing exactly what is left;
// `mimetype` stays the first, uncompressed member.
import { latin1, text } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import { MetaError, type Budget, type Source } from '../codecs/source.js';
import { allText, attr, attributes, descendants, escapeAttr, parseXml, rewriteXml, rootElement, tokens, type RewriteRules } from '../codecs/xml.js';
import type { RemovedId, ScrubWarning } from '../messages.js';
import { readEntry, readZip, type ZipArchive } from '../codecs/zip.js';
import { scrubPackage } from './document.js';
import type { FormatModule } from './types.js';
import { isImageName, MAX_PART, partText, scanMembers, tryPartText, zipDate, type PackagePlan } from '../codecs/package.js';
import type { PackageCheck, ScrubImageFn } from './ooxml.js';

const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OOO_NS = 'http://openoffice.org/2009/office';

export type OdfKind = 'odt' | 'ods' | 'odp' | 'odg' | 'odf';

export function odfKind(mimetype: string): OdfKind {
  const m = /opendocument\.(text|spreadsheet|presentation|graphics)(-template)?$/.exec(mimetype.trim());
  switch (m?.[1]) {
    case 'text':
      return 'odt';
    case 'spreadsheet':
      return 'ods';
    case 'presentation':
      return 'odp';
    case 'graphics':
      return 'odg';
    default:
      return 'odf';
  }
}

type Rule = readonly [string, 'person' | 'other' | 'time' | 'history' | 'software' | 'skip'];

/** ExifTool names these after the element: Initial-creator, Creation-date... */
const META: Record<string, Rule> = {
  'initial-creator': ['Initial-creator', 'person'],
  creator: ['Creator', 'person'],
  'printed-by': ['Printed-by', 'person'],
  'creation-date': ['Creation-date', 'time'],
  date: ['Date', 'time'],
  'print-date': ['Print-date', 'time'],
  'editing-duration': ['Editing-duration', 'time'],
  'editing-cycles': ['Editing-cycles', 'history'],
  generator: ['Generator', 'software'],
  title: ['Title', 'other'],
  subject: ['Subject', 'other'],
  description: ['Description', 'other'],
  keyword: ['Keyword', 'other'],
  language: ['Language', 'skip'],
  'document-statistic': ['Document-statistic', 'skip'],
  'auto-reload': ['Auto-reload', 'skip'],
  'hyperlink-behaviour': ['Hyperlink-behaviour', 'skip'],
};

function scanMetaXml(xml: string, ctx: ScanContext): void {
  const doc = parseXml(xml, () => ctx.budget.check());
  const meta = [...descendants(doc)].find((e) => e.local === 'meta' && e.uri === OFFICE_NS);
  if (!meta) return;
  for (const el of meta.children) {
    if (el.local === 'user-defined') {
      const name = attr(el, 'name') ?? 'user-defined';
      ctx.out.add(classifyName(name), name, allText(el) || '(set)');
      continue;
    }
    if (el.local === 'template') {
      const href = attr(el, 'href') ?? '';
      const isUserPath = /\/home\/|\/users\/|\\users\\|documents and settings/i.test(href);
      ctx.out.add(isUserPath ? 'person' : 'other', 'Template', [attr(el, 'title'), href].filter(Boolean).join(': '));
      continue;
    }
    const rule = META[el.local];
    const v = allText(el);
    if (!rule) {
      if (v) ctx.out.add('other', el.local, v);
      continue;
    }
    if (rule[1] === 'skip') continue;
    if (el.local === 'editing-cycles' && Number(v) <= 1) continue;
    if (el.local === 'editing-duration' && /^P(T0+S|0D)?$/.test(v.replace(/T0H0M/, 'T'))) continue;
    ctx.out.add(rule[1], rule[0], v);
  }
}

function contentSummary(xml: string, changeAuthors: Set<string>, noteAuthors: Set<string>): { changes: number; notes: number; rsids: number } {
  let changes = 0;
  let notes = 0;
  let rsids = 0;
  // Stack of what we are inside: change-info (tracked change) or annotation.
  let inChange = 0;
  let inNote = 0;
  let inCreator = false;
  for (const tok of tokens(xml)) {
    if (tok.kind === 'open' || tok.kind === 'empty') {
      const n = tok.name;
      if (n === 'text:changed-region') changes++;
      if (n === 'office:annotation') notes++;
      if (tok.kind === 'open') {
        if (n === 'office:change-info') inChange++;
        if (n === 'office:annotation') inNote++;
        if (n === 'dc:creator') inCreator = true;
      }
      if (xml.slice(tok.attrStart, tok.attrEnd).includes('rsid=')) {
        for (const a of attributes(xml, tok)) if (/^officeooo:(paragraph-)?rsid$/.test(a.name)) rsids++;
      }
    } else if (tok.kind === 'close') {
      if (tok.name === 'office:change-info') inChange--;
      if (tok.name === 'office:annotation') inNote--;
      if (tok.name === 'dc:creator') inCreator = false;
    } else if (tok.kind === 'text' && inCreator) {
      const t = xml.slice(tok.start, tok.end).trim();
      if (t && inChange > 0) changeAuthors.add(t);
      else if (t && inNote > 0) noteAuthors.add(t);
    }
  }
  return { changes, notes, rsids };
}

function list(set: Set<string>): string {
  return [...set].slice(0, 8).join(', ');
}

export async function scanOdf(src: Source, zip: ZipArchive, ctx: ScanContext): Promise<void> {
  for (const e of zip.entries) {
    if (e.name === 'meta.xml' || e.name.endsWith('/meta.xml')) {
      const xml = await tryPartText(src, zip, e.name);
      if (xml === null) continue;
      const out = e.name === 'meta.xml' ? ctx : { ...ctx, out: ctx.out.nested(e.name.slice(0, -'/meta.xml'.length)) };
      try {
        scanMetaXml(xml, out);
      } catch (err) {
        if (err instanceof MetaError && err.code === 'timeout') throw err;
        ctx.damaged(`${e.name} is not well-formed XML`);
      }
    }
  }
  for (const e of zip.entries) if (/^Thumbnails\//.test(e.name) && !e.name.endsWith('/')) ctx.out.add('thumbnail', 'ThumbnailImage', e.name);

  const changeAuthors = new Set<string>();
  const noteAuthors = new Set<string>();
  let changes = 0;
  let notes = 0;
  let rsids = 0;
  for (const e of zip.entries) {
    if (!/(^|\/)(content|styles)\.xml$/.test(e.name)) continue;
    const xml = await tryPartText(src, zip, e.name);
    if (!xml) continue;
    ctx.budget.check();
    try {
      const s = contentSummary(xml, changeAuthors, noteAuthors);
      changes += s.changes;
      notes += s.notes;
      rsids += s.rsids;
    } catch (err) {
      if (err instanceof MetaError && err.code === 'timeout') throw err;
    }
  }
  if (changes > 0) ctx.out.add('history', 'TrackedChanges', `${changes} tracked change(s)${changeAuthors.size ? ` by ${list(changeAuthors)}` : ''}`);
  if (notes > 0) ctx.out.add('history', 'Annotations', `${notes} comment(s)${noteAuthors.size ? ` by ${list(noteAuthors)}` : ''}`);

  const settings = await tryPartText(src, zip, 'settings.xml');
  if (settings) {
    const printer = /config:name="PrinterName"[^>]*>([^<]+)</.exec(settings);
    if (printer?.[1]) ctx.out.add('device', 'PrinterName', printer[1]);
    if (/config:name="Rsid(Root)?"/.test(settings)) rsids++;
  }
  if (rsids > 0) ctx.out.add('history', 'RevisionSessionIDs', 'editing session ids (rsid) in the document');
  zipDate(zip, ctx);
  await scanMembers(src, zip, ctx, (e) => /(^|\/)Pictures\//.test(e.name) && isImageName(e.name));
}

// ---------------------------------------------------------------------------
// Scrubbing

const CONTENT_RULES: RewriteRules = {
  drop: (uri, local) =>
    ((uri === TEXT_NS || uri === TABLE_NS) && local === 'tracked-changes') ||
    (uri === TEXT_NS && (local === 'change' || local === 'change-start' || local === 'change-end')) ||
    (uri === OFFICE_NS && (local === 'annotation' || local === 'annotation-end')),
  dropAttr: (uri, local) => uri === OOO_NS && (local === 'rsid' || local === 'paragraph-rsid'),
};

function minimalMeta(xml: string): string {
  let version = '';
  try {
    const root = rootElement(parseXml(xml));
    version = (root && attr(root, 'version', OFFICE_NS)) ?? '';
  } catch {
    // a broken meta.xml is replaced all the same
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<office:document-meta xmlns:office="${OFFICE_NS}"${version ? ` office:version="${escapeAttr(version)}"` : ''}><office:meta/></office:document-meta>`
  );
}

const REMOVE_DIRS = /^(Thumbnails|Configurations2|layout-cache)(\/|$)|(^|\/)settings\.xml$/;

export async function planOdfScrub(src: Source, zip: ZipArchive, budget: Budget, scrubImage: ScrubImageFn): Promise<PackagePlan> {
  const remove = new Set<string>();
  const replace = new Map<string, Uint8Array>();
  const removed = new Set<RemovedId>();
  const warnings = new Set<ScrubWarning>(['document-content']);
  const enc = new TextEncoder();
  for (const e of zip.entries) {
    const n = e.name;
    if (REMOVE_DIRS.test(n) || n === 'layout-cache') {
      remove.add(n);
      removed.add(n.startsWith('Thumbnails') ? 'thumbnail' : n.endsWith('settings.xml') ? 'settings' : 'app-config');
      continue;
    }
    if (n === 'meta.xml' || n.endsWith('/meta.xml')) {
      replace.set(n, enc.encode(minimalMeta((await partText(src, zip, n)) ?? '')));
      removed.add('properties');
      continue;
    }
    if (/(^|\/)(content|styles)\.xml$/.test(n)) {
      const xml = (await partText(src, zip, n)) ?? '';
      const r = rewriteXml(xml, CONTENT_RULES, () => budget.check());
      if (r.changes > 0) {
        replace.set(n, enc.encode(r.xml));
        if (/<text:tracked-changes|<table:tracked-changes/.test(xml)) removed.add('tracked-changes');
        if (/<office:annotation/.test(xml)) removed.add('comments');
        if (/officeooo:(paragraph-)?rsid=/.test(xml)) removed.add('rsid');
      }
      continue;
    }
    if (/(^|\/)Pictures\//.test(n) && isImageName(n)) {
      const cleaned = await scrubImage(n, await readEntry(src, e, MAX_PART));
      if (cleaned) {
        replace.set(n, cleaned);
        removed.add('picture-metadata');
      }
    }
    if (/^Object \d+\//.test(n) && /\.(bin|ole)$/i.test(n)) warnings.add('embedded-objects');
  }
  const manifestName = 'META-INF/manifest.xml';
  if (zip.byName.has(manifestName)) {
    const xml = (await partText(src, zip, manifestName)) ?? '';
    const removedDirs = ['Thumbnails/', 'Configurations2/', 'layout-cache'];
    const gone = (path: string): boolean => remove.has(path) || removedDirs.some((d) => path.startsWith(d));
    const out = dropManifestEntries(xml, gone);
    if (out !== xml) replace.set(manifestName, enc.encode(out));
  }
  return { remove, replace, removed: [...removed], warnings: [...warnings] };
}

function dropManifestEntries(xml: string, gone: (path: string) => boolean): string {
  const parts: string[] = [];
  let from = 0;
  let skip = 0;
  for (const tok of tokens(xml)) {
    if (skip > 0) {
      if (tok.kind === 'open' && tok.name === 'manifest:file-entry') skip++;
      else if (tok.kind === 'close' && tok.name === 'manifest:file-entry' && --skip === 0) from = tok.end;
      continue;
    }
    if ((tok.kind !== 'open' && tok.kind !== 'empty') || !tok.name.endsWith('file-entry')) continue;
    const path = attributes(xml, tok).find((a) => a.name.endsWith('full-path'))?.value ?? '';
    if (!gone(path)) continue;
    // Also take the line break before the entry, so the manifest stays tidy.
    let start = tok.start;
    while (start > from && /[ \t]/.test(xml.charAt(start - 1))) start--;
    if (start > from && xml.charAt(start - 1) === '\n') start--;
    parts.push(xml.slice(from, start));
    if (tok.kind === 'empty') from = tok.end;
    else skip = 1;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

/** mimetype first and stored, manifest entries pointing at existing members, XML parts well formed. */
export async function checkOdf(src: Source, zip: ZipArchive): Promise<PackageCheck> {
  const problems: string[] = [];
  const first = zip.entries[0];
  if (first?.name !== 'mimetype' || first.method !== 0) problems.push('mimetype is not the first, stored member');
  for (const e of zip.entries) {
    if (!/\.(xml|rdf)$/i.test(e.name)) continue;
    const xml = text(await readEntry(src, e, MAX_PART));
    try {
      parseXml(xml);
    } catch {
      problems.push(`${e.name}: not well-formed XML`);
      continue;
    }
    if (e.name === 'META-INF/manifest.xml') {
      for (const el of descendants(parseXml(xml))) {
        if (el.local !== 'file-entry') continue;
        const path = attr(el, 'full-path') ?? '';
        if (path === '/' || path.endsWith('/')) continue;
        if (!zip.byName.has(path)) problems.push(`manifest lists missing ${path}`);
      }
    }
  }
  return { ok: problems.length === 0, problems };
}

export const odf: FormatModule = {
  name: 'odf',
  fromZip: async (src, zip) => {
    const mimetype = zip.byName.get('mimetype');
    if (mimetype && mimetype.size < 256) {
      const m = latin1(await readEntry(src, mimetype, 256));
      if (m.startsWith('application/vnd.oasis.opendocument')) return odfKind(m);
    }
    if (zip.byName.has('meta.xml') && zip.byName.has('content.xml')) return 'odf';
    return null;
  },
  scan: async (src, ctx, det) => scanOdf(src, det.zip ?? (await readZip(src)), ctx),
  complete: true,
  scrub: (_det, io) =>
    scrubPackage(
      io,
      (src, zip) => planOdfScrub(src, zip, io.budget, (_name, bytes) => io.scrubPicture(bytes)),
      checkOdf,
    ),
};
