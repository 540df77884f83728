// Every check file is registered, named by its id, bilingual, and points only
// at lessons that ship (the ESLint rule-module discipline).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIds, checkLoaders } from '../../checks/index.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { PACKAGE_ROOT, SHIPPED_LESSONS } from '../../src/paths.js';

const files = readdirSync(path.join(PACKAGE_ROOT, 'checks'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('check registry', () => {
  it('lists every file in checks/, sorted', () => {
    expect([...checkIds].sort()).toEqual([...files].sort());
    expect(Object.keys(checkLoaders)).toEqual([...checkIds]);
  });

  it.each(files)('%s: id equals file name, texts in English and Russian, lessons exist', async (id) => {
    const { meta } = (await checkLoaders[id]!()).default;
    expect(meta.id).toBe(id);
    const shipped = new Set((await findLessonFiles([SHIPPED_LESSONS])).map((f) => path.basename(path.dirname(f))));
    for (const text of [meta.title, meta.failureTitle, meta.description, ...meta.reads, ...Object.values(meta.messages)]) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.ru).toMatch(/[а-яё]/i);
    }
    for (const lesson of meta.lessons) expect(shipped.has(lesson), `${id} -> ${lesson}`).toBe(true);
    expect(meta.options.type).toBe('object');
  });
});
