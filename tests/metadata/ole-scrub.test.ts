// Cleaning legacy Office and other OLE2 compound files in place: names leave
// the property sets, Word's save log and author tables, Excel's write access
// and PowerPoint's current user; the file keeps its size and directory, every
// other stream stays byte-identical, and a copy is never called verified while
// places safestep does not read remain. Malformed compound files are refused
// with a reason and nothing is written. Fixtures are built in code
// (fixtures-ole.ts); ExifTool cross-checks the copies when it is on PATH.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesEqual, indexOf, writeU32 } from '../../src/metadata/codecs/bytes.js';
import { mapCfb, type CfbLayout } from '../../src/metadata/codecs/cfb-layout.js';
import { Budget, MetaError } from '../../src/metadata/codecs/source.js';
import { emptyPropertySet, parsePropertySet, planOleScrub, verifyOleCopy } from '../../src/metadata/formats/ole-clean.js';
import { M } from '../../src/metadata/messages.js';
import { scanBuffer, scanFile } from '../../src/metadata/scan.js';
import { scrubFile } from '../../src/metadata/scrub.js';
import type { FileScan } from '../../src/metadata/types.js';
import { exiftool, exiftoolProgram, exiftoolTags } from '../helpers/exiftool.js';
import { put, tempDir } from './fixtures.js';
import { buildCfb, buildDoc, buildPpt, buildXls, CUSTOM_FMTID, DOC_SUMMARY_FMTID, docSummaryInformation, summaryInformation } from './fixtures-ole.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

const risky = (r: FileScan): string[] => r.findings.filter((f) => f.severity !== 'low').map((f) => `${f.field}=${f.value}`);


/** ExifTool's names for people in legacy Office files, with their values. */
function exiftoolNames(path: string): string[] {
  const tags = exiftoolTags(path, ['-u']);
  return Object.entries(tags)
    .filter(([k, v]) => /:(Author|LastModifiedBy|Company|Manager|CurrentUser|Title|Source|Tag.*)$/.test(k) && String(v).replace(/[\s\x00-\x1f]/g, '') !== '')
    .map(([k, v]) => `${k}=${String(v)}`);
}

/** Whether a name is anywhere in the bytes, as ASCII or UTF-16LE. */
function holds(b: Uint8Array, name: string): boolean {
  const wide = name.split('').map((c) => `${c}\0`).join('');
  return indexOf(b, name) >= 0 || indexOf(b, wide) >= 0;
}

function streams(layout: CfbLayout): Map<string, Uint8Array> {
  return new Map(layout.nodes.filter((n) => n.type === 2).map((n) => [`${n.index}:${n.name}`, layout.read(n)]));
}

async function clean(name: string, data: Uint8Array): Promise<{ out: Uint8Array; r: Awaited<ReturnType<typeof scrubFile>> }> {
  const p = await put(dir, name, data);
  const r = await scrubFile(p);
  expect(r.error).toBeNull();
  return { out: new Uint8Array(await readFile(r.output as string)), r };
}

describe('cleaning legacy Office files (OLE2) in place', () => {
  it('Word: property sets, save log, template path, comment and revision authors are removed; other streams byte-identical; same size', async () => {
    const data = buildDoc();
    const before = await scanBuffer(data);
    expect(before).toMatchObject({ format: 'doc', status: 'checked' });
    expect(risky(before)).toEqual(
      expect.arrayContaining(['Author=Ivan Petrov', 'LastModifiedBy=ivan.p', 'Company=Free Press', 'Manager=Olga Boss', 'Source=Anna K', 'SavedBy=Ivan Petrov', 'CommentAuthor=Anna Redaktor', 'TrackedChangeAuthor=Boris Pravka']),
    );
    const { out, r } = await clean('report.doc', data);
    expect(r).toMatchObject({ status: 'unverified', format: 'doc' });
    expect(r.unverified).toEqual(['word-tables']);
    expect(r.removed).toEqual(expect.arrayContaining(['properties', 'custom-properties', 'revisions', 'local-paths', 'comment-authors', 'dates']));
    expect(out.length).toBe(data.length);
    for (const name of ['Ivan', 'ivan', 'Free Press', 'Olga', 'Anna', 'Boris', 'Secret report', 'AR\0']) expect(holds(out, name), name).toBe(false);
    const after = await scanFile(r.output as string);
    expect(after.status).toBe('checked');
    expect(risky(after)).toEqual([]);
    // Directory and every stream other than the four cleaned ones are unchanged.
    const a = mapCfb(data, new Budget());
    const b = mapCfb(out, new Budget());
    expect(b.nodes).toEqual(a.nodes);
    const sa = streams(a);
    const sb = streams(b);
    const changed = [...sa.keys()].filter((k) => !bytesEqual(sa.get(k) as Uint8Array, sb.get(k) as Uint8Array));
    expect(changed.map((k) => k.replace(/^\d+:/, '')).sort()).toEqual(['\x05DocumentSummaryInformation', '\x05SummaryInformation', '1Table', 'WordDocument'].sort());
    // The FIB changes only where it points at the cleaned tables; the document text is the same.
    expect(indexOf(out, 'BODY TEXT STAYS')).toBeGreaterThan(0);
    expect(exiftoolNames(r.output as string)).toEqual([]);
    if (!exiftoolProgram.missing) {
      // ExifTool reads the DOP dates and the FIB's last save: gone too.
      expect(exiftool(['-a', '-G1', '-s', '-MS-DOC:all', join(dir, 'report.doc')])).toMatch(/CreateDate/);
      expect(exiftool(['-a', '-G1', '-s', '-MS-DOC:all', r.output as string])).not.toMatch(/[1-9]\d{3}:\d\d:\d\d|RevisionNumber\s+: [^1]|TotalEditTime\s+: [^0]|CommentBy|LastSavedBy/);
    }
  });

  it('Excel: the write-access name becomes spaces and the workbook records keep their lengths', async () => {
    const data = buildXls('ivan.p');
    expect(risky(await scanBuffer(data))).toEqual(expect.arrayContaining(['LastModifiedBy=ivan.p', 'CommentAuthor=Nina Notes']));
    const { out, r } = await clean('list.xls', data);
    expect(r).toMatchObject({ status: 'unverified', format: 'xls', unverified: ['excel-notes'] });
    expect(r.removed).toEqual(expect.arrayContaining(['last-user', 'comment-authors']));
    expect(out.length).toBe(data.length);
    expect(holds(out, 'ivan')).toBe(false);
    expect(holds(out, 'Nina')).toBe(false);
    expect(risky(await scanFile(r.output as string))).toEqual([]);
    const wb = (l: CfbLayout): Uint8Array => l.read(l.nodes.find((n) => n.name === 'Workbook') ?? l.nodes[0]!);
    const before = wb(mapCfb(data, new Budget()));
    const after = wb(mapCfb(out, new Budget()));
    expect(after.length).toBe(before.length);
    // Only the names changed: every other byte of the workbook stream is the same.
    const diff = [...before.keys()].filter((i) => before[i] !== after[i]);
    expect(diff.length).toBe(('ivan.p' + 'Nina Notes').replace(/ /g, '').length);
    expect(exiftoolNames(r.output as string)).toEqual([]);
  });

  it('PowerPoint: both copies of the current user name and comment authors are blanked, and a free sector with an old name is zeroed', async () => {
    const stale = new TextEncoder().encode('old save by Irina Kuznetsova');
    const data = buildPpt({ freeSector: stale });
    expect(risky(await scanBuffer(data))).toEqual(expect.arrayContaining(['CommentAuthor=Pavel Kommentator', 'CommentInitials=PK', 'CurrentUser=irina.k']));
    const { out, r } = await clean('talk.ppt', data);
    expect(r).toMatchObject({ status: 'unverified', format: 'ppt', unverified: ['ppt-comments'] });
    expect(r.removed).toEqual(expect.arrayContaining(['properties', 'last-user', 'unused-space', 'comment-authors']));
    expect(out.length).toBe(data.length);
    expect(holds(out, 'irina')).toBe(false);
    expect(holds(out, 'Irina')).toBe(false);
    expect(holds(out, 'Pavel')).toBe(false);
    expect(holds(out, 'PK')).toBe(false);
    // The comment text and the slide's other records are unchanged; only the names' characters differ.
    expect(holds(out, 'check the numbers')).toBe(true);
    const doc = (l: CfbLayout): Uint8Array => l.read(l.nodes.find((n) => n.name === 'PowerPoint Document') ?? l.nodes[0]!);
    const before = doc(mapCfb(data, new Budget()));
    const after = doc(mapCfb(out, new Budget()));
    expect([...before.keys()].filter((i) => before[i] !== after[i]).length).toBeLessThanOrEqual(('Pavel Kommentator'.length + 2) * 2);
    expect(risky(await scanFile(r.output as string))).toEqual([]);
    expect(exiftoolNames(r.output as string)).toEqual([]);
  });

  it('embedded objects get their own property sets cleaned, and the copy says they stay', async () => {
    const data = buildDoc({ embedded: true });
    const { out, r } = await clean('with-object.doc', data);
    expect(r.status).toBe('unverified');
    expect(r.unverified).toEqual(expect.arrayContaining(['embedded', 'word-tables']));
    expect(holds(out, 'Embedded Author')).toBe(false);
    expect(holds(out, 'embedded bytes')).toBe(true);
  });

  it('other compound files: the property sets are cleaned, and the copy is not called checked', async () => {
    const data = buildCfb([['\x05SummaryInformation', summaryInformation('Mail Author', 'mail.user')], ['__substg1.0_0037001F', new Uint8Array(8)]]);
    const { out, r } = await clean('letter.msg', data);
    expect(r).toMatchObject({ status: 'unverified', format: 'ole' });
    expect(r.unverified).toContain('rescan');
    expect(holds(out, 'Mail Author')).toBe(false);
  });

  it('an emptied property set keeps its header, its sections (user-defined too) and their code pages, then zeros', () => {
    const original = docSummaryInformation('Free Press', 'Olga Boss', ['Source', 'Anna K']);
    const { data, had } = emptyPropertySet(original, original.length);
    expect(data.length).toBe(original.length);
    expect(bytesEqual(data.subarray(0, 24), original.subarray(0, 24))).toBe(true);
    expect([...had].sort()).toEqual(['custom-properties', 'properties']);
    const set = parsePropertySet(data);
    expect(set.sections.map((s) => [bytesEqual(s.fmtid, DOC_SUMMARY_FMTID) || bytesEqual(s.fmtid, CUSTOM_FMTID), s.codepage, s.props])).toEqual([
      [true, 1252, [1]],
      [true, 1252, [1]],
    ]);
    expect(data.subarray(28 + 2 * 20 + 2 * 24).every((x) => x === 0)).toBe(true);
    // A stream too small for the code pages keeps empty sections; smaller still is refused.
    expect(parsePropertySet(emptyPropertySet(original, 28 + 2 * 20 + 2 * 8).data).sections.map((s) => s.props)).toEqual([[], []]);
    expect(() => emptyPropertySet(original, 60)).toThrow(/too small/);
  });

  it('the check of the written copy notices a changed stream, a changed size and leftover properties', async () => {
    const data = buildDoc();
    const plan = planOleScrub(data, new Budget());
    const good = Uint8Array.from(data);
    for (const p of plan.patches) {
      if (p.bytes) good.set(p.bytes, p.offset);
      else good.fill(0, p.offset, p.offset + (p.zero ?? 0));
    }
    const path = join(dir, 'copy.doc');
    await writeFile(path, good);
    expect(await verifyOleCopy(data, plan, path, new Budget())).toBeNull();
    // One byte of the Data stream (not cleaned on purpose) changed.
    const layout = mapCfb(good, new Budget());
    const dataStream = layout.nodes.find((n) => n.name === 'Data');
    const at = layout.extents(dataStream ?? layout.nodes[0]!)[0]?.offset ?? 0;
    const tampered = Uint8Array.from(good);
    tampered[at + 10] = (tampered[at + 10] ?? 0) ^ 0xff;
    await writeFile(path, tampered);
    expect(await verifyOleCopy(data, plan, path, new Budget())).toMatch(/stream \d+ changed/);
    await writeFile(path, new Uint8Array([...good, 0]));
    expect(await verifyOleCopy(data, plan, path, new Budget())).toBe('the size changed');
    // The original's property sets where the cleaned ones should be.
    await writeFile(path, data);
    expect(await verifyOleCopy(data, plan, path, new Budget())).toBe('a property set still has properties');
  });

  it('every new message has both languages', () => {
    for (const key of ['removed.comment-authors', 'removed.last-user', 'removed.unused-space', 'unverified.word-tables', 'unverified.excel-notes', 'unverified.ppt-comments', 'unverified.macros'] as const) {
      expect(M.get(key, 'en')).not.toBe(M.get(key, 'ru'));
      expect(M.get(key, 'ru')).toMatch(/[а-я]/);
    }
  });
});

describe('malformed compound files are refused, nothing written', () => {
  const fatAt = 512;
  /** The FAT entry of the directory's first sector (sector 1 in these fixtures). */
  const cases: Array<[string, (b: Uint8Array) => void, RegExp]> = [
    ['a FAT chain that loops', (b) => writeU32(b, fatAt + 4, 1, true), /loops/],
    ['a sector out of range', (b) => writeU32(b, 0x30, 50_000, true), /out of range/],
    ['a stream larger than the file', (b) => writeU32(b, 512 * 2 + 128 * 3 + 120, 0x7fffffff, true), /bytes in a file of|chain of/],
    ['a FAT sector count beyond the file', (b) => writeU32(b, 0x2c, 1_000_000, true), /FAT sectors/],
    ['a chain that ends on a free sector', (b) => writeU32(b, fatAt + 4, 0xffffffff, true), /special value/],
    ['a mini stream cutoff other than 4096', (b) => writeU32(b, 0x38, 0, true), /cutoff/],
    [
      'a DIFAT sector that is also a FAT sector',
      (b) => {
        writeU32(b, 0x44, 0, true);
        writeU32(b, 0x48, 1, true);
      },
      /used by both/,
    ],
    ['a directory entry pointing outside the directory', (b) => writeU32(b, 512 * 2 + 128 + 76, 5000, true), /outside the directory/],
  ];
  for (const [what, breakIt, why] of cases) {
    it(what, async () => {
      const data = Uint8Array.from(buildDoc());
      breakIt(data);
      expect(() => planOleScrub(data, new Budget())).toThrow(why);
      const p = await put(dir, 'broken.doc', data);
      const r = await scrubFile(p);
      expect(r).toMatchObject({ status: 'failed', output: null, reason: 'corrupt' });
      expect(r.error).toMatch(why);
      expect(await readdir(dir)).toEqual(['broken.doc']);
    });
  }

  it('an encrypted Word document is refused as encrypted', async () => {
    const p = await put(dir, 'locked.doc', buildDoc({ encrypted: true }));
    expect(await scrubFile(p)).toMatchObject({ status: 'failed', reason: 'encrypted', output: null, format: 'doc' });
    expect(await readdir(dir)).toEqual(['locked.doc']);
  });

  it('the plan is a MetaError or a plan, never another exception', () => {
    expect(() => planOleScrub(new Uint8Array(100), new Budget())).toThrow(MetaError);
  });
});
