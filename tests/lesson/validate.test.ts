import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { translator } from '../../src/i18n/index.js';
import { crossFileProblems, validateLessonFile, type ValidateOptions } from '../../src/lesson/validate.js';
import type { Problem } from '../../src/lesson/types.js';
import { TINY_LESSON_HEAD, sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';

const options: ValidateOptions = {
  t: translator('en'),
  today: new Date('2026-11-27T00:00:00Z'),
  checks: new Map([['telegram-desktop-session', { type: 'object', properties: {}, additionalProperties: false }]]),
};

// A minimal lesson written by hand so line and column numbers are predictable.
const BASE = `${TINY_LESSON_HEAD}  - id: one
    type: text
    body: Hello.
`;

const TINY_RU = stringify({
  lang: 'ru',
  lesson: 'tiny',
  source_version: 1,
  title: 'Крошка',
  summary: 'Маленький урок.',
  audience: 'Все.',
  objectives: ['Научиться.'],
  trainer_notes: 'Нет.',
  steps: { one: { body: 'Привет.' } },
});

async function problemsFor(yaml: string, ru: string | null = TINY_RU): Promise<Problem[]> {
  const root = tempDir();
  const file = writeLesson(root, yaml, ru ?? undefined, 'identity', 'tiny');
  return (await validateLessonFile(file, options)).problems;
}

function brief(p: Problem): string {
  return `${p.line}:${p.col} ${p.severity} ${p.code}`;
}

describe('lesson validator', () => {
  it('accepts a minimal lesson with its translation', async () => {
    expect(await problemsFor(BASE)).toEqual([]);
  });

  it('accepts the sample lesson that uses every step type', async () => {
    const root = tempDir();
    const file = writeLesson(root, sampleLesson(), sampleTranslation());
    const report = await validateLessonFile(file, options);
    expect(report.problems).toEqual([]);
    expect(report.lesson?.steps.map((s) => s.type)).toEqual(['text', 'quiz', 'quiz', 'checklist', 'choice', 'text', 'text', 'check']);
  });

  const cases: [string, string, string[]][] = [
    ['YAML syntax error', BASE.replace('title: Tiny', 'title: [Tiny'), ['5:1 error yaml-syntax']],
    ['duplicate key', BASE.replace('level: basic', 'level: basic\nlevel: advanced'), ['8:1 error duplicate-key']],
    ['missing required field points at the parent', BASE.replace('minutes: 3\n', ''), ['1:1 error schema']],
    ['unknown field points at the key', BASE.replace('minutes: 3', 'minutes: 3\ncolour: red'), ['9:1 error schema']],
    ['bad topic enum', BASE.replace('topic: identity', 'topic: politics'), ['6:8 error schema']],
    ['minutes out of range', BASE.replace('minutes: 3', 'minutes: 999'), ['8:10 error schema']],
    ['id not kebab-case', BASE.replace('id: tiny', 'id: Tiny_Lesson'), ['1:5 error schema']],
    ['id differs from folder', BASE.replace('id: tiny', 'id: other'), ['1:5 error id-mismatch', '2:9 error translation-lesson']],
    ['http source url', BASE.replace('https://example.org', 'http://example.org'), ['17:10 error schema']],
    ['unknown step type', BASE.replace('type: text', 'type: video'), ['21:11 error unknown-step-type']],
    ['step field of another type', BASE.replace('body: Hello.', 'body: Hello.\n    prompt: Hm?'), ['23:5 error schema']],
    ['next to a missing step', BASE + '    next: nowhere\n', ['23:11 error unknown-target']],
    ['unknown source reference', BASE + '    sources: [missing]\n', ['23:15 error unknown-source']],
    ['alias is refused', BASE.replace('audience: Anyone.', 'audience: &a Anyone.\nsummary2: *a'), ['11:11 error alias-forbidden']],
    ['__proto__ key is refused', BASE.replace('minutes: 3', 'minutes: 3\n__proto__: {}'), ['9:1 error forbidden-key']],
    ['raw escape character', BASE.replace('body: Hello.', 'body: Hello\u001b[31m red'), ['22:16 error unsafe-char']],
    ['escape written as a YAML escape', BASE.replace('body: Hello.', 'body: "Hello \\e]8;;http://evil\\e\\\\"'), ['22:11 error unsafe-char']],
    ['bidi override', BASE.replace('title: Tiny', 'title: Ti\u202eny'), ['4:10 error unsafe-char']],
    ['stale review is a warning', BASE.replace('reviewed: "2026-11-01"', 'reviewed: "2025-06-01"'), ['9:11 warning review-stale']],
    ['bad date', BASE.replace('reviewed: "2026-11-01"', 'reviewed: "2026-13-01"'), ['9:11 error schema']],
  ];

  it.each(cases)('%s', async (_name, yaml, expected) => {
    expect((await problemsFor(yaml)).map(brief)).toEqual(expected);
  });

  it('reports bad references together with schema errors, in one run, in file order', async () => {
    const yaml = BASE.replace('minutes: 3', 'minutes: 999').replace(
      '  - id: one\n    type: text\n    body: Hello.\n',
      '  - id: one\n    type: choice\n    prompt: Go?\n    colour: red\n    options:\n      - id: a\n        label: A\n        goto: nowhere\n      - id: b\n        label: B\n        goto: two\n  - id: two\n    type: text\n    body: End.\n    sources: [missing]\n    next: gone\n',
    );
    expect((await problemsFor(yaml, null)).map(brief)).toEqual([
      '8:10 error schema',
      '23:5 error schema',
      '27:15 error unknown-target',
      '34:15 error unknown-source',
      '35:11 error unknown-target',
    ]);
  });

  it('marks a draft with a warning that says how to publish it', async () => {
    const problems = await problemsFor(BASE.replace('minutes: 3', 'minutes: 3\ndraft: true'));
    expect(problems.map(brief)).toEqual(['9:8 warning draft']);
    expect(problems[0]!.message).toContain('delete the line draft: true');
  });

  it('reports duplicate step ids at the second one', async () => {
    const yaml = BASE + '  - id: one\n    type: text\n    body: Again.\n';
    expect((await problemsFor(yaml, null)).filter((p) => p.code === 'duplicate-step').map(brief)).toEqual(['23:9 error duplicate-step']);
  });

  it('checks quiz answers: single needs exactly one correct', async () => {
    const yaml = BASE.replace(
      '  - id: one\n    type: text\n    body: Hello.\n',
      '  - id: q\n    type: quiz\n    prompt: Which?\n    choices:\n      - id: a\n        label: A\n        correct: true\n        explain: x\n      - id: b\n        label: B\n        correct: true\n        explain: y\n',
    );
    expect((await problemsFor(yaml, null)).filter((p) => p.severity === 'error').map(brief)).toEqual(['24:7 error quiz-answers']);
  });

  it('finds unreachable steps, loops without exit and branches that run into each other', async () => {
    const steps = `steps:
  - id: start
    type: choice
    prompt: Go?
    options:
      - id: a
        label: A
        goto: loop-a
      - id: b
        label: B
        goto: done
  - id: loop-a
    type: text
    body: A
    next: loop-b
  - id: loop-b
    type: text
    body: B
    next: loop-a
  - id: done
    type: text
    body: Done
    end: true
  - id: orphan
    type: text
    body: Nobody comes here
`;
    const yaml = BASE.slice(0, BASE.indexOf('steps:')) + steps;
    const found = (await problemsFor(yaml, null)).filter((p) => p.code !== 'translation-missing').map(brief);
    expect(found).toEqual(['30:9 error no-ending', '34:9 error no-ending', '42:9 error unreachable-step']);
  });

  it('warns when a branch silently runs into a sibling branch', async () => {
    const steps = `steps:
  - id: start
    type: choice
    prompt: Go?
    options:
      - id: a
        label: A
        goto: branch-a
      - id: b
        label: B
        goto: branch-b
  - id: branch-a
    type: text
    body: A
  - id: branch-b
    type: text
    body: B
`;
    const yaml = BASE.slice(0, BASE.indexOf('steps:')) + steps;
    const found = (await problemsFor(yaml, null)).filter((p) => p.code === 'falls-into-branch').map(brief);
    expect(found).toEqual(['30:9 warning falls-into-branch']);
  });

  it('rejects unknown checks and bad check options', async () => {
    const unknown = BASE + '  - id: c\n    type: check\n    check: mind-reader\n';
    expect((await problemsFor(unknown, null)).filter((p) => p.severity === 'error').map(brief)).toEqual(['25:12 error unknown-check']);
    const badOptions = BASE + '  - id: c\n    type: check\n    check: telegram-desktop-session\n    options:\n      shell: rm -rf /\n';
    expect((await problemsFor(badOptions, null)).filter((p) => p.severity === 'error').map(brief)).toEqual(['27:7 error bad-check-options']);
  });

  it('reports a missing translation, an outdated one, and missing or unknown keys', async () => {
    expect((await problemsFor(BASE, null)).map((p) => `${path.basename(p.file)} ${brief(p)}`)).toEqual(['lesson.ru.yaml 1:1 warning translation-missing']);

    const outdated = TINY_RU.replace('source_version: 1', 'source_version: 1');
    const v2 = BASE.replace('version: 1', 'version: 2');
    expect((await problemsFor(v2, outdated)).map(brief)).toEqual(['3:17 warning translation-outdated']);

    const incomplete = TINY_RU.replace('  one:\n    body: Привет.\n', '  one: {}\n  zero:\n    body: Ноль.\n');
    const found = await problemsFor(BASE, incomplete);
    expect(found.map((p) => `${brief(p)} ${p.message}`)).toEqual([
      '11:8 warning translation-incomplete step "one" is missing its "ru" text for: body',
      '12:3 warning translation-unknown-key the lesson has no step "zero" (renamed or removed?)',
    ]);
  });

  it('refuses a 10 MB file at once, without parsing it', async () => {
    const root = tempDir();
    const dir = path.join(root, 'identity', 'tiny');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'lesson.yaml');
    writeFileSync(file, BASE + '# ' + 'x'.repeat(10 * 1024 * 1024) + '\n');
    const { problems } = await validateLessonFile(file, options);
    // One problem at 1:1 and nothing from the YAML parser: the file was refused before parsing.
    expect(problems.map(brief)).toEqual(['1:1 error file-too-large']);
  });

  it('refuses an alias bomb without expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const { problems } = await validateLessonFile(writeLesson(tempDir(), bomb.join('\n') + '\n', undefined, 'identity', 'tiny'), options);
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['alias-forbidden']));
  });

  it('reports duplicate lesson ids and unknown prerequisites across files', async () => {
    const root = tempDir();
    const a = writeLesson(root, sampleLesson('same-id'), undefined, 'communications');
    const b = writeLesson(root, { ...sampleLesson('same-id'), requires: ['not-a-lesson'] }, undefined, 'identity');
    const reports = [await validateLessonFile(a, options), await validateLessonFile(b, options)];
    const cross = await crossFileProblems(reports, options);
    expect(cross.map((p) => `${path.relative(root, p.file)} ${p.code}`)).toEqual([
      `${path.join('identity', 'same-id', 'lesson.yaml')} duplicate-lesson`,
      `${path.join('identity', 'same-id', 'lesson.yaml')} unknown-lesson`,
    ]);
  });

  it('writes problems in Russian when asked', async () => {
    const ru = await validateLessonFile(writeLesson(tempDir(), BASE.replace('next', 'x') + '    next: nowhere\n', TINY_RU, 'identity', 'tiny'), { ...options, t: translator('ru') });
    expect(ru.problems[0]?.message).toBe('шага «nowhere», на который нужно перейти, нет');
  });
});
