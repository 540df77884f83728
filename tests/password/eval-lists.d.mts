// Types for eval-lists.mjs (plain JavaScript so bench/password.js can use it).
export const INDEPENDENT_BASES: readonly string[];
export const EVERYDAY_WORDS: readonly string[];
export const TRANSLIT_SYSTEMS: Readonly<Record<string, Readonly<Record<string, string>>>>;
export function typedOnQwerty(word: string): string;
export function typedOnJcuken(word: string): string;
export function transliterate(word: string, system: string): string;
export function seeded(seed: number): (n: number) => number;
export function randomStrings(count: number): string[];
export function passphrases(list: readonly string[], count: number, words?: number, transform?: (w: string) => string): string[];
export interface EvalSources {
  ruWords: readonly string[];
  ruNames: readonly string[];
  ruPasswordWords: readonly string[];
  englishPasswords: readonly string[];
  effWords: readonly string[];
  ruPassphraseWords: readonly string[];
}
export interface EvalLists {
  weak: Record<string, string[]>;
  unranked: Record<string, string[]>;
  strong: Record<string, string[]>;
  englishCommon: string[];
}
export function buildEvalLists(sources: EvalSources, perList: number, seed?: number): EvalLists;
