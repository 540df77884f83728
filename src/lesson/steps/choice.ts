// Branching scenarios and incident decision trees: the learner's answer decides
// which step comes next. The choice is stored (as an option id) so resuming
// follows the same branch.
import { defineMessages } from '../../i18n/index.js';
import { escapeHtml } from '../../html.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderInline, renderMarkdown } from '../../text/markdown.js';
import { inlineHtml, markdownToHtml, mdInline } from '../../text/markdown-html.js';
import { wrap } from '../../text/width.js';
import { reportRepeatedIds } from './shared.js';
import type { StepBase, StepModule } from './types.js';

export interface ChoiceOption {
  id: string;
  label: string;
  goto: string;
}

/** A choice never has `next` or `end` (the schema refuses them): its options decide. */
export interface ChoiceStep extends StepBase {
  type: 'choice';
  prompt: string;
  body?: string;
  options: ChoiceOption[];
}

const M = defineMessages('step.choice', {
  duplicateOption: { en: 'option id "{id}" is used twice in this choice', ru: 'id варианта «{id}» встречается в этом выборе дважды' },
  gotoSelf: { en: 'an option cannot go back to its own step', ru: 'вариант не может вести на свой же шаг' },
});

export const choiceStep: StepModule<ChoiceStep> = {
  type: 'choice',
  label: { en: 'choice', ru: 'выбор' },
  schema: {
    required: ['prompt', 'options'],
    properties: {
      prompt: { $ref: '#/$defs/text' },
      body: { $ref: '#/$defs/text' },
      options: {
        type: 'array',
        minItems: 2,
        maxItems: 8,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label', 'goto'],
          properties: { id: { $ref: '#/$defs/id' }, label: { $ref: '#/$defs/text' }, goto: { $ref: '#/$defs/id' } },
        },
      },
    },
    translation: {
      prompt: { $ref: '#/$defs/text' },
      body: { $ref: '#/$defs/text' },
      options: { type: 'object', propertyNames: { $ref: '#/$defs/id' }, additionalProperties: { $ref: '#/$defs/text' } },
    },
  },

  strings: (step) => [
    ...(step.body === undefined ? [] : [{ path: ['body'], source: step.body, set: (s: ChoiceStep, v: string) => void (s.body = v) }]),
    { path: ['prompt'], source: step.prompt, set: (s, v) => void (s.prompt = v) },
    ...step.options.map((o, i) => ({ path: ['options', o.id], source: o.label, set: (s: ChoiceStep, v: string) => void (s.options[i]!.label = v) })),
  ],

  validate(step, v) {
    reportRepeatedIds(step.options, 'options', v, (id) => M.get('duplicateOption', v.lang, { id }));
    step.options.forEach((o, j) => {
      if (!v.stepIds.has(o.goto)) v.error(['options', j, 'goto'], 'unknown-target', v.t('val.unknownTarget', { id: o.goto }));
      else if (o.goto === step.id) v.error(['options', j, 'goto'], 'no-ending', M.get('gotoSelf', v.lang));
    });
  },

  branches: (step) => step.options.map((o) => o.goto),
  taken: (step, saved) => step.options.find((o) => o.id === saved.chose)?.goto,

  async run(step, saved, env) {
    if (step.body) env.print(renderMarkdown(step.body, env.width, env.style));
    const picked = await env.prompter.select(
      renderInline(step.prompt),
      step.options.map((o) => ({ name: renderInline(o.label), value: o.id })),
      saved?.chose,
    );
    const option = step.options.find((o) => o.id === picked)!;
    env.print();
    return { record: { done: true, chose: option.id }, goto: option.goto };
  },

  handoutHtml(step, h) {
    const body = [
      step.body ? markdownToHtml(step.body) : '',
      markdownToHtml(step.prompt),
      `<ul class="boxes">${step.options.map((o) => `<li><span class="box"></span>${inlineHtml(o.label)} → ${escapeHtml(h.seeStep(o.goto))}</li>`).join('')}</ul>`,
    ];
    return { body: body.filter(Boolean).join('\n') };
  },

  handoutMarkdown(step, h) {
    return {
      body: [...(step.body ? [stripUnsafe(step.body).trim(), ''] : []), stripUnsafe(step.prompt).trim(), '', ...step.options.map((o) => `- [ ] ${mdInline(o.label)} → ${h.seeStep(o.goto)}`), ''],
    };
  },

  slide(step, s) {
    const out = step.body ? [...s.md(step.body), ''] : [];
    out.push(...s.md(step.prompt), '');
    for (const o of step.options) out.push(...wrap(renderInline(o.label, s.style), s.width, '    ', '  • '));
    return out;
  },

  preview(step, p) {
    const out = step.body ? p.md(step.body, '   ') : [];
    out.push(...p.md(step.prompt, '   '));
    for (const o of step.options) out.push(...wrap(`${renderInline(o.label, p.style)} → ${o.goto}`, p.width, '       ', '   • '));
    return out;
  },
};
