// Terminal IO in one object so commands never reach for process.* and tests
// can run every flow with in-memory streams.
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import { terminalFilter } from './sanitize.js';
import { fitText } from './text/width.js';

export interface IO {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** Both ends are terminals: prompts may be shown. */
  canPrompt: boolean;
  color: boolean;
  /** Usable text width: the terminal's, capped at 100 so long lines stay readable. */
  width: number;
}

export interface ColorChoice {
  flag?: boolean; // false when --no-color was given
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

/** --no-color beats NO_COLOR beats FORCE_COLOR beats "is it a terminal". */
export function decideColor({ flag, env, isTTY }: ColorChoice): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/**
 * The stream with every write passed through the terminal filter (see
 * src/sanitize.ts): the last line of defence for text that was never
 * sanitised where it was put together. Everything else (isTTY, columns,
 * events) is the real stream's, so prompts work as before.
 *
 * On a terminal, plain text (no escape sequence but colours) is also fitted to
 * the terminal's current width, so no message, hint or error is ever broken
 * mid-word by the terminal. Prompts draw with cursor movements and wrap
 * themselves (src/prompter.ts); they pass through untouched.
 */
export function guardedStream<S extends Writable & { isTTY?: boolean; columns?: number }>(stream: S, color: boolean): S {
  const filter = terminalFilter({ keepCsi: Boolean(stream.isTTY), keepSgr: color, keepInvisible: !stream.isTTY });
  const decoder = new StringDecoder('utf8');
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? decoder.write(Buffer.from(chunk)) : String(chunk);
    const done = typeof encoding === 'function' ? encoding : callback;
    return stream.write(fitToTerminal(filter(text), stream), done as (err?: Error | null) => void);
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function processIO(color: boolean): IO {
  const canPrompt = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    stdin: process.stdin,
    stdout: guardedStream(process.stdout, color),
    stderr: guardedStream(process.stderr, color),
    canPrompt,
    color,
    // A getter: the terminal can be resized while a lesson or presenter mode is open.
    get width() {
      return Math.min(process.stdout.columns || 80, 100);
    },
  };
}

/** Any escape sequence other than a colour (SGR): cursor movement belongs to a prompt drawing itself. */
const NOT_COLOUR = /\u001b(?!\[[0-9;]*m)/;

/** A whole JSON document (every --json output is written in one piece): a line break inside a string would break it. */
const JSON_DOCUMENT = /^[[{][\s\S]*[\]}]\n?$/;

/** Plain text for a terminal, wrapped at its width; anything else (a pipe, a prompt's drawing, JSON) as it is. */
export function fitToTerminal(text: string, stream: { isTTY?: boolean; columns?: number }): string {
  const columns = stream.isTTY ? stream.columns : undefined;
  if (!columns || columns < 20 || NOT_COLOUR.test(text) || JSON_DOCUMENT.test(text)) return text;
  return fitText(text, columns);
}

let chalkCache: { color: boolean; chalk: ChalkInstance } | undefined;

/** chalk is loaded only by commands that print styled text, keeping --help fast. */
export async function styler(io: IO): Promise<ChalkInstance> {
  if (chalkCache?.color === io.color) return chalkCache.chalk;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: io.color ? 1 : 0 });
  chalkCache = { color: io.color, chalk };
  return chalk;
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(text + '\n');
}
