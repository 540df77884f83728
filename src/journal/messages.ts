// Every sentence the incident journal shows or writes, in English and Russian.
// The people using it may be frightened or in danger: plain words, no blame,
// and always say whether anything was changed.
import { defineMessages } from '../i18n/messages.js';

export const MESSAGES = defineMessages('journal', {
  // Passphrases (shared with `pack keygen` and `pack build`)
  'pass.stdinTooLong': { en: 'Standard input is too long.', ru: 'Стандартный ввод слишком длинный.' },
  'pass.stdinIsTerminal': {
    en: '--passphrase-stdin reads the passphrase from a pipe, but standard input is this terminal: what you type would be shown on the screen.',
    ru: '--passphrase-stdin читает парольную фразу из конвейера, а стандартный ввод сейчас — этот терминал: набранное было бы видно на экране.',
  },
  'pass.stdinIsTerminalHint': {
    en: 'Leave out --passphrase-stdin and you will be asked with a hidden prompt.',
    ru: 'Уберите --passphrase-stdin, и фразу спросят так, что её не будет видно.',
  },
  'pass.stdinEmpty': { en: 'There is no passphrase on the first line of standard input.', ru: 'В первой строке стандартного ввода нет парольной фразы.' },
  'pass.tooShort': {
    en: 'This passphrase is too short: use at least {min} characters. A few random words are easy to remember and hard to guess.',
    ru: 'Парольная фраза слишком короткая: нужно хотя бы {min} символов. Несколько случайных слов легко запомнить и трудно подобрать.',
  },
  'pass.mismatch': { en: 'The two entries do not match. Let us try again.', ru: 'Введённые фразы не совпали. Попробуем ещё раз.' },
  'pass.gaveUp': { en: 'No passphrase was set: the entries did not match.', ru: 'Парольная фраза не задана: введённые фразы не совпали.' },
  'pass.needsTerminal': { en: 'A passphrase is needed, and there is no terminal to ask for it.', ru: 'Нужна парольная фраза, а спросить её негде: нет терминала.' },
  'pass.needsTerminalHint': {
    en: 'Run this in a terminal, or pass the passphrase on the first line of standard input with --passphrase-stdin.',
    ru: 'Запустите команду в терминале или передайте фразу первой строкой стандартного ввода с параметром --passphrase-stdin.',
  },

  // Opening the journal
  'ask.passphrase': { en: 'Journal passphrase:', ru: 'Парольная фраза журнала:' },
  'ask.newPassphrase': { en: 'Choose a passphrase for the journal:', ru: 'Придумайте парольную фразу для журнала:' },
  'ask.repeatPassphrase': { en: 'Type the same passphrase again:', ru: 'Введите ту же фразу ещё раз:' },
  'new.intro': {
    en: 'There is no journal on this computer yet, so one will be created now. Everything in it is encrypted with a passphrase you choose. Without it nobody can open the journal, not even the authors of safestep: write it down and keep it in a safe place.',
    ru: 'На этом компьютере ещё нет журнала, сейчас он будет создан. Всё в нём шифруется парольной фразой, которую вы придумаете. Без неё журнал не откроет никто, даже авторы safestep: запишите её и храните в надёжном месте.',
  },
  'err.noJournal': { en: 'There is no incident journal on this computer yet.', ru: 'На этом компьютере пока нет журнала инцидентов.' },
  'err.noJournalHint': { en: 'Start one with: {cmd} journal add', ru: 'Начните его командой: {cmd} journal add' },
  'err.wrongPassphrase': { en: 'Wrong passphrase: the journal was not opened.', ru: 'Неверная парольная фраза: журнал не открыт.' },
  'err.wrongPassphraseHint': {
    en: 'Nothing was changed. Check the keyboard layout and Caps Lock, then try again.',
    ru: 'Ничего не изменено. Проверьте раскладку клавиатуры и Caps Lock и попробуйте снова.',
  },
  'err.corrupted': { en: 'The journal file is damaged and cannot be read: {file}', ru: 'Файл журнала повреждён и не читается: {file}' },
  'err.corruptedHint': {
    en: 'Nothing was changed or deleted. If you have a backup copy of the folder {dir}, put it back in place.',
    ru: 'Ничего не изменено и не удалено. Если у вас есть резервная копия папки {dir}, верните её на место.',
  },
  'err.unsupported': {
    en: 'This journal was made by a newer version of safestep, or with settings this version does not accept.',
    ru: 'Журнал создан более новой версией safestep или с настройками, которые эта версия не принимает.',
  },
  'err.unsupportedHint': { en: 'Update safestep. Nothing was changed.', ru: 'Обновите safestep. Ничего не изменено.' },
  'err.locked': { en: 'Another safestep is writing to the journal right now.', ru: 'Сейчас в журнал пишет другая копия safestep.' },
  'err.lockedHint': {
    en: 'Wait for it to finish. If none is running, delete the file {file}.',
    ru: 'Дождитесь, пока она закончит. Если никакая не запущена, удалите файл {file}.',
  },
  'err.notAFile': { en: 'Cannot attach {file}: it is not a file that can be read.', ru: 'Нельзя приложить {file}: это не файл или его нельзя прочитать.' },

  // journal add
  'hint.when': {
    en: 'Time: YYYY-MM-DD HH:MM in this computer’s time zone (UTC{zone}), or followed by a zone such as +03:00 or Z. Just the date if you do not know the time. Press Enter for now.',
    ru: 'Время: ГГГГ-ММ-ДД ЧЧ:ММ в часовом поясе этого компьютера (UTC{zone}) или с поясом после времени, например +03:00 или Z. Если время неизвестно, укажите только дату. Enter — текущее время.',
  },
  'ask.when': { en: 'When did it happen?', ru: 'Когда это произошло?' },
  'bad.timeFormat': {
    en: 'Write it like 2026-11-20 14:30, 2026-11-20 14:30 +03:00 or 2026-11-20.',
    ru: 'Напишите так: 2026-11-20 14:30, 2026-11-20 14:30 +03:00 или 2026-11-20.',
  },
  'bad.timeFuture': { en: 'That time has not come yet: please check the date.', ru: 'Это время ещё не наступило: проверьте дату.' },
  'bad.timePast': { en: 'That is before 1990: please check the year.', ru: 'Это раньше 1990 года: проверьте год.' },
  'hint.what': {
    en: 'Describe what happened: what was said or done, and anything you noticed. One line at a time; an empty line finishes.',
    ru: 'Опишите, что произошло: что было сказано или сделано, что вы заметили. По одной строке; пустая строка завершает описание.',
  },
  'ask.what': { en: 'What happened?', ru: 'Что произошло?' },
  'ask.whatMore': { en: 'More (Enter to finish):', ru: 'Дальше (Enter — закончить):' },
  'bad.whatEmpty': { en: 'Please describe what happened.', ru: 'Опишите, пожалуйста, что произошло.' },
  'ask.who': { en: 'Who was involved: names, accounts, phone numbers (Enter to skip)?', ru: 'Кто участвовал: имена, аккаунты, телефоны (Enter — пропустить)?' },
  'ask.channel': {
    en: 'How did it reach you: phone call, Telegram, email, in person… (Enter to skip)?',
    ru: 'По какому каналу: звонок, Telegram, почта, лично… (Enter — пропустить)?',
  },
  'bad.tooLong': { en: 'Too long: at most {max} characters.', ru: 'Слишком длинно: не больше {max} символов.' },
  'bad.recordJson': {
    en: 'With --passphrase-stdin and no terminal, the lines after the passphrase must be the record as JSON: {"time": "…", "what": "…", "who": "…", "channel": "…"}.',
    ru: 'С --passphrase-stdin и без терминала строки после парольной фразы должны содержать запись в JSON: {"time": "…", "what": "…", "who": "…", "channel": "…"}.',
  },
  'bad.recordField': { en: 'The record is not valid: {field}: {problem}', ru: 'Запись неверна: {field}: {problem}' },
  'add.saved': { en: 'Record {n} is saved in the encrypted journal.', ru: 'Запись {n} сохранена в зашифрованном журнале.' },
  'add.attached': { en: 'Attached: {name} ({size}), SHA-256 {sha256}', ru: 'Приложено: {name} ({size}), SHA-256 {sha256}' },
  'add.originalsKept': {
    en: 'The original files are still where they were, unencrypted. If they should not stay on this computer, delete them yourself after checking the journal with: {cmd} journal verify',
    ru: 'Исходные файлы остались на своих местах без шифрования. Если им не место на этом компьютере, удалите их сами, когда проверите журнал командой: {cmd} journal verify',
  },

  // journal list / show
  'list.empty': { en: 'The journal has no records.', ru: 'В журнале нет записей.' },
  'list.header': {
    en: { one: 'The journal has {count} record:', other: 'The journal has {count} records:' },
    ru: { one: 'В журнале {count} запись:', few: 'В журнале {count} записи:', many: 'В журнале {count} записей:', other: 'В журнале {count} записи:' },
  },
  'list.files': {
    en: { one: '{count} file', other: '{count} files' },
    ru: { one: '{count} файл', few: '{count} файла', many: '{count} файлов', other: '{count} файла' },
  },
  'list.hint': { en: 'To see a record in full: {cmd} journal show <number>', ru: 'Чтобы увидеть запись целиком: {cmd} journal show <номер>' },
  'show.badNumber': { en: 'There is no record {n}: records are numbered 1 to {count}.', ru: 'Записи {n} нет: записи пронумерованы от 1 до {count}.' },
  'show.noRecords': { en: 'There is no record {n}: the journal has no records yet.', ru: 'Записи {n} нет: в журнале пока нет записей.' },
  'show.title': { en: 'Record {n}', ru: 'Запись {n}' },
  'field.when': { en: 'When', ru: 'Когда' },
  'field.timeUnknown': { en: '{date} (time unknown)', ru: '{date} (время неизвестно)' },
  'field.asEntered': { en: 'as entered: {text}', ru: 'как введено: {text}' },
  'field.recorded': { en: 'Recorded', ru: 'Записано' },
  'field.who': { en: 'Who', ru: 'Кто' },
  'field.channel': { en: 'Channel', ru: 'Канал' },
  'field.what': { en: 'What happened', ru: 'Что произошло' },
  'field.attachments': { en: 'Attached files', ru: 'Приложенные файлы' },
  'field.none': { en: '(not given)', ru: '(не указано)' },
  'field.noAttachments': { en: 'No files attached.', ru: 'Файлы не приложены.' },

  // journal verify
  'verify.record': { en: 'Record {n}:', ru: 'Запись {n}:' },
  'verify.ok': { en: '  {name}: OK', ru: '  {name}: в порядке' },
  'verify.missing': { en: '  {name}: MISSING (the encrypted copy is gone)', ru: '  {name}: НЕТ ФАЙЛА (зашифрованная копия пропала)' },
  'verify.corrupted': { en: '  {name}: DAMAGED (the encrypted copy cannot be decrypted)', ru: '  {name}: ПОВРЕЖДЁН (зашифрованную копию не удаётся расшифровать)' },
  'verify.changed': { en: '  {name}: CHANGED (its SHA-256 no longer matches the record)', ru: '  {name}: ИЗМЕНЁН (SHA-256 не совпадает с записанным)' },
  'verify.allOk': {
    en: { one: 'The journal opens, and its {count} attached file is intact.', other: 'The journal opens, and all {count} attached files are intact.' },
    ru: {
      one: 'Журнал открывается, {count} приложенный файл цел.',
      few: 'Журнал открывается, все {count} приложенных файла целы.',
      many: 'Журнал открывается, все {count} приложенных файлов целы.',
      other: 'Журнал открывается, все приложенные файлы целы ({count}).',
    },
  },
  'verify.noFiles': { en: 'The journal opens; it has no attached files.', ru: 'Журнал открывается; приложенных файлов в нём нет.' },
  'verify.bad': {
    en: 'Problems with {bad} of {count} attached files. Nothing was changed.',
    ru: 'Проблемы с приложенными файлами: {bad} из {count}. Ничего не изменено.',
  },
  'verify.orphans': {
    en: 'The folder {dir} also holds encrypted files that belong to no record ({count}); they are probably left from an interrupted save. They were not deleted.',
    ru: 'В папке {dir} есть и зашифрованные файлы, не относящиеся ни к одной записи ({count}); вероятно, они остались от прерванного сохранения. Они не удалены.',
  },
  'verify.leftovers': {
    en: {
      one: 'An interrupted save left {count} temporary file ({size}) in {dir}. It holds only encrypted data; the next {cmd} journal add removes it.',
      other: 'An interrupted save left {count} temporary files ({size}) in {dir}. They hold only encrypted data; the next {cmd} journal add removes them.',
    },
    ru: {
      one: 'Прерванное сохранение оставило {count} временный файл ({size}) в {dir}. В нём только зашифрованные данные; следующий {cmd} journal add его удалит.',
      few: 'Прерванное сохранение оставило {count} временных файла ({size}) в {dir}. В них только зашифрованные данные; следующий {cmd} journal add их удалит.',
      many: 'Прерванное сохранение оставило {count} временных файлов ({size}) в {dir}. В них только зашифрованные данные; следующий {cmd} journal add их удалит.',
      other: 'Прерванное сохранение оставило временные файлы ({count}, {size}) в {dir}. В них только зашифрованные данные; следующий {cmd} journal add их удалит.',
    },
  },

  // journal export
  'export.exists': { en: '{file} already exists; nothing was overwritten.', ru: '{file} уже существует; ничего не перезаписано.' },
  'export.existsHint': { en: 'Choose another name with --out.', ru: 'Выберите другое имя в --out.' },
  'export.badFormat': { en: 'Unknown format "{format}": use md or html.', ru: 'Неизвестный формат «{format}»: используйте md или html.' },
  'export.noFolder': { en: 'The folder {dir} does not exist; nothing was written.', ru: 'Папки {dir} нет; ничего не записано.' },
  'export.noFolderHint': { en: 'Create it first, or choose another place with --out.', ru: 'Сначала создайте её или укажите другое место в --out.' },
  'export.empty': { en: 'The journal has no records to export.', ru: 'В журнале нет записей для выгрузки.' },
  'export.failed': {
    en: 'The attached file {name} (record {n}) could not be exported: {reason}. Nothing was written.',
    ru: 'Не удалось выгрузить приложенный файл {name} (запись {n}): {reason}. Ничего не записано.',
  },
  'export.failedHint': { en: 'Run {cmd} journal verify to see which files are affected.', ru: 'Запустите {cmd} journal verify, чтобы увидеть, какие файлы затронуты.' },
  'export.done': { en: 'Report written: {file}', ru: 'Отчёт сохранён: {file}' },
  'export.evidence': {
    en: 'Attached files, decrypted, with their checksums in SHA256SUMS: {dir}',
    ru: 'Приложенные файлы (расшифрованные) и их контрольные суммы в SHA256SUMS: {dir}',
  },
  'export.reportHash': { en: 'SHA-256 of the report: {sha256}', ru: 'SHA-256 отчёта: {sha256}' },
  'export.warning': {
    en: 'These files are not encrypted. Send them only over a channel you trust, keep them on an encrypted disk, and delete them once they are no longer needed.',
    ru: 'Эти файлы не зашифрованы. Передавайте их только по надёжному каналу, храните на зашифрованном диске и удалите, когда они станут не нужны.',
  },

  // The report itself
  'report.title': { en: 'Incident journal', ru: 'Журнал инцидентов' },
  'report.exported': {
    en: 'Exported on {date} with safestep {version}. All times are UTC.',
    ru: 'Выгружено {date} программой safestep {version}. Время везде указано по UTC.',
  },
  'report.count': { en: 'Records: {count}', ru: 'Записей: {count}' },
  'report.evidenceTitle': { en: 'Evidence manifest', ru: 'Перечень доказательств' },
  'report.evidenceIntro': {
    en: 'Each attached file was copied into the encrypted journal when it was added, and its SHA-256 was recorded at that moment.',
    ru: 'Каждый приложенный файл был скопирован в зашифрованный журнал при добавлении, и тогда же был записан его SHA-256.',
  },
  'report.evidenceFiles': {
    en: 'The copies in the folder {dir} were decrypted during this export and checked against those hashes.',
    ru: 'Копии в папке {dir} расшифрованы при этой выгрузке и сверены с этими значениями.',
  },
  'report.evidenceNoFiles': { en: 'The files themselves were not exported; the hashes identify them.', ru: 'Сами файлы не выгружались; их можно опознать по хешам.' },
  'report.howToCheck': {
    en: 'To check the files, open a terminal in that folder and run: sha256sum -c SHA256SUMS (Linux), shasum -a 256 -c SHA256SUMS (macOS), or Get-FileHash <file> in PowerShell (Windows) and compare with the table.',
    ru: 'Чтобы проверить файлы, откройте терминал в этой папке и выполните: sha256sum -c SHA256SUMS (Linux), shasum -a 256 -c SHA256SUMS (macOS) или Get-FileHash <файл> в PowerShell (Windows) и сравните с таблицей.',
  },
  'report.col.record': { en: 'Record', ru: 'Запись' },
  'report.col.file': { en: 'Exported file', ru: 'Выгруженный файл' },
  'report.col.name': { en: 'Original name', ru: 'Исходное имя' },
  'report.col.size': { en: 'Size, bytes', ru: 'Размер, байт' },
  'report.col.added': { en: 'Added (UTC)', ru: 'Добавлен (UTC)' },
  'report.col.sha256': { en: 'SHA-256', ru: 'SHA-256' },
  'report.notExported': { en: '(not exported)', ru: '(не выгружен)' },

  // journal wipe
  'wipe.nothing': { en: 'There is no journal on this computer: nothing to delete.', ru: 'На этом компьютере нет журнала: удалять нечего.' },
  'wipe.confirm': {
    en: 'Delete the whole incident journal, with all its records and attached files? This cannot be undone.',
    ru: 'Удалить весь журнал инцидентов со всеми записями и приложенными файлами? Это необратимо.',
  },
  'wipe.needsYes': {
    en: 'Deleting the journal needs a confirmation, and there is no terminal to ask for it.',
    ru: 'Для удаления журнала нужно подтверждение, а спросить его негде: нет терминала.',
  },
  'wipe.needsYesHint': { en: 'Add --yes if you really mean it.', ru: 'Добавьте --yes, если вы действительно этого хотите.' },
  'wipe.cancelled': { en: 'Nothing was deleted.', ru: 'Ничего не удалено.' },
  'wipe.done': { en: 'The journal is deleted.', ru: 'Журнал удалён.' },
  'wipe.note': {
    en: 'Its files were encrypted, so whatever may remain on the disk cannot be read without the passphrase. Reports you exported and backup copies are not affected: delete them yourself if needed.',
    ru: 'Его файлы были зашифрованы, так что всё, что могло остаться на диске, без парольной фразы не прочитать. Выгруженные отчёты и резервные копии это не затронуло: при необходимости удалите их сами.',
  },

  // Sizes
  'size.bytes': { en: '{n} B', ru: '{n} Б' },
  'size.kb': { en: '{n} KB', ru: '{n} КБ' },
  'size.mb': { en: '{n} MB', ru: '{n} МБ' },
  'size.gb': { en: '{n} GB', ru: '{n} ГБ' },
});

export type MessageId = keyof typeof MESSAGES.table;

