// PDF: the trailer's Info dictionary, the catalog's XMP stream, and earlier
// revisions kept by incremental updates (each with its own Info and XMP,
// which editors such as ExifTool leave behind on purpose so edits can be
// undone). The scanner uses our own bounded reader (pdf-objects.ts); the
// scrubber loads the file with pdf-lib, removes Info, XMP, private
// application data and annotation authors, drops every object no longer
// reachable, and writes a complete new file so no earlier revision survives.
import { readFile } from 'node:fs/promises';
import { indexOf, latin1, lastIndexOf, text } from '../codecs/bytes.js';
import type { FormatModule } from './types.js';
import type { ScanContext } from '../context.js';
import { classifyName, Findings } from '../findings.js';
import { MetaError, type Budget, type Source } from '../codecs/source.js';
import type { Category } from '../types.js';
import type { RemovedId, ScrubWarning } from '../messages.js';
import { scanXmp } from '../codecs/xmp.js';
import { Lexer, PdfFile, PdfName, PdfRef, PdfString, dictGet, pdfDate, pdfText, type PdfDict, type PdfValue, type Revision } from '../codecs/pdf-objects.js';

const INFO: Record<string, readonly [string, Category | 'skip']> = {
  Title: ['Title', 'other'],
  Author: ['Author', 'person'],
  Subject: ['Subject', 'other'],
  Keywords: ['Keywords', 'other'],
  Creator: ['Creator', 'software'],
  Producer: ['Producer', 'software'],
  CreationDate: ['CreateDate', 'time'],
  ModDate: ['ModifyDate', 'time'],
  Trapped: ['Trapped', 'skip'],
};

function infoValue(key: string, v: PdfValue | undefined): string {
  if (v instanceof PdfString) {
    const t = pdfText(v);
    return key === 'CreationDate' || key === 'ModDate' ? pdfDate(t) : t;
  }
  if (v instanceof PdfName) return v.name.startsWith('#keyword:') ? '' : v.name;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function infoRule(key: string): readonly [string, Category | 'skip'] {
  const known = INFO[key];
  if (known) return known;
  // ExifTool turns "PTEX.Fullbanner" into PTEX_Fullbanner; the category comes from the name.
  const field = key.replace(/[^A-Za-z0-9_-]/g, '_');
  return [field, classifyName(key)];
}

async function infoEntries(pdf: PdfFile, info: PdfValue | undefined, rev?: Revision): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const d = await pdf.resolve(info, rev);
  if (!(d instanceof Map)) return out;
  for (const [k, raw] of d) {
    const v = infoValue(k, await pdf.resolve(raw, rev));
    if (v.trim()) out.set(k, v);
  }
  return out;
}

async function xmpText(pdf: PdfFile, root: PdfValue | undefined, rev?: Revision): Promise<{ xml: string; at: string } | null> {
  const catalog = await pdf.resolve(root, rev);
  const ref = dictGet(catalog, 'Metadata');
  if (!(ref instanceof PdfRef)) return null;
  const obj = await pdf.object(ref.num, rev);
  if (!obj || obj.streamAt === undefined) return null;
  let data: Uint8Array;
  try {
    data = await pdf.streamData(obj, 16 * 1024 * 1024);
  } catch (e) {
    if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large')) throw e;
    return null;
  }
  const xml = text(data);
  return xml.includes('<') ? { xml, at: `${ref.num}@${obj.streamAt}` } : null;
}

/** Rebuilds an xref from "n g obj" markers when the real one is broken. */
async function reconstruct(pdf: PdfFile, src: Source): Promise<boolean> {
  const n = Math.min(src.size, 32 * 1024 * 1024);
  const b = await src.read(0, n);
  const s = latin1(b, 0, b.length);
  const entries = new Map<number, { type: 1; a: number; b: number }>();
  for (const m of s.matchAll(/(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b/g)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    entries.set(Number(m[1]), { type: 1, a: at, b: Number(m[2]) });
  }
  const t = lastIndexOf(b, 'trailer');
  let trailer: PdfDict | null = null;
  if (t !== -1) {
    try {
      const v = new Lexer(b, t + 7).value();
      if (v instanceof Map) trailer = v;
    } catch {
      trailer = null;
    }
  }
  if (!trailer) {
    // xref-stream files: the last object with /Type /XRef carries the trailer keys.
    const x = s.lastIndexOf('/XRef');
    const objStart = x === -1 ? -1 : s.lastIndexOf(' obj', x);
    const numStart = objStart === -1 ? -1 : s.lastIndexOf('\n', objStart);
    if (numStart !== -1) {
      try {
        const obj = await pdf.readObjectAt(numStart + 1);
        if (obj.value instanceof Map) trailer = obj.value;
      } catch {
        trailer = null;
      }
    }
  }
  if (!trailer || entries.size === 0) return false;
  pdf.revisions = [{ at: t, trailer, entries }];
  return true;
}

export async function scanPdf(src: Source, ctx: ScanContext): Promise<void> {
  const pdf = new PdfFile(src);
  let damaged: MetaError | null = null;
  try {
    await pdf.load();
  } catch (e) {
    if (!(e instanceof MetaError) || e.code === 'timeout' || e.code === 'too-large') throw e;
    damaged = e;
  }
  if (damaged || pdf.revisions.length === 0) {
    if (!(await reconstruct(pdf, src))) throw damaged ?? new MetaError('corrupt', 'no cross-reference table');
  }
  const trailer = pdf.trailer;
  const encrypted = trailer.has('Encrypt');
  const current = encrypted ? new Map<string, string>() : await infoEntries(pdf, trailer.get('Info'));
  for (const [k, v] of current) {
    const [field, category] = infoRule(k);
    if (category !== 'skip') ctx.out.add(category, field, v);
  }
  const xmp = await xmpText(pdf, trailer.get('Root')).catch((e: unknown) => {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    return null;
  });
  const currentXmp = new Set<string>();
  if (xmp) {
    const probe = new Findings();
    scanXmp(xmp.xml, probe, () => ctx.budget.check());
    for (const f of probe.list) {
      ctx.out.add(f.category, f.field, f.value);
      currentXmp.add(`${f.field}\u0000${f.value}`);
    }
  }

  // Incremental updates: each /Prev section is an earlier version of the file.
  const head = latin1(await src.readAtMost(0, 1024));
  const linearized = head.includes('/Linearized');
  const updates = pdf.revisions.length - 1 - (linearized && pdf.revisions.length >= 2 ? 1 : 0);
  if (updates > 0) ctx.out.add('history', 'IncrementalUpdates', `${updates} earlier version(s) of the document are still inside the file`);
  if (pdf.revisions.length > 1 && !encrypted) {
    for (let i = 1; i < pdf.revisions.length; i++) {
      const rev = pdf.revisions[i] as Revision;
      const label = `earlier version ${i}`;
      try {
        const old = await infoEntries(pdf, rev.trailer.get('Info'), rev);
        for (const [k, v] of old) {
          if (current.get(k) === v) continue;
          const [field, category] = infoRule(k);
          if (category !== 'skip') ctx.out.add('history', field, v, label);
        }
        const oldXmp = await xmpText(pdf, rev.trailer.get('Root') ?? trailer.get('Root'), rev);
        if (oldXmp && oldXmp.at !== xmp?.at) {
          const probe = new Findings();
          scanXmp(oldXmp.xml, probe);
          for (const f of probe.list) if (!currentXmp.has(`${f.field}\u0000${f.value}`)) ctx.out.add('history', f.field, f.value, label);
        }
      } catch (e) {
        if (e instanceof MetaError && (e.code === 'timeout' || e.code === 'too-large')) throw e;
      }
    }
  }
  if (encrypted) throw new MetaError('encrypted', 'encrypted PDF: document properties cannot be read');
}

// ---------------------------------------------------------------------------
// Scrubbing

export interface PdfScrub {
  data: Uint8Array;
  removed: RemovedId[];
  warnings: ScrubWarning[];
}

const MARKUP_ANNOTS = new Set([
  'Text', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut',
  'Stamp', 'Caret', 'Ink', 'FileAttachment', 'Sound', 'Redact', 'Popup',
]);

/**
 * Removes document metadata from a PDF and rewrites it whole. `scrubImage`
 * cleans JPEG images embedded as DCTDecode streams (their EXIF can hold GPS).
 */
export async function scrubPdf(data: Uint8Array, budget: Budget, scrubJpegBytes: (b: Uint8Array) => Promise<Uint8Array | null>): Promise<PdfScrub> {
  const lib = await import('pdf-lib');
  const { PDFDocument, PDFName: Name, PDFDict, PDFArray, PDFRef: Ref, PDFRawStream, PDFStream, PDFHexString, PDFNumber } = lib;
  let doc: Awaited<ReturnType<typeof PDFDocument.load>>;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: false, parseSpeed: 2000 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/encrypt/i.test(msg)) throw new MetaError('encrypted', 'encrypted PDF');
    throw new MetaError('corrupt', `PDF could not be parsed: ${msg.slice(0, 200)}`);
  }
  budget.check();
  const ctx = doc.context;
  const removed = new Set<RemovedId>();
  const warnings = new Set<ScrubWarning>(['pdf-content']);

  const info = ctx.trailerInfo.Info;
  if (info) {
    if (info instanceof Ref) ctx.delete(info);
    ctx.trailerInfo.Info = undefined;
    removed.add('properties');
  }
  const catalog = doc.catalog;
  const meta = catalog.get(Name.of('Metadata'));
  if (meta) {
    if (meta instanceof Ref) ctx.delete(meta);
    catalog.delete(Name.of('Metadata'));
    removed.add('xmp');
  }

  const K = {
    Metadata: Name.of('Metadata'),
    PieceInfo: Name.of('PieceInfo'),
    LastModified: Name.of('LastModified'),
    Type: Name.of('Type'),
    Subtype: Name.of('Subtype'),
    T: Name.of('T'),
    M: Name.of('M'),
    CreationDate: Name.of('CreationDate'),
    Filter: Name.of('Filter'),
    DCTDecode: Name.of('DCTDecode'),
    Length: Name.of('Length'),
    Image: Name.of('Image'),
    Annots: Name.of('Annots'),
    AcroForm: Name.of('AcroForm'),
    Names: Name.of('Names'),
    EmbeddedFiles: Name.of('EmbeddedFiles'),
    JavaScript: Name.of('JavaScript'),
    Rect: Name.of('Rect'),
  };
  let n = 0;
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if ((++n & 255) === 0) budget.check();
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : null;
    if (!dict) continue;
    for (const key of [K.Metadata, K.PieceInfo, K.LastModified]) {
      const v = dict.get(key);
      if (v === undefined) continue;
      if (v instanceof Ref) ctx.delete(v);
      dict.delete(key);
      removed.add(key === K.Metadata ? 'xmp' : key === K.PieceInfo ? 'private-data' : 'dates');
    }
    const subtype = dict.get(K.Subtype);
    const subName = subtype instanceof Name ? subtype.asString().slice(1) : '';
    if (dict.has(K.Rect) && MARKUP_ANNOTS.has(subName)) {
      // Markup annotations (comments, highlights): the author's name and dates go, the annotation stays.
      for (const key of [K.T, K.M, K.CreationDate]) if (dict.has(key)) dict.delete(key);
      removed.add('annotation-authors');
      warnings.add('pdf-annotations');
    }
    if (dict.has(K.Annots)) warnings.add('pdf-annotations');
    if (obj instanceof PDFRawStream && subName === 'Image' && dict.get(K.Filter) === K.DCTDecode) {
      const cleaned = await scrubJpegBytes(obj.contents);
      if (cleaned) {
        dict.set(K.Length, PDFNumber.of(cleaned.length));
        ctx.assign(ref, PDFRawStream.of(dict, cleaned));
        removed.add('picture-metadata');
      }
    }
  }
  if (catalog.has(K.AcroForm)) warnings.add('pdf-forms');
  const names = catalog.lookupMaybe(K.Names, PDFDict);
  if (names?.has(K.EmbeddedFiles)) warnings.add('pdf-attachments');
  if (names?.has(K.JavaScript)) warnings.add('pdf-javascript');

  // Drop everything no longer reachable from the catalog: old Info dictionaries,
  // objects of earlier revisions, orphaned metadata streams.
  const reachable = new Set<string>();
  const todo: unknown[] = [ctx.trailerInfo.Root, ctx.trailerInfo.Encrypt];
  let steps = 0;
  while (todo.length > 0) {
    if ((++steps & 4095) === 0) budget.check();
    const v = todo.pop();
    if (v instanceof Ref) {
      const key = v.toString();
      if (reachable.has(key)) continue;
      reachable.add(key);
      todo.push(ctx.lookup(v));
    } else if (v instanceof PDFDict) {
      for (const [, x] of v.entries()) todo.push(x);
    } else if (v instanceof PDFStream) {
      todo.push(v.dict);
    } else if (v instanceof PDFArray) {
      for (let i = 0; i < v.size(); i++) todo.push(v.get(i));
    }
  }
  let dropped = 0;
  for (const [ref] of ctx.enumerateIndirectObjects()) {
    if (!reachable.has(ref.toString())) {
      ctx.delete(ref);
      dropped++;
    }
  }
  if (dropped > 0) removed.add('old-versions');

  // A fresh file identifier: the old one links the copy to the original.
  const id = (): ReturnType<typeof PDFHexString.of> => {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return PDFHexString.of([...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''));
  };
  const fresh = id();
  ctx.trailerInfo.ID = ctx.obj([fresh, fresh]);
  budget.check();
  const out = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: 2000 });
  return { data: out, removed: [...removed], warnings: [...warnings] };
}

export const pdf: FormatModule = {
  name: 'pdf',
  // The header may follow up to 1 KiB of junk, as readers allow.
  sniff: (head) => (indexOf(head, '%PDF-', 0, 1024) >= 0 ? 'pdf' : null),
  scan: (src, ctx) => scanPdf(src, ctx),
  complete: true,
  scrub: async (_det, io) => {
    const data = await io.readWhole();
    const r = await scrubPdf(data, io.budget, (b) => io.scrubPicture(b));
    await io.writeCopy(r.data);
    return {
      removed: r.removed,
      warnings: r.warnings,
      verify: async (copy) => {
        const { PDFDocument } = await import('pdf-lib');
        try {
          const doc = await PDFDocument.load(new Uint8Array(await readFile(copy)), { updateMetadata: false });
          return doc.getPageCount() >= 0 ? null : 'no pages';
        } catch (e) {
          return `cleaned PDF does not load: ${e instanceof Error ? e.message : String(e)}`;
        }
      },
    };
  },
};
