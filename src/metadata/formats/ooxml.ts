// OOXML (docx, xlsx, pptx): document properties (docProps/core.xml, app.xml,
// custom.xml), thumbnails, comments and their authors, tracked changes,
// revision session ids (rsid), shared-workbook revisions, local file paths,
// printer settings, and pictures with their own metadata.
//
// The scrubber empties core/app properties, removes custom properties,
// thumbnails, comments, people lists, printer settings and revision logs,
// accepts tracked changes, strips rsid attributes and w:nsid, and keeps
// [Content_Types].xml and every .rels file consistent with what is left.
import { text } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { Budget, Source } from '../codecs/source.js';
import { MetaError } from '../codecs/source.js';
import { attr, allText, attributes, descendants, parseXml, rewriteXml, rootElement, tokens, type RewriteRules } from '../codecs/xml.js';
import type { RemovedId, ScrubWarning } from '../messages.js';
import { readEntry, readZip, type ZipArchive } from '../codecs/zip.js';
import { scrubPackage } from './document.js';
import type { FormatModule } from './types.js';
import { isImageName, MAX_PART, partText, resolvePath, scanMembers, tryPartText, zipDate, type PackagePlan } from '../codecs/package.js';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

export type OoxmlKind = 'docx' | 'xlsx' | 'pptx' | 'ooxml';

export function ooxmlKind(zip: ZipArchive): OoxmlKind {
  if (zip.byName.has('word/document.xml')) return 'docx';
  if (zip.byName.has('xl/workbook.xml')) return 'xlsx';
  if (zip.byName.has('ppt/presentation.xml')) return 'pptx';
  return 'ooxml';
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Resolved part name for internal targets. */
  part: string;
}

export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a .rels file belongs to ('' for the package rels). */
export function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : '';
}

export function parseRels(xml: string, relsPath: string): Rel[] {
  const src = sourceOfRels(relsPath);
  const baseDir = src.slice(0, src.lastIndexOf('/') + 1);
  const out: Rel[] = [];
  for (const tok of tokens(xml)) {
    if ((tok.kind !== 'open' && tok.kind !== 'empty') || !tok.name.endsWith('Relationship')) continue;
    const a = new Map(attributes(xml, tok).map((x) => [x.name, x.value]));
    const target = a.get('Target') ?? '';
    const external = (a.get('TargetMode') ?? '') === 'External';
    out.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', target, external, part: external ? '' : resolvePath(baseDir, target) });
  }
  return out;
}

const CORE: Record<string, readonly [string, 'person' | 'other' | 'time' | 'history' | 'skip']> = {
  creator: ['Creator', 'person'],
  lastModifiedBy: ['LastModifiedBy', 'person'],
  title: ['Title', 'other'],
  subject: ['Subject', 'other'],
  description: ['Description', 'other'],
  keywords: ['Keywords', 'other'],
  category: ['Category', 'other'],
  contentStatus: ['ContentStatus', 'other'],
  identifier: ['Identifier', 'other'],
  created: ['CreateDate', 'time'],
  modified: ['ModifyDate', 'time'],
  lastPrinted: ['LastPrinted', 'time'],
  revision: ['RevisionNumber', 'history'],
  language: ['Language', 'skip'],
  version: ['Version', 'skip'],
};

const APP: Record<string, readonly [string, 'person' | 'other' | 'time' | 'software']> = {
  Application: ['Application', 'software'],
  AppVersion: ['AppVersion', 'software'],
  Company: ['Company', 'person'],
  Manager: ['Manager', 'person'],
  Template: ['Template', 'other'],
  TotalTime: ['TotalEditTime', 'time'],
  HyperlinkBase: ['HyperlinkBase', 'other'],
};

const DEFAULT_TEMPLATES = /^(normal(\.dot[mx]?)?|blank|)$/i;

function scanCore(xml: string, ctx: ScanContext): void {
  const root = rootElement(parseXml(xml, () => ctx.budget.check()));
  if (!root) return;
  for (const el of root.children) {
    const rule = CORE[el.local];
    const v = allText(el);
    if (!rule) {
      if (v) ctx.out.add('other', el.local, v);
      continue;
    }
    if (rule[1] === 'skip') continue;
    if (rule[1] === 'history' && (Number(v) <= 1 || !v)) continue;
    ctx.out.add(rule[1], rule[0], v);
  }
}

function scanApp(xml: string, ctx: ScanContext): void {
  const root = rootElement(parseXml(xml, () => ctx.budget.check()));
  if (!root) return;
  for (const el of root.children) {
    const rule = APP[el.local];
    if (!rule) continue;
    const v = allText(el);
    if (el.local === 'Template' && DEFAULT_TEMPLATES.test(v)) continue;
    if (el.local === 'TotalTime') {
      if (Number(v) > 0) ctx.out.add('time', rule[0], `${v} min`);
      continue;
    }
    ctx.out.add(rule[1], rule[0], v);
  }
}

function scanCustom(xml: string, ctx: ScanContext): void {
  const root = rootElement(parseXml(xml, () => ctx.budget.check()));
  if (!root) return;
  for (const el of root.children) {
    const name = attr(el, 'name') ?? el.local;
    const v = allText(el);
    ctx.out.add(classifyName(name), name, v || '(set)');
  }
}

/** Comment parts of all three applications, and the people lists that name their authors. */
const COMMENT_PARTS = [
  /^word\/(comments|commentsExtended|commentsIds|commentsExtensible|people)\.xml$/,
  /^xl\/comments[^/]*\.xml$/,
  /^xl\/threadedComments\//,
  /^xl\/persons\//,
  /^ppt\/comments\//,
  /^ppt\/commentAuthors\.xml$/,
  /^ppt\/authors\.xml$/,
];

export function isCommentPart(name: string): boolean {
  return COMMENT_PARTS.some((r) => r.test(name));
}

function commentSummary(xml: string, authors: Set<string>): number {
  let count = 0;
  let inAuthor = false;
  for (const tok of tokens(xml)) {
    if (tok.kind === 'open' || tok.kind === 'empty') {
      const local = tok.name.slice(tok.name.indexOf(':') + 1);
      if (local === 'comment' || local === 'cm' || local === 'threadedComment') count++;
      if (local === 'comment' || local === 'cmAuthor' || local === 'person' || local === 'author') {
        for (const a of attributes(xml, tok)) {
          const l = a.name.slice(a.name.indexOf(':') + 1);
          if ((l === 'author' || l === 'name' || l === 'displayName') && a.value.trim()) authors.add(a.value.trim());
        }
      }
      inAuthor = tok.kind === 'open' && local === 'author';
    } else if (tok.kind === 'text' && inAuthor) {
      const t = xml.slice(tok.start, tok.end).trim();
      if (t) authors.add(t);
    } else if (tok.kind === 'close') inAuthor = false;
  }
  return count;
}

function list(set: Set<string>, max = 8): string {
  const all = [...set];
  return all.slice(0, max).join(', ') + (all.length > max ? `, +${all.length - max}` : '');
}

function trackedChanges(xml: string, authors: Set<string>, dates: string[]): number {
  let n = 0;
  for (const m of xml.matchAll(/<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|tblPrChange|trPrChange|tcPrChange|numberingChange|cellIns|cellDel)\b([^>]*)>/g)) {
    n++;
    const attrs = m[2] ?? '';
    const a = /w:author="([^"]*)"/.exec(attrs);
    if (a?.[1]) authors.add(a[1]);
    const d = /w:date="([^"]*)"/.exec(attrs);
    if (d?.[1]) dates.push(d[1]);
  }
  return n;
}

const WORD_STORY = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

/** Parts no relationship points to: hidden data the document does not use (old versions, leftovers of editors). */
async function unreferencedParts(src: Source, zip: ZipArchive): Promise<string[]> {
  const targets = new Set<string>();
  for (const e of zip.entries) {
    if (!e.name.endsWith('.rels')) continue;
    for (const r of parseRels((await tryPartText(src, zip, e.name)) ?? '', e.name)) if (!r.external) targets.add(r.part);
  }
  return zip.entries
    .map((e) => e.name)
    .filter((n) => !n.endsWith('/') && !n.endsWith('.rels') && n !== '[Content_Types].xml' && !targets.has(n) && !/^customXml\//.test(n));
}

/** customXml items: cover-page fields (company address, phone, e-mail), bibliography sources, SharePoint properties. */
function scanCustomXml(xml: string, name: string, ctx: ScanContext): void {
  for (const el of descendants(parseXml(xml, () => ctx.budget.check()))) {
    if (el.children.length > 0) continue;
    const v = el.text.trim();
    if (v) ctx.out.add(classifyName(el.local), el.local, v, name);
  }
}


export async function scanOoxml(src: Source, zip: ZipArchive, ctx: ScanContext): Promise<void> {
  const pkgRels = parseRels((await tryPartText(src, zip, '_rels/.rels')) ?? '', '_rels/.rels');
  const byType = (suffix: string): string[] => pkgRels.filter((r) => r.type.endsWith(suffix) && !r.external).map((r) => r.part);
  const core = byType('/core-properties')[0] ?? 'docProps/core.xml';
  const app = byType('/extended-properties')[0] ?? 'docProps/app.xml';
  const custom = byType('/custom-properties')[0] ?? 'docProps/custom.xml';
  const checks: Array<[string, (xml: string, c: ScanContext) => void]> = [
    [core, scanCore],
    [app, scanApp],
    [custom, scanCustom],
  ];
  for (const [name, fn] of checks) {
    const xml = await tryPartText(src, zip, name);
    if (xml === null) continue;
    try {
      fn(xml, ctx);
    } catch (e) {
      if (e instanceof MetaError && e.code === 'timeout') throw e;
      ctx.damaged(`${name} is not well-formed XML`);
    }
  }
  const thumbs = new Set([...byType('/metadata/thumbnail'), ...zip.entries.map((e) => e.name).filter((n) => /^docProps\/thumbnail\./i.test(n))]);
  for (const t of thumbs) if (zip.byName.has(t)) ctx.out.add('thumbnail', 'ThumbnailImage', t);

  const authors = new Set<string>();
  let comments = 0;
  const changeAuthors = new Set<string>();
  const dates: string[] = [];
  let changes = 0;
  const rsids = new Set<string>();
  const paths = new Set<string>();
  for (const e of zip.entries) {
    const n = e.name;
    if (isCommentPart(n) && n.endsWith('.xml')) {
      const xml = await tryPartText(src, zip, n);
      if (xml) {
        const count = commentSummary(xml, authors);
        if (!/people|persons|[Aa]uthors/.test(n)) comments += count;
      }
    } else if (WORD_STORY.test(n) || n === 'word/settings.xml') {
      const xml = await tryPartText(src, zip, n);
      if (!xml) continue;
      ctx.budget.check();
      changes += trackedChanges(xml, changeAuthors, dates);
      for (const m of xml.matchAll(/\bw:rsid[A-Za-z]*="([0-9A-Fa-f]{8})"/g)) if (rsids.size < 100_000) rsids.add(m[1] ?? '');
      for (const m of xml.matchAll(/<w:rsid w:val="([0-9A-Fa-f]{8})"/g)) rsids.add(m[1] ?? '');
    } else if (/\/printerSettings\//.test(n)) {
      ctx.out.add('device', 'PrinterSettings', n);
    } else if (/^xl\/revisions\/revisionHeaders\.xml$/.test(n)) {
      const xml = await tryPartText(src, zip, n);
      const users = new Set<string>();
      let count = 0;
      for (const m of (xml ?? '').matchAll(/<header\b[^>]*\buserName="([^"]*)"/g)) {
        count++;
        if (m[1]) users.add(m[1]);
      }
      ctx.out.add('history', 'SharedWorkbookRevisions', `${count} revision(s)${users.size ? ` by ${list(users)}` : ''}`);
    } else if (n === 'xl/workbook.xml') {
      const xml = await tryPartText(src, zip, n);
      for (const m of (xml ?? '').matchAll(/<(?:\w+:)?absPath\b[^>]*\burl="([^"]*)"/g)) if (m[1]) ctx.out.add('person', 'AbsolutePath', m[1]);
      for (const m of (xml ?? '').matchAll(/<fileSharing\b[^>]*\buserName="([^"]*)"/g)) if (m[1]) ctx.out.add('person', 'FileSharingUserName', m[1]);
    } else if (/^customXml\/item\d*\.xml$/.test(n)) {
      const xml = await tryPartText(src, zip, n);
      if (xml) {
        try {
          scanCustomXml(xml, n, ctx);
        } catch (e) {
          if (e instanceof MetaError && e.code === 'timeout') throw e;
          ctx.damaged(`${n} is not well-formed XML`);
        }
      }
    } else if (/\/embeddings\/[^/]*\.bin$/i.test(n)) {
      ctx.out.add('other', 'EmbeddedObject', `${n} (may hold its own metadata)`);
    } else if (n.endsWith('.rels')) {
      const xml = await tryPartText(src, zip, n);
      for (const r of parseRels(xml ?? '', n)) {
        if (r.external && /^(file:|[a-zA-Z]:\\|\\\\)/.test(r.target)) {
          paths.add(r.target);
        }
      }
    }
  }
  if (comments > 0 || authors.size > 0) ctx.out.add('history', 'Comments', `${comments} comment(s)${authors.size ? ` by ${list(authors)}` : ''}`);
  if (changes > 0) {
    dates.sort();
    const span = dates.length ? `, ${dates[0]} to ${dates[dates.length - 1]}` : '';
    ctx.out.add('history', 'TrackedChanges', `${changes} tracked change(s)${changeAuthors.size ? ` by ${list(changeAuthors)}` : ''}${span}`);
  }
  if (rsids.size > 0) ctx.out.add('history', 'RevisionSessionIDs', `${rsids.size} editing session id(s) (rsid)`);
  for (const p of paths) ctx.out.add(/\\users\\|\/users\/|\/home\/|documents and settings/i.test(p) ? 'person' : 'other', 'LinkedFilePath', p);
  for (const n of await unreferencedParts(src, zip)) ctx.out.add('other', 'UnreferencedPart', `${n} (not used by the document; may hold old content)`);
  zipDate(zip, ctx);
  await scanMembers(src, zip, ctx, (e) => /^(word|xl|ppt)\/(media|embeddings)\//.test(e.name) && (isImageName(e.name) || /\.(docx|xlsx|pptx|docm|xlsm|pptm|odt|ods|odp|pdf)$/i.test(e.name)));
}

// ---------------------------------------------------------------------------
// Scrubbing

const WORD_DROP = new Set([
  'rsids', 'rsid', 'nsid', 'commentRangeStart', 'commentRangeEnd', 'commentReference',
  'del', 'moveFrom', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd',
  'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'tblGridChange', 'trPrChange', 'tcPrChange', 'numberingChange',
  'cellIns', 'cellDel', 'cellMerge',
  'customXmlInsRangeStart', 'customXmlInsRangeEnd', 'customXmlDelRangeStart', 'customXmlDelRangeEnd',
  'customXmlMoveFromRangeStart', 'customXmlMoveFromRangeEnd', 'customXmlMoveToRangeStart', 'customXmlMoveToRangeEnd',
]);
const WORD_UNWRAP = new Set(['ins', 'moveTo']);

const WORD_RULES: RewriteRules = {
  drop: (uri, local) => W_NS.has(uri) && WORD_DROP.has(local),
  unwrap: (uri, local) => W_NS.has(uri) && WORD_UNWRAP.has(local),
  dropAttr: (uri, local) => W_NS.has(uri) && local.startsWith('rsid'),
};

const XL_WORKBOOK_RULES: RewriteRules = {
  drop: (_uri, local) => local === 'absPath',
  dropAttr: (_uri, local, _eu, elLocal) => elLocal === 'fileSharing' && local === 'userName',
};

/** An empty copy of a properties part: same root element and namespaces, no content. */
export function emptyRoot(xml: string): string {
  for (const tok of tokens(xml)) {
    if (tok.kind !== 'open' && tok.kind !== 'empty') continue;
    const ns = attributes(xml, tok)
      .filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'))
      .map((a) => xml.slice(a.start, a.end))
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${tok.name}${ns}></${tok.name}>`;
  }
  throw new MetaError('corrupt', 'no root element');
}

function isNotesVml(xml: string): boolean {
  const types = [...xml.matchAll(/ObjectType="([^"]*)"/g)].map((m) => m[1]);
  return types.length > 0 && types.every((t) => t === 'Note');
}

export interface ScrubImageFn {
  (name: string, data: Uint8Array): Promise<Uint8Array | null>;
}

export async function planOoxmlScrub(src: Source, zip: ZipArchive, budget: Budget, scrubImage: ScrubImageFn): Promise<PackagePlan> {
  const remove = new Set<string>();
  const replace = new Map<string, Uint8Array>();
  const removed = new Set<RemovedId>();
  const warnings = new Set<ScrubWarning>();
  const names = zip.entries.map((e) => e.name);
  const read = async (n: string): Promise<string> => (await partText(src, zip, n)) ?? '';
  const enc = new TextEncoder();

  const drop = (part: string, label: RemovedId): void => {
    remove.add(part);
    removed.add(label);
  };

  const pkgRels = zip.byName.has('_rels/.rels') ? parseRels(await read('_rels/.rels'), '_rels/.rels') : [];
  for (const r of pkgRels) {
    if (r.external) continue;
    if (r.type.endsWith('/custom-properties')) drop(r.part, 'custom-properties');
    if (r.type.endsWith('/metadata/thumbnail')) drop(r.part, 'thumbnail');
  }
  for (const n of names) {
    if (n === 'docProps/custom.xml') drop(n, 'custom-properties');
    else if (/^docProps\/thumbnail\./i.test(n)) drop(n, 'thumbnail');
    else if (isCommentPart(n)) drop(n, 'comments');
    else if (/\/printerSettings\//.test(n)) drop(n, 'printer');
    else if (/^xl\/revisions\//.test(n)) drop(n, 'revisions');
    else if (/^xl\/drawings\/vmlDrawing[^/]*\.vml$/.test(n) && isNotesVml(await read(n))) drop(n, 'comments');
    else if (/^customXml\//.test(n)) drop(n, 'private-data');
    else if (/\/embeddings\//.test(n)) warnings.add('embedded-objects');
  }
  for (const n of await unreferencedParts(src, zip)) drop(n, 'private-data');
  // Relationship files of removed parts go too.
  for (const n of [...remove]) {
    const rels = relsPathFor(n);
    if (zip.byName.has(rels)) remove.add(rels);
  }

  // Rels: drop relationships to removed parts and to local template paths; remember their ids per source part.
  const droppedIds = new Map<string, Set<string>>();
  for (const n of names) {
    if (!n.endsWith('.rels') || remove.has(n)) continue;
    const xml = await read(n);
    const rels = parseRels(xml, n);
    const gone = new Set<string>();
    for (const r of rels) {
      if (!r.external && remove.has(r.part)) gone.add(r.id);
      if (r.external && r.type.endsWith('/attachedTemplate') && /^(file:|[a-zA-Z]:\\|\\\\)/.test(r.target)) {
        gone.add(r.id);
        removed.add('local-paths');
      }
      if (r.external && /^(file:|[a-zA-Z]:\\|\\\\)/.test(r.target) && !r.type.endsWith('/attachedTemplate')) warnings.add('linked-files');
    }
    if (gone.size === 0) continue;
    droppedIds.set(sourceOfRels(n), gone);
    replace.set(n, enc.encode(dropRelationships(xml, gone)));
  }

  // Content types: no override for a removed part.
  const ctName = '[Content_Types].xml';
  if (zip.byName.has(ctName)) {
    const xml = await read(ctName);
    const kept = dropByAttr(xml, 'Override', 'PartName', (v) => remove.has(v.replace(/^\//, '')));
    if (kept !== xml) replace.set(ctName, enc.encode(kept));
  }

  // Properties: empty core and app; the parts and their relationships stay, so nothing dangles.
  for (const r of pkgRels) {
    if (r.external || !zip.byName.has(r.part)) continue;
    if (r.type.endsWith('/core-properties') || r.type.endsWith('/extended-properties')) {
      replace.set(r.part, enc.encode(emptyRoot(await read(r.part))));
      removed.add('properties');
    }
  }
  for (const n of ['docProps/core.xml', 'docProps/app.xml']) {
    if (zip.byName.has(n) && !replace.has(n)) {
      replace.set(n, enc.encode(emptyRoot(await read(n))));
      removed.add('properties');
    }
  }

  // Content parts.
  for (const n of names) {
    if (remove.has(n) || replace.has(n)) continue;
    const ids = droppedIds.get(n);
    const isWord = /^word\/[^/]+\.xml$/.test(n) || /^word\/glossary\/[^/]+\.xml$/.test(n);
    const isWorkbook = n === 'xl/workbook.xml';
    if (!isWord && !isWorkbook && !ids) continue;
    if (!/\.xml$/i.test(n)) continue;
    const xml = await read(n);
    const rules: RewriteRules = isWord ? WORD_RULES : isWorkbook ? XL_WORKBOOK_RULES : {};
    const result = rewriteXml(xml, rules, () => budget.check());
    let out = result.xml;
    let changes = result.changes;
    if (ids) {
      const before = out;
      out = dropRefs(out, ids);
      if (out !== before) changes++;
    }
    if (changes > 0) {
      replace.set(n, enc.encode(out));
      if (isWord) {
        if (/\bw:rsid/.test(xml)) removed.add('rsid');
        if (/<w:(ins|del|moveFrom|moveTo)\b/.test(xml)) removed.add('tracked-changes');
      }
      if (isWorkbook && /absPath|fileSharing/.test(xml)) removed.add('local-paths');
    }
  }

  // Pictures: scrubbed like files of their own.
  for (const e of zip.entries) {
    if (remove.has(e.name) || !/^(word|xl|ppt)\/media\//.test(e.name) || !isImageName(e.name)) continue;
    const data = await readEntry(src, e, MAX_PART);
    const cleaned = await scrubImage(e.name, data);
    if (cleaned) {
      replace.set(e.name, cleaned);
      removed.add('picture-metadata');
    }
  }
  warnings.add('document-content');
  return { remove, replace, removed: [...removed], warnings: [...warnings] };
}

/** Removes elements named `local` whose attribute `attrName` matches. */
function dropByAttr(xml: string, local: string, attrName: string, match: (value: string) => boolean): string {
  const parts: string[] = [];
  let from = 0;
  let skipDepth = 0;
  let skipName = '';
  for (const tok of tokens(xml)) {
    if (skipDepth > 0) {
      if (tok.kind === 'open' && tok.name === skipName) skipDepth++;
      else if (tok.kind === 'close' && tok.name === skipName && --skipDepth === 0) from = tok.end;
      continue;
    }
    if (tok.kind !== 'open' && tok.kind !== 'empty') continue;
    if (tok.name.slice(tok.name.indexOf(':') + 1) !== local) continue;
    const a = attributes(xml, tok).find((x) => x.name === attrName);
    if (!a || !match(a.value)) continue;
    parts.push(xml.slice(from, tok.start));
    if (tok.kind === 'empty') from = tok.end;
    else {
      skipDepth = 1;
      skipName = tok.name;
    }
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

/** Elements whose relationship reference is optional lose only the attribute; the rest go. */
const OPTIONAL_REF = new Set(['pageSetup']);

/** Removes references (r:id and friends) to relationships that were removed. */
function dropRefs(xml: string, ids: Set<string>): string {
  const parts: string[] = [];
  let from = 0;
  let skipDepth = 0;
  let skipName = '';
  for (const tok of tokens(xml)) {
    if (skipDepth > 0) {
      if (tok.kind === 'open' && tok.name === skipName) skipDepth++;
      else if (tok.kind === 'close' && tok.name === skipName && --skipDepth === 0) from = tok.end;
      continue;
    }
    if (tok.kind !== 'open' && tok.kind !== 'empty') continue;
    const attrs = attributes(xml, tok);
    const ref = attrs.find((x) => /^[\w.-]+:(id|embed|link|pict|dm|lo|qs|cs)$/.test(x.name) && !x.name.startsWith('w:') && ids.has(x.value));
    if (!ref) continue;
    parts.push(xml.slice(from, tok.start));
    const local = tok.name.slice(tok.name.indexOf(':') + 1);
    if (OPTIONAL_REF.has(local)) {
      parts.push(xml.slice(tok.start, ref.start) + xml.slice(ref.end, tok.end));
      from = tok.end;
    } else if (tok.kind === 'empty') from = tok.end;
    else {
      skipDepth = 1;
      skipName = tok.name;
    }
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

function dropRelationships(xml: string, ids: Set<string>): string {
  return dropByAttr(xml, 'Relationship', 'Id', (v) => ids.has(v));
}

export interface PackageCheck {
  ok: boolean;
  problems: string[];
}

/**
 * Consistency of a written OOXML package: every XML part well formed, every
 * internal relationship pointing at an existing part, every content-type
 * override naming an existing part. The scrubber runs it on its output.
 */
export async function checkOoxml(src: Source, zip: ZipArchive): Promise<PackageCheck> {
  const problems: string[] = [];
  for (const e of zip.entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const xml = text(await readEntry(src, e, MAX_PART));
    try {
      parseXml(xml);
    } catch {
      problems.push(`${e.name}: not well-formed XML`);
      continue;
    }
    if (e.name.endsWith('.rels')) {
      for (const r of parseRels(xml, e.name)) {
        if (!r.external && !zip.byName.has(r.part)) problems.push(`${e.name}: ${r.id} points at missing ${r.part}`);
      }
    }
    if (e.name === '[Content_Types].xml') {
      for (const el of descendants(parseXml(xml))) {
        if (el.local !== 'Override') continue;
        const part = (attr(el, 'PartName') ?? '').replace(/^\//, '');
        if (!zip.byName.has(part)) problems.push(`[Content_Types].xml: override for missing ${part}`);
      }
    }
  }
  if (!zip.byName.has('[Content_Types].xml')) problems.push('[Content_Types].xml missing');
  return { ok: problems.length === 0, problems };
}

export const ooxml: FormatModule = {
  name: 'ooxml',
  fromZip: async (_src, zip) => {
    if (zip.byName.has('[Content_Types].xml')) return ooxmlKind(zip);
    // OOXML without [Content_Types].xml is broken but still a document with properties.
    if (zip.byName.has('word/document.xml') || zip.byName.has('xl/workbook.xml') || zip.byName.has('ppt/presentation.xml')) return ooxmlKind(zip);
    return null;
  },
  scan: async (src, ctx, det) => scanOoxml(src, det.zip ?? (await readZip(src)), ctx),
  complete: true,
  scrub: (_det, io) =>
    scrubPackage(
      io,
      (src, zip) => planOoxmlScrub(src, zip, io.budget, (_name, bytes) => io.scrubPicture(bytes)),
      checkOoxml,
    ),
};
