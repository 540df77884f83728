// Ids from lessons, packs and progress files are data: a name every object
// already has (constructor, toString, __proto__) must neither crash a listing
// nor reach Object.prototype, and the validators refuse such ids.
import type { PassThrough } from 'node:stream';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { translator } from '../../src/i18n/index.js';
import { validateLessonFile } from '../../src/lesson/validate.js';
import { isPackId, isSafeEntryPath } from '../../src/packs/manifest.js';
import { emptyProgress, markStep, mergeProgress, parseProgress } from '../../src/progress/store.js';
import { isReservedId } from '../../src/text/ids.js';
import { sampleLesson, tempDir, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

async function cli(args: string[], lessonDirs: string[], dataDir = tempDir()): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO();
  let err = '';
  const code = await run(args, { io, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs }, writeErr: (s) => void (err += s) });
  return { code, out: io.out(), err: io.err() + err };
}

const options = { t: translator('en'), today: new Date('2026-11-27T00:00:00Z'), checks: new Map([['telegram-desktop-session', { type: 'object' as const, properties: {}, additionalProperties: false as const }]]) };

describe('reserved names', () => {
  it.each(['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'])('%s is reserved', (id) => {
    expect(isReservedId(id)).toBe(true);
  });

  it('ordinary ids are not', () => {
    expect(isReservedId('telegram-account-lock')).toBe(false);
    expect(isReservedId('constructors')).toBe(false);
  });
});

describe('a lesson with the id "constructor"', () => {
  it('is refused by the validator, for the lesson and for its steps', async () => {
    const root = tempDir();
    const lesson = sampleLesson('constructor');
    (lesson.steps as { id: string }[])[0]!.id = 'constructor';
    const file = writeLesson(root, { ...lesson, steps: (lesson.steps as object[]).map((s) => ({ ...s, next: undefined })) }, undefined, 'communications', 'constructor');
    const report = await validateLessonFile(file, options);
    const reserved = report.problems.filter((p) => p.code === 'reserved-id');
    expect(reserved.length).toBeGreaterThanOrEqual(2);
    expect(reserved[0]!.message).toContain('constructor');
  });

  it('does not break safestep lessons (text and --json) when it is found in a lesson folder', async () => {
    const root = tempDir();
    writeLesson(root, sampleLesson('constructor'), undefined, 'communications', 'constructor');
    writeLesson(root, sampleLesson('ordinary-lesson'));
    const dataDir = tempDir();
    for (const args of [['lessons'], ['lessons', '--json'], ['progress']]) {
      const r = await cli(args, [root], dataDir);
      expect(r.err).not.toContain('something went wrong');
      expect(r.code, args.join(' ')).toBe(0);
    }
    expect((await cli(['lessons', '--json'], [root], dataDir)).out).toContain('"id": "ordinary-lesson"');
  });
});

describe('progress import of {"constructor":{}}', () => {
  it('is refused with one line and exit 2, and Object.prototype stays untouched', async () => {
    for (const lessons of [{ constructor: { steps: {} } }, { constructor: {} }, { toString: { steps: {} } }]) {
      const file = path.join(tempDir(), 'p.json');
      writeFileSync(file, JSON.stringify({ format: 1, lessons }));
      const r = await cli(['progress', 'import', file], []);
      expect(r.code).toBe(2);
      expect(r.err).not.toContain('something went wrong');
    }
    // __proto__ as a JSON key is an own property after JSON.parse: it must be refused too.
    const file = path.join(tempDir(), 'p.json');
    writeFileSync(file, '{"format":1,"lessons":{"__proto__":{"steps":{}}}}');
    expect((await cli(['progress', 'import', file], [])).code).toBe(2);
    expect((Object as unknown as { version?: unknown }).version).toBeUndefined();
    expect(({} as { steps?: unknown }).steps).toBeUndefined();
  });

  it('progress records are objects without a prototype, so a lookup finds only what was stored', () => {
    const data = emptyProgress();
    expect(data.lessons['constructor']).toBeUndefined();
    markStep(data, 'a-lesson', 1, 'intro', { done: true }, new Date('2026-11-27T10:00:00Z'));
    expect(data.lessons['a-lesson']!.steps['constructor']).toBeUndefined();
    const parsed = parseProgress(JSON.stringify({ format: 1, lessons: { 'a-lesson': { version: 1, steps: { intro: { done: true, v: 1 } }, updated: '' } } }));
    expect(parsed.lessons['toString']).toBeUndefined();
    expect(mergeProgress(emptyProgress(), parsed).lessons).toBe(1);
    expect(JSON.parse(JSON.stringify(parsed)).lessons['a-lesson'].steps.intro.done).toBe(true);
  });
});

describe('pack manifests', () => {
  it('refuse reserved names as the pack id or a folder', () => {
    expect(isPackId('constructor')).toBe(false);
    expect(isPackId('my-pack')).toBe(true);
    expect(isSafeEntryPath('communications/constructor/lesson.yaml')).toBe(false);
    expect(isSafeEntryPath('communications/my-lesson/lesson.yaml')).toBe(true);
  });
});

describe('start --answers', () => {
  it('takes no question id from the prototype', async () => {
    const io = memoryIO();
    (io.stdin as PassThrough).end('{"constructor":"x"}');
    let err = '';
    const dataDir = tempDir();
    const code = await run(['start', '--answers', '-'], { io, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('there is no question "constructor"');
  });
});
