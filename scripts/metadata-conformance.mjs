#!/usr/bin/env node
// Conformance of the compiled metadata scanner and scrubber against ExifTool
// on a folder of sample files given as argument (ExifTool's own t/images, or
// mat2's test files in ../shared/corpus/mat2). Files are read where they are,
// never copied into the repository.
//
// For every file ExifTool (`exiftool -a -G1 -j`) shows a location, a serial
// number or a person's name, safestep must either report that category or
// list the file as not checked with a reason: a file we call "checked" that
// lacks the category is a silent miss. With --scrub, every file is cleaned
// into a temporary folder; every copy we call "cleaned" must show no
// location, serial or name to ExifTool, and must still open (ExifTool's
// -validate finds no error).
//
// Usage: node scripts/metadata-conformance.mjs <folder> [--scrub] [--verbose]
// Exits 0 when all checks pass (or the folder is absent), 1 otherwise.
// Build first: npm run build:modules
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.SAFESTEP_MAT2_CORPUS ?? join(root, '..', 'shared', 'corpus', 'mat2'));
const doScrub = args.includes('--scrub');
const verbose = args.includes('--verbose');

if (!existsSync(folder)) {
  console.log(`metadata conformance: ${folder} not found, nothing to check.`);
  process.exit(0);
}
const dist = join(root, 'dist', 'src', 'metadata');
if (!existsSync(join(dist, 'scan.js'))) {
  console.error('metadata conformance: dist/ is missing; build first (npm run build:modules).');
  process.exit(1);
}
const { scanFile } = await import(join(dist, 'scan.js'));
const { scrubFile } = await import(join(dist, 'scrub.js'));

let hasExiftool = true;
try {
  execFileSync('exiftool', ['-ver'], { stdio: 'ignore' });
} catch {
  hasExiftool = false;
}
if (!hasExiftool) {
  console.log('metadata conformance: exiftool is not on PATH; nothing to compare with.');
  process.exit(process.env.CI ? 1 : 0);
}

const LOCATION = /^(GPS(Latitude|Longitude|Position|Altitude|DestLatitude|DestLongitude|Coordinates)|City|Country|Country-PrimaryLocationName|Sub-?location|Province-State|State|Location|LocationName|LocationCreated.*|LocationShown.*)$/i;
const SERIAL = /Serial(Number)?$|SerialNumber|IMEI/i;
const PERSON = /^(Artist|Author|Creator|By-?line|OwnerName|CameraOwnerName|LastModifiedBy|Initial-?creator|Copyright|CopyrightNotice|XPAuthor|Writer-?Editor|Credit|Company|Manager|Photographer|Owner|Publisher|Contributor|Composer|Band|AlbumArtist|HostComputer|Rights)$/i;
/** Groups where "Creator" names the program, not a person. */
const PROGRAM_CREATOR = /^(PDF|PostScript|Torrent)$/;

/** ExifTool's location, serial and person tags in a file: [{ key, category, value }]. */
function exiftoolSensitive(file) {
  let tags;
  try {
    tags = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', '-q', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }))[0] ?? {};
  } catch (e) {
    try {
      tags = JSON.parse(e.stdout ?? '[]')[0] ?? {};
    } catch {
      tags = {};
    }
  }
  const out = [];
  for (const [key, raw] of Object.entries(tags)) {
    const [group, tag] = key.includes(':') ? key.split(':') : ['', key];
    if (!tag || /^(ExifTool|System|File|Composite)$/.test(group)) continue;
    const value = String(Array.isArray(raw) ? raw.join(', ') : raw).trim();
    if (value === '' || /Ref$/.test(tag)) continue;
    let category = null;
    if (LOCATION.test(tag)) category = 'location';
    else if (SERIAL.test(tag) && !/Format|Mode|Type|Version|Hash$/.test(tag)) category = 'serial';
    else if (PERSON.test(tag) && !(tag === 'Creator' && PROGRAM_CREATOR.test(group))) category = 'person';
    if (category) out.push({ key, category, value });
  }
  return out;
}

const names = (await readdir(folder, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name).sort();
let failures = 0;
const fail = (msg) => {
  failures++;
  console.log(`  FAIL ${msg}`);
};

console.log(`scan: ${names.length} files in ${folder}`);
const verdicts = new Map();
const byStatus = {};
let sensitiveFiles = 0;
let reported = 0;
let notChecked = 0;
for (const name of names) {
  const file = join(folder, name);
  const r = await scanFile(file);
  verdicts.set(name, r);
  byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const theirs = exiftoolSensitive(file);
  if (theirs.length === 0) continue;
  sensitiveFiles++;
  const categories = [...new Set(theirs.map((t) => t.category))];
  if (r.status !== 'checked') {
    notChecked++;
    if (verbose) console.log(`  --   ${name}: not checked (${r.status}, ${r.format}, ${r.reason}); ExifTool shows ${categories.join(', ')}`);
    continue;
  }
  const missing = categories.filter((c) => !r.findings.some((f) => f.category === c));
  if (missing.length > 0) {
    for (const c of missing) {
      const examples = theirs.filter((t) => t.category === c).slice(0, 3).map((t) => `${t.key}=${JSON.stringify(t.value.slice(0, 40))}`);
      fail(`${name} (${r.format}): silent miss of ${c}: ExifTool shows ${examples.join(', ')}`);
    }
  } else {
    reported++;
    if (verbose) console.log(`  ok   ${name}: ${categories.join(', ')}`);
  }
}
console.log(`  verdicts: ${Object.entries(byStatus).map(([k, v]) => `${v} ${k}`).join(', ')}`);
console.log(`  ${sensitiveFiles} files where ExifTool shows a location, serial or name: ${reported} reported, ${notChecked} listed as not checked, ${sensitiveFiles - reported - notChecked} silent misses`);

if (doScrub) {
  console.log('scrub (every copy called cleaned must show ExifTool no location, serial or name, and still open):');
  const work = await mkdtemp(join(tmpdir(), 'safestep-conformance-'));
  const counts = {};
  try {
    for (const name of names) {
      const r = verdicts.get(name);
      if (r.status === 'unsupported' || r.status === 'unreadable') continue;
      await copyFile(join(folder, name), join(work, name));
      const s = await scrubFile(join(work, name));
      counts[s.status] = (counts[s.status] ?? 0) + 1;
      if (s.status !== 'cleaned') {
        if (verbose) console.log(`  --   ${name}: ${s.status}${s.unverified.length ? ` (${s.unverified.join(', ')})` : ''}${s.error ? ` (${s.error.slice(0, 100)})` : ''}`);
        continue;
      }
      const left = exiftoolSensitive(s.output);
      if (left.length > 0) fail(`${name}: called cleaned, but ExifTool still shows ${left.slice(0, 4).map((t) => `${t.key}=${JSON.stringify(t.value.slice(0, 40))}`).join(', ')}`);
      let warnings = '';
      try {
        warnings = execFileSync('exiftool', ['-validate', '-warning', '-error', '-a', '-s', '-s', '-s', s.output], { encoding: 'utf8' });
      } catch (e) {
        warnings = String(e.stdout ?? e.message);
      }
      const errors = warnings.split('\n').filter((l) => /error|corrupt|truncated/i.test(l) && !/minor/i.test(l));
      const before = (() => {
        try {
          return execFileSync('exiftool', ['-validate', '-warning', '-error', '-a', '-s', '-s', '-s', join(folder, name)], { encoding: 'utf8' });
        } catch (e) {
          return String(e.stdout ?? '');
        }
      })();
      const fresh = errors.filter((l) => !before.includes(l));
      if (fresh.length > 0) fail(`${name}: the cleaned copy does not validate: ${fresh.slice(0, 2).join('; ')}`);
      else if (verbose) console.log(`  ok   ${name}: removed ${s.removed.join(', ') || 'nothing'}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  console.log(`  ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}
console.log(failures === 0 ? 'metadata conformance: all checks passed' : `metadata conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
