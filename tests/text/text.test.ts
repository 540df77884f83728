// Terminal columns, wrapping and the typography of inserted titles and labels.
import { describe, expect, it } from 'vitest';
import { displayWidth, fitText, wrap } from '../../src/text/width.js';
import { fitToTerminal } from '../../src/io.js';
import { labelled, quoteTitle } from '../../src/text/typography.js';

describe('terminal width', () => {
  it('counts Cyrillic as one column, CJK and emoji as two, marks and styling as none', () => {
    expect(displayWidth('Привет')).toBe(6);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('🙂')).toBe(2);
    expect(displayWidth('й')).toBe(1); // и + combining breve
    expect(displayWidth('\u001b[1mжирный\u001b[22m')).toBe(6);
  });

  it('wraps at words with a hanging indent, never past the width', () => {
    const text = 'Сделайте это на телефоне. На iPhone и Android пункты меню могут располагаться немного по-разному.';
    const lines = wrap(text, 30, '    ', '  • ');
    expect(lines).toEqual(['  • Сделайте это на телефоне.', '    На iPhone и Android пункты', '    меню могут располагаться', '    немного по-разному.']);
    expect(lines.every((l) => displayWidth(l) <= 30)).toBe(true);
  });

  it('breaks a word wider than the line instead of leaving it to the terminal', () => {
    const lines = wrap('See https://example.org/a/very/long/path/that/does/not/fit', 20, '  ');
    expect(lines.every((l) => displayWidth(l) <= 20)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe('Seehttps://example.org/a/very/long/path/that/does/not/fit');
    expect(wrap('漢字漢字漢字漢字漢字漢字', 8)).toEqual(['漢字漢字', '漢字漢字', '漢字漢字']);
  });

  it('keeps a line that fits as it is, spacing included', () => {
    expect(wrap('05:00   3/12   page 1/2', 40)).toEqual(['05:00   3/12   page 1/2']);
  });
});

describe('fitting output to the terminal', () => {
  const hint = 'Чтобы показать результат тренеру: node bin/safestep.js audit --report audit.html (паролей и ключей в отчёте нет).';

  it('wraps every line that is too wide, hanging continuation lines under list markers', () => {
    const text = `${hint}\n  - Фраза написана кириллицей. Некоторые сайты не принимают кириллицу, а на компьютере без русской раскладки её не набрать.\nshort line`;
    const lines = fitText(text, 80).split('\n');
    expect(lines.every((l) => displayWidth(l) <= 80)).toBe(true);
    expect(lines[0]).toBe('Чтобы показать результат тренеру: node bin/safestep.js audit --report audit.html');
    expect(lines[1]).toBe('(паролей и ключей в отчёте нет).');
    expect(lines[3]!.startsWith('    ')).toBe(true); // under the text after "  - "
    expect(lines.at(-1)).toBe('short line');
  });

  it('fits plain text on a terminal only: not a pipe, not a prompt drawing itself', () => {
    const tty = { isTTY: true, columns: 80 };
    expect(fitToTerminal(`${hint}\n`, tty).split('\n').every((l) => displayWidth(l) <= 80)).toBe(true);
    expect(fitToTerminal(`${hint}\n`, { isTTY: false, columns: 80 })).toBe(`${hint}\n`);
    const drawing = `\u001b[2K\u001b[G${hint}`;
    expect(fitToTerminal(drawing, tty)).toBe(drawing);
    // Colours are plain text for this purpose: they take no columns.
    expect(fitToTerminal(`\u001b[1m${hint}\u001b[22m`, tty).split('\n')).toHaveLength(2);
    // --json on a terminal stays one parseable document, however long its strings.
    const json = JSON.stringify({ hint }, null, 2) + '\n';
    expect(JSON.parse(fitToTerminal(json, tty))).toEqual({ hint });
  });
});

describe('typography', () => {
  it('quotes a title once in Russian, nesting inner quotes as „лапки“', () => {
    expect(quoteTitle('Защитите Telegram', 'ru')).toBe('«Защитите Telegram»');
    expect(quoteTitle('«Мой Telegram или почту угнали»', 'ru')).toBe('«Мой Telegram или почту угнали»');
    expect(quoteTitle('«Услужливое» предложение', 'ru')).toBe('«„Услужливое“ предложение»');
    expect(quoteTitle('«Простые задания»: вербовка «на подработку»', 'ru')).toBe('«„Простые задания“: вербовка „на подработку“»');
    expect(quoteTitle('"Quoted" in source', 'ru')).toBe('«„Quoted“ in source»');
  });

  it('quotes a title once in English', () => {
    expect(quoteTitle('Lock your Telegram', 'en')).toBe('“Lock your Telegram”');
    expect(quoteTitle('"My account was taken"', 'en')).toBe('"My account was taken"');
    expect(quoteTitle('Fake "security services"', 'en')).toBe('“Fake ‘security services’”');
  });

  it('joins a label and its explanation without doubled punctuation', () => {
    expect(labelled('Anyone who holds your unlocked device.', 'Yes.')).toBe('Anyone who holds your unlocked device. Yes.');
    expect(labelled('Nobody', 'Not quite.')).toBe('Nobody: Not quite.');
    expect(labelled('Кто?', 'Никто.', (l) => `*${l}*`)).toBe('*Кто?* Никто.');
    expect(labelled('\u001b[1mBold.\u001b[22m', 'Yes.')).toBe('\u001b[1mBold.\u001b[22m Yes.');
  });
});
