// Latin transliterations of Russian words, read back into Cyrillic.
//
// People write Russian words and names in Latin letters in many ways: passport (ICAO
// 2013) "natalia", "iulia"; BGN/PCGN and everyday English "natasha", "yulia", "zhenya";
// German "natascha", "Sachar", "Iwan"; French "natacha", "Ioulia"; scholarly and Czech
// "nataša", "žena"; ad-hoc mixes such as "alexandr", "dmitriy", "dmitry", "katja".
// Instead of listing every spelling of every word, the table below says which Cyrillic
// letters each Latin chunk can stand for, and the walker follows the Russian word trie
// through all readings at once: mixed systems cost nothing extra.

import { NONE, ROOT, type WordTrie, type WalkMatch } from './trie.js';

/** Latin chunk -> the Cyrillic letters (or letter pairs) it can stand for. ё is folded to е. */
const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['gh', 'г'], ['d', 'д'],
  ['e', 'е'], ['e', 'э'], ['eh', 'э'], ['é', 'е'], ['é', 'э'], ['è', 'е'], ['è', 'э'], ['ë', 'е'], ['ö', 'е'],
  ['ye', 'е'], ['ye', 'ье'], ['je', 'е'], ['je', 'ье'], ['ie', 'е'], ['ie', 'ье'], ['ie', 'ие'],
  ['yo', 'е'], ['yo', 'ье'], ['jo', 'е'], ['io', 'е'], ['io', 'ио'],
  ['zh', 'ж'], ['ž', 'ж'], ['j', 'й'], ['j', 'ж'], ['j', 'дж'], ['z', 'з'], ['z', 'ц'], ['s', 'з'],
  ['i', 'и'], ['i', 'й'], ['i', 'ы'], ['i', 'ий'], ['ii', 'ий'], ['iy', 'ий'], ['ij', 'ий'],
  ['y', 'ы'], ['y', 'й'], ['y', 'и'], ['y', 'ий'], ['y', 'ый'], ['y', 'ь'], ['yi', 'ый'], ['yy', 'ый'], ['yj', 'ый'],
  ['k', 'к'], ['ck', 'к'], ['c', 'ц'], ['c', 'к'], ['c', 'с'], ['q', 'к'],
  ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['ss', 'с'],
  ['t', 'т'], ['u', 'у'], ['ou', 'у'], ['iou', 'ю'], ['ü', 'ю'], ['f', 'ф'], ['ph', 'ф'],
  ['kh', 'х'], ['h', 'х'], ['x', 'х'], ['x', 'кс'],
  ['ts', 'ц'], ['tz', 'ц'], ['tc', 'ц'], ['cz', 'ч'],
  ['ch', 'ч'], ['ch', 'х'], ['ch', 'ш'], ['tch', 'ч'], ['tsch', 'ч'], ['č', 'ч'],
  ['sh', 'ш'], ['sh', 'ж'], ['sch', 'ш'], ['sch', 'щ'], ['sz', 'ш'], ['š', 'ш'],
  ['shch', 'щ'], ['shh', 'щ'], ['chtch', 'щ'], ['schtsch', 'щ'], ['szcz', 'щ'], ['šč', 'щ'], ['ŝ', 'щ'],
  ["'", 'ь'], ["'", 'ъ'], ['`', 'ь'], ['"', 'ъ'],
  ['ya', 'я'], ['ya', 'ья'], ['ja', 'я'], ['ja', 'ья'], ['ia', 'я'], ['ia', 'ья'], ['ia', 'ия'],
  ['yu', 'ю'], ['yu', 'ью'], ['ju', 'ю'], ['ju', 'ью'], ['iu', 'ю'], ['iu', 'ью'], ['iu', 'иу'],
];

const CHUNKS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [latin, cyr] of TABLE) {
    const list = map.get(latin) ?? [];
    list.push(cyr);
    map.set(latin, list);
  }
  return map;
})();
const MAX_CHUNK = Math.max(...[...CHUNKS.keys()].map((k) => k.length));

/** Characters that may start a transliterated token. */
const LATIN_START = /[a-zäöüéèëčšžŝ]/;
/** Signs that a transliteration often leaves out (Наталья -> natalia, Игорь -> igor). */
const SILENT = ['ь', 'ъ'];
/** Upper bound on trie steps per start position: keeps pathological input linear. */
const STEP_BUDGET = 4000;

/**
 * Every Russian word from `trie` that some transliteration of a substring of `lower`
 * (already lower-cased) spells. Tokens shorter than `minLength` are ignored. One result
 * per (i, j, word).
 */
export function walkTranslit(trie: WordTrie, lower: string, minLength: number): WalkMatch[] {
  const found = new Map<string, WalkMatch>();
  const n = lower.length;
  for (let i = 0; i < n; i += 1) {
    if (!LATIN_START.test(lower.charAt(i))) continue;
    let steps = 0;
    const visit = (node: number, pos: number, word: string, afterSilent: boolean): void => {
      steps += 1;
      if (steps > STEP_BUDGET) return;
      const rank = trie.rank(node);
      if (rank > 0 && pos - i >= minLength) {
        const key = `${i}:${pos - 1}:${word}`;
        if (!found.has(key)) found.set(key, { i, j: pos - 1, word, rank, list: trie.list(node) });
      }
      if (!afterSilent) {
        for (const s of SILENT) {
          const next = trie.child(node, s.charCodeAt(0));
          if (next !== NONE) visit(next, pos, word + s, true);
        }
      }
      for (let len = 1; len <= MAX_CHUNK && pos + len <= n; len += 1) {
        const options = CHUNKS.get(lower.slice(pos, pos + len));
        if (!options) continue;
        for (const cyr of options) {
          const next = trie.follow(node, cyr);
          if (next !== NONE) visit(next, pos + len, word + cyr, false);
        }
      }
    };
    visit(ROOT, i, '', false);
  }
  return [...found.values()];
}
