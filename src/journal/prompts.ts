// Free-text questions for `journal add`. The shared Prompter has no text input,
// so this adds one on the same @inquirer streams and theme. There is no editor
// prompt on purpose: an external editor would leave the text in a plain temp file.
import type { IO } from '../io.js';
import type { Translate } from '../i18n/index.js';
import { inquirerPrompter, type Prompter } from '../prompter.js';

export interface TextPrompter extends Prompter {
  input(message: string, opts?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
}

export function textPrompter(io: IO, t: Translate): TextPrompter {
  const base = inquirerPrompter(io, t);
  const identity = (s: string): string => s;
  const theme = io.color
    ? {}
    : { prefix: { idle: '?', done: '>' }, style: { answer: identity, message: identity, error: identity, defaultAnswer: identity, help: identity } };
  return {
    ...base,
    async input(message, opts = {}) {
      const { input } = await import('@inquirer/prompts');
      return input(
        {
          message,
          ...(opts.default !== undefined ? { default: opts.default } : {}),
          ...(opts.validate ? { validate: opts.validate } : {}),
          theme,
        },
        { input: io.stdin, output: io.stdout, clearPromptOnDone: false },
      );
    },
  };
}
