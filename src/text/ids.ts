// Ids from lessons, packs, progress files and plan answers are data, never
// property names. Lookups keyed by them use Map or null-prototype objects,
// and the validators refuse the names every plain object already has
// (`constructor`, `toString`, `__proto__`, ...), so an id can never reach
// Object.prototype through code that still uses a plain object.
const RESERVED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__']);

export function isReservedId(id: string): boolean {
  return RESERVED.has(id);
}

/** An empty object with no prototype: `data[id]` finds only what was put there. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
