// Lesson files are untrusted: invisible direction marks and zero-width
// characters are refused like escapes, and bytes that are not UTF-8 are an
// error at their line and column instead of a silent U+FFFD.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { validateLessonFile } from '../../src/lesson/validate.js';
import { firstInvalidUtf8 } from '../../src/lesson/yaml-source.js';
import { sampleLesson, SCHEMA_COMMENT, tempDir, writeLesson } from '../helpers/fixtures.js';

const options = { t: translator('en'), today: new Date('2026-11-27T00:00:00Z'), checks: new Map([['telegram-desktop-session', { type: 'object' as const, properties: {}, additionalProperties: false as const }]]) };

describe('characters a lesson may not hold', () => {
  it.each(['\u200e', '\u200f', '\u061c', '\u200b', '\u2060', '\ufeff', '\u202e'])('U+%s in a title is an unsafe-char error', async (char) => {
    const file = writeLesson(tempDir(), { ...sampleLesson(), title: `Safe${char}title` });
    const report = await validateLessonFile(file, options);
    expect(report.problems.some((p) => p.code === 'unsafe-char' && p.severity === 'error')).toBe(true);
  });

  it('invalid UTF-8 is reported at its line and column, with the byte', async () => {
    const file = writeLesson(tempDir(), sampleLesson());
    const text = SCHEMA_COMMENT + stringify({ ...sampleLesson(), title: 'Caf' });
    const at = text.indexOf('title: Caf') + 'title: Caf'.length;
    writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xe9]), Buffer.from(text.slice(at))]));
    const report = await validateLessonFile(file, options);
    expect(report.problems).toHaveLength(1);
    const p = report.problems[0]!;
    expect(p.code).toBe('invalid-utf8');
    expect(p.message).toContain('0xE9');
    expect(text.split('\n')[p.line - 1]).toBe('title: Caf');
    expect(p.col).toBe('title: Caf'.length + 1);
  });

  it.each([
    [[0x61, 0x62], -1],
    [[0xd0, 0xbf, 0xd1, 0x80], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xc0, 0xaf], 1], // overlong "/"
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xe2, 0x82], 0], // cut short
    [[0xf5, 0x80, 0x80, 0x80], 0], // beyond U+10FFFF
  ])('firstInvalidUtf8(%j) = %d', (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });
});
