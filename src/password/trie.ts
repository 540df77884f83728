// A compact character trie over the Russian word lists (about 110,000 words), stored
// in typed arrays (first child, next sibling, character, rank, list) so that it costs
// a few megabytes instead of the hundreds a Map per node would. Each word keeps its
// best rank (1 = tried first) and the list that rank comes from.

export const ROOT = 0;
export const NONE = -1;

export class WordTrie {
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private label: Uint16Array;
  private ranks: Int32Array;
  private listIds: Uint8Array;
  private nodes = 1;
  private readonly listNames: string[] = [];
  size = 0;

  constructor(capacity = 1 << 16) {
    this.firstChild = new Int32Array(capacity).fill(NONE);
    this.nextSibling = new Int32Array(capacity).fill(NONE);
    this.label = new Uint16Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.listIds = new Uint8Array(capacity);
  }

  private grow(): void {
    const capacity = this.firstChild.length * 2;
    const fc = new Int32Array(capacity).fill(NONE);
    fc.set(this.firstChild);
    const ns = new Int32Array(capacity).fill(NONE);
    ns.set(this.nextSibling);
    const lb = new Uint16Array(capacity);
    lb.set(this.label);
    const rk = new Int32Array(capacity);
    rk.set(this.ranks);
    const li = new Uint8Array(capacity);
    li.set(this.listIds);
    this.firstChild = fc;
    this.nextSibling = ns;
    this.label = lb;
    this.ranks = rk;
    this.listIds = li;
  }

  /** The child of `node` reached by character code `code`, or NONE. */
  child(node: number, code: number): number {
    for (let c = this.firstChild[node] as number; c !== NONE; c = this.nextSibling[c] as number) {
      if (this.label[c] === code) return c;
    }
    return NONE;
  }

  /** Rank of the word ending at `node`, 0 when no word ends there. */
  rank(node: number): number {
    return this.ranks[node] as number;
  }

  /** List of the word ending at `node`. */
  list(node: number): string {
    return this.listNames[this.listIds[node] as number] ?? '';
  }

  /** Adds `word` unless it is already present with a better (lower) rank. */
  add(word: string, rank: number, list: string): void {
    let listId = this.listNames.indexOf(list);
    if (listId < 0) {
      listId = this.listNames.length;
      this.listNames.push(list);
    }
    let node = ROOT;
    for (let k = 0; k < word.length; k += 1) {
      const code = word.charCodeAt(k);
      let next = this.child(node, code);
      if (next === NONE) {
        if (this.nodes >= this.firstChild.length) this.grow();
        next = this.nodes;
        this.nodes += 1;
        this.label[next] = code;
        this.nextSibling[next] = this.firstChild[node] as number;
        this.firstChild[node] = next;
      }
      node = next;
    }
    const current = this.ranks[node] as number;
    if (current === 0) this.size += 1;
    if (current === 0 || current > rank) {
      this.ranks[node] = rank;
      this.listIds[node] = listId;
    }
  }

  /** Follows `text` from `node`; NONE when the path leaves the trie. */
  follow(node: number, text: string): number {
    let cur = node;
    for (let k = 0; k < text.length && cur !== NONE; k += 1) cur = this.child(cur, text.charCodeAt(k));
    return cur;
  }

  /** True when `word` is in the trie. */
  has(word: string): boolean {
    const node = this.follow(ROOT, word);
    return node !== NONE && this.rank(node) > 0;
  }
}

export interface WalkMatch {
  /** Index of the first character of the token in the input. */
  readonly i: number;
  /** Index of the last character of the token (inclusive). */
  readonly j: number;
  /** The Russian word (lower case, ё as е). */
  readonly word: string;
  readonly rank: number;
  readonly list: string;
}

/**
 * Every dictionary word that starts at each position of `cyrillic` (one Cyrillic letter
 * per input character, so indexes are the input's). Words shorter than `minLength`
 * are ignored.
 */
export function walkDirect(trie: WordTrie, cyrillic: string, minLength: number): WalkMatch[] {
  const out: WalkMatch[] = [];
  for (let i = 0; i < cyrillic.length; i += 1) {
    let node = ROOT;
    for (let j = i; j < cyrillic.length; j += 1) {
      node = trie.child(node, cyrillic.charCodeAt(j));
      if (node === NONE) break;
      const rank = trie.rank(node);
      if (rank > 0 && j - i + 1 >= minLength) out.push({ i, j, word: cyrillic.slice(i, j + 1), rank, list: trie.list(node) });
    }
  }
  return out;
}
