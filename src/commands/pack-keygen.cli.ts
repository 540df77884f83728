// `safestep pack keygen`: its arguments, options and help.

import { defineCommand, flag, value } from './spec.js';

export const spec = defineCommand({
  name: 'pack keygen',
  summary: { en: 'create a key for signing lesson packs', ru: 'создать ключ для подписи пакетов уроков' },
  args: [],
  options: {
    out: value('--out <file>', { en: 'where to save the key (default: in the safestep data folder)', ru: 'куда сохранить ключ (по умолчанию в папку данных safestep)' }),
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the key passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу ключа из первой строки стандартного ввода (для скриптов)' }),
  },
});
