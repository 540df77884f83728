import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { langFromEnv, translateWith } from '../../src/i18n/index.js';
import { localize } from '../../src/lesson/localize.js';
import type { Lesson, Translation } from '../../src/lesson/types.js';
import { sampleLesson, sampleTranslation } from '../helpers/fixtures.js';

function placeholders(message: unknown): string[] {
  const text = typeof message === 'string' ? message : Object.values(message as Record<string, string>).join(' ');
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

describe('UI strings', () => {
  it('picks the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ru_UA.UTF-8', LANG: 'C' })).toBe('ru');
    expect(langFromEnv({ LANG: 'uk_UA.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'rus' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });

  it('has every English key in Russian, with the same placeholders and no empty text', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ru[key], key).toBeTruthy();
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('uses Russian plural forms', () => {
    const lookup = { en, ru };
    expect(translateWith(lookup, 'ru', 'runner.meta', { count: 1 })).toBe('Примерно 1 минута.');
    expect(translateWith(lookup, 'ru', 'runner.meta', { count: 3 })).toBe('Примерно 3 минуты.');
    expect(translateWith(lookup, 'ru', 'runner.meta', { count: 25 })).toBe('Примерно 25 минут.');
    expect(translateWith(lookup, 'en', 'runner.meta', { count: 1 })).toBe('About 1 minute.');
  });

  it('falls back to English visibly when a Russian string is missing', () => {
    const partial = { en, ru: { ...ru, 'home.bye': undefined } };
    expect(translateWith(partial as never, 'ru', 'home.bye')).toBe('[нет перевода] Goodbye. Take care.');
  });
});

describe('lesson localisation', () => {
  const lesson = sampleLesson() as unknown as Lesson;

  it('replaces every string when the translation is complete', () => {
    const { lesson: ruLesson, missing, outdated } = localize(lesson, sampleTranslation() as unknown as Translation, 'ru');
    expect(missing).toBe(0);
    expect(outdated).toBe(false);
    expect(ruLesson.title).toBe('Пробный урок');
    expect(ruLesson.steps[4]).toMatchObject({ options: [{ label: 'Налево', goto: 'left-end' }, { label: 'Направо', goto: 'right-path' }] });
    expect(lesson.title).toBe('Sample lesson');
  });

  it('marks strings that fall back and notices an outdated translation', () => {
    const tr = sampleTranslation('sample-lesson', 1) as unknown as Translation;
    delete tr.steps.intro!.body;
    const { lesson: ruLesson, missing, outdated } = localize(lesson, tr, 'ru');
    expect(missing).toBe(1);
    expect(outdated).toBe(true);
    expect(ruLesson.steps[0]).toMatchObject({ title: 'Вступление', body: '[нет перевода] Welcome to **the** lesson.' });
  });
});
