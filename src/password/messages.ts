// English and Russian texts for the password estimator: verdicts, warnings,
// suggestions, pattern descriptions and crack times in words.

import type { Lang } from '../i18n/index.js';
import type { PatternDetail, PatternId, Score, WordSource } from './patterns.js';

export type { Lang };

export interface Text {
  readonly en: string;
  readonly ru: string;
}

export const MESSAGES = {
  'warning.empty': { en: 'The password is empty.', ru: 'Пароль пустой.' },
  'warning.too-short': {
    en: 'This password is short: short passwords are guessed quickly, whatever characters they use.',
    ru: 'Пароль короткий, а короткие пароли подбирают быстро, из каких бы символов они ни состояли.',
  },
  'warning.top-10-password': {
    en: 'This is one of the 10 most common passwords. Attackers try it first.',
    ru: 'Это один из 10 самых распространённых паролей. Его пробуют первым.',
  },
  'warning.top-100-password': {
    en: 'This is one of the 100 most common passwords.',
    ru: 'Это один из 100 самых распространённых паролей.',
  },
  'warning.common-password': {
    en: 'This is a commonly used password: it is on the lists attackers try first.',
    ru: 'Это распространённый пароль: он есть в списках, которые перебирают в первую очередь.',
  },
  'warning.contains-common-password': {
    en: 'This is built on a commonly used password.',
    ru: 'В основе пароля лежит один из распространённых паролей.',
  },
  'warning.layout-switch': {
    en: 'Typing a word with the other keyboard layout does not hide it: cracking tools switch layouts automatically.',
    ru: 'Слово, набранное в другой раскладке, не становится секретным: программы подбора переключают раскладку сами.',
  },
  'warning.transliteration': {
    en: 'Russian words written in Latin letters are in cracking dictionaries, in every common spelling.',
    ru: 'Русские слова латиницей есть в словарях для подбора паролей, во всех обычных вариантах написания.',
  },
  'warning.name': {
    en: 'Names and surnames are easy to guess, especially of people close to you.',
    ru: 'Имена и фамилии легко угадать, особенно имена близких.',
  },
  'warning.single-word': {
    en: 'A single dictionary word is easy to guess.',
    ru: 'Одно слово из словаря легко угадать.',
  },
  'warning.common-words': {
    en: 'Common words and simple additions to them are easy to guess.',
    ru: 'Распространённые слова и простые добавки к ним легко угадать.',
  },
  'warning.word-sequence': {
    en: 'Series of words such as "one two three" or days of the week are easy to guess.',
    ru: 'Ряды слов вроде «один два три» или дней недели легко угадать.',
  },
  'warning.keyboard': {
    en: 'Rows and patterns of keys (qwerty, йцукен, фывапролдж) are among the first things tried.',
    ru: 'Ряды и узоры клавиш (qwerty, йцукен, фывапролдж) пробуют одними из первых.',
  },
  'warning.repeat': {
    en: 'Repeats such as "aaa" or "abcabc" are easy to guess.',
    ru: 'Повторы вроде «ааа» или «abcabc» легко угадать.',
  },
  'warning.sequence': {
    en: 'Sequences such as "abc" or "6543" are easy to guess.',
    ru: 'Последовательности вроде «abc» или «6543» легко угадать.',
  },
  'warning.year': {
    en: 'Years, especially recent ones and birth years, are easy to guess.',
    ru: 'Годы, особенно недавние и годы рождения, легко угадать.',
  },
  'warning.date': {
    en: 'Dates, such as birthdays, are easy to guess.',
    ru: 'Даты, например дни рождения, легко угадать.',
  },
  'warning.predictable-ending': {
    en: 'Digits and symbols added at the end are predictable.',
    ru: 'Цифры и символы в конце пароля предсказуемы.',
  },
  'suggestion.use-passphrase': {
    en: 'Use a passphrase of 5 or 6 random words; `safestep passphrase` makes one for you.',
    ru: 'Возьмите парольную фразу из 5–6 случайных слов: её можно получить командой `safestep passphrase`.',
  },
  'suggestion.use-manager': {
    en: 'Let a password manager create and remember a different password for every site.',
    ru: 'Доверьте менеджеру паролей придумывать и хранить отдельный пароль для каждого сайта.',
  },
  'suggestion.layout-not-secret': {
    en: 'Do not rely on typing in the other keyboard layout: it is one of the first tricks tried.',
    ru: 'Не надейтесь на набор в другой раскладке: этот приём проверяют одним из первых.',
  },
  'suggestion.translit-not-secret': {
    en: 'Writing a Russian word in Latin letters does not make it harder to guess.',
    ru: 'Русское слово, записанное латиницей, угадать не сложнее, чем написанное кириллицей.',
  },
  'suggestion.avoid-personal': {
    en: 'Avoid names, birthdays and years linked to you or your family: they are easy to find out.',
    ru: 'Не используйте имена, дни рождения и годы, связанные с вами или вашими близкими: их легко узнать.',
  },
  'suggestion.avoid-keyboard': {
    en: 'Avoid rows and patterns of keys.',
    ru: 'Не используйте ряды и узоры клавиш.',
  },
  'suggestion.avoid-repeats': {
    en: 'Avoid repeated characters and sequences.',
    ru: 'Избегайте повторов и последовательностей символов.',
  },
  'suggestion.ending-helps-little': {
    en: 'Digits, a year or "!" at the end add very little: cracking tools try them right after the word.',
    ru: 'Цифры, год или «!» в конце почти ничего не добавляют: их пробуют сразу после самого слова.',
  },
  'suggestion.l33t-helps-little': {
    en: 'Predictable substitutions such as "@" for "a" or "0" for "o" help very little.',
    ru: 'Предсказуемые замены вроде «@» вместо «a» или «0» вместо «o» почти не помогают.',
  },
  'suggestion.reversed-helps-little': {
    en: 'Words spelled backwards are not much harder to guess.',
    ru: 'Слово, написанное задом наперёд, угадать почти так же легко.',
  },
  'suggestion.capitals-help-little': {
    en: 'A capital first letter helps very little: it is the first variation tried.',
    ru: 'Заглавная первая буква почти не помогает: этот вариант пробуют первым.',
  },
} as const satisfies Record<string, Text>;

export type MessageId = keyof typeof MESSAGES;

/** Texts for the export audit and the breach check ({placeholders} filled by fill()). */
export const AUDIT_MESSAGES = {
  'csv.unterminated-quote': {
    en: 'Line {row}, character {column}: a quoted field is never closed.',
    ru: 'Строка {row}, символ {column}: поле в кавычках не закрыто.',
  },
  'csv.bare-quote': {
    en: 'Line {row}, character {column}: a quote character inside a field that does not start with a quote.',
    ru: 'Строка {row}, символ {column}: кавычка внутри поля, которое не начинается с кавычки.',
  },
  'csv.text-after-quote': {
    en: 'Line {row}, character {column}: text after the closing quote of a field.',
    ru: 'Строка {row}, символ {column}: текст после закрывающей кавычки поля.',
  },
  'csv.field-count': {
    en: 'Line {row}: this row has a different number of fields than the header.',
    ru: 'Строка {row}: в этой строке другое число полей, чем в заголовке.',
  },
  'csv.empty': { en: 'The file is empty: there is no header row.', ru: 'Файл пустой: нет строки заголовка.' },
  'csv.unknown-format': {
    en: 'The header does not match an export from Bitwarden, KeePassXC, 1Password, Chrome or Firefox. Name the format with --format.',
    ru: 'Заголовок не похож на экспорт из Bitwarden, KeePassXC, 1Password, Chrome или Firefox. Укажите формат в --format.',
  },
  'csv.missing-column': {
    en: 'The header lacks a column this format needs (name, site, username or password).',
    ru: 'В заголовке нет нужного для этого формата столбца (название, сайт, логин или пароль).',
  },
  'export.delete-reminder': {
    en: 'The export holds all your passwords unencrypted. Delete it now, and empty the trash.',
    ru: 'В экспорте все ваши пароли лежат в открытом виде. Удалите файл сейчас и очистите корзину.',
  },
  'pwned.notice': {
    en: 'Only the first 5 characters of the password\'s SHA-1 hash ({prefix}) will be sent to api.pwnedpasswords.com. The password itself never leaves this computer.',
    ru: 'На api.pwnedpasswords.com будут отправлены только первые 5 символов SHA-1-хеша пароля ({prefix}). Сам пароль не покидает компьютер.',
  },
  'pwned.not-found': {
    en: 'This password was not found in known data breaches.',
    ru: 'Этого пароля нет в известных утечках.',
  },
  'pwned.error': {
    en: 'The breach check could not be done (no connection or the service did not answer). Nothing else was affected.',
    ru: 'Проверить утечки не удалось (нет связи или сервис не ответил). Больше ничего не затронуто.',
  },
} as const satisfies Record<string, Text>;

export type AuditMessageId = keyof typeof AUDIT_MESSAGES;

export { format as fill } from '../i18n/index.js';

/** "Seen 3 times in data breaches" / "Встречается в утечках 3 раза". */
export function pwnedFound(count: number, lang: Lang): string {
  const n = count.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US');
  if (lang === 'en') return `This password appears ${n} ${count === 1 ? 'time' : 'times'} in known data breaches: do not use it anywhere.`;
  return `Этот пароль встречается в известных утечках ${n} ${russianPlural(count, ['раз', 'раза', 'раз'])}: не используйте его нигде.`;
}

/** Text of a warning or suggestion in `lang`. */
export function message(ref: { readonly id: MessageId }, lang: Lang): string {
  return MESSAGES[ref.id][lang];
}

/** The verdict for each score, in words. */
export const SCORE_LABELS: Readonly<Record<Score, Text>> = {
  0: { en: 'Very weak: guessed almost at once', ru: 'Очень слабый: подбирается почти сразу' },
  1: { en: 'Weak: can be guessed even through a login page', ru: 'Слабый: его можно подобрать даже через страницу входа' },
  2: {
    en: "Fair: holds against guessing through a login page, but falls quickly if the site's password database leaks",
    ru: 'Средний: через страницу входа не подобрать, но при утечке базы паролей сайта взламывается быстро',
  },
  3: { en: 'Strong', ru: 'Надёжный' },
  4: { en: 'Very strong', ru: 'Очень надёжный' },
};

/** Short names of the patterns, for lists ("layout switch, year"). */
export const PATTERN_LABELS: Readonly<Record<PatternId, Text>> = {
  'common-password': { en: 'a common password', ru: 'распространённый пароль' },
  'english-word': { en: 'an English word', ru: 'английское слово' },
  'english-name': { en: 'a name', ru: 'имя' },
  'russian-word': { en: 'a Russian word', ru: 'русское слово' },
  'russian-name': { en: 'a Russian name', ru: 'русское имя или фамилия' },
  'layout-switch': { en: 'a word typed in the other keyboard layout', ru: 'слово в другой раскладке' },
  transliteration: { en: 'a Russian word in Latin letters', ru: 'русское слово латиницей' },
  'keyboard-walk': { en: 'a row or pattern of keys', ru: 'ряд или узор клавиш' },
  'jcuken-walk': { en: 'a row or pattern of keys on the Russian keyboard', ru: 'ряд или узор клавиш на русской раскладке' },
  year: { en: 'a year', ru: 'год' },
  date: { en: 'a date', ru: 'дата' },
  digits: { en: 'a few digits', ru: 'несколько цифр' },
  symbols: { en: 'symbols such as "!"', ru: 'символы вроде «!»' },
  repeat: { en: 'a repeat', ru: 'повтор' },
  sequence: { en: 'a sequence such as "abc" or "123"', ru: 'последовательность вроде «abc» или «123»' },
  'word-sequence': { en: 'a series of words (one, two, three)', ru: 'ряд слов (один, два, три)' },
  l33t: { en: 'letters replaced by look-alike symbols', ru: 'буквы, заменённые похожими символами' },
  reversed: { en: 'spelled backwards', ru: 'задом наперёд' },
};

const SOURCE_LABELS: Readonly<Record<WordSource, Text>> = {
  'common-password': { en: 'a common password', ru: 'распространённый пароль' },
  'english-word': { en: 'an English word', ru: 'английское слово' },
  'english-name': { en: 'a name', ru: 'имя' },
  'russian-word': { en: 'a Russian word', ru: 'русское слово' },
  'russian-name': { en: 'a Russian name', ru: 'русское имя' },
};

/** Russian source labels in the form that agrees with "набранное"/"записанное". */
const SOURCE_RU_NEUTER: Readonly<Record<WordSource, string>> = {
  'common-password': 'распространённый пароль, набранный',
  'english-word': 'английское слово, набранное',
  'english-name': 'имя, набранное',
  'russian-word': 'русское слово, набранное',
  'russian-name': 'русское имя, набранное',
};

/**
 * One line describing a recognised part, e.g. "a Russian word typed with the English
 * layout on: пароль". `reveal` adds the decoded word, which is part of the secret: pass
 * true only in the interactive single check.
 */
export function describePattern(detail: PatternDetail, lang: Lang, options: { reveal: boolean } = { reveal: false }): string {
  const source = detail.source ?? 'russian-word';
  let text: string;
  if (detail.pattern === 'layout-switch') {
    const typedOn = detail.layout === 'ru-to-en' ? { en: 'Russian', ru: 'русской' } : { en: 'English', ru: 'английской' };
    text =
      lang === 'en'
        ? `${SOURCE_LABELS[source].en} typed with the ${typedOn.en} layout on`
        : `${SOURCE_RU_NEUTER[source]} в ${typedOn.ru} раскладке`;
  } else if (detail.pattern === 'transliteration') {
    text =
      lang === 'en'
        ? `${SOURCE_LABELS[source].en} written in Latin letters`
        : `${SOURCE_RU_NEUTER[source].replace('набранн', 'записанн')} латиницей`;
  } else {
    text = PATTERN_LABELS[detail.pattern][lang];
  }
  const extras = detail.modifiers.map((m) => PATTERN_LABELS[m][lang]);
  if (extras.length > 0) {
    // An ending ("1987!") lists its parts; a word lists its tricks in brackets.
    const ending = ['year', 'date', 'digits', 'symbols'].includes(detail.pattern);
    text = ending ? [text, ...extras].join(lang === 'en' ? ' and ' : ' и ') : `${text} (${extras.join(', ')})`;
  }
  if (options.reveal && detail.decoded) text += `: ${detail.decoded}`;
  return text;
}

// ---------------------------------------------------------------------------------
// Crack times in words

const UNITS = [
  { seconds: 1, en: ['second', 'seconds'], ru: ['секунда', 'секунды', 'секунд'] },
  { seconds: 60, en: ['minute', 'minutes'], ru: ['минута', 'минуты', 'минут'] },
  { seconds: 3600, en: ['hour', 'hours'], ru: ['час', 'часа', 'часов'] },
  { seconds: 86400, en: ['day', 'days'], ru: ['день', 'дня', 'дней'] },
  { seconds: 86400 * 31, en: ['month', 'months'], ru: ['месяц', 'месяца', 'месяцев'] },
  { seconds: 86400 * 365, en: ['year', 'years'], ru: ['год', 'года', 'лет'] },
] as const;

/** Russian plural form: 1 минута, 2 минуты, 5 минут, 11 минут, 21 минута. */
export function russianPlural(n: number, forms: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/**
 * A duration in words: "less than a second", "1 minute", "5 минут", "centuries".
 * Rounds to the largest whole unit (as zxcvbn does); 100 years and more is "centuries".
 */
export function formatCrackTime(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds) || seconds >= 100 * 86400 * 365) return lang === 'en' ? 'centuries' : 'века';
  if (seconds < 1) return lang === 'en' ? 'less than a second' : 'меньше секунды';
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) if (seconds >= u.seconds) unit = u;
  const count = Math.max(1, Math.round(seconds / unit.seconds));
  if (lang === 'en') return `${count} ${count === 1 ? unit.en[0] : unit.en[1]}`;
  return `${count} ${russianPlural(count, unit.ru)}`;
}
