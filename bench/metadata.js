// Benchmark of the metadata scanner (issue 4): builds a synthetic mixed corpus
// of photos, PDFs, office documents, videos and other files in a temporary
// folder, scans it with the compiled scanner in a fresh Node process (start-up
// included, like ExifTool's), prints files per second, and the ratio to
// `exiftool -r -j -fast2` when ExifTool is on PATH. Always exits 0.
//
// Build first: npm run build:modules   Run: node bench/metadata.js [files]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextEncoder } from 'node:util';
import { strToU8, zipSync, zlibSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scanModule = join(root, 'dist', 'src', 'metadata', 'scan.js');
const TOTAL = Math.max(2000, Number(process.argv[2]) || 2400);

// --- tiny deterministic builders -------------------------------------------

let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const enc = new TextEncoder();
const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const be16 = (n) => Uint8Array.of((n >> 8) & 255, n & 255);
const be32 = (n) => Uint8Array.of((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const noise = (n) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (rand() * 256) | 0;
  return b;
};

/**
 * A TIFF block shaped like a phone camera's EXIF: IFD0, an EXIF IFD with the
 * usual ~30 exposure tags and a maker note IFD, a GPS IFD, and IFD1 with a
 * thumbnail. Values are synthetic; the structure is what both tools parse.
 */
function ifdWriter() {
  // Each IFD: list of [tag, type, values]; type 2 ascii (string), 3 short, 4 long, 5 rational ([n, d] pairs), 7 undefined (bytes).
  const size = { 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };
  const encode = (type, v) => {
    if (type === 2) return enc.encode(v + '\0');
    if (type === 7) return v;
    const out = new Uint8Array(v.length * size[type]);
    const dv = new DataView(out.buffer);
    v.forEach((x, i) => {
      if (type === 3) dv.setUint16(i * 2, x);
      else if (type === 4) dv.setUint32(i * 4, x);
      else {
        dv.setUint32(i * 8, x[0]);
        dv.setUint32(i * 8 + 4, x[1]);
      }
    });
    return out;
  };
  return (entries, at, next = 0) => {
    const data = [];
    let dataAt = at + 2 + entries.length * 12 + 4;
    const head = new Uint8Array(2 + entries.length * 12 + 4);
    const dv = new DataView(head.buffer);
    dv.setUint16(0, entries.length);
    entries
      .sort((a, b) => a[0] - b[0])
      .forEach(([tag, type, v], i) => {
        const bytes = encode(type, v);
        const e = 2 + i * 12;
        dv.setUint16(e, tag);
        dv.setUint16(e + 2, type);
        dv.setUint32(e + 4, bytes.length / size[type]);
        if (bytes.length <= 4) head.set(bytes, e + 8);
        else {
          dv.setUint32(e + 8, dataAt);
          data.push(bytes);
          if (bytes.length & 1) data.push(new Uint8Array(1));
          dataAt += bytes.length + (bytes.length & 1);
        }
      });
    dv.setUint32(2 + entries.length * 12, next);
    return concat([head, ...data]);
  };
}

function exifBlock(i) {
  const ifd = ifdWriter();
  const r = (n, d = 1) => [n, d];
  const ifd0 = (exifAt, gpsAt) => [
    [0x010f, 2, 'Apple'], [0x0110, 2, `iPhone ${12 + (i % 4)} Pro`], [0x0112, 3, [1]], [0x011a, 5, [r(72)]], [0x011b, 5, [r(72)]], [0x0128, 3, [2]],
    [0x0131, 2, '17.4.1'], [0x0132, 2, '2024:03:14 15:09:26'], [0x013c, 2, `iPhone of user ${i}`], [0x0213, 3, [1]], [0x8769, 4, [exifAt]], [0x8825, 4, [gpsAt]],
  ];
  const makerNote = ifd(Array.from({ length: 30 }, (_, k) => [k + 1, k % 3 === 0 ? 7 : 4, k % 3 === 0 ? noise(40) : [k * 1000 + i]]), 0);
  const exif = [
    [0x829a, 5, [r(1, 120)]], [0x829d, 5, [r(178, 100)]], [0x8822, 3, [2]], [0x8827, 3, [50 + (i % 400)]], [0x9000, 7, enc.encode('0232')],
    [0x9003, 2, '2024:03:14 15:09:26'], [0x9004, 2, '2024:03:14 15:09:26'], [0x9010, 2, '+03:00'], [0x9011, 2, '+03:00'], [0x9012, 2, '+03:00'],
    [0x9201, 5, [r(6906, 1000)]], [0x9202, 5, [r(1695, 1000)]], [0x9203, 5, [r(5432, 1000)]], [0x9204, 5, [r(0)]], [0x9207, 3, [5]], [0x9209, 3, [16]],
    [0x920a, 5, [r(6860, 1000)]], [0x9214, 3, [2015, 1511, 2217, 1330]], [0x927c, 7, makerNote], [0x9291, 2, '512'], [0x9292, 2, '512'],
    [0xa001, 3, [65535]], [0xa002, 4, [4032]], [0xa003, 4, [3024]], [0xa217, 3, [2]], [0xa301, 7, Uint8Array.of(1)], [0xa402, 3, [0]],
    [0xa403, 3, [0]], [0xa405, 3, [24]], [0xa406, 3, [0]], [0xa432, 5, [r(1570, 1000), r(9000, 1000), r(16, 10), r(28, 10)]], [0xa433, 2, 'Apple'],
    [0xa434, 2, 'iPhone back triple camera 6.86mm f/1.78'], [0xa431, 2, `SN${100000 + i}`],
  ];
  const gps = [
    [1, 2, 'N'], [2, 5, [r(41), r(i % 60), r(1234, 100)]], [3, 2, 'E'], [4, 5, [r(44), r(47), r(5678, 100)]], [5, 7, Uint8Array.of(0)], [6, 5, [r(45012, 100)]],
    [7, 5, [r(12), r(9), r(26)]], [12, 2, 'K'], [13, 5, [r(0)]], [16, 2, 'T'], [17, 5, [r(19321, 100)]], [23, 2, 'T'], [24, 5, [r(19321, 100)]], [29, 2, '2024:03:14'], [31, 5, [r(35, 1)]],
  ];
  const thumb = concat([Uint8Array.of(0xff, 0xd8), noise(6000), Uint8Array.of(0xff, 0xd9)]);
  // Lay out: header, IFD0, EXIF IFD, GPS IFD, IFD1, thumbnail.
  const size0 = ifd(ifd0(0, 0), 8).length;
  const exifAt = 8 + size0;
  const exifBytes = ifd(exif, exifAt);
  const gpsAt = exifAt + exifBytes.length;
  const gpsBytes = ifd(gps, gpsAt);
  const ifd1At = gpsAt + gpsBytes.length;
  const ifd1Len = ifd([[0x0103, 3, [6]], [0x0201, 4, [0]], [0x0202, 4, [thumb.length]]], ifd1At).length;
  const ifd1Bytes = ifd([[0x0103, 3, [6]], [0x0201, 4, [ifd1At + ifd1Len]], [0x0202, 4, [thumb.length]]], ifd1At);
  const ifd0Bytes = ifd(ifd0(exifAt, gpsAt), 8, ifd1At);
  return concat([Uint8Array.of(0x4d, 0x4d, 0, 0x2a), be32(8), ifd0Bytes, exifBytes, gpsBytes, ifd1Bytes, thumb]);
}

const seg = (m, p) => concat([Uint8Array.of(0xff, m), be16(p.length + 2), p]);

function jpeg(i, size) {
  const xmp = enc.encode(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Camera ${i}"/></rdf:RDF></x:xmpmeta>`);
  const scan = noise(size);
  for (let k = 0; k < scan.length; k++) if (scan[k] === 0xff) scan[k] = 0xfe;
  return concat([
    Uint8Array.of(0xff, 0xd8),
    seg(0xe1, concat([enc.encode('Exif\0\0'), exifBlock(i)])),
    i % 3 === 0 ? seg(0xe1, xmp) : new Uint8Array(0),
    seg(0xe2, concat([enc.encode('ICC_PROFILE\0'), Uint8Array.of(1, 1), noise(540)])),
    seg(0xdb, new Uint8Array(65)),
    seg(0xc0, Uint8Array.of(8, 0, 8, 0, 8, 1, 1, 0x11, 0)),
    seg(0xc4, new Uint8Array(20)),
    seg(0xda, Uint8Array.of(1, 1, 0, 0, 63, 0)),
    scan,
    Uint8Array.of(0xff, 0xd9),
  ]);
}

function crc32(b) {
  let c = ~0;
  for (let i = 0; i < b.length; i++) {
    c ^= b[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}
const chunk = (t, d) => {
  const td = concat([enc.encode(t), d]);
  return concat([be32(d.length), td, be32(crc32(td))]);
};

function png(i, size) {
  const ihdr = concat([be32(64), be32(64), Uint8Array.of(8, 2, 0, 0, 0)]);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10),
    chunk('IHDR', ihdr),
    chunk('tEXt', enc.encode(`Author\0Designer ${i}`)),
    chunk('tEXt', enc.encode('Software\0GIMP 2.10')),
    chunk('IDAT', zlibSync(noise(size), { level: 0 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function pdf(i, pages) {
  const objs = [`<< /Type /Catalog /Pages 2 0 R >>`, `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, k) => `${4 + k} 0 R`).join(' ')}] /Count ${pages} >>`, `<< /Author (Author ${i}) /Creator (Writer) /Producer (Bench PDF 1.0) /CreationDate (D:20240314150926+03'00') >>`];
  for (let k = 0; k < pages; k++) objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + pages + k} 0 R >>`);
  for (let k = 0; k < pages; k++) {
    const text = `BT /F1 12 Tf 72 720 Td (Page ${k} of document ${i} ${'lorem ipsum '.repeat(40)}) Tj ET`;
    objs.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  }
  let body = '%PDF-1.7\n';
  const offsets = [];
  objs.forEach((o, k) => {
    offsets.push(body.length);
    body += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return enc.encode(body);
}

function docx(i) {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const para = `<w:p w:rsidR="00A1B2C3"><w:r><w:t>${'Paragraph text for the benchmark. '.repeat(20)}</w:t></w:r></w:p>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'docProps/core.xml': strToU8(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Writer ${i}</dc:creator><cp:lastModifiedBy>Editor ${i}</cp:lastModifiedBy></cp:coreProperties>`),
    'docProps/app.xml': strToU8('<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Org</Company></Properties>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${para.repeat(30)}</w:body></w:document>`),
    'word/media/image1.jpeg': jpeg(i, 20000),
  });
}

function odt(i) {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'meta.xml': strToU8(`<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:initial-creator>Author ${i}</meta:initial-creator><meta:generator>LibreOffice</meta:generator></office:meta></office:document-meta>`),
    'content.xml': strToU8(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${'<text:p>Some text for the benchmark.</text:p>'.repeat(200)}</office:text></office:body></office:document-content>`),
    'Thumbnails/thumbnail.png': png(i, 2000),
  });
}

const box = (type, ...kids) => {
  const body = concat(kids);
  return concat([be32(body.length + 8), Uint8Array.from([...type].map((c) => c.charCodeAt(0) & 255)), body]);
};

function mp4(i, size) {
  const qt = (s) => concat([be16(s.length), be16(0x15c7), enc.encode(s)]);
  const key = (k) => concat([be32(8 + k.length), enc.encode('mdta'), enc.encode(k)]);
  const item = (n, v) => concat([be32(8 + 16 + v.length + 8), be32(n), box('data', be32(1), be32(0), enc.encode(v))]);
  const keys = ['com.apple.quicktime.location.ISO6709', 'com.apple.quicktime.make', 'com.apple.quicktime.model'];
  const moov = box(
    'moov',
    box('mvhd', new Uint8Array(100)),
    box('udta', box('\u00a9xyz', qt(`+41.${i % 100}+044.79/`))),
    box('meta', box('hdlr', new Uint8Array(24)), box('keys', be32(0), be32(keys.length), ...keys.map(key)), box('ilst', item(1, '+41.7151+044.8271/'), item(2, 'Apple'), item(3, 'iPhone 15'))),
  );
  return concat([box('ftyp', enc.encode('qt  '), be32(0), enc.encode('qt  ')), box('mdat', noise(size)), moov]);
}

function gif(i) {
  const c = enc.encode(`comment ${i}`);
  return concat([enc.encode('GIF89a'), Uint8Array.of(1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255), Uint8Array.of(0x21, 0xfe, c.length), c, Uint8Array.of(0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4c, 1, 0, 0x3b)]);
}

// --- corpus ------------------------------------------------------------------

async function buildCorpus(dir) {
  const kinds = [
    ['jpg', 40, (i) => jpeg(i, 60000 + ((rand() * 200000) | 0))],
    ['png', 12, (i) => png(i, 20000 + ((rand() * 60000) | 0))],
    ['pdf', 12, (i) => pdf(i, 2 + (i % 8))],
    ['docx', 10, (i) => docx(i)],
    ['odt', 5, (i) => odt(i)],
    ['mov', 8, (i) => mp4(i, 100000 + ((rand() * 300000) | 0))],
    ['gif', 5, (i) => gif(i)],
    ['txt', 8, (i) => enc.encode(`plain text file ${i}\n`.repeat(50))],
  ];
  const weight = kinds.reduce((n, k) => n + k[1], 0);
  let made = 0;
  let bytes = 0;
  for (const [ext, w, make] of kinds) {
    const n = Math.round((TOTAL * w) / weight);
    for (let i = 0; i < n; i++) {
      const sub = join(dir, `d${made % 40}`);
      if (made < 40) await mkdir(sub, { recursive: true });
      const data = make(i);
      bytes += data.length;
      await writeFile(join(sub, `f${made}.${ext}`), data);
      made++;
    }
  }
  return { files: made, bytes };
}

function timedEnv(cmd, args, env) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function timed(cmd, args) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

async function main() {
  if (!existsSync(scanModule)) {
    console.log('bench/metadata: dist/ is missing; build first (npm run build:modules). Nothing measured.');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'safestep-bench-'));
  try {
    const { files, bytes } = await buildCorpus(dir);
    console.log(`corpus: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB (jpeg, png, pdf, docx, odt, mov, gif, txt) in ${dir}`);
    const script = `
      const { scanPaths } = await import(${JSON.stringify(scanModule)});
      let checked = 0, notChecked = 0, findings = 0;
      for await (const r of scanPaths([${JSON.stringify(dir)}], { concurrency: 16 })) {
        if (r.status === 'checked') checked++; else notChecked++;
        findings += r.findings.length;
      }
      console.log(JSON.stringify({ checked, notChecked, findings }));`;
    // One warm-up pass so both tools read from the page cache.
    timed(process.execPath, ['--input-type=module', '-e', script]);
    const ours = timed(process.execPath, ['--input-type=module', '-e', script]);
    const counts = JSON.parse(ours.stdout.trim().split('\n').pop() || '{}');
    const libRate = files / (ours.ms / 1000);
    console.log(`safestep library (dist/src, unbundled): ${files} files in ${(ours.ms / 1000).toFixed(2)} s = ${libRate.toFixed(0)} files/s (process start included; ${counts.checked} checked, ${counts.notChecked} not checked, ${counts.findings} findings)`);
    // What a person runs: the bundled CLI, printing JSON like exiftool -j.
    const bin = join(root, 'bin', 'safestep.js');
    const cliArgs = [bin, 'check', 'metadata', '--json', dir];
    const env = { ...process.env, NO_COLOR: '1' };
    timedEnv(process.execPath, cliArgs, env);
    const cli = timedEnv(process.execPath, cliArgs, env);
    const oursRate = files / (cli.ms / 1000);
    console.log(`safestep check metadata --json (bundled CLI): ${(cli.ms / 1000).toFixed(2)} s = ${oursRate.toFixed(0)} files/s (exit ${cli.status})`);

    let hasExiftool = false;
    try {
      execFileSync('exiftool', ['-ver'], { stdio: 'ignore' });
      hasExiftool = true;
    } catch {
      hasExiftool = false;
    }
    if (!hasExiftool) {
      console.log('exiftool: not on PATH, no ratio (the issue quotes about 160 files/s for exiftool -r -j -fast2 on this machine)');
      return;
    }
    const et = timed('exiftool', ['-r', '-j', '-fast2', dir]);
    const etRate = files / (et.ms / 1000);
    console.log(`exiftool -r -j -fast2: ${(et.ms / 1000).toFixed(2)} s = ${etRate.toFixed(0)} files/s`);
    console.log(`ratio: ${(oursRate / etRate).toFixed(1)}x exiftool (bundled CLI; library ${(libRate / etRate).toFixed(1)}x)`);
  } finally {
    if (!process.env.KEEP_BENCH) await rm(dir, { recursive: true, force: true });
  }
}

await main().catch((e) => {
  console.log(`bench/metadata: ${e instanceof Error ? e.message : String(e)}`);
});
process.exitCode = 0;
