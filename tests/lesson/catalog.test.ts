import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { translator } from '../../src/i18n/index.js';
import { closestIds, loadCatalog } from '../../src/lesson/catalog.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';

describe('lesson catalog cache', () => {
  it('re-reads a changed translation, forgets deleted lessons and survives a corrupt cache', async () => {
    const lessons = tempDir();
    const dataDir = tempDir();
    const t = translator('en');
    const file = writeLesson(lessons, sampleLesson(), sampleTranslation());
    writeLesson(lessons, sampleLesson('other-lesson'), sampleTranslation('other-lesson'), 'financial');
    const first = await loadCatalog([lessons], dataDir, t, { cacheDirs: [lessons] });
    expect(first.lessons.map((l) => [l.id, l.title.ru])).toEqual([
      ['sample-lesson', 'Пробный урок'],
      ['other-lesson', 'Пробный урок'],
    ]);

    const ru = path.join(path.dirname(file), 'lesson.ru.yaml');
    writeFileSync(ru, stringify({ ...sampleTranslation(), title: 'Новое название' }));
    utimesSync(ru, new Date(), new Date(Date.now() + 5000));
    rmSync(path.join(lessons, 'financial'), { recursive: true });
    const second = await loadCatalog([lessons], dataDir, t, { cacheDirs: [lessons] });
    expect(second.lessons.map((l) => [l.id, l.title.ru])).toEqual([['sample-lesson', 'Новое название']]);

    const cacheFile = path.join(dataDir, 'cache', 'lesson-index.json');
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries).toHaveProperty([file]);
    writeFileSync(cacheFile, '{not json');
    expect((await loadCatalog([lessons], dataDir, t, { cacheDirs: [lessons] })).lessons.map((l) => l.id)).toEqual(['sample-lesson']);
  });

  it('keeps an installed pack’s index inside the pack, never in the data folder’s index, and reads other folders afresh', async () => {
    const dataDir = tempDir();
    const t = translator('en');
    const packLessons = path.join(dataDir, 'packs', 'tbilisi-workshop', 'lessons');
    const packFile = writeLesson(packLessons, sampleLesson('pack-lesson'), sampleTranslation('pack-lesson'));
    const usb = tempDir();
    writeLesson(usb, sampleLesson('usb-lesson'));
    const shipped = tempDir();
    writeLesson(shipped, sampleLesson('shipped-lesson'));
    const dirs = [shipped, packLessons, usb];
    const first = await loadCatalog(dirs, dataDir, t, { cacheDirs: [shipped] });
    expect(first.lessons.map((l) => l.id)).toEqual(['shipped-lesson', 'pack-lesson', 'usb-lesson']);

    const main = readFileSync(path.join(dataDir, 'cache', 'lesson-index.json'), 'utf8');
    expect(main).toContain('shipped-lesson');
    expect(main).not.toContain('pack-lesson');
    expect(main).not.toContain('usb-lesson');
    const packIndex = path.join(dataDir, 'packs', 'tbilisi-workshop', 'lesson-index.json');
    expect(JSON.parse(readFileSync(packIndex, 'utf8')).entries).toHaveProperty([packFile]);
    expect(readFileSync(packIndex, 'utf8')).not.toContain('usb-lesson');

    // The pack's index answers the next listing; a changed pack lesson is read again.
    writeFileSync(packIndex, readFileSync(packIndex, 'utf8').replace('"Sample lesson"', '"From the index"'));
    expect((await loadCatalog(dirs, dataDir, t, { cacheDirs: [shipped] })).lessons.find((l) => l.id === 'pack-lesson')!.title.en).toBe('From the index');
    utimesSync(packFile, new Date(), new Date(Date.now() + 5000));
    expect((await loadCatalog(dirs, dataDir, t, { cacheDirs: [shipped] })).lessons.find((l) => l.id === 'pack-lesson')!.title.en).not.toBe('From the index');
  });

  it('lists a broken lesson apart instead of failing', async () => {
    const lessons = tempDir();
    writeLesson(lessons, 'id: broken\nsteps: [\n', undefined, 'identity', 'broken');
    const result = await loadCatalog([lessons], tempDir(), translator('en'));
    expect(result.lessons).toEqual([]);
    expect(result.broken).toHaveLength(1);
  });

  it('suggests ids for typos, prefixes and single words', () => {
    const ids = ['telegram-account-lock', 'gosuslugi-code-scams', 'money-mule-requests'];
    expect(closestIds('telgram', ids)).toEqual(['telegram-account-lock']);
    expect(closestIds('gosuslugi', ids)).toEqual(['gosuslugi-code-scams']);
    expect(closestIds('mule', ids)).toEqual(['money-mule-requests']);
    expect(closestIds('xyzzy-plugh-frobnicate', ids)).toEqual([]);
  });
});
