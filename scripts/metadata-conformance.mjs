#!/usr/bin/env node
// Conformance run of the compiled metadata scanner and scrubber over mat2's
// test files (../shared/corpus/mat2, see its README). Checks the known values,
// scrubs every supported file into a temporary folder and re-scans the copy,
// and, when ExifTool is on PATH, checks that every location, serial, person
// and device tag ExifTool shows is found by us too.
//
// Exits 0 when the corpus folder is absent (nothing to check), 1 when a check
// fails. Build first: npm run build:modules
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? process.env.SAFESTEP_MAT2_CORPUS ?? join(root, '..', 'shared', 'corpus', 'mat2'));

if (!existsSync(corpus)) {
  console.log(`metadata conformance: ${corpus} not found, nothing to check.`);
  process.exit(0);
}
const dist = join(root, 'dist', 'src', 'metadata');
if (!existsSync(join(dist, 'scan.js'))) {
  console.error('metadata conformance: dist/ is missing; build first (npm run build:modules).');
  process.exit(1);
}
const { scanFile } = await import(join(dist, 'scan.js'));
const { scrubFile } = await import(join(dist, 'scrub.js'));

/** The values mat2's own tests assert (corpus README). */
const KNOWN = [
  ['dirty.png', 'Comment', 'This is a comment, be careful!'],
  ['dirty.tiff', 'Make', 'OLYMPUS IMAGING CORP.'],
  ['dirty.tiff', 'Model', 'C7070WZ'],
  ['dirty.docx', 'LastModifiedBy', 'Julien Voisin'],
  ['dirty.odt', 'Initial-creator', 'jvoisin'],
  ['dirty.pdf', 'Producer', 'pdfTeX-1.40.14'],
];

let failures = 0;
const fail = (msg) => {
  failures++;
  console.log(`  FAIL ${msg}`);
};

const names = (await readdir(corpus)).filter((n) => !n.startsWith('.')).sort();
const scans = new Map();
let scanned = 0;
let skipped = 0;
let errors = 0;
for (const name of names) {
  const r = await scanFile(join(corpus, name));
  scans.set(name, r);
  if ('skipped' in r) skipped++;
  else {
    scanned++;
    if (r.error) errors++;
  }
}
console.log(`scan: ${scanned} scanned, ${skipped} skipped (not a supported format), ${errors} with a reading error`);

console.log('known values:');
for (const [file, field, value] of KNOWN) {
  const r = scans.get(file);
  if (!r || 'skipped' in r) {
    fail(`${file}: not scanned`);
    continue;
  }
  const hit = r.findings.find((f) => f.field === field && f.value === value && f.within === undefined);
  if (hit) console.log(`  ok   ${file}: ${field} = ${JSON.stringify(value)} (${hit.category}, ${hit.severity})`);
  else fail(`${file}: expected ${field} = ${JSON.stringify(value)}, got ${JSON.stringify(r.findings.filter((f) => f.field === field).map((f) => f.value))}`);
}

// ExifTool agreement on the high-risk and device categories.
const SENSITIVE = /^(GPS|.*SerialNumber$|Artist$|Creator$|Author$|LastModifiedBy$|Initial-creator$|OwnerName$|CameraOwnerName$|Make$|Model$|LensModel$|LensMake$|Company$|Manager$|Copyright$|By-line$|HostComputer$|XPAuthor$)/;
let hasExiftool = false;
try {
  execFileSync('exiftool', ['-ver'], { stdio: 'ignore' });
  hasExiftool = true;
} catch {
  hasExiftool = false;
}
if (hasExiftool) {
  console.log('ExifTool agreement (location, serial, person, device tags ExifTool shows):');
  let shown = 0;
  let matched = 0;
  for (const name of names) {
    const r = scans.get(name);
    if (!r || 'skipped' in r) continue;
    let tags;
    try {
      tags = JSON.parse(execFileSync('exiftool', ['-j', '-s', '-a', '-G1', '--ExifTool:all', '--System:all', '--File:all', join(corpus, name)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))[0] ?? {};
    } catch {
      continue;
    }
    for (const [key, raw] of Object.entries(tags)) {
      const [group, tag] = key.includes(':') ? key.split(':') : ['', key];
      if (!tag || !SENSITIVE.test(tag) || tag === 'GPSVersionID' || /Ref$/.test(tag)) continue;
      const value = String(raw).trim();
      if (value === '' || group === 'Composite') continue;
      shown++;
      const ours = r.findings.filter((f) => f.field === tag || f.field.replace(/-/g, '').toLowerCase() === tag.replace(/-/g, '').toLowerCase());
      if (ours.length > 0) matched++;
      else fail(`${name}: ExifTool shows ${group}:${tag} = ${JSON.stringify(value.slice(0, 60))}, we do not`);
    }
  }
  console.log(`  ${matched}/${shown} sensitive tags shown by ExifTool were found`);
} else {
  console.log('ExifTool not on PATH: agreement check skipped.');
}

// Scrub every supported file into a temporary folder; the copy must re-scan clean.
console.log('scrub:');
const work = await mkdtemp(join(tmpdir(), 'safestep-conformance-'));
const counts = {};
try {
  for (const name of names) {
    const r = scans.get(name);
    if (!r || 'skipped' in r) continue;
    await copyFile(join(corpus, name), join(work, name));
    const s = await scrubFile(join(work, name));
    counts[s.status] = (counts[s.status] ?? 0) + 1;
    const risky = s.remaining.filter((f) => f.severity !== 'low');
    if (s.status === 'cleaned') console.log(`  ok   ${name}: removed ${s.removed.join(', ') || 'nothing'}`);
    else if (s.status === 'partial') fail(`${name}: still holds ${risky.map((f) => `${f.field}=${f.value}`).join('; ')}`);
    else console.log(`  --   ${name}: ${s.status}${s.error ? ` (${s.error.slice(0, 100)})` : ''}`);
    if (s.output && s.status === 'cleaned') {
      const again = await scanFile(s.output);
      if ('skipped' in again || again.error) fail(`${name}: cleaned copy does not read back`);
      else if (again.findings.some((f) => f.severity !== 'low')) fail(`${name}: cleaned copy re-scans with findings`);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(`  ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
console.log(failures === 0 ? 'metadata conformance: all checks passed' : `metadata conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
