// `safestep journal export`: its arguments, options and help.

import { choice, defineCommand, flag, negated, required } from './spec.js';

export const spec = defineCommand({
  name: 'journal export',
  summary: { en: 'write a report for a lawyer or helpline, with an evidence manifest', ru: 'подготовить отчёт для юриста или горячей линии с перечнем доказательств' },
  args: [],
  options: {
    out: required('--out <file>', { en: 'report file to write', ru: 'файл отчёта' }),
    format: choice('--format <format>', ['md', 'html'], { en: 'md or html (default: from the file name, else md)', ru: 'md или html (по умолчанию по имени файла, иначе md)' }),
    files: negated('--no-files', { en: 'do not export the attached files, only their hashes', ru: 'не выгружать приложенные файлы, только их хеши' }),
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу из первой строки стандартного ввода (для скриптов)' }),
  },
});
