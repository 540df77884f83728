// `safestep journal verify`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'journal verify',
  summary: { en: 're-hash every attached file and check it is intact', ru: 'пересчитать хеши приложенных файлов и проверить, что они целы' },
  args: [],
  options: {
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
});
