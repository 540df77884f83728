// The readers and cleaners added with the format registry: each finds the
// names, places and serial numbers its fixture holds, and its cleaned copy
// re-scans with nothing of medium or high risk while the picture or sound
// data stay byte for byte (checked by ExifTool too when it is on PATH).
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexOf } from '../../src/metadata/codecs/bytes.js';
import { scanBuffer, scanFile } from '../../src/metadata/scan.js';
import { scrubFile } from '../../src/metadata/scrub.js';
import type { FileScan } from '../../src/metadata/types.js';
import { exiftool, exiftoolProgram, exiftoolTags } from '../helpers/exiftool.js';
import { buildJpeg, buildTiff, gpsIfd, put, tempDir } from './fixtures.js';
import { buildCfb, buildCr3, buildCrw, buildX3f, buildEpubEntries, buildFlac, buildJp2, buildMkv, buildMp3, buildOgg, buildPpt, buildPsd, buildRtf, buildSvg, buildWav, buildPentaxAvi, summaryInformation } from './fixtures-media.js';
import { zipSync } from 'fflate';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

const high = (r: FileScan): string[] => r.findings.filter((f) => f.severity === 'high').map((f) => `${f.category}:${f.field}=${f.value}`);
const risky = (r: FileScan): string[] => r.findings.filter((f) => f.severity !== 'low').map((f) => `${f.field}=${f.value}`);


/** What ExifTool still shows of people, places and serial numbers. */
function exiftoolSensitive(path: string): string[] {
  const tags = exiftoolTags(path);
  return Object.entries(tags)
    .filter(([k, v]) => /:(GPS(Latitude|Longitude)|.*Serial.*|Artist|Creator|By-line|OwnerName|Originator|EncodedBy|Location|City|Band|Copyright)$/.test(k) && String(v).trim() !== '' && !/ICC|Composite|File|System/.test(k))
    .map(([k, v]) => `${k}=${String(v)}`);
}

async function roundTrip(name: string, data: Uint8Array, kept: Uint8Array): Promise<{ before: FileScan; after: FileScan; output: string }> {
  const p = await put(dir, name, data);
  const before = await scanFile(p);
  const r = await scrubFile(p);
  expect(r.status, `${name}: ${r.error ?? ''} ${r.unverified.join(',')}`).toBe('cleaned');
  const output = r.output as string;
  const after = await scanFile(output);
  expect(after.status).toBe('checked');
  expect(risky(after)).toEqual([]);
  const copy = new Uint8Array(await readFile(output));
  expect(indexOf(copy, String.fromCharCode(...kept.subarray(0, 64)))).toBeGreaterThanOrEqual(0);
  expect(exiftoolSensitive(output)).toEqual([]);
  return { before, after, output };
}

describe('Canon CR3', () => {
  it('reads owner, serial numbers and GPS from the Canon uuid box, and blanks them in place', async () => {
    const { data, mdat } = buildCr3();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'cr3', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Artist=Olga Fotografova', 'serial:SerialNumber=304000056', 'serial:InternalSerialNumber=CG0156580', 'person:OwnerName=Olga']));
    expect(high(r).some((x) => x.startsWith('location:GPSLatitude='))).toBe(true);
    const { output } = await roundTrip('IMG_0001.CR3', data, mdat);
    expect((await readFile(output)).length).toBe(data.length);
  });
});

describe('PSD', () => {
  it('reads IPTC and XMP from image resources and drops them, keeping the resolution block and the pixels', async () => {
    const { data, pixels } = buildPsd();
    const r = await scanBuffer(data);
    expect(high(r)).toEqual(expect.arrayContaining(['person:By-line=Pavel Designer', 'location:City=Yerevan']));
    const { after, output } = await roundTrip('poster.psd', data, pixels);
    expect(after.format).toBe('psd');
    const copy = new Uint8Array(await readFile(output));
    expect(Buffer.from(copy.subarray(copy.length - pixels.length)).equals(Buffer.from(pixels))).toBe(true);
    expect(indexOf(copy, '8BIM\x03\xed')).toBeGreaterThan(0);
  });
});

describe('SVG and XMP sidecars', () => {
  it('reads the RDF creator, the title, comments and a home-folder export path', async () => {
    const r = await scanBuffer(new TextEncoder().encode(buildSvg()));
    expect(r).toMatchObject({ format: 'svg', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Creator=Ivan Petrov', 'person:FilePath=/home/ivan/Desktop/poster.png']));
    expect(r.findings.map((f) => f.value)).toEqual(expect.arrayContaining(['Poster', 'made for the march']));
  });

  it('reads an XMP sidecar and offers no cleaning, only the honest alternative', async () => {
    const xmp = '<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"><rdf:Description aux:SerialNumber="0123456789"/></rdf:RDF></x:xmpmeta>';
    const p = await put(dir, 'IMG_1.xmp', xmp);
    expect(high(await scanFile(p))).toEqual(['serial:SerialNumber=0123456789']);
    expect(await scrubFile(p)).toMatchObject({ status: 'unsupported', alternative: 'sidecar' });
  });
});

describe('audio', () => {
  it('WAV: LIST/INFO and bext become JUNK chunks of the same size, samples untouched', async () => {
    const { data, samples } = buildWav();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'wav', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Artist=Maria Voice', 'person:Originator=Maria Voice']));
    const { output } = await roundTrip('interview.wav', data, samples);
    expect((await readFile(output)).length).toBe(data.length);
  });

  it('Pentax AVI: the serial number in PentaxData is found, and the whole list becomes JUNK; frames untouched', async () => {
    const { data, frames } = buildPentaxAvi();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'avi', status: 'checked' });
    expect(high(r)).toEqual(['serial:SerialNumber=3430417']);
    const { output } = await roundTrip('clip.avi', data, frames);
    expect((await readFile(output)).length).toBe(data.length);
  });

  it('WAV with a chunk nobody knows is not called checked', async () => {
    const { data } = buildWav();
    const odd = new Uint8Array(data.length + 12);
    odd.set(data);
    odd.set(new TextEncoder().encode('zzzz'), data.length);
    odd[data.length + 4] = 4;
    odd[4] = (odd[4] ?? 0) + 12;
    expect(await scanBuffer(odd)).toMatchObject({ status: 'error', reason: 'unsupported-variant' });
  });

  it('MP3: ID3v2 and ID3v1 are read and dropped; the MPEG frames are the whole copy', async () => {
    const { data, audio } = buildMp3();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'mp3', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Artist=Sergey Singer', 'person:EncodedBy=Anna Encoder']));
    const { output } = await roundTrip('song.mp3', data, audio);
    expect(Buffer.from(await readFile(output)).equals(Buffer.from(audio))).toBe(true);
  });

  it('FLAC: comments and pictures are dropped from the block list, frames kept', async () => {
    const { data, frames } = buildFlac();
    const r = await scanBuffer(data);
    expect(high(r)).toEqual(expect.arrayContaining(['person:Artist=Nina Singer', 'location:Location=Tbilisi']));
    expect(r.findings.some((f) => f.category === 'thumbnail')).toBe(true);
    await roundTrip('night.flac', data, frames);
  });

  it('Ogg Vorbis: the comment packet is blanked in place with valid page checksums', async () => {
    const { data, audio } = buildOgg();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'ogg', status: 'checked' });
    expect(high(r)).toEqual(['person:Artist=Oleg Bard']);
    const { output } = await roundTrip('evening.ogg', data, audio);
    expect((await readFile(output)).length).toBe(data.length);
    if (!exiftoolProgram.missing) expect(exiftool(['-validate', '-warning', '-error', '-s3', output])).not.toMatch(/CRC|error/i);
  });
});

describe('legacy Office (OLE2)', () => {
  it('reads summary properties and the PowerPoint current user, names the type; the cleaner removes them but does not call the copy verified', async () => {
    const data = buildPpt();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'ppt', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Author=Irina Kuznetsova', 'person:LastModifiedBy=irina.k', 'person:CurrentUser=irina.k']));
    if (!exiftoolProgram.missing) {
      const p = await put(dir, 'talk.ppt', data);
      expect(exiftool(['-s3', '-Author', p]).trim()).toBe('Irina Kuznetsova');
      expect(await scrubFile(p)).toMatchObject({ status: 'unverified', format: 'ppt', unverified: ['ppt-comments'] });
    }
  });

  it('a compound file of an unknown kind is read for its properties but not called checked', async () => {
    const r = await scanBuffer(buildCfb([['\x05SummaryInformation', summaryInformation('A', 'B')], ['Something', new Uint8Array(8)]]));
    expect(r).toMatchObject({ format: 'ole', status: 'error', reason: 'unsupported-variant' });
    expect(high(r)).toContain('person:Author=A');
  });
});

describe('documents and containers', () => {
  it('RTF: the info group, generator and editing session ids', async () => {
    const r = await scanBuffer(new TextEncoder().encode(buildRtf()));
    expect(r).toMatchObject({ format: 'rtf', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Author=Anna Autor', 'person:LastModifiedBy=anna.a', 'person:Company=Free Press']));
    expect(r.findings.map((f) => `${f.field}=${f.value}`)).toEqual(expect.arrayContaining(['CreateDate=2024:03:05 10:20', 'Generator=Riched20 10.0.19041']));
    expect(r.findings.some((f) => f.category === 'history')).toBe(true);
  });

  it('EPUB: creator and publisher from the package document', async () => {
    const r = await scanBuffer(zipSync(buildEpubEntries()));
    expect(r).toMatchObject({ format: 'epub', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:Creator=Lev Pisatel', 'person:Publisher=Samizdat']));
  });

  it('Matroska: title, tags and writing app read; the cleaner voids them in place', async () => {
    const { data, cluster } = buildMkv();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'mkv', status: 'checked' });
    expect(high(r)).toEqual(['person:ARTIST=Dmitry Operator']);
    expect(r.findings.map((f) => f.value)).toContain('Rally, 5 March');
    const { output } = await roundTrip('rally.mkv', data, cluster);
    expect((await readFile(output)).length).toBe(data.length);
    expect((await scanFile(output)).findings.map((f) => f.value)).not.toContain('Rally, 5 March');
  });

  it('JPEG 2000: XMP uuid and codestream comments read; boxes freed and comments blanked in place', async () => {
    const { data } = buildJp2();
    const r = await scanBuffer(data);
    expect(r).toMatchObject({ format: 'jp2', status: 'checked' });
    expect(high(r)).toEqual(['person:Creator=Vera Artist']);
    expect(r.findings.map((f) => f.value)).toContain('made by Ivan');
    const p = await put(dir, 'scan.jp2', data);
    const s = await scrubFile(p);
    expect(s.status).toBe('cleaned');
    const out = new Uint8Array(await readFile(s.output as string));
    expect(out.length).toBe(data.length);
    expect((await scanFile(s.output as string)).findings.filter((f) => f.severity !== 'low')).toEqual([]);
  });
});

describe('older raw files', () => {
  it('Canon CRW: owner name and serial number from the CIFF heap', async () => {
    const r = await scanBuffer(buildCrw());
    expect(r).toMatchObject({ format: 'crw', status: 'checked' });
    expect(high(r)).toEqual(expect.arrayContaining(['person:OwnerName=Pyotr Owner', 'serial:SerialNumber=0560018150']));
  });

  it('Sigma X3F: camera serial number from the properties section', async () => {
    const r = await scanBuffer(buildX3f());
    expect(r).toMatchObject({ format: 'x3f', status: 'checked' });
    expect(high(r)).toEqual(['serial:SerialNumber=02001234']);
  });
});

describe('zip archives', () => {
  const photo = buildJpeg({ exif: buildTiff({ ifd0: { 0x010f: { ascii: 'Apple' } }, gps: gpsIfd(41.7151, 44.8271) }) });

  it('scans every member like a file of its own', async () => {
    const r = await scanBuffer(zipSync({ 'trip/IMG_1.jpg': photo }, { comment: 'for Nika' } as never));
    expect(r).toMatchObject({ format: 'zip', status: 'checked' });
    expect(r.findings.find((f) => f.field === 'GPSLatitude')).toMatchObject({ category: 'location', within: 'trip/IMG_1.jpg' });
  });

  it('a member of a type it cannot read makes the archive not completely checked', async () => {
    const r = await scanBuffer(zipSync({ 'IMG_1.jpg': photo, 'notes.txt': new TextEncoder().encode('meet at 6') }));
    expect(r).toMatchObject({ format: 'zip', status: 'error', reason: 'unsupported-variant' });
    expect(high(r).some((x) => x.startsWith('location:GPSLatitude'))).toBe(true);
  });
});
