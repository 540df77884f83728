// Mutation fuzzing: every fixture is broken in many deterministic ways
// (bit flips, truncation, inserted and duplicated bytes, absurd length
// fields) and every scan must come back as a result (a FileScan, perhaps with
// an error, or another verdict), never a thrown exception and never a hang
// (vitest's per-test timeout catches a hang). 1,560 cases with a fixed seed.
// The compound-file (OLE2) cleaner gets its own 1,200 mutated files: each is
// refused with a MetaError or cleaned into a file of the same size whose
// structure still maps and which scans to a result.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scanBuffer } from '../../src/metadata/scan.js';
import { scrubImageBytes } from '../../src/metadata/scrub.js';
import { Budget, MetaError } from '../../src/metadata/codecs/source.js';
import { mapCfb } from '../../src/metadata/codecs/cfb-layout.js';
import { planOleScrub } from '../../src/metadata/formats/ole-clean.js';
import { FILE_STATUSES, type FileScan } from '../../src/metadata/types.js';
import { concat } from '../../src/metadata/codecs/bytes.js';
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
  gpsIfd,
  iptc,
  rng,
  xmpPacket,
} from './fixtures.js';
import { buildCr3, buildCrw, buildX3f, buildEpubEntries, buildFlac, buildJp2, buildJxl, buildMkv, buildMp3, buildOgg, buildPpt, buildPsd, buildRaf, buildRtf, buildSvg, buildWav } from './fixtures-media.js';
import { buildDoc, buildXls } from './fixtures-ole.js';

const CASES_PER_FIXTURE = 110;
/** Readers added with the format registry get the full campaign the issue asks for. */
const CASES_PER_NEW_READER = 1000;
const REASONS = new Set(['truncated', 'corrupt', 'too-large', 'timeout', 'encrypted', 'unsupported-variant', 'not-read', 'plain-text', 'unknown-type', 'empty']);

function mutate(data: Uint8Array, r: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(r() * n);
  const b = Uint8Array.from(data);
  switch (pick(7)) {
    case 0: {
      // Flip a few bits.
      const n = 1 + pick(8);
      for (let i = 0; i < n; i++) {
        const k = pick(b.length);
        b[k] = (b[k] ?? 0) ^ (1 << pick(8));
      }
      return b;
    }
    case 1:
      // Truncate.
      return b.subarray(0, pick(b.length));
    case 2: {
      // Insert random bytes.
      const at = pick(b.length);
      const junk = Uint8Array.from({ length: 1 + pick(64) }, () => pick(256));
      const out = new Uint8Array(b.length + junk.length);
      out.set(b.subarray(0, at));
      out.set(junk, at);
      out.set(b.subarray(at), at + junk.length);
      return out;
    }
    case 3: {
      // An absurd 32-bit length or offset somewhere.
      const at = pick(Math.max(1, b.length - 4));
      const v = [0xffffffff, 0x7fffffff, 0, 1, 8, 0x10000][pick(6)] ?? 0;
      new DataView(b.buffer).setUint32(at, v, r() < 0.5);
      return b;
    }
    case 4: {
      // Duplicate a slice (repeated segments, boxes, chunks).
      const from = pick(b.length);
      const len = Math.min(b.length - from, 1 + pick(200));
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, from + len));
      out.set(b.subarray(from, from + len), from + len);
      out.set(b.subarray(from + len), from + 2 * len);
      return out;
    }
    case 5: {
      // Zero a range.
      const from = pick(b.length);
      b.fill(0, from, Math.min(b.length, from + 1 + pick(32)));
      return b;
    }
    default: {
      // Several small mutations at once.
      let out = b;
      for (let i = 0; i < 3; i++) {
        const at = pick(out.length);
        out[at] = pick(256);
      }
      out = out.subarray(0, out.length - pick(Math.min(16, out.length)));
      return out;
    }
  }
}

function check(r: FileScan): void {
  expect(FILE_STATUSES).toContain(r.status);
  expect(Array.isArray(r.findings)).toBe(true);
  expect(r.reason === null).toBe(r.status === 'checked');
  if (r.reason !== null) expect(REASONS.has(r.reason)).toBe(true);
  for (const f of r.findings) {
    expect(typeof f.value).toBe('string');
    expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(f.value + f.field)).toBe(false);
  }
}

const camera = buildTiff({
  ifd0: { 0x010f: { ascii: 'Canon' }, 0x013b: { ascii: 'Ivan' }, 0x0112: { short: [6] } },
  exif: { 0xa431: { ascii: 'SN-1' }, 0x927c: { undef: buildTiff({ ifd0: { 0x000c: { long: [7] } } }).subarray(8) } },
  gps: gpsIfd(55.7, 37.6, 120),
  thumbnail: 20,
});

async function fixtures(): Promise<Array<[string, Uint8Array]>> {
  const pdf = await buildPdf({ author: 'A', xmp: xmpPacket('<dc:creator>c</dc:creator>') });
  return [
    ['jpeg', buildJpeg({ exif: camera, xmp: xmpPacket('<photoshop:City>X</photoshop:City>'), iptc: iptc([[80, 'B']]), comment: 'c', twoScans: true })],
    ['png', buildPng({ text: [['Author', 'a']], ztxt: [['Comment', 'z']], itxt: [['XML:com.adobe.xmp', xmpPacket('<dc:creator>x</dc:creator>')]], exif: camera })],
    ['webp', buildWebp({ exif: camera, xmp: xmpPacket('<dc:creator>x</dc:creator>') })],
    ['gif', buildGif({ comment: 'g', xmp: xmpPacket('<dc:creator>x</dc:creator>') })],
    ['tiff', camera],
    ['heic', buildHeic({ exif: camera, xmp: xmpPacket('<dc:creator>x</dc:creator>') })],
    ['pdf', appendInfoUpdate(pdf, { Author: 'B' })],
    ['docx', buildDocx({ creator: 'A', comments: [['R', 't']], trackedBy: 'T', rsid: true, thumbnail: true, image: buildJpeg({ exif: camera }) })],
    ['odt', buildOdt({ initialCreator: 'A', thumbnail: true, trackedBy: 'B', annotationBy: 'C', image: buildJpeg({ comment: 'x' }) })],
    ['mp4', buildMp4({ xyz: '+1+2/', keys: [['com.apple.quicktime.make', 'Apple']], created: new Date(0) }).data],
  ];
}

/** A JPEG with the vendor blocks read since the registry: maker notes, FLIR, GoPro, picture info, AFCP. */
function vendorJpeg(): Uint8Array {
  const note = concat([strToU8('MOT\0\0\0\0\0'), buildTiff({ ifd0: { 0x5501: { ascii: 'ZY2238TJ4V' } }, littleEndian: true }).subarray(8)]);
  const exif = buildTiff({ ifd0: { 0x010f: { ascii: 'motorola' } }, exif: { 0x927c: { undef: note } } });
  const fff = new Uint8Array(0x400);
  fff.set(strToU8('FFF\0'), 0);
  fff.set([0, 0, 0, 100], 0x14);
  fff.set([0, 0, 0, 0x40], 0x18);
  fff.set([0, 0, 0, 1], 0x1c);
  fff.set([0, 0x20], 0x40);
  fff.set([0, 0, 0, 0x60], 0x4c);
  fff.set([0, 0, 0x03, 0], 0x50);
  return buildJpeg({
    exif,
    progressive: true,
    twoScans: true,
    app: [
      [0xe1, concat([strToU8('FLIR\0'), Uint8Array.of(1, 0, 0), fff])],
      [0xe6, concat([strToU8('GoPro\0'), strToU8('CASN'), Uint8Array.of(0x63, 1, 0, 8), strToU8('C3141324')])],
      [0xec, strToU8('[picture info]\r\nSerial#=1\r\n')],
    ],
  });
}

async function newReaderFixtures(): Promise<Array<[string, Uint8Array]>> {
  return [
    ['cr3', buildCr3().data],
    ['psd', buildPsd().data],
    ['svg', strToU8(buildSvg())],
    ['wav', buildWav().data],
    ['mp3', buildMp3().data],
    ['flac', buildFlac().data],
    ['ogg', buildOgg().data],
    ['ppt', buildPpt()],
    ['doc', buildDoc({ embedded: true })],
    ['xls', buildXls()],
    ['rtf', strToU8(buildRtf())],
    ['epub', zipSync(buildEpubEntries())],
    ['mkv', buildMkv().data],
    ['jp2', buildJp2().data],
    ['jxl', buildJxl()],
    ['raf', buildRaf(buildJpeg({ exif: camera }))],
    ['crw', buildCrw()],
    ['x3f', buildX3f()],
    ['zip', zipSync({ 'a/IMG_1.jpg': buildJpeg({ exif: camera }), 'b.png': buildPng({ text: [['Author', 'a']] }) })],
    ['vendor jpeg', vendorJpeg()],
  ];
}

describe('fuzz: scanning mutated files', async () => {
  const all = await fixtures();
  for (const [name, data] of all) {
    it(`${name}: ${CASES_PER_FIXTURE} mutations, each a result`, async () => {
      const r = rng(0x5afe + name.charCodeAt(0) * 31 + name.length);
      // The unmutated fixture is found and read without error.
      const base = await scanBuffer(data);
      expect(base.status).toBe('checked');
      for (let i = 0; i < CASES_PER_FIXTURE; i++) {
        const m = mutate(data, r);
        check(await scanBuffer(m, { timeoutMs: 5000 }));
      }
    });
  }

  const added = await newReaderFixtures();
  for (const [name, data] of added) {
    it(`${name}: ${CASES_PER_NEW_READER} mutations, each a result, bounded memory`, async () => {
      const r = rng(0xbeef + name.charCodeAt(0) * 17 + name.length);
      const base = await scanBuffer(data);
      expect(base.status).toBe('checked');
      const heapBefore = process.memoryUsage().heapUsed;
      for (let i = 0; i < CASES_PER_NEW_READER; i++) check(await scanBuffer(mutate(data, r), { timeoutMs: 5000, maxBytes: 16 * 1024 * 1024, maxInflate: 16 * 1024 * 1024 }));
      // Budgets bound what one file can make us hold: the heap does not grow with the number of cases.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
    }, 60_000);
  }

  it('zip members with broken XML: 150 cases', async () => {
    const r = rng(42);
    const docx = unzipSync(buildDocx({ creator: 'A', lastModifiedBy: 'B', comments: [['C', 'd']], trackedBy: 'E', rsid: true }));
    const odt = unzipSync(buildOdt({ initialCreator: 'A', trackedBy: 'B', annotationBy: 'C' }));
    for (let i = 0; i < 150; i++) {
      const files = i % 2 === 0 ? { ...docx } : { ...odt };
      const names = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
      const target = names[Math.floor(r() * names.length)] as string;
      files[target] = Uint8Array.from(mutate(files[target] as Uint8Array, r));
      if (r() < 0.2) files['extra.xml'] = strToU8('<'.repeat(1 + Math.floor(r() * 50)));
      check(await scanBuffer(zipSync(files), { timeoutMs: 5000 }));
    }
  });

  it('cleaning mutated compound files (DOC, XLS, PPT): 1,200 cases, each refused or cleaned into a well-formed file of the same size', async () => {
    const r = rng(0x01e2);
    const bases = [buildDoc(), buildDoc({ embedded: true }), buildXls(), buildPpt({ freeSector: strToU8('old name') })];
    let cleaned = 0;
    for (let i = 0; i < 1200; i++) {
      const m = Uint8Array.from(mutate(bases[i % bases.length] as Uint8Array, r));
      let plan: ReturnType<typeof planOleScrub>;
      try {
        plan = planOleScrub(m, new Budget(64 * 1024 * 1024, 5000));
      } catch (e) {
        expect(e).toBeInstanceOf(MetaError);
        continue;
      }
      cleaned++;
      const out = Uint8Array.from(m);
      for (const p of plan.patches) {
        const len = p.bytes?.length ?? p.zero ?? 0;
        expect(p.offset + len).toBeLessThanOrEqual(m.length);
        if (p.bytes) out.set(p.bytes, p.offset);
        else out.fill(0, p.offset, p.offset + len);
      }
      // Only stream contents and free sectors changed: the structure maps exactly as before.
      expect(mapCfb(out, new Budget()).nodes).toEqual(mapCfb(m, new Budget()).nodes);
      check(await scanBuffer(out, { timeoutMs: 5000 }));
    }
    // Many mutations hit stream contents only: the cleaner really ran on those.
    expect(cleaned).toBeGreaterThan(150);
  }, 60_000);

  it('scrubbing mutated pictures never throws: 310 cases', async () => {
    const r = rng(7);
    const images = all.filter(([n]) => ['jpeg', 'png', 'webp', 'gif'].includes(n)).map(([, d]) => d);
    let produced = 0;
    for (let i = 0; i < 310; i++) {
      const m = mutate(images[i % images.length] as Uint8Array, r);
      const out = await scrubImageBytes(m, new Budget(64 * 1024 * 1024, 5000));
      if (out) {
        produced++;
        // Whatever the scrubber produced must itself scan without throwing.
        check(await scanBuffer(out.data, { timeoutMs: 5000 }));
      }
    }
    // Many mutations leave the structure intact: the scrubber really ran on those.
    expect(produced).toBeGreaterThan(60);
  });
});
