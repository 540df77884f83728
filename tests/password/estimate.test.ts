import { describe, expect, it } from 'vitest';
import { ANALYSED_LENGTH, estimatePassword, redactEstimate, type PatternDetail } from '../../src/password/estimate.js';
import { MESSAGES } from '../../src/password/messages.js';
import { parseSuffix, caseVariations } from '../../src/password/matchers.js';
import { typedOnJcuken, typedOnQwerty, transliterate, TRANSLIT_SYSTEMS } from './eval-lists.mjs';

const detailOf = (pw: string, pattern: string): PatternDetail | undefined =>
  estimatePassword(pw).details.find((d) => d.pattern === pattern);

describe('layout switching', () => {
  it.each([
    ['пароль', 'gfhjkm'],
    ['наташа', 'yfnfif'],
    ['солнышко', 'cjkysirj'],
    ['телефон', 'ntktajy'],
    ['любовь', 'k.,jdm'],
    ['жизнь', ';bpym'],
  ])('finds %s typed on the English layout (%s)', (word, typed) => {
    expect(typedOnQwerty(word)).toBe(typed);
    const e = estimatePassword(typed);
    expect(e.score).toBeLessThanOrEqual(1);
    expect(e.patterns).toContain('layout-switch');
    const d = detailOf(typed, 'layout-switch');
    expect(d?.decoded).toBe(word);
    expect(d?.layout).toBe('en-to-ru');
  });

  it.each([
    ['password', 'зфыыцщкв'],
    ['sunshine', 'ыгтыршту'],
    ['football', 'ащщеифдд'],
    ['michael', 'ьшсрфуд'],
  ])('finds the English word %s typed on the Russian layout', (word, typed) => {
    expect(typedOnJcuken(word)).toBe(typed);
    const d = detailOf(typed, 'layout-switch');
    expect(d?.decoded).toBe(word);
    expect(d?.layout).toBe('ru-to-en');
    expect(estimatePassword(typed).score).toBeLessThanOrEqual(1);
  });

  it('reads shifted keys and capitals ("Gfhjkm" is "Пароль")', () => {
    expect(detailOf('Gfhjkm', 'layout-switch')?.decoded).toBe('пароль');
    // Capitalisation costs the attacker a little, so it cannot score lower than lower case.
    expect(estimatePassword('Gfhjkm').guessesLog10).toBeGreaterThan(estimatePassword('gfhjkm').guessesLog10);
  });

  it('prefers the Russian word over a layout reading of it ("пароль123")', () => {
    const e = estimatePassword('пароль123');
    expect(e.patterns).not.toContain('layout-switch');
    expect(e.score).toBeLessThanOrEqual(1);
  });
});

describe('transliteration', () => {
  it.each(Object.keys(TRANSLIT_SYSTEMS))('reads names written in the %s system', (system) => {
    for (const name of ['наталья', 'евгений', 'юлия', 'сергей', 'щербаков', 'жанна', 'ксения']) {
      const latin = transliterate(name, system);
      const d = detailOf(latin, 'transliteration');
      expect(d?.decoded, `${name} as ${latin}`).toBe(name);
    }
  });

  it.each(['natasha', 'natascha', 'nataša', 'natacha', 'NATASHA'])('reads %s as наташа', (latin) => {
    expect(detailOf(latin, 'transliteration')?.decoded).toBe('наташа');
  });

  it.each([
    ['alexandr', 'александр'],
    ['dmitriy', 'дмитрий'],
    ['dmitry', 'дмитрий'],
    ['artyom', 'артем'],
    ['igor', 'игорь'],
    ['kotenok', 'котенок'],
    ['lyubov', 'любовь'],
  ])('reads the everyday spelling %s', (latin, word) => {
    expect(detailOf(latin, 'transliteration')?.decoded).toBe(word);
  });

  it('keeps a transliterated name with a year weak, with both patterns', () => {
    const e = estimatePassword('natasha1987');
    expect(e.score).toBeLessThanOrEqual(1);
    expect(e.patterns).toEqual(expect.arrayContaining(['transliteration', 'year']));
  });
});

describe('Cyrillic words, names and keyboard rows', () => {
  it.each(['пароль', 'солнышко', 'наташа', 'любовь', 'Москва', 'котенок', 'котёнок'])('%s alone is very weak', (pw) => {
    expect(estimatePassword(pw).score).toBe(0);
  });

  it('treats ё and е alike', () => {
    expect(estimatePassword('котёнок').guessesLog10).toBeCloseTo(estimatePassword('котенок').guessesLog10, 5);
  });

  it.each(['йцукен', 'фывапролдж', 'ячсмить', 'йцукенгшщзхъ', 'йфяцычувс', '1йфя2цыч'])('%s is a keyboard pattern', (pw) => {
    const e = estimatePassword(pw);
    expect(e.score).toBeLessThanOrEqual(1);
    expect(e.patterns.some((p) => p === 'jcuken-walk' || p === 'keyboard-walk')).toBe(true);
  });

  it('finds column walks on QWERTY too ("qazwsxedc", "1qaz2wsx3edc")', () => {
    for (const pw of ['qazwsxedcrfv', '1qaz2wsx3edc']) expect(estimatePassword(pw).score).toBeLessThanOrEqual(1);
  });

  it('reads Russian word sequences ("одиндватри")', () => {
    const e = estimatePassword('одиндватричетыре');
    expect(e.patterns).toContain('word-sequence');
    expect(e.score).toBe(0);
  });

  it('recognises reversed Russian words', () => {
    const e = estimatePassword('ьлорап');
    expect(e.patterns).toContain('reversed');
    expect(e.score).toBeLessThanOrEqual(1);
  });
});

describe('dates and endings', () => {
  it.each(['12.05.1987', '120587', '12051987', '1987'])('%s is weak on its own', (pw) => {
    expect(estimatePassword(pw).score).toBeLessThanOrEqual(1);
  });

  it('scores digits and "!" after a word as one ending, not two extra patterns', () => {
    const withEnding = estimatePassword('Солнышко1987!');
    expect(withEnding.score).toBeLessThanOrEqual(1);
    expect(withEnding.patterns).toEqual(expect.arrayContaining(['year', 'symbols']));
  });

  it('parses endings', () => {
    expect(parseSuffix('1987')?.parts).toEqual(['year']);
    expect(parseSuffix('1987!')?.parts).toEqual(['year', 'symbols']);
    expect(parseSuffix('_87')?.parts).toEqual(['separator', 'digits']);
    expect(parseSuffix('12.05.1987')?.parts).toEqual(['date']);
    expect(parseSuffix('12.05')?.parts).toEqual(['date']);
    expect(parseSuffix('31.13.1987')).toBeNull(); // no 13th month
    expect(parseSuffix('abc')).toBeNull();
    // A later year is closer to now: fewer guesses than an old one.
    expect(parseSuffix('2015')?.guesses).toBeLessThan(parseSuffix('1950')?.guesses ?? 0);
    // A random 4-digit number is not a year: 10^4 guesses.
    expect(parseSuffix('8351')?.guesses).toBe(10_000);
    // "!" is the usual final symbol and costs less than "%".
    expect(parseSuffix('1987!')?.guesses).toBeLessThan(parseSuffix('1987%')?.guesses ?? 0);
  });
});

describe('case variations (any script)', () => {
  it.each([
    ['пароль', 1],
    ['Пароль', 2],
    ['ПАРОЛЬ', 2],
    ['паролЬ', 2],
    ['Password', 2],
    ['pAssWord', 36], // 8 letters, 2 upper: C(8,1) + C(8,2)
  ])('%s -> %d', (token, expected) => {
    expect(caseVariations(token)).toBe(expected);
  });
});

describe('strong passwords', () => {
  it.each(['correct horse battery staple', 'ckjdjlsrhfcbdsqufhfoytj,j', 'Kx9#mQ2$vL7!pR4@', 'шкаф-радуга-кефир-маяк-ландыш'])('%s scores 3+', (pw) => {
    expect(estimatePassword(pw).score).toBeGreaterThanOrEqual(3);
  });

  it('gives no warning or suggestions for a strong password', () => {
    const e = estimatePassword('Kx9#mQ2$vL7!pR4@wZ');
    expect(e.warning).toBeNull();
    expect(e.suggestions).toEqual([]);
  });
});

describe('result shape', () => {
  it('gives a warning and suggestions that all exist in the message catalogue', () => {
    for (const pw of ['gfhjkm', 'natasha1987', '', 'aaaaaa', 'abcdef', 'p@ssw0rd', 'x7#q', 'йцукен', 'Natasha', 'drowssap']) {
      const e = estimatePassword(pw);
      expect(e.warning, pw).not.toBeNull();
      expect(e.suggestions.length, pw).toBeGreaterThan(0);
      for (const ref of [e.warning, ...e.suggestions]) expect(Object.keys(MESSAGES)).toContain(ref?.id);
    }
  });

  it('derives crack times from the guesses', () => {
    const e = estimatePassword('gfhjkm1987');
    const guesses = 10 ** e.guessesLog10;
    expect(e.crackTimes.onlineThrottled).toBeCloseTo(guesses * 36, 0);
    expect(e.crackTimes.offlineFastHash).toBeCloseTo(guesses / 1e10, 10);
  });

  it('handles the empty password', () => {
    const e = estimatePassword('');
    expect(e.score).toBe(0);
    expect(e.warning?.id).toBe('warning.empty');
  });

  it('redactEstimate removes every decoded word and keeps the rest', () => {
    const e = estimatePassword('gfhjkm1987');
    expect(e.details.some((d) => d.decoded === 'пароль')).toBe(true);
    const r = redactEstimate(e);
    expect(JSON.stringify(r)).not.toContain('пароль');
    expect(JSON.stringify(r)).not.toContain('gfhjkm');
    expect(r.patterns).toEqual(e.patterns);
    expect(r.score).toBe(e.score);
  });

  it('never puts the password itself into the result', () => {
    for (const pw of ['gfhjkm1987', 'Kx9#mQ2$vL7!pR4@', 'natasha1987']) {
      expect(JSON.stringify(redactEstimate(estimatePassword(pw)))).not.toContain(pw);
    }
  });
});

describe('long input', () => {
  it('analyses only the first ANALYSED_LENGTH characters and says so', () => {
    const long = 'Kx9#mQ2$vL7!pR4@'.repeat(625); // 10,000 characters
    const e = estimatePassword(long);
    expect(e.truncated).toBe(true);
    expect(e.details.every((d) => d.end <= ANALYSED_LENGTH)).toBe(true);
    expect(estimatePassword('short').truncated).toBe(false);
  });

  it('does not overrate a long repetition', () => {
    expect(estimatePassword('1'.repeat(10_000)).score).toBeLessThanOrEqual(1);
  });

  it('does not cut a surrogate pair in half', () => {
    const e = estimatePassword(`${'a'.repeat(ANALYSED_LENGTH - 1)}😀tail`);
    expect(e.truncated).toBe(true);
    expect(e.details.every((d) => d.end <= ANALYSED_LENGTH - 1)).toBe(true);
  });
});
