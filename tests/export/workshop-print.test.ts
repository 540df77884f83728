// Every shipped workshop plan exported in English and Russian and printed by a
// real browser (headless Chromium, see tests/helpers/chromium.ts). No sheet may
// stick out past the printable A4 width or request anything; the take-home
// summary and the feedback form are one A4 page per language; a 20-minute
// lesson's handout is at most four A4 pages per language.
//
// With --lang en+ru each sheet file holds both languages, one <section
// class="sheet"> per language, each starting on a new page. The PDF's heading
// outline says on which page each language begins, so "one page per language"
// means: the PDF has exactly as many pages as languages, and language n's
// heading is on page n. The handout puts each lesson in each language on new
// pages the same way, so a lesson's pages in one language run from its heading
// to the next lesson's heading.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { articles, browser, headingPages, pageSpans, printToPdf, probeLayout, unescapeHtml, type PrintedPdf } from '../helpers/chromium.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const LANGS = ['en', 'ru'] as const;
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
  let twenty: string[] = [];

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
    }
  }, 60_000);

  it('exports six plans, four sheets each', () => {
    expect(plans).toHaveLength(6);
    for (const p of plans) for (const f of Object.values(p.files)) expect(readFileSync(f, 'utf8')).toContain('@page { size: A4');
  });

  it('lays out every sheet within the printable A4 width, asking for nothing', () => {
    const files = plans.flatMap((p) => Object.values(p.files));
    const layouts = probeLayout(files);
    layouts.forEach((layout, i) => {
      const html = readFileSync(files[i]!, 'utf8');
      expect({ file: path.basename(files[i]!), wide: layout.wide, requests: layout.requests }).toEqual({ file: path.basename(files[i]!), wide: [], requests: [] });
      expect(layout.scroll, files[i]).toBeLessThanOrEqual(layout.width);
      expect(layout.steps, files[i]).toBe(html.match(/data-step="/g)?.length ?? 0);
    });
  }, 60_000);

  it('prints the take-home page and the feedback form on one A4 page per language', async () => {
    const files = plans.flatMap((p) => [p.files.takeHome, p.files.feedback]);
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
