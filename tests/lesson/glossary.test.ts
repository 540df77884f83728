// The glossary check: forms to avoid are found in any inflection, as whole
// words, outside «…», and reported at the exact line and column of the word.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { findGlossaryTerms, glossaryProblems, loadGlossary, type Glossary } from '../../src/lesson/glossary.js';
import { readSource } from '../../src/lesson/yaml-source.js';
import { validateLessonFile } from '../../src/lesson/validate.js';
import { TINY_LESSON_HEAD, tempDir, writeLesson } from '../helpers/fixtures.js';

const glossary: Glossary = {
  lang: 'ru',
  terms: [
    { en: '2FA', use: 'двухфакторная аутентификация', avoid: ['двухэтапная аутентификация', 'двухшаговая проверка'] },
    { en: 'money mule', use: 'дроппер', avoid: ['дроп'] },
    { en: 'donation', use: 'пожертвование', avoid: ['донат', 'донатить'] },
    { en: 'SMS', use: 'СМС', avoid: ['SMS'] },
  ],
};

function found(text: string): string[] {
  return findGlossaryTerms(text, glossary).map((m) => `${m.index}:${m.text}`);
}

describe('glossary matching', () => {
  it('catches inflected forms, in any case, and where the words are split across lines', () => {
    expect(found('Включите двухэтапную аутентификацию.')).toEqual(['9:двухэтапную аутентификацию']);
    expect(found('без двухэтапной аутентификации')).toEqual(['4:двухэтапной аутентификации']);
    expect(found('Двухэтапная\n      аутентификация')).toEqual(['0:Двухэтапная аутентификация']);
    expect(found('их считают дропами, а дропов всё больше')).toEqual(['11:дропами', '22:дропов']);
    expect(found('он донатил, они донатят')).toEqual(['3:донатил', '16:донатят']);
    expect(found('код по SMS и SMS-код')).toEqual(['7:SMS', '13:SMS-код']);
  });

  it('matches whole words only, so the preferred forms and longer words are left alone', () => {
    expect(found('дроппер, дропперы, дропбокс')).toEqual([]);
    expect(found('двухфакторная аутентификация и аутентификация')).toEqual([]);
    expect(found('двухэтапная защита')).toEqual([]);
    expect(found('донатор-донатить')).toEqual(['0:донатор-донатить']);
  });

  it('leaves quotations in «…» alone, nested ones too', () => {
    expect(found('WhatsApp > «Настройки > Аккаунт > «Двухшаговая проверка»»')).toEqual([]);
    expect(found('«Двухшаговая проверка» — это двухшаговая проверка')).toEqual(['29:двухшаговая проверка']);
  });

  it('does not join words across punctuation', () => {
    expect(found('двухэтапная. Аутентификация')).toEqual([]);
  });
});

// A lesson written by hand so the translation's line and column numbers are known.
const LESSON = `${TINY_LESSON_HEAD}  - id: one
    type: text
    body: |
      Turn on two-factor authentication.
      Then check the WhatsApp menu.
`;

const RU = `lang: ru
lesson: tiny
source_version: 1
title: Крошка
summary: Маленький урок.
audience: Все.
objectives:
  - Научиться.
trainer_notes: Нет.
steps:
  one:
    body: |
      Включите двухэтапная аутентификация на почте.
      Потом откройте «Двухшаговая проверка» в WhatsApp.
`;

describe('glossary in the translation validator', () => {
  const options = { t: translator('en'), today: new Date('2026-11-27T00:00:00Z'), checks: new Map() };

  it('warns glossary-term at the line and column of the form to avoid, and names the form to use', async () => {
    const file = writeLesson(tempDir(), LESSON, RU, 'identity', 'tiny');
    const problems = (await validateLessonFile(file, options)).problems;
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual([
      'lesson.ru.yaml:13:16 warning glossary-term',
    ]);
    expect(problems[0]!.message).toBe(
      '"двухэтапная аутентификация" is a form the glossary says to avoid: write «двухфакторная аутентификация» (lessons/glossary.yaml)',
    );
  });

  it('says it in Russian too', async () => {
    const file = writeLesson(tempDir(), LESSON, RU, 'identity', 'tiny');
    const problems = (await validateLessonFile(file, { ...options, t: translator('ru') })).problems;
    expect(problems.map((p) => p.message)).toEqual([
      '«двухэтапная аутентификация» — форма, которой глоссарий советует избегать: пишите «двухфакторная аутентификация» (lessons/glossary.yaml)',
    ]);
  });

  it('reports a broken glossary with its own position instead of ignoring it, once, and without blocking the lesson', async () => {
    const file = path.join(tempDir(), 'glossary.yaml');
    writeFileSync(file, 'lang: ru\nterms:\n  - en: donation\n    avoid: [донат]\n');
    const { glossary, problems } = await loadGlossary(translator('en'), file);
    expect(glossary).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual(['3:5 error schema']);
    const ru = writeLesson(tempDir(), LESSON, RU, 'identity', 'tiny').replace(/lesson\.yaml$/, 'lesson.ru.yaml');
    const source = await readSource(ru, translator('en'));
    const first = await glossaryProblems(source, 'ru', translator('en'), file);
    expect(first.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.severity} ${p.code}`)).toEqual(['glossary.yaml:3:5 warning schema']);
    expect(await glossaryProblems(source, 'ru', translator('en'), file)).toEqual([]);
  });

  it('ships a valid glossary with the 2FA, dropper and donation terms', async () => {
    const { glossary, problems } = await loadGlossary(translator('en'));
    expect(problems).toEqual([]);
    expect(glossary!.lang).toBe('ru');
    const uses = glossary!.terms.map((term) => term.use);
    expect(uses).toEqual(expect.arrayContaining(['двухфакторная аутентификация', 'дроппер', 'пожертвование']));
  });
});
