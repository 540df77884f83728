import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/fsutil/atomic.js';
import { emptyProgress, markStep, mergeProgress, parseProgress, ProgressStore } from '../../src/progress/store.js';
import { tempDir } from '../helpers/fixtures.js';

describe('progress store', () => {
  it('starts empty and round-trips what it saves', async () => {
    const store = new ProgressStore(tempDir());
    const { data, movedAside } = await store.load();
    expect(movedAside).toBeUndefined();
    expect(data.lessons).toEqual({});
    markStep(data, 'a-lesson', 3, 'intro', { done: true }, new Date('2026-01-01T00:00:00Z'));
    markStep(data, 'a-lesson', 3, 'quiz', { done: true, correct: false });
    await store.save(data);
    const again = (await store.load()).data;
    expect(again.current).toBe('a-lesson');
    expect(again.lessons['a-lesson']!.steps).toEqual({ intro: { done: true, v: 3 }, quiz: { done: true, correct: false, v: 3 } });
  });

  it('moves a corrupt file aside with its content intact and starts afresh', async () => {
    const dir = tempDir();
    const store = new ProgressStore(dir);
    writeFileSync(store.file, '{"format":1,"lessons":{"x":');
    const { data, movedAside } = await store.load(new Date('2026-11-27T10:00:00Z'));
    expect(data).toEqual(emptyProgress());
    expect(movedAside).toBe(`${store.file}.corrupt-2026-11-27T10-00-00-000Z`);
    expect(readFileSync(movedAside!, 'utf8')).toBe('{"format":1,"lessons":{"x":');
    expect(existsSync(store.file)).toBe(false);
  });

  it('rejects files of another shape, including hostile ids', () => {
    expect(() => parseProgress('[]')).toThrow();
    expect(() => parseProgress('{"format":3,"lessons":{}}')).toThrow();
    expect(() => parseProgress('{"format":1,"lessons":{"../../etc":{"steps":{}}}}')).toThrow();
    const cleaned = parseProgress('{"format":1,"lessons":{"ok":{"version":1,"updated":"","steps":{"s":{"done":true,"v":1,"note":"free text","ticked":["a","B!"]}}}}}');
    expect(cleaned.lessons.ok!.steps.s).toEqual({ done: true, v: 1, ticked: ['a'] });
  });

  it('reads format 1 files and keeps the language of each lesson from format 2 on', async () => {
    const store = new ProgressStore(tempDir());
    writeFileSync(store.file, '{"format":1,"current":"a","lessons":{"a":{"version":1,"updated":"","steps":{"s":{"done":true,"v":1}}}}}');
    const { data } = await store.load();
    expect(data.lessons.a).toEqual({ version: 1, updated: '', steps: { s: { done: true, v: 1 } } });
    data.lessons.a!.lang = 'ru';
    await store.save(data);
    const saved = JSON.parse(readFileSync(store.file, 'utf8')) as { format: number; lessons: { a: { lang: string } } };
    expect(saved.format).toBe(2);
    expect(saved.lessons.a.lang).toBe('ru');
    expect((await store.load()).data.lessons.a!.lang).toBe('ru');
    expect(parseProgress('{"format":2,"lessons":{"b":{"version":1,"updated":"","lang":"de","steps":{}}}}').lessons.b!.lang).toBeUndefined();
  });

  it('leaves the old file whole when a write is interrupted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.json');
    writeFileSync(file, 'old content');
    // A value whose serialisation fails half-way stands in for a crash mid-write.
    const failing = { [Symbol.iterator]: undefined } as unknown as Uint8Array;
    await expect(writeFileAtomic(file, failing)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('merges imported progress: a step done anywhere stays done', () => {
    const mine = emptyProgress();
    markStep(mine, 'l', 1, 'a', { done: true });
    markStep(mine, 'l', 1, 'b', { done: false, correct: false });
    const theirs = emptyProgress();
    markStep(theirs, 'l', 1, 'b', { done: true, correct: true });
    markStep(theirs, 'other', 2, 'x', { done: true });
    expect(mergeProgress(mine, theirs)).toEqual({ lessons: 2 });
    expect(mine.lessons.l!.steps).toMatchObject({ a: { done: true }, b: { done: true, correct: true } });
    expect(mine.lessons.other!.steps.x).toMatchObject({ done: true, v: 2 });
  });
});
