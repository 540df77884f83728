// Lessons, packs and scanned files are untrusted. Anything from them that
// reaches the terminal goes through here first, so no escape sequence (colour,
// cursor moves, OSC 8 hyperlinks, title changes) and no bidi override can hide
// or reorder text on the user's screen.

/** C0 controls except tab and newline, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates (Trojan Source), plus the line/paragraph separators. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function hasUnsafeChars(text: string): { index: number; char: string } | null {
  const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.exec(text);
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
