import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIds } from '../../checks/index.js';
import { run } from '../../src/cli.js';
import { translator } from '../../src/i18n/index.js';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { buildPlan, holds, referencedIds, type Condition, type PlanRules } from '../../src/plan/rules.js';
import { loadPlanRules } from '../../src/plan/store.js';
import { sampleLesson, sampleTranslation, tempDir, testContext, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

describe('plan conditions', () => {
  const answers = { trip: ['russia'], messengers: ['telegram', 'signal'], relatives: ['no'] };
  it.each<[Condition, boolean]>([
    [{ answer: { question: 'trip', is: 'russia' } }, true],
    [{ answer: { question: 'trip', is: 'border' } }, false],
    [{ answer: { question: 'messengers', includes: 'signal' } }, true],
    [{ answer: { question: 'messengers', is: 'telegram' } }, false],
    [{ answer: { question: 'country', in: ['kz', 'kg'] } }, false],
    [{ answer: { question: 'relatives' } }, true],
    [{ answer: { question: 'unanswered' } }, false],
    [{ all: [{ answer: { question: 'trip', is: 'russia' } }, { not: { answer: { question: 'relatives', is: 'yes' } } }] }, true],
    [{ any: [{ answer: { question: 'trip', is: 'border' } }, { answer: { question: 'messengers', includes: 'max' } }] }, false],
  ])('%j -> %s', (condition, expected) => {
    expect(holds(condition, answers)).toBe(expected);
  });

  it('orders lessons by total weight and keeps only available ones', () => {
    const rules: PlanRules = {
      questions: [],
      always: { lessons: ['basics'], checks: ['disk-encryption'] },
      rules: [
        { when: { answer: { question: 'trip', is: 'russia' } }, weight: 10, lessons: ['border', 'donations'], checks: ['metadata'] },
        { when: { answer: { question: 'messengers', includes: 'telegram' } }, weight: 20, lessons: ['telegram', 'donations'] },
        { when: { answer: { question: 'relatives', is: 'yes' } }, weight: 99, lessons: ['relatives'] },
      ],
    };
    const plan = buildPlan(rules, { trip: ['russia'], messengers: ['telegram'] }, new Set(['basics', 'border', 'donations', 'telegram']));
    expect(plan.lessons.map((l) => l.id)).toEqual(['donations', 'telegram', 'border', 'basics']);
    expect(plan.checks).toEqual(['metadata', 'disk-encryption']);
  });
});

describe('shipped plan rules', () => {
  it('are valid and refer only to questions, options and checks that exist', async () => {
    const { rules, problems } = await loadPlanRules(translator('en'));
    expect(problems).toEqual([]);
    const refs = referencedIds(rules!);
    for (const { question, option } of refs.answers) {
      const q = rules!.questions.find((x) => x.id === question);
      expect(q, question).toBeDefined();
      if (option) expect(q!.options.map((o) => o.id), `${question}: ${option}`).toContain(option);
    }
    for (const id of refs.checks) expect(checkIds, id).toContain(id);
  });

  it('refer only to lessons that ship', async () => {
    const { rules } = await loadPlanRules(translator('en'));
    const shipped = new Set((await findLessonFiles([SHIPPED_LESSONS])).map((f) => path.basename(path.dirname(f))));
    for (const id of referencedIds(rules!).lessons) expect(shipped.has(id), id).toBe(true);
  });
});

describe('safestep start', () => {
  it('asks privately, saves option ids only, shows the path, and reset --all deletes the answers', async () => {
    const lessons = tempDir();
    writeLesson(lessons, { ...sampleLesson('telegram-account-lock'), title: 'Lock Telegram' }, { ...sampleTranslation('telegram-account-lock'), title: 'Защитите Telegram' });
    const dataDir = tempDir();
    const term = fakeTerminal();
    const ctx = await testContext({ io: term.io, lang: 'ru', lessonDirs: [lessons], dataDir });
    const { default: start } = await import('../../src/commands/start.js');
    const done = start(ctx, {});
    await term.answer('1/10. Где вы сейчас живёте?', KEY.down, KEY.down, KEY.enter); // Kazakhstan
    await term.answer('2/10.', KEY.enter); // +7 in use
    await term.answer('3/10.', KEY.down, KEY.down, KEY.enter); // rather not say
    for (const n of [4, 5, 6, 7, 8, 9]) await term.answer(`${n}/10.`, KEY.down, KEY.enter);
    await term.answer('10/10.', KEY.space, KEY.enter); // Telegram
    await term.waitFor('Ваш план уроков');
    await term.waitFor('Защитите Telegram');
    await term.waitFor('safestep contacts --country KZ');
    await term.answer('Начать с урока', KEY.down, KEY.enter); // later
    expect(await done).toBe(0);

    const io = memoryIO();
    const code = await run(['start', '--json'], { io, env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } });
    expect(code).toBe(0);
    const shown = JSON.parse(io.out()) as { answers: Record<string, string[]>; lessons: string[]; checks: string[] };
    expect(shown.answers).toEqual({ country: ['kz'], 'russian-sim': ['in-use'], 'russian-employer': ['no'], public: ['no'], trip: ['border'], donations: ['no'], 'phone-away': ['no'], documents: ['no'], messengers: ['telegram'] });
    expect(shown.lessons).toEqual(['telegram-account-lock']);
    expect(shown.checks).toContain('telegram-desktop-session');

    expect(await run(['progress', 'reset', '--all', '--yes'], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(existsSync(path.join(dataDir, 'plan.json'))).toBe(false);
  });
});
