// `safestep start`: its arguments, options and help.

import { defineCommand, flag, value } from './spec.js';

export const spec = defineCommand({
  name: 'start',
  summary: { en: 'a few private questions, then a learning path made for you', ru: 'несколько личных вопросов и план уроков именно для вас' },
  args: [],
  options: {
    show: flag('--show', { en: 'show the plan from answers you kept (asks for their passphrase)', ru: 'показать план по сохранённым ответам (спросит их парольную фразу)' }),
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
    answers: value('--answers <file>', { en: 'take the answers from a JSON file, or - for standard input (for scripts)', ru: 'взять ответы из файла JSON или из стандартного ввода (-) (для скриптов)' }),
    save: flag('--save', { en: 'with --answers: keep the answers, encrypted with a passphrase', ru: 'вместе с --answers: сохранить ответы в зашифрованном виде под парольной фразой' }),
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
  examples: [
    { command: 'safestep start', help: { en: 'answer the questions; nothing is kept unless you ask', ru: 'ответить на вопросы; ничего не сохраняется, если вы не попросите' } },
    { command: 'echo \'{"trip":"border"}\' | safestep start --answers - --json', help: { en: 'in a script', ru: 'в скрипте' } },
  ],
});
