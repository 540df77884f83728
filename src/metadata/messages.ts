// Every text the metadata scanner and scrubber show a person, in English and
// Russian, in one table registered with the one message model: what each risk
// category means in plain words, why a file could not be checked and what to
// do about it, and what the scrubber removed or could not verify. Values from
// files are never part of these templates; placeholders are sanitised by format().
import { severityLabel as baseSeverityLabel } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';
import { defineMessages, type TextOf } from '../i18n/messages.js';
import type { Category, FileStatus, MetaSeverity, Reason } from './types.js';

export type { Lang };

export const M = defineMessages('metadata', {
  'category.location.title': {
    en: 'Location',
    ru: 'Местоположение',
  },
  'category.location.why': {
    en: 'GPS coordinates or place names show where the file was made: often your home, your workplace or where you are now. Anyone who gets the file can put that point on a map.',
    ru: 'Координаты GPS или названия мест показывают, где создан файл: часто это ваш дом, работа или место, где вы сейчас. Любой, кто получит файл, может найти эту точку на карте.',
  },
  'category.serial.title': {
    en: 'Serial numbers',
    ru: 'Серийные номера',
  },
  'category.serial.why': {
    en: 'A camera\'s or lens\'s serial number is the same in every photo it takes. It can link an anonymous photo to photos you published under your name, or to the camera itself if it is seized.',
    ru: 'Серийный номер камеры или объектива одинаков во всех снятых ею фотографиях. По нему анонимный снимок можно связать с фотографиями, опубликованными под вашим именем, или с самой камерой, если её изымут.',
  },
  'category.person.title': {
    en: 'Names and accounts',
    ru: 'Имена и учётные записи',
  },
  'category.person.why': {
    en: 'Author, owner, company or computer names, e-mail addresses, folder paths with your user name. They tell whoever opens the file who made it.',
    ru: 'Имена автора, владельца, организации или компьютера, адреса почты, пути к папкам с именем пользователя. Они сообщают любому, кто откроет файл, кто его создал.',
  },
  'category.device.title': {
    en: 'Device details',
    ru: 'Сведения об устройстве',
  },
  'category.device.why': {
    en: 'Make, model, lens or printer narrow down who could have made the file, and can match it with other files from the same device.',
    ru: 'Марка, модель, объектив или принтер сужают круг тех, кто мог создать файл, и позволяют сопоставить его с другими файлами с того же устройства.',
  },
  'category.history.title': {
    en: 'Editing history',
    ru: 'История правок',
  },
  'category.history.why': {
    en: 'Earlier versions, tracked changes, comments, editing session ids and document ids. They can reveal what was deleted, who read and commented on the text, and that two files come from the same original.',
    ru: 'Прежние версии, записанные исправления, примечания, идентификаторы сеансов правки и документов. По ним можно узнать, что было удалено, кто читал и комментировал текст и что два файла сделаны из одного оригинала.',
  },
  'category.thumbnail.title': {
    en: 'Hidden previews',
    ru: 'Скрытые миниатюры',
  },
  'category.thumbnail.why': {
    en: 'A small copy of the picture stored inside the file. Editors do not always update it, so it can still show what you cropped out or blurred.',
    ru: 'Уменьшенная копия изображения внутри файла. Редакторы не всегда её обновляют, поэтому на ней может остаться то, что вы обрезали или размыли.',
  },
  'category.other.title': {
    en: 'Other text',
    ru: 'Другой текст',
  },
  'category.other.why': {
    en: 'Comments, titles, descriptions, keywords and custom fields. They can hold anything: names, places, notes you have forgotten about.',
    ru: 'Комментарии, заголовки, описания, ключевые слова и дополнительные поля. В них может быть что угодно: имена, места, забытые заметки.',
  },
  'category.software.title': {
    en: 'Software',
    ru: 'Программы',
  },
  'category.software.why': {
    en: 'The programs and versions that made the file. Little risk on its own, but it can show your operating system or a rare program that points to you.',
    ru: 'Программы и их версии, которыми сделан файл. Сам по себе риск невелик, но это может выдать вашу операционную систему или редкую программу, которая указывает на вас.',
  },
  'category.time.title': {
    en: 'Dates and times',
    ru: 'Даты и время',
  },
  'category.time.why': {
    en: 'When the file was made and changed, sometimes with a time zone. Little risk on its own, but a time zone or a date can contradict what you say about where and when.',
    ru: 'Когда файл создан и изменён, иногда с часовым поясом. Сам по себе риск невелик, но часовой пояс или дата могут противоречить тому, что вы говорите о месте и времени.',
  },
  'reason.truncated': {
    en: 'The file ends too early (damaged or not fully copied). What could be read is shown.',
    ru: 'Файл обрывается раньше времени (повреждён или скопирован не полностью). Показано то, что удалось прочитать.',
  },
  'reason.corrupt': {
    en: 'The file is damaged or unusual inside; some metadata may not have been read.',
    ru: 'Файл повреждён или устроен необычно; часть метаданных могла остаться непрочитанной.',
  },
  'reason.too-large': {
    en: 'Reading this file needs more than the safety limit allows; the rest was skipped.',
    ru: 'Для чтения этого файла нужно больше, чем позволяет предел безопасности; остальное пропущено.',
  },
  'reason.timeout': {
    en: 'Reading took too long and was stopped; the results may be incomplete.',
    ru: 'Чтение заняло слишком много времени и было остановлено; результаты могут быть неполными.',
  },
  'reason.encrypted': {
    en: 'The file is encrypted; its metadata cannot be read without the password.',
    ru: 'Файл зашифрован; без пароля его метаданные не прочитать.',
  },
  'reason.unsupported-variant': {
    en: 'This variant of the format is not supported yet; some metadata may not have been read.',
    ru: 'Этот вариант формата пока не поддерживается; часть метаданных могла остаться непрочитанной.',
  },
  'reason.read-failed': {
    en: 'The file could not be read.',
    ru: 'Файл не удалось прочитать.',
  },
  'scrub.status.cleaned': {
    en: 'Cleaned: a fresh check of the copy finds no medium or high risk metadata, and safestep reads every metadata container of this format.',
    ru: 'Очищено: повторная проверка копии не находит метаданных среднего и высокого риска, а safestep читает все блоки метаданных этого формата.',
  },
  'scrub.status.partial': {
    en: 'Partly cleaned: the copy still holds the metadata listed below.',
    ru: 'Очищено частично: в копии остались метаданные, перечисленные ниже.',
  },
  'scrub.status.unsupported': {
    en: 'This kind of file cannot be cleaned yet. Nothing was written.',
    ru: 'Такие файлы пока нельзя очистить. Ничего не записано.',
  },
  'scrub.status.exists': {
    en: 'The output file already exists. Nothing was overwritten (use --force to replace it).',
    ru: 'Файл для результата уже существует. Ничего не перезаписано (чтобы заменить его, добавьте --force).',
  },
  'scrub.status.failed': {
    en: 'Cleaning failed; the original is untouched.',
    ru: 'Очистить не удалось; оригинал не изменён.',
  },
  'scrub.status.not-clean': {
    en: 'The cleaned copy could not be verified clean (see below), so the original was NOT replaced.',
    ru: 'Не удалось убедиться, что очищенная копия чиста (см. ниже), поэтому оригинал НЕ заменён.',
  },
  'warning.document-content': {
    en: 'Only metadata was removed. The text and pictures you can see are unchanged: check them yourself for names, faces and places.',
    ru: 'Удалены только метаданные. Видимый текст и изображения не изменились: сами проверьте их на имена, лица и места.',
  },
  'warning.embedded-objects': {
    en: 'The document contains embedded objects (other documents, charts from other programs); they keep their own metadata.',
    ru: 'В документе есть встроенные объекты (другие документы, диаграммы из других программ); их собственные метаданные остались.',
  },
  'warning.linked-files': {
    en: 'The document links to files on a computer; those paths stay and can show a user name.',
    ru: 'Документ ссылается на файлы на компьютере; эти пути остались и могут показать имя пользователя.',
  },
  'warning.orientation-kept': {
    en: 'The picture is turned by a tag. A tiny EXIF block with only that tag was kept so it does not appear sideways; it holds nothing else.',
    ru: 'Изображение поворачивается специальной меткой. Оставлен крошечный блок EXIF только с этой меткой, чтобы снимок не лёг на бок; больше в нём ничего нет.',
  },
  'warning.pdf-content': {
    en: 'Hidden content stays: text under black boxes, white or tiny text, layers, and anything outside the visible page. To publish a redacted PDF, use a real redaction tool or convert the pages to images.',
    ru: 'Скрытое содержимое остаётся: текст под чёрными прямоугольниками, белый или мелкий текст, слои и всё, что за пределами видимой страницы. Чтобы опубликовать PDF с закрашенными местами, используйте настоящее средство редактирования или превратите страницы в изображения.',
  },
  'warning.pdf-annotations': {
    en: 'Annotations (comments, highlights) remain in the PDF; their authors and dates were removed, their text was not.',
    ru: 'Аннотации (комментарии, выделения) остались в PDF; их авторы и даты удалены, а текст нет.',
  },
  'warning.pdf-forms': {
    en: 'Form fields and the values typed into them remain.',
    ru: 'Поля формы и введённые в них значения остались.',
  },
  'warning.pdf-attachments': {
    en: 'Files attached to the PDF remain and keep their own metadata.',
    ru: 'Вложенные в PDF файлы остались вместе со своими метаданными.',
  },
  'warning.pdf-javascript': {
    en: 'The PDF contains scripts; they remain.',
    ru: 'В PDF есть скрипты; они остались.',
  },
  'warning.video-content': {
    en: 'Only metadata was removed. Sound and picture are unchanged: voices, faces, street signs and reflections can still identify a place or a person.',
    ru: 'Удалены только метаданные. Звук и изображение не изменились: голоса, лица, вывески и отражения всё ещё могут выдать место или человека.',
  },
  'removed.exif': {
    en: 'EXIF (camera, GPS, dates, serial numbers)',
    ru: 'EXIF (камера, GPS, даты, серийные номера)',
  },
  'removed.xmp': {
    en: 'XMP metadata',
    ru: 'метаданные XMP',
  },
  'removed.iptc': {
    en: 'IPTC and Photoshop data',
    ru: 'данные IPTC и Photoshop',
  },
  'removed.comment': {
    en: 'comments',
    ru: 'комментарии',
  },
  'removed.text': {
    en: 'text fields',
    ru: 'текстовые поля',
  },
  'removed.thumbnail': {
    en: 'embedded preview',
    ru: 'встроенная миниатюра',
  },
  'removed.previews': {
    en: 'extra preview images',
    ru: 'дополнительные изображения-превью',
  },
  'removed.vendor-data': {
    en: 'manufacturer data',
    ru: 'данные производителя',
  },
  'removed.trailing-data': {
    en: 'data hidden after the picture',
    ru: 'данные, спрятанные после изображения',
  },
  'removed.c2pa': {
    en: 'content credentials (C2PA)',
    ru: 'сведения о происхождении (C2PA)',
  },
  'removed.dates': {
    en: 'dates',
    ru: 'даты',
  },
  'removed.properties': {
    en: 'document properties (author, dates, program)',
    ru: 'свойства документа (автор, даты, программа)',
  },
  'removed.custom-properties': {
    en: 'custom properties',
    ru: 'дополнительные свойства',
  },
  'removed.comments': {
    en: 'comments and their authors',
    ru: 'примечания и их авторы',
  },
  'removed.tracked-changes': {
    en: 'tracked changes (accepted)',
    ru: 'записанные исправления (приняты)',
  },
  'removed.rsid': {
    en: 'editing session ids (rsid)',
    ru: 'идентификаторы сеансов правки (rsid)',
  },
  'removed.printer': {
    en: 'printer settings',
    ru: 'настройки принтера',
  },
  'removed.revisions': {
    en: 'revision log',
    ru: 'журнал изменений',
  },
  'removed.local-paths': {
    en: 'paths to files on a computer',
    ru: 'пути к файлам на компьютере',
  },
  'removed.settings': {
    en: 'application settings (printer, session ids)',
    ru: 'настройки программы (принтер, идентификаторы сеансов)',
  },
  'removed.app-config': {
    en: 'application configuration',
    ru: 'конфигурация программы',
  },
  'removed.picture-metadata': {
    en: 'metadata of pictures inside',
    ru: 'метаданные вложенных изображений',
  },
  'removed.private-data': {
    en: 'private application data',
    ru: 'служебные данные программ',
  },
  'removed.annotation-authors': {
    en: 'authors and dates of annotations',
    ru: 'авторы и даты аннотаций',
  },
  'removed.old-versions': {
    en: 'earlier versions and unused objects',
    ru: 'прежние версии и неиспользуемые объекты',
  },
  'removed.user-data': {
    en: 'user data (location, device, author)',
    ru: 'пользовательские данные (место, устройство, автор)',
  },
  'removed.location-track': {
    en: 'location track',
    ru: 'дорожка с координатами',
  },
  'removed.comment-authors': {
    en: 'names and initials of comment and tracked-change authors',
    ru: 'имена и инициалы авторов примечаний и исправлений',
  },
  'removed.last-user': {
    en: 'the name of whoever last had the file open',
    ru: 'имя того, кто последним открывал файл',
  },
  'removed.unused-space': {
    en: 'leftovers of earlier saves in unused parts of the file',
    ru: 'остатки прежних сохранений в неиспользуемых частях файла',
  },
  'advice.high': { en: 'Remove it before you send or publish this file.', ru: 'Удалите это, прежде чем отправлять или публиковать файл.' },
  'advice.medium': { en: 'Best removed before you share the file.', ru: 'Лучше удалить, прежде чем делиться файлом.' },
  'advice.low': { en: 'Usually harmless; the scrubber removes it anyway.', ru: 'Обычно безвредно; очистка всё равно это удаляет.' },
  'severity.heading': { en: '{label} risk', ru: 'Опасность: {label}' },
  'severity.line': { en: '{label}: {advice}', ru: '{label}. {advice}' },
  'type.symlink': { en: 'symbolic link', ru: 'символическая ссылка' },
  'type.text': { en: 'plain text', ru: 'обычный текст' },
  'type.unknown': { en: 'unknown type', ru: 'неизвестный тип' },
  'type.folder': { en: 'folder', ru: 'папка' },
  'type.empty': { en: 'empty file', ru: 'пустой файл' },
  'type.fifo': { en: 'pipe', ru: 'канал' },
  'type.socket': { en: 'socket', ru: 'сокет' },
  'type.device': { en: 'device', ru: 'устройство' },
  'type.special': { en: 'special file', ru: 'особый файл' },
  'reason.not-read': {
    en: 'safestep recognises this type but cannot read its metadata yet.',
    ru: 'safestep узнаёт этот тип файлов, но пока не умеет читать его метаданные.',
  },
  'reason.plain-text': {
    en: 'Plain text: it has no hidden metadata fields, but what it says was not checked.',
    ru: 'Обычный текст: скрытых полей метаданных в нём нет, но его содержимое не проверялось.',
  },
  'reason.unknown-type': {
    en: 'safestep does not recognise this type of file.',
    ru: 'safestep не знает такой тип файлов.',
  },
  'reason.empty': { en: 'The file is empty.', ru: 'Файл пустой.' },
  'reason.symlink': {
    en: 'A symbolic link inside a folder: not followed, so the file it points to was not checked here.',
    ru: 'Символическая ссылка внутри папки: по ней не переходили, поэтому файл, на который она указывает, здесь не проверен.',
  },
  'reason.special': { en: 'Not a regular file (a device, pipe or socket).', ru: 'Не обычный файл (устройство, канал или сокет).' },
  'reason.permission': {
    en: 'No permission to read it.',
    ru: 'Нет прав на чтение.',
  },
  'reason.io': { en: 'The disk reported an error while reading it.', ru: 'При чтении диск сообщил об ошибке.' },
  'reason.missing': { en: 'Not found.', ru: 'Не найден.' },
  'status.checked': { en: 'Checked', ru: 'Проверено' },
  'status.unsupported': { en: 'Not a type safestep can check', ru: 'Тип, который safestep не умеет проверять' },
  'status.unreadable': { en: 'Could not be read', ru: 'Не удалось прочитать' },
  'status.refused': { en: 'Stopped at a safety limit', ru: 'Остановлено на пределе безопасности' },
  'status.error': { en: 'Damaged or unusual inside', ru: 'Повреждены или устроены необычно' },
  'todo.unsupported': {
    en: 'What to do: convert or re-export it (for example save a photo as JPEG, a document as PDF), then check the copy; or check it with ExifTool.',
    ru: 'Что делать: сконвертируйте или пересохраните файл (например, фото в JPEG, документ в PDF) и проверьте копию; или проверьте его программой ExifTool.',
  },
  'todo.unreadable': {
    en: 'What to do: check the permissions (ls -l), or copy the file somewhere you can read it, and run the check again.',
    ru: 'Что делать: проверьте права доступа (ls -l) или скопируйте файл туда, где можете его прочитать, и запустите проверку снова.',
  },
  'todo.refused': {
    en: 'What to do: do not trust this file; if you made it yourself, re-export it from the program that made it and check the copy.',
    ru: 'Что делать: не доверяйте этому файлу; если вы сделали его сами, пересохраните его в той программе, где он создан, и проверьте копию.',
  },
  'todo.error': {
    en: 'What to do: what could be read is listed above; open and re-save the file (or export a copy) and check again.',
    ru: 'Что делать: то, что удалось прочитать, показано выше; откройте и пересохраните файл (или экспортируйте копию) и проверьте снова.',
  },
  'report.notChecked': {
    en: { one: 'Not checked: {count} file', other: 'Not checked: {count} files' },
    ru: { one: 'Не проверен {count} файл', few: 'Не проверено {count} файла', many: 'Не проверено {count} файлов', other: 'Не проверено файлов: {count}' },
  },
  'report.group': { en: '{status} ({count}): {types}', ru: '{status} ({count}): {types}' },
  'report.more': { en: '…and {count} more', ru: '…и ещё {count}' },
  'report.nothingFound': { en: 'No metadata found in the files that were checked.', ru: 'В проверенных файлах метаданные не найдены.' },
  'report.summary': {
    en: 'Files: {total}; checked: {checked}; with metadata: {withFindings}; not checked: {notChecked}.',
    ru: 'Файлов: {total}; проверено: {checked}; с метаданными: {withFindings}; не проверено: {notChecked}.',
  },
  'report.clean': {
    en: 'Nothing of medium or high risk was found in the files that were checked.',
    ru: 'В проверенных файлах не найдено ничего среднего или высокого риска.',
  },
  'report.cleanButNotAll': {
    en: 'Some files could not be checked (listed above): this is not a clean result for them.',
    ru: 'Некоторые файлы проверить не удалось (они перечислены выше): для них это не «чисто».',
  },
  'report.noFiles': { en: 'No files were found there.', ru: 'Там не нашлось ни одного файла.' },
  'report.scrubHint': {
    en: 'To remove it: {cmd} scrub <file or folder> (writes <name>.cleaned.<ext> beside the original and keeps the original).',
    ru: 'Чтобы удалить: {cmd} scrub <файл или папка> (запишет рядом <имя>.cleaned.<расширение>, оригинал останется).',
  },
  'cmd.what': { en: 'which files or folders should be checked?', ru: 'какие файлы или папки проверить?' },
  'cmd.hint': { en: 'For example: {cmd} check metadata ~/Pictures/to-send', ru: 'Например: {cmd} check metadata ~/Pictures/to-send' },
  'scrub.what': { en: 'which files or folders should be cleaned?', ru: 'какие файлы или папки очистить?' },
  'scrub.hint': { en: 'For example: {cmd} scrub photo.jpg report.docx', ru: 'Например: {cmd} scrub photo.jpg report.docx' },
  'scrub.outAndInPlace': { en: 'use either --out or --in-place, not both', ru: 'укажите либо --out, либо --in-place, но не оба' },
  'scrub.outMissing': { en: 'the folder {dir} does not exist', ru: 'папки {dir} нет' },
  'scrub.removedList': { en: 'Removed: {list}', ru: 'Удалено: {list}' },
  'scrub.remaining': { en: 'Still there: {what}', ru: 'Осталось: {what}' },
  'scrub.unverifiedBecause': { en: 'Could not verify: {why}', ru: 'Не удалось проверить: {why}' },
  'scrub.renamed': {
    en: 'Another file of the same name was cleaned in this run, so this copy got its own name.',
    ru: 'В этом запуске уже очищен файл с таким же именем, поэтому у этой копии своё имя.',
  },
  'scrub.viaLink': { en: 'This is a symbolic link; the file it points to was cleaned: {target}', ru: 'Это символическая ссылка; очищен файл, на который она указывает: {target}' },
  'scrub.hardLinks': {
    en: 'This file has {count} names (hard links); all of them now show the cleaned file.',
    ru: 'У этого файла несколько имён (жёстких ссылок): {count}; все они теперь показывают очищенный файл.',
  },
  'scrub.summary': {
    en: 'Cleaned and verified: {cleaned}; cleaned but not verified: {unverified}; not cleaned: {notCleaned}.',
    ru: 'Очищено и проверено: {cleaned}; очищено без полной проверки: {unverified}; не очищено: {notCleaned}.',
  },
  'scrub.originalsKept': { en: 'The originals are unchanged. Send or publish the .cleaned copies.', ru: 'Оригиналы не изменены. Отправляйте или публикуйте копии .cleaned.' },
  'scrub.none': { en: 'No files were found there.', ru: 'Там не нашлось ни одного файла.' },
  'scrub.status.unverified': {
    en: 'Metadata was removed, but the copy could not be fully verified (see below). Check it yourself before you send it.',
    ru: 'Метаданные удалены, но копию не удалось проверить полностью (см. ниже). Прежде чем отправлять, проверьте её сами.',
  },
  'scrub.status.unreadable': {
    en: 'The file could not be read, so it was not cleaned.',
    ru: 'Файл не удалось прочитать, поэтому он не очищен.',
  },
  'scrub.alternative.tiff': {
    en: 'What you can do: export a copy as JPEG or PNG from your photo program (a camera raw file can also be converted to DNG) and clean that copy.',
    ru: 'Что можно сделать: экспортируйте копию в JPEG или PNG в программе для фото (файл RAW можно также преобразовать в DNG) и очистите эту копию.',
  },
  'scrub.alternative.generic': {
    en: 'What you can do: convert or re-export it to a format safestep can clean (JPEG or PNG for pictures, PDF for documents, MP4 for video), or clean it with ExifTool or mat2.',
    ru: 'Что можно сделать: сконвертируйте или пересохраните файл в формат, который safestep умеет очищать (JPEG или PNG для изображений, PDF для документов, MP4 для видео), или очистите его программой ExifTool или mat2.',
  },
  'scrub.alternative.sidecar': {
    en: 'This file holds nothing but metadata (an XMP sidecar kept next to a photo). Do not send it; delete it if you do not need it.',
    ru: 'В этом файле нет ничего, кроме метаданных (файл XMP, который хранится рядом с фото). Не отправляйте его; удалите, если он не нужен.',
  },
  'unverified.incomplete': {
    en: 'safestep does not read every metadata container of this format, so a clean check of the copy proves nothing',
    ru: 'safestep читает не все блоки метаданных этого формата, поэтому чистая проверка копии ничего не доказывает',
  },
  'unverified.embedded': {
    en: 'files embedded in it (other documents, attachments) stay, with their own metadata',
    ru: 'встроенные в него файлы (другие документы, вложения) остались вместе со своими метаданными',
  },
  'unverified.word-tables': {
    en: 'Word files keep more lists that can hold names and folder paths (people allowed to edit protected parts, a routing slip, linked files, the autosave source); safestep does not read them yet',
    ru: 'в файлах Word есть и другие списки, где могут быть имена и пути к папкам (кому разрешено править защищённые части, список рассылки, связанные файлы, источник автосохранения); safestep их пока не читает',
  },
  'unverified.excel-notes': {
    en: 'Excel files keep links to other files (with their folder paths) and, in shared workbooks, a log of who changed what; safestep does not read them yet',
    ru: 'в файлах Excel хранятся ссылки на другие файлы (с путями к папкам), а в общих книгах ещё и журнал того, кто что менял; safestep их пока не читает',
  },
  'unverified.ppt-comments': {
    en: 'PowerPoint files keep embedded objects, macros and links to files (with their folder paths) inside the presentation itself; safestep does not read them yet',
    ru: 'в файлах PowerPoint встроенные объекты, макросы и ссылки на файлы (с путями к папкам) хранятся внутри самой презентации; safestep их пока не читает',
  },
  'unverified.macros': {
    en: 'the file contains macros (VBA), which can hold user names and folder paths; they were not checked',
    ru: 'в файле есть макросы (VBA), в которых могут быть имена пользователей и пути к папкам; они не проверялись',
  },
  'unverified.rescan': {
    en: 'the cleaned copy could not be checked completely',
    ru: 'очищенную копию не удалось проверить полностью',
  },
});

export type MessageKey = Parameters<typeof M.get>[0];

/** A translator bound to one language. */
export function texts(lang: Lang): TextOf<MessageKey> {
  return M.text(lang);
}

export function categoryTitle(category: Category, lang: Lang): string {
  return M.get(`category.${category}.title`, lang);
}

export function categoryWhy(category: Category, lang: Lang): string {
  return M.get(`category.${category}.why`, lang);
}

/** "High risk" / «Опасность: высокая», from the shared severity labels. */
export function severityLabel(severity: MetaSeverity, lang: Lang): string {
  const label = baseSeverityLabel(severity, lang);
  return M.get('severity.heading', lang, { label: lang === 'ru' ? label.toLowerCase() : label });
}

/** A detected type as a person reads it: format names as they are (jpeg, docx), words translated. */
export function typeLabel(format: string, lang: Lang): string {
  const key = `type.${format}`;
  return M.has(key) ? M.get(key, lang) : format;
}

export function severityAdvice(severity: MetaSeverity, lang: Lang): string {
  return M.get(`advice.${severity}`, lang);
}

export function reasonText(reason: Reason, lang: Lang): string {
  return M.get(`reason.${reason}`, lang);
}

export function statusTitle(status: FileStatus, lang: Lang): string {
  return M.get(`status.${status}`, lang);
}

export function statusTodo(status: Exclude<FileStatus, 'checked'>, lang: Lang): string {
  return M.get(`todo.${status}`, lang);
}

/** Why the scrubber did not (fully) clean a file. */
export type ScrubStatus = 'cleaned' | 'unverified' | 'partial' | 'unsupported' | 'unreadable' | 'exists' | 'failed' | 'not-clean';

export function scrubStatusText(status: ScrubStatus, lang: Lang): string {
  return M.get(`scrub.status.${status}`, lang);
}

/** Things the scrubber cannot or does not remove, by stable id. */
export type ScrubWarning =
  | 'document-content'
  | 'embedded-objects'
  | 'linked-files'
  | 'orientation-kept'
  | 'pdf-content'
  | 'pdf-annotations'
  | 'pdf-forms'
  | 'pdf-attachments'
  | 'pdf-javascript'
  | 'video-content';

export function scrubWarningText(id: ScrubWarning, lang: Lang): string {
  return M.get(`warning.${id}`, lang);
}

/** What the scrubber took out, by stable id. */
export type RemovedId =
  | 'exif'
  | 'xmp'
  | 'iptc'
  | 'comment'
  | 'text'
  | 'thumbnail'
  | 'previews'
  | 'vendor-data'
  | 'trailing-data'
  | 'c2pa'
  | 'dates'
  | 'properties'
  | 'custom-properties'
  | 'comments'
  | 'tracked-changes'
  | 'rsid'
  | 'printer'
  | 'revisions'
  | 'local-paths'
  | 'settings'
  | 'app-config'
  | 'picture-metadata'
  | 'private-data'
  | 'annotation-authors'
  | 'old-versions'
  | 'user-data'
  | 'location-track'
  | 'comment-authors'
  | 'last-user'
  | 'unused-space';

/** What a format module itself says it could not check in a cleaned copy (shown after "Could not verify:"). */
export type FormatUnverified = 'word-tables' | 'excel-notes' | 'ppt-comments' | 'macros';

export function removedText(id: RemovedId, lang: Lang): string {
  return M.get(`removed.${id}`, lang);
}

/** How to clean a file type safestep cannot clean itself. */
export type Alternative = 'tiff' | 'generic' | 'sidecar';
