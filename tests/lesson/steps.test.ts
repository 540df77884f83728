// Step types, one table: a step written in YAML, the problems the validator
// reports for it, and how it reads in the terminal, a Markdown handout and on
// a presenter slide. A new step type adds its rows here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { translator, type Lang } from '../../src/i18n/index.js';
import { lessonSchema, translationSchema } from '../../src/lesson/lesson-schema.js';
import { STEP_MODULES, stepModule, type Step } from '../../src/lesson/steps/index.js';
import type { PromptChoice, StepPrompts } from '../../src/lesson/steps/types.js';
import type { Problem } from '../../src/lesson/types.js';
import { validateLessonFile } from '../../src/lesson/validate.js';
import { plainStyle, renderMarkdown } from '../../src/text/markdown.js';
import { TINY_LESSON_HEAD, tempDir, writeLesson } from '../helpers/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const WIDTH = 44;

const HEAD = `${TINY_LESSON_HEAD}`;
/** Line numbers in expected problems count from the first step line (line 20 of the file). */
const FIRST_STEP_LINE = HEAD.split('\n').length;

async function problemsOf(steps: string, lang: Lang = 'en'): Promise<string[]> {
  const file = writeLesson(tempDir(), HEAD + steps, undefined, 'identity', 'tiny');
  const checks = new Map([['telegram-desktop-session', { type: 'object', properties: {}, additionalProperties: false }]]);
  const report = await validateLessonFile(file, { t: translator(lang), lang, today: new Date('2026-11-27T00:00:00Z'), checks, contactIds: new Set(['helpline']) });
  return report.problems.filter((p: Problem) => p.code !== 'translation-missing').map((p) => `${p.line - FIRST_STEP_LINE + 1}:${p.col} ${p.code} ${p.message}`);
}

/** A prompter that answers from a script (values, in order) and writes what it was asked. */
function scripted(answers: unknown[], out: string[]): StepPrompts {
  const ask = (message: string, choices: readonly PromptChoice<unknown>[]): void => {
    out.push(`? ${message}`, ...choices.map((c) => `  ${c.checked ? '[x]' : '[ ]'} ${c.name}`));
  };
  return {
    async select<T>(message: string, choices: readonly PromptChoice<T>[]): Promise<T> {
      ask(message, choices);
      return (answers.length ? answers.shift() : choices[0]!.value) as T;
    },
    async checkbox<T>(message: string, choices: readonly PromptChoice<T>[]): Promise<T[]> {
      ask(message, choices);
      return (answers.shift() ?? []) as T[];
    },
  };
}

async function terminal(step: Step, answers: unknown[], lang: Lang = 'en'): Promise<string[]> {
  const out: string[] = [];
  await stepModule(step).run(step, undefined, {
    t: translator(lang),
    lang,
    lessonId: 'tiny',
    prompter: scripted(answers, out),
    style: plainStyle,
    width: WIDTH,
    print: (text = '') => void out.push(...text.split('\n')),
    runCheck: async (id) => void out.push(`(runs ${id})`),
    showContacts: async (ids) => void out.push(`(contacts ${ids.join(', ')})`),
    explainCheck: async (id) => void out.push(`(explains ${id})`),
  });
  return out;
}

function handout(step: Step, lang: Lang = 'en'): { body: string[]; answers?: string[]; html: string } {
  const h = { t: translator(lang), lang, seeStep: (id: string) => `see ${id}`, contact: (id: string) => ({ name: `Name of ${id}`, what: 'Helps.', reach: 'Call.' }) };
  const md = stepModule(step).handoutMarkdown(step, h);
  return { ...md, html: stepModule(step).handoutHtml(step, h).body };
}

function slide(step: Step, answers: boolean, lang: Lang = 'en'): string[] {
  return stepModule(step).slide(step, { t: translator(lang), lang, style: plainStyle, width: WIDTH, answers, md: (text) => renderMarkdown(text, WIDTH, plainStyle).split('\n'), contact: (id) => (id === 'helpline' ? { name: `Name of ${id}`, reach: 'Call.' } : undefined) });
}

const first = (steps: string): Step => (parse(steps) as Step[])[0]!;

interface Row {
  name: string;
  steps: string;
  problems: string[];
  answers?: unknown[];
  terminal?: string[];
  handout?: string[];
  slide?: string[];
}

const ENDING = '  - id: done\n    type: text\n    body: Done.\n';

const rows: Row[] = [
  {
    name: 'text: Markdown wrapped at the width, then a way on or out',
    steps: '  - id: one\n    type: text\n    contacts: [helpline]\n    body: "Read **this** before you go on: the page explains what happens next."\n',
    problems: [],
    terminal: ['Read this before you go on: the page', 'explains what happens next.', '', '(contacts helpline)', '? Ready?', '  [ ] Continue', '  [ ] Save and stop for now'],
    handout: ['Read **this** before you go on: the page explains what happens next.', '', '> **Name of helpline**: Helps. How to reach them: Call.', ''],
    // The room sees who can help and how, in the room's language.
    slide: ['Read this before you go on: the page', 'explains what happens next.', '', 'Name of helpline', 'Call.'],
  },
  {
    name: 'text: an unknown contact is reported where it is written',
    steps: '  - id: one\n    type: text\n    body: Hi.\n    contacts: [helpline, nobody]\n',
    problems: ['4:26 unknown-contact there is no contact "nobody" in data/contacts.yaml'],
  },
  {
    name: 'quiz: feedback without doubled punctuation, explanations under the mark',
    steps: `  - id: q
    type: quiz
    prompt: Who can read your messages?
    choices:
      - id: a
        label: Anyone who holds your unlocked device.
        correct: true
        explain: Yes. An unlocked phone shows everything.
      - id: b
        label: Nobody
        explain: Not quite; look again.
`,
    problems: [],
    answers: ['b', 'retry', 'a'],
    terminal: [
      'Who can read your messages?',
      '? Choose one answer',
      '  [ ] Anyone who holds your unlocked device.',
      '  [ ] Nobody',
      '',
      'Not quite.',
      '✗ Nobody: Not quite; look again.',
      '',
      '? What would you like to do?',
      '  [ ] Try again',
      '  [ ] Show the answer',
      '  [ ] Save and stop for now',
      '? Choose one answer',
      '  [ ] Anyone who holds your unlocked device.',
      '  [ ] Nobody',
      '',
      'Right.',
      '✓ Anyone who holds your unlocked device.',
      '  Yes. An unlocked phone shows everything.',
      '',
    ],
    handout: ['Who can read your messages?', '', '- [ ] Anyone who holds your unlocked device.', '- [ ] Nobody', ''],
    slide: ['Who can read your messages?', '', '  A) Anyone who holds your unlocked device.', '  B) Nobody', '', 'Press a to show the answers.'],
  },
  {
    name: 'quiz: a single-choice quiz needs exactly one right answer',
    steps: '  - id: q\n    type: quiz\n    prompt: Which?\n    choices:\n      - id: a\n        label: A\n        correct: true\n        explain: x\n      - id: a\n        label: B\n        correct: true\n        explain: y\n',
    problems: ['9:13 duplicate-id choice id "a" is used twice in this quiz', '5:7 quiz-answers a single-choice quiz needs exactly one correct choice (found 2)'],
  },
  {
    name: 'checklist: long items wrap under their text, the echo is a count, the rest is named',
    steps: `  - id: todo
    type: checklist
    items:
      - id: pin
        text: Set a SIM PIN in Settings, Mobile data, SIM PIN, and write it down somewhere safe.
      - id: password
        text: Turn on the cloud password.
`,
    problems: [],
    answers: [['password']],
    terminal: [
      '? Tick what you have done',
      '  [ ] Set a SIM PIN in Settings, Mobile data, SIM PIN, and write it down somewhere safe.',
      '  [ ] Turn on the cloud password.',
      '',
      'Done: 1 of 2.',
      'The rest stays on your list. See it any time',
      'with: safestep progress tiny',
      '',
    ],
    handout: ['- [ ] Set a SIM PIN in Settings, Mobile data, SIM PIN, and write it down somewhere safe.', '- [ ] Turn on the cloud password.', ''],
    slide: ['  [ ] Set a SIM PIN in Settings, Mobile', '      data, SIM PIN, and write it down', '      somewhere safe.', '  [ ] Turn on the cloud password.'],
  },
  {
    name: 'checklist: item ids are unique',
    steps: '  - id: todo\n    type: checklist\n    items:\n      - id: x\n        text: One\n      - id: x\n        text: Two\n',
    problems: ['6:13 duplicate-id item id "x" is used twice in this checklist'],
  },
  {
    name: 'choice: the learner picks a branch',
    steps: `  - id: fork
    type: choice
    prompt: Which way?
    options:
      - id: left
        label: Left
        goto: done
      - id: right
        label: Right
        goto: nowhere
${ENDING}`,
    problems: ['10:15 unknown-target there is no step "nowhere" to go to'],
  },
  {
    name: 'choice: an option cannot lead back to its own step',
    steps: `  - id: fork
    type: choice
    prompt: Which way?
    options:
      - id: left
        label: Left
        goto: fork
      - id: right
        label: Right
        goto: done
${ENDING}`,
    problems: ['7:15 no-ending an option cannot go back to its own step'],
    answers: ['right'],
    terminal: ['? Which way?', '  [ ] Left', '  [ ] Right', ''],
    handout: ['Which way?', '', '- [ ] Left → see fork', '- [ ] Right → see done', ''],
    slide: ['Which way?', '', '  • Left', '  • Right'],
  },
  {
    name: 'choice: next and end belong to the options',
    steps: `  - id: fork
    type: choice
    prompt: Which way?
    next: done
    options:
      - id: left
        label: Left
        goto: done
      - id: right
        label: Right
        goto: done
${ENDING}`,
    problems: ['4:5 schema unknown field "next"'],
  },
  {
    name: 'check: runs a registered check when the learner agrees',
    steps: '  - id: scan\n    type: check\n    check: telegram-desktop-session\n    prompt: Look for Telegram.\n',
    problems: [],
    answers: ['skip'],
    terminal: [
      'Look for Telegram.',
      '(explains telegram-desktop-session)',
      '? Run this check now? It only reads, it changes nothing.',
      '  [ ] Yes, run it',
      '  [ ] Skip it',
      '  [ ] Save and stop for now',
      'Skipped. You can run it later with: safestep',
      'check telegram-desktop-session',
      '',
    ],
    handout: ['Look for Telegram.', '', 'On your own computer, run: `safestep check telegram-desktop-session`', ''],
    slide: ['Look for Telegram.', '', 'safestep check telegram-desktop-session'],
  },
  {
    name: 'check: unknown checks and options the check does not take',
    steps: '  - id: scan\n    type: check\n    check: mind-reader\n  - id: scan2\n    type: check\n    check: telegram-desktop-session\n    options:\n      shell: rm -rf /\n',
    problems: ['3:12 unknown-check there is no check "mind-reader"; known checks: telegram-desktop-session', '8:7 bad-check-options options for check "telegram-desktop-session": unknown field "shell"'],
  },
  {
    name: 'an unknown step type names the registered ones',
    steps: '  - id: one\n    type: video\n    body: Hi.\n',
    problems: [`2:11 unknown-step-type unknown step type; use one of: ${STEP_MODULES.map((m) => m.type).join(', ')}`],
  },
];

describe('step types', () => {
  it.each(rows)('$name', async (row) => {
    expect(await problemsOf(row.steps)).toEqual(row.problems);
    const step = first(row.steps);
    if (row.terminal) expect(await terminal(step, [...(row.answers ?? [])])).toEqual(row.terminal);
    if (row.handout) expect(handout(step).body).toEqual(row.handout);
    if (row.slide) expect(slide(step, false)).toEqual(row.slide);
  });

  it('speaks Russian in the terminal, the handout and on slides', async () => {
    const quiz = first(rows[2]!.steps);
    const text = (await terminal(quiz, ['a'], 'ru')).join('\n');
    expect(text).toContain('? Выберите один ответ');
    expect(text).toContain('Верно.');
    expect(handout(quiz, 'ru').html).toContain('один ответ');
    expect(slide(quiz, false, 'ru')).toContain('Нажмите a, чтобы показать ответы.');
    expect(await problemsOf(rows[3]!.steps, 'ru')).toContain('5:7 quiz-answers в вопросе с одним ответом нужен ровно один верный вариант (сейчас 2)');
  });

  it('puts quiz explanations in the answers section of a handout, and on a slide only when asked', () => {
    const quiz = first(rows[2]!.steps);
    expect(handout(quiz).answers).toEqual(['- ✓ **Anyone who holds your unlocked device.** Yes. An unlocked phone shows everything.', '- ✗ **Nobody**: Not quite; look again.', '']);
    expect(slide(quiz, true)).toEqual(expect.arrayContaining(['  ✓ Anyone who holds your unlocked device.', '     Yes. An unlocked phone shows']));
  });

  it('gives every step type a name in both languages and a schema for lessons and translations', () => {
    for (const m of STEP_MODULES) {
      expect(m.label.en, m.type).toMatch(/\w/);
      expect(m.label.ru, m.type).toMatch(/[а-яё]/i);
      expect(JSON.stringify(lessonSchema())).toContain(`"const":"${m.type}"`);
    }
  });

  it('ships schema files that match the registry (run npm run schema after changing a step type)', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'lesson.schema.json'), 'utf8'))).toEqual(lessonSchema());
    expect(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'translation.schema.json'), 'utf8'))).toEqual(translationSchema());
  });
});
