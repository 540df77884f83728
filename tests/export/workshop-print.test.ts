// Every shipped workshop plan exported in English and Russian (en+ru) and put
// through a real browser (headless Chromium, see tests/helpers/chromium.ts).
//
// - Layout, one tab per file in this test file's one Chromium: the handout,
//   the trainer's plan, the take-home page (also with --country GE and KZ) and
//   the feedback form, each laid out with its print styles at its printable A4
//   width. Nothing may
//   stick out or request anything, and each language's take-home page and
//   feedback form must be no taller than the printable A4 height.
// - Print to PDF: every plan's take-home page, the feedback form with the most
//   questions, and the fewest handouts that hold all the plans' 20-minute
//   lessons.
//
// With --lang en+ru a sheet file holds both languages, one <section
// class="sheet"> per language, each starting on a new page. The PDF's heading
// outline says on which page each language begins, so "one page per language"
// means: the PDF has exactly as many pages as languages, and language n's
// heading is on page n. The handout puts each lesson in each language on new
// pages the same way, so a lesson's pages in one language run from its heading
// to the next lesson's heading; a 20-minute lesson may take at most four.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { articles, browser, closeBrowser, headingPages, pageSpans, printableHeight, printToPdf, probeLayout, unescapeHtml, type PrintedPdf } from '../helpers/chromium.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const LANGS = ['en', 'ru'] as const;
/** With --country the take-home page puts an organisation working in that country first (see takeHomeContacts). */
const COUNTRIES = ['GE', 'KZ'];
const dataDir = tempDir();
const opts = (io = memoryIO()) => ({ io, env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } });

interface Exported {
  id: string;
  lessons: string[];
  files: { handout: string; plan: string; takeHome: string; feedback: string };
}

/** The <h1> of each sheet, in order. */
const sheetHeadings = (html: string): string[] => [...html.matchAll(/<section class="sheet"[^>]*>\s*<h1>([^<]*)<\/h1>/g)].map((m) => unescapeHtml(m[1]!));

/** Prints at most two files at a time (the machine running the tests may be small). */
async function printAll(files: readonly string[]): Promise<Map<string, PrintedPdf>> {
  const out = new Map<string, PrintedPdf>();
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) out.set(f, await printToPdf(f));
  };
  await Promise.all([worker(), worker()]);
  return out;
}

describe.skipIf(browser.missing)(browser.title('workshop sheets in headless Chromium'), () => {
  const plans: Exported[] = [];
  /** Take-home pages exported with --country, checked by layout only. */
  const local: string[] = [];
  let twenty: string[] = [];

  afterAll(closeBrowser);

  beforeAll(async () => {
    const list = memoryIO();
    expect(await run(['workshop', 'list', '--json'], opts(list))).toBe(0);
    const lessons = memoryIO();
    expect(await run(['lessons', '--json'], opts(lessons))).toBe(0);
    twenty = (JSON.parse(lessons.out()) as { lessons: { id: string; minutes: number }[] }).lessons.filter((l) => l.minutes === 20).map((l) => l.id);
    for (const plan of (JSON.parse(list.out()) as { plans: { id: string; lessons: string[] }[] }).plans) {
      const out = tempDir();
      expect(await run(['export', '--plan', plan.id, '--lang', 'en+ru', '--out', out], opts())).toBe(0);
      const file = (name: string): string => path.join(out, `${plan.id}.${name}en+ru.html`);
      plans.push({ id: plan.id, lessons: plan.lessons, files: { handout: file(''), plan: file('plan.'), takeHome: file('take-home.'), feedback: file('feedback.') } });
      for (const country of COUNTRIES) {
        const dir = tempDir();
        expect(await run(['export', '--plan', plan.id, '--lang', 'en+ru', '--country', country, '--out', dir], opts())).toBe(0);
        local.push(path.join(dir, `${plan.id}.take-home.en+ru.html`));
      }
    }
  }, 60_000);

  it('exports six plans, four sheets each', () => {
    expect(plans).toHaveLength(6);
    for (const p of plans) for (const f of Object.values(p.files)) expect(readFileSync(f, 'utf8')).toContain('@page { size: A4');
  });

  it('lays out every sheet within the printable A4 width, asking for nothing; a one-page sheet is no taller than the page', async () => {
    // One layout probe for every file; only the files whose page count matters are printed below.
    const onePage = (file: string): boolean => /\.(take-home|feedback)\./.test(file);
    const files = [...plans.flatMap((p) => Object.values(p.files)), ...local];
    const layouts = await probeLayout(files);
    layouts.forEach((layout, i) => {
      const file = files[i]!;
      const html = readFileSync(file, 'utf8');
      const tall = onePage(file) ? layout.sheets.filter((h) => h > printableHeight(html)) : [];
      expect({ file: path.basename(file), wide: layout.wide, requests: layout.requests, tall }).toEqual({ file: path.basename(file), wide: [], requests: [], tall: [] });
      expect(layout.scroll, file).toBeLessThanOrEqual(layout.width);
      expect(layout.steps, file).toBe(html.match(/data-step="/g)?.length ?? 0);
      if (onePage(file) || /\.plan\./.test(file)) expect(layout.sheets, file).toHaveLength(LANGS.length);
    });
  }, 60_000);

  it('prints the take-home page, and the longest feedback form, on one A4 page per language', async () => {
    // The layout test above checks every feedback form; printing the one with the most questions shows it and the paper agree.
    const rows = (file: string): number => readFileSync(file, 'utf8').split('<tr>').length;
    const longestForm = plans.map((p) => p.files.feedback).sort((a, b) => rows(b) - rows(a))[0]!;
    const files = [...plans.map((p) => p.files.takeHome), longestForm];
    const printed = await printAll(files);
    for (const file of files) {
      const pdf = printed.get(file)!;
      const headings = sheetHeadings(readFileSync(file, 'utf8'));
      expect(headings, file).toHaveLength(LANGS.length);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect({ file: path.basename(file), pages: pdf.pages, starts: headingPages(pdf, headings) }).toEqual({ file: path.basename(file), pages: LANGS.length, starts: [1, 2] });
    }
  }, 180_000);

  it('prints a 20-minute lesson on at most four A4 pages per language', async () => {
    // The fewest plan handouts that hold every 20-minute lesson the plans use.
    const wanted = new Set(plans.flatMap((p) => p.lessons).filter((id) => twenty.includes(id)));
    expect(wanted.size).toBeGreaterThan(0);
    const chosen: Exported[] = [];
    const left = new Set(wanted);
    while (left.size) {
      const best = [...plans].sort((a, b) => b.lessons.filter((l) => left.has(l)).length - a.lessons.filter((l) => left.has(l)).length)[0]!;
      chosen.push(best);
      for (const l of best.lessons) left.delete(l);
    }
    const printed = await printAll(chosen.map((p) => p.files.handout));
    const measured = new Map<string, number>();
    for (const p of chosen) {
      const pdf = printed.get(p.files.handout)!;
      const list = articles(readFileSync(p.files.handout, 'utf8'));
      expect(list).toHaveLength(p.lessons.length * LANGS.length);
      const pages = pageSpans(pdf, list.map((a) => a.title));
      list.forEach((a, i) => {
        if (wanted.has(a.lesson)) measured.set(`${a.lesson} ${a.lang}`, Math.max(pages[i]!, measured.get(`${a.lesson} ${a.lang}`) ?? 0));
      });
    }
    expect([...measured].filter(([, n]) => n > 4)).toEqual([]);
    expect(measured.size).toBe(wanted.size * LANGS.length);
  }, 180_000);
});
