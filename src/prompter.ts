// Every question safestep asks goes through this interface. The real one wraps
// @inquirer/prompts with the injected streams, so tests drive the very same
// prompts with scripted keystrokes, and no prompt ever reads process.stdin.
import type { IO } from './io.js';
import type { Translate } from './i18n/index.js';
import { displayWidth, wrap } from './text/width.js';

export interface PromptChoice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
  checked?: boolean;
}

export interface Prompter {
  select<T>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T>;
  /** `echo: 'count'` confirms with "2 of 5" instead of repeating every ticked label. */
  checkbox<T>(message: string, choices: readonly PromptChoice<T>[], opts?: { echo?: 'count' }): Promise<T[]>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  /** Hidden input: nothing typed is echoed, not even as asterisks. */
  password(message: string): Promise<string>;
  /** A line of text, such as a path. */
  input(message: string): Promise<string>;
}

/** Ctrl+C inside a prompt: the caller saves what it has and leaves calmly. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** Columns inquirer draws in: the terminal's current width (it changes on resize), capped like io.width. */
function columns(io: IO): number {
  return Math.min(io.stdout.columns || io.width, 100);
}

/**
 * Wraps text that inquirer draws after a prefix of `prefix` columns ("? ", "❯ ", "❯◯ "),
 * continuing under the text rather than at column 0.
 */
function hang(text: string, prefix: number, width: number): string {
  const pad = ' '.repeat(prefix);
  const lines = wrap(text, width, pad, pad);
  return lines.map((l, i) => (i === 0 ? l.slice(prefix) : l)).join('\n');
}

export function inquirerPrompter(io: IO, t: Translate): Prompter {
  const context = { input: io.stdin, output: io.stdout, clearPromptOnDone: false };
  const identity = (s: string): string => s;
  const plain = io.color
    ? {}
    : {
        prefix: { idle: '?', done: '>' },
        style: { answer: identity, message: identity, error: identity, defaultAnswer: identity, help: identity, highlight: identity, key: identity, description: identity, disabled: identity },
      };
  const theme = (style: Record<string, unknown> = {}): object => ({ ...plain, style: { ...(plain.style ?? {}), ...style } });
  const navigation = t('prompt.selectHelp');
  // "❯ " before a select choice, "❯◯ " before a checkbox item.
  const choicesFor = <T>(choices: readonly PromptChoice<T>[], prefix: number) =>
    choices.map((c) => ({
      ...c,
      name: hang(c.name, prefix, columns(io)),
      short: c.name,
      ...(c.description ? { description: wrap(c.description, columns(io)).join('\n') } : {}),
    }));
  const prompter: Prompter = {
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select(
        { message: hang(message, 2, columns(io)), choices: choicesFor(choices, 2), default: defaultValue, loop: false, pageSize: 12, instructions: { navigation, pager: navigation }, theme: theme() },
        context,
      );
    },
    async checkbox(message, choices, opts) {
      const { checkbox } = await import('@inquirer/prompts');
      // Echoing every ticked label makes a wall of text (and "…done., Then…"): a count reads better.
      const echo = (selected: readonly { short: string }[], all: readonly unknown[]): string => {
        const names = selected.map((c) => c.short).join(', ');
        const fits = displayWidth(message) + displayWidth(names) + 3 <= columns(io) && !names.includes('\n');
        return opts?.echo !== 'count' && fits ? names : t('prompt.ticked', { count: selected.length, total: all.length });
      };
      return checkbox(
        { message: hang(message, 2, columns(io)), choices: choicesFor(choices, 3), loop: false, pageSize: 12, instructions: t('prompt.checkboxHelp'), theme: theme({ renderSelectedChoices: echo }) },
        context,
      );
    },
    // A yes/no menu rather than inquirer's confirm, which only understands y/n typed in Latin letters.
    async confirm(message, defaultValue = true) {
      const yes = { name: t('prompt.yes'), value: true };
      const no = { name: t('prompt.no'), value: false };
      return prompter.select(message, defaultValue ? [yes, no] : [no, yes], defaultValue);
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      // inquirer's own note is English ("[input is masked]"): ours is in the person's language, and the
      // message is wrapped with room left for it, so the note never pushes the line past the edge.
      const note = t('prompt.hiddenInput');
      const wrapped = hang(`${message} ${'x'.repeat(displayWidth(note))}`, 2, columns(io));
      const dim = (s: string): string => (io.color ? `\u001b[2m${s}\u001b[22m` : s);
      return password(
        { message: wrapped.slice(0, wrapped.length - displayWidth(note) - 1), theme: theme({ help: (s: string) => (s === '[input is masked]' ? dim(note) : dim(s)) }) },
        context,
      );
    },
    async input(message) {
      const { input } = await import('@inquirer/prompts');
      return input({ message: hang(message, 2, columns(io)), theme: theme() }, context);
    },
  };
  return prompter;
}
