// Parses untrusted YAML with positions. Everything that could make a lesson
// dangerous or slow is refused here, before the data is turned into objects:
// oversized files, aliases (billion-laughs), prototype keys, terminal controls.
import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { describeChar, hasUnsafeChars } from '../sanitize.js';
import type { Translate } from '../i18n/index.js';
import type { Problem } from './types.js';

/** Real lessons are well under 100 KB; anything near this is a mistake or an attack. */
export const MAX_LESSON_BYTES = 512 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedSource {
  file: string;
  doc: Document.Parsed | null;
  lines: LineCounter;
  value: unknown;
  problems: Problem[];
}

export type PathSegment = string | number;

export function problemAt(
  file: string,
  lines: LineCounter,
  offset: number,
  severity: Problem['severity'],
  code: string,
  message: string,
): Problem {
  const pos = lines.linePos(offset);
  return { file, line: pos.line, col: pos.col, severity, code, message };
}

/** The offset of the node at `path` (or of its key), falling back to the nearest existing parent. */
export function offsetOf(doc: Document.Parsed, path: readonly PathSegment[], wantKey = false): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    if (wantKey && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === sub[sub.length - 1]);
        const key = pair?.key as Node | undefined;
        if (key?.range) return key.range[0];
      }
    }
    const node = (sub.length === 0 ? doc.contents : doc.getIn(sub, true)) as Node | null | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node.range[0];
  }
  return 0;
}

export async function readSource(file: string, t: Translate): Promise<ParsedSource> {
  const lines = new LineCounter();
  const fail = (code: string, message: string): ParsedSource => ({
    file,
    doc: null,
    lines,
    value: undefined,
    problems: [{ file, line: 1, col: 1, severity: 'error', code, message }],
  });
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    return fail('file-unreadable', t('val.unreadable', { reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  if (size > MAX_LESSON_BYTES) {
    return fail('file-too-large', t('val.tooLarge', { size: Math.ceil(size / 1024), max: MAX_LESSON_BYTES / 1024 }));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return fail('file-unreadable', t('val.unreadable', { reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  // Invalid UTF-8 would silently become U+FFFD: the author is told where it is instead.
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.filter((b) => b === 0x0a).length + 1;
    const col = before.subarray(lineStart).toString('utf8').length + 1;
    const byte = '0x' + bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return { file, doc: null, lines, value: undefined, problems: [{ file, line, col, severity: 'error', code: 'invalid-utf8', message: t('val.invalidUtf8', { byte }) }] };
  }
  return parseSource(file, bytes.toString('utf8'), t, lines);
}

/** The offset of the first byte that is not part of valid UTF-8 (no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function parseSource(file: string, text: string, t: Translate, lines = new LineCounter()): ParsedSource {
  const problems: Problem[] = [];
  const at = (offset: number, code: string, message: string): void => {
    problems.push(problemAt(file, lines, offset, 'error', code, message));
  };

  // Raw characters first: an ESC byte in the file is reported exactly where it is.
  const unsafeRaw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
  // Line counting needs the parse below, so collect offsets now and position them after.
  const rawOffsets: { offset: number; char: string }[] = [];
  for (const m of text.matchAll(unsafeRaw)) {
    rawOffsets.push({ offset: m.index, char: m[0] });
    if (rawOffsets.length >= 20) break;
  }

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  for (const { offset, char } of rawOffsets) at(offset, 'unsafe-char', t('val.unsafeChar', { char: describeChar(char) }));
  for (const error of doc.errors) {
    const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    at(error.pos[0], code, t('val.yaml', { message: firstLine(error.message) }));
  }
  if (doc.errors.length > 0) return { file, doc, lines, value: undefined, problems };

  let aliasFound = false;
  visit(doc, {
    Alias(_key, node) {
      aliasFound = true;
      at(node.range?.[0] ?? 0, 'alias-forbidden', t('val.alias'));
    },
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        at(pair.key.range?.[0] ?? 0, 'forbidden-key', t('val.forbiddenKey', { key: String(pair.key.value) }));
      }
    },
    Scalar(_key, node) {
      // Escapes like "\e" or "\x1b" in double-quoted strings create controls the raw scan cannot see.
      if (typeof node.value === 'string' && rawOffsets.length === 0) {
        const unsafe = hasUnsafeChars(node.value);
        if (unsafe) at(node.range?.[0] ?? 0, 'unsafe-char', t('val.unsafeChar', { char: describeChar(unsafe.char) }));
      }
    },
  });
  if (problems.length > 0 || aliasFound) return { file, doc, lines, value: undefined, problems };
  const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
  return { file, doc, lines, value, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

