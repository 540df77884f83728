// Checklists are the actions a lesson asks for. Ticks are remembered, so a
// learner can come back after doing the rest on their phone; what is left is
// listed at the end of the lesson and by `safestep progress <lesson>`.
import { defineMessages } from '../../i18n/index.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderInline, renderMarkdown } from '../../text/markdown.js';
import { inlineHtml, markdownToHtml, mdInline } from '../../text/markdown-html.js';
import { wrap } from '../../text/width.js';
import { reportRepeatedIds } from './shared.js';
import type { StepBase, StepModule } from './types.js';

export interface ChecklistItem {
  id: string;
  text: string;
}

export interface ChecklistStep extends StepBase {
  type: 'checklist';
  body?: string;
  items: ChecklistItem[];
}

export const CHECKLIST = defineMessages('step.checklist', {
  tick: { en: 'Tick what you have done', ru: 'Отметьте то, что уже сделали' },
  summary: { en: 'Done: {done} of {total}.', ru: 'Сделано: {done} из {total}.' },
  later: { en: 'The rest stays on your list. See it any time with: {cmd} progress {id}', ru: 'Остальное останется в списке. Посмотреть его можно в любой момент: {cmd} progress {id}' },
  done: { en: 'What you have done:', ru: 'Что вы уже сделали:' },
  left: { en: 'Still on your list:', ru: 'Что осталось сделать:' },
  duplicateItem: { en: 'item id "{id}" is used twice in this checklist', ru: 'id пункта «{id}» встречается в этом чек-листе дважды' },
});

const DONE_MARK = '✓';
const OPEN_MARK = '☐';

export const checklistStep: StepModule<ChecklistStep> = {
  type: 'checklist',
  label: { en: 'checklist', ru: 'чек-лист' },
  schema: {
    required: ['items'],
    properties: {
      body: { $ref: '#/$defs/text' },
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { type: 'object', additionalProperties: false, required: ['id', 'text'], properties: { id: { $ref: '#/$defs/id' }, text: { $ref: '#/$defs/text' } } },
      },
    },
    translation: {
      body: { $ref: '#/$defs/text' },
      items: { type: 'object', propertyNames: { $ref: '#/$defs/id' }, additionalProperties: { $ref: '#/$defs/text' } },
    },
  },

  strings: (step) => [
    ...(step.body === undefined ? [] : [{ path: ['body'], source: step.body, set: (s: ChecklistStep, v: string) => void (s.body = v) }]),
    ...step.items.map((item, i) => ({ path: ['items', item.id], source: item.text, set: (s: ChecklistStep, v: string) => void (s.items[i]!.text = v) })),
  ],

  validate(step, v) {
    reportRepeatedIds(step.items, 'items', v, (id) => CHECKLIST.get('duplicateItem', v.lang, { id }));
  },

  async run(step, saved, env) {
    const m = CHECKLIST.text(env.lang);
    if (step.body) env.print(renderMarkdown(step.body, env.width, env.style));
    const before = new Set(saved?.ticked ?? []);
    const ticked = await env.prompter.checkbox(
      m('tick'),
      step.items.map((item) => ({ name: renderInline(item.text), value: item.id, checked: before.has(item.id) })),
      { echo: 'count' },
    );
    env.print();
    env.print(m('summary', { done: ticked.length, total: step.items.length }));
    if (ticked.length < step.items.length) env.print(wrap(m('later', { id: env.lessonId }), env.width).join('\n'));
    env.print();
    return { record: { done: true, ticked } };
  },

  summary(visited, env) {
    const m = CHECKLIST.text(env.lang);
    const item = (mark: string, text: string): string[] => wrap(renderInline(text, env.style), env.width, '    ', `  ${mark} `);
    const done = visited.flatMap(({ step, record }) => step.items.filter((i) => record.ticked?.includes(i.id)));
    const left = visited.flatMap(({ step, record }) => step.items.filter((i) => !record.ticked?.includes(i.id)));
    const out: string[] = [];
    if (done.length) out.push(env.style.bold(m('done')), ...done.flatMap((i) => item(DONE_MARK, i.text)));
    if (left.length) out.push(...(out.length ? [''] : []), env.style.bold(m('left')), ...left.flatMap((i) => item(OPEN_MARK, i.text)));
    return out;
  },

  pending: (step, saved) => step.items.filter((i) => !saved?.ticked?.includes(i.id)).map((i) => i.text),

  handoutHtml(step) {
    const body = [step.body ? markdownToHtml(step.body) : '', `<ul class="boxes">${step.items.map((i) => `<li><span class="box"></span>${inlineHtml(i.text)}</li>`).join('')}</ul>`];
    return { body: body.filter(Boolean).join('\n') };
  },

  handoutMarkdown(step) {
    return { body: [...(step.body ? [stripUnsafe(step.body).trim(), ''] : []), ...step.items.map((item) => `- [ ] ${mdInline(item.text)}`), ''] };
  },

  slide(step, s) {
    const out = step.body ? [...s.md(step.body), ''] : [];
    for (const item of step.items) out.push(...wrap(renderInline(item.text, s.style), s.width, '      ', '  [ ] '));
    return out;
  },

  preview(step, p) {
    const out = step.body ? p.md(step.body, '   ') : [];
    for (const item of step.items) out.push(...wrap(renderInline(item.text, p.style), p.width, '       ', '   [ ] '));
    return out;
  },
};
