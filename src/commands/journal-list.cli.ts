// `safestep journal list`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'journal list',
  summary: { en: 'list the records', ru: 'показать список записей' },
  args: [],
  options: {
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
});
