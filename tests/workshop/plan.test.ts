import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { clock, timeline, type WorkshopPlan } from '../../src/workshop/plan.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

describe('workshop plans', () => {
  it('times the agenda from the start time, using lesson minutes by default', () => {
    const plan: WorkshopPlan = { title: 't', audience: 'a', languages: ['ru'], start: '09:50', agenda: [{ lesson: 'x' }, { break: 15 }, { lesson: 'y', minutes: 40 }] };
    const { items, total } = timeline(plan, new Map([['x', 20], ['y', 5]]));
    expect(items.map((i) => [clock(plan.start, i.offset), i.minutes])).toEqual([['09:50', 20], ['10:10', 15], ['10:25', 40]]);
    expect(total).toBe(75);
    expect(clock(undefined, 75)).toBe('+1:15');
  });

  it('checks a plan with positioned errors and prints the agenda', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const dir = tempDir();
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, 'title: Session\naudience: Newcomers\nlanguages: [ru]\nstart: "10:00"\nagenda:\n  - lesson: sample-lesson\n  - break: 10\n');
    const io = memoryIO();
    const dataDir = tempDir();
    const env = { SAFESTEP_HOME: dataDir };
    expect(await run(['--lang', 'ru', 'workshop', 'check', good], { io, env, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(io.out()).toContain('10:00  Пробный урок  (5 мин)');
    expect(io.out()).toContain('10:05  Перерыв  (10 мин)');
    expect(io.out()).toContain('Всего: 15 мин, окончание в 10:15.');

    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'title: Session\naudience: Newcomers\nlanguages: [ru]\nagenda:\n  - lesson: sample-lesson\n  - lesson: nope\n  - break: 0\n');
    let err = '';
    const io2 = memoryIO();
    expect(await run(['workshop', 'check', bad], { io: io2, env, paths: { dataDir, lessonDirs: [lessons] }, writeErr: (s) => void (err += s) })).toBe(1);
    expect(io2.err() + err).toContain('bad.yaml:7:12: schema:');
  });
});
