// What a progress file may hold: steps done and quiz results, never what the
// person said about themselves (the branch taken), and nothing at
// all about lessons on repression.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnLesson } from '../../src/commands/learn.js';
import { run } from '../../src/cli.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { atRest, emptyProgress, markStep, ProgressStore } from '../../src/progress/store.js';
import { sampleLesson, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

const NOW = new Date('2026-11-27T10:00:00Z');

describe('progress at rest', () => {
  it('keeps done, correct and ticked items, drops the branch taken, and leaves the data in memory untouched', async () => {
    const data = emptyProgress();
    markStep(data, 'money-mule-requests', 1, 'situation', { done: true, chose: 'involved' }, NOW);
    markStep(data, 'money-mule-requests', 1, 'todo', { done: true, ticked: ['told-bank'] }, NOW);
    markStep(data, 'money-mule-requests', 1, 'quiz', { done: true, correct: true }, NOW);
    const store = new ProgressStore(tempDir());
    await store.save(data);
    const text = readFileSync(store.file, 'utf8');
    expect(text).not.toMatch(/involved|chose/);
    expect((await store.load()).data.lessons['money-mule-requests']!.steps).toEqual({ situation: { done: true, v: 1 }, todo: { done: true, ticked: ['told-bank'], v: 1 }, quiz: { done: true, correct: true, v: 1 } });
    expect(data.lessons['money-mule-requests']!.steps.situation!.chose).toBe('involved');
    expect(atRest(data).lessons['money-mule-requests']!.steps.situation).toEqual({ done: true, v: 1 });
  });
});

describe('lessons on repression', () => {
  async function setup(): Promise<{ dataDir: string; lessons: string }> {
    const lessons = tempDir();
    writeLesson(lessons, { ...sampleLesson('am-i-wanted'), topic: 'repression', steps: [{ id: 'one', type: 'text', body: 'First.' }, { id: 'two', type: 'text', body: 'Second.' }] }, undefined, 'repression');
    writeLesson(lessons, { ...sampleLesson('ordinary'), steps: [{ id: 'one', type: 'text', body: 'Only.' }] });
    return { dataDir: tempDir(), lessons };
  }

  it('leave no record when finished or stopped, and say so', async () => {
    const { dataDir, lessons } = await setup();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'en', lessonDirs: [lessons], dataDir });
    const ordinary = learnLesson(ctx, 'ordinary', {}, (c) => inquirerPrompter(c.io, c.t));
    await term.answer('Ready?', KEY.enter);
    expect(await ordinary).toBe('finished');
    const stopped = learnLesson(ctx, 'am-i-wanted', {}, (c) => inquirerPrompter(c.io, c.t));
    await term.waitFor('Lessons on repression leave no trace');
    await term.answer('Ready?', KEY.enter);
    await term.answer('Ready?', KEY.down, KEY.enter); // save and stop at the second step
    expect(await stopped).toBe('quit');
    expect(term.screen().replace(/\s+/g, ' ')).toContain('Nothing about this lesson was saved.');
    const text = readFileSync(path.join(dataDir, 'progress.json'), 'utf8');
    expect(text).toContain('ordinary');
    expect(text).not.toContain('am-i-wanted');
  });

  it('are dropped from older progress files at the next save, and from imports', async () => {
    const { dataDir, lessons } = await setup();
    const file = path.join(dataDir, 'progress.json');
    const old = { format: 1, current: 'am-i-wanted', lessons: { 'am-i-wanted': { version: 2, updated: '', steps: { one: { done: true, v: 2 } } } } };
    writeFileSync(file, JSON.stringify(old));
    const imported = path.join(tempDir(), 'in.json');
    writeFileSync(imported, JSON.stringify(old));
    expect(await run(['progress', 'import', imported], { io: memoryIO(), lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('am-i-wanted');
  });
});
