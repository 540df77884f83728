// Where an output cannot go, the person gets one clear line and exit 2, at
// once: /proc (Node's recursive mkdir loops there forever), a path through a
// file, a folder that does not take new folders, a journal export into a
// folder that does not exist.
import type { PassThrough } from 'node:stream';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { ensureDir } from '../../src/fsutil/dirs.js';
import { sampleLesson, tempDir, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

async function cli(args: string[], lang: 'en' | 'ru' = 'en', stdin = ''): Promise<{ code: number; err: string }> {
  const lessons = tempDir();
  writeLesson(lessons, sampleLesson());
  const io = memoryIO();
  (io.stdin as PassThrough).end(stdin);
  let err = '';
  const dataDir = tempDir();
  const code = await run(args, { io, lang, env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] }, writeErr: (s) => void (err += s) });
  return { code, err: err + io.err() };
}

const linux = process.platform === 'linux';

describe('outputs that cannot be written', () => {
  it.skipIf(!linux)('export --out /proc/nope: one line, exit 2 (no endless loop)', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const r = await cli(['export', 'sample-lesson', '--out', '/proc/nope'], lang);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(lang === 'en' ? 'cannot create the folder /proc/nope' : 'не удаётся создать папку /proc/nope');
    }
  });

  it.skipIf(!linux)('a folder that takes no new folders (/sys, or read-only for this user)', async () => {
    const r = await cli(['export', 'sample-lesson', '--out', '/sys/nope/deeper']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot create the folder /sys/nope');
    if (process.getuid?.() !== 0) {
      const locked = tempDir();
      chmodSync(locked, 0o500);
      const again = await cli(['export', 'sample-lesson', '--out', path.join(locked, 'out')]);
      expect(again.code).toBe(2);
      expect(again.err).toContain('cannot create the folder');
    }
  });

  it('a path through a file, and a missing parent that can be made', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const r = await cli(['export', 'sample-lesson', '--out', path.join(file, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('part of this path is not a folder');
    const deep = path.join(tempDir(), 'a', 'b', 'c');
    expect((await cli(['export', 'sample-lesson', '--out', deep])).code).toBe(0);
    expect(existsSync(path.join(deep, 'sample-lesson.en.html'))).toBe(true);
  });

  it('journal export into a folder that does not exist: one clear sentence, nothing written, no passphrase asked', async () => {
    const out = path.join(tempDir(), 'missing', 'report.md');
    const r = await cli(['journal', 'export', '--out', out, '--passphrase-stdin'], 'en', 'whatever passphrase\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The folder ${path.dirname(out)} does not exist; nothing was written.`);
    expect(r.err).not.toContain('ENOENT');
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it('ensureDir makes each missing level 0700 and leaves existing folders as they are', async () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    await ensureDir(path.join(base, 'x', 'y'));
    const { statSync } = await import('node:fs');
    expect(statSync(base).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(base, 'x')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(base, 'x', 'y')).mode & 0o777).toBe(0o700);
    mkdirSync(path.join(base, 'z'));
    await ensureDir(path.join(base, 'z'));
  });
});
