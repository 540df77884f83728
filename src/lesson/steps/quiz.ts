// Quizzes teach rather than test: every choice has its own explanation, a wrong
// answer can be retried, and only the first attempt counts as "correct".
import { defineMessages } from '../../i18n/index.js';
import { escapeHtml } from '../../html.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderInline, renderMarkdown } from '../../text/markdown.js';
import { inlineHtml, markdownToHtml, mdInline } from '../../text/markdown-html.js';
import { labelled } from '../../text/typography.js';
import { wrap } from '../../text/width.js';
import { answerMark, reportRepeatedIds, STEPS } from './shared.js';
import type { StepBase, StepEnv, StepModule } from './types.js';

export interface QuizChoice {
  id: string;
  label: string;
  correct?: boolean;
  explain: string;
}

export interface QuizStep extends StepBase {
  type: 'quiz';
  prompt: string;
  /** Several answers are right; the learner ticks all that apply. */
  multiple?: boolean;
  choices: QuizChoice[];
}

export const QUIZ = defineMessages('step.quiz', {
  pickOne: { en: 'Choose one answer', ru: 'Выберите один ответ' },
  pickAll: { en: 'Tick every answer that is right', ru: 'Отметьте все верные ответы' },
  right: { en: 'Right.', ru: 'Верно.' },
  notQuite: { en: 'Not quite.', ru: 'Не совсем.' },
  whatNow: { en: 'What would you like to do?', ru: 'Что дальше?' },
  retry: { en: 'Try again', ru: 'Попробовать ещё раз' },
  showAnswer: { en: 'Show the answer', ru: 'Показать ответ' },
  score: { en: 'Questions answered right the first time: {right} of {total}.', ru: 'Верных ответов с первой попытки: {right} из {total}.' },
  single: { en: 'one answer', ru: 'один ответ' },
  multiple: { en: 'several answers', ru: 'несколько ответов' },
  revealHint: { en: 'Press a to show the answers.', ru: 'Нажмите a, чтобы показать ответы.' },
  duplicateChoice: { en: 'choice id "{id}" is used twice in this quiz', ru: 'id ответа «{id}» встречается в этом вопросе дважды' },
  needsOne: {
    en: { one: 'a single-choice quiz needs exactly one correct choice (found {count})', other: 'a single-choice quiz needs exactly one correct choice (found {count})' },
    ru: { one: 'в вопросе с одним ответом нужен ровно один верный вариант (сейчас {count})', few: 'в вопросе с одним ответом нужен ровно один верный вариант (сейчас {count})', many: 'в вопросе с одним ответом нужен ровно один верный вариант (сейчас {count})', other: 'в вопросе с одним ответом нужен ровно один верный вариант (сейчас {count})' },
  },
  needsSome: { en: 'a multiple-choice quiz needs at least one correct choice', ru: 'в вопросе с несколькими ответами нужен хотя бы один верный вариант' },
});

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** "✓ The label. Why it is right", wrapped under the mark. */
function explain(choice: QuizChoice, env: StepEnv): void {
  const text = labelled(renderInline(choice.label, env.style), renderInline(choice.explain, env.style), env.style.bold);
  env.print(wrap(text, env.width, '  ', `${answerMark(choice.correct)} `).join('\n'));
}

export const quizStep: StepModule<QuizStep> = {
  type: 'quiz',
  label: { en: 'quiz', ru: 'вопрос' },
  schema: {
    required: ['prompt', 'choices'],
    properties: {
      prompt: { $ref: '#/$defs/text' },
      multiple: { type: 'boolean', description: 'true: several answers are correct and the learner ticks all that apply.' },
      choices: {
        type: 'array',
        minItems: 2,
        maxItems: 8,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label', 'explain'],
          properties: {
            id: { $ref: '#/$defs/id' },
            label: { $ref: '#/$defs/text' },
            correct: { type: 'boolean' },
            explain: { $ref: '#/$defs/text', description: 'Why this choice is right or wrong; shown after answering.' },
          },
        },
      },
    },
    translation: {
      prompt: { $ref: '#/$defs/text' },
      choices: {
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        additionalProperties: { type: 'object', additionalProperties: false, properties: { label: { $ref: '#/$defs/text' }, explain: { $ref: '#/$defs/text' } } },
      },
    },
  },

  strings: (step) => [
    { path: ['prompt'], source: step.prompt, set: (s, v) => void (s.prompt = v) },
    ...step.choices.flatMap((c, i) =>
      (['label', 'explain'] as const).map((key) => ({ path: ['choices', c.id, key], source: c[key], set: (s: QuizStep, v: string) => void (s.choices[i]![key] = v) })),
    ),
  ],

  validate(step, v) {
    reportRepeatedIds(step.choices, 'choices', v, (id) => QUIZ.get('duplicateChoice', v.lang, { id }));
    const correct = step.choices.filter((c) => c.correct).length;
    if (step.multiple ? correct < 1 : correct !== 1) {
      v.error(['choices'], 'quiz-answers', QUIZ.get(step.multiple ? 'needsSome' : 'needsOne', v.lang, { count: correct }));
    }
  },

  async run(step, saved, env) {
    const m = QUIZ.text(env.lang);
    env.print(renderMarkdown(step.prompt, env.width, env.style));
    const right = step.choices.filter((c) => c.correct).map((c) => c.id);
    const choices = step.choices.map((c) => ({ name: renderInline(c.label), value: c.id }));
    // A wrong first attempt stays wrong even if the learner stopped and came back.
    let firstTry: boolean | undefined = saved?.correct;
    for (;;) {
      const picked = step.multiple ? await env.prompter.checkbox(m('pickAll'), choices, { echo: 'count' }) : [await env.prompter.select(m('pickOne'), choices)];
      const correct = sameSet(picked, right);
      firstTry ??= correct;
      env.print();
      env.print(env.style.bold(correct ? m('right') : m('notQuite')));
      // Explain what the learner chose, and in multiple choice also what they missed.
      for (const choice of step.choices.filter((c) => picked.includes(c.id) || (step.multiple && c.correct))) explain(choice, env);
      env.print();
      if (correct) break;
      const next = await env.prompter.select(m('whatNow'), [
        { name: m('retry'), value: 'retry' },
        { name: m('showAnswer'), value: 'show' },
        { name: STEPS.get('saveQuit', env.lang), value: 'quit' },
      ]);
      if (next === 'quit') return { record: { done: false, correct: firstTry }, quit: true };
      if (next === 'show') {
        for (const choice of step.choices.filter((c) => c.correct)) explain(choice, env);
        env.print();
        break;
      }
    }
    return { record: { done: true, correct: firstTry ?? false } };
  },

  summary(visited, env) {
    const answered = visited.filter((x) => x.record.done);
    if (answered.length === 0) return [];
    const right = answered.filter((x) => x.record.correct).length;
    return wrap(QUIZ.get('score', env.lang, { right, total: answered.length }), env.width);
  },

  handoutHtml(step, h) {
    const body = [
      markdownToHtml(step.prompt),
      `<p class="small">${escapeHtml(QUIZ.get(step.multiple ? 'multiple' : 'single', h.lang))}</p>`,
      `<ul class="boxes">${step.choices.map((c) => `<li><span class="box"></span>${inlineHtml(c.label)}</li>`).join('')}</ul>`,
    ].join('\n');
    const answers = `<ul>${step.choices.map((c) => `<li>${answerMark(c.correct)} ${labelled(inlineHtml(c.label), inlineHtml(c.explain), (l) => `<strong>${l}</strong>`)}</li>`).join('')}</ul>`;
    return { body, answers };
  },

  handoutMarkdown(step) {
    return {
      body: [stripUnsafe(step.prompt).trim(), '', ...step.choices.map((c) => `- [ ] ${mdInline(c.label)}`), ''],
      answers: [...step.choices.map((c) => `- ${answerMark(c.correct)} ${labelled(mdInline(c.label), mdInline(c.explain), (l) => `**${l}**`)}`), ''],
    };
  },

  slide(step, s) {
    const out = [...s.md(step.prompt), ''];
    step.choices.forEach((c, i) => {
      const mark = s.answers ? answerMark(c.correct) : String.fromCharCode(65 + i) + ')';
      out.push(...wrap(renderInline(c.label, s.style), s.width, '     ', `  ${mark} `));
      if (s.answers) out.push(...wrap(renderInline(c.explain, s.style), s.width, '     ', '     '));
    });
    if (!s.answers) out.push('', s.style.dim(QUIZ.get('revealHint', s.lang)));
    return out;
  },

  preview(step, p) {
    const out = [...p.md(step.prompt, '   '), `   (${QUIZ.get(step.multiple ? 'multiple' : 'single', p.lang)})`];
    for (const c of step.choices) {
      out.push(...p.md(`${answerMark(c.correct)} **${c.label}**`, '   '));
      out.push(...p.md(c.explain, '       '));
    }
    return out;
  },
};
