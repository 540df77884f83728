// Legacy Office (DOC, XLS, PPT) and other OLE2 compound files: the summary
// property sets (author, last saved by, company, manager, template path,
// dates, custom properties), Word's revision log of who saved the file where
// (SttbSavedBy), comment and tracked-change authors, Excel's "write access"
// user name and cell-note authors, PowerPoint's "Current User" and comment
// authors. Encrypted files end with the `encrypted` verdict. Cleaning in
// place, without moving a byte of anything else, is in ole-clean.ts.
import { latin1, u16, u32, utf16 } from '../codecs/bytes.js';
import { openCfb, type Cfb } from '../codecs/cfb.js';
import { BufferSource, MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { Category } from '../types.js';
import { MAX_RECORDS, planOleScrub, verifyOleCopy, walkPptRecords, type OlePlan } from './ole-clean.js';
import type { FormatModule } from './types.js';

const SUMMARY: Readonly<Record<number, readonly [string, Category | 'thumbnail' | 'skip']>> = {
  2: ['Title', 'other'], 3: ['Subject', 'other'], 4: ['Author', 'person'], 5: ['Keywords', 'other'], 6: ['Comments', 'other'],
  7: ['Template', 'other'], 8: ['LastModifiedBy', 'person'], 9: ['RevisionNumber', 'history'], 10: ['TotalEditTime', 'skip'],
  11: ['LastPrinted', 'time'], 12: ['CreateDate', 'time'], 13: ['ModifyDate', 'time'], 17: ['Thumbnail', 'thumbnail'], 18: ['Software', 'software'],
};
const DOC_SUMMARY: Readonly<Record<number, readonly [string, Category | 'skip']>> = {
  2: ['Category', 'other'], 14: ['Manager', 'person'], 15: ['Company', 'person'], 26: ['ContentType', 'other'], 27: ['ContentStatus', 'other'], 29: ['DocVersion', 'other'],
};
const CUSTOM_FMTID = '05d5cdd59c2e1b10939708002b2cf9ae';

function fmtid(b: Uint8Array, o: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += (b[o + i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

/** One typed property value as text, or null for types we do not show. */
function propValue(b: Uint8Array, o: number, codepage: number): string | null {
  const type = u32(b, o, true);
  const str = (at: number): string => {
    const len = u32(b, at, true);
    const bytes = b.subarray(at + 4, Math.min(b.length, at + 4 + len));
    return (codepage === 1200 ? utf16(bytes, true) : codepage === 65001 ? new TextDecoder().decode(bytes) : latin1(bytes)).replace(/\0+$/, '');
  };
  switch (type) {
    case 0x1e:
      return str(o + 4);
    case 0x1f: {
      const n = u32(b, o + 4, true);
      return utf16(b.subarray(o + 8, Math.min(b.length, o + 8 + n * 2)), true).replace(/\0+$/, '');
    }
    case 0x40: {
      const lo = u32(b, o + 4, true);
      const hi = u32(b, o + 8, true);
      const ms = (hi * 4294967296 + lo) / 10_000 - 11_644_473_600_000;
      return ms > 0 && ms < 4e12 ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/-/g, ':') : null;
    }
    case 0x03:
      return String(u32(b, o + 4, true) | 0);
    case 0x02:
      return String(u16(b, o + 4, true));
    case 0x0b:
      return u16(b, o + 4, true) ? 'true' : 'false';
    case 0x47:
      return `${u32(b, o + 4, true)} bytes`;
    default:
      return null;
  }
}

function scanPropertySet(b: Uint8Array, ctx: ScanContext, table: Readonly<Record<number, readonly [string, string]>>): void {
  if (b.length < 48 || u16(b, 0, true) !== 0xfffe) return;
  const sections = Math.min(u32(b, 24, true), 8);
  for (let s = 0; s < sections; s++) {
    const id = fmtid(b, 28 + s * 20);
    const off = u32(b, 28 + s * 20 + 16, true);
    if (off + 8 > b.length) continue;
    const n = Math.min(u32(b, off + 4, true), 10_000);
    const props: Array<[number, number]> = [];
    for (let i = 0; i < n && off + 8 + i * 8 + 8 <= b.length; i++) props.push([u32(b, off + 8 + i * 8, true), off + u32(b, off + 12 + i * 8, true)]);
    const cpAt = props.find(([pid]) => pid === 1)?.[1];
    const codepage = cpAt !== undefined && cpAt + 6 <= b.length ? u16(b, cpAt + 4, true) : 1252;
    // Custom properties name their values through a dictionary (property 0).
    const names = new Map<number, string>();
    const dictAt = props.find(([pid]) => pid === 0)?.[1];
    if (dictAt !== undefined && dictAt + 4 <= b.length) {
      let p = dictAt + 4;
      const count = Math.min(u32(b, dictAt, true), 10_000);
      for (let i = 0; i < count && p + 8 <= b.length; i++) {
        const pid = u32(b, p, true);
        const len = u32(b, p + 4, true);
        const bytes = codepage === 1200 ? b.subarray(p + 8, p + 8 + len * 2) : b.subarray(p + 8, p + 8 + len);
        names.set(pid, (codepage === 1200 ? utf16(bytes, true) : latin1(bytes)).replace(/\0+$/, ''));
        p += 8 + (codepage === 1200 ? Math.ceil((len * 2) / 4) * 4 : len);
      }
    }
    for (const [pid, at] of props) {
      if (pid <= 1 || at + 4 > b.length) continue;
      const v = propValue(b, at, codepage);
      if (v === null) continue;
      if (id === CUSTOM_FMTID || names.has(pid)) {
        const name = names.get(pid) ?? `Custom_${pid}`;
        ctx.out.add(classifyName(name), name, v);
        continue;
      }
      const rule = table[pid];
      if (!rule || rule[1] === 'skip') continue;
      if (rule[1] === 'thumbnail') ctx.out.add('thumbnail', rule[0], v);
      else ctx.out.add(rule[0] === 'Template' && /[\\/](Users|home|Documents and Settings)[\\/]/i.test(v) ? 'person' : (rule[1] as Category), rule[0], v);
    }
  }
}

/** A Word STTB (string table): extended (UTF-16) or not; returns the strings. */
function sttb(b: Uint8Array): string[] {
  const out: string[] = [];
  if (b.length < 6) return out;
  const extended = u16(b, 0, true) === 0xffff;
  let p = extended ? 2 : 0;
  const count = Math.min(u16(b, p, true), 10_000);
  const extra = u16(b, p + 2, true);
  p += 4;
  for (let i = 0; i < count && p < b.length; i++) {
    const cch = extended ? u16(b, p, true) : (b[p] ?? 0);
    p += extended ? 2 : 1;
    out.push(extended ? utf16(b.subarray(p, p + cch * 2), true) : latin1(b, p, p + cch));
    p += (extended ? cch * 2 : cch) + extra;
  }
  return out;
}

async function scanWord(cfb: Cfb, ctx: ScanContext): Promise<void> {
  const wd = cfb.find('WordDocument');
  if (!wd) return;
  const fib = await cfb.head(wd, 4096);
  if (fib.length < 0x300 || u16(fib, 0, true) !== 0xa5ec) {
    ctx.unread('Word document of an old or unusual version');
    return;
  }
  if (u16(fib, 0x0a, true) & 0x0100) throw new MetaError('encrypted', 'encrypted Word document');
  const table = cfb.find(u16(fib, 0x0a, true) & 0x0200 ? '1Table' : '0Table');
  if (!table) return;
  const tbl = await cfb.read(table);
  const pair = (i: number): Uint8Array => {
    const fc = u32(fib, 0x9a + i * 8, true);
    const lcb = u32(fib, 0x9a + i * 8 + 4, true);
    return lcb > 0 && fc + lcb <= tbl.length ? tbl.subarray(fc, fc + lcb) : new Uint8Array();
  };
  // SttbSavedBy: author, path, author, path... of the last saves.
  const saved = sttb(pair(71));
  for (let i = 0; i + 1 < saved.length; i += 2) {
    ctx.out.add('person', 'SavedBy', saved[i] ?? '');
    ctx.out.add('person', 'SavedToPath', saved[i + 1] ?? '');
  }
  // SttbfAssoc: template path and the document's own title, subject, author...
  const assoc = sttb(pair(32));
  if (assoc[1]) ctx.out.add(/[\\/](Users|home)[\\/]/i.test(assoc[1]) ? 'person' : 'other', 'AttachedTemplate', assoc[1]);
  // Authors of comments (GrpXstAtnOwners) and of tracked changes (SttbfRMark).
  const owners = pair(36);
  for (let p = 0; p + 2 <= owners.length; ) {
    const cch = u16(owners, p, true);
    ctx.out.add('person', 'CommentAuthor', utf16(owners.subarray(p + 2, p + 2 + cch * 2), true));
    p += 2 + cch * 2;
  }
  for (const author of sttb(pair(51))) if (author && author !== 'Unknown') ctx.out.add('person', 'TrackedChangeAuthor', author);
}

async function scanExcel(cfb: Cfb, ctx: ScanContext): Promise<void> {
  const wb = cfb.find('Workbook') ?? cfb.find('Book');
  if (!wb) return;
  const b = await cfb.read(wb, 1024 * 1024 * 64);
  const biff8 = b.length >= 6 && u16(b, 4, true) === 0x0600;
  let p = 0;
  let globals = true;
  for (let n = 0; p + 4 <= b.length; n++) {
    if (n >= MAX_RECORDS) {
      ctx.unread('Excel workbook with too many records');
      return;
    }
    if ((n & 4095) === 0) ctx.budget.check();
    const type = u16(b, p, true);
    const len = u16(b, p + 2, true);
    const end = Math.min(b.length, p + 4 + len);
    if (type === 0x002f && globals) throw new MetaError('encrypted', 'encrypted Excel workbook');
    if (type === 0x000a) globals = false;
    if (type === 0x005c && biff8 && len >= 3) {
      // WRITEACCESS: the user name of whoever saved it (BIFF8: length, flags, characters).
      const cch = u16(b, p + 4, true);
      const wide = ((b[p + 6] ?? 0) & 1) === 1;
      const name = wide ? utf16(b.subarray(p + 7, Math.min(end, p + 7 + cch * 2)), true) : latin1(b, p + 7, Math.min(end, p + 7 + cch));
      ctx.out.add('person', 'LastModifiedBy', name.trim());
    } else if (type === 0x005c && len >= 1) {
      // BIFF5 and older: a length byte, then the characters.
      ctx.out.add('person', 'LastModifiedBy', latin1(b, p + 5, Math.min(end, p + 5 + (b[p + 4] ?? 0))).trim());
    } else if (type === 0x001c && biff8 && len >= 11) {
      // NOTE (in each sheet): row, column, flags, object id, then the author of the cell note.
      const cch = u16(b, p + 12, true);
      const wide = ((b[p + 14] ?? 0) & 1) === 1;
      const name = wide ? utf16(b.subarray(p + 15, Math.min(end, p + 15 + cch * 2)), true) : latin1(b, p + 15, Math.min(end, p + 15 + cch));
      ctx.out.add('person', 'CommentAuthor', name.trim());
    }
    p += 4 + len;
  }
}

async function scanPowerPoint(cfb: Cfb, ctx: ScanContext): Promise<void> {
  const cu = cfb.find('Current User');
  if (cu) {
    const b = await cfb.read(cu, 4096);
    // CurrentUserAtom: record header (8), size, token, offset, then the ANSI user name.
    if (b.length >= 28) {
      const len = u16(b, 20, true);
      ctx.out.add('person', 'CurrentUser', latin1(b, 28, Math.min(b.length, 28 + len)));
      if (u32(b, 12, true) === 0xf3d1c4df) throw new MetaError('encrypted', 'encrypted PowerPoint presentation');
    }
  }
  // Comments (Comment10Container): the author's name and initials are CString records.
  const doc = cfb.find('PowerPoint Document');
  if (doc) {
    const b = await cfb.read(doc);
    const whole = walkPptRecords(b, () => ctx.budget.check(), (r) => {
      if (r.type === 0x0fba && r.parent === 0x2ee0 && (r.instance === 0 || r.instance === 2)) {
        ctx.out.add('person', r.instance === 0 ? 'CommentAuthor' : 'CommentInitials', utf16(b.subarray(r.body, r.body + r.length), true).trim());
      }
    });
    if (!whole) ctx.unread('PowerPoint records that do not fit together');
  }
}

export async function scanOle(src: Source, ctx: ScanContext): Promise<string> {
  const cfb = await openCfb(src);
  const summary = cfb.find('\x05SummaryInformation');
  if (summary) scanPropertySet(await cfb.read(summary), ctx, SUMMARY);
  const doc = cfb.find('\x05DocumentSummaryInformation');
  if (doc) scanPropertySet(await cfb.read(doc), ctx, DOC_SUMMARY);
  // Encrypted Office files keep their real properties and names inside the encrypted part.
  if (cfb.find('EncryptedSummary') || cfb.find('EncryptionInfo')) throw new MetaError('encrypted', 'encrypted Office file');
  if (cfb.find('WordDocument')) {
    await scanWord(cfb, ctx);
    return 'doc';
  }
  if (cfb.find('Workbook') || cfb.find('Book')) {
    await scanExcel(cfb, ctx);
    return 'xls';
  }
  if (cfb.find('PowerPoint Document')) {
    await scanPowerPoint(cfb, ctx);
    return 'ppt';
  }
  // Other compound files (MSG mail, Visio, installers): only the property sets were read.
  ctx.unread('compound file of a kind whose own streams are not read');
  return 'ole';
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const ole: FormatModule = {
  name: 'ole',
  sniff: (head) => (OLE_MAGIC.every((b, i) => head[i] === b) ? 'ole' : null),
  scan: async (src, ctx, det) => {
    const kind = await scanOle(src, ctx);
    // The container says which Office program made it; name it so the report is clear.
    det.format = kind;
  },
  complete: true,
  scrub: async (det, io) => {
    const original = await io.readWhole();
    let plan: OlePlan;
    try {
      plan = planOleScrub(original, io.budget);
    } catch (err) {
      // A refused file is still named by its Office program (read leniently from the bytes already here).
      det.format = await openCfb(new BufferSource(original, io.budget))
        .then((cfb) => (cfb.find('WordDocument') ? 'doc' : cfb.find('Workbook') || cfb.find('Book') ? 'xls' : cfb.find('PowerPoint Document') ? 'ppt' : 'ole'))
        .catch(() => det.format);
      throw err;
    }
    det.format = plan.kind;
    await io.patchedCopy(plan.patches);
    return {
      removed: plan.removed,
      warnings: plan.warnings,
      unverified: plan.unverified,
      verify: (copy) => verifyOleCopy(original, plan, copy, io.budget),
    };
  },
};
