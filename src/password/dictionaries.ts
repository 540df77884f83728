// The word lists the estimator knows, gathered into indexes built once per process:
// - `words`: the zxcvbn-ts lists (common passwords, English words, names, Wikipedia,
//   diceware) and the word-sequence lists, lower case, ё folded to е, with the best rank
//   and the list it came from;
// - `ruTrie`: our Russian lists (password words, first names, surnames, frequent
//   words) as a trie, walked directly, reversed, through the keyboard layout and
//   through transliteration.
// Ranks follow zxcvbn: 1 is the first word an attacker tries.

import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { RU_WORDS } from './data/ru-words.js';
import { RU_FIRST_NAMES, RU_SURNAMES } from './data/ru-names.js';
import { RU_PASSWORD_WORDS, RU_PLACES_AND_PEOPLE, RU_SEQUENCES } from './data/ru-common.js';
import { RU_PASSPHRASE_WORDS } from './data/ru-passphrase.js';
import { RU_LEXICON_NAMES, RU_LEXICON_WORDS } from './data/ru-lexicon.js';
import { WordTrie } from './trie.js';
import { inflateRawSync } from 'node:zlib';

/** List names. The zxcvbn ones keep their package names; ours end in "-ru". */
export const LIST = {
  ruPasswords: 'passwords-ru',
  ruFirstNames: 'firstnames-ru',
  ruSurnames: 'lastnames-ru',
  ruPlaces: 'places-people-ru',
  ruWords: 'commonWords-ru',
  ruPassphrase: 'passphrase-ru',
  ruLexiconNames: 'lexicon-names-ru',
  ruLexiconWords: 'lexicon-ru',
  diceware: 'diceware-common',
} as const;

/** zxcvbn scores every diceware word alike (half of 6^5), whatever its list position. */
export const DICEWARE_GUESSES = 6 ** 5 / 2;

/** Word-sequence lists ("one two three", "понедельник вторник"). */
export const SEQUENCE_PREFIXES = [
  'cardinalNumbers', 'ordinalNumbers', 'daysOfWeek', 'months', 'seasons', 'timePeriods',
  'rainbowColors', 'directions', 'intermediateDirections', 'sizeProgression',
  'militaryAlphabet', 'planets', 'zodiacSigns', 'chineseZodiac',
] as const;

export function isSequenceList(name: string): boolean {
  return SEQUENCE_PREFIXES.some((p) => name === p || name.startsWith(`${p}-`));
}

export interface WordHit {
  readonly rank: number;
  readonly list: string;
}

export interface Dictionaries {
  /** word -> best hit (lowest guesses; a diceware hit counts as DICEWARE_GUESSES). */
  readonly words: ReadonlyMap<string, WordHit>;
  /** Length of the longest word in `words` (capped), bounds substring searches. */
  readonly maxWordLength: number;
  /** Word-sequence lists only: word -> hit per list. */
  readonly sequences: ReadonlyMap<string, readonly WordHit[]>;
  /** Russian words and names for the layout and transliteration walks. */
  readonly ruTrie: WordTrie;
}

/** Lower-cases and folds ё to е without changing the string's length. */
export function fold(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k += 1) {
    const ch = text.charAt(k);
    const lower = ch.toLowerCase();
    const one = lower.length === 1 ? lower : ch;
    out += one === 'ё' ? 'е' : one;
  }
  return out;
}

const effective = (hit: WordHit): number => (hit.list === LIST.diceware ? DICEWARE_GUESSES : hit.rank);

/** Words longer than this are not searched for inside a longer password. */
const MAX_WORD_LENGTH = 32;

function russianLists(): [string, readonly string[]][] {
  return [
    [LIST.ruPasswords, RU_PASSWORD_WORDS],
    [LIST.ruFirstNames, RU_FIRST_NAMES],
    [LIST.ruSurnames, RU_SURNAMES],
    [LIST.ruPlaces, RU_PLACES_AND_PEOPLE],
    ...Object.entries(RU_SEQUENCES),
    [LIST.ruWords, RU_WORDS.split('\n')],
    // Our published passphrase list is a list attackers can use too: a word from it is
    // one of its few thousand entries, whatever its rank elsewhere.
    [LIST.ruPassphrase, RU_PASSPHRASE_WORDS.split('\n')],
  ];
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';

/** Reverses pack() of scripts/password-data.mjs: base64, inflate, one byte per letter, front coding. */
export function unpack(packed: string): string[] {
  const bytes = inflateRawSync(Buffer.from(packed, 'base64'));
  const words: string[] = [];
  let prev = '';
  let k = 0;
  while (k < bytes.length) {
    const shared = (bytes[k] as number) - 0x30;
    k += 1;
    let rest = '';
    while (k < bytes.length && bytes[k] !== 0x0a) {
      const b = bytes[k] as number;
      rest += b >= 0x40 ? LETTERS.charAt(b - 0x40) : String.fromCharCode(b);
      k += 1;
    }
    k += 1; // newline
    prev = prev.slice(0, shared) + rest;
    words.push(prev);
  }
  return words;
}

function build(): Dictionaries {
  const words = new Map<string, WordHit>();
  const sequences = new Map<string, WordHit[]>();
  let maxWordLength = 0;
  const addList = (list: string, entries: readonly (string | number)[]): void => {
    const seq = isSequenceList(list);
    let rank = 0;
    for (const raw of entries) {
      const word = fold(String(raw));
      if (word.length === 0) continue;
      rank += 1;
      const hit: WordHit = { rank, list };
      const prev = words.get(word);
      if (!prev || effective(hit) < effective(prev)) words.set(word, hit);
      if (word.length > maxWordLength) maxWordLength = word.length;
      if (seq) {
        const hits = sequences.get(word) ?? [];
        if (!hits.some((h) => h.list === list)) hits.push(hit);
        sequences.set(word, hits);
      }
    }
  };
  for (const [name, list] of Object.entries(common.dictionary)) addList(name, list);
  for (const [name, list] of Object.entries(english.dictionary)) addList(name, list);
  for (const [name, list] of Object.entries(RU_SEQUENCES)) addList(name, list);

  const ruTrie = new WordTrie(1 << 19);
  for (const [name, list] of russianLists()) {
    let rank = 0;
    for (const raw of list) {
      const word = fold(raw);
      if (word.length === 0) continue;
      rank += 1;
      if (word.length >= 3) ruTrie.add(word, rank, name);
    }
  }
  // The lexicon is unranked: every word counts as an average guess within its list.
  for (const [name, packed] of [
    [LIST.ruLexiconNames, RU_LEXICON_NAMES],
    [LIST.ruLexiconWords, RU_LEXICON_WORDS],
  ] as const) {
    const list = unpack(packed);
    const rank = Math.ceil(list.length / 2);
    for (const word of list) ruTrie.add(word, rank, name);
  }
  return { words, sequences, ruTrie, maxWordLength: Math.min(maxWordLength, MAX_WORD_LENGTH) };
}

let cached: Dictionaries | undefined;

/** Builds the indexes on first use (about a tenth of a second), then reuses them. */
export function dictionaries(): Dictionaries {
  cached ??= build();
  return cached;
}
