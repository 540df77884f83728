// Help texts for the journal commands, kept apart from the other messages so
// `safestep --help` loads only these few lines.
import type { Bilingual } from '../i18n/table.js';

export const CLI_HELP = {
  journal: { en: 'an encrypted journal of incidents, for lawyers and helplines', ru: 'зашифрованный журнал инцидентов для юристов и горячих линий' },
  journalAdd: { en: 'write down an incident (asks the questions one by one)', ru: 'записать инцидент (вопросы задаются по одному)' },
  journalList: { en: 'list the records', ru: 'показать список записей' },
  journalShow: { en: 'show one record in full', ru: 'показать одну запись целиком' },
  journalVerify: { en: 're-hash every attached file and check it is intact', ru: 'пересчитать хеши приложенных файлов и проверить, что они целы' },
  journalExport: { en: 'write a report for a lawyer or helpline, with an evidence manifest', ru: 'подготовить отчёт для юриста или горячей линии с перечнем доказательств' },
  journalWipe: { en: 'delete the whole journal', ru: 'удалить весь журнал' },
  argNumber: { en: 'record number (see: safestep journal list)', ru: 'номер записи (см. safestep journal list)' },
  optAttach: { en: 'files to attach (copied into the journal, encrypted, with their SHA-256)', ru: 'приложить файлы (копируются в журнал в зашифрованном виде вместе с SHA-256)' },
  optPassphraseStdin: {
    en: 'read the passphrase from the first line of standard input (for scripts)',
    ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)',
  },
  optOut: { en: 'report file to write', ru: 'файл отчёта' },
  optFormat: { en: 'md or html (default: from the file name, else md)', ru: 'md или html (по умолчанию по имени файла, иначе md)' },
  optNoFiles: { en: 'do not export the attached files, only their hashes', ru: 'не выгружать приложенные файлы, только их хеши' },
  optYes: { en: 'do not ask for confirmation', ru: 'не спрашивать подтверждения' },
} satisfies Record<string, Bilingual>;
