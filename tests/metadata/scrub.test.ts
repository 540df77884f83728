import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFDict, PDFHexString, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { crc32, fourcc, u32 } from '../../src/metadata/codecs/bytes.js';
import { exifOrientation } from '../../src/metadata/codecs/tiff/index.js';
import { jpegImageData } from '../../src/metadata/formats/jpeg.js';
import { checkOoxml } from '../../src/metadata/formats/ooxml.js';
import { scanBuffer, scanFile } from '../../src/metadata/scan.js';
import { cleanedName, scrubFile } from '../../src/metadata/scrub.js';
import { Budget, BufferSource } from '../../src/metadata/codecs/source.js';
import { isRisky, type FileScan } from '../../src/metadata/types.js';
import { readZip } from '../../src/metadata/codecs/zip.js';
import {
  appendInfoUpdate,
  buildDocx,
  buildGif,
  buildHeic,
  buildJpeg,
  buildMp4,
  buildOdt,
  buildPdf,
  buildPng,
  buildTiff,
  buildWebp,
  entropy,
  gpsIfd,
  iptc,
  put,
  tempDir,
  xmpPacket,
} from './fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function contains(hay: Uint8Array, text: string): boolean {
  return indexOfBytes(hay, new TextEncoder().encode(text)) !== -1;
}

async function rescan(path: string): Promise<FileScan> {
  const r = await scanFile(path);
  if (r.status !== 'checked') throw new Error(`not checked: ${r.status} ${r.reason ?? ''}`);
  return r;
}

const camera = buildTiff({
  ifd0: { 0x010f: { ascii: 'Canon' }, 0x0110: { ascii: 'EOS' }, 0x013b: { ascii: 'Ivan Petrov' }, 0x0112: { short: [6] } },
  exif: { 0xa431: { ascii: 'SN-0042-7731' } },
  gps: gpsIfd(55.7558, 37.6173),
  thumbnail: 30,
});

describe('JPEG', () => {
  const jpeg = buildJpeg({
    exif: camera,
    xmp: xmpPacket('<photoshop:City>Tbilisi</photoshop:City>'),
    iptc: iptc([[80, 'Byline Person']]),
    comment: 'secret comment',
    icc: true,
    adobe: true,
    jfifThumbnail: true,
    app: [[0xe5, new TextEncoder().encode('VENDOR\0stuff')]],
    twoScans: true,
    trailing: new TextEncoder().encode('MOTIONPHOTO-VIDEO-BYTES'),
  });

  it('removes every metadata segment, keeps image data byte-identical, ICC, Adobe and the orientation', async () => {
    const p = await put(dir, 'photo.jpg', jpeg);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    expect(r.output).toBe(join(dir, 'photo.cleaned.jpg'));
    expect(r.removed).toEqual(expect.arrayContaining(['exif', 'xmp', 'iptc', 'comment', 'thumbnail', 'vendor-data', 'trailing-data']));
    expect(r.warnings).toContain('orientation-kept');
    expect(r.remaining.filter(isRisky)).toEqual([]);

    const out = new Uint8Array(await readFile(r.output as string));
    // The original is untouched.
    expect(sha(new Uint8Array(await readFile(p)))).toBe(sha(jpeg));
    // Entropy-coded data of both scans, byte for byte.
    expect(indexOfBytes(out, entropy(1))).toBeGreaterThan(0);
    expect(indexOfBytes(out, entropy(2, 700))).toBeGreaterThan(0);
    const a = jpegImageData(jpeg);
    const b = jpegImageData(out);
    expect(a).not.toBeNull();
    expect(Buffer.from(b as Uint8Array).equals(Buffer.from(a as Uint8Array))).toBe(true);
    for (const s of ['Ivan Petrov', 'SN-0042', 'Tbilisi', 'Byline Person', 'secret comment', 'VENDOR', 'MOTIONPHOTO', 'between scans']) expect(contains(out, s)).toBe(false);
    expect(contains(out, 'ICC_PROFILE')).toBe(true);
    expect(contains(out, 'Adobe')).toBe(true);
    // Only Orientation survives in a minimal EXIF block.
    const exifAt = indexOfBytes(out, new TextEncoder().encode('Exif\0\0'));
    expect(exifAt).toBeGreaterThan(0);
    expect(await exifOrientation(out.subarray(exifAt + 6, exifAt + 6 + 26), { budget: new Budget() })).toBe(6);
    expect((await rescan(r.output as string)).findings).toEqual([]);
  });

  it('never overwrites an existing output without force, and writes to --out', async () => {
    const p = await put(dir, 'photo.jpg', jpeg);
    const existing = await put(dir, 'photo.cleaned.jpg', 'mine, do not touch');
    const r = await scrubFile(p);
    expect(r.status).toBe('exists');
    expect(await readFile(existing, 'utf8')).toBe('mine, do not touch');
    const forced = await scrubFile(p, { force: true });
    expect(forced.status).toBe('cleaned');
    expect(await readFile(existing, 'utf8')).not.toBe('mine, do not touch');
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    const elsewhere = await scrubFile(p, { out: outDir });
    expect(elsewhere.output).toBe(join(outDir, 'photo.cleaned.jpg'));
    expect(cleanedName('/x/report.final.pdf')).toBe('report.final.cleaned.pdf');
    expect(cleanedName('/x/README')).toBe('README.cleaned');
  });

  it('replaces the original in place only after the copy re-scans clean, leaving no temp files', async () => {
    const p = await put(dir, 'photo.jpg', jpeg);
    const r = await scrubFile(p, { inPlace: true });
    expect(r.status).toBe('cleaned');
    expect(r.output).toBe(p);
    expect((await rescan(p)).findings.filter(isRisky)).toEqual([]);
    expect(await readdir(dir)).toEqual(['photo.jpg']);
  });

  it('fails on a truncated JPEG without writing anything', async () => {
    const p = await put(dir, 'cut.jpg', jpeg.subarray(0, 900));
    const r = await scrubFile(p);
    expect(r.status).toBe('failed');
    expect(r.output).toBeNull();
    expect(await readdir(dir)).toEqual(['cut.jpg']);
  });
});

describe('PNG, WebP, GIF, HEIC', () => {
  it('drops PNG text, eXIf and tIME chunks, keeps IDAT and valid CRCs', async () => {
    const png = buildPng({ text: [['Author', 'Pavel']], ztxt: [['Comment', 'z']], itxt: [['XML:com.adobe.xmp', xmpPacket('<dc:creator>x</dc:creator>')]], exif: buildTiff({ ifd0: { 0x0112: { short: [3] } }, gps: gpsIfd(1, 2) }), time: true, textAfterData: [['Title', 't']] });
    const p = await put(dir, 'a.png', png);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const out = new Uint8Array(await readFile(r.output as string));
    const types: string[] = [];
    for (let pos = 8; pos < out.length; ) {
      const len = u32(out, pos);
      const type = fourcc(out, pos + 4);
      types.push(type);
      expect(u32(out, pos + 8 + len)).toBe(crc32(out.subarray(pos + 4, pos + 8 + len)));
      pos += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'gAMA', 'eXIf', 'IDAT', 'IEND']);
    expect(r.warnings).toContain('orientation-kept');
    expect((await rescan(r.output as string)).findings).toEqual([]);
  });

  it('drops WebP EXIF/XMP chunks and fixes the RIFF size and VP8X flags; drops GIF comments and XMP', async () => {
    const webp = buildWebp({ exif: buildTiff({ ifd0: { 0x013b: { ascii: 'W' } } }), xmp: xmpPacket('<dc:creator>c</dc:creator>') });
    const p = await put(dir, 'a.webp', webp);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const out = new Uint8Array(await readFile(r.output as string));
    expect(u32(out, 4, true)).toBe(out.length - 8);
    expect((out[20] ?? 0) & 0x0c).toBe(0);
    expect(contains(out, 'VP8 ')).toBe(true);
    expect((await rescan(r.output as string)).findings).toEqual([]);

    const g = await put(dir, 'a.gif', buildGif({ comment: 'hidden', xmp: xmpPacket('<dc:creator>g</dc:creator>') }));
    const rg = await scrubFile(g);
    expect(rg.status).toBe('cleaned');
    const gout = new Uint8Array(await readFile(rg.output as string));
    expect(contains(gout, 'hidden')).toBe(false);
    expect(contains(gout, 'NETSCAPE2.0')).toBe(true);
    expect(gout[gout.length - 1]).toBe(0x3b);
    expect((await rescan(rg.output as string)).findings).toEqual([]);
  });

  it('blanks HEIC Exif and XMP items in place: same size, image bytes unchanged', async () => {
    const heic = buildHeic({ exif: camera, xmp: xmpPacket('<photoshop:City>Baku</photoshop:City>') });
    const p = await put(dir, 'a.heic', heic);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const out = new Uint8Array(await readFile(r.output as string));
    expect(out.length).toBe(heic.length);
    expect(indexOfBytes(out, new Uint8Array(64).fill(0x42))).toBe(indexOfBytes(heic, new Uint8Array(64).fill(0x42)));
    expect(contains(out, 'Ivan Petrov')).toBe(false);
    expect(contains(out, 'Baku')).toBe(false);
    expect((await rescan(r.output as string)).findings).toEqual([]);
  });

  it('cleans a TIFF in place of its IFDs: Artist, EXIF and GPS gone, same size, orientation kept', async () => {
    const src = buildTiff({ ifd0: { 0x013b: { ascii: 'Ivan Scanner' }, 0x010f: { ascii: 'Epson' }, 0x0112: { short: [6] } }, exif: { 0xa431: { ascii: 'SN-77' } }, gps: gpsIfd(55.75, 37.62) });
    const t = await put(dir, 'scan.tif', src);
    const r = await scrubFile(t);
    expect(r).toMatchObject({ status: 'cleaned', format: 'tiff' });
    const out = new Uint8Array(await readFile(r.output as string));
    expect(out.length).toBe(src.length);
    const again = await rescan(r.output as string);
    expect(again.findings.filter(isRisky)).toEqual([]);
    expect(again.findings.map((f) => f.value).join()).not.toMatch(/Ivan|SN-77|55\.7/);
    expect(await exifOrientation(out, { budget: new Budget() })).toBe(6);
  });

  it('refuses proprietary raw files and unknown files without writing anything, offering what to do', async () => {
    // CFA raw data without DNGVersion: a camera's own raw format, whose decoder needs the maker note.
    const t = await put(dir, 'a.nef', buildTiff({ ifd0: { 0x013b: { ascii: 'x' }, 0x0106: { short: [32803] } } }));
    expect(await scrubFile(t)).toMatchObject({ status: 'unsupported', format: 'tiff', output: null, alternative: 'tiff' });
    const txt = await put(dir, 'a.txt', 'hello');
    expect(await scrubFile(txt)).toMatchObject({ status: 'unsupported', format: 'text', output: null, alternative: 'generic' });
    expect((await readdir(dir)).sort()).toEqual(['a.nef', 'a.txt']);
  });
});

describe('PDF', () => {
  it('removes Info, XMP and earlier revisions, and rewrites the whole file', async () => {
    const base = await buildPdf({ author: 'Old Author', title: 'Draft title', xmp: xmpPacket('<dc:creator>Xmp Person</dc:creator>') });
    const pdf = appendInfoUpdate(base, { Author: 'New Author' });
    const p = await put(dir, 'doc.pdf', pdf);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    expect(r.removed).toEqual(expect.arrayContaining(['properties', 'xmp', 'old-versions']));
    expect(r.warnings).toContain('pdf-content');
    const out = new Uint8Array(await readFile(r.output as string));
    expect(new TextDecoder('latin1').decode(out).match(/%%EOF/g)?.length).toBe(1);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getPageCount()).toBe(1);
    // No object anywhere (compressed or not) still holds the old values.
    const texts: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFRawStream) texts.push(new TextDecoder('latin1').decode(decodePDFRawStream(obj).decode()));
      const dict = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : null;
      for (const [, v] of dict?.entries() ?? []) if (v instanceof PDFString || v instanceof PDFHexString) texts.push(v.decodeText());
    }
    const all = texts.join('\n');
    for (const s of ['Old Author', 'New Author', 'Draft title', 'Xmp Person', 'FixtureWriter']) expect(all.includes(s)).toBe(false);
    expect((await rescan(r.output as string)).findings).toEqual([]);
  });
});

describe('Office and OpenDocument', () => {
  it('cleans a docx and keeps it a valid, consistent package', async () => {
    const docx = buildDocx({
      creator: 'Ivan Petrov',
      lastModifiedBy: 'Editor',
      company: 'Newsroom',
      custom: [['Client', 'Secret client']],
      comments: [['Reviewer One', 'comment text']],
      trackedBy: 'Redactor',
      rsid: true,
      thumbnail: true,
      templatePath: 'file:///C:\\Users\\ivan\\Templates\\Normal.dotm',
      image: buildJpeg({ exif: buildTiff({ ifd0: {}, gps: gpsIfd(40.1, 44.5) }) }),
    });
    const p = await put(dir, 'report.docx', docx);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    expect(r.removed).toEqual(expect.arrayContaining(['properties', 'custom-properties', 'thumbnail', 'comments', 'tracked-changes', 'rsid', 'local-paths', 'picture-metadata']));
    expect(sha(new Uint8Array(await readFile(p)))).toBe(sha(docx));

    const out = new Uint8Array(await readFile(r.output as string));
    const files = unzipSync(out);
    const text = (n: string): string => new TextDecoder().decode(files[n]);
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/_rels/settings.xml.rels', 'word/document.xml', 'word/media/image1.jpeg', 'word/settings.xml']);
    const doc = text('word/document.xml');
    expect(doc).toContain('Inserted words.');
    expect(doc).not.toContain('Deleted secret.');
    expect(doc).not.toMatch(/w:rsid|w:ins|w:del|commentRangeStart|commentReference/);
    expect(text('word/settings.xml')).not.toMatch(/rsids|attachedTemplate/);
    expect(text('word/_rels/settings.xml.rels')).not.toContain('Users');
    expect(text('docProps/core.xml')).not.toContain('Ivan');
    expect(text('docProps/app.xml')).not.toContain('Newsroom');
    expect(text('[Content_Types].xml')).not.toMatch(/comments|custom/);
    expect(text('_rels/.rels')).not.toMatch(/custom|thumbnail/);
    expect(text('word/_rels/document.xml.rels')).not.toContain('comments');
    // Our own consistency check agrees, and members carry no dates.
    const zip = await readZip(new BufferSource(out, new Budget()));
    expect((await checkOoxml(new BufferSource(out, new Budget()), zip)).problems).toEqual([]);
    expect(zip.entries.every((e) => e.dosDate === 0x21 && e.dosTime === 0)).toBe(true);
    const after = await rescan(r.output as string);
    expect(after.findings.filter(isRisky)).toEqual([]);
    expect(after.findings.find((f) => f.within === 'word/media/image1.jpeg')).toBeUndefined();
  });

  it('removes xlsx comments with their note drawings and pptx comment authors, keeping references consistent', async () => {
    const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const rels = (...r: string[]): Uint8Array => new TextEncoder().encode(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`);
    const t = (x: string): Uint8Array => new TextEncoder().encode(x);
    const xlsx = zipSync({
      '[Content_Types].xml': t('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="a"/><Override PartName="/xl/comments1.xml" ContentType="b"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="c"/></Types>'),
      '_rels/.rels': rels(rel('r1', 'officeDocument', 'xl/workbook.xml')),
      'xl/workbook.xml': t('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"><x15ac:absPath url="C:\\Users\\ivan\\Desktop\\"/><sheets><sheet name="S" sheetId="1" r:id="rS"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': rels(rel('rS', 'worksheet', 'worksheets/sheet1.xml')),
      'xl/worksheets/sheet1.xml': t('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageSetup orientation="landscape" r:id="rP"/><legacyDrawing r:id="rV"/></worksheet>'),
      'xl/worksheets/_rels/sheet1.xml.rels': rels(rel('rC', 'comments', '../comments1.xml'), rel('rV', 'vmlDrawing', '../drawings/vmlDrawing1.vml'), rel('rP', 'printerSettings', '../printerSettings/printerSettings1.bin')),
      'xl/comments1.xml': t('<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Anna Accountant</author></authors><commentList><comment ref="A1" authorId="0"><text><t>note</t></text></comment></commentList></comments>'),
      'xl/drawings/vmlDrawing1.vml': t('<xml><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><x:ClientData xmlns:x="urn:schemas-microsoft-com:office:excel" ObjectType="Note"/></v:shape></xml>'),
      'xl/printerSettings/printerSettings1.bin': new Uint8Array(32),
    });
    const scanBefore = await scanBuffer(xlsx);
    expect(scanBefore.findings.map((x) => x.field)).toEqual(expect.arrayContaining(['Comments', 'AbsolutePath', 'PrinterSettings']));
    const p = await put(dir, 'book.xlsx', xlsx);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const files = unzipSync(new Uint8Array(await readFile(r.output as string)));
    const text = (n: string): string => new TextDecoder().decode(files[n]);
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml']);
    expect(text('xl/worksheets/sheet1.xml')).toBe('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageSetup orientation="landscape"/></worksheet>');
    expect(text('xl/workbook.xml')).not.toContain('Users');
    expect(text('[Content_Types].xml')).not.toContain('comments');

    const pptx = zipSync({
      '[Content_Types].xml': t('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': rels(rel('r1', 'officeDocument', 'ppt/presentation.xml')),
      'ppt/presentation.xml': t('<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
      'ppt/_rels/presentation.xml.rels': rels(rel('rA', 'commentAuthors', 'commentAuthors.xml'), rel('rS', 'slide', 'slides/slide1.xml')),
      'ppt/commentAuthors.xml': t('<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cmAuthor id="0" name="Pavel Presenter" initials="PP"/></p:cmAuthorLst>'),
      'ppt/slides/slide1.xml': t('<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
      'ppt/slides/_rels/slide1.xml.rels': rels(rel('rC', 'comments', '../comments/comment1.xml')),
      'ppt/comments/comment1.xml': t('<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cm authorId="0"><p:text>hi</p:text></p:cm></p:cmLst>'),
    });
    const pp = await put(dir, 'deck.pptx', pptx);
    const before = await scanBuffer(pptx);
    expect(before.findings.find((x) => x.field === 'Comments')?.value).toBe('1 comment(s) by Pavel Presenter');
    const rp = await scrubFile(pp);
    expect(rp.status).toBe('cleaned');
    const pf = unzipSync(new Uint8Array(await readFile(rp.output as string)));
    expect(Object.keys(pf).some((n) => /comment/i.test(n))).toBe(false);
    expect(new TextDecoder().decode(pf['ppt/_rels/presentation.xml.rels'])).toContain('slides/slide1.xml');
    expect(new TextDecoder().decode(pf['ppt/slides/_rels/slide1.xml.rels'])).not.toContain('comment');
  });

  it('reads and removes customXml items and parts nothing refers to', async () => {
    const docx = unzipSync(buildDocx({ creator: 'A' }));
    docx['customXml/item1.xml'] = new TextEncoder().encode('<CoverPageProperties xmlns="http://schemas.microsoft.com/office/2006/coverPageProps"><CompanyEmail>ivan@example.org</CompanyEmail><CompanyPhone>+995 555 0101</CompanyPhone></CoverPageProperties>');
    docx['word/old-draft.xml'] = new TextEncoder().encode('<draft>first version naming the source</draft>');
    const p = await put(dir, 'cover.docx', zipSync(docx));
    const before = await rescan(p);
    expect(before.findings.map((f) => `${f.category}:${f.field}=${f.value}`)).toEqual(expect.arrayContaining(['person:CompanyEmail=ivan@example.org', 'person:CompanyPhone=+995 555 0101']));
    expect(before.findings.some((f) => f.field === 'UnreferencedPart' && f.value.startsWith('word/old-draft.xml'))).toBe(true);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const names = Object.keys(unzipSync(new Uint8Array(await readFile(r.output as string))));
    expect(names.filter((n) => n.startsWith('customXml/') || n === 'word/old-draft.xml')).toEqual([]);
  });

  it('refuses to clean in place when something risky cannot be removed', async () => {
    const docx = unzipSync(buildDocx({ creator: 'A' }));
    docx['word/embeddings/oleObject1.bin'] = new Uint8Array(16);
    // Referenced from the document, so it is part of it (an unreferenced part would simply be dropped).
    const rels = new TextDecoder().decode(docx['word/_rels/document.xml.rels']);
    docx['word/_rels/document.xml.rels'] = new TextEncoder().encode(
      rels.replace('</Relationships>', '<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>'),
    );
    const p = await put(dir, 'ole.docx', zipSync(docx));
    const before = sha(new Uint8Array(await readFile(p)));
    const r = await scrubFile(p, { inPlace: true });
    expect(r.status).toBe('not-clean');
    expect(r.remaining.some((f) => f.field === 'EmbeddedObject')).toBe(true);
    expect(sha(new Uint8Array(await readFile(p)))).toBe(before);
    expect(await readdir(dir)).toEqual(['ole.docx']);
  });

  it('cleans an odt: minimal meta, no thumbnail or settings, changes accepted, notes gone, manifest consistent', async () => {
    const odt = buildOdt({ initialCreator: 'Anna', creator: 'Anna', thumbnail: true, trackedBy: 'Boris', annotationBy: 'Clara', printer: 'HP-3rd-floor', image: buildJpeg({ comment: 'pic note' }) });
    const p = await put(dir, 'a.odt', odt);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    const out = new Uint8Array(await readFile(r.output as string));
    const zip = await readZip(new BufferSource(out, new Budget()));
    expect(zip.entries[0]).toMatchObject({ name: 'mimetype', method: 0 });
    const files = unzipSync(out);
    const text = (n: string): string => new TextDecoder().decode(files[n]);
    expect(Object.keys(files).sort()).toEqual(['META-INF/manifest.xml', 'Pictures/photo.jpg', 'content.xml', 'meta.xml', 'mimetype']);
    expect(text('meta.xml')).not.toMatch(/Anna|generator|editing/);
    expect(text('content.xml')).toContain('Visible text.');
    expect(text('content.xml')).not.toMatch(/Boris|Clara|Deleted secret|private note|rsid/);
    expect(text('META-INF/manifest.xml')).not.toMatch(/Thumbnails|settings\.xml/);
    expect(text('META-INF/manifest.xml')).toContain('Pictures/photo.jpg');
    expect(contains(files['Pictures/photo.jpg'] as Uint8Array, 'pic note')).toBe(false);
    expect((await rescan(r.output as string)).findings.filter(isRisky)).toEqual([]);
  });
});

describe('MP4/MOV', () => {
  it('turns metadata atoms into zeroed free atoms of the same size; media data untouched', async () => {
    const { data, mdat } = buildMp4({
      xyz: '+55.7558+037.6173/',
      make: 'Apple',
      keys: [
        ['com.apple.quicktime.location.ISO6709', '+41.7151+044.8271/'],
        ['com.apple.quicktime.model', 'iPhone 15'],
      ],
      created: new Date('2024-03-14T12:00:00Z'),
    });
    const p = await put(dir, 'clip.mov', data);
    const r = await scrubFile(p);
    expect(r.status).toBe('cleaned');
    expect(r.warnings).toContain('video-content');
    const out = new Uint8Array(await readFile(r.output as string));
    expect(out.length).toBe(data.length);
    expect(indexOfBytes(out, mdat)).toBe(indexOfBytes(data, mdat));
    for (const s of ['+55.7558', '+41.7151', 'iPhone 15', 'com.apple.quicktime']) expect(contains(out, s)).toBe(false);
    const after = await rescan(r.output as string);
    expect(after.findings).toEqual([]);
    expect((await stat(p)).size).toBe(data.length);
    expect(sha(new Uint8Array(await readFile(p)))).toBe(sha(data));
  });
});

describe('scanBuffer agrees with scanFile', () => {
  it('gives the same findings for the same bytes', async () => {
    const jpeg = buildJpeg({ exif: camera });
    const p = await put(dir, 'x.jpg', jpeg);
    const a = (await rescan(p)).findings;
    const b = await scanBuffer(jpeg);
    expect(a.length).toBeGreaterThan(5);
    expect(b.findings).toEqual(a);
  });
});
