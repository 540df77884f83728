// Lessons, packs and scanned files are untrusted. Anything from them that
// reaches the terminal goes through here first, so no escape sequence (colour,
// cursor moves, OSC 8 hyperlinks, title changes) and no bidi override can hide
// or reorder text on the user's screen.

/** C0 controls except tab and newline, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Bidi embeddings, overrides, isolates and marks (Trojan Source), the line and
 * paragraph separators, and invisible characters (zero-width space, joiners,
 * word joiner, byte-order mark) that can hide or split words on screen.
 */
const BIDI = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/g;

export function hasUnsafeChars(text: string): { index: number; char: string } | null {
  const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]/.exec(text);
  return m ? { index: m.index, char: m[0] } : null;
}

/** Removes every unsafe character; CR is dropped so Windows line ends stay harmless. */
export function stripUnsafe(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI, '');
}

export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
