// A page of light Markdown: explanations, stories, endings. Incident endings
// can name help-directory contacts, shown as cards after the text.
import { defineMessages } from '../../i18n/index.js';
import { escapeHtml } from '../../html.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderMarkdown } from '../../text/markdown.js';
import { markdownToHtml, mdInline } from '../../text/markdown-html.js';
import { STEPS } from './shared.js';
import type { StepBase, StepModule } from './types.js';

export interface TextStep extends StepBase {
  type: 'text';
  body: string;
  /** Help directory ids shown after the text (incident endings). */
  contacts?: string[];
}

const M = defineMessages('step.text', {
  ready: { en: 'Ready?', ru: 'Готовы?' },
  continue: { en: 'Continue', ru: 'Дальше' },
  end: { en: 'This is the end of the lesson.', ru: 'Это конец урока.' },
  finish: { en: 'Finish', ru: 'Завершить' },
  unknownContact: { en: 'there is no contact "{id}" in data/contacts.yaml', ru: 'в data/contacts.yaml нет контакта «{id}»' },
});

export const textStep: StepModule<TextStep> = {
  type: 'text',
  label: { en: 'text', ru: 'текст' },
  schema: {
    required: ['body'],
    properties: {
      body: { $ref: '#/$defs/text' },
      contacts: { type: 'array', items: { $ref: '#/$defs/id' }, uniqueItems: true, description: 'Ids from data/contacts.yaml, shown as help contacts after the text.' },
    },
    translation: { body: { $ref: '#/$defs/text' } },
  },

  strings: (step) => [{ path: ['body'], source: step.body, set: (s, v) => void (s.body = v) }],

  validate(step, v) {
    if (!v.contactIds) return;
    step.contacts?.forEach((id, j) => {
      if (!v.contactIds!.has(id)) v.error(['contacts', j], 'unknown-contact', M.get('unknownContact', v.lang, { id }));
    });
  },

  async run(step, _saved, env) {
    const m = M.text(env.lang);
    env.print(renderMarkdown(step.body, env.width, env.style));
    env.print();
    if (step.contacts?.length) await env.showContacts(step.contacts);
    const next = await env.prompter.select(m(step.end ? 'end' : 'ready'), [
      { name: m(step.end ? 'finish' : 'continue'), value: 'next' },
      { name: STEPS.get('saveQuit', env.lang), value: 'quit' },
    ]);
    return next === 'quit' ? { record: { done: false }, quit: true } : { record: { done: true } };
  },

  handoutHtml(step, h) {
    const parts = [markdownToHtml(step.body)];
    for (const id of step.contacts ?? []) {
      const c = h.contact(id);
      if (c?.shownIn) parts.push(`<div class="contact"><strong>${escapeHtml(c.name)}</strong> (${escapeHtml(c.shownIn)})</div>`);
      else if (c) parts.push(`<div class="contact"><strong>${escapeHtml(c.name)}</strong><br>${escapeHtml(c.what)}<br>${escapeHtml(h.t('contacts.reach'))} ${escapeHtml(c.reach)}</div>`);
    }
    return { body: parts.join('\n') };
  },

  handoutMarkdown(step, h) {
    const out = [stripUnsafe(step.body).trim(), ''];
    for (const id of step.contacts ?? []) {
      const c = h.contact(id);
      if (c?.shownIn) out.push(`> **${mdInline(c.name)}** (${c.shownIn})`, '');
      else if (c) out.push(`> **${mdInline(c.name)}**: ${mdInline(c.what)} ${h.t('contacts.reach')} ${mdInline(c.reach)}`, '');
    }
    return { body: out };
  },

  // The room sees who can help and how to reach them; the rest is on the printed handout.
  slide: (step, s) => [
    ...s.md(step.body),
    ...(step.contacts ?? []).flatMap((id) => {
      const c = s.contact(id);
      return c ? ['', ...s.md(`**${c.name}**`), ...s.md(c.reach)] : [];
    }),
  ],

  preview(step, p) {
    const out = p.md(step.body, '   ');
    if (step.contacts?.length) out.push(`   ${p.t('contacts.title')} ${step.contacts.join(', ')}`);
    return out;
  },
};
