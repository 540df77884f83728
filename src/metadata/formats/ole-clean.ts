// Cleaning legacy Office (DOC, XLS, PPT) and other OLE2 compound files in
// place. Nothing moves: the file keeps its size, its directory and every
// sector chain; only the bytes inside the streams that hold names change, and
// every other stream stays byte-identical (verify() checks that on the copy).
//
// - `\x05SummaryInformation` and `\x05DocumentSummaryInformation`, wherever
//   they are in the tree (embedded objects have their own): rewritten as a
//   valid property set with the same header (byte order, version, OS, CLSID)
//   and the same sections (FMTIDs), each holding only its code page; the rest
//   of the stream and of its last sector is zeros. The stream size in the
//   directory is kept: shrinking it could move a stream under the 4096-byte
//   mini-stream cutoff, which changes where readers look for its bytes, and
//   Office itself writes these streams padded with zeros.
// - Word 97 and later: the save log (SttbSavedBy) is dropped (its FIB entry
//   set to zero, as [MS-DOC] recommends, and its bytes zeroed); the template
//   and associated strings (SttbfAssoc), comment authors (GrpXstAtnOwners) and
//   tracked-change authors (SttbfRMark, keeping "Unknown") become empty
//   strings in tables of the same count, written in their own place with a
//   smaller length; the initials stored with each comment are zeroed; the
//   dates in the DOP and the last-save time in the FIB are zeroed.
// - Excel: the WRITEACCESS user name and the authors of cell notes (NOTE)
//   become spaces (the records keep their lengths).
// - PowerPoint: the ANSI and Unicode user names in "Current User", and the
//   names and initials of comment authors, become spaces.
// - Sectors and mini sectors no chain uses are zeroed (earlier saves can leave
//   old properties there).
// What is not read or cleaned (more Word tables, Excel links and change logs,
// PowerPoint's embedded objects and file links, macros) is reported, so such
// a copy is never called verified.
import { readFile } from 'node:fs/promises';
import type { Patch } from '../codecs/boxes.js';
import { bytesEqual, latin1, u16, u32, utf16, writeU16, writeU32 } from '../codecs/bytes.js';
import { mapCfb, type CfbLayout, type CfbNode } from '../codecs/cfb-layout.js';
import { MetaError, type Budget } from '../codecs/source.js';
import type { FormatUnverified, RemovedId, ScrubWarning } from '../messages.js';

const NOSTREAM = 0xffffffff;
const SUMMARY = '\x05SummaryInformation';
const DOC_SUMMARY = '\x05DocumentSummaryInformation';
const CUSTOM_FMTID = Uint8Array.from([0x05, 0xd5, 0xcd, 0xd5, 0x9c, 0x2e, 0x1b, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2b, 0x2c, 0xf9, 0xae]);
const MAX_PROPERTIES = 10_000;
/** Records read in an Excel workbook or a PowerPoint document stream before giving up (and saying so). */
export const MAX_RECORDS = 2_000_000;
const MACRO_STORAGES = new Set(['_VBA_PROJECT_CUR', 'Macros', '_VBA_PROJECT', 'VBA']);

export interface OlePlan {
  kind: 'doc' | 'xls' | 'ppt' | 'ole';
  patches: Patch[];
  removed: RemovedId[];
  warnings: ScrubWarning[];
  unverified: FormatUnverified[];
  /** Streams whose bytes were changed (directory indices). */
  changed: Set<number>;
  /** The original's map, kept for the check of the copy. */
  layout: CfbLayout;
}

function unusual(why: string): never {
  throw new MetaError('corrupt', why);
}

/** A property set's sections: FMTID, where the section starts, and its properties. */
interface PropertySet {
  sections: Array<{ fmtid: Uint8Array; codepage: number | null; props: number[] }>;
}

/** Parses a property set strictly enough to rewrite it ([MS-OLEPS] PropertySetStream). */
export function parsePropertySet(b: Uint8Array): PropertySet {
  if (b.length < 48 || u16(b, 0, true) !== 0xfffe) unusual('property set without its byte order mark');
  const version = u16(b, 2, true);
  if (version !== 0 && version !== 1) unusual(`property set version ${version}`);
  const n = u32(b, 24, true);
  if (n < 1 || n > 2 || 28 + 20 * n > b.length) unusual(`property set with ${n} sections`);
  const sections: PropertySet['sections'] = [];
  for (let s = 0; s < n; s++) {
    const fmtid = b.slice(28 + s * 20, 44 + s * 20);
    const off = u32(b, 44 + s * 20, true);
    if (off + 8 > b.length) unusual('property set section outside the stream');
    const size = u32(b, off, true);
    const count = u32(b, off + 4, true);
    if (count > MAX_PROPERTIES || 8 + 8 * count > size || off + size > b.length) unusual('property set section of an impossible size');
    const props: number[] = [];
    let codepage: number | null = null;
    for (let i = 0; i < count; i++) {
      const pid = u32(b, off + 8 + i * 8, true);
      const at = off + u32(b, off + 12 + i * 8, true);
      props.push(pid);
      if (pid === 1 && at + 8 <= off + size && u16(b, at, true) === 0x0002) codepage = u16(b, at + 4, true);
    }
    sections.push({ fmtid, codepage, props });
  }
  return { sections };
}

/**
 * The same property set with no properties but each section's code page, at
 * the start of a zero-filled buffer of `room` bytes (the stream's size).
 */
export function emptyPropertySet(b: Uint8Array, room: number): { data: Uint8Array; had: Set<RemovedId> } {
  const set = parsePropertySet(b);
  const n = set.sections.length;
  // Each section keeps its code page; in a stream too small for that, sections are left empty.
  const withCodepage = 28 + 20 * n + 24 * n <= room;
  const sectionSize = withCodepage ? 24 : 8;
  if (28 + 20 * n + sectionSize * n > room) unusual('property set too small to rewrite');
  const out = new Uint8Array(room);
  out.set(b.subarray(0, 24), 0); // byte order, version, OS, CLSID
  writeU32(out, 24, n, true);
  const had = new Set<RemovedId>();
  set.sections.forEach((s, i) => {
    const off = 28 + 20 * n + sectionSize * i;
    out.set(s.fmtid, 28 + 20 * i);
    writeU32(out, 44 + 20 * i, off, true);
    writeU32(out, off, sectionSize, true); // section size
    if (withCodepage) {
      writeU32(out, off + 4, 1, true); // one property: the code page
      writeU32(out, off + 8, 1, true);
      writeU32(out, off + 12, 16, true);
      writeU16(out, off + 16, 0x0002, true); // VT_I2
      writeU16(out, off + 20, s.codepage ?? 1252, true);
    }
    const others = s.props.filter((pid) => pid !== 1);
    if (others.length > 0) had.add(bytesEqual(s.fmtid, CUSTOM_FMTID) ? 'custom-properties' : 'properties');
    if (others.includes(17)) had.add('thumbnail');
  });
  return { data: out, had };
}

/** A Word STTB rewritten with empty strings (except those `keep` accepts), same count. */
function emptySttb(b: Uint8Array, keep: (s: string) => boolean): { data: Uint8Array; emptied: string[] } {
  const ext = b.length >= 2 && u16(b, 0, true) === 0xffff;
  let p = ext ? 2 : 0;
  if (p + 4 > b.length) unusual('Word string table cut short');
  const count = u16(b, p, true);
  const extra = u16(b, p + 2, true);
  // The tables cleaned here carry no extra data per string ([MS-DOC]: cbExtra is 0).
  if (extra !== 0) unusual('Word string table with extra data');
  p += 4;
  const out = new Uint8Array(b.length);
  out.set(b.subarray(0, p));
  let q = p;
  const emptied: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = ext ? 2 : 1;
    if (p + head > b.length) unusual('Word string table cut short');
    const cch = ext ? u16(b, p, true) : (b[p] ?? 0);
    const len = head + (ext ? cch * 2 : cch);
    if (p + len > b.length) unusual('Word string table cut short');
    const s = ext ? utf16(b.subarray(p + 2, p + len), true) : latin1(b, p + 1, p + len);
    if (keep(s)) {
      out.set(b.subarray(p, p + len), q);
      q += len;
    } else {
      q += head; // a zero length
      if (cch > 0) emptied.push(s);
    }
    p += len;
  }
  return { data: out.subarray(0, q), emptied };
}

interface Edit {
  node: CfbNode;
  data: Uint8Array;
}

function cleanWord(layout: CfbLayout, wd: CfbNode, removed: Set<RemovedId>, unverified: Set<FormatUnverified>, edits: Edit[]): void {
  const fib = layout.read(wd);
  if (fib.length < 154 || u16(fib, 0, true) !== 0xa5ec) unusual('Word document without its file information block');
  const nFib = u16(fib, 2, true);
  const flags = u16(fib, 0x0a, true);
  if (flags & 0x0100) throw new MetaError('encrypted', 'the Word document is encrypted');
  const csw = u16(fib, 32, true);
  const cslw = u16(fib, 34 + csw * 2, true);
  const blob = 34 + csw * 2 + 2 + cslw * 4 + 2;
  if (nFib < 0xc1 || csw !== 14 || cslw !== 22) {
    // Word 6/95 and unusual layouts: the tables are elsewhere; leave them and say so.
    unverified.add('word-tables');
    return;
  }
  const pairs = u16(fib, blob - 2, true);
  if (pairs < 0x5d || blob + pairs * 8 > fib.length) unusual('Word file information block cut short');
  const table = layout.nodes.find((n) => n.type === 2 && n.name === (flags & 0x0200 ? '1Table' : '0Table'));
  if (!table) unusual('Word document without its table stream');
  const tbl = layout.read(table);
  const fibOut = Uint8Array.from(fib);
  const tblOut = Uint8Array.from(tbl);
  const range = (i: number): { fc: number; lcb: number } | null => {
    const fc = u32(fib, blob + i * 8, true);
    const lcb = u32(fib, blob + i * 8 + 4, true);
    if (lcb === 0) return null;
    if (fc + lcb > tbl.length) unusual('Word table outside the table stream');
    return { fc, lcb };
  };
  const replace = (i: number, r: { fc: number; lcb: number }, data: Uint8Array): void => {
    tblOut.set(data, r.fc);
    tblOut.fill(0, r.fc + data.length, r.fc + r.lcb);
    writeU32(fibOut, blob + i * 8 + 4, data.length, true);
  };
  // SttbSavedBy (71): who saved the file where. Dropped.
  const saved = range(71);
  if (saved) {
    tblOut.fill(0, saved.fc, saved.fc + saved.lcb);
    writeU32(fibOut, blob + 71 * 8, 0, true);
    writeU32(fibOut, blob + 71 * 8 + 4, 0, true);
    removed.add('revisions');
  }
  // SttbfAssoc (32): template path, and title, author... kept by old versions.
  const assoc = range(32);
  if (assoc) {
    const r = emptySttb(tbl.subarray(assoc.fc, assoc.fc + assoc.lcb), () => false);
    replace(32, assoc, r.data);
    if (r.emptied.some((x) => /[\\/]/.test(x))) removed.add('local-paths');
    else if (r.emptied.length > 0) removed.add('text');
  }
  // GrpXstAtnOwners (36): comment authors, a list of length-prefixed UTF-16 strings.
  const owners = range(36);
  if (owners) {
    let p = owners.fc;
    let names = 0;
    const end = owners.fc + owners.lcb;
    while (p < end) {
      if (p + 2 > end) unusual('Word comment authors cut short');
      const cch = u16(tbl, p, true);
      if (p + 2 + cch * 2 > end) unusual('Word comment authors cut short');
      p += 2 + cch * 2;
      names++;
    }
    replace(36, owners, new Uint8Array(names * 2));
    removed.add('comment-authors');
  }
  // PlcfandRef (4): each comment's ATRDPre10 starts with the author's initials.
  const refs = range(4);
  if (refs) {
    if (refs.lcb < 4 || (refs.lcb - 4) % 34 !== 0) unusual('Word comment list of an unusual size');
    const n = (refs.lcb - 4) / 34;
    for (let i = 0; i < n; i++) tblOut.fill(0, refs.fc + 4 * (n + 1) + i * 30, refs.fc + 4 * (n + 1) + i * 30 + 20);
    if (n > 0) removed.add('comment-authors');
  }
  // SttbfRMark (51): tracked-change authors; "Unknown" stays.
  const marks = range(51);
  if (marks) {
    const r = emptySttb(tbl.subarray(marks.fc, marks.fc + marks.lcb), (s) => s === 'Unknown');
    replace(51, marks, r.data);
    if (r.emptied.length > 0) removed.add('comment-authors');
  }
  // Dates: the DOP's created, revised and printed times and total editing time
  // (zero means "not set"), its revision count (1), and the FILETIME of the last save kept in the FIB.
  const dop = range(31);
  if (dop && dop.lcb >= 38) {
    tblOut.fill(0, dop.fc + 20, dop.fc + 32);
    writeU16(tblOut, dop.fc + 32, 1, true); // revision number: how many times it was saved
    tblOut.fill(0, dop.fc + 34, dop.fc + 38);
    removed.add('dates');
  }
  if (pairs > 87) {
    fibOut.fill(0, blob + 87 * 8, blob + 88 * 8);
    removed.add('dates');
  }
  // Other Word tables can also hold names (protection users, routing slip, linked file names).
  unverified.add('word-tables');
  if (!bytesEqual(fibOut, fib)) edits.push({ node: wd, data: fibOut });
  if (!bytesEqual(tblOut, tbl)) edits.push({ node: table, data: tblOut });
}

function cleanExcel(layout: CfbLayout, wb: CfbNode, removed: Set<RemovedId>, edits: Edit[], budget: Budget): void {
  const b = layout.read(wb);
  const out = Uint8Array.from(b);
  if (b.length < 8 || u16(b, 0, true) !== 0x0809) unusual('Excel workbook without its BOF record');
  const biff8 = u16(b, 4, true) === 0x0600;
  let p = 0;
  let globals = true;
  const blank = (from: number, to: number, wide: boolean): void => {
    for (let i = from; i < to; i++) out[i] = wide && (i - from) % 2 === 1 ? 0 : 0x20;
  };
  for (let n = 0; p + 4 <= b.length; n++) {
    if (n >= MAX_RECORDS) unusual('Excel workbook with too many records');
    if ((n & 4095) === 0) budget.check();
    const type = u16(b, p, true);
    const len = u16(b, p + 2, true);
    const body = p + 4;
    if (body + len > b.length) unusual('Excel record runs past the stream');
    if (type === 0x002f && globals) throw new MetaError('encrypted', 'the Excel workbook is encrypted');
    if (type === 0x005c && len > 0) {
      // WRITEACCESS: who saved it. BIFF8: length, flags, characters; BIFF5: length byte, characters.
      // The characters and the padding after them become spaces; the record keeps its length.
      const wide = biff8 && len >= 3 && ((b[body + 2] ?? 0) & 1) === 1;
      blank(biff8 ? body + 3 : body + 1, body + len, wide);
      removed.add('last-user');
    }
    if (type === 0x001c && biff8 && len >= 11) {
      // NOTE: the author of a cell note (row, column, flags, object id, then the name).
      const cch = u16(b, body + 8, true);
      const wide = ((b[body + 10] ?? 0) & 1) === 1;
      blank(body + 11, Math.min(body + len, body + 11 + cch * (wide ? 2 : 1)), wide);
      if (cch > 0) removed.add('comment-authors');
    }
    if (type === 0x000a) globals = false;
    p = body + len;
  }
  if (!bytesEqual(out, b)) edits.push({ node: wb, data: out });
}

/** A PowerPoint record: type, instance, where its body starts, its length, and its parent's type. */
export interface PptRecord {
  type: number;
  instance: number;
  body: number;
  length: number;
  parent: number;
}

/**
 * Walks the records of a PowerPoint document stream, entering containers and
 * the binary tag blobs that hold comments. Returns false when the records do
 * not fit together (outside tag blobs, whose contents are only tried).
 * Bounded by MAX_RECORDS and a fixed depth.
 */
export function walkPptRecords(b: Uint8Array, check: () => void, visit: (r: PptRecord) => void): boolean {
  let count = 0;
  const walk = (from: number, to: number, parent: number, depth: number): boolean => {
    let p = from;
    while (p + 8 <= to) {
      if (++count > MAX_RECORDS) return false;
      if ((count & 4095) === 0) check();
      const verInst = u16(b, p, true);
      const type = u16(b, p + 2, true);
      const length = u32(b, p + 4, true);
      if (p + 8 + length > to) return false;
      visit({ type, instance: verInst >>> 4, body: p + 8, length, parent });
      if (depth < 32 && (verInst & 0x0f) === 0x0f) {
        if (!walk(p + 8, p + 8 + length, type, depth + 1)) return false;
      } else if (depth < 32 && type === 0x138b) {
        // A tag's data (PP10 extension: comments live here): tried, not required to parse.
        walk(p + 8, p + 8 + length, type, depth + 1);
      }
      p += 8 + length;
    }
    return p === to;
  };
  return walk(0, b.length, 0, 0);
}

const RT_COMMENT10 = 0x2ee0;
const RT_CSTRING = 0x0fba;

/** PowerPoint comments: the author's name (instance 0) and initials (instance 2) become spaces. */
function cleanPptComments(layout: CfbLayout, doc: CfbNode, removed: Set<RemovedId>, edits: Edit[], budget: Budget): void {
  const b = layout.read(doc);
  const out = Uint8Array.from(b);
  walkPptRecords(b, () => budget.check(), (r) => {
    if (r.type !== RT_CSTRING || r.parent !== RT_COMMENT10 || (r.instance !== 0 && r.instance !== 2)) return;
    for (let i = 0; i + 1 < r.length; i += 2) writeU16(out, r.body + i, 0x20, true);
    if (r.length > 0) removed.add('comment-authors');
  });
  if (!bytesEqual(out, b)) edits.push({ node: doc, data: out });
}

function cleanCurrentUser(layout: CfbLayout, cu: CfbNode, removed: Set<RemovedId>, edits: Edit[]): void {
  const b = layout.read(cu);
  if (b.length < 28 || u16(b, 2, true) !== 0x0ff6) unusual('PowerPoint current user record of an unusual kind');
  const token = u32(b, 12, true);
  if (token === 0xf3d1c4df) throw new MetaError('encrypted', 'the PowerPoint presentation is encrypted');
  const end = Math.min(b.length, 8 + u32(b, 4, true));
  const len = u16(b, 20, true);
  if (28 + len > end) unusual('PowerPoint user name runs past its record');
  const out = Uint8Array.from(b);
  out.fill(0x20, 28, 28 + len);
  // The Unicode copy of the name follows the 4-byte release version, when the record has room for it.
  const wide = 28 + len + 4;
  if (wide + len * 2 <= end) for (let i = 0; i < len; i++) writeU16(out, wide + i * 2, 0x20, true);
  if (!bytesEqual(out, b)) {
    edits.push({ node: cu, data: out });
    removed.add('last-user');
  }
}

/** Works out every change to make; nothing is written. Throws MetaError on anything it cannot account for. */
export function planOleScrub(file: Uint8Array, budget: Budget): OlePlan {
  const layout = mapCfb(file, budget);
  const removed = new Set<RemovedId>();
  const warnings = new Set<ScrubWarning>();
  const unverified = new Set<FormatUnverified>();
  const edits: Edit[] = [];
  const streams = layout.nodes.filter((n) => n.type === 2);
  const top = (name: string): CfbNode | undefined => streams.find((n) => n.name === name);
  if (layout.nodes.some((n) => n.name === 'EncryptedSummary' || n.name === 'EncryptionInfo')) throw new MetaError('encrypted', 'the file is encrypted');

  for (const node of streams) {
    if (node.name !== SUMMARY && node.name !== DOC_SUMMARY) continue;
    budget.check();
    const { data, had } = emptyPropertySet(layout.read(node), node.size);
    for (const r of had) removed.add(r);
    edits.push({ node, data });
  }

  let kind: OlePlan['kind'] = 'ole';
  const wd = top('WordDocument');
  const wb = top('Workbook') ?? top('Book');
  const pd = top('PowerPoint Document');
  if (wd) {
    kind = 'doc';
    cleanWord(layout, wd, removed, unverified, edits);
  } else if (wb) {
    kind = 'xls';
    cleanExcel(layout, wb, removed, edits, budget);
    unverified.add('excel-notes');
  } else if (pd) {
    kind = 'ppt';
    cleanPptComments(layout, pd, removed, edits, budget);
    const cu = top('Current User');
    if (cu) cleanCurrentUser(layout, cu, removed, edits);
    unverified.add('ppt-comments');
  }
  if (kind !== 'ole') warnings.add('document-content');

  // Storages with something inside: embedded objects (their property sets were cleaned above) or macros.
  for (const n of layout.nodes) {
    if (n.type !== 1 || n.child === NOSTREAM) continue;
    if (MACRO_STORAGES.has(n.name)) unverified.add('macros');
    else warnings.add('embedded-objects');
  }

  const patches: Patch[] = [];
  const changed = new Set<number>();
  for (const { node, data } of edits) {
    changed.add(node.index);
    // Past the stream's own size its last sector is zero-filled.
    const extents = layout.extents(node);
    const full = new Uint8Array(extents.reduce((n, e) => n + e.length, 0));
    full.set(data.subarray(0, Math.min(data.length, node.size)));
    let p = 0;
    for (const e of extents) {
      // Only sectors whose bytes change are written: a large Workbook with one name in it is a few patches, not thousands.
      const bytes = full.subarray(p, p + e.length);
      if (!bytesEqual(bytes, file.subarray(e.offset, e.offset + e.length))) patches.push({ offset: e.offset, bytes });
      p += e.length;
    }
  }
  for (const e of layout.free) {
    if (file.subarray(e.offset, e.offset + e.length).some((x) => x !== 0)) {
      patches.push({ offset: e.offset, zero: e.length });
      removed.add('unused-space');
    }
  }
  return { kind, patches, removed: [...removed], warnings: [...warnings], unverified: [...unverified], changed, layout };
}

/**
 * Checks the written copy against the original: still a well-formed compound
 * file of the same size and directory, every stream not changed on purpose
 * byte-identical, and the property sets empty. A problem, or null.
 */
export async function verifyOleCopy(original: Uint8Array, plan: OlePlan, copy: string, budget: Budget): Promise<string | null> {
  const out = new Uint8Array(await readFile(copy));
  if (out.length !== original.length) return 'the size changed';
  const a = plan.layout;
  let b: CfbLayout;
  try {
    b = mapCfb(out, budget);
  } catch (e) {
    return `the copy is not a well-formed compound file (${e instanceof Error ? e.message : String(e)})`;
  }
  if (a.nodes.length !== b.nodes.length) return 'the directory changed';
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as CfbNode;
    const y = b.nodes[i] as CfbNode;
    if (x.index !== y.index || x.name !== y.name || x.type !== y.type || x.start !== y.start || x.size !== y.size) return `directory entry ${x.index} changed`;
    if (x.type !== 2) continue;
    budget.check();
    if (!plan.changed.has(x.index)) {
      if (!bytesEqual(a.read(x), b.read(y))) return `stream ${x.index} changed`;
    } else if (x.name === SUMMARY || x.name === DOC_SUMMARY) {
      let set: ReturnType<typeof parsePropertySet>;
      try {
        set = parsePropertySet(b.read(y));
      } catch (e) {
        return `a property set of the copy cannot be read (${e instanceof Error ? e.message : String(e)})`;
      }
      if (set.sections.some((s) => s.props.some((pid) => pid !== 1))) return 'a property set still has properties';
    }
  }
  return null;
}
