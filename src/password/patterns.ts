// What the estimator can recognise in a password, as data: shared by the
// estimator and the messages that name each pattern.

/** What the estimator recognised in a password. Stable ids: used in JSON output. */
export type PatternId =
  | 'common-password'
  | 'english-word'
  | 'english-name'
  | 'russian-word'
  | 'russian-name'
  | 'layout-switch'
  | 'transliteration'
  | 'keyboard-walk'
  | 'jcuken-walk'
  | 'year'
  | 'date'
  | 'digits'
  | 'symbols'
  | 'repeat'
  | 'sequence'
  | 'word-sequence'
  | 'l33t'
  | 'reversed';

/** Where a recognised word comes from. */
export type WordSource = 'common-password' | 'english-word' | 'english-name' | 'russian-word' | 'russian-name';

export interface PatternDetail {
  readonly pattern: PatternId;
  /** Extra tricks applied to this part ('l33t', 'reversed', or the later parts of an ending). */
  readonly modifiers: readonly PatternId[];
  /** Position in the analysed password: [start, end), UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  readonly guessesLog10: number;
  /** For words (also layout-switched or transliterated ones): which list the word is on. */
  readonly source?: WordSource;
  /** For 'layout-switch': which way the layouts were mixed up. */
  readonly layout?: 'en-to-ru' | 'ru-to-en';
  /**
   * SECRET: the word this part decodes to ("пароль" for "gfhjkm"), set only when it
   * differs from what was typed. It reveals part of the password: show it only in the
   * interactive single check, never in batch, JSON or logs (see redactEstimate).
   */
  readonly decoded?: string;
}

export type Score = 0 | 1 | 2 | 3 | 4;
