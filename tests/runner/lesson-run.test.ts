// Runs a lesson through the real prompts with scripted keystrokes, in both
// languages, covering every step type, resume after quitting, and Ctrl+C.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnLesson } from '../../src/commands/learn.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, sampleTranslation, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';

async function setup(lang: 'en' | 'ru') {
  const lessons = tempDir();
  writeLesson(lessons, sampleLesson(), sampleTranslation());
  const term = fakeTerminal();
  const dataDir = tempDir();
  // HOME points at an empty folder so the check step finds nothing of the developer's.
  const ctx = await testContext({ io: term.io, lang, lessonDirs: [lessons], dataDir, env: { HOME: tempDir() } });
  const progressFile = path.join(dataDir, 'progress.json');
  const progress = () => JSON.parse(readFileSync(progressFile, 'utf8')) as { lessons: Record<string, { steps: Record<string, Record<string, unknown>>; finished?: string }> };
  return { term, ctx, progress, start: (restart = false) => learnLesson(ctx, 'sample-lesson', { restart }, inquirerPrompter(ctx.io, ctx.t)) };
}

describe('lesson runner with scripted keystrokes', () => {
  it('walks every step type in English and records the outcome', async () => {
    const { term, ctx: _ctx, progress, start } = await setup('en');
    const run = start();
    await term.answer('Ready?', KEY.enter); // text: Continue
    await term.answer('Choose one answer', KEY.down, KEY.enter); // quiz: wrong answer first
    await term.waitFor('Not quite.');
    await term.waitFor('Unsafe because.');
    await term.answer('What would you like to do?', KEY.enter); // try again
    await term.answer('Choose one answer', KEY.enter); // the right one
    await term.waitFor('Right.');
    await term.answer('Tick every answer that is right', KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter);
    await term.waitFor('C is good.');
    await term.answer('Tick what you have done', KEY.down, KEY.space, KEY.enter);
    await term.waitFor('Done: 1 of 2.');
    await term.answer('Which way?', KEY.down, KEY.enter); // right branch
    await term.answer('Ready?', KEY.enter); // right-path text
    await term.waitFor('Look for Telegram.');
    await term.waitFor('What this check looks at:');
    await term.answer('Run this check now?', KEY.enter);
    await term.waitFor('OK: No Telegram Desktop session on this computer');
    expect(await run).toBe('finished');
    expect(term.screen()).toContain('Lesson complete.');
    expect(term.screen()).toContain('Questions answered right the first time: 1 of 2.');

    const saved = progress().lessons['sample-lesson']!;
    expect(saved.finished).toBeDefined();
    expect(saved.steps['quiz-one']).toMatchObject({ done: true, correct: false });
    expect(saved.steps['quiz-many']).toMatchObject({ done: true, correct: true });
    // What the person said about themselves (ticked items, the branch) is never written.
    expect(saved.steps.todo).toEqual({ done: true, v: 2 });
    expect(saved.steps.fork).toEqual({ done: true, v: 2 });
    expect(saved.steps['left-end']).toBeUndefined();
  });

  it('runs the Russian translation and stops cleanly on request, then resumes at the same step', async () => {
    const { term, progress, start } = await setup('ru');
    const first = start();
    await term.waitFor('Пробный урок');
    await term.waitFor('Добро пожаловать на урок.');
    await term.answer('Готовы?', KEY.enter);
    await term.answer('Выберите один ответ', KEY.enter);
    await term.waitFor('Верно.');
    await term.waitFor('Безопасно, потому что.');
    await term.answer('Отметьте все верные ответы', KEY.space, KEY.enter); // only one of two
    await term.waitFor('Не совсем.');
    await term.answer('Что дальше?', KEY.down, KEY.down, KEY.enter); // save and stop
    expect(await first).toBe('quit');
    expect(term.screen()).toContain('Прогресс сохранён. Продолжить потом: safestep learn sample-lesson');
    expect(progress().lessons['sample-lesson']!.steps).toMatchObject({ intro: { done: true }, 'quiz-one': { done: true }, 'quiz-many': { done: false, correct: false } });

    const second = start();
    await term.waitFor('С возвращением.');
    await term.answer('Отметьте все верные ответы', KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter);
    await term.waitFor('Верно.');
    await term.answer('Отметьте то, что уже сделали', KEY.space, KEY.down, KEY.space, KEY.enter);
    await term.waitFor('Сделано: 2 из 2.');
    await term.answer('Куда?', KEY.enter); // left: the early ending
    await term.waitFor('Левая концовка.');
    await term.answer('Это конец урока.', KEY.enter);
    expect(await second).toBe('finished');
    const saved = progress().lessons['sample-lesson']!;
    expect(saved.steps['quiz-many']).toMatchObject({ correct: false });
    expect(saved.steps.fork).toEqual({ done: true, v: 2 });
    expect(saved.steps.scan).toBeUndefined();
  });

  it('saves progress when Ctrl+C is pressed inside a prompt', async () => {
    const { term, progress, start } = await setup('en');
    const run = start();
    await term.answer('Ready?', KEY.enter);
    await term.answer('Choose one answer', KEY.ctrlC);
    expect(await run).toBe('interrupted');
    expect(progress().lessons['sample-lesson']!.steps.intro).toMatchObject({ done: true });
    expect(term.screen()).toContain('Your progress is saved.');
  });

  it('knows a finished lesson (without the branch taken) and offers --restart', async () => {
    const { term, progress, start } = await setup('en');
    let run = start();
    await term.answer('Ready?', KEY.enter);
    await term.answer('Choose one answer', KEY.enter);
    await term.answer('Tick every answer', KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter);
    await term.answer('Tick what you have done', KEY.space, KEY.enter);
    await term.answer('Which way?', KEY.enter);
    await term.answer('This is the end of the lesson.', KEY.enter);
    expect(await run).toBe('finished');

    run = start();
    await term.waitFor('You have finished this lesson.');
    expect(await run).toBe('finished');

    run = start(true);
    await term.answer('Ready?', KEY.enter);
    await term.answer('Choose one answer', KEY.ctrlC);
    expect(await run).toBe('interrupted');
    expect(progress().lessons['sample-lesson']!.finished).toBeUndefined();
  });
});
