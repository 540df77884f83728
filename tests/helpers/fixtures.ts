// Builds lesson folders and app contexts in temp directories: tests never read
// the developer's home or the shipped lessons unless they mean to.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createContext, type AppContext } from '../../src/context.js';
import type { IO } from '../../src/io.js';
import type { Lang } from '../../src/i18n/index.js';

export function tempDir(prefix = 'safestep-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A lesson that uses every step type, with a branch that rejoins and one that ends early. */
export function sampleLesson(id = 'sample-lesson'): Record<string, unknown> {
  return {
    id,
    version: 2,
    lang: 'en',
    title: 'Sample lesson',
    summary: 'A lesson used by the tests.',
    topic: 'communications',
    level: 'basic',
    minutes: 5,
    reviewed: '2026-11-01',
    audience: 'Testers.',
    requires: [],
    objectives: ['Answer a quiz.'],
    trainer_notes: 'Nothing to note.',
    sources: [{ id: 'src', title: 'A source', url: 'https://example.org/a', accessed: '2026-11-01' }],
    steps: [
      { id: 'intro', type: 'text', title: 'Intro', body: 'Welcome to **the** lesson.', sources: ['src'] },
      {
        id: 'quiz-one',
        type: 'quiz',
        prompt: 'Pick the safe one.',
        choices: [
          { id: 'safe', label: 'Safe answer', correct: true, explain: 'Safe because.' },
          { id: 'unsafe', label: 'Unsafe answer', explain: 'Unsafe because.' },
        ],
      },
      {
        id: 'quiz-many',
        type: 'quiz',
        multiple: true,
        prompt: 'Tick both good ones.',
        choices: [
          { id: 'good-a', label: 'Good A', correct: true, explain: 'A is good.' },
          { id: 'bad', label: 'Bad B', explain: 'B is bad.' },
          { id: 'good-c', label: 'Good C', correct: true, explain: 'C is good.' },
        ],
      },
      { id: 'todo', type: 'checklist', title: 'Do it', items: [{ id: 'first', text: 'First thing' }, { id: 'second', text: 'Second thing' }] },
      {
        id: 'fork',
        type: 'choice',
        prompt: 'Which way?',
        options: [
          { id: 'left', label: 'Go left', goto: 'left-end' },
          { id: 'right', label: 'Go right', goto: 'right-path' },
        ],
      },
      { id: 'left-end', type: 'text', body: 'Left ending.', end: true },
      { id: 'right-path', type: 'text', body: 'Right path.', next: 'scan' },
      { id: 'scan', type: 'check', check: 'telegram-desktop-session', prompt: 'Look for Telegram.', options: {} },
    ],
  };
}

export function sampleTranslation(id = 'sample-lesson', version = 2): Record<string, unknown> {
  return {
    lang: 'ru',
    lesson: id,
    source_version: version,
    title: 'Пробный урок',
    summary: 'Урок для тестов.',
    audience: 'Тестировщики.',
    objectives: ['Ответить на вопрос.'],
    trainer_notes: 'Заметок нет.',
    steps: {
      intro: { title: 'Вступление', body: 'Добро пожаловать на **урок**.' },
      'quiz-one': { prompt: 'Выберите безопасный.', choices: { safe: { label: 'Безопасный ответ', explain: 'Безопасно, потому что.' }, unsafe: { label: 'Опасный ответ', explain: 'Опасно, потому что.' } } },
      'quiz-many': {
        prompt: 'Отметьте оба хороших.',
        choices: { 'good-a': { label: 'Хороший А', explain: 'А хороший.' }, bad: { label: 'Плохой Б', explain: 'Б плохой.' }, 'good-c': { label: 'Хороший В', explain: 'В хороший.' } },
      },
      todo: { title: 'Сделайте', items: { first: 'Первое дело', second: 'Второе дело' } },
      fork: { prompt: 'Куда?', options: { left: 'Налево', right: 'Направо' } },
      'left-end': { body: 'Левая концовка.' },
      'right-path': { body: 'Правый путь.' },
      scan: { prompt: 'Поищем Telegram.' },
    },
  };
}

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../../../schema/lesson.schema.json\n';

/** Writes lessons/<topic>/<id>/lesson.yaml (+ lesson.ru.yaml) and returns the lesson file path. */
export function writeLesson(root: string, lesson: Record<string, unknown> | string, ru?: Record<string, unknown> | string, topic = 'communications', id?: string): string {
  const lessonId = id ?? (typeof lesson === 'string' ? 'sample-lesson' : String(lesson.id));
  const dir = path.join(root, topic, lessonId);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'lesson.yaml');
  writeFileSync(file, typeof lesson === 'string' ? lesson : SCHEMA_COMMENT + stringify(lesson));
  if (ru !== undefined) writeFileSync(path.join(dir, 'lesson.ru.yaml'), typeof ru === 'string' ? ru : stringify(ru));
  return file;
}

export async function testContext(opts: { io: IO; lang?: Lang; lessonDirs: string[]; dataDir?: string; env?: Record<string, string> }): Promise<AppContext> {
  const dataDir = opts.dataDir ?? tempDir('safestep-data-');
  return createContext({}, {
    io: opts.io,
    lang: opts.lang ?? 'en',
    env: opts.env ?? {},
    paths: { dataDir, lessonDirs: opts.lessonDirs },
    now: () => new Date('2026-11-27T10:00:00Z'),
  });
}

/** The head of a lesson written by hand (19 lines, up to `steps:`), so tests can predict line and column numbers. */
export const TINY_LESSON_HEAD = `id: tiny
version: 1
lang: en
title: Tiny
summary: Tiny lesson.
topic: identity
level: basic
minutes: 3
reviewed: "2026-11-01"
audience: Anyone.
objectives:
  - Learn.
trainer_notes: None.
sources:
  - id: s
    title: Source
    url: https://example.org
    accessed: "2026-11-01"
steps:
`;
