import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { summarize } from '../../src/metadata/report.js';
import { scanBuffer, scanFile, scanPaths } from '../../src/metadata/scan.js';
import type { FileScan, MetaFinding } from '../../src/metadata/types.js';
import {
  appendInfoUpdate,
  box,
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
  gpsIfd,
  iptc,
  put,
  tempDir,
  xmpPacket,
} from './fixtures.js';

function asScan(r: FileScan): FileScan {
  if (r.status === 'unsupported' || r.status === 'unreadable') throw new Error(`not read: ${r.status} ${r.reason ?? ''} ${r.detail ?? ''}`);
  return r;
}

function find(scan: FileScan, field: string, within?: string): MetaFinding | undefined {
  return scan.findings.find((f) => f.field === field && f.within === within);
}

async function scanBytes(data: Uint8Array): Promise<FileScan> {
  return asScan(await scanBuffer(data));
}

const camera = buildTiff({
  ifd0: { 0x010f: { ascii: 'Canon' }, 0x0110: { ascii: 'Canon EOS 5D' }, 0x013b: { ascii: 'Ivan Petrov' }, 0x0131: { ascii: 'Firmware 1.1' }, 0x0112: { short: [6] } },
  exif: { 0xa431: { ascii: 'SN-0042-7731' }, 0xa434: { ascii: 'EF 50mm' }, 0x9003: { ascii: '2024:03:14 15:09:26' } },
  gps: gpsIfd(55.7558, -37.6173, 151.5),
  thumbnail: 40,
});

describe('images', () => {
  it('reads GPS, serial, owner, device and thumbnail from a JPEG, with severities by category', async () => {
    const scan = await scanBytes(buildJpeg({ exif: camera }));
    expect(scan.format).toBe('jpeg');
    expect(scan.status).toBe('checked');
    expect(find(scan, 'GPSLatitude')).toMatchObject({ category: 'location', severity: 'high', value: '55.7558 N' });
    expect(find(scan, 'GPSLongitude')?.value).toBe('37.6173 W');
    expect(find(scan, 'GPSAltitude')?.value).toBe('151.5 m');
    expect(find(scan, 'SerialNumber')).toMatchObject({ category: 'serial', severity: 'high', value: 'SN-0042-7731' });
    expect(find(scan, 'Artist')).toMatchObject({ category: 'person', severity: 'high' });
    expect(find(scan, 'Model')).toMatchObject({ category: 'device', severity: 'medium', value: 'Canon EOS 5D' });
    expect(find(scan, 'LensModel')?.category).toBe('device');
    expect(find(scan, 'ThumbnailImage')).toMatchObject({ category: 'thumbnail', severity: 'medium' });
    expect(find(scan, 'Software')).toMatchObject({ category: 'software', severity: 'low' });
    expect(find(scan, 'DateTimeOriginal')).toMatchObject({ category: 'time', severity: 'low' });
    // Orientation and resolution are not findings.
    expect(find(scan, 'Orientation')).toBeUndefined();
  });

  it('reads a little-endian EXIF block the same way', async () => {
    const le = buildTiff({ ifd0: { 0x013b: { ascii: 'Anna' } }, gps: gpsIfd(-33.5, 151.25), littleEndian: true });
    const scan = await scanBytes(buildJpeg({ exif: le }));
    expect(find(scan, 'Artist')?.value).toBe('Anna');
    expect(find(scan, 'GPSLatitude')?.value).toBe('33.5 S');
  });

  it('decodes Canon maker-note serial numbers and owner names', async () => {
    // A Canon maker note is a bare IFD; these values fit inside their entries.
    const makerNote = buildTiff({ ifd0: { 0x0009: { ascii: 'Olg' }, 0x000c: { long: [1234567] } } }).subarray(8);
    const tiff = buildTiff({ ifd0: { 0x010f: { ascii: 'Canon' } }, exif: { 0x927c: { undef: makerNote } } });
    const scan = await scanBytes(buildJpeg({ exif: tiff }));
    expect(find(scan, 'SerialNumber')).toMatchObject({ category: 'serial', value: '1234567' });
    expect(find(scan, 'OwnerName')).toMatchObject({ category: 'person', value: 'Olg' });
    expect(find(scan, 'MakerNote')?.category).toBe('device');
  });

  it('reads XMP, IPTC, comments, JFIF thumbnails and vendor segments in a JPEG', async () => {
    const jpeg = buildJpeg({
      xmp: xmpPacket('<dc:creator><rdf:Seq><rdf:li>Maria S</rdf:li></rdf:Seq></dc:creator><photoshop:City>Tbilisi</photoshop:City><aux:SerialNumber>AX-77</aux:SerialNumber><exif:GPSLatitude>41,43.0N</exif:GPSLatitude>'),
      iptc: iptc([
        [80, 'Photographer Name'],
        [90, 'Yerevan'],
        [120, 'Caption text'],
      ]),
      comment: 'hello\u001b[31m',
      jfifThumbnail: true,
      app: [[0xe5, new TextEncoder().encode('VENDOR\0data')]],
    });
    const scan = await scanBytes(jpeg);
    expect(find(scan, 'Creator')).toMatchObject({ category: 'person', value: 'Maria S' });
    expect(find(scan, 'City')?.value).toBe('Tbilisi');
    expect(find(scan, 'SerialNumber')?.value).toBe('AX-77');
    expect(find(scan, 'GPSLatitude')?.value).toBe('41,43.0N');
    expect(find(scan, 'By-line')).toMatchObject({ category: 'person', value: 'Photographer Name' });
    expect(scan.findings.filter((f) => f.field === 'City').map((f) => f.value)).toContain('Yerevan');
    // Escape sequences never reach the output.
    expect(find(scan, 'Comment')?.value).toBe('hello[31m');
    expect(find(scan, 'ThumbnailImage')?.category).toBe('thumbnail');
    expect(find(scan, 'APP5')?.category).toBe('other');
    expect(find(scan, 'XMPToolkit')?.category).toBe('software');
  });

  it('keeps what it found before a truncation and reports the error', async () => {
    const jpeg = buildJpeg({ exif: camera, comment: 'x'.repeat(50) });
    const cut = jpeg.subarray(0, 2 + 18 + 4 + camera.length + 6 + 10);
    const scan = await scanBytes(cut);
    expect(scan.reason).toBe('truncated');
    expect(find(scan, 'SerialNumber')?.value).toBe('SN-0042-7731');
  });

  it('reads PNG text, compressed text, iTXt XMP, eXIf and tIME, including chunks after the image data', async () => {
    const png = buildPng({
      text: [
        ['Author', 'Pavel'],
        ['Software', 'GIMP 2.10'],
      ],
      ztxt: [['Comment', 'compressed comment']],
      itxt: [['XML:com.adobe.xmp', xmpPacket('<xmp:CreatorTool>Lightroom</xmp:CreatorTool><dc:rights>(c) Pavel</dc:rights>')]],
      exif: buildTiff({ ifd0: { 0x0110: { ascii: 'Pixel 8' } }, gps: gpsIfd(1, 2) }),
      time: true,
      textAfterData: [['Description', 'after IDAT']],
    });
    const scan = await scanBytes(png);
    expect(scan.format).toBe('png');
    expect(find(scan, 'Author')).toMatchObject({ category: 'person', value: 'Pavel' });
    expect(find(scan, 'Comment')?.value).toBe('compressed comment');
    expect(find(scan, 'CreatorTool')?.value).toBe('Lightroom');
    expect(find(scan, 'Rights')?.category).toBe('person');
    expect(find(scan, 'Model')?.value).toBe('Pixel 8');
    expect(find(scan, 'GPSLatitude')?.value).toBe('1 N');
    expect(find(scan, 'ModifyDate')?.value).toBe('2024:03:14 15:09:26');
    expect(find(scan, 'Description')?.value).toBe('after IDAT');
  });

  it('reads WebP EXIF and XMP chunks, GIF comments and XMP, and HEIC Exif/XMP items', async () => {
    const webp = await scanBytes(buildWebp({ exif: buildTiff({ ifd0: { 0x013b: { ascii: 'W Author' } } }), xmp: xmpPacket('<dc:title><rdf:Alt><rdf:li>Secret title</rdf:li></rdf:Alt></dc:title>') }));
    expect(webp.format).toBe('webp');
    expect(find(webp, 'Artist')?.value).toBe('W Author');
    expect(find(webp, 'Title')?.value).toBe('Secret title');

    const gif = await scanBytes(buildGif({ comment: 'gif note', xmp: xmpPacket('<dc:creator><rdf:Seq><rdf:li>Gif Maker</rdf:li></rdf:Seq></dc:creator>') }));
    expect(gif.format).toBe('gif');
    expect(find(gif, 'Comment')?.value).toBe('gif note');
    expect(find(gif, 'Creator')?.value).toBe('Gif Maker');

    const heic = await scanBytes(buildHeic({ exif: camera, xmp: xmpPacket('<photoshop:Country>Armenia</photoshop:Country>') }));
    expect(heic.format).toBe('heic');
    expect(heic.status).toBe('checked');
    expect(find(heic, 'GPSLatitude')?.value).toBe('55.7558 N');
    expect(find(heic, 'SerialNumber')?.value).toBe('SN-0042-7731');
    expect(find(heic, 'Country')?.category).toBe('location');
  });

  it('reads TIFF files, following the IFD chain lazily', async () => {
    const tiff = buildTiff({ ifd0: { 0x010f: { ascii: 'Nikon' }, 0x8298: { ascii: 'Studio X' } }, exif: { 0xa435: { ascii: 'LENS-9' } } });
    const scan = await scanBytes(tiff);
    expect(scan.format).toBe('tiff');
    expect(find(scan, 'Copyright')?.category).toBe('person');
    expect(find(scan, 'LensSerialNumber')?.value).toBe('LENS-9');
  });
});

describe('documents', () => {
  it('reads PDF Info, XMP, and old values kept by an incremental update', async () => {
    const base = await buildPdf({ author: 'Old Author', title: 'Draft', xmp: xmpPacket('<pdf:Producer>XmpProducer</pdf:Producer><xmpMM:DocumentID>uuid:1234</xmpMM:DocumentID>') });
    const updated = appendInfoUpdate(base, { Author: 'New Author', Title: 'Final' });
    const scan = await scanBytes(updated);
    expect(scan.format).toBe('pdf');
    expect(scan.status).toBe('checked');
    expect(find(scan, 'Author')).toMatchObject({ category: 'person', value: 'New Author' });
    expect(find(scan, 'Producer')?.value).toBe('XmpProducer');
    expect(find(scan, 'DocumentID')?.category).toBe('history');
    expect(find(scan, 'IncrementalUpdates')).toMatchObject({ category: 'history', severity: 'medium' });
    expect(find(scan, 'Author', 'earlier version 1')).toMatchObject({ category: 'history', value: 'Old Author' });
    expect(find(scan, 'Title', 'earlier version 1')?.value).toBe('Draft');
  });

  it('reads custom PDF Info keys by name and reports a single revision as no update', async () => {
    const scan = await scanBytes(await buildPdf({ custom: [['Company', 'Acme'], ['SourceModified', 'D:20240101']] }));
    expect(find(scan, 'Company')?.category).toBe('person');
    expect(find(scan, 'Producer')?.value).toBe('FixtureWriter 1.0');
    expect(find(scan, 'CreateDate')?.value).toBe('2024:03:14 15:09:26Z');
    expect(find(scan, 'IncrementalUpdates')).toBeUndefined();
  });

  it('reads docx properties, comments, tracked changes, rsids, thumbnails, template paths and pictures inside', async () => {
    const docx = buildDocx({
      creator: 'Ivan Petrov',
      lastModifiedBy: 'Editor Two',
      company: 'Newsroom',
      custom: [['Source contact', 'someone@example.org']],
      comments: [['Reviewer One', 'check this']],
      trackedBy: 'Redactor',
      rsid: true,
      thumbnail: true,
      templatePath: 'file:///C:\\Users\\ivan\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm',
      image: buildJpeg({ exif: buildTiff({ ifd0: {}, gps: gpsIfd(40.1, 44.5) }) }),
    });
    const scan = await scanBytes(docx);
    expect(scan.format).toBe('docx');
    expect(find(scan, 'Creator')).toMatchObject({ category: 'person', value: 'Ivan Petrov' });
    expect(find(scan, 'LastModifiedBy')?.value).toBe('Editor Two');
    expect(find(scan, 'Company')?.category).toBe('person');
    expect(find(scan, 'Source contact')?.category).toBe('person');
    expect(find(scan, 'RevisionNumber')?.value).toBe('7');
    expect(find(scan, 'Comments')?.value).toContain('Reviewer One');
    expect(find(scan, 'TrackedChanges')?.value).toContain('Redactor');
    expect(find(scan, 'RevisionSessionIDs')?.category).toBe('history');
    expect(find(scan, 'ThumbnailImage')?.category).toBe('thumbnail');
    expect(find(scan, 'LinkedFilePath')?.category).toBe('person');
    expect(find(scan, 'GPSLatitude', 'word/media/image1.jpeg')?.value).toBe('40.1 N');
    expect(find(scan, 'ZipModifyDate')?.category).toBe('time');
  });

  it('tells docx, xlsx, pptx and ODF apart by content, whatever the file is called', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="x"/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const pptx = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="x"/>'), 'ppt/presentation.xml': strToU8('<p/>') });
    expect((await scanBytes(xlsx)).format).toBe('xlsx');
    expect((await scanBytes(pptx)).format).toBe('pptx');
    const { dir, cleanup } = await tempDir();
    try {
      const p = await put(dir, 'holiday.jpg', buildOdt({ initialCreator: 'X' }));
      expect(asScan(await scanFile(p)).format).toBe('odt');
      const epub = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'a.html': strToU8('<html/>') });
      expect(await scanBuffer(epub)).toMatchObject({ format: 'epub', status: 'error', reason: 'corrupt' });
    } finally {
      await cleanup();
    }
  });

  it('reads ODF meta.xml, thumbnail, tracked changes, annotations, printer and pictures', async () => {
    const scan = await scanBytes(
      buildOdt({ initialCreator: 'Anna K', creator: 'Anna K2', thumbnail: true, trackedBy: 'Boris', annotationBy: 'Clara', printer: 'Office-HP-3rd-floor', image: buildJpeg({ comment: 'in picture' }) }),
    );
    expect(scan.format).toBe('odt');
    expect(find(scan, 'Initial-creator')).toMatchObject({ category: 'person', value: 'Anna K' });
    expect(find(scan, 'Creator')?.value).toBe('Anna K2');
    expect(find(scan, 'Editing-cycles')?.category).toBe('history');
    expect(find(scan, 'Generator')?.category).toBe('software');
    expect(find(scan, 'ThumbnailImage')?.category).toBe('thumbnail');
    expect(find(scan, 'TrackedChanges')?.value).toContain('Boris');
    expect(find(scan, 'Annotations')?.value).toContain('Clara');
    expect(find(scan, 'PrinterName')).toMatchObject({ category: 'device', value: 'Office-HP-3rd-floor' });
    expect(find(scan, 'RevisionSessionIDs')).toBeDefined();
    expect(find(scan, 'Comment', 'Pictures/photo.jpg')?.value).toBe('in picture');
  });
});

describe('video', () => {
  it('reads QuickTime ©xyz, mdta keys (ISO6709, make, model, software, creation date) and movie dates', async () => {
    const { data } = buildMp4({
      xyz: '+55.7558+037.6173/',
      make: 'Apple',
      keys: [
        ['com.apple.quicktime.location.ISO6709', '+41.7151+044.8271+450.000/'],
        ['com.apple.quicktime.make', 'Apple'],
        ['com.apple.quicktime.model', 'iPhone 15'],
        ['com.apple.quicktime.software', '17.4'],
        ['com.apple.quicktime.creationdate', '2024-03-14T15:09:26+0300'],
      ],
      created: new Date('2024-03-14T12:09:26Z'),
      brand: 'qt  ',
    });
    const scan = await scanBytes(data);
    expect(scan.format).toBe('mov');
    expect(scan.status).toBe('checked');
    const coords = scan.findings.filter((f) => f.field === 'GPSCoordinates').map((f) => f.value);
    expect(coords).toEqual(expect.arrayContaining(['+55.7558+037.6173/', '+41.7151+044.8271+450.000/']));
    expect(scan.findings.filter((f) => f.field === 'GPSCoordinates').every((f) => f.severity === 'high')).toBe(true);
    expect(find(scan, 'Model')).toMatchObject({ category: 'device', value: 'iPhone 15' });
    expect(find(scan, 'Software')?.category).toBe('software');
    expect(find(scan, 'CreationDate')?.category).toBe('time');
    expect(find(scan, 'CreateDate')?.value).toBe('2024:03:14 12:09:26Z');
  });

  it('reads iTunes-style item lists', async () => {
    const scan = await scanBytes(buildMp4({ encoder: 'HandBrake 1.7' }).data);
    expect(scan.format).toBe('mp4');
    expect(find(scan, 'Encoder')).toMatchObject({ category: 'software', value: 'HandBrake 1.7' });
  });
});

describe('hostile input', () => {
  it('stops a zip bomb at the inflate cap without reading it all', async () => {
    const { zipSync: z } = await import('fflate');
    const bomb = z({ '[Content_Types].xml': [strToU8('<Types/>'), {}], 'word/document.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    const scan = asScan(await scanBuffer(bomb, { maxInflate: 8 * 1024 * 1024 }));
    expect(scan.format).toBe('docx');
    expect(scan.reason).toBe('too-large');
  });

  it('does not trust a zip member that lies about its size', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'docProps/core.xml': [new Uint8Array(16 * 1024 * 1024), { level: 9 }] });
    // Patch the central directory entry of core.xml to claim 100 bytes.
    const name = strToU8('docProps/core.xml');
    for (let i = bomb.length - 46; i >= 0; i--) {
      if (bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2 && strToU8(new TextDecoder().decode(bomb.subarray(i + 46, i + 46 + name.length))).every((b, k) => b === name[k])) {
        new DataView(bomb.buffer).setUint32(i + 24, 100, true);
      }
    }
    const scan = asScan(await scanBuffer(bomb, { maxInflate: 4 * 1024 * 1024 }));
    expect(scan.format).toBe('ooxml');
    expect(scan.reason).toBe('too-large');
  });

  it('survives PDF /Prev loops, IFD loops and absurd box sizes', async () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Author (Loop) >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000048 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R /Info 2 0 R /Prev 79 >>\nstartxref\n79\n%%EOF\n',
    );
    const p = asScan(await scanBuffer(pdf));
    expect(find(p, 'Author')?.value).toBe('Loop');

    // IFD0 whose "next IFD" points back at itself.
    const loop = buildTiff({ ifd0: { 0x013b: { ascii: 'Looped' } } });
    const count = new DataView(loop.buffer).getUint16(8);
    new DataView(loop.buffer).setUint32(8 + 2 + 12 * count, 8);
    const t = asScan(await scanBuffer(loop));
    expect(find(t, 'Artist')?.value).toBe('Looped');

    // Boxes nested 40 deep.
    let nested = box('udta', box('\u00a9xyz', Uint8Array.of(0, 4, 0, 0, 0x2b, 0x31, 0x2b, 0x32)));
    for (let i = 0; i < 40; i++) nested = box('moov', nested);
    const deep = asScan(await scanBuffer(new Uint8Array([...box('ftyp', new TextEncoder().encode('isom'), new Uint8Array(4)), ...nested])));
    expect(deep.reason).toBe('corrupt');
  });

  it('ends a file with a per-file error when its byte budget runs out, keeping earlier findings', async () => {
    // EXIF first, then 120 KB of vendor segments, then a comment.
    const jpeg = buildJpeg({ exif: camera, app: [[0xe9, new Uint8Array(60_000)], [0xe9, new Uint8Array(60_000)]], comment: 'late' });
    const { dir, cleanup } = await tempDir();
    try {
      const p = await put(dir, 'big.jpg', jpeg);
      // One 64 KiB block fits the budget; the second does not.
      const scan = asScan(await scanFile(p, { maxBytes: 70 * 1024 }));
      expect(scan.reason).toBe('too-large');
      expect(find(scan, 'SerialNumber')?.value).toBe('SN-0042-7731');
      expect(find(scan, 'Comment')).toBeUndefined();
      expect(find(asScan(await scanFile(p)), 'Comment')?.value).toBe('late');
    } finally {
      await cleanup();
    }
  });

  it('answers per file when the time budget is already spent, without throwing', async () => {
    const r = await scanBuffer(buildDocx({ creator: 'A' }), { timeoutMs: 0 });
    expect(r).toMatchObject({ status: 'refused', reason: 'timeout' });
    const named = await scanBuffer(buildJpeg({ exif: camera }), { timeoutMs: 0, path: 'x.docx' });
    expect(named).toMatchObject({ status: 'refused', reason: 'timeout' });
  });
});

describe('scanPaths', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'a/b'), { recursive: true });
    await put(dir, 'a/photo.jpg', buildJpeg({ exif: camera }));
    await put(dir, 'a/b/clean.png', buildPng());
    await put(dir, 'a/notes.txt', 'just text');
    await put(dir, 'a/broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    await symlink(join(dir, 'a'), join(dir, 'a/b/loop'));
    await symlink('/etc/passwd', join(dir, 'a/outside'));
    execFileSync('mkfifo', [join(dir, 'a/pipe')]);
  });
  afterAll(async () => cleanup());

  it('walks folders in order, never follows symlinks, skips FIFOs and keeps going after broken files', async () => {
    const seen: FileScan[] = [];
    const progress: number[] = [];
    for await (const r of scanPaths([dir], { concurrency: 3, onProgress: (p) => progress.push(p.scanned + p.skipped) })) seen.push(r);
    const rel = seen.map((r) => r.path.slice(dir.length + 1));
    expect(rel).toEqual(['a/broken.docx', 'a/notes.txt', 'a/outside', 'a/photo.jpg', 'a/pipe', 'a/b/clean.png', 'a/b/loop']);
    const by = (name: string): FileScan => seen.find((r) => r.path.endsWith(name)) as FileScan;
    expect(by('a/b/loop')).toMatchObject({ status: 'unsupported', format: 'symlink', reason: 'symlink' });
    expect(by('a/outside')).toMatchObject({ status: 'unsupported', reason: 'symlink' });
    expect(by('a/pipe')).toMatchObject({ status: 'unsupported', format: 'fifo', reason: 'special' });
    expect(by('a/notes.txt')).toMatchObject({ status: 'unsupported', format: 'text', reason: 'plain-text' });
    expect(by('a/broken.docx')).toMatchObject({ format: 'docx', status: 'error', reason: 'truncated' });
    expect(asScan(by('a/photo.jpg')).findings.length).toBeGreaterThan(5);
    expect(asScan(by('a/b/clean.png')).findings).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(summarize(seen)).toEqual({ total: 7, checked: 2, withFindings: 1, notChecked: 5, unsupported: 4, unreadable: 0, refused: 0, error: 1 });
  });

  it('reports missing paths and follows a symlink named directly', async () => {
    const out: FileScan[] = [];
    await symlink(join(dir, 'a/photo.jpg'), join(dir, 'direct.jpg'));
    for await (const r of scanPaths([join(dir, 'nope'), join(dir, 'direct.jpg')])) out.push(r);
    expect(out[0]).toMatchObject({ status: 'unreadable', reason: 'missing' });
    expect(out[1]).toMatchObject({ format: 'jpeg' });
    expect(await scanFile(join(dir, 'a/pipe'))).toMatchObject({ status: 'unsupported', reason: 'special' });
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const out: FileScan[] = [];
    for await (const r of scanPaths([dir], { signal: ac.signal, concurrency: 1 })) {
      out.push(r);
      ac.abort();
    }
    expect(out.length).toBe(1);
  });
});
