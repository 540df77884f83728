// Headless Chromium for the print tests (tests/export/*): print an exported
// HTML file to PDF, read the PDF's pages and heading outline, and measure the
// layout of exported files at the printable A4 width.
// Chromium comes from PATH (Debian's package, installed by .ci/run); without it
// the tests are skipped with the reason shown (see programs.ts).
//
// One Chromium process serves a whole test file: it is started on first use
// and driven over the DevTools protocol through a pipe (--remote-debugging-pipe:
// the browser reads commands from fd 3 and writes replies and events to fd 4,
// each a JSON text ending in a NUL byte), so no npm package is needed. Each
// print opens its own tab (a layout probe two) and closes it afterwards. A
// test file calls `afterAll(closeBrowser)`; the browser is also killed if the
// process exits.
// Every call has a time limit, and a protocol error, a time-out or a browser
// that dies fails the test with the method and Chromium's own words.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { tempDir } from './fixtures.js';
import { needProgram } from './programs.js';

export const browser = needProgram('chromium', 'chromium-browser', 'google-chrome');

// Every host name fails to resolve, and nothing runs in the background: a page
// that asked for anything outside its own file would find nothing.
const FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', '--remote-debugging-pipe'];
/** How long one protocol call (or the page load it waits for) may take. */
const CALL_TIMEOUT = 60_000;

type Params = Record<string, unknown>;
interface Message {
  id?: number;
  method?: string;
  params?: Params;
  result?: Params;
  error?: { code: number; message: string; data?: string };
  sessionId?: string;
}
interface Pending {
  method: string;
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** A Chromium process and its DevTools pipe. */
class Browser {
  private readonly child: ChildProcess;
  private readonly profile = tempDir('safestep-chromium-');
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(message: Message) => void>();
  private nextId = 1;
  private partial: Buffer[] = [];
  private readonly deathListeners = new Set<(error: Error) => void>();
  private stderr = '';
  private dead: Error | undefined;

  constructor(program: string) {
    this.child = spawn(program, [...FLAGS, `--user-data-dir=${this.profile}`, 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] });
    this.child.stdout!.resume();
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    (this.child.stdio[4] as Readable).on('data', (chunk: Buffer) => this.receive(chunk));
    // A write to a browser that has gone is reported by 'exit' below.
    (this.child.stdio[3] as Writable).on('error', () => undefined);
    this.child.on('error', (error) => this.fail(new Error(`Chromium (${program}) did not start: ${error.message}`)));
    this.child.on('exit', (code, signal) => this.fail(new Error(`Chromium exited (${signal ?? `code ${code}`})${this.stderrTail()}`)));
  }

  private stderrTail(): string {
    // Chromium always complains that there is no D-Bus here; that is not the reason it stopped.
    const tail = this.stderr.split('\n').filter((line) => line.trim() && !/:dbus\//.test(line)).slice(-3).join('\n');
    return tail ? `; its last words: ${tail}` : '';
  }

  private receive(chunk: Buffer): void {
    // A reply (a printed PDF) may span many chunks: keep them until its NUL arrives.
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0)) {
      const text = Buffer.concat([...this.partial, chunk.subarray(0, end)]).toString('utf8');
      this.partial = [];
      chunk = chunk.subarray(end + 1);
      this.deliver(text);
    }
    if (chunk.length) this.partial.push(chunk);
  }

  private deliver(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      this.fail(new Error(`Chromium sent something that is not JSON: ${text.slice(0, 200)}`));
      return;
    }
    if (message.id === undefined) {
      for (const listen of [...this.listeners]) listen(message);
      return;
    }
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new Error(`Chromium: ${call.method} failed: ${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`));
    else call.resolve(message.result ?? {});
  }

  /** Rejects every call and wait still pending, and every later one. */
  private fail(error: Error): void {
    this.dead ??= error;
    for (const [id, call] of this.pending) {
      this.pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new Error(`${call.method}: ${error.message}`));
    }
    for (const die of [...this.deathListeners]) die(error);
  }

  /** Sends one command (to a tab when sessionId is given) and waits for its reply. */
  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    if (this.dead) return Promise.reject(new Error(`${method}: ${this.dead.message}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Chromium: no reply to ${method} in ${CALL_TIMEOUT / 1000} s`));
      }, CALL_TIMEOUT);
      this.pending.set(id, { method, resolve, reject, timer });
      (this.child.stdio[3] as Writable).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  /** Calls `listen` with every event from one tab until the returned function is called. */
  on(sessionId: string, listen: (method: string, params: Params) => void): () => void {
    const listener = (message: Message): void => {
      if (message.sessionId === sessionId && message.method) listen(message.method, message.params ?? {});
    };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Waits for one event from a tab: start waiting before the command that
   * causes it, and cancel the wait if that command fails.
   */
  waitFor(sessionId: string, event: string): { done: Promise<Params>; cancel: () => void } {
    let cancel = (): void => undefined;
    const done = new Promise<Params>((resolve, reject) => {
      if (this.dead) return reject(new Error(`${event}: ${this.dead.message}`));
      const timer = setTimeout(() => {
        cancel();
        reject(new Error(`Chromium: no ${event} in ${CALL_TIMEOUT / 1000} s`));
      }, CALL_TIMEOUT);
      const off = this.on(sessionId, (method, params) => {
        if (method !== event) return;
        cancel();
        resolve(params);
      });
      const die = (error: Error): void => {
        cancel();
        reject(new Error(`${event}: ${error.message}`));
      };
      this.deathListeners.add(die);
      cancel = () => {
        clearTimeout(timer);
        off();
        this.deathListeners.delete(die);
      };
    });
    return { done, cancel };
  }

  /** Opens a blank tab, runs `use` with its session, and closes the tab. */
  async withTab<T>(use: (tab: Tab) => Promise<T>): Promise<T> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    try {
      const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      return await use({
        send: (method, params) => this.send(method, params, sessionId),
        on: (listen) => this.on(sessionId, listen),
        waitFor: (event) => this.waitFor(sessionId, event),
      });
    } finally {
      if (!this.dead) await this.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  }

  /** Asks the browser to close, kills it if it has not within 5 s, and removes its profile. */
  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      void this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.fail(new Error('Chromium was closed'));
    rmSync(this.profile, { recursive: true, force: true });
  }

  /** For process exit: kill at once, without waiting. */
  killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    rmSync(this.profile, { recursive: true, force: true });
  }
}

interface Tab {
  send(method: string, params?: Params): Promise<Params>;
  on(listen: (method: string, params: Params) => void): () => void;
  waitFor(event: string): { done: Promise<Params>; cancel: () => void };
}

let running: Browser | undefined;
process.on('exit', () => running?.killNow());

/** The Chromium this test file uses, started on first use. */
function current(): Browser {
  if (!browser.path) throw new Error('Chromium is not on PATH');
  running ??= new Browser(browser.path);
  return running;
}

/** Closes this test file's Chromium (for afterAll); the next print or probe starts a new one. */
export async function closeBrowser(): Promise<void> {
  const b = running;
  running = undefined;
  await b?.close();
}

/** Loads a file in the tab and waits for its load event. */
async function load(tab: Tab, file: string): Promise<void> {
  const loaded = tab.waitFor('Page.loadEventFired');
  // Rejected if the browser dies while the navigation is still being answered: awaited below.
  loaded.done.catch(() => undefined);
  try {
    const nav = (await tab.send('Page.navigate', { url: pathToFileURL(file).href })) as { errorText?: string };
    if (nav.errorText) throw new Error(`Chromium could not open ${file}: ${nav.errorText}`);
  } catch (error) {
    loaded.cancel();
    throw error;
  }
  await loaded.done;
}

export interface PrintedPdf {
  bytes: Buffer;
  /** Number of pages. */
  pages: number;
  /** The headings (h1-h6) in document order, each with the page it starts on (1-based). */
  outline: { title: string; page: number }[];
}

/**
 * Prints an HTML file to PDF as Chromium's --print-to-pdf does: page size and
 * margins from the file's own @page rule, backgrounds printed, no header or
 * footer, and the document outline (one entry per heading) that pdfOutline reads.
 */
export async function printToPdf(htmlFile: string): Promise<PrintedPdf> {
  return naming(`printToPdf(${htmlFile})`, () => current().withTab(async (tab) => {
    await tab.send('Page.enable');
    await load(tab, htmlFile);
    const { data } = (await tab.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, generateDocumentOutline: true })) as { data: string };
    const bytes = Buffer.from(data, 'base64');
    return { bytes, pages: pdfPageCount(bytes), outline: pdfOutline(bytes) };
  }));
}

/** Runs `work`, putting `what` in front of the message of any error it throws. */
async function naming<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
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

// Runs in the laid-out page, after its fonts are ready.
const MEASURE = `document.fonts.ready.then(() => {
  const doc = document;
  const width = doc.documentElement.clientWidth;
  const wide = [...doc.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.tagName + ':' + el.textContent.slice(0, 40));
  const steps = [...doc.querySelectorAll('[data-step]')].filter((el) => el.getBoundingClientRect().height > 0).length;
  const resources = performance.getEntriesByType('resource').map((e) => e.name);
  const sheets = [...doc.querySelectorAll('[data-sheet]')].map((el) => el.getBoundingClientRect().height);
  return { wide, resources, steps, sheets, scroll: doc.documentElement.scrollWidth, width };
})`;

/**
 * Lays out each HTML file in a tab as wide as its printable A4 width, with
 * print media and the screen-only styles turned off (so the body is laid out
 * as on paper, without page breaks), and reports what sticks out and what was
 * requested. Two tabs of this test file's Chromium share the files.
 */
export async function probeLayout(files: readonly string[]): Promise<Layout[]> {
  const dir = tempDir();
  const out: Layout[] = [];
  const queue = [...files.keys()];
  // Two tabs at a time (the machine running the tests may be small), each loading files in turn.
  const worker = (): Promise<void> => current().withTab(async (tab) => {
    // Every request the page being measured makes, loaded or not.
    let requested: string[] = [];
    const stop = tab.on((method, params) => {
      const url = (params as { request?: { url?: string } }).request?.url;
      if (method === 'Network.requestWillBeSent' && url !== undefined) requested.push(url);
    });
    try {
      await tab.send('Page.enable');
      await tab.send('Network.enable');
      await tab.send('Emulation.setEmulatedMedia', { media: 'print' });
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const file = files[i]!;
        const html = readFileSync(file, 'utf8');
        // The copy has no Content-Security-Policy, so any request the page makes is attempted and seen.
        const copy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/@media screen\b/g, '@media not all')
          // No scroll bar: it would take its width from the page.
          .replace('</head>', '<style>html { scrollbar-width: none; }</style></head>');
        const name = path.join(dir, `page-${i}.html`);
        writeFileSync(name, copy);
        out[i] = await naming(file, async () => {
          await tab.send('Emulation.setDeviceMetricsOverride', { width: printableWidth(html), height: 1000, deviceScaleFactor: 1, mobile: false });
          requested = [];
          await load(tab, name);
          const { result, exceptionDetails } = (await tab.send('Runtime.evaluate', { expression: MEASURE, awaitPromise: true, returnByValue: true })) as { result: { value?: Omit<Layout, 'requests'> & { resources: string[] } }; exceptionDetails?: { text: string; exception?: { description?: string } } };
          if (exceptionDetails) throw new Error(`the measurement failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
          if (!result.value) throw new Error('no measurement came back');
          const { resources, ...layout } = result.value;
          const self = pathToFileURL(name).href;
          return { ...layout, requests: [...new Set([...requested.filter((url) => url !== self), ...resources])] };
        });
      }
    } catch (error) {
      queue.length = 0; // the other tab stops too
      throw error;
    } finally {
      stop();
    }
  });
  try {
    await naming('probeLayout', () => Promise.all([worker(), worker()]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (out.filter(Boolean).length !== files.length) throw new Error(`probeLayout: ${out.filter(Boolean).length} results for ${files.length} files`);
  return out;
}
