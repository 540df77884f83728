import { describe, expect, it } from 'vitest';
import { defineMessages, format, langFromEnv } from '../../src/i18n/index.js';
import { localize } from '../../src/lesson/localize.js';
import { RUNNER } from '../../src/runner/run-lesson.js';
import type { Lesson, Translation } from '../../src/lesson/types.js';
import { sampleLesson, sampleTranslation } from '../helpers/fixtures.js';

describe('UI strings', () => {
  it('picks the language from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ru_UA.UTF-8', LANG: 'C' })).toBe('ru');
    expect(langFromEnv({ LANG: 'uk_UA.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'rus' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });

  it('uses Russian plural forms', () => {
    expect(RUNNER.text('ru')('meta', { count: 1 })).toBe('Примерно 1 минута.');
    expect(RUNNER.text('ru')('meta', { count: 3 })).toBe('Примерно 3 минуты.');
    expect(RUNNER.text('ru')('meta', { count: 25 })).toBe('Примерно 25 минут.');
    expect(RUNNER.text('en')('meta', { count: 1 })).toBe('About 1 minute.');
  });

  it('fills placeholders from own properties only and strips escapes and invisible characters from values', () => {
    expect(format('{constructor} {name}', { name: 'x' })).toBe('{constructor} x');
    expect(format('file {name}', { name: 'a\u001b]52;c;aGk=\u0007\u001b[2Jb\u202e\u200bc' })).toBe('file a]52;c;aGk=[2Jbc');
    const m = defineMessages('test.sample', { hello: { en: 'Hi {who}', ru: 'Привет, {who}' } });
    expect(m.text('ru')('hello', { who: '\u009b31mВася' })).toBe('Привет, 31mВася');
    expect(m.has('toString')).toBe(false);
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
