// The built bin/safestep on real files: the bundle must load the same format
// libraries the source tests use (pdf-lib, zip, EXIF), so scanning and
// scrubbing are run through it once per family; and, as an unprivileged user,
// unreadable files and folders must be reported, never counted as clean.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
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

interface JsonFile {
  path: string;
  status: string;
  reason: string | null;
  findings: { value: string }[];
}

describe('bin/safestep check metadata and scrub', () => {
  it('finds the author in a PDF and a docx, cleans both, and the copies scan clean', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.pdf'), await buildPdf({ author: 'Anna Petrova' }));
    writeFileSync(path.join(dir, 'letter.docx'), buildDocx());
    writeFileSync(path.join(dir, 'photo.jpg'), buildJpeg());
    const before = safestep(['check', 'metadata', dir, '--json']);
    expect(before.code).toBe(1);
    const scanned = JSON.parse(before.out) as { files: JsonFile[] };
    expect(scanned.files.find((f) => f.path.endsWith('report.pdf'))!.findings.map((f) => f.value)).toContain('Anna Petrova');
    expect(scanned.files.every((f) => f.status === 'checked')).toBe(true);

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

  it('as an unprivileged user, reports a chmod 000 photo and a closed folder as unreadable and exits 1', () => {
    // Tests run as root here, where chmod 000 changes nothing; `nobody` shows what a person sees.
    const asNobody = (() => {
      if (process.getuid?.() !== 0) return false;
      try {
        execFileSync('su', ['nobody', '-s', '/bin/sh', '-c', 'true'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (!asNobody) {
      if (process.env.CI) throw new Error('the real permission test needs root and a `nobody` user');
      console.warn('skipped: the real permission test needs root and `su nobody`');
      return;
    }
    // The checkout itself must be readable by `nobody` (it is not in every CI folder layout).
    try {
      execFileSync('su', ['nobody', '-s', '/bin/sh', '-c', `test -r ${JSON.stringify(BIN)} && test -r ${JSON.stringify(path.resolve(path.dirname(BIN), '..', 'dist', 'bundle', 'main.js'))}`], { stdio: 'ignore' });
    } catch {
      console.warn('skipped: the build is not readable by the `nobody` user here');
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'ok.jpg'), buildJpeg());
    writeFileSync(path.join(dir, 'locked.jpg'), buildJpeg());
    chmodSync(path.join(dir, 'ok.jpg'), 0o644);
    chmodSync(path.join(dir, 'locked.jpg'), 0o000);
    mkdirSync(path.join(dir, 'closed'));
    writeFileSync(path.join(dir, 'closed', 'inside.jpg'), buildJpeg());
    chmodSync(path.join(dir, 'closed'), 0o000);
    const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
    let code = 0;
    let out = '';
    try {
      out = execFileSync('su', ['nobody', '-s', '/bin/sh', '-c', `NO_COLOR=1 SAFESTEP_HOME=/tmp ${quote(process.execPath)} ${quote(BIN)} check metadata --json ${quote(dir)}`], { encoding: 'utf8' });
    } catch (err) {
      const e = err as { status: number; stdout: string };
      code = e.status;
      out = e.stdout;
    }
    expect(code).toBe(1);
    const files = (JSON.parse(out) as { files: JsonFile[] }).files.map((f) => [path.relative(dir, f.path), f.status, f.reason]);
    expect(files).toEqual([
      ['locked.jpg', 'unreadable', 'permission'],
      ['ok.jpg', 'checked', null],
      ['closed', 'unreadable', 'permission'],
    ]);
  });
});
