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
