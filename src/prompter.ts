// Every question safestep asks goes through this interface. The real one wraps
// @inquirer/prompts with the injected streams, so tests drive the very same
// prompts with scripted keystrokes, and no prompt ever reads process.stdin.
import type { IO } from './io.js';
import type { Translate } from './i18n/index.js';

export interface PromptChoice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
  checked?: boolean;
}

export interface Prompter {
  select<T>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: readonly PromptChoice<T>[]): Promise<T[]>;
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

export function inquirerPrompter(io: IO, t: Translate): Prompter {
  const context = { input: io.stdin, output: io.stdout, clearPromptOnDone: false };
  const identity = (s: string): string => s;
  const theme = io.color
    ? {}
    : {
        prefix: { idle: '?', done: '>' },
        style: { answer: identity, message: identity, error: identity, defaultAnswer: identity, help: identity, highlight: identity, key: identity, description: identity, disabled: identity },
      };
  const navigation = t('prompt.selectHelp');
  const prompter: Prompter = {
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select(
        { message, choices: choices.map((c) => ({ ...c })), default: defaultValue, loop: false, pageSize: 12, instructions: { navigation, pager: navigation }, theme },
        context,
      );
    },
    async checkbox(message, choices) {
      const { checkbox } = await import('@inquirer/prompts');
      return checkbox({ message, choices: choices.map((c) => ({ ...c })), loop: false, pageSize: 12, instructions: t('prompt.checkboxHelp'), theme }, context);
    },
    // A yes/no menu rather than inquirer's confirm, which only understands y/n typed in Latin letters.
    async confirm(message, defaultValue = true) {
      const yes = { name: t('prompt.yes'), value: true };
      const no = { name: t('prompt.no'), value: false };
      return prompter.select(message, defaultValue ? [yes, no] : [no, yes], defaultValue);
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      return password({ message, theme }, context);
    },
    async input(message) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, theme }, context);
    },
  };
  return prompter;
}
