// Evaluation lists for the password estimator, shared by tests/password and
// bench/password.js. Plain JavaScript so the benchmark can use it without a build.
//
// The lists are generated, not fixed: weak passwords of the kinds Russian speakers
// choose (layout-switched words, transliterations in six systems, Cyrillic words with
// endings, ЙЦУКЕН rows, English passwords typed in the Russian layout) from several
// word sources, including an independent hand-written list below that the estimator's
// own data was not built from; strong ones from crypto randomness. The keyboard map and
// the transliteration systems here are written independently of src/password, so a
// shared mistake is less likely.

import { randomInt } from 'node:crypto';

// -- independent sources ------------------------------------------------------------

/** Typical bases of Russian speakers' passwords, written for this evaluation only. */
export const INDEPENDENT_BASES = [
  'любимая', 'солнце', 'котенок', 'малыш', 'зайчик', 'счастье', 'мечта', 'весна', 'лето', 'зима',
  'осень', 'море', 'небо', 'звезда', 'ангел', 'дружба', 'семья', 'мама', 'папа', 'дочка', 'сынок',
  'собака', 'кошка', 'машина', 'работа', 'школа', 'москва', 'россия', 'привет', 'хорошо', 'жизнь',
  'свобода', 'победа', 'удача', 'деньги', 'дракон', 'тигр', 'волк', 'медведь', 'лиса', 'принцесса',
  'наташа', 'марина', 'света', 'ирина', 'елена', 'ольга', 'татьяна', 'юлия', 'анна', 'мария',
  'катя', 'настя', 'саша', 'дима', 'сергей', 'андрей', 'алексей', 'максим', 'иван', 'михаил',
  'артем', 'никита', 'денис', 'евгений', 'владимир', 'николай', 'павел', 'роман', 'игорь', 'олег',
  'иванов', 'смирнов', 'кузнецов', 'попова', 'петрова',
];

/**
 * Everyday words, pet names and places outside the frequency-ranked lists, written for
 * this evaluation only: the estimator knows them only from its unranked lexicon, so
 * they measure coverage rather than ranking.
 */
export const EVERYDAY_WORDS = [
  'подсолнух', 'одуванчик', 'бегемот', 'жираф', 'носорог', 'кукуруза', 'баклажан', 'огурец', 'мандарин', 'самовар',
  'балалайка', 'матрешка', 'снеговик', 'сосулька', 'колокольчик', 'ромашка', 'незабудка', 'черемуха', 'рябина', 'береза',
  'карандаш', 'фломастер', 'чемодан', 'велосипед', 'самокат', 'трактор', 'экскаватор', 'вертолет', 'пароход', 'паровоз',
  'пельмень', 'вареник', 'чебурек', 'блинчик', 'пряник', 'сырник', 'винегрет', 'окрошка', 'шашлык', 'мармелад',
  'хомячок', 'попугай', 'черепаха', 'ежевика', 'барсучок', 'пингвин', 'дельфин', 'кенгуру', 'лягушка', 'стрекоза',
  'гагарин', 'пушкин', 'есенин', 'байкал', 'енисей', 'сибирь', 'казань', 'тбилиси', 'ереван', 'новосибирск',
];

// -- keyboard layout (ЙЦУКЕН on QWERTY keys) ---------------------------------------

const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const TO_LATIN = new Map([...JCUKEN].map((c, k) => [c, QWERTY[k]]));
const TO_CYRILLIC = new Map([...QWERTY].map((c, k) => [c, JCUKEN[k]]));

/** What appears when a Cyrillic word is typed with the English layout on. */
export const typedOnQwerty = (word) => [...word].map((c) => TO_LATIN.get(c) ?? c).join('');
/** What appears when a Latin word is typed with the Russian layout on. */
export const typedOnJcuken = (word) => [...word].map((c) => TO_CYRILLIC.get(c) ?? c).join('');

// -- transliteration systems --------------------------------------------------------

const base = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
export const TRANSLIT_SYSTEMS = {
  // Russian passports since 2014 (ICAO Doc 9303).
  passport: { ...base, ъ: 'ie' },
  // BGN/PCGN-style, the usual English spelling.
  popular: { ...base, ё: 'yo', й: 'y', ю: 'yu', я: 'ya' },
  // Informal, as typed in chats.
  informal: { ...base, х: 'h', ц: 'c', й: 'j', ю: 'ju', я: 'ja', ё: 'jo', щ: 'sch', ь: "'" },
  // German (Duden).
  german: { ...base, в: 'w', ж: 'sh', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo' },
  // Scholarly / Czech-style with diacritics.
  scholarly: { ...base, ж: 'ž', й: 'j', х: 'x', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ю: 'ju', я: 'ja', ё: 'ë', ь: "'" },
  // French.
  french: { ...base, ж: 'j', у: 'ou', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia' },
};
export const transliterate = (word, system) => [...word].map((c) => TRANSLIT_SYSTEMS[system][c] ?? c).join('');

// -- endings --------------------------------------------------------------------------

/** Endings people append, with a variety of years. */
function endings(rnd) {
  const year = 1960 + rnd(50);
  const yy = String(year % 100).padStart(2, '0');
  return ['', '1', '12', '123', '007', String(year), `${year}!`, `_${yy}`, yy, '!', '!!', `${rnd(10)}`];
}
const capitalise = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** A small seeded generator (mulberry32) for reproducible choices of words. */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Math.floor(next() * n);
}

const pick = (rnd, list) => list[rnd(list.length)];

/** Bases with their endings and capitalisation, `count` of them. */
function withEndings(rnd, bases, transform, count) {
  const out = new Set();
  for (let guard = 0; out.size < count && guard < count * 20; guard += 1) {
    const word = pick(rnd, bases);
    let text = transform(word);
    if (text === null) continue;
    if (rnd(3) === 0) text = capitalise(text);
    out.add(text + pick(rnd, endings(rnd)));
  }
  return [...out];
}

const JCUKEN_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', '1234567890'];

function jcukenWalks(rnd, count) {
  const out = new Set();
  const columns = ['йфя', 'цыч', 'увс', 'кам', 'епи', 'нрт', 'гоь', 'шлб', 'щдю'];
  for (let guard = 0; out.size < count && guard < count * 50; guard += 1) {
    const kind = rnd(4);
    let walk;
    if (kind < 2) {
      const row = pick(rnd, JCUKEN_ROWS.slice(0, 3));
      const start = rnd(Math.max(1, row.length - 4));
      walk = row.slice(start, start + 4 + rnd(row.length - start - 3));
      if (kind === 1) walk = [...walk].reverse().join('');
    } else if (kind === 2) {
      const start = rnd(5);
      walk = columns.slice(start, start + 2 + rnd(3)).join('');
    } else {
      const row = pick(rnd, JCUKEN_ROWS.slice(0, 3));
      walk = row.slice(0, 6) + pick(rnd, ['', '1', '123', '12345', '!']);
    }
    if (walk.length >= 4) out.add(rnd(4) === 0 ? capitalise(walk) : walk);
  }
  return [...out];
}

// -- strong -----------------------------------------------------------------------------

const ALPHABETS = {
  lowerDigits: 'abcdefghijklmnopqrstuvwxyz0123456789',
  alnum: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  printable: Array.from({ length: 94 }, (_, k) => String.fromCharCode(33 + k)).join(''),
  cyrillicLatin: 'абвгдежзийклмнопрстуфхцчшщыьэюяABCDEFGHabcdefgh0123456789',
};

/** `count` random 16-character strings from crypto.randomInt, over several alphabets. */
export function randomStrings(count) {
  const names = Object.keys(ALPHABETS);
  return Array.from({ length: count }, (_, k) => {
    const alphabet = ALPHABETS[names[k % names.length]];
    let s = '';
    for (let c = 0; c < 16; c += 1) s += alphabet[randomInt(alphabet.length)];
    return s;
  });
}

/** `count` passphrases of `words` crypto-random words from `list`. */
export function passphrases(list, count, words = 5, transform = (w) => w) {
  const separators = [' ', '-', '.', '_', ''];
  return Array.from({ length: count }, (_, k) => {
    const chosen = Array.from({ length: words }, () => transform(list[randomInt(list.length)]));
    return chosen.join(separators[k % separators.length]);
  });
}

// -- all lists --------------------------------------------------------------------------

/**
 * @param {object} sources
 * @param {string[]} sources.ruWords frequency-ranked Russian words
 * @param {string[]} sources.ruNames Russian first names, most common first
 * @param {string[]} sources.ruPasswordWords common Russian password bases
 * @param {string[]} sources.englishPasswords common English passwords, most common first
 * @param {string[]} sources.effWords the EFF large word list
 * @param {string[]} sources.ruPassphraseWords the Russian passphrase list
 * @param {number} perList how many passwords per list
 * @param {number} seed seed for choosing words (random strings always use crypto)
 */
export function buildEvalLists(sources, perList, seed = 1) {
  const rnd = seeded(seed);
  const words = sources.ruWords.filter((w) => w.length >= 4).slice(0, 1500);
  const names = sources.ruNames.slice(0, 150);
  const common = sources.ruPasswordWords;
  const bases = [...new Set([...common, ...names, ...INDEPENDENT_BASES, ...words.slice(0, 600)])];
  const systems = Object.keys(TRANSLIT_SYSTEMS);
  const weak = {
    'layout-switched words and names': withEndings(rnd, bases, typedOnQwerty, perList),
    'layout-switched frequent words': withEndings(rnd, words, typedOnQwerty, perList),
    'transliterated names': withEndings(rnd, [...names, ...INDEPENDENT_BASES.slice(41)], (w) => transliterate(w, pick(rnd, systems)), perList),
    'transliterated words': withEndings(rnd, [...common, ...INDEPENDENT_BASES.slice(0, 41), ...words.slice(0, 300)], (w) => transliterate(w, pick(rnd, systems)), perList),
    'Cyrillic words with endings': withEndings(rnd, bases, (w) => w, perList),
    'Cyrillic frequent words with endings': withEndings(rnd, words, (w) => w, perList),
    'ЙЦУКЕН keyboard walks': jcukenWalks(rnd, Math.min(perList, 150)),
    'English passwords typed in Russian layout': withEndings(rnd, sources.englishPasswords.filter((w) => /^[a-z]{4,}$/.test(w)).slice(0, 500), typedOnJcuken, perList),
  };
  // Not ranked by frequency anywhere in the estimator: reported apart from the Bars.
  const unranked = {
    'everyday words with endings (Cyrillic, layout, transliterated)': withEndings(
      rnd,
      EVERYDAY_WORDS,
      (w) => [(x) => x, typedOnQwerty, (x) => transliterate(x, pick(rnd, systems))][rnd(3)](w),
      Math.min(perList, 300),
    ),
  };
  const strong = {
    'random 16 characters': randomStrings(perList),
    'English passphrases (5 EFF words)': passphrases(sources.effWords, perList),
    'Russian passphrases (5 words, Cyrillic)': passphrases(sources.ruPassphraseWords, perList),
    'Russian passphrases (5 words, typed on QWERTY)': passphrases(sources.ruPassphraseWords, perList, 5, typedOnQwerty),
  };
  const englishCommon = sources.englishPasswords.slice(0, perList);
  return { weak, unranked, strong, englishCommon };
}
