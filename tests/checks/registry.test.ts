// Every check file is registered, named by its id, bilingual, explains what it
// reads on each platform it supports, points only at lessons that ship, and
// has a test file that uses the CheckTester (the ESLint rule-module discipline).
// Message tables are checked by tests/i18n/catalogues.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
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

  it.each(files)('%s: id equals file name, texts in English and Russian, lessons exist, explained per platform', async (id) => {
    const { meta } = (await checkLoaders[id]!()).default;
    expect(meta.id).toBe(id);
    expect(meta.messages.name).toBe(`check.${id}`);
    const shipped = new Set((await findLessonFiles([SHIPPED_LESSONS])).map((f) => path.basename(path.dirname(f))));
    const explained = meta.platforms.map((p) => meta.explain[p]);
    const texts = [meta.title, meta.failureTitle, meta.subject, meta.description, meta.explain.all, ...explained.flatMap((e) => [e?.reads, e?.withoutAdmin])];
    for (const text of texts.filter((t) => t !== undefined)) {
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.ru).toMatch(/[а-яё]/i);
    }
    // Every platform the check runs on says what it reads there, or the check says it once for all.
    for (const [i, platform] of meta.platforms.entries()) expect(explained[i] ?? meta.explain.all, `${id} on ${platform}`).toBeDefined();
    for (const lesson of meta.lessons) expect(shipped.has(lesson), `${id} -> ${lesson}`).toBe(true);
    expect(meta.options.type).toBe('object');
  });

  it.each(files)('%s: every command it may run is listed in docs/checks.md', async (id) => {
    const { meta } = (await checkLoaders[id]!()).default;
    const docs = readFileSync(path.join(PACKAGE_ROOT, 'docs', 'checks.md'), 'utf8');
    for (const platform of meta.platforms) for (const command of meta.explain[platform]?.commands ?? []) expect(docs, command).toContain(`\`${command}\``);
  });

  it.each(files)('%s: has a test file that uses the CheckTester', (id) => {
    const test = path.join(PACKAGE_ROOT, 'tests', 'checks', `${id}.test.ts`);
    expect(readFileSync(test, 'utf8')).toMatch(/new CheckTester\(/);
  });
});
