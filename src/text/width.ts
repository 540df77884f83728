// How many terminal columns text takes, and wrapping by that count. Cyrillic
// letters take one column, CJK characters and most emoji two, combining marks
// and styling escapes none; a word wider than the line is broken so the
// terminal never has to (it would break it anywhere, often mid-word).

const SGR = /\u001b\[[0-9;]*m/g;
const SGR_AT_START = /^\u001b\[[0-9;]*m/;

/** Wide (two-column) code points: East Asian wide and fullwidth forms, and emoji. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|[\u200b-\u200f\u2060-\u2064]|[\ufe00-\ufe0f])$/u;

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Columns `text` takes on a terminal (styling escapes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(SGR, '')) width += charWidth(ch);
  return width;
}

/** Splits a word into pieces of at most `width` columns, keeping escapes whole. */
function breakWord(word: string, first: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  let room = Math.max(1, first);
  let rest = word;
  while (rest.length > 0) {
    const esc = SGR_AT_START.exec(rest);
    if (esc) {
      piece += esc[0];
      rest = rest.slice(esc[0].length);
      continue;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    const w = charWidth(ch);
    if (used + w > room && used > 0) {
      pieces.push(piece);
      piece = '';
      used = 0;
      room = Math.max(1, width);
    }
    piece += ch;
    used += w;
    rest = rest.slice(ch.length);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wraps `text` at `width` columns. Continuation lines start with `indent` (a
 * hanging indent under list markers and labels), the first with `firstIndent`.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  // A line that already fits keeps its own spacing (columns separated by several spaces).
  const trimmed = text.trim();
  if (trimmed && !/[\n\r\t]/.test(trimmed) && displayWidth(firstIndent + trimmed) <= width) return [firstIndent + trimmed];
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let lineWidth = displayWidth(firstIndent);
  let hasWord = false;
  const indentWidth = displayWidth(indent);
  const push = (): void => {
    lines.push(line);
    line = indent;
    lineWidth = indentWidth;
    hasWord = false;
  };
  for (const word of words) {
    const w = displayWidth(word);
    if (hasWord && lineWidth + 1 + w > width) push();
    if (hasWord) {
      line += ' ' + word;
      lineWidth += 1 + w;
    } else if (lineWidth + w <= width) {
      line += word;
      lineWidth += w;
    } else {
      // Wider than a whole line (a long link, say): break it rather than let the terminal do it.
      breakWord(word, width - lineWidth, width - indentWidth).forEach((piece, i) => {
        if (i > 0) push();
        line += piece;
        lineWidth += displayWidth(piece);
      });
    }
    hasWord = true;
  }
  if (hasWord) lines.push(line);
  return lines;
}

/** A list marker or label that continuation lines hang under: "- ", "• ", "12. ", "✓ ". */
const HANGING = /^(\s*)((?:[-*•✓✗→]|\d{1,3}[.)])\s+)?/;

/**
 * Fits text that may hold several lines to `width` columns: every line wider
 * than that is wrapped, its continuation lines indented under its text (after
 * its leading spaces and list marker). Lines that fit are left as they are.
 */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const prefix = HANGING.exec(line)?.[0] ?? '';
      const rest = line.slice(prefix.length);
      const hang = ' '.repeat(displayWidth(prefix));
      // A prefix too wide to hang under (deeply indented text) wraps from the margin instead.
      return prefix.length * 2 > width ? wrap(line, width) : wrap(rest, width, hang, prefix);
    })
    .join('\n');
}
