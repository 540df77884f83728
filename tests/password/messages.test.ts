import { describe, expect, it } from 'vitest';
import {
  AUDIT_MESSAGES,
  MESSAGES,
  PATTERN_LABELS,
  SCORE_LABELS,
  describePattern,
  fill,
  formatCrackTime,
  message,
  pwnedFound,
} from '../../src/password/messages.js';
import { estimatePassword } from '../../src/password/estimate.js';

describe('catalogue', () => {
  const all = { ...MESSAGES, ...AUDIT_MESSAGES, ...PATTERN_LABELS, ...Object.fromEntries(Object.entries(SCORE_LABELS)) };
  it.each(Object.entries(all))('%s has an English and a Russian text', (_id, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.ru.trim()).not.toBe('');
    expect(text.ru).not.toBe(text.en);
    expect(text.ru).toMatch(/[а-яё]/i);
  });

  it('keeps the same placeholders in both languages', () => {
    for (const text of Object.values(AUDIT_MESSAGES)) {
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
      expect(names(text.ru)).toEqual(names(text.en));
    }
  });

  it('fills placeholders', () => {
    expect(fill(AUDIT_MESSAGES['csv.field-count'].ru, { row: 7 })).toBe('Строка 7: в этой строке другое число полей, чем в заголовке.');
  });

  it('renders a message reference', () => {
    expect(message({ id: 'warning.layout-switch' }, 'ru')).toContain('раскладк');
  });
});

describe('formatCrackTime', () => {
  it.each([
    [0.2, 'less than a second', 'меньше секунды'],
    [1, '1 second', '1 секунда'],
    [60, '1 minute', '1 минута'],
    [120, '2 minutes', '2 минуты'],
    [300, '5 minutes', '5 минут'],
    [3600 * 21, '21 hours', '21 час'],
    [3600 * 3, '3 hours', '3 часа'],
    [86400 * 2, '2 days', '2 дня'],
    [86400 * 31 * 5, '5 months', '5 месяцев'],
    [86400 * 365 * 2, '2 years', '2 года'],
    [86400 * 365 * 5, '5 years', '5 лет'],
    [86400 * 365 * 1000, 'centuries', 'века'],
    [Infinity, 'centuries', 'века'],
  ])('%d seconds', (seconds, en, ru) => {
    expect(formatCrackTime(seconds, 'en')).toBe(en);
    expect(formatCrackTime(seconds, 'ru')).toBe(ru);
  });
});

describe('describePattern', () => {
  it('names the layout switch and shows the word only when asked', () => {
    const detail = estimatePassword('gfhjkm').details[0];
    if (!detail) throw new Error('no detail');
    expect(describePattern(detail, 'en', { reveal: true })).toBe('a common password typed with the English layout on: пароль');
    expect(describePattern(detail, 'ru', { reveal: true })).toBe('распространённый пароль, набранный в английской раскладке: пароль');
    expect(describePattern(detail, 'ru')).not.toContain('пароль:');
    expect(describePattern(detail, 'en')).not.toContain('пароль');
  });

  it('describes a transliterated name in Russian with agreeing forms', () => {
    const detail = estimatePassword('natasha').details[0];
    if (!detail) throw new Error('no detail');
    expect(describePattern(detail, 'ru', { reveal: true })).toBe('русское имя, записанное латиницей: наташа');
  });
});

describe('breach messages', () => {
  it('pluralises the count', () => {
    expect(pwnedFound(1, 'ru')).toContain('1 раз:');
    expect(pwnedFound(3, 'ru')).toContain('3 раза');
    expect(pwnedFound(25, 'ru')).toContain('25 раз:');
    expect(pwnedFound(1, 'en')).toContain('1 time ');
    expect(pwnedFound(2, 'en')).toContain('2 times');
  });
});
