// Headless Chromium for the print tests (tests/export/*): print an exported
// HTML file to PDF, read the PDF's pages and heading outline, and measure the
// layout of exported files at the printable A4 width in one --dump-dom call.
// Chromium comes from PATH (Debian's package, installed by .ci/run); without it
// the tests are skipped with the reason shown (see programs.ts).
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { tempDir } from './fixtures.js';
import { needProgram } from './programs.js';

export const browser = needProgram('chromium', 'chromium-browser', 'google-chrome');

// Every host name fails to resolve, and nothing runs in the background: a page
// that asked for anything outside its own file would find nothing.
const FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'];
const RUN = { encoding: 'utf8', timeout: 90_000, maxBuffer: 256 * 1024 * 1024 } as const;

/** Runs Chromium with a fresh profile (removed afterwards) and returns what it wrote to stdout. */
export function chromium(args: string[]): string {
  const profile = tempDir('safestep-chromium-');
  try {
    return execFileSync(browser.path!, [...FLAGS, `--user-data-dir=${profile}`, ...args], { ...RUN, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const execFileAsync = promisify(execFile);

async function chromiumAsync(args: string[]): Promise<string> {
  const profile = tempDir('safestep-chromium-');
  try {
    return (await execFileAsync(browser.path!, [...FLAGS, `--user-data-dir=${profile}`, ...args], RUN)).stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface PrintedPdf {
  bytes: Buffer;
  /** Number of pages. */
  pages: number;
  /** The headings (h1-h6) in document order, each with the page it starts on (1-based). */
  outline: { title: string; page: number }[];
}

/** Prints an HTML file to PDF (A4 from its own @page rule, no header or footer). */
export async function printToPdf(htmlFile: string): Promise<PrintedPdf> {
  const pdf = htmlFile.replace(/\.html$/, '') + '.pdf';
  await chromiumAsync([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', '--generate-pdf-document-outline', `file://${htmlFile}`]);
  const bytes = readFileSync(pdf);
  return { bytes, pages: pdfPageCount(bytes), outline: pdfOutline(bytes) };
}

/** Counts the page objects of a PDF. */
export function pdfPageCount(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

// Chromium writes the page tree and the outline as plain (uncompressed)
// objects; that is all this reader understands, and it says so when it finds
// nothing rather than returning an empty outline.
function pdfObjects(text: string): Map<number, string> {
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  return objects;
}

const ref = (body: string | undefined, key: string): number | undefined => {
  const m = body === undefined ? null : new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : undefined;
};

function pdfString(body: string): string {
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(body);
  if (hex) {
    const raw = Buffer.from(hex[1]!.replace(/\s/g, ''), 'hex');
    if (raw[0] === 0xfe && raw[1] === 0xff) return raw.subarray(2).swap16().toString('utf16le');
    return raw.toString('latin1');
  }
  const lit = /\/Title\s*\(((?:\\[\s\S]|[^\\)])*)\)/.exec(body);
  if (!lit) return '';
  return lit[1]!.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c));
}

export function pdfOutline(bytes: Buffer): { title: string; page: number }[] {
  const text = bytes.toString('latin1');
  const objects = pdfObjects(text);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  const pageNumber = new Map<number, number>();
  const walk = (id: number | undefined): void => {
    const body = id === undefined ? undefined : objects.get(id);
    if (id === undefined || body === undefined) throw new Error('pdfOutline: page tree not found (compressed objects?)');
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (/\/Type\s*\/Pages/.test(body) && kids) for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    else pageNumber.set(id, pageNumber.size + 1);
  };
  walk(ref(catalog, 'Pages'));
  const out: { title: string; page: number }[] = [];
  const visit = (id: number | undefined): void => {
    for (let guard = 0; id !== undefined && guard < 10_000; guard++) {
      const body = objects.get(id);
      if (body === undefined) throw new Error(`pdfOutline: outline item ${id} not found`);
      const dest = /\/Dest\s*\[\s*(\d+) 0 R/.exec(body);
      if (dest) out.push({ title: pdfString(body), page: pageNumber.get(Number(dest[1])) ?? 0 });
      visit(ref(body, 'First'));
      id = ref(body, 'Next');
    }
  };
  visit(ref(objects.get(ref(catalog, 'Outlines') ?? -1), 'First'));
  return out;
}

// Reading page counts out of a printed handout or sheet: each lesson (or sheet)
// in each language starts on a new page, so its pages run from its heading to
// the next one's.

export const unescapeHtml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
// Chromium's outline joins a heading's wrapped lines without the space between them.
const same = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** Headings in the file that each start a page, in document order, with where they start in the PDF. */
export function headingPages(pdf: PrintedPdf, headings: readonly string[]): number[] {
  const pages: number[] = [];
  for (const entry of pdf.outline) if (pages.length < headings.length && same(entry.title, headings[pages.length]!)) pages.push(entry.page);
  expect(pages.length, `headings found in the PDF outline: ${pages.length} of ${headings.length}`).toBe(headings.length);
  return pages;
}

/** Pages each of these page-starting headings takes: up to the next one, the last up to the end. */
export const pageSpans = (pdf: PrintedPdf, headings: readonly string[]): number[] => headingPages(pdf, headings).map((p, i, all) => (all[i + 1] ?? pdf.pages + 1) - p);

/** Each lesson article of a handout: its language, lesson id and <h2> title. */
export const articles = (html: string): { lang: string; lesson: string; title: string }[] =>
  [...html.matchAll(/<article lang="([a-z]+)" data-lesson="([^"]+)">\s*<h2>([^<]*)<\/h2>/g)].map((m) => ({ lang: m[1]!, lesson: m[2]!, title: unescapeHtml(m[3]!) }));

export interface Layout {
  /** Elements whose right edge is past the printable width: tag and the start of their text. */
  wide: string[];
  /** Every resource the page asked for, loaded or not. */
  requests: string[];
  scroll: number;
  width: number;
  /** Visible elements with a data-step attribute. */
  steps: number;
  /** The height in CSS pixels of each element with a data-sheet attribute (laid out without page breaks). */
  sheets: number[];
}

/** The printable width of a page in CSS pixels, from its `@page { size: A4; margin: ... }` rule. */
export function printableWidth(html: string): number {
  const [, right, , left] = pageMargins(html);
  return Math.floor(((210 - left - right) * 96) / 25.4);
}

/** The printable height of a page in CSS pixels, from its `@page { size: A4; margin: ... }` rule. */
export function printableHeight(html: string): number {
  const [top, , bottom] = pageMargins(html);
  return Math.floor(((297 - top - bottom) * 96) / 25.4);
}

/** Top, right, bottom and left page margins in mm, as CSS reads one to four values. */
function pageMargins(html: string): [number, number, number, number] {
  const m = /@page\s*\{[^}]*size:\s*A4;[^}]*margin:\s*([\d.]+)mm(?:\s+([\d.]+)mm)?(?:\s+([\d.]+)mm)?(?:\s+([\d.]+)mm)?/.exec(html);
  if (!m) throw new Error('pageMargins: no A4 @page rule with margins in mm');
  const top = Number(m[1]);
  const right = Number(m[2] ?? top);
  const bottom = Number(m[3] ?? top);
  return [top, right, bottom, Number(m[4] ?? right)];
}

/**
 * Lays out each HTML file in a frame as wide as its printable A4 width, with
 * the screen-only styles turned off (so the body is laid out as on paper), and
 * reports what sticks out and what was requested. One Chromium call for all.
 */
export function probeLayout(files: readonly string[]): Layout[] {
  const dir = tempDir();
  const frames = files.map((file, i) => {
    const html = readFileSync(file, 'utf8');
    // The copy has no Content-Security-Policy, so any request the page makes is attempted and seen.
    const copy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/@media screen\b/g, '@media not all')
      // No scroll bar: it would take its width from the page.
      .replace('</head>', '<style>html { scrollbar-width: none; }</style></head>');
    const name = path.join(dir, `frame-${i}.html`);
    writeFileSync(name, copy);
    return `<iframe src="file://${name}" style="display:block;border:0;width:${printableWidth(html)}px;height:1000px"></iframe>`;
  });
  const probe = `<!doctype html><html><body style="margin:0">${frames.join('')}<pre id="probe"></pre><script>
    window.addEventListener('load', () => {
      const out = [...document.querySelectorAll('iframe')].map((frame) => {
        const doc = frame.contentDocument;
        const width = doc.documentElement.clientWidth;
        const wide = [...doc.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.tagName + ':' + el.textContent.slice(0, 40));
        const steps = [...doc.querySelectorAll('[data-step]')].filter((el) => el.getBoundingClientRect().height > 0).length;
        const requests = frame.contentWindow.performance.getEntriesByType('resource').map((e) => e.name);
        const sheets = [...doc.querySelectorAll('[data-sheet]')].map((el) => el.getBoundingClientRect().height);
        return { wide, requests, steps, sheets, scroll: doc.documentElement.scrollWidth, width };
      });
      document.getElementById('probe').textContent = JSON.stringify(out);
    });
  </script></body></html>`;
  const probeFile = path.join(dir, 'probe.html');
  writeFileSync(probeFile, probe);
  const dom = chromium(['--allow-file-access-from-files', '--window-size=1200,1000', '--virtual-time-budget=5000', '--dump-dom', `file://${probeFile}`]);
  const found = /<pre id="probe">([^<]*)<\/pre>/.exec(dom)?.[1];
  if (!found) throw new Error('probeLayout: the probe did not run');
  const result = JSON.parse(found.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Layout[];
  if (result.length !== files.length) throw new Error(`probeLayout: ${result.length} results for ${files.length} files`);
  return result;
}
