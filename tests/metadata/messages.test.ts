import { describe, expect, it } from 'vitest';
import {
  CATEGORY_TEXT,
  ERROR_TEXT,
  REMOVED_TEXT,
  SCRUB_STATUS_TEXT,
  SCRUB_WARNING_TEXT,
  SEVERITY_TEXT,
  SKIP_TEXT,
  categoryWhy,
  severityLabel,
} from '../../src/metadata/messages.js';
import { CATEGORIES, CATEGORY_SEVERITY } from '../../src/metadata/types.js';

const CYRILLIC = /[А-Яа-яЁё]/;

function texts(): Array<[string, { en: string; ru: string }]> {
  const out: Array<[string, { en: string; ru: string }]> = [];
  for (const [k, v] of Object.entries(CATEGORY_TEXT)) out.push([`category.${k}.title`, v.title], [`category.${k}.why`, v.why]);
  for (const [k, v] of Object.entries(SEVERITY_TEXT)) out.push([`severity.${k}.label`, v.label], [`severity.${k}.advice`, v.advice]);
  for (const [group, table] of Object.entries({ ERROR_TEXT, SKIP_TEXT, SCRUB_STATUS_TEXT, SCRUB_WARNING_TEXT, REMOVED_TEXT })) {
    for (const [k, v] of Object.entries(table)) out.push([`${group}.${k}`, v]);
  }
  return out;
}

describe('messages', () => {
  it('has English and Russian for every category, in the issue’s severity order', () => {
    expect(Object.keys(CATEGORY_TEXT).sort()).toEqual([...CATEGORIES].sort());
    expect(CATEGORY_SEVERITY).toMatchObject({ location: 'high', serial: 'high', person: 'high', device: 'medium', history: 'medium', thumbnail: 'medium', software: 'low', time: 'low' });
    expect(categoryWhy('location', 'ru')).toMatch(CYRILLIC);
    expect(severityLabel('high', 'en')).toBe('High risk');
  });

  it('every text exists in both languages, the Russian one really Russian, none left untranslated', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(60);
    for (const [id, t] of all) {
      expect(t.en.trim(), id).not.toBe('');
      expect(t.ru, id).toMatch(CYRILLIC);
      expect(t.ru, id).not.toBe(t.en);
      // Values from files are printed separately: templates hold no control characters.
      expect(/[\u0000-\u001f]/.test(t.en + t.ru), id).toBe(false);
    }
  });
});
