// Where passphrases come from: a hidden prompt, or, for scripts and tests that
// ask for it with --passphrase-stdin, the first line of standard input. Never
// argv, never the environment, never echoed.
import type { AppContext } from '../context.js';
import { EXIT_USAGE, SafestepError, UserAbort } from '../errors.js';
import { inquirerPrompter, isPromptExit, type Prompter } from '../prompter.js';
import { MESSAGES } from './messages.js';

/** Shorter passphrases are refused when a new one is chosen. */
export const MIN_PASSPHRASE = 10;
const MAX_STDIN = 1024 * 1024;

export interface PassphraseSource {
  /** An existing passphrase, asked once. */
  existing(message: string): Promise<string>;
  /** A new passphrase: asked twice, must match and be long enough. */
  fresh(message: string, repeat: string): Promise<string>;
  /** What stdin held after the passphrase line ('' when prompting). */
  rest(): Promise<string>;
}

export interface PassphraseOptions {
  passphraseStdin?: boolean;
}

export async function readAllStdin(ctx: AppContext, limit = MAX_STDIN): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of ctx.io.stdin as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += buf.length;
    if (total > limit) throw new SafestepError(MESSAGES.text(ctx.lang)('pass.stdinTooLong'), EXIT_USAGE);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Wraps a prompt so Ctrl+C leaves calmly instead of printing a stack trace. */
export async function asking<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isPromptExit(err)) throw new UserAbort();
    throw err;
  }
}

export function passphraseSource(ctx: AppContext, opts: PassphraseOptions, prompter?: Prompter): PassphraseSource {
  const m = MESSAGES.text(ctx.lang);
  if (opts.passphraseStdin) {
    if (ctx.io.stdin.isTTY) throw new SafestepError(m('pass.stdinIsTerminal'), EXIT_USAGE, m('pass.stdinIsTerminalHint'));
    let input: Promise<{ first: string; rest: string }> | undefined;
    const read = (): Promise<{ first: string; rest: string }> => {
      input ??= readAllStdin(ctx).then((text) => {
        const nl = text.indexOf('\n');
        const first = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
        return { first, rest: nl < 0 ? '' : text.slice(nl + 1) };
      });
      return input;
    };
    const existing = async (): Promise<string> => {
      const { first } = await read();
      if (first === '') throw new SafestepError(m('pass.stdinEmpty'), EXIT_USAGE);
      return first;
    };
    return {
      existing,
      async fresh() {
        const pass = await existing();
        if ([...pass].length < MIN_PASSPHRASE) throw new SafestepError(m('pass.tooShort', { min: MIN_PASSPHRASE }), EXIT_USAGE);
        return pass;
      },
      async rest() {
        return (await read()).rest;
      },
    };
  }
  if (!ctx.io.canPrompt && !prompter) throw new SafestepError(m('pass.needsTerminal'), EXIT_USAGE, m('pass.needsTerminalHint'));
  const ask = prompter ?? inquirerPrompter(ctx.io, ctx.t);
  return {
    async existing(message) {
      for (;;) {
        const pass = await asking(() => ask.password(message));
        if (pass !== '') return pass;
      }
    },
    async fresh(message, repeat) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const first = await asking(() => ask.password(message));
        if ([...first].length < MIN_PASSPHRASE) {
          ctx.io.stdout.write(m('pass.tooShort', { min: MIN_PASSPHRASE }) + '\n');
          continue;
        }
        const second = await asking(() => ask.password(repeat));
        if (first === second) return first;
        ctx.io.stdout.write(m('pass.mismatch') + '\n');
      }
      throw new SafestepError(m('pass.gaveUp'), EXIT_USAGE);
    },
    async rest() {
      return '';
    },
  };
}
