// Recall on the vendor blocks ExifTool reads and we used to miss: maker-note
// serial numbers (Motorola, Ricoh/Pentax), FLIR and InfiRay thermal cameras,
// GoPro, APP12 picture info, IPTC in an AFCP trailer, XMP in UTF-16, and
// segments between progressive scans. Every fixture is built here.
import { describe, expect, it } from 'vitest';
import { ascii, concat, writeU16, writeU32 } from '../../src/metadata/codecs/bytes.js';
import { scanBuffer } from '../../src/metadata/scan.js';
import type { FileScan } from '../../src/metadata/types.js';
import { buildJpeg, buildTiff, iptc, XMP_HEADER, xmpPacket } from './fixtures.js';

function values(r: FileScan, category: string): string[] {
  return r.findings.filter((f) => f.category === category).map((f) => `${f.field}=${f.value}`);
}

/** An EXIF block with Make and a maker note. */
function exifWith(make: string, note: Uint8Array): Uint8Array {
  return buildTiff({ ifd0: { 0x010f: { ascii: make } }, exif: { 0x927c: { undef: note } } });
}

describe('maker notes', () => {
  it('reads the Motorola serial number (MOT header, byte order guessed)', async () => {
    const ifd = buildTiff({ ifd0: { 0x5501: { ascii: 'ZY2238TJ4V' } }, littleEndian: true });
    const note = concat([ascii('MOT\0\0\0\0\0'), ifd.subarray(8)]);
    const r = await scanBuffer(buildJpeg({ exif: exifWith('motorola', note) }));
    expect(values(r, 'serial')).toContain('SerialNumber=ZY2238TJ4V');
  });

  it('reads Ricoh GR III (Pentax-style) serial and internal serial numbers', async () => {
    const ifd = buildTiff({ ifd0: { 0x0229: { ascii: 'R1234567' }, 0x0215: { long: [1, 2, 3, 4, 132352] } }, littleEndian: true });
    const note = concat([ascii('RICOH\0II'), ifd.subarray(8)]);
    const r = await scanBuffer(buildJpeg({ exif: exifWith('RICOH IMAGING COMPANY, LTD.', note) }));
    expect(values(r, 'serial')).toEqual(expect.arrayContaining(['SerialNumber=R1234567', 'InternalSerialNumber=132352']));
  });
});

describe('vendor segments', () => {
  it('reads the FLIR camera serial number from the FFF records in APP1', async () => {
    const fff = new Uint8Array(0x60 + 0x300);
    fff.set(ascii('FFF\0'), 0);
    writeU32(fff, 0x14, 100);
    writeU32(fff, 0x18, 0x40);
    writeU32(fff, 0x1c, 1);
    writeU16(fff, 0x40, 0x20);
    writeU32(fff, 0x40 + 0x0c, 0x60);
    writeU32(fff, 0x40 + 0x10, 0x300);
    fff.set(ascii('FLIR E8'), 0x60 + 0xd4);
    fff.set(ascii('470023842'), 0x60 + 0x104);
    const half = 0x200;
    const part = (i: number, data: Uint8Array): Uint8Array => concat([ascii('FLIR\0'), Uint8Array.of(1, i, 1), data]);
    const r = await scanBuffer(buildJpeg({ app: [[0xe1, part(0, fff.subarray(0, half))], [0xe1, part(1, fff.subarray(half))]] }));
    expect(values(r, 'serial')).toContain('CameraSerialNumber=470023842');
    expect(values(r, 'device')).toContain('CameraModel=FLIR E8');
  });

  it('reads InfiRay sensor serial numbers, GoPro CASN and APP12 picture info', async () => {
    const sensor = new Uint8Array(0x300);
    sensor.set(ascii('P200019B15656148'), 0xc0);
    const gpmf = concat([ascii('DEVC'), Uint8Array.of(0, 1, 0, 20), ascii('CASN'), ascii('c'), Uint8Array.of(1, 0, 12), ascii('C3141324471234')]);
    const r = await scanBuffer(
      buildJpeg({
        app: [
          [0xe2, concat([Uint8Array.of(0, 0, 0, 1), ascii('IJPEG\0'), new Uint8Array(8)])],
          [0xe9, sensor],
          [0xe6, concat([ascii('GoPro\0'), gpmf])],
          [0xec, ascii('Agfa\0 721\r\n[picture info]\r\nTimeDate=1\r\n[camera info]\r\nSerial#=#00000001\r\n')],
        ],
      }),
    );
    expect(values(r, 'serial')).toEqual(expect.arrayContaining(['IRSensorSerialNumber=P200019B15656148', 'SerialNumber=#00000001']));
    expect(values(r, 'serial').some((v) => v.startsWith('CameraSerialNumber=C31413244712'))).toBe(true);
  });
});

describe('hiding places', () => {
  it('reads IPTC in an AFCP trailer after the picture', async () => {
    const base = buildJpeg();
    const data = iptc([[80, 'Anna Photographer'], [90, 'Tbilisi']]);
    const start = base.length;
    const header = concat([ascii('AXS!'), Uint8Array.of(0, 1, 0, 1), new Uint8Array(4)]);
    const dir = new Uint8Array(12);
    dir.set(ascii('IPTC'), 0);
    writeU32(dir, 4, data.length);
    writeU32(dir, 8, start + 24);
    const end = new Uint8Array(12);
    end.set(ascii('AXS!'), 0);
    writeU32(end, 4, start);
    const r = await scanBuffer(concat([base, header, dir, data, end]));
    expect(values(r, 'person')).toContain('By-line=Anna Photographer');
    expect(values(r, 'location')).toContain('City=Tbilisi');
  });

  it('reads XMP written in UTF-16', async () => {
    const xml = xmpPacket('<photoshop:City>Kingston</photoshop:City>');
    const utf16be = new Uint8Array(xml.length * 2 + 2);
    utf16be.set([0xfe, 0xff], 0);
    for (let i = 0; i < xml.length; i++) writeU16(utf16be, 2 + i * 2, xml.charCodeAt(i));
    const r = await scanBuffer(buildJpeg({ app: [[0xe1, concat([ascii(XMP_HEADER), utf16be])]] }));
    expect(values(r, 'location')).toContain('City=Kingston');
  });

  it('reads a comment placed between progressive scans, and not past the one scan of a baseline picture', async () => {
    const progressive = await scanBuffer(buildJpeg({ progressive: true, twoScans: true }));
    expect(progressive.findings.map((f) => f.value)).toContain('between scans');
    expect(progressive.status).toBe('checked');
  });
});

describe('Sony maker notes', () => {
  it('reports the serial number tag and the enciphered block that holds the internal serial number', async () => {
    // "SONY DSC \0\0\0", then a big-endian IFD with inline values (offsets would be the parent's).
    const ifd = new Uint8Array(2 + 2 * 12 + 4);
    writeU16(ifd, 0, 2);
    writeU16(ifd, 2, 0x2031);
    writeU16(ifd, 4, 2);
    writeU32(ifd, 6, 4);
    ifd.set(ascii('123\0'), 10);
    writeU16(ifd, 14, 0x9050);
    writeU16(ifd, 16, 7);
    writeU32(ifd, 18, 4);
    ifd.set([1, 2, 3, 4], 22);
    const note = concat([ascii('SONY DSC \0\0\0'), ifd]);
    const r = await scanBuffer(buildJpeg({ exif: exifWith('SONY', note) }));
    expect(values(r, 'serial')).toEqual(expect.arrayContaining(['SerialNumber=123', 'InternalSerialNumber=present (4 bytes enciphered by the camera maker)']));
  });
});
