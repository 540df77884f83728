import type { PassThrough } from 'node:stream';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  const ctxFor = async (lang: 'en' | 'ru', lessons: string, dataDir: string) => {
    const term = fakeTerminal();
    return { term, ctx: await testContext({ io: term.io, lang, lessonDirs: [lessons], dataDir }) };
  };
  const telegramLessons = (): string => {
    const lessons = tempDir();
    writeLesson(lessons, { ...sampleLesson('telegram-account-lock'), title: 'Lock Telegram' }, { ...sampleTranslation('telegram-account-lock'), title: 'Защитите Telegram' });
    return lessons;
  };
  const answerAll = async (term: ReturnType<typeof fakeTerminal>): Promise<void> => {
    await term.answer('1/10. Где вы сейчас живёте?', KEY.down, KEY.down, KEY.enter); // Kazakhstan
    await term.answer('2/10.', KEY.enter); // +7 in use
    await term.answer('3/10.', KEY.down, KEY.down, KEY.enter); // rather not say
    for (const n of [4, 5, 6, 7, 8, 9]) await term.answer(`${n}/10.`, KEY.down, KEY.enter);
    await term.answer('10/10.', KEY.space, KEY.enter); // Telegram
  };

  it('asks privately, shows the path, and keeps nothing unless asked: start --show then says so', async () => {
    const lessons = telegramLessons();
    const dataDir = tempDir();
    const { term, ctx } = await ctxFor('ru', lessons, dataDir);
    const { default: start } = await import('../../src/commands/start.js');
    const done = start(ctx, {});
    await answerAll(term);
    await term.waitFor('Ваш план уроков');
    await term.waitFor('Защитите Telegram');
    await term.waitFor('safestep contacts --country KZ');
    await term.waitFor('никто, кто будет осматривать');
    await term.answer('Сохранить ответы?', KEY.enter); // no (the default)
    await term.waitFor('Ответы не сохранены.');
    await term.answer('Начать с урока', KEY.down, KEY.enter); // later
    expect(await done).toBe(0);
    expect(existsSync(path.join(dataDir, 'plan.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'plan.enc'))).toBe(false);

    let err = '';
    const code = await run(['start', '--show'], { io: memoryIO(), lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] }, writeErr: (s) => void (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('there is no saved plan: safestep does not keep your answers unless you ask it to');
    expect(err).toContain('safestep start --answers');
  });

  it('keeps the answers encrypted when asked, and shows them again only with the passphrase', async () => {
    const lessons = telegramLessons();
    const dataDir = tempDir();
    const { term, ctx } = await ctxFor('en', lessons, dataDir);
    const { default: start } = await import('../../src/commands/start.js');
    const done = start(ctx, {});
    await term.answer('1/10.', KEY.down, KEY.down, KEY.enter);
    for (const n of [2, 3, 4, 5, 6, 7, 8, 9]) await term.answer(`${n}/10.`, KEY.enter);
    await term.answer('10/10.', KEY.space, KEY.enter);
    await term.answer('Keep your answers?', KEY.down, KEY.enter);
    await term.answer('Choose a passphrase for your answers', ...'my own long phrase', KEY.enter);
    await term.answer('Type the same passphrase again', ...'my own long phrase', KEY.enter);
    await term.waitFor('Your answers are saved encrypted.');
    await term.answer('Start with', KEY.down, KEY.enter);
    expect(await done).toBe(0);
    const sealed = readFileSync(path.join(dataDir, 'plan.enc'));
    expect(sealed.toString('latin1')).not.toMatch(/"country"|"kz"|"telegram"|messengers/);

    const io = memoryIO();
    (io.stdin as PassThrough).end('my own long phrase\n');
    expect(await run(['start', '--json', '--passphrase-stdin'], { io, env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    const shown = JSON.parse(io.out()) as { answers: Record<string, string[]>; lessons: string[]; checks: string[] };
    expect(shown.answers.country).toEqual(['kz']);
    expect(shown.lessons).toEqual(['telegram-account-lock']);

    const wrong = memoryIO();
    (wrong.stdin as PassThrough).end('not my phrase\n');
    let err = '';
    expect(await run(['start', '--show', '--passphrase-stdin'], { io: wrong, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] }, writeErr: (s) => void (err += s) })).toBe(2);
    expect(err).toContain('Wrong passphrase: the saved answers were not opened.');

    expect(await run(['progress', 'reset', '--all', '--yes'], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(existsSync(path.join(dataDir, 'plan.enc'))).toBe(false);
  });

  it('--answers takes JSON from a file or standard input, prints the plan, and writes nothing', async () => {
    const lessons = telegramLessons();
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'answers.json');
    writeFileSync(file, JSON.stringify({ country: 'ge', messengers: ['telegram'], trip: 'border' }));
    const fromFile = memoryIO();
    expect(await run(['start', '--answers', file, '--json'], { io: fromFile, env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(JSON.parse(fromFile.out()).lessons).toEqual(['telegram-account-lock']);
    const fromStdin = memoryIO();
    (fromStdin.stdin as PassThrough).end(JSON.stringify({ answers: { messengers: ['telegram'] } }));
    expect(await run(['start', '--answers', '-'], { io: fromStdin, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(fromStdin.out()).toContain('Lock Telegram');
    expect(existsSync(path.join(dataDir, 'plan.enc'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'plan.json'))).toBe(false);
  });

  it.each([
    ['{"trip": "moon"}', '"moon" is not an answer to "trip"; the answers are: russia, border, no'],
    ['{"planet": "mars"}', 'there is no question "planet"'],
    ['{"trip": ["russia", "border"]}', '"trip" takes one answer'],
    ['["trip"]', 'the answers must be a JSON object'],
    ['{"trip": 1}', 'the answer to "trip" must be an option id'],
    ['{not json', 'is not valid JSON'],
  ])('refuses %s with one line and exit 2', async (json, message) => {
    const io = memoryIO();
    (io.stdin as PassThrough).end(json);
    let err = '';
    const dataDir = tempDir();
    expect(await run(['start', '--answers', '-'], { io, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) })).toBe(2);
    expect(err).toContain(message);
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('answers an older safestep left unencrypted are used once, then overwritten and deleted', async () => {
    const lessons = telegramLessons();
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'plan.json'), JSON.stringify({ format: 1, answers: { messengers: ['telegram'], public: ['yes'] }, created: '2026-01-01T00:00:00.000Z' }));
    const io = memoryIO();
    expect(await run(['start', '--show'], { io, lang: 'en', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessons] } })).toBe(0);
    expect(io.out()).toContain('Lock Telegram');
    expect(io.out().replace(/\s+/g, ' ')).toContain('had saved your answers unencrypted');
    expect(existsSync(path.join(dataDir, 'plan.json'))).toBe(false);
  });
});
