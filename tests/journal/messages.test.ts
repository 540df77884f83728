// The journal's and the packs' message tables: every entry in both languages,
// the same placeholders in each, and Russian plurals with all their forms.
import { describe, expect, it } from 'vitest';
import { CLI_HELP as JOURNAL_HELP, MESSAGES as JOURNAL } from '../../src/journal/messages.js';
import { pick, type Bilingual, type Phrase } from '../../src/i18n/table.js';
import { CLI_HELP as PACK_HELP, MESSAGES as PACKS } from '../../src/packs/messages.js';

const forms = (p: Phrase): string[] => (typeof p === 'string' ? [p] : Object.values(p).filter((v): v is string => typeof v === 'string'));
const placeholders = (p: Phrase): string[] => [...new Set(forms(p).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

describe('message tables', () => {
  const tables: Record<string, Record<string, Bilingual>> = { JOURNAL, JOURNAL_HELP, PACKS, PACK_HELP };
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: both languages, same placeholders, full Russian plurals`, () => {
      for (const [key, entry] of Object.entries(table)) {
        expect(forms(entry.en).every((s) => s.trim().length > 0), `${key} en`).toBe(true);
        expect(forms(entry.ru).every((s) => /[а-яё]/i.test(s) || /^[A-Z0-9 .:()-]+$/i.test(s)), `${key} ru is Russian`).toBe(true);
        expect(placeholders(entry.ru), `${key} placeholders`).toEqual(placeholders(entry.en));
        if (typeof entry.ru !== 'string') expect(Object.keys(entry.ru).sort(), `${key} ru plural forms`).toEqual(['few', 'many', 'one', 'other']);
      }
    });
  }

  it('chooses Russian plural forms by count', () => {
    const entry = JOURNAL['list.files'];
    expect([1, 3, 5, 21, 22, 25].map((count) => pick(entry, 'ru', { count }))).toEqual(['1 файл', '3 файла', '5 файлов', '21 файл', '22 файла', '25 файлов']);
    expect(pick(entry, 'en', { count: 1 })).toBe('1 file');
  });
});
