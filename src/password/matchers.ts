// Matchers plugged into @zxcvbn-ts/core.
//
// Two groups:
// 1. Faster stand-ins for four built-in matchers, registered under the built-in names
//    ("dictionary", "dictionaryReverse", "dictionaryL33t", "wordSequence"), which
//    zxcvbn-ts lets custom matchers replace. The built-ins scan every list once per
//    l33t variant of the whole password (up to 100 variants), which made plain
//    zxcvbn-ts run at about 200 passwords/s here; these look every substring up once
//    in one merged index. They emit the same match shapes, so zxcvbn's own scoring
//    of "dictionary" and "wordSequence" matches is unchanged.
// 2. Russian-speaker matchers: Russian words and names in Cyrillic ("ruWord"), typed on
//    the wrong keyboard layout in either direction ("ruLayout"), transliterated into
//    Latin letters ("ruTranslit"), the usual endings: digits, years, dates and
//    symbols ("ruSuffix"), and walks down keyboard columns on QWERTY and ЙЦУКЕН
//    ("keyColumns").

import { MatcherBaseClass } from '@zxcvbn-ts/core';
import type { Matcher, MatchExtended, MatchEstimated, MatchOptions } from '@zxcvbn-ts/core';
import { DICEWARE_GUESSES, LIST, fold, type Dictionaries, type WordHit } from './dictionaries.js';
import { cyrillicToLatin, latinToCyrillic, LATIN_TO_CYRILLIC } from './keyboard.js';
import { walkDirect, type WalkMatch } from './trie.js';
import { walkTranslit } from './translit.js';

/** Extra guesses for a word typed on the other layout: an attacker tries both. */
export const LAYOUT_FACTOR = 2;
/** Extra guesses for a transliterated word: a few common spellings per word. */
export const TRANSLIT_FACTOR = 2;
/** Shortest Russian word token the walks report. */
const MIN_RU_TOKEN = 3;

type AnyMatch = MatchExtended | MatchEstimated;

// ---------------------------------------------------------------------------------
// Scoring helpers

function nCk(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * How many capitalisations an attacker tries before this one (any script): all lower
 * 1, first or last letter upper or all upper 2, otherwise the number of ways to pick
 * that many upper-case letters.
 */
export function caseVariations(token: string): number {
  let upper = 0;
  let lower = 0;
  const letters: boolean[] = [];
  for (const ch of token) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) continue;
    const isUpper = ch === up;
    letters.push(isUpper);
    if (isUpper) upper += 1;
    else lower += 1;
  }
  if (upper === 0) return 1;
  if (lower === 0) return 2;
  const first = letters[0] === true && upper === 1;
  const last = letters[letters.length - 1] === true && upper === 1;
  if (first || last) return 2;
  let variations = 0;
  for (let i = 1; i <= Math.min(upper, lower); i += 1) variations += nCk(upper + lower, i);
  return variations;
}

function baseGuesses(hit: WordHit): number {
  return hit.list === LIST.diceware ? DICEWARE_GUESSES : hit.rank;
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

// ---------------------------------------------------------------------------------
// Group 1: built-in replacements

function dictionaryMatch(password: string, i: number, j: number, word: string, hit: WordHit, extra: Partial<MatchExtended> = {}): MatchExtended {
  return {
    pattern: 'dictionary',
    i,
    j,
    token: password.slice(i, j + 1),
    matchedWord: word,
    rank: hit.rank,
    dictionaryName: hit.list,
    reversed: false,
    l33t: false,
    ...extra,
  };
}

function lookupAll(dicts: Dictionaries, folded: string, visit: (i: number, j: number, word: string, hit: WordHit) => void): void {
  const n = folded.length;
  for (let i = 0; i < n; i += 1) {
    const end = Math.min(n, i + dicts.maxWordLength);
    for (let j = i; j < end; j += 1) {
      const word = folded.slice(i, j + 1);
      const hit = dicts.words.get(word);
      if (hit) visit(i, j, word, hit);
    }
  }
}

function reverseString(text: string): string {
  let out = '';
  for (let k = text.length - 1; k >= 0; k -= 1) out += text.charAt(k);
  return out;
}

/** Substitutions people use for letters ("p@ssw0rd"). Multi-character ones first. */
const L33T: ReadonlyArray<readonly [string, string]> = [
  ['/\\/\\', 'm'], ['\\/\\/', 'w'], ['|_|', 'u'], ['|-|', 'h'], ['|)', 'd'], ['|<', 'k'], ['()', 'o'], ['><', 'x'], ['^^', 'm'],
  ['4', 'a'], ['@', 'a'], ['8', 'b'], ['(', 'c'], ['{', 'c'], ['[', 'c'], ['<', 'c'], ['6', 'd'], ['3', 'e'], ['#', 'f'],
  ['6', 'g'], ['9', 'g'], ['&', 'g'], ['#', 'h'], ['1', 'i'], ['!', 'i'], ['|', 'i'], ['<', 'k'], ['1', 'l'], ['!', 'l'],
  ['|', 'l'], ['7', 'l'], ['0', 'o'], ['9', 'q'], ['$', 's'], ['5', 's'], ['+', 't'], ['7', 't'], ['%', 'x'], ['2', 'z'],
];
const L33T_MAX_SUB = Math.max(...L33T.map(([s]) => s.length));
const L33T_SUBS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [sub, letter] of L33T) map.set(sub, [...(map.get(sub) ?? []), letter]);
  return map;
})();
/** Bounds the l33t search per start position (all-digit input has many readings). */
const L33T_BUDGET = 400;
/** More substitutions than this in one word is not a word any more. */
const L33T_MAX_SUBS = 6;

interface L33tSub {
  readonly letter: string;
  readonly substitution: string;
}

const L33T_CHARS = new Set(L33T.map(([sub]) => sub.charAt(0)));

function l33tMatches(dicts: Dictionaries, password: string): MatchExtended[] {
  const folded = fold(password);
  const n = folded.length;
  const out = new Map<string, MatchExtended>();
  // Positions of characters that can start a substitution; starts with none ahead
  // (within the longest word) cannot give a l33t match.
  const subAt: number[] = [];
  for (let k = 0; k < n; k += 1) if (L33T_CHARS.has(folded.charAt(k))) subAt.push(k);
  if (subAt.length === 0) return [];
  for (let i = 0; i < n; i += 1) {
    if (!subAt.some((k) => k >= i && k < i + dicts.maxWordLength)) continue;
    let budget = L33T_BUDGET;
    const subs: L33tSub[] = [];
    const visit = (pos: number, decoded: string): void => {
      budget -= 1;
      if (budget < 0) return;
      if (subs.length > 0 && pos - i > 1) {
        const hit = dicts.words.get(decoded);
        // Skip when the text as typed is itself a word at least as likely: the plain
        // dictionary match already covers it with fewer guesses.
        const plain = hit ? dicts.words.get(folded.slice(i, pos)) : undefined;
        if (hit && !(plain && plain.rank <= hit.rank)) {
          const key = `${i}:${pos - 1}:${decoded}`;
          const prev = out.get(key);
          if (!prev || num(prev.rank, Infinity) > hit.rank) {
            const unique = subs.filter((s, k) => subs.findIndex((t) => t.letter === s.letter && t.substitution === s.substitution) === k);
            out.set(
              key,
              dictionaryMatch(password, i, pos - 1, decoded, hit, {
                l33t: true,
                subs: unique,
                subDisplay: unique.map((s) => `${s.substitution} -> ${s.letter}`).join(', '),
              }),
            );
          }
        }
      }
      if (pos >= n || decoded.length >= dicts.maxWordLength) return;
      if (subs.length < L33T_MAX_SUBS) {
        for (let len = Math.min(L33T_MAX_SUB, n - pos); len >= 1; len -= 1) {
          const sub = folded.slice(pos, pos + len);
          const letters = L33T_SUBS.get(sub);
          if (!letters) continue;
          for (const letter of letters) {
            subs.push({ letter, substitution: sub });
            visit(pos + len, decoded + letter);
            subs.pop();
          }
        }
      }
      visit(pos + 1, decoded + folded.charAt(pos));
    };
    visit(i, '');
  }
  return [...out.values()];
}

function wordSequenceMatches(dicts: Dictionaries, password: string): MatchExtended[] {
  const folded = fold(password);
  interface Hit { i: number; j: number; word: string; rank: number }
  const byList = new Map<string, Map<number, Hit[]>>();
  lookupAll(dicts, folded, (i, j, word) => {
    const hits = dicts.sequences.get(word);
    if (!hits) return;
    for (const h of hits) {
      const starts = byList.get(h.list) ?? new Map<number, Hit[]>();
      byList.set(h.list, starts);
      starts.set(i, [...(starts.get(i) ?? []), { i, j, word, rank: h.rank }]);
    }
  });
  const out: MatchExtended[] = [];
  const SEPARATORS = ' -_.';
  for (const [list, starts] of byList) {
    const next = (after: number): Hit | undefined => {
      let options = starts.get(after + 1);
      if (!options && SEPARATORS.includes(folded.charAt(after + 1)) && after + 1 < folded.length) options = starts.get(after + 2);
      if (!options) return undefined;
      return options.reduce((a, b) => (b.j > a.j ? b : a));
    };
    for (const first of [...starts.values()].flat()) {
      const chain: Hit[] = [first];
      for (let cur = next(first.j); cur && chain.length < 32; cur = next(cur.j)) {
        chain.push(cur);
        const last = chain[chain.length - 1] as Hit;
        out.push({
          pattern: 'wordSequence',
          i: first.i,
          j: last.j,
          token: password.slice(first.i, last.j + 1),
          words: chain.map((h) => h.word),
          wordCount: chain.length,
          dictionaryName: list,
          ascending: chain.every((h, k) => k === 0 || h.rank >= (chain[k - 1] as Hit).rank),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Group 2: Russian-speaker matchers

function ruMatch(pattern: string, password: string, m: WalkMatch, extra: Record<string, unknown> = {}): MatchExtended {
  return {
    pattern,
    i: m.i,
    j: m.j,
    token: password.slice(m.i, m.j + 1),
    word: m.word,
    rank: m.rank,
    list: m.list,
    ...extra,
  };
}

function ruWordMatches(dicts: Dictionaries, password: string): MatchExtended[] {
  const folded = fold(password);
  if (!/[а-я]/.test(folded)) return [];
  const out = walkDirect(dicts.ruTrie, folded, MIN_RU_TOKEN).map((m) => ruMatch('ruWord', password, m, { reversed: false }));
  const n = folded.length;
  for (const m of walkDirect(dicts.ruTrie, reverseString(folded), MIN_RU_TOKEN)) {
    const i = n - 1 - m.j;
    const j = n - 1 - m.i;
    const forward = folded.slice(i, j + 1);
    if (forward === m.word) continue; // a palindrome: the forward match covers it
    out.push(ruMatch('ruWord', password, { ...m, i, j }, { reversed: true }));
  }
  return out;
}

const HAS_LAYOUT_KEY = (text: string): boolean => {
  for (let k = 0; k < text.length; k += 1) if (LATIN_TO_CYRILLIC.has(text.charAt(k))) return true;
  return false;
};

const KEY_ROWS = ['`1234567890-=', 'qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,./'];
/** True for a run of neighbouring keys of one QWERTY row ("qwerty", "lkjh"). */
function isKeyboardRow(word: string): boolean {
  if (word.length < 3) return false;
  const reversed = reverseString(word);
  return KEY_ROWS.some((row) => row.includes(word) || row.includes(reversed));
}

function ruLayoutMatches(dicts: Dictionaries, password: string): MatchExtended[] {
  const out: MatchExtended[] = [];
  // Russian words typed with the English layout on: "gfhjkm" -> "пароль".
  if (HAS_LAYOUT_KEY(password)) {
    const cyr = latinToCyrillic(password);
    for (const m of walkDirect(dicts.ruTrie, cyr, MIN_RU_TOKEN)) {
      const token = password.slice(m.i, m.j + 1);
      if (fold(token) === m.word) continue; // typed in Cyrillic already
      out.push(ruMatch('ruLayout', password, m, { direction: 'en-to-ru' }));
    }
  }
  // English words and common passwords typed with the Russian layout on: "зфыыцщкв".
  if (/[а-яё]/i.test(password)) {
    const latin = fold(cyrillicToLatin(password));
    lookupAll(dicts, latin, (i, j, word, hit) => {
      if (j - i + 1 < MIN_RU_TOKEN) return;
      const token = password.slice(i, j + 1);
      if (!/[а-яё]/i.test(token)) return; // no layout switch inside this token
      // "пароль123" is also "gfhjkm123" typed in Russian, which is on the common
      // password list; the Russian word is the better explanation.
      if (dicts.ruTrie.has(fold(token).replace(/[^а-я]/g, ''))) return;
      // "йцукен" is "qwerty" in Russian: report it as the keyboard row it is.
      const letters = word.replace(/[^a-z]/g, '');
      if (isKeyboardRow(letters) || walks().has(letters)) return;
      out.push({
        pattern: 'ruLayout',
        i,
        j,
        token,
        word,
        rank: hit.rank,
        list: hit.list,
        direction: 'ru-to-en',
      });
    });
  }
  return out;
}

function ruTranslitMatches(dicts: Dictionaries, password: string): MatchExtended[] {
  const lower = fold(password);
  if (!/[a-z]/.test(lower)) return [];
  return walkTranslit(dicts.ruTrie, lower, MIN_RU_TOKEN).map((m) => ruMatch('ruTranslit', password, m));
}

// --- endings: digits, years, dates, symbols ----------------------------------------

const REFERENCE_YEAR = new Date().getFullYear();
const MIN_YEAR_SPACE = 20;
const yearSpace = (year: number): number => Math.max(Math.abs(year - REFERENCE_YEAR), MIN_YEAR_SPACE);
const fullYear = (yy: number): number => (yy + 2000 <= REFERENCE_YEAR ? 2000 + yy : 1900 + yy);
const validDayMonth = (d: number, m: number): boolean => d >= 1 && d <= 31 && m >= 1 && m <= 12;

export type SuffixPart = 'separator' | 'year' | 'date' | 'digits' | 'symbols';

interface SuffixParse {
  readonly guesses: number;
  readonly parts: SuffixPart[];
}

/** Numbers people add to passwords far more often than others (after years and runs). */
const POPULAR_NUMBERS = new Set(['007', '69', '666', '777', '888', '999', '911', '100', '101', '13', '21', '22', '23', '77', '88', '99', '00', '01', '10', '11', '12', '2000']);

/** Guesses for a run of digits people put at the end of a password, with what it is. */
function digitGuesses(digits: string): { guesses: number; part: SuffixPart } {
  const len = digits.length;
  const value = Number(digits);
  const candidates: { guesses: number; part: SuffixPart }[] = [{ guesses: 10 ** len, part: 'digits' }];
  if (len === 4 && value >= 1900 && value <= REFERENCE_YEAR + 15) candidates.push({ guesses: yearSpace(value), part: 'year' });
  if (POPULAR_NUMBERS.has(digits)) candidates.push({ guesses: 20, part: 'digits' });
  if (len === 2) candidates.push({ guesses: 100, part: 'digits' });
  if (len >= 2 && /^(\d)\1+$/.test(digits)) candidates.push({ guesses: 10 * len, part: 'digits' });
  if (len >= 3) {
    const step = Number(digits.charAt(1)) - Number(digits.charAt(0));
    let run = Math.abs(step) === 1;
    for (let k = 2; k < len && run; k += 1) run = Number(digits.charAt(k)) - Number(digits.charAt(k - 1)) === step;
    if (run) candidates.push({ guesses: 20 * len, part: 'digits' });
  }
  const d = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  if (len === 4 && validDayMonth(d, m)) candidates.push({ guesses: 366, part: 'date' });
  if (len === 6 && validDayMonth(d, m)) candidates.push({ guesses: yearSpace(fullYear(Number(digits.slice(4)))) * 365, part: 'date' });
  if (len === 8 && validDayMonth(d, m)) candidates.push({ guesses: yearSpace(Number(digits.slice(4))) * 365, part: 'date' });
  return candidates.reduce((a, b) => (b.guesses < a.guesses ? b : a));
}

const SUFFIX_RE = /^([-_.@#!*]?)((\d{1,2})([./-])(\d{1,2})(?:\4(\d{4}|\d{2}))?|\d{0,8})([!?.@#$%^&*_+=-]{0,3})$/;

/**
 * Parses an ending such as "1987", "_87", "1987!", "12.05.1987", "2005!!", "!" into
 * guesses, or null when `text` is not one. Digits and symbols in one ending are scored
 * together, without zxcvbn's penalty for each extra pattern: appending digits and "!"
 * is a standard cracking rule, tried right after the bare word.
 */
export function parseSuffix(text: string): SuffixParse | null {
  const m = SUFFIX_RE.exec(text);
  if (!m) return null;
  const [, sep = '', core = '', day, dot, month, year, symbols = ''] = m;
  if (core === '' && symbols === '' ) return null;
  const parts: SuffixPart[] = [];
  let guesses = 1;
  if (sep !== '') {
    if (core === '') return null; // "!!" alone is just symbols: let the symbol rule see it whole
    guesses *= 2; // mostly "_" or "."

    parts.push('separator');
  }
  if (dot !== undefined && day !== undefined && month !== undefined) {
    const d = Number(day);
    const mo = Number(month);
    if (!validDayMonth(d, mo)) return null;
    const y = year === undefined ? null : year.length === 2 ? fullYear(Number(year)) : Number(year);
    if (y !== null && (y < 1900 || y > REFERENCE_YEAR + 15)) return null;
    guesses *= (y === null ? 366 : yearSpace(y) * 365) * 3; // three separators: . - /
    parts.push('date');
  } else if (core !== '') {
    const digits = digitGuesses(core);
    guesses *= digits.guesses;
    parts.push(digits.part);
  }
  if (symbols !== '') {
    // "!" is by far the most common final symbol; a run of one symbol ("!!!") costs
    // little more than the symbol itself.
    const first = symbols.charAt(0) === '!' ? 2 : 10;
    const same = /^(.)\1*$/.test(symbols);
    guesses *= same ? first * symbols.length : first * 10 ** (symbols.length - 1);
    parts.push('symbols');
  }
  return { guesses: Math.max(guesses, 10), parts };
}

/** Endings are searched in the last characters only. */
const MAX_SUFFIX = 16;

function ruSuffixMatches(password: string): MatchExtended[] {
  const n = password.length;
  const out: MatchExtended[] = [];
  for (let i = Math.max(1, n - MAX_SUFFIX); i < n; i += 1) {
    const token = password.slice(i);
    const parsed = parseSuffix(token);
    if (!parsed) continue;
    out.push({ pattern: 'ruSuffix', i, j: n - 1, token, suffixGuesses: parsed.guesses, parts: parsed.parts });
  }
  return out;
}

// --- keyboard columns: "1qaz2wsx", "qazwsxedc", "йфяцычувс" ------------------------

const ROWS: Readonly<Record<'qwerty' | 'jcuken', readonly string[]>> = {
  qwerty: ['1234567890', 'qwertyuiop', 'asdfghjkl;', 'zxcvbnm,./'],
  jcuken: ['1234567890', 'йцукенгшщз', 'фывапролдж', 'ячсмитьбю.'],
};

/**
 * Walks down or up whole keyboard columns, column after column ("qaz" "wsx" "edc"):
 * zxcvbn's keyboard graph sees each column as a separate short walk, so these scored
 * far too high. Every such walk of 2 to 10 columns, with or without the digit row,
 * left to right or back, each column down or up (or alternating), is listed once with
 * its guesses: the number of walks of that length an attacker would enumerate.
 */
function buildColumnWalks(): Map<string, { guesses: number; graph: 'qwerty' | 'jcuken' }> {
  const walks = new Map<string, { guesses: number; graph: 'qwerty' | 'jcuken' }>();
  const rowSets = [[1, 2, 3], [0, 1, 2, 3]];
  for (const graph of ['qwerty', 'jcuken'] as const) {
    const rows = ROWS[graph];
    for (const rowSet of rowSets) {
      for (let start = 0; start < 10; start += 1) {
        for (const step of [1, -1]) {
          for (const vertical of ['down', 'up', 'alternate'] as const) {
            let text = '';
            for (let m = 0; m < 10; m += 1) {
              const col = start + step * m;
              if (col < 0 || col > 9) break;
              const down = vertical === 'down' || (vertical === 'alternate' && m % 2 === 0);
              const order = down ? rowSet : [...rowSet].reverse();
              text += order.map((r) => (rows[r] as string).charAt(col)).join('');
              // 10 start columns x 2 directions x 3 vertical orders x 2 row sets, per length
              if (m >= 1 && !walks.has(text)) walks.set(text, { guesses: 120 * (m + 1), graph });
            }
          }
        }
      }
    }
  }
  // Straight runs along one row ("asdfgh", "фывапр", backwards too), so that a run
  // followed by more keys ("йцукенгшщз007") is still seen: zxcvbn's own keyboard
  // matcher reports only the longest walk.
  for (const graph of ['qwerty', 'jcuken'] as const) {
    for (const row of ROWS[graph].slice(1)) {
      for (const line of [row, reverseString(row)]) {
        for (let start = 0; start < line.length; start += 1) {
          for (let end = start + 4; end <= line.length; end += 1) {
            const text = line.slice(start, end);
            // 3 rows x 10 starts x 2 directions, per length
            if (!walks.has(text)) walks.set(text, { guesses: 60 * text.length, graph });
          }
        }
      }
    }
  }
  return walks;
}

let columnWalks: Map<string, { guesses: number; graph: 'qwerty' | 'jcuken' }> | undefined;

function walks(): Map<string, { guesses: number; graph: 'qwerty' | 'jcuken' }> {
  columnWalks ??= buildColumnWalks();
  return columnWalks;
}

function columnWalkMatches(password: string): MatchExtended[] {
  const columnWalks = walks();
  const folded = fold(password);
  const out: MatchExtended[] = [];
  const n = folded.length;
  for (let i = 0; i + 4 <= n; i += 1) {
    for (let j = i + 3; j < Math.min(n, i + 40); j += 1) {
      const walk = columnWalks.get(folded.slice(i, j + 1));
      if (walk) out.push({ pattern: 'keyColumns', i, j, token: password.slice(i, j + 1), graph: walk.graph, walkGuesses: walk.guesses });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Registration

const noFeedback = (): null => null;
/** Never called: zxcvbn scores "dictionary" and "wordSequence" matches itself. */
const builtInScoring = (): number => 0;

function matcher(find: (password: string) => MatchExtended[], scoring: (match: AnyMatch) => number): Matcher {
  class Matching extends MatcherBaseClass {
    match({ password }: MatchOptions): MatchExtended[] {
      return find(password);
    }
  }
  return { Matching, feedback: noFeedback, scoring };
}

function wordScoring(factor: number) {
  return (match: AnyMatch): number => {
    const hit: WordHit = { rank: num(match.rank, 1), list: String(match.list) };
    const reversed = match.reversed === true ? 2 : 1;
    return baseGuesses(hit) * caseVariations(match.token) * factor * reversed;
  };
}

/** The custom matchers, keyed by the names zxcvbn-ts registers them under. */
export function createMatchers(dicts: Dictionaries): Record<string, Matcher> {
  return {
    dictionary: matcher((pw) => {
      const out: MatchExtended[] = [];
      lookupAll(dicts, fold(pw), (i, j, word, hit) => out.push(dictionaryMatch(pw, i, j, word, hit)));
      return out;
    }, builtInScoring),
    dictionaryReverse: matcher((pw) => {
      const out: MatchExtended[] = [];
      const n = pw.length;
      lookupAll(dicts, reverseString(fold(pw)), (ri, rj, word, hit) => {
        const i = n - 1 - rj;
        const j = n - 1 - ri;
        const token = pw.slice(i, j + 1);
        if (fold(token) === word) return; // palindrome
        out.push(dictionaryMatch(pw, i, j, word, hit, { reversed: true }));
      });
      return out;
    }, builtInScoring),
    dictionaryL33t: matcher((pw) => l33tMatches(dicts, pw), builtInScoring),
    wordSequence: matcher((pw) => wordSequenceMatches(dicts, pw), builtInScoring),
    ruWord: matcher((pw) => ruWordMatches(dicts, pw), wordScoring(1)),
    ruLayout: matcher((pw) => ruLayoutMatches(dicts, pw), wordScoring(LAYOUT_FACTOR)),
    ruTranslit: matcher((pw) => ruTranslitMatches(dicts, pw), wordScoring(TRANSLIT_FACTOR)),
    ruSuffix: matcher(ruSuffixMatches, (m) => num(m.suffixGuesses, 10)),
    keyColumns: matcher(columnWalkMatches, (m) => num(m.walkGuesses, 10) * caseVariations(m.token)),
  };
}

