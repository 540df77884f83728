// `safestep journal add`: its arguments, options and help.

import { defineCommand, flag, list } from './spec.js';

export const spec = defineCommand({
  name: 'journal add',
  summary: { en: 'write down an incident (asks the questions one by one)', ru: 'записать инцидент (вопросы задаются по одному)' },
  args: [],
  options: {
    attach: list('--attach <files...>', { en: 'files to attach (copied into the journal, encrypted, with their SHA-256)', ru: 'приложить файлы (копируются в журнал в зашифрованном виде вместе с SHA-256)' }),
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
});
