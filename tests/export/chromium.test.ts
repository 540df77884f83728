// The handout printed by a real browser: headless Chromium (Debian's package,
// installed by .ci/run) renders the shipped lessons in English and Russian to
// PDF. The page may request nothing at all, no text may overflow the A4 width,
// every step must be on the page, and a 20-minute lesson takes at most four A4
// pages in each language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { articles, browser, closeBrowser, pageSpans, printToPdf, probeLayout } from '../helpers/chromium.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

describe.skipIf(browser.missing)(browser.title('handout in headless Chromium'), () => {
  afterAll(closeBrowser);

  it('prints to PDF without external requests, overflow or missing steps', async () => {
    const ids = (await findLessonFiles([SHIPPED_LESSONS])).map((f) => path.basename(path.dirname(f)));
    const out = tempDir();
    const dataDir = tempDir();
    const code = await run(['export', ...ids, '--lang', 'en+ru', '--out', out], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } });
    expect(code).toBe(0);
    const file = path.join(out, 'lessons.en+ru.html');
    const html = readFileSync(file, 'utf8');

    const pdf = await printToPdf(file);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThan(ids.length * 2);

    // A 20-minute lesson fits on four A4 pages in each language (answers and trainer notes are off by default).
    const list = memoryIO();
    expect(await run(['lessons', '--json'], { io: list, env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } })).toBe(0);
    const twenty = new Set((JSON.parse(list.out()) as { lessons: { id: string; minutes: number }[] }).lessons.filter((l) => l.minutes === 20).map((l) => l.id));
    expect(twenty.size).toBeGreaterThan(0);
    const parts = articles(html);
    expect(parts).toHaveLength(ids.length * 2);
    const pages = pageSpans(pdf, parts.map((a) => a.title));
    const long = parts.map((a, i) => ({ ...a, pages: pages[i]! })).filter((a) => twenty.has(a.lesson) && a.pages > 4);
    expect(long.map((a) => `${a.lesson} (${a.lang}): ${a.pages} pages`)).toEqual([]);

    // The layout at the printable A4 width (210 mm minus the page margins, at 96 dpi).
    const [result] = await probeLayout([file]);
    expect(result!.requests).toEqual([]);
    expect(result!.wide).toEqual([]);
    expect(result!.scroll).toBeLessThanOrEqual(result!.width);
    expect(result!.steps).toBe(html.match(/data-step="/g)!.length);
  }, 120_000);
});
