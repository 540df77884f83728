// One honest verdict per file: permission and I/O errors, folders that cannot
// be entered, zip bombs and unknown types are reported as not checked, never
// silently counted as clean; scrub follows symlinks and hard links and never
// overwrites one output with another from the same run.
import { link, lstat, mkdir, readdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCode } from '../../src/metadata/report.js';
import { realFs, scanFile, scanPaths, type MetaFs } from '../../src/metadata/scan.js';
import { scrubFile } from '../../src/metadata/scrub.js';
import type { FileScan } from '../../src/metadata/types.js';
import { buildDocx, buildJpeg, buildTiff, gpsIfd, put, tempDir } from './fixtures.js';

const photo = buildJpeg({ exif: buildTiff({ ifd0: { 0x010f: { ascii: 'Canon' }, 0x013b: { ascii: 'Ivan Petrov' } }, gps: gpsIfd(55.75, 37.62) }) });

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

function errno(code: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  e.code = code;
  return e;
}

async function all(paths: string[], fs?: MetaFs): Promise<FileScan[]> {
  const out: FileScan[] = [];
  for await (const r of scanPaths(paths, fs ? { fs } : {})) out.push(r);
  return out;
}

describe('verdicts', () => {
  it('reports a file it may not open as unreadable (permission), and exits 1', async () => {
    const p = await put(dir, 'secret.jpg', photo);
    const fs: MetaFs = { ...realFs, open: (path, flags) => (path === p ? Promise.reject(errno('EACCES')) : realFs.open(path, flags)) };
    const [r] = await all([dir], fs);
    expect(r).toMatchObject({ path: p, status: 'unreadable', reason: 'permission' });
    expect(exitCode([r as FileScan])).toBe(1);
  });

  it('reports a disk error in the middle of a read as unreadable (io), keeping nothing back', async () => {
    const p = await put(dir, 'photo.jpg', photo);
    const fs: MetaFs = {
      ...realFs,
      open: async (path, flags) => {
        const h = await realFs.open(path, flags);
        return { stat: () => h.stat(), close: () => h.close(), read: () => Promise.reject(errno('EIO')) };
      },
    };
    const [r] = await all([p], fs);
    expect(r).toMatchObject({ status: 'unreadable', reason: 'io' });
  });

  it('reports a folder it cannot enter instead of counting it as empty', async () => {
    await mkdir(join(dir, 'locked'));
    await put(dir, 'locked/photo.jpg', photo);
    await put(dir, 'ok.jpg', photo);
    const fs: MetaFs = { ...realFs, readdir: (d) => (d.endsWith('locked') ? (() => { throw errno('EACCES'); })() : realFs.readdir(d)) };
    const results = await all([dir], fs);
    expect(results.map((r) => [r.path.slice(dir.length + 1), r.status, r.reason])).toEqual([
      ['ok.jpg', 'checked', null],
      ['locked', 'unreadable', 'permission'],
    ]);
    expect(results[1]?.format).toBe('folder');
  });

  it('refuses a zip-bomb docx instead of calling it clean', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8('<w:document/>'),
      'docProps/core.xml': new Uint8Array(40 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(200_000);
    const r = await scanFile(await put(dir, 'bomb.docx', bomb));
    expect(r).toMatchObject({ format: 'docx', status: 'refused', reason: 'too-large' });
    expect(exitCode([r])).toBe(1);
  });

  it('names recognised types it cannot read, and text, instead of leaving them out', async () => {
    // Types recognised but with no reader: OpenEXR and BPG pictures.
    const exr = Uint8Array.from([0x76, 0x2f, 0x31, 0x01, 2, 0, 0, 0]);
    const bpg = Uint8Array.from([0x42, 0x50, 0x47, 0xfb, 0, 0, 0, 0]);
    await put(dir, 'a.exr', exr);
    await put(dir, 'b.bpg', bpg);
    await put(dir, 'c.txt', 'notes');
    await put(dir, 'd.bin', new Uint8Array([0, 1, 2, 3, 250, 251]));
    await put(dir, 'e.empty', '');
    const results = await all([dir]);
    expect(results.map((r) => [r.format, r.status, r.reason])).toEqual([
      ['exr', 'unsupported', 'not-read'],
      ['bpg', 'unsupported', 'not-read'],
      ['text', 'unsupported', 'plain-text'],
      ['unknown', 'unsupported', 'unknown-type'],
      ['empty', 'unsupported', 'empty'],
    ]);
    expect(exitCode(results)).toBe(1);
  });
});

describe('scrub: links and names', () => {
  it('--in-place through a symlink cleans the file it points to and keeps the link', async () => {
    await mkdir(join(dir, 'real'));
    const target = await put(dir, 'real/photo.jpg', photo);
    const linkPath = join(dir, 'link.jpg');
    await symlink(target, linkPath);
    const r = await scrubFile(linkPath, { inPlace: true });
    expect(r).toMatchObject({ status: 'cleaned', output: target, target });
    expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
    const after = await scanFile(target);
    expect(after.findings.filter((f) => f.severity !== 'low')).toEqual([]);
  });

  it('--in-place on a hard-linked file cleans it for every name', async () => {
    const a = await put(dir, 'a.jpg', photo);
    const b = join(dir, 'b.jpg');
    await link(a, b);
    const r = await scrubFile(a, { inPlace: true });
    expect(r).toMatchObject({ status: 'cleaned', links: 2 });
    expect((await stat(a)).ino).toBe((await stat(b)).ino);
    expect((await scanFile(b)).findings.filter((f) => f.severity === 'high')).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['a.jpg', 'b.jpg']);
  });

  it('--out gives two files of the same name distinct outputs and never overwrites one with the other', async () => {
    await mkdir(join(dir, 'x'));
    await mkdir(join(dir, 'y'));
    await mkdir(join(dir, 'out'));
    const one = await put(dir, 'x/photo.jpg', photo);
    const two = await put(dir, 'y/photo.jpg', buildJpeg({ comment: 'second' }));
    const taken = new Set<string>();
    const r1 = await scrubFile(one, { out: join(dir, 'out'), taken, force: true });
    const r2 = await scrubFile(two, { out: join(dir, 'out'), taken, force: true });
    expect(r1).toMatchObject({ status: 'cleaned', output: join(dir, 'out/photo.cleaned.jpg') });
    expect(r2).toMatchObject({ status: 'cleaned', output: join(dir, 'out/photo.cleaned-2.jpg'), renamed: true });
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['photo.cleaned-2.jpg', 'photo.cleaned.jpg']);
    // The second write did not replace the first: both files are the ones each result names.
    expect((await stat(r1.output as string)).ino).not.toBe((await stat(r2.output as string)).ino);
  });

  it('does not call a copy cleaned when the format is not one it reads completely', async () => {
    const docx = buildDocx({ creator: 'Anna' });
    const r = await scrubFile(await put(dir, 'letter.docx', docx));
    expect(r.status).toBe('cleaned');
    expect(r.unverified).toEqual([]);
  });
});
