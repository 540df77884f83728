import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import type { Lesson } from '../../src/lesson/types.js';
import { plainStyle } from '../../src/runner/markdown.js';
import { present } from '../../src/workshop/presenter.js';
import { buildSlides, type PresenterState } from '../../src/workshop/slides.js';
import { sampleLesson } from '../helpers/fixtures.js';
import { fakeTerminal } from '../helpers/terminal.js';

const RIGHT = '\u001b[C';
const LEFT = '\u001b[D';

describe('presenter mode', () => {
  it('moves one slide at a time, reveals answers and notes on request, saves where it stopped, and resumes', async () => {
    const lesson = sampleLesson() as unknown as Lesson;
    const slides = buildSlides([{ lesson: 'sample-lesson' }, { break: 10, title: 'Кофе' }], new Map([['sample-lesson', lesson]]));
    expect(slides.map((s) => s.kind)).toEqual(['lesson-title', ...lesson.steps.map(() => 'step'), 'break']);
    let saved: PresenterState = { slide: 0, spent: {} };
    let clock = 0;
    const term = fakeTerminal();
    const run = present({ io: term.io, t: translator('ru'), lang: 'ru', style: plainStyle, slides, planned: [5, 10], state: saved, save: async (s) => void (saved = s), now: () => clock });
    await term.answer('Sample lesson', RIGHT); // title slide -> intro
    await term.answer('Welcome to the lesson.', RIGHT);
    await term.waitFor('Pick the safe one.');
    expect(term.screen()).not.toContain('Safe because.');
    clock = 90_000;
    await term.answer('Нажмите a, чтобы показать ответы.', 'a');
    await term.waitFor('Safe because.');
    await term.answer('Эта часть: 01:30 из 05:00', 'n');
    await term.waitFor('Nothing to note.');
    term.type('q');
    expect(await run).toBe('quit');
    expect(saved.slide).toBe(2);
    expect(saved.spent['0']).toBe(90);

    const again = fakeTerminal();
    const resumed = present({ io: again.io, t: translator('ru'), lang: 'ru', style: plainStyle, slides, planned: [5, 10], state: saved, save: async (s) => void (saved = s), now: () => clock });
    await again.answer('Pick the safe one.', LEFT);
    await again.answer('Welcome to the lesson.', 'q');
    expect(await resumed).toBe('quit');
    expect(saved.slide).toBe(1);
  });
});
