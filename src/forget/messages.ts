// What `safestep forget` says. The person may be packing for a border
// crossing or expecting a search: short sentences, nothing alarming, and always
// what was done, what was not, and one next step for each thing that remains.
import { defineMessages } from '../i18n/messages.js';

export const FORGET = defineMessages('forget', {
  intro: {
    en: 'safestep keeps these things in {dir}:',
    ru: 'safestep хранит в {dir}:',
  },
  nothing: { en: 'safestep keeps nothing on this computer now.', ru: 'Сейчас safestep ничего не хранит на этом компьютере.' },
  'kind.progress': { en: 'which lessons you took', ru: 'какие уроки вы проходили' },
  'kind.plan': { en: 'your saved plan answers', ru: 'сохранённые ответы для плана' },
  'kind.settings': { en: 'your language setting', ru: 'выбранный язык' },
  'kind.audit': { en: 'the history of computer checks', ru: 'история проверок компьютера' },
  'kind.cache': { en: 'the lesson index', ru: 'указатель уроков' },
  'kind.workshops': { en: 'where workshop presentations stopped', ru: 'где остановились показы семинаров' },
  'kind.packs': { en: 'installed lesson packs and the signers you trust', ru: 'установленные пакеты уроков и авторы, которым вы доверяете' },
  'kind.leftovers': { en: 'temporary files from interrupted saves', ru: 'временные файлы прерванных сохранений' },
  'kind.journal': { en: 'your incident journal (encrypted)', ru: 'журнал инцидентов (зашифрован)' },
  'kind.key': { en: 'your pack signing key (encrypted)', ru: 'ключ подписи пакетов (зашифрован)' },
  line: { en: '  - {what} ({size})', ru: '  - {what} ({size})' },
  confirm: { en: 'Remove all of this now?', ru: 'Удалить всё это сейчас?' },
  confirmExceptJournal: { en: 'Remove all of this now (about the journal you will be asked separately)?', ru: 'Удалить всё это сейчас (о журнале спросим отдельно)?' },
  confirmExceptKey: { en: 'Remove all of this now (about the signing key you will be asked separately)?', ru: 'Удалить всё это сейчас (о ключе подписи спросим отдельно)?' },
  confirmExceptBoth: { en: 'Remove all of this now (about the journal and the signing key you will be asked separately)?', ru: 'Удалить всё это сейчас (о журнале и ключе подписи спросим отдельно)?' },
  yesRemove: { en: 'Yes, remove it', ru: 'Да, удалить' },
  noKeep: { en: 'No, keep everything', ru: 'Нет, ничего не удалять' },
  cancelled: { en: 'Nothing was removed.', ru: 'Ничего не удалено.' },
  journalWhy: {
    en: 'The incident journal may be evidence you need later, and nobody can bring it back once it is deleted. If you want a copy, export it first ({cmd} journal export) and keep it somewhere safe.',
    ru: 'Журнал инцидентов может понадобиться позже как доказательство, и после удаления его не вернуть. Если нужна копия, сначала выгрузите его ({cmd} journal export) и сохраните в надёжном месте.',
  },
  journalAsk: { en: 'Delete the journal too?', ru: 'Удалить и журнал?' },
  journalKeep: { en: 'No, keep the journal', ru: 'Нет, оставить журнал' },
  journalDelete: { en: 'Yes, delete the journal too', ru: 'Да, удалить и журнал' },
  keyWhy: {
    en: 'Without the signing key you cannot update packs you signed: a new key has a new fingerprint that everyone must check again.',
    ru: 'Без ключа подписи вы не сможете обновлять подписанные вами пакеты: у нового ключа будет новый отпечаток, и всем придётся сверять его заново.',
  },
  keyAsk: { en: 'Delete the signing key too?', ru: 'Удалить и ключ подписи?' },
  keyKeep: { en: 'No, keep the key', ru: 'Нет, оставить ключ' },
  keyDelete: { en: 'Yes, delete the key too', ru: 'Да, удалить и ключ' },
  needsYes: { en: 'forget removes files, and there is no terminal to ask you first.', ru: 'forget удаляет файлы, а спросить подтверждение негде: нет терминала.' },
  needsYesHint: { en: 'Run it in a terminal, or add --yes (and --keep-journal to keep the journal).', ru: 'Запустите команду в терминале или добавьте --yes (и --keep-journal, чтобы оставить журнал).' },
  removed: { en: 'Removed: {list}.', ru: 'Удалено: {list}.' },
  keptPrecious: { en: 'Kept, as you asked: {list}.', ru: 'Оставлено по вашему выбору: {list}.' },
  failed: { en: 'Could not remove {file}: {code}. Delete it yourself, or run {cmd} forget again.', ru: 'Не удалось удалить {file}: {code}. Удалите его сами или запустите {cmd} forget ещё раз.' },
  unreadable: { en: 'Could not look inside {dir}, so anything there is still in place.', ru: 'Не удалось заглянуть в {dir}, поэтому всё, что там есть, осталось на месте.' },
  folderGone: { en: 'The folder {dir} is gone.', ru: 'Папки {dir} больше нет.' },
  overwritten: {
    en: 'Each file was overwritten with zeros before it was deleted. On SSDs, memory cards and copy-on-write file systems (APFS, Btrfs, ZFS) old copies of the data may still be on the disk until it reuses that space.',
    ru: 'Каждый файл перед удалением был перезаписан нулями. На SSD, картах памяти и файловых системах с копированием при записи (APFS, Btrfs, ZFS) старые копии данных могут оставаться на диске, пока он не займёт это место заново.',
  },
  remainsTitle: { en: 'What safestep cannot remove, and what to do about it:', ru: 'Что safestep удалить не может и что с этим сделать:' },
  'remains.others': {
    en: { one: '{count} file in {dir} was not made by safestep and was left alone: look at it yourself.', other: '{count} files in {dir} were not made by safestep and were left alone: look at them yourself.' },
    ru: {
      one: '{count} файл в {dir} создан не safestep, он не тронут: посмотрите его сами.',
      few: '{count} файла в {dir} созданы не safestep, они не тронуты: посмотрите их сами.',
      many: '{count} файлов в {dir} созданы не safestep, они не тронуты: посмотрите их сами.',
      other: 'Файлы в {dir} ({count}) созданы не safestep, они не тронуты: посмотрите их сами.',
    },
  },
  'remains.program': {
    en: 'safestep itself is still installed. Next step: npm uninstall -g safestep, or delete the folder you ran it from; npx keeps a copy in npm’s cache (npm cache clean --force).',
    ru: 'Сама программа safestep по-прежнему установлена. Что сделать: npm uninstall -g safestep или удалите папку, из которой вы её запускали; npx хранит копию в кэше npm (npm cache clean --force).',
  },
  'remains.historyPosix': {
    en: 'Your shell remembers the commands you typed, including "safestep". Next step: delete those lines from ~/.bash_history or ~/.zsh_history, or run history -c before closing the terminal.',
    ru: 'Оболочка помнит набранные команды, в том числе «safestep». Что сделать: удалите эти строки из ~/.bash_history или ~/.zsh_history или выполните history -c перед тем, как закрыть терминал.',
  },
  'remains.historyWindows': {
    en: 'PowerShell remembers the commands you typed, including "safestep". Next step: delete those lines from the file that (Get-PSReadlineOption).HistorySavePath names.',
    ru: 'PowerShell помнит набранные команды, в том числе «safestep». Что сделать: удалите эти строки из файла, который показывает (Get-PSReadlineOption).HistorySavePath.',
  },
  'remains.screen': {
    en: 'This terminal window still shows what safestep printed. Next step: close it.',
    ru: 'В этом окне терминала всё ещё видно то, что выводил safestep. Что сделать: закройте его.',
  },
  'remains.files': {
    en: 'Files you saved elsewhere with safestep stay where you put them: handouts, audit reports, journal exports (their -evidence folders hold the attachments unencrypted), progress exports, .pack files, cleaned copies of photos. Next step: look in Downloads, Documents and on USB sticks.',
    ru: 'Файлы, которые вы сохранили с помощью safestep в других местах, остаются там: раздаточные материалы, отчёты проверки, выгрузки журнала (в их папках -evidence вложения лежат без шифрования), выгрузки прогресса, файлы .pack, очищенные копии фото. Что сделать: проверьте «Загрузки», «Документы» и флешки.',
  },
  'remains.backups': {
    en: 'Backups and synced copies (Time Machine, Windows File History, cloud folders) may hold older copies of these files. Next step: check the backups made while you used safestep.',
    ru: 'В резервных копиях и синхронизированных папках (Time Machine, история файлов Windows, облачные папки) могут быть старые копии этих файлов. Что сделать: проверьте резервные копии, сделанные, пока вы пользовались safestep.',
  },
  'remains.disk': {
    en: 'Old blocks on SSDs and copy-on-write disks can only be protected, not erased, from here. Next step: keep full-disk encryption on ({cmd} check disk-encryption tells you whether it is), then they are unreadable without your password.',
    ru: 'Старые блоки на SSD и дисках с копированием при записи отсюда можно только защитить, но не стереть. Что сделать: держите включённым шифрование всего диска ({cmd} check disk-encryption покажет, включено ли оно) — тогда без вашего пароля их не прочитать.',
  },
  'after.offer': {
    en: 'Before a crossing you can remove everything safestep keeps on this computer: progress, settings, caches, installed packs and, if you choose, the journal.',
    ru: 'Перед пересечением границы можно удалить всё, что safestep хранит на этом компьютере: прогресс, настройки, кэш, установленные пакеты и, если решите, журнал.',
  },
  'after.ask': { en: 'Do it now?', ru: 'Сделать это сейчас?' },
  'after.now': { en: 'Yes, show me what will be removed', ru: 'Да, покажите, что будет удалено' },
  'after.later': { en: 'Not now (later: {cmd} forget)', ru: 'Не сейчас (позже: {cmd} forget)' },
});

export type ForgetKey = keyof typeof FORGET.table;
