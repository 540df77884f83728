// `safestep forget`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'forget',
  summary: { en: 'remove everything safestep keeps on this computer (before a border crossing)', ru: 'удалить всё, что safestep хранит на этом компьютере (перед пересечением границы)' },
  args: [],
  options: {
    yes: flag('--yes', { en: 'do not ask (for scripts): removes the journal and the signing key too, unless kept below', ru: 'не спрашивать (для скриптов): удаляет и журнал, и ключ подписи, если их не оставить параметрами ниже' }),
    keepJournal: flag('--keep-journal', { en: 'keep the encrypted incident journal', ru: 'оставить зашифрованный журнал инцидентов' }),
    keepKey: flag('--keep-key', { en: 'keep the encrypted pack signing key', ru: 'оставить зашифрованный ключ подписи пакетов' }),
  },
  examples: [
    { command: 'safestep forget', help: { en: 'see what is kept, then confirm', ru: 'посмотреть, что хранится, и подтвердить' } },
    { command: 'safestep forget --yes --keep-journal', help: { en: 'in a script, keeping the journal', ru: 'в скрипте, оставив журнал' } },
  ],
});
