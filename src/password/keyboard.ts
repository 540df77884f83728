// Keyboard layouts: the standard Russian ЙЦУКЕН layout (as on Windows, macOS "Russian
// - PC" and Linux "ru") on the same physical keys as US QWERTY.
//
// Used for two things:
// - layout switching: text typed while the wrong layout was active ("gfhjkm" is
//   "пароль" typed with the English layout on, "зфыыцщкв" is "password" typed with
//   the Russian layout on);
// - the ЙЦУКЕН adjacency graph for keyboard walks ("йцукен", "фывапролдж"), built from
//   zxcvbn's QWERTY graph by renaming every key.

/** Unshifted QWERTY character -> [unshifted, shifted] character on the Russian layout. */
const RU_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  '`': ['ё', 'Ё'], '1': ['1', '!'], '2': ['2', '"'], '3': ['3', '№'], '4': ['4', ';'],
  '5': ['5', '%'], '6': ['6', ':'], '7': ['7', '?'], '8': ['8', '*'], '9': ['9', '('],
  '0': ['0', ')'], '-': ['-', '_'], '=': ['=', '+'],
  q: ['й', 'Й'], w: ['ц', 'Ц'], e: ['у', 'У'], r: ['к', 'К'], t: ['е', 'Е'], y: ['н', 'Н'],
  u: ['г', 'Г'], i: ['ш', 'Ш'], o: ['щ', 'Щ'], p: ['з', 'З'], '[': ['х', 'Х'], ']': ['ъ', 'Ъ'],
  '\\': ['\\', '/'],
  a: ['ф', 'Ф'], s: ['ы', 'Ы'], d: ['в', 'В'], f: ['а', 'А'], g: ['п', 'П'], h: ['р', 'Р'],
  j: ['о', 'О'], k: ['л', 'Л'], l: ['д', 'Д'], ';': ['ж', 'Ж'], "'": ['э', 'Э'],
  z: ['я', 'Я'], x: ['ч', 'Ч'], c: ['с', 'С'], v: ['м', 'М'], b: ['и', 'И'], n: ['т', 'Т'],
  m: ['ь', 'Ь'], ',': ['б', 'Б'], '.': ['ю', 'Ю'], '/': ['.', ','],
};

/** Shifted QWERTY character -> its unshifted key. */
const QWERTY_SHIFT: Readonly<Record<string, string>> = {
  '~': '`', '!': '1', '@': '2', '#': '3', $: '4', '%': '5', '^': '6', '&': '7', '*': '8',
  '(': '9', ')': '0', _: '-', '+': '=', '{': '[', '}': ']', '|': '\\', ':': ';', '"': "'",
  '<': ',', '>': '.', '?': '/',
};

function buildLatinToCyrillic(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, [lower]] of Object.entries(RU_KEYS)) {
    if (/[а-яё]/.test(lower)) map.set(key, lower === 'ё' ? 'е' : lower);
  }
  for (const [shifted, key] of Object.entries(QWERTY_SHIFT)) {
    const target = map.get(key);
    if (target) map.set(shifted, target);
  }
  for (const ch of 'abcdefghijklmnopqrstuvwxyz') {
    const target = map.get(ch);
    if (target) map.set(ch.toUpperCase(), target);
  }
  return map;
}

function buildCyrillicToLatin(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, [lower, upper]] of Object.entries(RU_KEYS)) {
    if (!/[а-яё]/.test(lower)) continue;
    map.set(lower, key);
    map.set(upper, key);
  }
  return map;
}

/** Latin/ASCII key -> lower-case Cyrillic letter (ё folded to е); letters only. */
export const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = buildLatinToCyrillic();
/** Cyrillic letter (either case) -> lower-case QWERTY key. */
export const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = buildCyrillicToLatin();

/**
 * Re-types `text` as if the Russian layout had been active: every character that is a
 * letter key on the Russian layout becomes that (lower-case) Cyrillic letter, anything
 * else is kept. Length is preserved, so indexes map one to one.
 */
export function latinToCyrillic(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k += 1) {
    const ch = text.charAt(k);
    out += LATIN_TO_CYRILLIC.get(ch) ?? ch;
  }
  return out;
}

/** The reverse: Cyrillic letters become the (lower-case) QWERTY key they sit on. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k += 1) {
    const ch = text.charAt(k);
    out += CYRILLIC_TO_LATIN.get(ch) ?? ch;
  }
  return out;
}

type Graph = Record<string, (string | null)[]>;

/**
 * The ЙЦУКЕН adjacency graph, derived from zxcvbn's QWERTY graph: same physical keys,
 * same neighbours, Russian characters. Entries are "unshifted+shifted" pairs, like the
 * source graph.
 */
export function buildJcukenGraph(qwerty: Graph): Graph {
  const pair = (entry: string | null): string | null => {
    if (entry === null) return null;
    const base = entry.charAt(0);
    const ru = RU_KEYS[base];
    return ru ? ru[0] + ru[1] : entry;
  };
  const graph: Graph = {};
  for (const [key, neighbours] of Object.entries(qwerty)) {
    const base = QWERTY_SHIFT[key] ?? key.toLowerCase();
    const ru = RU_KEYS[base];
    if (!ru) continue;
    const shifted = key !== base;
    const ruKey = shifted ? ru[1] : ru[0];
    graph[ruKey] = neighbours.map(pair);
  }
  return graph;
}
