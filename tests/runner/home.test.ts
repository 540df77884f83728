import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeMenu } from '../../src/commands/home.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { sampleLesson, sampleTranslation, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';

describe('home menu', () => {
  it('browses by topic into a lesson, offers to continue it, and switches language', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const dataDir = tempDir();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [lessons], dataDir, env: { HOME: tempDir() } });
    const menu = homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
    await term.waitFor('one step at a time.');
    await term.answer('What would you like to do?', KEY.down, KEY.enter); // browse
    await term.answer('Which topic?', KEY.enter); // communications
    await term.answer('Which lesson?', KEY.enter);
    await term.answer('Ready?', KEY.down, KEY.enter); // save and stop: back to the menu
    await term.waitFor('Your progress is saved.');
    await term.answer('Continue: Sample lesson', KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // change language
    await term.answer('Language / Язык', KEY.down, KEY.enter);
    await term.waitFor('Теперь safestep говорит по-русски.');
    await term.answer('Продолжить: Пробный урок', KEY.enter);
    await term.answer('Готовы?', KEY.ctrlC); // Ctrl+C inside a lesson started here comes back to this menu
    await term.waitFor('Прогресс сохранён.');
    await term.answer('Что вы хотите сделать?', KEY.ctrlC); // and at the menu itself it quits
    expect(await menu).toBe(0);
    expect(term.screen()).toContain('До свидания. Берегите себя.');
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({ lang: 'ru' });
  });

  it('comes back to the menu on Ctrl+C from every path: a browsed lesson, the lesson picker, the plan questions', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [lessons], env: { HOME: tempDir() } });
    const menu = homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
    await term.answer('What would you like to do?', KEY.down, KEY.enter); // browse
    await term.answer('Which topic?', KEY.enter);
    await term.answer('Which lesson?', KEY.enter);
    await term.answer('Ready?', KEY.enter);
    await term.answer('Choose one answer', KEY.ctrlC);
    await term.waitFor('Your progress is saved.');
    await term.answer('What would you like to do?', KEY.down, KEY.down, KEY.enter); // browse, below "Continue"
    await term.answer('Which topic?', KEY.ctrlC);
    await term.answer('What would you like to do?', KEY.down, KEY.enter); // the plan
    await term.answer('1/', KEY.ctrlC);
    await term.answer('What would you like to do?', KEY.ctrlC);
    expect(await menu).toBe(0);
    const screen = term.screen();
    expect(screen.match(/Goodbye\. Take care\./g)).toHaveLength(1);
    expect(screen.trimEnd().endsWith('Goodbye. Take care.')).toBe(true);
  });

  it('quits from the menu with Ctrl+C calmly', async () => {
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'ru', lessonDirs: [tempDir()] });
    const menu = homeMenu(ctx, (c) => inquirerPrompter(c.io, c.t));
    await term.answer('Что вы хотите сделать?', KEY.ctrlC);
    expect(await menu).toBe(0);
    expect(term.screen()).toContain('До свидания.');
  });
});
