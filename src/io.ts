// Terminal IO in one object so commands never reach for process.* and tests
// can run every flow with in-memory streams.
import type { Readable, Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';

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

export function processIO(color: boolean): IO {
  const canPrompt = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    canPrompt,
    color,
    // A getter: the terminal can be resized while a lesson or presenter mode is open.
    get width() {
      return Math.min(process.stdout.columns || 80, 100);
    },
  };
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
