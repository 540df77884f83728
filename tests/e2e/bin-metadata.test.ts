// The built bin/safestep on real files: the bundle must load the same format
// libraries the source tests use (pdf-lib, zip, EXIF), so scanning and
// scrubbing are run through it once per family.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocx, buildJpeg, buildPdf } from '../metadata/fixtures.js';
import { tempDir } from '../helpers/fixtures.js';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'safestep.js');

function safestep(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SAFESTEP_HOME: tempDir(), NO_COLOR: '1' } }) };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

describe('bin/safestep check metadata and scrub', () => {
  it('finds the author in a PDF and a docx, cleans both, and the copies scan clean', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.pdf'), await buildPdf({ author: 'Anna Petrova' }));
    writeFileSync(path.join(dir, 'letter.docx'), buildDocx());
    writeFileSync(path.join(dir, 'photo.jpg'), buildJpeg());
    const before = safestep(['check', 'metadata', dir, '--json']);
    expect(before.code).toBe(1);
    const scanned = JSON.parse(before.out) as { files: { path: string; findings: { value: string }[] }[] };
    expect(scanned.files.find((f) => f.path.endsWith('report.pdf'))!.findings.map((f) => f.value)).toContain('Anna Petrova');

    const scrubbed = JSON.parse(safestep(['scrub', dir, '--json']).out) as { files: { path: string; status: string }[] };
    expect(scrubbed.files.map((f) => [path.basename(f.path), f.status]).sort()).toEqual([
      ['letter.docx', 'cleaned'],
      ['photo.jpg', 'cleaned'],
      ['report.pdf', 'cleaned'],
    ]);
    const after = safestep(['check', 'metadata', path.join(dir, 'report.cleaned.pdf'), path.join(dir, 'letter.cleaned.docx'), path.join(dir, 'photo.cleaned.jpg')]);
    expect(after.code).toBe(0);
    // The original is untouched: it still says who wrote it.
    expect(safestep(['check', 'metadata', path.join(dir, 'report.pdf')]).out).toContain('Anna Petrova');
  });
});
