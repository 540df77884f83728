// `safestep pack build`: its arguments, options and help.

import { defineCommand, flag, required, requiredArg, value } from './spec.js';

export const spec = defineCommand({
  name: 'pack build',
  summary: { en: 'put a folder of lessons into one signed pack file', ru: 'собрать папку уроков в один подписанный файл пакета' },
  args: [
    requiredArg('<dir>', { en: 'folder of lessons (topic/lesson-id/lesson.yaml)', ru: 'папка с уроками (тема/id-урока/lesson.yaml)' }),
  ],
  options: {
    out: required('--out <file>', { en: 'pack file to write', ru: 'куда записать файл пакета' }),
    key: value('--key <keyfile>', { en: 'signing key file (from safestep pack keygen)', ru: 'файл ключа подписи (из safestep pack keygen)' }),
    unsigned: flag('--unsigned', { en: 'build without a signature', ru: 'собрать без подписи' }),
    id: value('--id <id>', { en: 'pack id (default: from the folder name)', ru: 'id пакета (по умолчанию из имени папки)' }),
    name: value('--name <name>', { en: 'pack name shown to people (default: the id)', ru: 'название пакета для людей (по умолчанию id)' }),
    force: flag('--force', { en: 'overwrite the pack file if it exists', ru: 'перезаписать файл пакета, если он есть' }),
    passphraseStdin: flag('--passphrase-stdin', { en: 'read the key passphrase from the first line of standard input (for scripts)', ru: 'читать парольную фразу ключа из первой строки стандартного ввода (для скриптов)' }),
  },
});
