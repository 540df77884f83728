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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return fail('file-unreadable', t('val.unreadable', { reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
  return parseSource(file, text, t, lines);
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

