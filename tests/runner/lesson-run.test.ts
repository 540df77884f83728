// Runs a lesson through the real prompts with scripted keystrokes, in both
// languages, covering every step type, resume after quitting, and Ctrl+C.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runCli } from '../../src/cli.js';
import { learnLesson } from '../../src/commands/learn.js';
import { translator } from '../../src/i18n/index.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, sampleTranslation, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

async function setup(lang: 'en' | 'ru') {
  const lessons = tempDir();
  writeLesson(lessons, sampleLesson(), sampleTranslation());
  const term = fakeTerminal();
  const dataDir = tempDir();
  // HOME points at an empty folder so the check step finds nothing of the developer's.
  const ctx = await testContext({ io: term.io, lang, lessonDirs: [lessons], dataDir, env: { HOME: tempDir() } });
  const progressFile = path.join(dataDir, 'progress.json');
  const progress = () => JSON.parse(readFileSync(progressFile, 'utf8')) as { lessons: Record<string, { steps: Record<string, Record<string, unknown>>; finished?: string; lang?: string }> };
  return { term, ctx, progress, start: (restart = false) => learnLesson(ctx, 'sample-lesson', { restart }, (c) => inquirerPrompter(c.io, c.t)) };
}

describe('lesson runner with scripted keystrokes', () => {
  it('walks every step type in English and records the outcome', async () => {
    const { term, ctx, progress, start } = await setup('en');
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
    // The checklist confirms with a count, and the end lists what was done apart from what is left.
    expect(term.screen()).toContain('Tick what you have done ticked 1 of 2');
    expect(term.screen()).toContain('What you have done:\n  ✓ Second thing\n\nStill on your list:\n  ☐ First thing');
    const shown = memoryIO();
    expect(await runCli(['progress', 'sample-lesson'], { io: shown, env: { HOME: tempDir() }, paths: ctx.paths })).toBe(0);
    expect(shown.out()).toContain('Still on your list:\n  ☐ First thing\n');
    expect(shown.out()).not.toContain('Second thing');

    const saved = progress().lessons['sample-lesson']!;
    expect(saved.finished).toBeDefined();
    expect(saved.steps['quiz-one']).toMatchObject({ done: true, correct: false });
    expect(saved.steps['quiz-many']).toMatchObject({ done: true, correct: true });
    // Ticked items are kept (for `safestep progress <id>`); the branch taken is never written.
    expect(saved.steps.todo).toMatchObject({ done: true, v: 2, ticked: [expect.any(String)] });
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

  it('resumes in the language the lesson was taken in, at the same step number, unless another language is chosen', async () => {
    const { term, ctx, progress } = await setup('en');
    const learn = (lang: 'en' | 'ru', chosen: boolean) => learnLesson({ ...ctx, lang, t: translator(lang), langChosen: chosen }, 'sample-lesson', {}, (c) => inquirerPrompter(c.io, c.t));
    const first = learn('ru', true); // safestep --lang ru learn sample-lesson
    await term.waitFor('Шаг 1 · Вступление');
    await term.answer('Готовы?', KEY.enter);
    await term.waitFor('Шаг 2');
    await term.answer('Выберите один ответ', KEY.enter);
    await term.waitFor('Шаг 3');
    await term.answer('Отметьте все верные ответы', KEY.ctrlC);
    expect(await first).toBe('interrupted');
    expect(term.screen()).toContain('Прогресс сохранён. Продолжить потом: safestep learn sample-lesson');
    expect(progress().lessons['sample-lesson']).toMatchObject({ lang: 'ru' });

    const again = learn('en', false); // the printed command, run where the locale is English
    await term.waitFor('С возвращением.');
    await term.waitFor('Шаг 3');
    await term.answer('Пробел — отметить', KEY.ctrlC); // the prompts speak the lesson's language too
    expect(await again).toBe('interrupted');

    const chosen = learn('en', true); // safestep --lang en learn sample-lesson
    await term.waitFor('Welcome back.');
    await term.waitFor('Step 3');
    await term.answer('Tick every answer that is right', KEY.ctrlC);
    expect(await chosen).toBe('interrupted');
    expect(term.screen()).not.toMatch(/Шаг 1 · Вступление[\s\S]*Шаг 1/);
    expect(progress().lessons['sample-lesson']).toMatchObject({ lang: 'ru' }); // nothing was answered in English yet

    // `safestep progress <id>`, printed by the lesson, answers in the lesson's language too.
    const shown = memoryIO();
    expect(await runCli(['progress', 'sample-lesson'], { io: shown, env: { HOME: tempDir(), LANG: 'en_US.UTF-8' }, paths: ctx.paths })).toBe(0);
    expect(shown.out()).toContain('в процессе, пройдено 2 шага');
    const english = memoryIO();
    expect(await runCli(['--lang', 'en', 'progress', 'sample-lesson'], { io: english, env: { HOME: tempDir() }, paths: ctx.paths })).toBe(0);
    expect(english.out()).toContain('in progress, 2 steps done');
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
