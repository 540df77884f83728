// Russian plural forms in the journal's table (every table's completeness is
// checked once, in tests/i18n/catalogues.test.ts).
import { describe, expect, it } from 'vitest';
import { MESSAGES as JOURNAL } from '../../src/journal/messages.js';

describe('journal messages', () => {
  it('chooses Russian plural forms by count', () => {
    expect([1, 3, 5, 21, 22, 25].map((count) => JOURNAL.get('list.files', 'ru', { count }))).toEqual(['1 файл', '3 файла', '5 файлов', '21 файл', '22 файла', '25 файлов']);
    expect(JOURNAL.get('list.files', 'en', { count: 1 })).toBe('1 file');
  });
});
