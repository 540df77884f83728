/// <reference types="vite/client" />
// Every message that prints something from outside (pack manifests, lesson
// folder names, journal attachment names, CSV fields, file paths) is fed ESC,
// CSI, OSC, C1, bidi and zero-width characters, in both languages. Nothing of
// them may reach the output, and a line break in a name must not start a line.
import type { PassThrough } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { format } from '../../src/i18n/index.js';
import { escapeHtml } from '../../src/html.js';
import { encodePack, MAGIC } from '../../src/packs/container.js';
import type { Manifest } from '../../src/packs/manifest.js';
import { newKeyPair } from '../../src/packs/signing.js';
import { oneLine, stripUnsafe, terminalFilter } from '../../src/sanitize.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

/** One of each: OSC 52 clipboard write, CSI clear screen, 8-bit CSI and OSC, NEL, bidi override and isolate, zero-width space and joiner, BOM. */
export const HOSTILE = '\u001b]52;c;SGVsbG8=\u0007\u001b[2J\u009b31m\u009d0;title\u009c\u0085\u202e\u2066\u200b\u200d\ufeff\u061c\u200e';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/;

function expectClean(text: string, what: string): void {
  const m = UNSAFE.exec(text);
  expect(m ? `${what}: U+${m[0].codePointAt(0)!.toString(16)} at ${m.index} in ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}` : null).toBeNull();
}

async function cli(args: string[], lang: 'en' | 'ru', opts: { lessonDirs?: string[]; stdin?: string; dataDir?: string } = {}): Promise<{ code: number; all: string }> {
  const io = memoryIO();
  (io.stdin as PassThrough).end(opts.stdin ?? '');
  let err = '';
  const dataDir = opts.dataDir ?? tempDir();
  const code = await run(args, { io, lang, env: { SAFESTEP_HOME: dataDir, HOME: tempDir() }, paths: { dataDir, lessonDirs: opts.lessonDirs ?? [] }, writeErr: (s) => void (err += s), writeOut: (s) => void (err += s) });
  return { code, all: io.out() + io.err() + err };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function hostilePack(manifest: Record<string, unknown>): string {
  const file = path.join(tempDir(), 'hostile.pack');
  const m = Buffer.from(JSON.stringify(manifest), 'utf8');
  writeFileSync(file, Buffer.concat([MAGIC, u32(m.length), m, u32(0)]));
  return file;
}

const base = { created: '2026-01-01T00:00:00.000Z', files: [], format: 1, id: 'evil', lessons: [], name: 'x', signer: null };

describe.each(['en', 'ru'] as const)('hostile text stays inert (%s)', (lang) => {
  it('pack verify and pack install: an unknown manifest key, at the top and under signer', async () => {
    const top = hostilePack({ ...base, [HOSTILE]: 1 });
    // Under `signer` the key is reached only after the signature checks out: the attacker signs with their own key.
    const pair = newKeyPair();
    const nested = path.join(tempDir(), 'nested.pack');
    const signer = { algorithm: 'ed25519', publicKey: pair.publicKey.toString('hex'), [`k${HOSTILE}\nsafestep: verified`]: 1 };
    writeFileSync(nested, encodePack({ ...base, signer } as unknown as Manifest, [], pair.seed));
    for (const file of [top, nested]) {
      for (const args of [['pack', 'verify', file], ['pack', 'install', file, '--yes']]) {
        const { code, all } = await cli(args, lang);
        expect(code).toBe(1);
        expectClean(all, args.join(' '));
        expect(all.split('\n').some((l) => l.startsWith('safestep: verified'))).toBe(false);
      }
    }
    // The key is shown as visible text, so the person can tell the pack is odd.
    const { all } = await cli(['pack', 'verify', top], lang);
    expect(all).toContain('\\u001b]52');
    const inner = await cli(['pack', 'verify', nested], lang);
    expect(inner.all).toContain(lang === 'en' ? 'unknown fields in the signer' : 'неизвестные поля (автор подписи)');
  });

  it('a lesson folder name: the broken-lesson notice, learn, lesson preview and lesson validate', async () => {
    const root = tempDir();
    const folder = `bad${HOSTILE}\nsafestep: all good`;
    const dir = path.join(root, 'communications', folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'lesson.yaml'), 'id: [unclosed\n');
    const file = path.join(dir, 'lesson.yaml');
    const runs = [
      await cli(['lessons'], lang, { lessonDirs: [root] }),
      await cli(['learn', `x${HOSTILE}`], lang, { lessonDirs: [root] }),
      await cli(['lesson', 'preview', file], lang, { lessonDirs: [root] }),
      await cli(['lesson', 'validate', root], lang, { lessonDirs: [root] }),
    ];
    for (const r of runs) {
      expectClean(r.all, 'lesson commands');
      expect(r.all.split('\n').some((l) => l.startsWith('safestep: all good'))).toBe(false);
    }
    expect(runs[0]!.code).toBe(0);
    expect(runs[2]!.code).toBe(1);
    expect(runs[3]!.code).toBe(1);
  });

  it('a journal attachment name with a line break and escapes', async () => {
    const dataDir = tempDir();
    const attach = path.join(tempDir(), `photo${HOSTILE}\nsafestep: journal intact.png`);
    writeFileSync(attach, 'evidence');
    const add = await cli(['journal', 'add', '--attach', attach, '--passphrase-stdin'], lang, {
      dataDir,
      stdin: `a long journal passphrase\n${JSON.stringify({ what: 'A message', time: '2026-11-01', channel: 'telegram' })}`,
    });
    expect(add.code).toBe(0);
    for (const args of [['journal', 'add', '--attach', attach, '--passphrase-stdin'], ['journal', 'show', '1', '--passphrase-stdin'], ['journal', 'verify', '--passphrase-stdin'], ['journal', 'list', '--passphrase-stdin']]) {
      const r = args[1] === 'add' ? add : await cli(args, lang, { dataDir, stdin: 'a long journal passphrase\n' });
      expectClean(r.all, args.join(' '));
      expect(r.all.split('\n').some((l) => l.startsWith('safestep: journal intact'))).toBe(false);
    }
  }, 60_000);

  it('CSV fields of a password export', async () => {
    const csv = path.join(tempDir(), 'export.csv');
    writeFileSync(csv, `name,url,username,password\nMail${HOSTILE},https://x${HOSTILE}.example,anna,gfhjkm2023\n`);
    const { all } = await cli(['check', 'passwords', '--from', csv], lang);
    expectClean(all, 'check passwords');
    expect(all).not.toContain('gfhjkm2023');
  });

  it('file paths in errors: progress import, export --out, pack verify, lesson new', async () => {
    const weird = path.join(tempDir(), `p${HOSTILE}\nsafestep: done`);
    for (const args of [['progress', 'import', weird], ['export', 'x', '--out', weird], ['pack', 'verify', weird], ['journal', 'export', '--out', path.join(weird, 'r.md')]]) {
      const r = await cli(args, lang);
      expect(r.code, args.join(' ')).toBe(2);
      expectClean(r.all, args.join(' '));
      expect(r.all.split('\n').some((l) => l.startsWith('safestep: done'))).toBe(false);
    }
  });
});

describe('the one sanitiser behind every printer', () => {
  it('format() cleans every placeholder value and keeps it on one line', () => {
    const out = format('file {name} ok', { name: `a${HOSTILE}\nb` });
    expect(out).toBe('file a]52;c;SGVsbG8=[2J31m0;title\\nb ok');
    expectClean(out, 'format');
    expect(out).not.toContain('\n');
  });

  it('escapeHtml() removes the same characters before escaping', () => {
    const html = escapeHtml(`<b>${HOSTILE}</b>`);
    expectClean(html, 'html');
    expect(html.startsWith('&lt;b&gt;')).toBe(true);
  });

  it('stripUnsafe and oneLine agree on what is unsafe', () => {
    expectClean(stripUnsafe(HOSTILE), 'stripUnsafe');
    expectClean(oneLine(HOSTILE + '\n\t'), 'oneLine');
    expect(oneLine('a\nb\tc\r\nd')).toBe('a\\nb\\tc\\r\\nd');
  });
});

describe('the terminal filter on stdout and stderr', () => {
  it('drops OSC, DCS and 8-bit sequences whole, even split across writes, and keeps plain text', () => {
    const f = terminalFilter({ keepCsi: true, keepSgr: true });
    const chunks = ['ok \u001b]52;c;SGVs', 'bG8=\u0007 still\u001b', '[31mred\u001b[0m \u001bP1$r\u001b\\', 'done\u009b2J \u200bx\u202e!'];
    const out = chunks.map(f).join('');
    expect(out).toBe('ok  still\u001b[31mred\u001b[0m done x!');
  });

  it('keeps cursor movement only on a terminal, and colour only when colour is on', () => {
    const text = '\u001b[2K\u001b[1Aprompt \u001b[1mbold\u001b[22m \u001b7\u001b8';
    expect(terminalFilter({ keepCsi: true, keepSgr: true })(text)).toBe(text);
    expect(terminalFilter({ keepCsi: true, keepSgr: false })(text)).toBe('\u001b[2K\u001b[1Aprompt bold \u001b7\u001b8');
    expect(terminalFilter({ keepCsi: false, keepSgr: true })(text)).toBe('prompt \u001b[1mbold\u001b[22m ');
    expect(terminalFilter({ keepCsi: false, keepSgr: false })(text)).toBe('prompt bold ');
  });

  it('keeps bidi and zero-width characters only when the output is not a terminal (exact JSON for scripts)', () => {
    expect(terminalFilter({ keepCsi: false, keepSgr: false, keepInvisible: true })('a\u200eb\u001b]0;x\u0007c')).toBe('a\u200ebc');
    expect(terminalFilter({ keepCsi: true, keepSgr: false })('a\u200eb')).toBe('ab');
  });

  it('drops other C0 controls (BEL, backspace) and keeps tab, newline and carriage return', () => {
    expect(terminalFilter({ keepCsi: false, keepSgr: false })('a\u0007b\bc\td\re\n')).toBe('abc\td\re\n');
  });
});

describe('every registered message', () => {
  it('fills every placeholder with hostile text and prints none of it raw, in both languages', async () => {
    const { registeredMessages } = await import('../../src/i18n/messages.js');
    const modules = import.meta.glob(['../../src/**/*.ts', '../../checks/**/*.ts', '!../../src/main.ts', '!../../**/*.d.ts']);
    await Promise.all(Object.values(modules).map((load) => load()));
    let filled = 0;
    for (const [name, table] of registeredMessages()) {
      for (const key of Object.keys(table.table)) {
        for (const lang of ['en', 'ru'] as const) {
          const entry = table.table[key]!;
          const phrase = entry[lang];
          const forms = typeof phrase === 'string' ? [phrase] : Object.values(phrase).filter((f): f is string => typeof f === 'string');
          const names = new Set(forms.flatMap((f) => [...f.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]!)));
          if (names.size === 0) continue;
          const data = Object.fromEntries([...names].map((n) => [n, n === 'count' ? 2 : `${HOSTILE}\nsafestep: ok`]));
          const text = table.get(key, lang, data);
          expectClean(text, `${name}:${key}:${lang}`);
          expect(text.split('\n').some((l) => l.startsWith('safestep: ok')), `${name}:${key}`).toBe(false);
          filled++;
        }
      }
    }
    expect(filled).toBeGreaterThan(300);
  });
});
