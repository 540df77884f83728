// Lessons, packs, file names and scanned files are untrusted. Anything from
// them that reaches the terminal, a report or a handout goes through here
// first, so no escape sequence (colour, cursor moves, OSC 8 hyperlinks, OSC 52
// clipboard writes, title changes) and no bidi override or invisible character
// can hide or reorder text on the person's screen.
//
// Two layers use the same character classes:
// - `stripUnsafe` / `oneLine` clean a value where it is put into text (the i18n
//   `format` does it for every placeholder, `escapeHtml` for every page);
// - `terminalFilter` is the last line on the way out: processIO wraps the real
//   stdout and stderr with it, so a string that was never cleaned still cannot
//   send an OSC, DCS or C1 sequence or a bidi control to the terminal.

/** C0 controls except tab and newline, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Bidi embeddings, overrides, isolates and marks (Trojan Source), the line and
 * paragraph separators, and invisible characters (zero-width space, joiners,
 * word joiner, byte-order mark) that can hide or split words on screen.
 */
const BIDI_CLASS = '\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\u2028\\u2029\\ufeff';
const BIDI = new RegExp(`[${BIDI_CLASS}]`, 'g');
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI_CLASS}]`);
const INVISIBLE = new RegExp(`[${BIDI_CLASS}]`);

export function hasUnsafeChars(text: string): { index: number; char: string } | null {
  const m = UNSAFE.exec(text);
  return m ? { index: m.index, char: m[0] } : null;
}

/** Removes every unsafe character; CR is dropped so Windows line ends stay harmless. */
export function stripUnsafe(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI, '');
}

/**
 * For a value that must stay on one line (a file name, a path, a pack key, an
 * id): unsafe characters go, and a line break or tab is shown as `\n`, `\r` or
 * `\t`, so a name cannot print a line of its own that looks like safestep's.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\t/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\r\\n'))
    .replace(CONTROL, '')
    .replace(BIDI, '');
}

export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

// ---- the terminal filter --------------------------------------------------

export interface TerminalFilterOptions {
  /**
   * Keep CSI sequences (cursor moves, erase line): prompts and the presenter
   * need them on a terminal. Off when the output goes to a file or a pipe.
   */
  keepCsi: boolean;
  /** Keep SGR (colour, bold) sequences: only when colour is on. */
  keepSgr: boolean;
  /**
   * Keep bidi and zero-width characters. Output to a file or a pipe (JSON for
   * scripts, a file name in it) must stay exact; messages are cleaned where
   * they are made. On a terminal they are always dropped.
   */
  keepInvisible?: boolean;
}

const ESC = '\u001b';
const BEL = '\u0007';

/**
 * A stateful filter for everything written to a terminal stream. Sequences
 * may be split across writes, so the state carries over between calls.
 * Always removed: OSC, DCS, SOS, PM and APC strings (7-bit and 8-bit), every
 * C1 control, C0 controls other than tab, newline and carriage return, bidi
 * and invisible characters, and ESC sequences other than CSI and the cursor
 * save/restore and keypad modes that readline uses.
 */
export function terminalFilter(options: TerminalFilterOptions): (chunk: string) => string {
  type State = 'text' | 'esc' | 'csi' | 'string' | 'string-esc';
  let state: State = 'text';
  let csi = '';
  // Plain text runs (no control, ESC, C1, bidi or invisible character) are copied in one piece:
  // a character-by-character string built from a large JSON document costs more than the scan.
  const SPECIAL = new RegExp(`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f${BIDI_CLASS}]`, 'g');
  return (chunk: string): string => {
    const parts: string[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (state === 'text') {
        SPECIAL.lastIndex = i;
        const hit = SPECIAL.exec(chunk);
        const end = hit ? hit.index : chunk.length;
        if (end > i) parts.push(chunk.slice(i, end));
        i = end;
        if (i >= chunk.length) break;
      }
      const ch = String.fromCodePoint(chunk.codePointAt(i)!);
      i += ch.length;
      const out = step(ch);
      if (out) parts.push(out);
    }
    return parts.join('');
  };

  /** One character outside a plain run; returns what to write for it. */
  function step(ch: string): string {
    let out = '';
    const code = ch.codePointAt(0)!;
    switch (state) {
      case 'text':
        if (ch === ESC) state = 'esc';
        else if (code === 0x9b) {
          // An 8-bit CSI: safestep never writes one, so the whole sequence goes.
          state = 'csi';
          csi = '\u0000';
        } else if (code === 0x90 || code === 0x98 || code === 0x9d || code === 0x9e || code === 0x9f) state = 'string';
        else if (ch === '\n' || ch === '\t' || ch === '\r') out += ch;
        else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
          // other controls (BEL, backspace, C1) are dropped
        } else if (INVISIBLE.test(ch)) {
          if (options.keepInvisible) out += ch;
        } else out += ch;
        break;
      case 'esc':
        if (ch === '[') {
          state = 'csi';
          csi = ESC + '[';
        } else if (ch === ']' || ch === 'P' || ch === 'X' || ch === '^' || ch === '_') state = 'string';
        else {
          // ESC 7 / ESC 8 (save and restore the cursor) and ESC = / ESC > (keypad) come from readline.
          if (options.keepCsi && (ch === '7' || ch === '8' || ch === '=' || ch === '>')) out += ESC + ch;
          state = ch === ESC ? 'esc' : 'text';
        }
        break;
      case 'csi':
        if (code >= 0x20 && code <= 0x3f) {
          csi += ch;
          if (csi.length > 64) state = 'text'; // nothing legitimate is this long
        } else {
          if (code >= 0x40 && code <= 0x7e && !csi.startsWith('\u0000')) {
            const params = csi.slice(2);
            const sgr = ch === 'm' && /^[0-9;]*$/.test(params);
            if (sgr ? options.keepSgr : options.keepCsi) out += csi + ch;
          }
          // A byte that cannot be part of a CSI ends it; an ESC may start the next sequence.
          state = ch === ESC ? 'esc' : 'text';
        }
        break;
      case 'string':
        if (ch === BEL || code === 0x9c) state = 'text';
        else if (ch === ESC) state = 'string-esc';
        break;
      case 'string-esc':
        state = ch === '\\' ? 'text' : ch === ESC ? 'string-esc' : 'string';
        break;
    }
    return out;
  }
}
