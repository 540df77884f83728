// A scripted terminal: in-memory streams that look like a TTY to @inquirer, a
// screen buffer, and helpers to wait for text and type keys, so interactive
// flows are tested with real keystrokes through the real prompts.
import { PassThrough, Writable } from 'node:stream';
import type { IO } from '../../src/io.js';

export const KEY = {
  enter: '\r',
  down: '\u001b[B',
  up: '\u001b[A',
  space: ' ',
  ctrlC: '\u0003',
};

export interface FakeTerminal {
  io: IO;
  /** Everything written so far, with escape sequences removed. */
  screen(): string;
  /** Everything written so far, escape sequences included. */
  raw(): string;
  /** Changes the window size and tells the program, as a terminal does on SIGWINCH. */
  resize(columns: number, rows: number): void;
  /** Waits until `text` appears after the last consumed position, then consumes it. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  type(...keys: string[]): void;
  /** Waits for `text`, then types the keys. */
  answer(text: string, ...keys: string[]): Promise<void>;
}

function strip(s: string): string {
  return s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b[=>]/g, '');
}

export function fakeTerminal(opts: { color?: boolean; width?: number; rows?: number } = {}): FakeTerminal {
  const input = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (m: boolean) => unknown };
  input.isTTY = true;
  input.setRawMode = () => input;
  let raw = '';
  let consumed = 0;
  const output = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw += chunk.toString('utf8');
      cb();
    },
  }) as Writable & { isTTY: boolean; columns: number; rows: number };
  // Like process.stdout, the terminal outlives each prompt: inquirer ends the
  // stream it pipes into when a prompt closes.
  output.end = (() => output) as typeof output.end;
  output.isTTY = true;
  output.columns = opts.width ?? 80;
  output.rows = opts.rows ?? 40;
  const io: IO = {
    stdin: input,
    stdout: output,
    stderr: output,
    canPrompt: true,
    color: opts.color ?? false,
    // Like the real IO: the width follows the window.
    get width() {
      return Math.min(output.columns, 100);
    },
  };
  const screen = (): string => strip(raw);
  // Generous: the first prompt waits for lesson validation, which loads every check (slow on a busy machine).
  const waitFor = async (text: string, timeoutMs = 15000): Promise<void> => {
    const start = Date.now();
    for (;;) {
      const s = screen();
      const at = s.indexOf(text, consumed);
      if (at >= 0) {
        consumed = at + text.length;
        return;
      }
      if (Date.now() - start > timeoutMs) {
        throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen tail:\n${s.slice(-1500)}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const type = (...keys: string[]): void => {
    for (const k of keys) input.write(k);
  };
  return {
    io,
    screen,
    raw: () => raw,
    resize(columns, rows) {
      output.columns = columns;
      output.rows = rows;
      output.emit('resize');
    },
    waitFor,
    type,
    async answer(text, ...keys) {
      await waitFor(text);
      // Let the prompt finish rendering and attach its key handler.
      await new Promise((r) => setTimeout(r, 15));
      type(...keys);
    },
  };
}

export function memoryIO(): IO & { out(): string; err(): string } {
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) });
  const stderr = new Writable({ write: (c: Buffer, _e, cb) => ((err += c.toString()), cb()) });
  return { stdin: new PassThrough(), stdout, stderr, canPrompt: false, color: false, width: 80, out: () => out, err: () => err };
}
