// `safestep scrub`: its arguments, options and help.

import { HELP as METADATA_HELP } from '../metadata/help.js';
import { defineCommand, flag, listArg, value } from './spec.js';

export const spec = defineCommand({
  name: 'scrub',
  summary: { en: 'remove metadata from photos, PDFs, office documents and videos without re-encoding (keeps the original)', ru: 'удалить метаданные из фото, PDF, офисных документов и видео без перекодирования (оригинал сохраняется)' },
  more: METADATA_HELP.table.scrub as { en: string; ru: string },
  args: [
    listArg('<paths...>', { en: 'files or folders', ru: 'файлы или папки' }),
  ],
  options: {
    out: value('--out <dir>', { en: 'folder for the cleaned copies (default: beside each original)', ru: 'папка для очищенных копий (по умолчанию рядом с оригиналами)' }),
    inPlace: flag('--in-place', { en: 'replace the original, only after the cleaned copy checks clean', ru: 'заменить оригинал, но только после того, как очищенная копия пройдёт проверку' }),
    force: flag('--force', { en: 'overwrite the file if it exists', ru: 'перезаписать файл, если он уже есть' }),
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
