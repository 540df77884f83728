// Fixture builders for the formats added with the registry: Canon CR3, PSD,
// SVG, XMP sidecars, WAV/AVI, MP3, FLAC and Ogg Vorbis. Every file is made
// here, in code, with known metadata.
import { ascii, concat, writeU16, writeU32 } from '../../src/metadata/codecs/bytes.js';
import { oggCrc } from '../../src/metadata/formats/vorbis.js';
import { box, buildTiff, entropy, gpsIfd, iptc, xmpPacket } from './fixtures.js';

const le32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  writeU32(b, 0, n, true);
  return b;
};
const be32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  writeU32(b, 0, n);
  return b;
};

const CANON_UUID = Uint8Array.from([0x85, 0xc0, 0xb6, 0x87, 0x82, 0x0f, 0x11, 0xe0, 0x81, 0x11, 0xf4, 0xce, 0x46, 0x2b, 0x6a, 0x48]);

/** A CR3: ftyp crx, moov with Canon's uuid (CMT1 IFD0, CMT3 maker note with a serial, CMT4 GPS), and picture data. */
export function buildCr3(): { data: Uint8Array; mdat: Uint8Array } {
  const cmt1 = buildTiff({ ifd0: { 0x010f: { ascii: 'Canon' }, 0x0110: { ascii: 'Canon EOS R5' }, 0x013b: { ascii: 'Olga Fotografova' } }, littleEndian: true });
  const cmt3 = buildTiff({ ifd0: { 0x000c: { long: [304000056] }, 0x0096: { ascii: 'CG0156580' }, 0x0009: { ascii: 'Olga' } }, littleEndian: true });
  const gps = buildTiff({ ifd0: gpsIfd(41.7151, 44.8271), littleEndian: true });
  const uuid = box('uuid', CANON_UUID, box('CMT1', cmt1), box('CMT3', cmt3), box('CMT4', gps));
  const mdat = entropy(9, 3000);
  const ftyp = box('ftyp', ascii('crx '), be32(1), ascii('crx isom'));
  const mvhd = box('mvhd', new Uint8Array(100));
  return { data: concat([ftyp, box('moov', mvhd, uuid), box('mdat', mdat)]), mdat };
}

/** An 8x8 greyscale PSD whose image resources hold IPTC, XMP and a resolution block; the pixels follow. */
export function buildPsd(): { data: Uint8Array; pixels: Uint8Array } {
  const header = new Uint8Array(26);
  header.set(ascii('8BPS'), 0);
  writeU16(header, 4, 1);
  writeU16(header, 12, 1);
  writeU32(header, 14, 8);
  writeU32(header, 18, 8);
  writeU16(header, 22, 8);
  writeU16(header, 24, 1);
  const resource = (id: number, data: Uint8Array): Uint8Array => {
    const h = new Uint8Array(12);
    h.set(ascii('8BIM'), 0);
    writeU16(h, 4, id);
    writeU32(h, 8, data.length);
    return concat([h, data, data.length % 2 ? new Uint8Array(1) : new Uint8Array(0)]);
  };
  const res = concat([
    resource(0x03ed, new Uint8Array(16).fill(1)),
    resource(0x0404, iptc([[80, 'Pavel Designer'], [90, 'Yerevan']])),
    resource(0x0424, ascii(xmpPacket('<dc:creator><rdf:Seq><rdf:li>Pavel Designer</rdf:li></rdf:Seq></dc:creator>'))),
  ]);
  const pixels = concat([Uint8Array.of(0, 0), entropy(3, 64)]);
  return { data: concat([header, be32(0), be32(res.length), res, be32(0), pixels]), pixels };
}

export function buildSvg(): string {
  return `<?xml version="1.0"?>
<!-- made for the march -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" sodipodi:docname="poster.svg" inkscape:export-filename="/home/ivan/Desktop/poster.png">
  <title>Poster</title>
  <metadata>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <rdf:Description><dc:creator>Ivan Petrov</dc:creator></rdf:Description>
    </rdf:RDF>
  </metadata>
  <rect width="10" height="10"/>
</svg>`;
}

/** A WAV with a LIST/INFO artist and a bext originator. */
export function buildWav(): { data: Uint8Array; samples: Uint8Array } {
  const chunk = (id: string, body: Uint8Array): Uint8Array => concat([ascii(id), le32(body.length), body, body.length % 2 ? new Uint8Array(1) : new Uint8Array(0)]);
  const fmt = new Uint8Array(16);
  writeU16(fmt, 0, 1, true);
  writeU16(fmt, 2, 1, true);
  writeU32(fmt, 4, 8000, true);
  writeU32(fmt, 8, 8000, true);
  writeU16(fmt, 12, 1, true);
  writeU16(fmt, 14, 8, true);
  const samples = entropy(5, 800);
  const info = chunk('LIST', concat([ascii('INFO'), chunk('IART', ascii('Maria Voice\0')), chunk('ISFT', ascii('Recorder 2\0'))]));
  const bext = new Uint8Array(602);
  bext.set(ascii('Interview'), 0);
  bext.set(ascii('Maria Voice'), 256);
  const body = concat([ascii('WAVE'), chunk('fmt ', fmt), info, chunk('bext', bext), chunk('data', samples)]);
  return { data: concat([ascii('RIFF'), le32(body.length), body]), samples };
}

/** A Pentax AVI: PentaxData (LIST hydt, a "PENTAX " maker note with the serial number) beside the video data. */
export function buildPentaxAvi(): { data: Uint8Array; frames: Uint8Array } {
  const chunk = (id: string, body: Uint8Array): Uint8Array => concat([ascii(id), le32(body.length), body, body.length % 2 ? new Uint8Array(1) : new Uint8Array(0)]);
  // Maker note: header, byte order, one IFD entry (0x0229 SerialNumber, ASCII, 8 bytes at offset 28 of the note).
  const ifd = new Uint8Array(18);
  writeU16(ifd, 0, 1);
  writeU16(ifd, 2, 0x0229);
  writeU16(ifd, 4, 2);
  writeU32(ifd, 6, 8);
  writeU32(ifd, 10, 28);
  const note = concat([ascii('PENTAX \0MM'), ifd, ascii('3430417\0')]);
  const frames = entropy(9, 600);
  const body = concat([
    ascii('AVI '),
    chunk('LIST', concat([ascii('hdrl'), chunk('avih', new Uint8Array(56))])),
    chunk('LIST', concat([ascii('hydt'), chunk('hymn', note)])),
    chunk('LIST', concat([ascii('movi'), chunk('00dc', frames)])),
  ]);
  return { data: concat([ascii('RIFF'), le32(body.length), body]), frames };
}

/** MPEG-1 layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each) with an ID3v2.3 tag before and ID3v1 after. */
export function buildMp3(): { data: Uint8Array; audio: Uint8Array } {
  const frame = concat([Uint8Array.of(0xff, 0xfb, 0x90, 0x00), new Uint8Array(413)]);
  const audio = concat([frame, frame, frame]);
  const textFrame = (id: string, value: string): Uint8Array => concat([ascii(id), be32(value.length + 1), Uint8Array.of(0, 0, 0), ascii(value)]);
  const frames = concat([textFrame('TPE1', 'Sergey Singer'), textFrame('TIT2', 'Protest song'), textFrame('TENC', 'Anna Encoder')]);
  const size = frames.length;
  const header = concat([ascii('ID3'), Uint8Array.of(3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f)]);
  const v1 = new Uint8Array(128);
  v1.set(ascii('TAG'), 0);
  v1.set(ascii('Protest song'), 3);
  v1.set(ascii('Sergey Singer'), 33);
  return { data: concat([header, frames, audio, v1]), audio };
}

function vorbisComments(vendor: string, entries: string[]): Uint8Array {
  return concat([le32(vendor.length), ascii(vendor), le32(entries.length), ...entries.map((e) => concat([le32(new TextEncoder().encode(e).length), new TextEncoder().encode(e)]))]);
}

/** A FLAC: STREAMINFO, a Vorbis comment with the artist, a picture, then frames. */
export function buildFlac(): { data: Uint8Array; frames: Uint8Array } {
  const block = (type: number, body: Uint8Array, last = false): Uint8Array => concat([Uint8Array.of((last ? 0x80 : 0) | type, (body.length >> 16) & 255, (body.length >> 8) & 255, body.length & 255), body]);
  const frames = concat([Uint8Array.of(0xff, 0xf8, 0x69, 0x08), entropy(6, 500)]);
  return {
    data: concat([ascii('fLaC'), block(0, new Uint8Array(34).fill(2)), block(4, vorbisComments('reference libFLAC 1.4.3', ['ARTIST=Nina Singer', 'TITLE=Night', 'LOCATION=Tbilisi'])), block(6, new Uint8Array(200).fill(3), true), frames]),
    frames,
  };
}

function oggPage(serial: number, seq: number, packet: Uint8Array, flags: number): Uint8Array {
  const segs: number[] = [];
  let left = packet.length;
  while (left >= 255) {
    segs.push(255);
    left -= 255;
  }
  segs.push(left);
  const h = new Uint8Array(27 + segs.length);
  h.set(ascii('OggS'), 0);
  h[5] = flags;
  writeU32(h, 14, serial, true);
  writeU32(h, 18, seq, true);
  h[26] = segs.length;
  h.set(segs, 27);
  const page = concat([h, packet]);
  writeU32(page, 22, oggCrc(page), true);
  return page;
}

/** An Ogg Vorbis stream: identification, comment (artist) and setup headers, then one audio page. */
export function buildOgg(): { data: Uint8Array; audio: Uint8Array } {
  const id = concat([ascii('\x01vorbis'), new Uint8Array(23).fill(1)]);
  const comment = concat([ascii('\x03vorbis'), vorbisComments('Xiph.Org libVorbis I 20200704', ['ARTIST=Oleg Bard', 'TITLE=Evening']), Uint8Array.of(1)]);
  const setup = concat([ascii('\x05vorbis'), new Uint8Array(40).fill(4)]);
  const audio = entropy(8, 300);
  return {
    data: concat([oggPage(77, 0, id, 2), oggPage(77, 1, comment, 0), oggPage(77, 2, setup, 0), oggPage(77, 3, audio, 4)]),
    audio,
  };
}

export { buildCfb, buildPpt, summaryInformation } from './fixtures-ole.js';

/** An RTF with an \info group, a generator and rsids. */
export function buildRtf(): string {
  return '{\\rtf1\\ansi{\\*\\generator Riched20 10.0.19041;}{\\info{\\title Report}{\\author Anna Autor}{\\operator anna.a}{\\company Free Press}{\\creatim\\yr2024\\mo3\\dy5\\hr10\\min20}}\\rsidtbl\\rsid123\\rsid456 Hello \\u1055?ривет}';
}

/** An EPUB whose package document names its creator and publisher. */
export function buildEpubEntries(): Record<string, Uint8Array> {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  return {
    mimetype: enc('application/epub+zip'),
    'META-INF/container.xml': enc('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    'OEBPS/content.opf': enc('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Lev Pisatel</dc:creator><dc:publisher>Samizdat</dc:publisher><dc:title>Notes</dc:title><meta property="dcterms:modified">2024-01-01T00:00:00Z</meta></metadata></package>'),
  };
}

function ebml(id: number[], body: Uint8Array): Uint8Array {
  const n = body.length;
  // 8-byte size field: 0x01 then 7 bytes of length.
  const size = Uint8Array.of(0x01, 0, 0, 0, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  return concat([Uint8Array.from(id), size, body]);
}

/** A Matroska file: EBML header, a segment with Info (title, writing app), Tags (ARTIST) and a cluster. */
export function buildMkv(): { data: Uint8Array; cluster: Uint8Array } {
  const str = (id: number[], s: string): Uint8Array => ebml(id, new TextEncoder().encode(s));
  const header = ebml([0x1a, 0x45, 0xdf, 0xa3], str([0x42, 0x82], 'matroska'));
  const info = ebml([0x15, 0x49, 0xa9, 0x66], concat([str([0x7b, 0xa9], 'Rally, 5 March'), str([0x57, 0x41], 'Lavf60.3.100')]));
  const tags = ebml([0x12, 0x54, 0xc3, 0x67], ebml([0x73, 0x73], ebml([0x67, 0xc8], concat([str([0x45, 0xa3], 'ARTIST'), str([0x44, 0x87], 'Dmitry Operator')]))));
  const cluster = ebml([0x1f, 0x43, 0xb6, 0x75], Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255));
  return { data: concat([header, ebml([0x18, 0x53, 0x80, 0x67], concat([info, tags, cluster]))]), cluster };
}

/** A JP2 with an XMP uuid box naming the creator, and a codestream with a comment. */
export function buildJp2(): { data: Uint8Array; codestream: Uint8Array } {
  const sig = Uint8Array.of(0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a);
  const xmpUuid = Uint8Array.from([0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]);
  const com = new TextEncoder().encode('made by Ivan');
  const comSeg = concat([Uint8Array.of(0xff, 0x64, 0, com.length + 4, 0, 1), com]);
  const codestream = concat([Uint8Array.of(0xff, 0x4f), Uint8Array.of(0xff, 0x51, 0, 6, 0, 0, 0, 0), comSeg, Uint8Array.of(0xff, 0x90, 0, 10), new Uint8Array(8), Uint8Array.from({ length: 200 }, (_, i) => (i * 13) & 255), Uint8Array.of(0xff, 0xd9)]);
  return {
    data: concat([sig, box('ftyp', ascii('jp2 '), be32(0), ascii('jp2 ')), box('jp2h', box('ihdr', new Uint8Array(14))), box('uuid', xmpUuid, ascii(xmpPacket('<dc:creator>Vera Artist</dc:creator>'))), box('jp2c', codestream)]),
    codestream,
  };
}

/** A JPEG XL container: signature, ftyp, an Exif box with an artist, XMP, and a tiny codestream. */
export function buildJxl(): Uint8Array {
  const sig = Uint8Array.of(0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a);
  const exif = concat([be32(0), buildTiff({ ifd0: { 0x013b: { ascii: 'Kira Artist' } } })]);
  return concat([sig, box('ftyp', ascii('jxl '), be32(0), ascii('jxl ')), box('Exif', exif), box('xml ', ascii(xmpPacket('<dc:creator>Kira</dc:creator>'))), box('jxlc', Uint8Array.of(0xff, 0x0a, 1, 2, 3))]);
}

/** A Fujifilm RAF: header with the offset and length of an embedded JPEG. */
export function buildRaf(jpeg: Uint8Array): Uint8Array {
  const h = new Uint8Array(160);
  h.set(ascii('FUJIFILMCCD-RAW 0201FF383501'), 0);
  writeU32(h, 84, 160);
  writeU32(h, 88, jpeg.length);
  return concat([h, jpeg]);
}

/** A Canon CRW (CIFF): owner name stored in the heap, serial number inside its directory entry. */
export function buildCrw(): Uint8Array {
  const header = new Uint8Array(26);
  header.set(ascii('II'), 0);
  writeU32(header, 2, 26, true);
  header.set(ascii('HEAPCCDR'), 6);
  const owner = ascii('Pyotr Owner\0');
  const dir = new Uint8Array(2 + 2 * 10);
  writeU16(dir, 0, 2, true);
  writeU16(dir, 2, 0x0810, true);
  writeU32(dir, 4, owner.length, true);
  writeU32(dir, 8, 0, true);
  writeU16(dir, 12, 0x580b, true);
  writeU32(dir, 14, 560018150, true);
  const heap = concat([owner, dir]);
  return concat([header, heap, le32(owner.length)]);
}

/** A Sigma X3F: a PROP section with the camera serial number, found through the section directory. */
export function buildX3f(): Uint8Array {
  const words = ['CAMSERIAL', '02001234', 'CAMMODEL', 'SIGMA SD10'];
  const chars: number[] = [];
  const pos: number[] = [];
  for (const w of words) {
    pos.push(chars.length);
    for (const c of w) chars.push(c.charCodeAt(0));
    chars.push(0);
  }
  const prop = new Uint8Array(24 + 2 * 8 + chars.length * 2);
  prop.set(ascii('SECp'), 0);
  writeU32(prop, 8, 2, true);
  writeU32(prop, 20, chars.length, true);
  for (let i = 0; i < 2; i++) {
    writeU32(prop, 24 + i * 8, pos[i * 2] ?? 0, true);
    writeU32(prop, 28 + i * 8, pos[i * 2 + 1] ?? 0, true);
  }
  chars.forEach((c, i) => writeU16(prop, 40 + i * 2, c, true));
  const head = concat([ascii('FOVb'), new Uint8Array(12)]);
  const dirAt = head.length + prop.length;
  const dir = new Uint8Array(12 + 12);
  dir.set(ascii('SECd'), 0);
  writeU32(dir, 8, 1, true);
  writeU32(dir, 12, head.length, true);
  writeU32(dir, 16, prop.length, true);
  dir.set(ascii('PROP'), 20);
  return concat([head, prop, dir, le32(dirAt)]);
}
