// Password strength estimate for Russian and English speakers.
//
// @zxcvbn-ts/core (guess-number model, scores at 1e3/1e6/1e8/1e10 guesses) with its
// common and English packs, extended with our matchers (see matchers.ts): Russian words
// and names in Cyrillic, the same typed on the wrong keyboard layout in both directions,
// transliterations, ЙЦУКЕН keyboard walks, Russian-style dates and the usual endings.
// The result is language-neutral: pattern ids and message ids, rendered by messages.ts.
//
// Long input: like zxcvbn, only the first ANALYSED_LENGTH characters are analysed, so a
// 10,000-character paste takes bounded time. The rest is not counted at all: the
// estimate for a long password can only be too low, never too high. (256 characters of
// anything but a repeated pattern already score 4.)

import { ZxcvbnFactory, type MatchEstimated } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { dictionaries, LIST } from './dictionaries.js';
import { buildJcukenGraph } from './keyboard.js';
import { caseVariations, createMatchers, type SuffixPart } from './matchers.js';
import type { MessageId } from './messages.js';
import type { PatternDetail, PatternId, Score, WordSource } from './patterns.js';

export type { PatternDetail, PatternId, Score, WordSource } from './patterns.js';

export interface MessageRef {
  readonly id: MessageId;
}


export interface PasswordEstimate {
  /** 0 too guessable, 1 very guessable, 2 somewhat guessable, 3 safely unguessable, 4 very unguessable. */
  readonly score: Score;
  readonly guessesLog10: number;
  /** Distinct pattern ids, in the order they occur in the password. */
  readonly patterns: readonly PatternId[];
  readonly details: readonly PatternDetail[];
  readonly warning: MessageRef | null;
  readonly suggestions: readonly MessageRef[];
  readonly crackTimes: {
    /** Online attack limited to 100 guesses per hour, in seconds. */
    readonly onlineThrottled: number;
    /** Offline attack on a fast hash, 10^10 guesses per second, in seconds. */
    readonly offlineFastHash: number;
  };
  /** True when the password was longer than ANALYSED_LENGTH and only its start was analysed. */
  readonly truncated: boolean;
}

/** Characters analysed (zxcvbn's own default). */
export const ANALYSED_LENGTH = 256;

let factory: ZxcvbnFactory | undefined;

function getFactory(): ZxcvbnFactory {
  if (!factory) {
    const graphs = { ...common.adjacencyGraphs, jcuken: buildJcukenGraph(common.adjacencyGraphs.qwerty) };
    factory = new ZxcvbnFactory({ graphs, maxLength: ANALYSED_LENGTH }, createMatchers(dictionaries()));
  }
  return factory;
}

/** Builds the dictionaries and matchers now instead of on the first estimate. */
export function warmUp(): void {
  getFactory();
}

function sourceOf(list: string): WordSource {
  if (list.includes('passwords')) return 'common-password';
  if (list === LIST.ruFirstNames || list === LIST.ruSurnames || list === LIST.ruLexiconNames) return 'russian-name';
  if (list.endsWith('-ru')) return 'russian-word';
  if (list.includes('firstnames') || list.includes('lastnames')) return 'english-name';
  return 'english-word';
}

const SUFFIX_PATTERN: Record<Exclude<SuffixPart, 'separator'>, PatternId> = {
  year: 'year',
  date: 'date',
  digits: 'digits',
  symbols: 'symbols',
};

function detailOf(m: MatchEstimated): PatternDetail | null {
  const base = { start: m.i, end: m.j + 1, guessesLog10: m.guessesLog10 };
  const token = String(m.token);
  const decodedIf = (word: unknown): { decoded?: string } =>
    typeof word === 'string' && word !== token.toLowerCase().replace(/ё/g, 'е') ? { decoded: word } : {};
  switch (m.pattern) {
    case 'dictionary': {
      const source = sourceOf(String(m.dictionaryName));
      const modifiers: PatternId[] = [];
      if (m.l33t === true) modifiers.push('l33t');
      if (m.reversed === true) modifiers.push('reversed');
      return { ...base, pattern: source, modifiers, source, ...decodedIf(m.matchedWord) };
    }
    case 'ruWord': {
      const source = sourceOf(String(m.list));
      const modifiers: PatternId[] = m.reversed === true ? ['reversed'] : [];
      return { ...base, pattern: source, modifiers, source, ...decodedIf(m.word) };
    }
    case 'ruLayout':
      return {
        ...base,
        pattern: 'layout-switch',
        modifiers: [],
        source: sourceOf(String(m.list)),
        layout: m.direction === 'ru-to-en' ? 'ru-to-en' : 'en-to-ru',
        ...decodedIf(m.word),
      };
    case 'ruTranslit':
      return { ...base, pattern: 'transliteration', modifiers: [], source: sourceOf(String(m.list)), ...decodedIf(m.word) };
    case 'ruSuffix': {
      const parts = (Array.isArray(m.parts) ? (m.parts as SuffixPart[]) : []).filter(
        (p): p is Exclude<SuffixPart, 'separator'> => p !== 'separator',
      );
      const [first, ...rest] = parts.map((p) => SUFFIX_PATTERN[p]);
      return first ? { ...base, pattern: first, modifiers: rest } : null;
    }
    case 'keyColumns':
    case 'spatial':
      return { ...base, pattern: m.graph === 'jcuken' ? 'jcuken-walk' : 'keyboard-walk', modifiers: [] };
    case 'repeat':
      return { ...base, pattern: 'repeat', modifiers: [] };
    case 'sequence':
      return { ...base, pattern: 'sequence', modifiers: [] };
    case 'regex':
      return m.regexName === 'recentYear' ? { ...base, pattern: 'year', modifiers: [] } : null;
    case 'date':
      return { ...base, pattern: 'date', modifiers: [] };
    case 'wordSequence':
      return { ...base, pattern: 'word-sequence', modifiers: [] };
    default:
      return null; // bruteforce and separators are not weaknesses
  }
}

const has = (details: readonly PatternDetail[], ...ids: PatternId[]): boolean =>
  details.some((d) => ids.includes(d.pattern) || d.modifiers.some((x) => ids.includes(x)));

function warningFor(main: PatternDetail, sole: boolean, rank: number | null): MessageId {
  switch (main.pattern) {
    case 'common-password':
      if (!sole) return 'warning.contains-common-password';
      if (rank !== null && rank <= 10) return 'warning.top-10-password';
      if (rank !== null && rank <= 100) return 'warning.top-100-password';
      return 'warning.common-password';
    case 'layout-switch':
      return 'warning.layout-switch';
    case 'transliteration':
      return 'warning.transliteration';
    case 'russian-name':
    case 'english-name':
      return 'warning.name';
    case 'russian-word':
    case 'english-word':
      return sole ? 'warning.single-word' : 'warning.common-words';
    case 'word-sequence':
      return 'warning.word-sequence';
    case 'keyboard-walk':
    case 'jcuken-walk':
      return 'warning.keyboard';
    case 'repeat':
      return 'warning.repeat';
    case 'sequence':
      return 'warning.sequence';
    case 'year':
      return 'warning.year';
    case 'date':
      return 'warning.date';
    default:
      return 'warning.predictable-ending';
  }
}

function feedback(
  score: Score,
  details: readonly PatternDetail[],
  sequence: readonly MatchEstimated[],
  length: number,
): { warning: MessageRef | null; suggestions: MessageRef[] } {
  if (score >= 3) return { warning: null, suggestions: [] };
  const generic: MessageRef[] = [{ id: 'suggestion.use-passphrase' }, { id: 'suggestion.use-manager' }];
  if (length === 0) return { warning: { id: 'warning.empty' }, suggestions: generic };

  let warning: MessageRef;
  if (details.length === 0) {
    warning = { id: 'warning.too-short' };
  } else {
    let main = details[0] as PatternDetail;
    for (const d of details) if (d.end - d.start > main.end - main.start) main = d;
    const sole = main.start === 0 && main.end === length;
    const match = sequence.find((m) => m.i === main.start && m.j === main.end - 1);
    const rank = match && typeof match.rank === 'number' ? match.rank : null;
    warning = { id: warningFor(main, sole, rank) };
  }

  const specific: MessageId[] = [];
  if (has(details, 'layout-switch')) specific.push('suggestion.layout-not-secret');
  if (has(details, 'transliteration')) specific.push('suggestion.translit-not-secret');
  if (has(details, 'russian-name', 'english-name', 'date', 'year')) specific.push('suggestion.avoid-personal');
  if (has(details, 'keyboard-walk', 'jcuken-walk')) specific.push('suggestion.avoid-keyboard');
  if (has(details, 'repeat', 'sequence')) specific.push('suggestion.avoid-repeats');
  const ending = details.find((d) => d.end === length && d.start > 0);
  if (ending && ['year', 'date', 'digits', 'symbols', 'sequence'].includes(ending.pattern)) specific.push('suggestion.ending-helps-little');
  if (has(details, 'l33t')) specific.push('suggestion.l33t-helps-little');
  if (has(details, 'reversed')) specific.push('suggestion.reversed-helps-little');
  const capitalised = sequence.some((m) => m.pattern !== 'bruteforce' && /^\p{Lu}/u.test(String(m.token)) && caseVariations(String(m.token)) === 2);
  if (capitalised) specific.push('suggestion.capitals-help-little');

  const suggestions = [...specific.slice(0, 3).map((id) => ({ id })), ...generic];
  return { warning, suggestions };
}

/** Online throttled attack: 100 guesses per hour. Offline fast hash: 10^10 per second. */
const ONLINE_THROTTLED_PER_SECOND = 100 / 3600;
const OFFLINE_FAST_PER_SECOND = 1e10;

const DAY = 86400;
/**
 * The verdict follows from the same two crack times the person sees, so the
 * words never contradict the numbers. zxcvbn's own score calls 10^8 guesses
 * "safely unguessable", which a leaked fast-hash database gives up in a
 * hundredth of a second: a password like "masha1987Ivanova" was "Strong" next to
 * "less than a second". Here:
 *   0 very weak    fewer than 10^3 guesses (a login page gives it up in hours)
 *   1 weak         fewer than 10^6 (a login page with limits, within a year)
 *   2 fair         safe at a login page, but a leaked database cracks it within an hour
 *   3 strong       a leaked database needs an hour or more
 *   4 very strong  a leaked database needs a century or more ("centuries")
 */
export const SCORE_GUESSES: readonly number[] = [1e3, 1e6, 3600 * OFFLINE_FAST_PER_SECOND, 100 * 365 * DAY * OFFLINE_FAST_PER_SECOND];

export function scoreFor(guesses: number): Score {
  let score = 0;
  while (score < SCORE_GUESSES.length && guesses >= SCORE_GUESSES[score]!) score++;
  return score as Score;
}

/**
 * Estimates how guessable `password` is. Pure and synchronous; the first call builds
 * the dictionaries (a fraction of a second), later calls take about a millisecond.
 * The password is not kept anywhere.
 */
export function estimatePassword(password: string): PasswordEstimate {
  const normalised = password.normalize('NFC');
  let analysed = normalised.slice(0, ANALYSED_LENGTH);
  // Do not cut a surrogate pair in half.
  if (analysed.length === ANALYSED_LENGTH && /[\uD800-\uDBFF]$/.test(analysed)) analysed = analysed.slice(0, -1);
  const result = getFactory().check(analysed);
  const sequence = result.sequence as MatchEstimated[];
  const details: PatternDetail[] = [];
  for (const m of sequence) {
    const d = detailOf(m);
    if (d) details.push(d);
  }
  const patterns: PatternId[] = [];
  for (const d of details) {
    for (const id of [d.pattern, ...d.modifiers]) if (!patterns.includes(id)) patterns.push(id);
  }
  const score = scoreFor(result.guesses);
  const { warning, suggestions } = feedback(score, details, sequence, analysed.length);
  return {
    score,
    guessesLog10: result.guessesLog10,
    patterns,
    details,
    warning,
    suggestions,
    crackTimes: {
      onlineThrottled: result.guesses / ONLINE_THROTTLED_PER_SECOND,
      offlineFastHash: result.guesses / OFFLINE_FAST_PER_SECOND,
    },
    truncated: normalised.length > analysed.length,
  };
}

/** The same estimate without anything derived from the password's text (no `decoded`). */
export function redactEstimate(estimate: PasswordEstimate): PasswordEstimate {
  return {
    ...estimate,
    details: estimate.details.map((d) => {
      const { decoded: _decoded, ...rest } = d;
      return rest;
    }),
  };
}
