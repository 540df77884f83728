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
