// Every sentence the lesson-pack commands show, in English and Russian. A
// refused pack always says why, and what to do next.
import { defineMessages } from '../i18n/messages.js';

export const MESSAGES = defineMessages('packs', {
  // Why a pack is refused
  'fail.notAPack': { en: '{file} is not a safestep lesson pack.', ru: '{file} — не пакет уроков safestep.' },
  'fail.newerFormat': {
    en: '{file} was made by a newer version of safestep.',
    ru: '{file} создан более новой версией safestep.',
  },
  'fail.newerFormatHint': { en: 'Update safestep, then try again.', ru: 'Обновите safestep и попробуйте снова.' },
  'fail.tooLarge': { en: '{file} is larger than a lesson pack can be ({max} MB).', ru: '{file} больше допустимого размера пакета ({max} МБ).' },
  'fail.truncated': {
    en: 'The pack is incomplete (cut short): it should be at least {expected} bytes, but it is {actual}. It was probably not copied or downloaded completely.',
    ru: 'Пакет неполный (обрезан): в нём должно быть не меньше {expected} байт, а есть {actual}. Вероятно, его не до конца скопировали или скачали.',
  },
  'fail.trailing': {
    en: {
      one: 'The pack has {count} extra byte at the end: something was added to it after it was made.',
      other: 'The pack has {count} extra bytes at the end: something was added to it after it was made.',
    },
    ru: {
      one: 'В конце пакета {count} лишний байт: что-то добавили в него после создания.',
      few: 'В конце пакета {count} лишних байта: что-то добавили в него после создания.',
      many: 'В конце пакета {count} лишних байт: что-то добавили в него после создания.',
      other: 'В конце пакета лишние байты ({count}): что-то добавили в него после создания.',
    },
  },
  'fail.badManifest': { en: 'The pack’s table of contents (manifest) is invalid: {detail}.', ru: 'Оглавление пакета (манифест) неверно: {detail}.' },
  'fail.badManifestPath': { en: 'The pack’s table of contents (manifest) is invalid: {detail}: {path}', ru: 'Оглавление пакета (манифест) неверно: {detail}: {path}' },
  'fail.badSignature': {
    en: 'The signature does not match: the pack’s table of contents was changed after signing, or it was not signed by the key it names.',
    ru: 'Подпись не сходится: оглавление пакета изменили после подписи, или его подписал не тот ключ, который в нём указан.',
  },
  'fail.signatureMissing': {
    en: 'The pack names a signer, but its signature has been removed.',
    ru: 'В пакете указан автор подписи, но сама подпись удалена.',
  },
  'fail.unexpectedSignature': { en: 'The pack carries a signature but names no signer.', ru: 'В пакете есть подпись, но не указано, чья она.' },
  'fail.fileChanged': {
    en: 'The file {path} was changed after the pack was made: its SHA-256 does not match the signed table of contents.',
    ru: 'Файл {path} изменили после создания пакета: его SHA-256 не совпадает с подписанным оглавлением.',
  },
  'fail.hint': {
    en: 'Do not install it. Ask the trainer for the pack again, and compare the signer’s fingerprint with them.',
    ru: 'Не устанавливайте его. Попросите у тренера пакет ещё раз и сверьте с ним отпечаток ключа.',
  },
  'fail.unreadable': { en: 'Cannot read {file}: {reason}', ru: 'Не удаётся прочитать {file}: {reason}' },

  // Keys
  'key.notAKey': { en: '{file} is not a safestep pack signing key.', ru: '{file} — не ключ подписи пакетов safestep.' },
  'key.newer': { en: '{file} was made by a newer version of safestep.', ru: '{file} создан более новой версией safestep.' },
  'key.wrongPassphrase': { en: 'Wrong passphrase for the signing key {file}. Nothing was signed.', ru: 'Неверная парольная фраза ключа {file}. Ничего не подписано.' },
  'key.wrongPassphraseHint': { en: 'Check the keyboard layout and Caps Lock, then try again.', ru: 'Проверьте раскладку клавиатуры и Caps Lock и попробуйте снова.' },
  'key.corrupted': { en: 'The signing key file {file} is damaged.', ru: 'Файл ключа подписи {file} повреждён.' },
  'key.corruptedHint': { en: 'Use your backup copy of the key file.', ru: 'Возьмите резервную копию файла ключа.' },
  'key.unsupported': { en: 'The signing key file {file} uses settings this version of safestep does not accept.', ru: 'В файле ключа {file} настройки, которые эта версия safestep не принимает.' },
  'key.missing': { en: 'There is no key file at {file}.', ru: 'Файла ключа {file} нет.' },
  'key.missingHint': { en: 'Create one with: {cmd} pack keygen', ru: 'Создайте его командой: {cmd} pack keygen' },
  'keygen.exists': { en: 'A file already exists at {file}; it was not replaced.', ru: 'Файл {file} уже существует; он не заменён.' },
  'keygen.existsHint': {
    en: 'A signing key must never be overwritten by accident. Choose another file with --out.',
    ru: 'Ключ подписи нельзя случайно затереть. Выберите другой файл в --out.',
  },
  'keygen.intro': {
    en: 'This creates a key for signing lesson packs. Its private half is encrypted with a passphrase you choose now; you will need it every time you sign a pack.',
    ru: 'Сейчас будет создан ключ для подписи пакетов уроков. Его секретная часть шифруется парольной фразой, которую вы сейчас придумаете; она понадобится при каждой подписи.',
  },
  'keygen.ask': { en: 'Passphrase for the signing key:', ru: 'Парольная фраза для ключа подписи:' },
  'keygen.repeat': { en: 'Type the same passphrase again:', ru: 'Введите ту же фразу ещё раз:' },
  'keygen.saved': { en: 'Signing key saved: {file}', ru: 'Ключ подписи сохранён: {file}' },
  'keygen.fingerprint': {
    en: 'Its fingerprint. Read it out to participants, so they can compare it with what `{cmd} pack verify` shows them:',
    ru: 'Его отпечаток. Зачитайте его участникам, чтобы они сверили его с тем, что покажет `{cmd} pack verify`:',
  },
  'keygen.backup': {
    en: 'Keep a backup of the key file and remember the passphrase: a lost key cannot be recovered, and a new key has a new fingerprint that everyone must check again. Never send the key file to anyone.',
    ru: 'Сохраните резервную копию файла ключа и запомните парольную фразу: потерянный ключ не восстановить, а у нового ключа будет новый отпечаток, который всем придётся сверять заново. Никому не отправляйте файл ключа.',
  },
  'unlock.ask': { en: 'Passphrase for the signing key {file}:', ru: 'Парольная фраза ключа {file}:' },

  // pack build
  'build.notADir': { en: '{dir} is not a folder.', ru: '{dir} — не папка.' },
  'build.keyOrUnsigned': { en: 'Say how to sign the pack: --key <key file>, or --unsigned.', ru: 'Укажите, как подписать пакет: --key <файл ключа> или --unsigned.' },
  'build.keyAndUnsigned': { en: '--key and --unsigned cannot be used together.', ru: '--key и --unsigned нельзя указывать вместе.' },
  'build.outExists': { en: '{file} already exists; nothing was overwritten.', ru: '{file} уже существует; ничего не перезаписано.' },
  'build.outExistsHint': { en: 'Choose another name, or add --force to replace it.', ru: 'Выберите другое имя или добавьте --force, чтобы заменить его.' },
  'build.symlink': { en: '{file} is a symbolic link; packs hold only ordinary files.', ru: '{file} — символическая ссылка; в пакете могут быть только обычные файлы.' },
  'build.notAFile': { en: '{file} is not an ordinary file.', ru: '{file} — не обычный файл.' },
  'build.unsafeName': {
    en: '{file}: each lesson must sit in a folder named after its id, at most three folders deep, with lower-case names (topic/lesson-id/lesson.yaml).',
    ru: '{file}: каждый урок должен лежать в папке с именем, равным его id, не глубже трёх папок, имена строчными буквами (тема/id-урока/lesson.yaml).',
  },
  'build.badIndicators': {
    en: '{file} is not a valid phone indicator set ({field}); see src/phone/README.md for the format.',
    ru: '{file} — некорректный набор индикаторов для телефона ({field}); формат описан в src/phone/README.md.',
  },
  'build.tooLarge': { en: '{file} is too large for a lesson file.', ru: '{file} слишком велик для файла урока.' },
  'build.refused': { en: 'The pack was not built.', ru: 'Пакет не собран.' },
  'build.noLessons': { en: 'There are no lessons in {dir} (looked for topic/lesson-id/lesson.yaml).', ru: 'В {dir} нет уроков (искали тема/id-урока/lesson.yaml).' },
  'build.lessonErrors': {
    en: { one: 'The lessons have {count} error, so no pack was built:', other: 'The lessons have {count} errors, so no pack was built:' },
    ru: {
      one: 'В уроках {count} ошибка, поэтому пакет не собран:',
      few: 'В уроках {count} ошибки, поэтому пакет не собран:',
      many: 'В уроках {count} ошибок, поэтому пакет не собран:',
      other: 'В уроках {count} ошибки, поэтому пакет не собран:',
    },
  },
  'build.drafts': {
    en: 'Note: still marked as drafts (draft: true), so people who install the pack will not see them in their lesson list: {ids}. To publish one, delete that line and build again.',
    ru: 'Обратите внимание: эти уроки всё ещё помечены как черновики (draft: true), поэтому у тех, кто установит пакет, их не будет в списке уроков: {ids}. Чтобы опубликовать урок, удалите эту строку и соберите пакет снова.',
  },
  'build.lessonErrorsHint': { en: 'Fix them ({cmd} lesson validate {dir:arg}), then build again.', ru: 'Исправьте их ({cmd} lesson validate {dir:arg}) и соберите пакет снова.' },
  'build.badId': { en: '"{id}" cannot be a pack id: use lower-case letters, digits and hyphens.', ru: '«{id}» не годится как id пакета: используйте строчные латинские буквы, цифры и дефисы.' },
  'build.badIdHint': { en: 'Give one with --id, e.g. --id tbilisi-workshop-2026', ru: 'Задайте его через --id, например --id tbilisi-workshop-2026' },
  'build.badName': { en: 'The pack name must be 1 to 200 characters, without control characters.', ru: 'Название пакета — от 1 до 200 символов, без управляющих символов.' },
  'build.ignored': {
    en: { one: '{count} other file in the folder is not part of any lesson and was left out.', other: '{count} other files in the folder are not part of any lesson and were left out.' },
    ru: {
      one: '{count} файл в папке не относится ни к одному уроку и не вошёл в пакет.',
      few: '{count} файла в папке не относятся ни к одному уроку и не вошли в пакет.',
      many: '{count} файлов в папке не относятся ни к одному уроку и не вошли в пакет.',
      other: '{count} файла в папке не относятся ни к одному уроку и не вошли в пакет.',
    },
  },
  'build.done': { en: 'Pack written: {file}', ru: 'Пакет сохранён: {file}' },
  'build.doneUnsigned': {
    en: 'The pack is NOT signed: people installing it cannot tell who made it or whether it was changed.',
    ru: 'Пакет НЕ подписан: при установке нельзя будет проверить, кто его сделал и не меняли ли его.',
  },
  'build.signedBy': { en: 'Signed with the key whose fingerprint is:', ru: 'Подписан ключом с отпечатком:' },

  // pack verify / install: what the pack is
  'show.pack': { en: 'Pack: {name} ({id})', ru: 'Пакет: {name} ({id})' },
  'show.created': { en: 'Made: {date}', ru: 'Создан: {date}' },
  'show.signer': {
    en: 'Signer’s fingerprint (compare it, aloud or side by side, with the one the trainer has):',
    ru: 'Отпечаток ключа автора (сверьте его вслух или глазами с тем, что у тренера):',
  },
  'show.trusted': { en: 'You already trust this signer on this computer.', ru: 'Этому автору вы уже доверяете на этом компьютере.' },
  'show.unknown': { en: 'This signer is new on this computer.', ru: 'Этот автор на этом компьютере встречается впервые.' },
  'show.unsigned': { en: 'Not signed: nobody can tell who made this pack or whether it was changed.', ru: 'Без подписи: нельзя проверить, кто сделал пакет и не меняли ли его.' },
  'show.lessons': {
    en: { one: '{count} lesson:', other: '{count} lessons:' },
    ru: { one: '{count} урок:', few: '{count} урока:', many: '{count} уроков:', other: '{count} урока:' },
  },
  'show.lesson': { en: '  {id}, version {version}', ru: '  {id}, версия {version}' },
  'verify.ok': {
    en: 'The pack is intact: every file matches the signed table of contents, and the signature is valid.',
    ru: 'Пакет цел: все файлы совпадают с подписанным оглавлением, подпись верна.',
  },
  'verify.okUnsigned': {
    en: 'Every file matches the table of contents, but without a signature that proves little.',
    ru: 'Все файлы совпадают с оглавлением, но без подписи это мало что доказывает.',
  },

  // pack install
  'install.unsigned': { en: 'This pack is not signed, so it was not installed.', ru: 'Пакет не подписан, поэтому не установлен.' },
  'install.unsignedHint': {
    en: 'Install it only if you got it in person from someone you trust, with: --allow-unsigned',
    ru: 'Устанавливайте его, только если получили лично от того, кому доверяете: --allow-unsigned',
  },
  'install.unsignedAllowed': { en: 'Installing an unsigned pack, as you asked (--allow-unsigned).', ru: 'Устанавливается пакет без подписи, как вы просили (--allow-unsigned).' },
  'install.askTrust': {
    en: 'Does this fingerprint match the one the trainer read out or showed you, digit for digit? Trust this signer?',
    ru: 'Этот отпечаток совпадает с тем, что тренер зачитал или показал вам, цифра в цифру? Доверять этому автору?',
  },
  'install.trustNeedsYes': {
    en: 'The signer is new on this computer, and there is no terminal to ask whether to trust them.',
    ru: 'Автор подписи на этом компьютере новый, а спросить, доверять ли ему, негде: нет терминала.',
  },
  'install.trustNeedsYesHint': {
    en: 'Check the fingerprint above with the trainer, then add --yes.',
    ru: 'Сверьте отпечаток выше с тренером и добавьте --yes.',
  },
  'install.trustDeclined': { en: 'Not installed: you did not confirm the signer.', ru: 'Не установлено: вы не подтвердили автора подписи.' },
  'install.trustedByYes': { en: 'Trusting this signer because of --yes.', ru: 'Этому автору доверие дано по --yes.' },
  'install.otherSigner': {
    en: 'A pack with the id {id} is already installed, from a different signer. The new one was not installed.',
    ru: 'Пакет с id {id} уже установлен, и подписан он другим автором. Новый не установлен.',
  },
  'install.otherSignerHint': {
    en: 'If you trust the new signer, remove the old pack first: {cmd} pack remove {id}',
    ru: 'Если вы доверяете новому автору, сначала удалите старый пакет: {cmd} pack remove {id}',
  },
  'install.lessonErrors': {
    en: { one: 'A lesson in the pack has {count} error, so nothing was installed:', other: 'The lessons in the pack have {count} errors, so nothing was installed:' },
    ru: {
      one: 'В уроках пакета {count} ошибка, поэтому ничего не установлено:',
      few: 'В уроках пакета {count} ошибки, поэтому ничего не установлено:',
      many: 'В уроках пакета {count} ошибок, поэтому ничего не установлено:',
      other: 'В уроках пакета {count} ошибки, поэтому ничего не установлено:',
    },
  },
  'install.lessonMismatch': {
    en: 'The lessons in the pack do not match its table of contents ({path}), so nothing was installed.',
    ru: 'Уроки в пакете не совпадают с его оглавлением ({path}), поэтому ничего не установлено.',
  },
  'install.clash': {
    en: 'The pack’s lesson {id} has the same id as a lesson already here ({where}); a pack cannot replace another lesson. Nothing was installed.',
    ru: 'Урок пакета {id} совпадает по id с уже имеющимся уроком ({where}); пакет не может подменить другой урок. Ничего не установлено.',
  },
  'install.done': { en: 'Installed the pack {name} ({id}).', ru: 'Пакет {name} ({id}) установлен.' },
  'install.older': {
    en: 'The copy of {id} installed here is newer (made {installed}) than this pack (made {created}); it was kept.',
    ru: 'Установленная здесь копия {id} новее (создана {installed}), чем этот пакет (создан {created}); она оставлена.',
  },
  'install.olderHint': {
    en: 'An old pack can bring back lessons the trainer has since corrected. If you really want it, remove the installed one first: {cmd} pack remove {id}',
    ru: 'Старый пакет может вернуть уроки, которые тренер с тех пор исправил. Если он действительно нужен, сначала удалите установленный: {cmd} pack remove {id}',
  },
  'install.replaced': { en: 'It replaces the copy of this pack installed before.', ru: 'Он заменил ранее установленную копию этого пакета.' },
  'install.remembered': { en: 'This signer is now trusted on this computer.', ru: 'Теперь этому автору доверяют на этом компьютере.' },
  'install.next': { en: 'See the lessons with: {cmd} lessons', ru: 'Уроки можно посмотреть командой: {cmd} lessons' },

  // pack list / remove
  'list.none': { en: 'No lesson packs are installed.', ru: 'Пакеты уроков не установлены.' },
  'list.signer': { en: '  signer: {fingerprint}', ru: '  ключ подписи: {fingerprint}' },
  'list.trusted': { en: '(trusted)', ru: '(доверенный)' },
  'list.unsigned': { en: '  not signed', ru: '  без подписи' },
  'list.installed': { en: '  installed: {date}', ru: '  установлен: {date}' },
  'list.lessons': { en: '  lessons: {lessons}', ru: '  уроки: {lessons}' },
  'list.broken': { en: 'The folder {dir} is not a readable pack; it was left as it is.', ru: 'Папка {dir} — не читаемый пакет; она оставлена как есть.' },
  'remove.badId': { en: '"{id}" is not a pack id.', ru: '«{id}» — не id пакета.' },
  'remove.notInstalled': { en: 'No pack with the id {id} is installed.', ru: 'Пакет с id {id} не установлен.' },
  'remove.hint': { en: 'See the installed packs with: {cmd} pack list', ru: 'Установленные пакеты: {cmd} pack list' },
  'remove.done': {
    en: 'Removed the pack {id}. Your progress in its lessons is kept, and its signer stays trusted.',
    ru: 'Пакет {id} удалён. Ваш прогресс в его уроках сохранён, а доверие к его автору осталось.',
  },
});

export type MessageId = keyof typeof MESSAGES.table;

