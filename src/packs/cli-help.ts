// Help texts for the packs commands, kept apart from the other messages so
// `safestep --help` loads only these few lines.
import type { Bilingual } from '../i18n/table.js';

export const CLI_HELP = {
  pack: { en: 'signed lesson packs: make, check, install', ru: 'подписанные пакеты уроков: создать, проверить, установить' },
  packKeygen: { en: 'create a key for signing lesson packs', ru: 'создать ключ для подписи пакетов уроков' },
  packBuild: { en: 'put a folder of lessons into one signed pack file', ru: 'собрать папку уроков в один подписанный файл пакета' },
  packVerify: { en: 'check a pack and show who signed it', ru: 'проверить пакет и показать, кто его подписал' },
  packInstall: { en: 'check a pack and install its lessons', ru: 'проверить пакет и установить его уроки' },
  packList: { en: 'list the installed packs', ru: 'показать установленные пакеты' },
  packRemove: { en: 'remove an installed pack', ru: 'удалить установленный пакет' },
  argDir: { en: 'folder of lessons (topic/lesson-id/lesson.yaml)', ru: 'папка с уроками (тема/id-урока/lesson.yaml)' },
  argPackFile: { en: 'pack file', ru: 'файл пакета' },
  argPackId: { en: 'pack id (see: safestep pack list)', ru: 'id пакета (см. safestep pack list)' },
  optKeyOut: { en: 'where to save the key (default: in the safestep data folder)', ru: 'куда сохранить ключ (по умолчанию в папку данных safestep)' },
  optKey: { en: 'signing key file (from safestep pack keygen)', ru: 'файл ключа подписи (из safestep pack keygen)' },
  optUnsigned: { en: 'build without a signature', ru: 'собрать без подписи' },
  optPackOut: { en: 'pack file to write', ru: 'куда записать файл пакета' },
  optId: { en: 'pack id (default: from the folder name)', ru: 'id пакета (по умолчанию из имени папки)' },
  optName: { en: 'pack name shown to people (default: the id)', ru: 'название пакета для людей (по умолчанию id)' },
  optForce: { en: 'overwrite the pack file if it exists', ru: 'перезаписать файл пакета, если он есть' },
  optAllowUnsigned: { en: 'install a pack that has no signature', ru: 'установить пакет без подписи' },
  optYes: { en: 'trust a new signer without asking (check the fingerprint first)', ru: 'доверять новому автору без вопроса (сначала сверьте отпечаток)' },
  optJson: { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' },
  optPassphraseStdin: {
    en: 'read the key passphrase from the first line of standard input (for scripts)',
    ru: 'читать парольную фразу ключа из первой строки стандартного ввода (для скриптов)',
  },
} satisfies Record<string, Bilingual>;
