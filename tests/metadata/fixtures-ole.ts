// Compound files (OLE2) built in code, as [MS-CFB] describes them: 512-byte
// sectors, a 4096-byte mini stream cutoff (smaller streams live in 64-byte
// mini sectors inside the root entry's chain), storages from "a/b" paths,
// siblings linked in name order. Plus the Office streams the scanner and the
// cleaner read: property sets, a Word FIB with its tables, an Excel BIFF8
// globals substream, a PowerPoint Current User record.
import { ascii, concat, writeU16, writeU32 } from '../../src/metadata/codecs/bytes.js';

const SECTOR = 512;
const MINI = 64;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const NONE = 0xffffffff;

function le32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  writeU32(b, 0, v, true);
  return b;
}

function le16(v: number): Uint8Array {
  const b = new Uint8Array(2);
  writeU16(b, 0, v, true);
  return b;
}

function utf16le(s: string): Uint8Array {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) writeU16(b, i * 2, s.charCodeAt(i), true);
  return b;
}

export interface CfbOptions {
  /** Bytes left in a sector marked free (what an earlier save can leave behind). */
  freeSector?: Uint8Array;
}

interface Node {
  name: string;
  type: 1 | 2 | 5;
  data?: Uint8Array;
  children: Node[];
  index: number;
  start: number;
  size: number;
}

/** CFB sibling order: shorter names first, then by upper-case code units. */
function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A compound file holding `streams` (paths with "/" make storages). */
export function buildCfb(streams: Array<[string, Uint8Array]>, opts: CfbOptions = {}): Uint8Array {
  const root: Node = { name: 'Root Entry', type: 5, children: [], index: 0, start: END, size: 0 };
  const all: Node[] = [root];
  for (const [path, data] of streams) {
    const parts = path.split('/');
    let at = root;
    parts.forEach((name, i) => {
      const last = i === parts.length - 1;
      let next = at.children.find((c) => c.name === name);
      if (!next) {
        next = { name, type: last ? 2 : 1, children: [], index: all.length, start: last ? END : 0, size: 0 };
        if (last) next.data = data;
        at.children.push(next);
        all.push(next);
      }
      at = next;
    });
  }
  // Mini stream: every stream under 4096 bytes, each rounded up to 64-byte mini sectors.
  const miniFat: number[] = [];
  const miniParts: Uint8Array[] = [];
  const big: Node[] = [];
  for (const n of all) {
    if (n.type !== 2 || !n.data) continue;
    n.size = n.data.length;
    if (n.size >= 4096) {
      big.push(n);
      continue;
    }
    if (n.size === 0) continue;
    const count = Math.ceil(n.size / MINI);
    n.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : miniFat.length + 1);
    miniParts.push(n.data, new Uint8Array(count * MINI - n.size));
  }
  const miniStream = concat(miniParts);
  root.size = miniStream.length;

  const dirSectors = Math.ceil(all.length / 4);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const bigSectors = big.map((n) => Math.ceil(n.size / SECTOR));
  const freeSectors = opts.freeSector ? 1 : 0;
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + bigSectors.reduce((a, b) => a + b, 0) + freeSectors;
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('fixture too large for a header-only DIFAT');

  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) fat.push(0xfffffffd);
  const run = (count: number): number => {
    if (count === 0) return END;
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END : fat.length + 1);
    return start;
  };
  const dirStart = run(dirSectors);
  const miniFatStart = run(miniFatSectors);
  root.start = run(miniStreamSectors);
  big.forEach((n, i) => {
    n.start = run(bigSectors[i] ?? 0);
  });
  if (freeSectors) fat.push(FREE);

  // Directory: each storage's children linked through right siblings in CFB order (all black).
  const entries = new Uint8Array(dirSectors * SECTOR);
  for (const n of all) {
    const o = n.index * 128;
    const name = n.name.slice(0, 31);
    entries.set(utf16le(name), o);
    writeU16(entries, o + 64, (name.length + 1) * 2, true);
    entries[o + 66] = n.type;
    entries[o + 67] = 1;
    writeU32(entries, o + 68, NONE, true);
    writeU32(entries, o + 72, NONE, true);
    writeU32(entries, o + 76, NONE, true);
    writeU32(entries, o + 116, n.type === 1 ? 0 : n.start, true);
    writeU32(entries, o + 120, n.type === 1 ? 0 : n.size, true);
  }
  for (const n of all) {
    const kids = [...n.children].sort((a, b) => cfbCompare(a.name, b.name));
    if (kids[0]) writeU32(entries, n.index * 128 + 76, kids[0].index, true);
    for (let i = 0; i + 1 < kids.length; i++) writeU32(entries, (kids[i] as Node).index * 128 + 72, (kids[i + 1] as Node).index, true);
  }

  const header = new Uint8Array(SECTOR);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  writeU16(header, 0x18, 0x3e, true);
  writeU16(header, 0x1a, 3, true);
  writeU16(header, 0x1c, 0xfffe, true);
  writeU16(header, 0x1e, 9, true);
  writeU16(header, 0x20, 6, true);
  writeU32(header, 0x2c, fatSectors, true);
  writeU32(header, 0x30, dirStart, true);
  writeU32(header, 0x38, 4096, true);
  writeU32(header, 0x3c, miniFatSectors ? miniFatStart : END, true);
  writeU32(header, 0x40, miniFatSectors, true);
  writeU32(header, 0x44, END, true);
  writeU32(header, 0x48, 0, true);
  for (let i = 0; i < 109; i++) writeU32(header, 0x4c + i * 4, i < fatSectors ? i : FREE, true);

  const fatBytes = new Uint8Array(fatSectors * SECTOR).fill(0xff);
  fat.forEach((v, i) => writeU32(fatBytes, i * 4, v, true));
  const miniFatBytes = new Uint8Array(miniFatSectors * SECTOR).fill(0xff);
  miniFat.forEach((v, i) => writeU32(miniFatBytes, i * 4, v, true));
  const pad = (b: Uint8Array, sectors: number): Uint8Array => concat([b, new Uint8Array(sectors * SECTOR - b.length)]);
  const free = opts.freeSector ? [pad(opts.freeSector.subarray(0, SECTOR), 1)] : [];
  return concat([header, fatBytes, entries, miniFatBytes, pad(miniStream, miniStreamSectors), ...big.map((n, i) => pad(n.data ?? new Uint8Array(), bigSectors[i] ?? 0)), ...free]);
}

export const SUMMARY_FMTID = Uint8Array.from([0xe0, 0x85, 0x9f, 0xf2, 0xf9, 0x4f, 0x68, 0x10, 0xab, 0x91, 0x08, 0x00, 0x2b, 0x27, 0xb3, 0xd9]);
export const DOC_SUMMARY_FMTID = Uint8Array.from([0x02, 0xd5, 0xcd, 0xd5, 0x9c, 0x2e, 0x1b, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2b, 0x2c, 0xf9, 0xae]);
export const CUSTOM_FMTID = Uint8Array.from([0x05, 0xd5, 0xcd, 0xd5, 0x9c, 0x2e, 0x1b, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2b, 0x2c, 0xf9, 0xae]);

function lpstr(s: string): Uint8Array {
  const body = concat([ascii(s), new Uint8Array(1)]);
  return concat([le32(0x1e), le32(body.length), body, new Uint8Array((4 - (body.length % 4)) % 4)]);
}

/** One section: code page 1252 and the given string properties (a dictionary names custom ones). */
function section(props: Array<[number, string]>, dictionary?: Array<[number, string]>): Uint8Array {
  const values: Array<[number, Uint8Array]> = [[1, concat([le32(0x02), Uint8Array.of(0xe4, 0x04, 0, 0)])]];
  if (dictionary) {
    const items = dictionary.map(([pid, name]) => concat([le32(pid), le32(name.length + 1), ascii(name), new Uint8Array(1)]));
    const dict = concat([le32(dictionary.length), ...items]);
    values.push([0, concat([dict, new Uint8Array((4 - (dict.length % 4)) % 4)])]);
  }
  for (const [pid, s] of props) values.push([pid, lpstr(s)]);
  let offset = 8 + values.length * 8;
  const table: Uint8Array[] = [];
  for (const [pid, v] of values) {
    table.push(concat([le32(pid), le32(offset)]));
    offset += v.length;
  }
  return concat([le32(offset), le32(values.length), ...table, ...values.map(([, v]) => v)]);
}

function propertySet(sections: Array<[Uint8Array, Uint8Array]>): Uint8Array {
  const head = concat([Uint8Array.of(0xfe, 0xff, 0, 0), le32(0x00020006), new Uint8Array(16), le32(sections.length)]);
  let offset = 28 + sections.length * 20;
  const list: Uint8Array[] = [];
  for (const [fmtid, body] of sections) {
    list.push(fmtid, le32(offset));
    offset += body.length;
  }
  return concat([head, ...list, ...sections.map(([, b]) => b)]);
}

/** A summary property set (code page 1252) with Author and LastModifiedBy. */
export function summaryInformation(author: string, lastAuthor: string, extra: Array<[number, string]> = []): Uint8Array {
  return propertySet([[SUMMARY_FMTID, section([[4, author], [8, lastAuthor], ...extra])]]);
}

/** A document summary property set: company and manager, plus one custom property. */
export function docSummaryInformation(company: string, manager: string, custom: [string, string]): Uint8Array {
  return propertySet([
    [DOC_SUMMARY_FMTID, section([[15, company], [14, manager]])],
    [CUSTOM_FMTID, section([[2, custom[1]]], [[2, custom[0]]])],
  ]);
}

/** An extended Word STTB (UTF-16 strings). */
function sttb(strings: string[], extra = 0): Uint8Array {
  return concat([le16(0xffff), le16(strings.length), le16(extra), ...strings.map((s) => concat([le16(s.length), utf16le(s), new Uint8Array(extra)]))]);
}

export interface WordParts {
  savedBy: string[];
  template: string;
  commentAuthors: string[];
  initials: string[];
  revisionAuthors: string[];
  /** Set the "encrypted" flag in the FIB. */
  encrypted?: boolean;
}

/** WordDocument (a Word 97 FIB) and 1Table streams holding the given tables. */
export function wordStreams(parts: WordParts): { wordDocument: Uint8Array; table: Uint8Array } {
  const tables: Array<[number, Uint8Array]> = [];
  tables.push([71, sttb(parts.savedBy)]);
  const assoc = new Array<string>(18).fill('');
  assoc[1] = parts.template;
  assoc[6] = parts.savedBy[0] ?? '';
  tables.push([32, sttb(assoc)]);
  tables.push([36, concat(parts.commentAuthors.map((s) => concat([le16(s.length), utf16le(s)])))]);
  // PlcfandRef: n + 1 CPs, then one ATRDPre10 (30 bytes) per comment: initials first.
  const n = parts.initials.length;
  const atrds = parts.initials.map((ini, i) => {
    const a = new Uint8Array(30);
    writeU16(a, 0, ini.length, true);
    a.set(utf16le(ini.slice(0, 9)), 2);
    writeU16(a, 20, i % Math.max(1, parts.commentAuthors.length), true);
    return a;
  });
  tables.push([4, concat([...Array.from({ length: n + 1 }, (_, i) => le32(i * 10)), ...atrds])]);
  tables.push([51, sttb(['Unknown', ...parts.revisionAuthors])]);
  // DOP: created, revised and printed (DTTM: 2024-03-05 10:20), revision 7, 95 minutes of editing.
  const dop = new Uint8Array(88);
  const dttm = 20 | (10 << 6) | (5 << 11) | (3 << 16) | (124 << 20);
  for (const at of [20, 24, 28]) writeU32(dop, at, dttm, true);
  writeU16(dop, 32, 7, true);
  writeU32(dop, 34, 95, true);
  tables.push([31, dop]);
  const fib = new Uint8Array(1024);
  writeU16(fib, 0, 0xa5ec, true);
  writeU16(fib, 2, 0x00c1, true);
  writeU16(fib, 0x0a, 0x0200 | (parts.encrypted ? 0x0100 : 0), true);
  writeU16(fib, 32, 14, true);
  writeU16(fib, 62, 22, true);
  writeU16(fib, 152, 0x5d, true);
  // The last save as a FILETIME (2024-03-05) where the 88th pair would be.
  writeU32(fib, 154 + 87 * 8, 0x5e0b6000, true);
  writeU32(fib, 154 + 87 * 8 + 4, 0x01da6ee4, true);
  // Table stream: 16 bytes of other data first, then each table.
  const chunks: Uint8Array[] = [Uint8Array.from({ length: 16 }, (_, i) => i + 1)];
  let at = 16;
  for (const [i, data] of tables) {
    writeU32(fib, 154 + i * 8, at, true);
    writeU32(fib, 158 + i * 8, data.length, true);
    chunks.push(data);
    at += data.length;
  }
  // The document text and the rest of the FIB stay as they are: mark them.
  fib.set(ascii('BODY TEXT STAYS'), 1000);
  return { wordDocument: fib, table: concat(chunks) };
}

/** A Word 97 document: summary and document summary, a save log, comment and revision authors. */
export function buildDoc(opts: { encrypted?: boolean; embedded?: boolean } = {}): Uint8Array {
  const { wordDocument, table } = wordStreams({
    savedBy: ['Ivan Petrov', 'C:\\Users\\ivan\\Documents\\report.doc'],
    template: 'C:\\Users\\ivan\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dot',
    commentAuthors: ['Anna Redaktor'],
    initials: ['AR'],
    revisionAuthors: ['Boris Pravka'],
    ...(opts.encrypted ? { encrypted: true } : {}),
  });
  const streams: Array<[string, Uint8Array]> = [
    ['\x05SummaryInformation', summaryInformation('Ivan Petrov', 'ivan.p', [[2, 'Secret report']])],
    ['\x05DocumentSummaryInformation', docSummaryInformation('Free Press', 'Olga Boss', ['Source', 'Anna K'])],
    ['WordDocument', wordDocument],
    ['1Table', table],
    ['Data', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255)],
    ['\x01CompObj', ascii('Microsoft Word 97-2003 Document')],
  ];
  if (opts.embedded) {
    streams.push(['ObjectPool/_1234/\x05SummaryInformation', summaryInformation('Embedded Author', 'emb.user')]);
    streams.push(['ObjectPool/_1234/Ole10Native', ascii('embedded bytes')]);
  }
  return buildCfb(streams);
}

/** An Excel 97 workbook: globals with WRITEACCESS naming the user, a sheet with a cell note; summary properties. */
export function buildXls(user = 'ivan.p'): Uint8Array {
  const rec = (type: number, body: Uint8Array): Uint8Array => concat([le16(type), le16(body.length), body]);
  const name = concat([le16(user.length), Uint8Array.of(0), ascii(user)]);
  const write = concat([name, new Uint8Array(112 - name.length).fill(0x20)]);
  const bof = concat([le16(0x0600), le16(0x0005), new Uint8Array(12)]);
  const cells = Uint8Array.from({ length: 200 }, (_, i) => (i * 11) & 255);
  // A cell note on A1 by its author (row, column, flags, object id, name, padding).
  const noteBy = 'Nina Notes';
  const note = concat([le16(0), le16(0), le16(0), le16(1), le16(noteBy.length), Uint8Array.of(0), ascii(noteBy), Uint8Array.of(0)]);
  const workbook = concat([rec(0x0809, bof), rec(0x005c, write), rec(0x0042, le16(1200)), rec(0x000a, new Uint8Array()), rec(0x0809, bof), rec(0x00fc, cells), rec(0x001c, note), rec(0x000a, new Uint8Array())]);
  return buildCfb([
    ['\x05SummaryInformation', summaryInformation('Ivan Petrov', 'ivan.p')],
    ['\x05DocumentSummaryInformation', docSummaryInformation('Free Press', 'Olga Boss', ['Source', 'Anna K'])],
    ['Workbook', workbook],
  ]);
}

/** The PowerPoint "Current User" stream: CurrentUserAtom with the ANSI and Unicode user names. */
export function currentUser(user: string): Uint8Array {
  const body = concat([le32(0x14), le32(0xe391c05f), le32(0), le16(user.length), le16(0x03f4), Uint8Array.of(3, 0), le16(0), ascii(user), le32(8), utf16le(user)]);
  return concat([le16(0), le16(0x0ff6), le32(body.length), body]);
}

function pptRecord(container: boolean, instance: number, type: number, body: Uint8Array): Uint8Array {
  return concat([le16((instance << 4) | (container ? 0x0f : 0)), le16(type), le32(body.length), body]);
}

/** A PowerPoint document stream: one slide whose PP10 tag holds a comment by `author`, and opaque slide data. */
export function pptDocument(author: string, initials: string): Uint8Array {
  const comment = pptRecord(true, 0, 0x2ee0, concat([
    pptRecord(false, 0, 0x0fba, utf16le(author)),
    pptRecord(false, 1, 0x0fba, utf16le('check the numbers')),
    pptRecord(false, 2, 0x0fba, utf16le(initials)),
    pptRecord(false, 0, 0x2ee1, new Uint8Array(28)),
  ]));
  const tag = pptRecord(true, 0, 0x138a, concat([pptRecord(false, 0, 0x0fba, utf16le('___PPT10')), pptRecord(false, 0, 0x138b, comment)]));
  const drawing = pptRecord(false, 0, 0x040c, Uint8Array.from({ length: 200 }, (_, i) => (i * 13) & 255));
  return pptRecord(true, 0, 0x03ee, concat([drawing, pptRecord(true, 0, 0x1388, tag)]));
}

/** A PowerPoint 97 file: summary information, a slide with a comment, and the Current User stream. */
export function buildPpt(opts: { freeSector?: Uint8Array } = {}): Uint8Array {
  return buildCfb(
    [
      ['\x05SummaryInformation', summaryInformation('Irina Kuznetsova', 'irina.k')],
      ['PowerPoint Document', pptDocument('Pavel Kommentator', 'PK')],
      ['Current User', currentUser('irina.k')],
    ],
    opts,
  );
}
