// The handout printed by a real browser: headless Chromium (Debian's package,
// installed by .ci/run) renders the shipped lessons in English and Russian to
// PDF. The page may request nothing at all, no text may overflow the A4 width, and
// every step must be on the page.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';
import { needProgram } from '../helpers/programs.js';

const browser = needProgram('chromium', 'chromium-browser', 'google-chrome');
const FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'];

function chromium(args: string[], userDataDir: string): string {
  return execFileSync(browser.path!, [...FLAGS, `--user-data-dir=${userDataDir}`, ...args], { encoding: 'utf8', timeout: 90_000, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.skipIf(browser.missing)(browser.title('handout in headless Chromium'), () => {
  it('prints to PDF without external requests, overflow or missing steps', async () => {
    const ids = (await findLessonFiles([SHIPPED_LESSONS])).map((f) => path.basename(path.dirname(f)));
    const out = tempDir();
    const dataDir = tempDir();
    const code = await run(['export', ...ids, '--lang', 'en+ru', '--out', out], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } });
    expect(code).toBe(0);
    const file = path.join(out, 'lessons.en+ru.html');
    const html = readFileSync(file, 'utf8');

    const pdf = path.join(out, 'handout.pdf');
    chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${file}`], tempDir());
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(ids.length * 2);

    // A probe copy measures layout at the printable A4 width (210 mm minus margins at 96 dpi).
    const probe = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace(
        '</body>',
        `<pre id="probe"></pre><script>
          const wide = [...document.querySelectorAll('body *')].filter((el) => el.id !== 'probe' && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => el.tagName + ':' + el.textContent.slice(0, 40));
          const steps = [...document.querySelectorAll('[data-step]')].filter((el) => el.getBoundingClientRect().height > 0).length;
          // Every resource the page asked for, loaded or not (the probe has no CSP to block them).
          const requests = performance.getEntriesByType('resource').map((e) => e.name);
          document.getElementById('probe').textContent = JSON.stringify({ wide, steps, requests, scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth });
        </script></body>`,
      );
    const probeFile = path.join(out, 'probe.html');
    writeFileSync(probeFile, probe);
    const dom = chromium(['--window-size=673,1000', '--virtual-time-budget=2000', '--dump-dom', `file://${probeFile}`], tempDir());
    const result = JSON.parse(/<pre id="probe">([^<]*)<\/pre>/.exec(dom)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { wide: string[]; steps: number; requests: string[]; scroll: number; width: number };
    expect(result.requests).toEqual([]);
    expect(result.wide).toEqual([]);
    expect(result.scroll).toBeLessThanOrEqual(result.width);
    expect(result.steps).toBe(html.match(/data-step="/g)!.length);
  }, 120_000);
});
