import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSPHRASE_WORDS,
  PassphraseOptionError,
  generatePassphrase,
  passphraseEntropyBits,
  passphraseWordList,
  toLatin,
} from '../../src/password/passphrase.js';
import { estimatePassword } from '../../src/password/estimate.js';

describe('word lists', () => {
  it('uses the 7,776 EFF words for English', () => {
    const en = passphraseWordList('en');
    expect(en).toHaveLength(7776);
    expect(new Set(en).size).toBe(7776);
    expect(en).toContain('abacus');
    expect(en).toContain('zoom');
  });

  it('has at least 2,048 unique, easy Russian words', () => {
    const ru = passphraseWordList('ru');
    expect(ru.length).toBeGreaterThanOrEqual(2048);
    expect(new Set(ru).size).toBe(ru.length);
    for (const w of ru) expect(w).toMatch(/^[абвгдежзийклмнопрстуфхцчшщыьэюя]{3,9}$/); // no ё, no ъ, no Latin
  });

  it('keeps offensive and alarming words out of the Russian list', () => {
    const ru = new Set(passphraseWordList('ru'));
    for (const w of ['хуй', 'сука', 'блядь', 'дурак', 'смерть', 'убийство', 'тюрьма', 'обыск', 'война', 'бомба', 'наркотик', 'путин']) {
      expect(ru.has(w), w).toBe(false);
    }
  });
});

describe('generatePassphrase', () => {
  it('computes entropy as words x log2(list size)', () => {
    expect(passphraseEntropyBits(5, 'en')).toBeCloseTo(5 * Math.log2(7776), 10);
    const p = generatePassphrase({ words: 5, lang: 'ru', separator: ' ' });
    expect(p.entropyBits).toBeCloseTo(5 * Math.log2(passphraseWordList('ru').length), 10);
  });

  it('joins the chosen words with the separator', () => {
    const list = passphraseWordList('en');
    const picks = [0, 7775, 42];
    let call = 0;
    const p = generatePassphrase({ words: 3, lang: 'en', separator: '.' }, (max) => {
      expect(max).toBe(list.length);
      return picks[call++] as number;
    });
    expect(p.phrase).toBe(`${list[0]}.${list[7775]}.${list[42]}`);
  });

  it('defaults to 6 English words joined by "-"', () => {
    const list = passphraseWordList('en');
    const picks: number[] = [];
    const p = generatePassphrase({}, (max) => {
      const pick = (picks.length * 1297) % max;
      picks.push(pick);
      return pick;
    });
    expect(picks).toHaveLength(DEFAULT_PASSPHRASE_WORDS);
    expect(p.phrase).toBe(picks.map((k) => list[k]).join('-'));
  });

  it('uses crypto randomness: many phrases, no repeats', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassphrase({ words: 4, lang: 'ru', separator: ' ' }).phrase));
    expect(seen.size).toBe(200);
  });

  it('makes passphrases the estimator rates strong', () => {
    for (const lang of ['en', 'ru'] as const) {
      for (let k = 0; k < 20; k += 1) {
        expect(estimatePassword(generatePassphrase({ words: 5, lang, separator: ' ' }).phrase).score).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it.each([
    [{ words: 0 }, 'words'],
    [{ words: 2.5 }, 'words'],
    [{ words: 21 }, 'words'],
    [{ separator: '\n' }, 'separator'],
    [{ separator: '123456789' }, 'separator'],
    [{ lang: 'de' as 'en' }, 'lang'],
  ])('rejects %j', (options, option) => {
    expect(() => generatePassphrase(options)).toThrow(PassphraseOptionError);
    try {
      generatePassphrase(options);
    } catch (e) {
      expect((e as PassphraseOptionError).option).toBe(option);
    }
  });
});

describe('Russian passphrases in Latin letters', () => {
  it('transliterates as Russian passports do, with the entropy of the distinct Latin words', () => {
    expect(toLatin('щука')).toBe('shchuka');
    expect(toLatin('объявление')).toBe('obieiavlenie');
    const p = generatePassphrase({ lang: 'ru', latin: true, words: 4 }, () => 0);
    expect(p.phrase).toMatch(/^[a-z]+(-[a-z]+){3}$/);
    const distinct = new Set(passphraseWordList('ru').map(toLatin)).size;
    expect(p.entropyBits).toBeCloseTo(4 * Math.log2(distinct), 6);
    expect(generatePassphrase({ lang: 'en', latin: true, words: 2 }, () => 0).phrase).toBe(generatePassphrase({ lang: 'en', words: 2 }, () => 0).phrase);
  });
});
