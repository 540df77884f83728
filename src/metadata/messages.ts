// Every text the metadata scanner and scrubber show a person, in English and
// Russian: what each risk category means in plain words, the severity labels,
// why a file could not be read, why it was skipped, and what the scrubber
// leaves behind. Renderers pick the language; values from files are never
// part of these templates (they are printed separately, sanitised).
import type { BilingualText as Bilingual } from '../i18n/messages.js';
import type { Lang } from '../i18n/lang.js';
import type { Category, MetaSeverity, ScanErrorCode, SkipReason } from './types.js';

export type { Bilingual, Lang };

export interface CategoryText {
  title: Bilingual;
  /** Why this matters, for someone who has never heard the word "metadata". */
  why: Bilingual;
}

export const CATEGORY_TEXT: Readonly<Record<Category, CategoryText>> = {
  location: {
    title: { en: 'Location', ru: 'Местоположение' },
    why: {
      en: 'GPS coordinates or place names show where the file was made: often your home, your workplace or where you are now. Anyone who gets the file can put that point on a map.',
      ru: 'Координаты GPS или названия мест показывают, где создан файл: часто это ваш дом, работа или место, где вы сейчас. Любой, кто получит файл, может найти эту точку на карте.',
    },
  },
  serial: {
    title: { en: 'Serial numbers', ru: 'Серийные номера' },
    why: {
      en: "A camera's or lens's serial number is the same in every photo it takes. It can link an anonymous photo to photos you published under your name, or to the camera itself if it is seized.",
      ru: 'Серийный номер камеры или объектива одинаков во всех снятых ею фотографиях. По нему анонимный снимок можно связать с фотографиями, опубликованными под вашим именем, или с самой камерой, если её изымут.',
    },
  },
  person: {
    title: { en: 'Names and accounts', ru: 'Имена и учётные записи' },
    why: {
      en: 'Author, owner, company or computer names, e-mail addresses, folder paths with your user name. They tell whoever opens the file who made it.',
      ru: 'Имена автора, владельца, организации или компьютера, адреса почты, пути к папкам с именем пользователя. Они сообщают любому, кто откроет файл, кто его создал.',
    },
  },
  device: {
    title: { en: 'Device details', ru: 'Сведения об устройстве' },
    why: {
      en: 'Make, model, lens or printer narrow down who could have made the file, and can match it with other files from the same device.',
      ru: 'Марка, модель, объектив или принтер сужают круг тех, кто мог создать файл, и позволяют сопоставить его с другими файлами с того же устройства.',
    },
  },
  history: {
    title: { en: 'Editing history', ru: 'История правок' },
    why: {
      en: 'Earlier versions, tracked changes, comments, editing session ids and document ids. They can reveal what was deleted, who read and commented on the text, and that two files come from the same original.',
      ru: 'Прежние версии, записанные исправления, примечания, идентификаторы сеансов правки и документов. По ним можно узнать, что было удалено, кто читал и комментировал текст и что два файла сделаны из одного оригинала.',
    },
  },
  thumbnail: {
    title: { en: 'Hidden previews', ru: 'Скрытые миниатюры' },
    why: {
      en: 'A small copy of the picture stored inside the file. Editors do not always update it, so it can still show what you cropped out or blurred.',
      ru: 'Уменьшенная копия изображения внутри файла. Редакторы не всегда её обновляют, поэтому на ней может остаться то, что вы обрезали или размыли.',
    },
  },
  other: {
    title: { en: 'Other text', ru: 'Другой текст' },
    why: {
      en: 'Comments, titles, descriptions, keywords and custom fields. They can hold anything: names, places, notes you have forgotten about.',
      ru: 'Комментарии, заголовки, описания, ключевые слова и дополнительные поля. В них может быть что угодно: имена, места, забытые заметки.',
    },
  },
  software: {
    title: { en: 'Software', ru: 'Программы' },
    why: {
      en: 'The programs and versions that made the file. Little risk on its own, but it can show your operating system or a rare program that points to you.',
      ru: 'Программы и их версии, которыми сделан файл. Сам по себе риск невелик, но это может выдать вашу операционную систему или редкую программу, которая указывает на вас.',
    },
  },
  time: {
    title: { en: 'Dates and times', ru: 'Даты и время' },
    why: {
      en: 'When the file was made and changed, sometimes with a time zone. Little risk on its own, but a time zone or a date can contradict what you say about where and when.',
      ru: 'Когда файл создан и изменён, иногда с часовым поясом. Сам по себе риск невелик, но часовой пояс или дата могут противоречить тому, что вы говорите о месте и времени.',
    },
  },
};

export const SEVERITY_TEXT: Readonly<Record<MetaSeverity, { label: Bilingual; advice: Bilingual }>> = {
  high: {
    label: { en: 'High risk', ru: 'Высокий риск' },
    advice: {
      en: 'Remove it before you send or publish this file.',
      ru: 'Удалите это, прежде чем отправлять или публиковать файл.',
    },
  },
  medium: {
    label: { en: 'Medium risk', ru: 'Средний риск' },
    advice: {
      en: 'Best removed before you share the file.',
      ru: 'Лучше удалить, прежде чем делиться файлом.',
    },
  },
  low: {
    label: { en: 'Low risk', ru: 'Низкий риск' },
    advice: {
      en: 'Usually harmless; the scrubber removes it anyway.',
      ru: 'Обычно безвредно; очистка всё равно это удаляет.',
    },
  },
};

export const ERROR_TEXT: Readonly<Record<ScanErrorCode, Bilingual>> = {
  truncated: {
    en: 'The file ends too early (damaged or not fully copied). What could be read is shown.',
    ru: 'Файл обрывается раньше времени (повреждён или скопирован не полностью). Показано то, что удалось прочитать.',
  },
  corrupt: {
    en: 'The file is damaged or unusual inside; some metadata may not have been read.',
    ru: 'Файл повреждён или устроен необычно; часть метаданных могла остаться непрочитанной.',
  },
  'too-large': {
    en: 'Reading this file needs more than the safety limit allows; the rest was skipped.',
    ru: 'Для чтения этого файла нужно больше, чем позволяет предел безопасности; остальное пропущено.',
  },
  timeout: {
    en: 'Reading took too long and was stopped; the results may be incomplete.',
    ru: 'Чтение заняло слишком много времени и было остановлено; результаты могут быть неполными.',
  },
  encrypted: {
    en: 'The file is encrypted; its metadata cannot be read without the password.',
    ru: 'Файл зашифрован; без пароля его метаданные не прочитать.',
  },
  'unsupported-variant': {
    en: 'This variant of the format is not supported yet; some metadata may not have been read.',
    ru: 'Этот вариант формата пока не поддерживается; часть метаданных могла остаться непрочитанной.',
  },
  'read-failed': {
    en: 'The file could not be read.',
    ru: 'Файл не удалось прочитать.',
  },
};

export const SKIP_TEXT: Readonly<Record<SkipReason, Bilingual>> = {
  unsupported: {
    en: 'not a photo, PDF, office document or video that can be checked',
    ru: 'не фото, PDF, офисный документ или видео, которые можно проверить',
  },
  symlink: { en: 'a symbolic link (not followed)', ru: 'символическая ссылка (не открывается)' },
  special: { en: 'not a regular file', ru: 'не обычный файл' },
  unreadable: { en: 'could not be read (no permission?)', ru: 'не удалось прочитать (нет прав?)' },
  missing: { en: 'not found', ru: 'не найден' },
};

/** Why the scrubber did not (fully) clean a file. */
export type ScrubStatus = 'cleaned' | 'partial' | 'unsupported' | 'exists' | 'failed' | 'not-clean';

export const SCRUB_STATUS_TEXT: Readonly<Record<ScrubStatus, Bilingual>> = {
  cleaned: {
    en: 'Cleaned: the copy has no medium or high risk metadata left.',
    ru: 'Очищено: в копии не осталось метаданных среднего и высокого риска.',
  },
  partial: {
    en: 'Partly cleaned: the copy still holds the metadata listed below.',
    ru: 'Очищено частично: в копии остались метаданные, перечисленные ниже.',
  },
  unsupported: {
    en: 'This kind of file cannot be cleaned yet. Nothing was written.',
    ru: 'Такие файлы пока нельзя очистить. Ничего не записано.',
  },
  exists: {
    en: 'The output file already exists. Nothing was overwritten (use --force to replace it).',
    ru: 'Файл для результата уже существует. Ничего не перезаписано (чтобы заменить его, добавьте --force).',
  },
  failed: {
    en: 'Cleaning failed; the original is untouched.',
    ru: 'Очистить не удалось; оригинал не изменён.',
  },
  'not-clean': {
    en: 'The cleaned copy still had risky metadata, so the original was NOT replaced.',
    ru: 'В очищенной копии остались опасные метаданные, поэтому оригинал НЕ заменён.',
  },
};

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

export const SCRUB_WARNING_TEXT: Readonly<Record<ScrubWarning, Bilingual>> = {
  'document-content': {
    en: 'Only metadata was removed. The text and pictures you can see are unchanged: check them yourself for names, faces and places.',
    ru: 'Удалены только метаданные. Видимый текст и изображения не изменились: сами проверьте их на имена, лица и места.',
  },
  'embedded-objects': {
    en: 'The document contains embedded objects (other documents, charts from other programs); they keep their own metadata.',
    ru: 'В документе есть встроенные объекты (другие документы, диаграммы из других программ); их собственные метаданные остались.',
  },
  'linked-files': {
    en: 'The document links to files on a computer; those paths stay and can show a user name.',
    ru: 'Документ ссылается на файлы на компьютере; эти пути остались и могут показать имя пользователя.',
  },
  'orientation-kept': {
    en: 'The picture is turned by a tag. A tiny EXIF block with only that tag was kept so it does not appear sideways; it holds nothing else.',
    ru: 'Изображение поворачивается специальной меткой. Оставлен крошечный блок EXIF только с этой меткой, чтобы снимок не лёг на бок; больше в нём ничего нет.',
  },
  'pdf-content': {
    en: 'Hidden content stays: text under black boxes, white or tiny text, layers, and anything outside the visible page. To publish a redacted PDF, use a real redaction tool or convert the pages to images.',
    ru: 'Скрытое содержимое остаётся: текст под чёрными прямоугольниками, белый или мелкий текст, слои и всё, что за пределами видимой страницы. Чтобы опубликовать PDF с закрашенными местами, используйте настоящее средство редактирования или превратите страницы в изображения.',
  },
  'pdf-annotations': {
    en: 'Annotations (comments, highlights) remain in the PDF; their authors and dates were removed, their text was not.',
    ru: 'Аннотации (комментарии, выделения) остались в PDF; их авторы и даты удалены, а текст нет.',
  },
  'pdf-forms': {
    en: 'Form fields and the values typed into them remain.',
    ru: 'Поля формы и введённые в них значения остались.',
  },
  'pdf-attachments': {
    en: 'Files attached to the PDF remain and keep their own metadata.',
    ru: 'Вложенные в PDF файлы остались вместе со своими метаданными.',
  },
  'pdf-javascript': {
    en: 'The PDF contains scripts; they remain.',
    ru: 'В PDF есть скрипты; они остались.',
  },
  'video-content': {
    en: 'Only metadata was removed. Sound and picture are unchanged: voices, faces, street signs and reflections can still identify a place or a person.',
    ru: 'Удалены только метаданные. Звук и изображение не изменились: голоса, лица, вывески и отражения всё ещё могут выдать место или человека.',
  },
};

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export function categoryTitle(category: Category, lang: Lang): string {
  return CATEGORY_TEXT[category].title[lang];
}

export function categoryWhy(category: Category, lang: Lang): string {
  return CATEGORY_TEXT[category].why[lang];
}

export function severityLabel(severity: MetaSeverity, lang: Lang): string {
  return SEVERITY_TEXT[severity].label[lang];
}

export function errorText(code: ScanErrorCode, lang: Lang): string {
  return ERROR_TEXT[code][lang];
}

export function skipText(reason: SkipReason, lang: Lang): string {
  return SKIP_TEXT[reason][lang];
}

export function scrubWarningText(id: ScrubWarning, lang: Lang): string {
  return SCRUB_WARNING_TEXT[id][lang];
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
  | 'location-track';

export const REMOVED_TEXT: Readonly<Record<RemovedId, Bilingual>> = {
  exif: { en: 'EXIF (camera, GPS, dates, serial numbers)', ru: 'EXIF (камера, GPS, даты, серийные номера)' },
  xmp: { en: 'XMP metadata', ru: 'метаданные XMP' },
  iptc: { en: 'IPTC and Photoshop data', ru: 'данные IPTC и Photoshop' },
  comment: { en: 'comments', ru: 'комментарии' },
  text: { en: 'text fields', ru: 'текстовые поля' },
  thumbnail: { en: 'embedded preview', ru: 'встроенная миниатюра' },
  previews: { en: 'extra preview images', ru: 'дополнительные изображения-превью' },
  'vendor-data': { en: 'manufacturer data', ru: 'данные производителя' },
  'trailing-data': { en: 'data hidden after the picture', ru: 'данные, спрятанные после изображения' },
  c2pa: { en: 'content credentials (C2PA)', ru: 'сведения о происхождении (C2PA)' },
  dates: { en: 'dates', ru: 'даты' },
  properties: { en: 'document properties (author, dates, program)', ru: 'свойства документа (автор, даты, программа)' },
  'custom-properties': { en: 'custom properties', ru: 'дополнительные свойства' },
  comments: { en: 'comments and their authors', ru: 'примечания и их авторы' },
  'tracked-changes': { en: 'tracked changes (accepted)', ru: 'записанные исправления (приняты)' },
  rsid: { en: 'editing session ids (rsid)', ru: 'идентификаторы сеансов правки (rsid)' },
  printer: { en: 'printer settings', ru: 'настройки принтера' },
  revisions: { en: 'revision log', ru: 'журнал изменений' },
  'local-paths': { en: 'paths to files on a computer', ru: 'пути к файлам на компьютере' },
  settings: { en: 'application settings (printer, session ids)', ru: 'настройки программы (принтер, идентификаторы сеансов)' },
  'app-config': { en: 'application configuration', ru: 'конфигурация программы' },
  'picture-metadata': { en: 'metadata of pictures inside', ru: 'метаданные вложенных изображений' },
  'private-data': { en: 'private application data', ru: 'служебные данные программ' },
  'annotation-authors': { en: 'authors and dates of annotations', ru: 'авторы и даты аннотаций' },
  'old-versions': { en: 'earlier versions and unused objects', ru: 'прежние версии и неиспользуемые объекты' },
  'user-data': { en: 'user data (location, device, author)', ru: 'пользовательские данные (место, устройство, автор)' },
  'location-track': { en: 'location track', ru: 'дорожка с координатами' },
};

export function removedText(id: RemovedId, lang: Lang): string {
  return REMOVED_TEXT[id][lang];
}
