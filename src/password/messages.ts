// English and Russian texts for the password estimator: verdicts, warnings,
// suggestions, pattern descriptions and crack times in words. Every table is
// registered with defineMessages, so tests/i18n/catalogues.test.ts checks it.
//
// Nothing here ever contains the password. A pattern is named ("a Russian word
// typed with the English layout on"), never shown: the decoded word is added
// only with `reveal`, which `safestep check password --reveal` asks for.
import { defineMessages, type BilingualText, type Lang } from '../i18n/index.js';
import type { PatternDetail, PatternId, Score, WordSource } from './patterns.js';

export type { Lang };

const WARNINGS = {
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
    en: 'Use a passphrase of 5 or 6 random words; `{cmd} passphrase` makes one for you.',
    ru: 'Возьмите парольную фразу из 5–6 случайных слов: её можно получить командой `{cmd} passphrase`.',
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
} as const satisfies Record<string, BilingualText>;

/** Warnings and suggestions, by message id (the estimator returns ids). */
export const MESSAGES: Readonly<Record<keyof typeof WARNINGS, BilingualText>> = WARNINGS;
defineMessages('password', WARNINGS);

export type MessageId = keyof typeof WARNINGS;

const AUDIT = {
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
} as const satisfies Record<string, BilingualText>;

/** Texts for the export audit and the breach check ({placeholders} filled by fill()). */
export const AUDIT_MESSAGES: Readonly<Record<keyof typeof AUDIT, BilingualText>> = AUDIT;
defineMessages('password-audit', AUDIT);

export type AuditMessageId = keyof typeof AUDIT;

export { format as fill } from '../i18n/index.js';

const COUNTS = defineMessages('password-counts', {
  pwnedFound: {
    en: { one: 'This password appears {count} time in known data breaches: do not use it anywhere.', other: 'This password appears {count} times in known data breaches: do not use it anywhere.' },
    ru: {
      one: 'Этот пароль встречается в известных утечках {count} раз: не используйте его нигде.',
      few: 'Этот пароль встречается в известных утечках {count} раза: не используйте его нигде.',
      many: 'Этот пароль встречается в известных утечках {count} раз: не используйте его нигде.',
      other: 'Этот пароль встречается в известных утечках {count} раза: не используйте его нигде.',
    },
  },
  second: { en: { one: '{count} second', other: '{count} seconds' }, ru: { one: '{count} секунда', few: '{count} секунды', many: '{count} секунд', other: '{count} секунды' } },
  minute: { en: { one: '{count} minute', other: '{count} minutes' }, ru: { one: '{count} минута', few: '{count} минуты', many: '{count} минут', other: '{count} минуты' } },
  hour: { en: { one: '{count} hour', other: '{count} hours' }, ru: { one: '{count} час', few: '{count} часа', many: '{count} часов', other: '{count} часа' } },
  day: { en: { one: '{count} day', other: '{count} days' }, ru: { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' } },
  month: { en: { one: '{count} month', other: '{count} months' }, ru: { one: '{count} месяц', few: '{count} месяца', many: '{count} месяцев', other: '{count} месяца' } },
  year: { en: { one: '{count} year', other: '{count} years' }, ru: { one: '{count} год', few: '{count} года', many: '{count} лет', other: '{count} года' } },
  instant: { en: 'less than a second', ru: 'меньше секунды' },
  centuries: { en: 'centuries', ru: 'века' },
});

/** "Seen 3 times in data breaches" / "Встречается в утечках 3 раза". */
export function pwnedFound(count: number, lang: Lang): string {
  return COUNTS.get('pwnedFound', lang, { count });
}

/** Text of a warning or suggestion in `lang`. */
export function message(ref: { readonly id: MessageId }, lang: Lang): string {
  return WARNINGS[ref.id][lang];
}

const SCORES = {
  0: { en: 'Very weak: guessed almost at once', ru: 'Очень слабый: подбирается почти сразу' },
  1: { en: 'Weak: can be guessed even through a login page', ru: 'Слабый: его можно подобрать даже через страницу входа' },
  2: {
    en: "Fair: holds against guessing through a login page, but not if the site's password database leaks",
    ru: 'Средний: через страницу входа не подобрать, но при утечке базы паролей сайта его взломают',
  },
  3: {
    en: "Strong: holds against guessing through a login page, and is not cracked at once even if the site's password database leaks",
    ru: 'Надёжный: через страницу входа не подобрать, и даже при утечке базы паролей сайта его не взломают сразу',
  },
  4: { en: "Very strong: cracking it would take centuries, even from a leaked password database", ru: 'Очень надёжный: на взлом уйдут века, даже при утечке базы паролей' },
} as const satisfies Record<Score, BilingualText>;

/** The verdict for each score, in words. Each must agree with the crack times shown beside it (see estimate.ts). */
export const SCORE_LABELS: Readonly<Record<Score, BilingualText>> = SCORES;
defineMessages('password-scores', { 'score.0': SCORES[0], 'score.1': SCORES[1], 'score.2': SCORES[2], 'score.3': SCORES[3], 'score.4': SCORES[4] });

const PATTERNS = {
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
} as const satisfies Record<PatternId, BilingualText>;

/** Short names of the patterns, for lists ("layout switch, year"). */
export const PATTERN_LABELS: Readonly<Record<PatternId, BilingualText>> = PATTERNS;
defineMessages('password-patterns', PATTERNS);

/** A word typed on the wrong layout or in Latin letters, per source; Russian agrees in gender with the source. */
const TYPED = defineMessages('password-typed', {
  'layout.common-password': { en: 'a common password typed with the {layout} layout on', ru: 'распространённый пароль, набранный в {layout} раскладке' },
  'layout.english-word': { en: 'an English word typed with the {layout} layout on', ru: 'английское слово, набранное в {layout} раскладке' },
  'layout.english-name': { en: 'a name typed with the {layout} layout on', ru: 'имя, набранное в {layout} раскладке' },
  'layout.russian-word': { en: 'a Russian word typed with the {layout} layout on', ru: 'русское слово, набранное в {layout} раскладке' },
  'layout.russian-name': { en: 'a Russian name typed with the {layout} layout on', ru: 'русское имя, набранное в {layout} раскладке' },
  'translit.common-password': { en: 'a common password written in Latin letters', ru: 'распространённый пароль, записанный латиницей' },
  'translit.english-word': { en: 'an English word written in Latin letters', ru: 'английское слово, записанное латиницей' },
  'translit.english-name': { en: 'a name written in Latin letters', ru: 'имя, записанное латиницей' },
  'translit.russian-word': { en: 'a Russian word written in Latin letters', ru: 'русское слово, записанное латиницей' },
  'translit.russian-name': { en: 'a Russian name written in Latin letters', ru: 'русское имя, записанное латиницей' },
  'typedOn.russian': { en: 'Russian', ru: 'русской' },
  'typedOn.english': { en: 'English', ru: 'английской' },
  and: { en: ' and ', ru: ' и ' },
});

/**
 * One line describing a recognised part, e.g. "a Russian word typed with the English
 * layout on". `reveal` adds the decoded word (": пароль"), which is part of the
 * secret: only `safestep check password --reveal` asks for it.
 */
export function describePattern(detail: PatternDetail, lang: Lang, options: { reveal: boolean } = { reveal: false }): string {
  const source: WordSource = detail.source ?? 'russian-word';
  let text: string;
  if (detail.pattern === 'layout-switch') {
    const layout = TYPED.get(detail.layout === 'ru-to-en' ? 'typedOn.russian' : 'typedOn.english', lang);
    text = TYPED.get(`layout.${source}`, lang, { layout });
  } else if (detail.pattern === 'transliteration') {
    text = TYPED.get(`translit.${source}`, lang);
  } else {
    text = PATTERNS[detail.pattern][lang];
  }
  const extras = detail.modifiers.map((m) => PATTERNS[m][lang]);
  if (extras.length > 0) {
    // An ending ("1987!") lists its parts; a word lists its tricks in brackets.
    const ending = ['year', 'date', 'digits', 'symbols'].includes(detail.pattern);
    text = ending ? [text, ...extras].join(TYPED.get('and', lang)) : `${text} (${extras.join(', ')})`;
  }
  if (options.reveal && detail.decoded) text += `: ${detail.decoded}`;
  return text;
}

// ---------------------------------------------------------------------------------
// Crack times in words

const UNITS = [
  { seconds: 1, key: 'second' },
  { seconds: 60, key: 'minute' },
  { seconds: 3600, key: 'hour' },
  { seconds: 86400, key: 'day' },
  { seconds: 86400 * 31, key: 'month' },
  { seconds: 86400 * 365, key: 'year' },
] as const;

/**
 * A duration in words: "less than a second", "1 minute", "5 минут", "centuries".
 * Rounds to the largest whole unit (as zxcvbn does); 100 years and more is "centuries".
 */
export function formatCrackTime(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds) || seconds >= 100 * 86400 * 365) return COUNTS.get('centuries', lang);
  if (seconds < 1) return COUNTS.get('instant', lang);
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) if (seconds >= u.seconds) unit = u;
  const count = Math.max(1, Math.round(seconds / unit.seconds));
  return COUNTS.get(unit.key, lang, { count });
}
