import { describe, expect, it } from 'vitest';
import { categoryWhy, M, reasonText, severityLabel } from '../../src/metadata/messages.js';
import { CATEGORIES, CATEGORY_SEVERITY, type Reason } from '../../src/metadata/types.js';

const CYRILLIC = /[А-Яа-яЁё]/;

// Cyrillic, placeholders and plural forms of every entry are checked for all
// tables at once (tests/i18n); this file checks what is particular to metadata.
describe('metadata messages', () => {
  it('has English and Russian for every category, in the issue’s severity order, with the shared severity labels', () => {
    for (const c of CATEGORIES) expect(M.has(`category.${c}.title`) && M.has(`category.${c}.why`), c).toBe(true);
    expect(CATEGORY_SEVERITY).toMatchObject({ location: 'high', serial: 'high', person: 'high', device: 'medium', history: 'medium', thumbnail: 'medium', software: 'low', time: 'low' });
    expect(categoryWhy('location', 'ru')).toMatch(CYRILLIC);
    expect(severityLabel('high', 'en')).toBe('High risk');
    expect(severityLabel('high', 'ru')).toBe('Опасность: высокая');
  });

  it('says why for every reason a file was not checked, in both languages', () => {
    const reasons: Reason[] = ['truncated', 'corrupt', 'too-large', 'timeout', 'encrypted', 'unsupported-variant', 'read-failed', 'not-read', 'plain-text', 'unknown-type', 'empty', 'symlink', 'special', 'permission', 'io', 'missing'];
    for (const r of reasons) {
      expect(reasonText(r, 'en').length, r).toBeGreaterThan(5);
      expect(reasonText(r, 'ru'), r).toMatch(CYRILLIC);
    }
  });

  it('templates hold no control characters (values from files are printed separately)', () => {
    for (const [id, t] of Object.entries(M.table)) expect(/[\u0000-\u001f]/.test(JSON.stringify(t).replace(/\\[nrt]/g, '')), id).toBe(false);
  });
});
