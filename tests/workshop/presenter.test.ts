import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { translator } from '../../src/i18n/index.js';
import type { Lesson } from '../../src/lesson/types.js';
import { plainStyle } from '../../src/text/markdown.js';
import { paginate, present } from '../../src/workshop/presenter.js';
import { buildSlides, type PresenterState } from '../../src/workshop/slides.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, type FakeTerminal } from '../helpers/terminal.js';

const RIGHT = '\u001b[C';
const LEFT = '\u001b[D';
const PAGE_DOWN = '\u001b[6~';
const PAGE_UP = '\u001b[5~';

/** The last screen drawn: presenter mode redraws from the top-left corner each time. */
function frame(term: FakeTerminal): string[] {
  const raw = term.raw();
  const last = raw.slice(raw.lastIndexOf('\u001b[H') + 3);
  return last.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split('\n');
}

/** A lesson whose second step is much taller than a 24-line window. */
function longLesson(): Lesson {
  const lesson = sampleLesson() as unknown as Lesson;
  const paragraphs = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: a sentence long enough to take most of one line, and then some more words to wrap.`);
  lesson.steps.splice(1, 0, { id: 'long', type: 'text', title: 'A long step', body: paragraphs.join('\n\n') });
  return lesson;
}

describe('presenter mode', () => {
  it('moves one slide at a time, reveals answers and notes on request, saves where it stopped, and resumes', async () => {
    const lesson = sampleLesson() as unknown as Lesson;
    const slides = buildSlides([{ lesson: 'sample-lesson' }, { break: 10, title: 'Кофе' }], new Map([['sample-lesson', lesson]]));
    expect(slides.map((s) => s.kind)).toEqual(['lesson-title', ...lesson.steps.map(() => 'step'), 'break']);
    let saved: PresenterState = { slide: 0, spent: {} };
    let clock = 0;
    const term = fakeTerminal();
    const run = present({ io: term.io, t: translator('ru'), lang: 'ru', style: plainStyle, slides, planned: [25, 10], state: saved, save: async (s) => void (saved = s), now: () => clock });
    await term.answer('Sample lesson', RIGHT); // title slide -> intro
    expect(term.screen()).toContain('25 мин'); // the plan's minutes, not the lesson's 5
    await term.answer('Welcome to the lesson.', RIGHT);
    await term.waitFor('Pick the safe one.');
    expect(term.screen()).not.toContain('Safe because.');
    clock = 90_000;
    await term.answer('Нажмите a, чтобы показать ответы.', 'a');
    await term.waitFor('Safe because.');
    await term.answer('Эта часть: 01:30 из 25:00', 'n');
    await term.waitFor('Nothing to note.');
    term.type('q');
    expect(await run).toBe('quit');
    expect(saved.slide).toBe(2);
    expect(saved.spent['0']).toBe(90);
    // The alternate screen: the trainer's terminal comes back as it was.
    expect(term.raw().startsWith('\u001b[?1049h')).toBe(true);
    expect(term.raw()).toContain('\u001b[?1049l');

    const again = fakeTerminal();
    const resumed = present({ io: again.io, t: translator('ru'), lang: 'ru', style: plainStyle, slides, planned: [25, 10], state: saved, save: async (s) => void (saved = s), now: () => clock });
    await again.answer('Pick the safe one.', LEFT);
    await again.answer('Welcome to the lesson.', 'q');
    expect(await resumed).toBe('quit');
    expect(saved.slide).toBe(1);
  });

  it('fits a long step into 80x24 pages, pages with Space and PgUp, and wraps again on resize', async () => {
    const lesson = longLesson();
    const slides = buildSlides([{ lesson: 'sample-lesson' }], new Map([['sample-lesson', lesson]]));
    let saved: PresenterState = { slide: 2, spent: {} };
    const term = fakeTerminal({ width: 80, rows: 24 });
    const run = present({ io: term.io, t: translator('en'), lang: 'en', style: plainStyle, slides, planned: [20], state: saved, save: async (s) => void (saved = s), now: () => 0 });
    await term.waitFor('page 1/');
    let shown = frame(term);
    expect(shown.length).toBeLessThanOrEqual(24);
    expect(shown.every((l) => l.length <= 80)).toBe(true);
    expect(shown.join('\n')).toContain('A long step');
    expect(shown.join('\n')).toContain('Paragraph 1:');
    const pages = Number(/page 1\/(\d)/.exec(shown.join('\n'))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);

    await term.answer('page 1/', ' ');
    await term.waitFor('page 2/');
    shown = frame(term);
    expect(shown.join('\n')).toContain('Sample lesson · Step 2/9'); // the header stays on every page
    expect(shown.join('\n')).not.toContain('Paragraph 1:');
    await term.answer('page 2/', PAGE_UP);
    await term.waitFor('page 1/');

    term.resize(50, 20);
    await term.waitFor('page 1/');
    shown = frame(term);
    expect(shown.length).toBeLessThanOrEqual(20);
    expect(shown.every((l) => l.length <= 50)).toBe(true);

    for (let i = 0; i < 12 && !frame(term).join('\n').includes('Pick the safe one.'); i++) {
      term.type(PAGE_DOWN);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(frame(term).join('\n')).toContain('Pick the safe one.'); // past the last page: the next slide
    term.type(PAGE_UP); // back onto the long step, at its last page
    await new Promise((r) => setTimeout(r, 20));
    expect(frame(term).join('\n')).toMatch(/page (\d+)\/\1/);
    term.type('q');
    expect(await run).toBe('quit');
    expect(saved.slide).toBe(2);
  });

  it('breaks pages at paragraphs', () => {
    expect(paginate(['a', 'b', '', 'c', 'd', 'e'], 4)).toEqual([['a', 'b'], ['c', 'd', 'e']]);
    expect(paginate(['', 'a'], 4)).toEqual([['a']]);
    expect(paginate([], 4)).toEqual([[]]);
  });

  it('says where it stopped in the room\'s language', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const dir = tempDir();
    const plan = path.join(dir, 'plan.yaml');
    writeFileSync(plan, 'title: Session\naudience: Newcomers\nlanguages: [ru]\nagenda:\n  - lesson: sample-lesson\n    minutes: 30\n');
    const term = fakeTerminal({ rows: 24 });
    const dataDir = tempDir();
    const done = run(['workshop', 'run', plan], { io: term.io, env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [lessons] } });
    await term.answer('Пробный урок', 'q');
    expect(await done).toBe(0);
    expect(term.screen()).toContain('30 мин');
    expect(term.screen()).toContain('Остановлено. Запустите safestep workshop run');
  });
});
