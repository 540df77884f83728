// `safestep journal show`: its arguments, options and help.

import { defineCommand, flag, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'journal show',
  summary: { en: 'show one record in full', ru: 'показать одну запись целиком' },
  args: [
    requiredArg('<n>', { en: 'record number (see: safestep journal list)', ru: 'номер записи (см. safestep journal list)' }),
  ],
  options: {
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
});
