// A lesson can run a registered local check, never code of its own: the step
// names the check by id and passes options validated against the check's own
// schema. The learner is told what the check reads and is asked first.
import { defineMessages } from '../../i18n/index.js';
import { escapeHtml } from '../../html.js';
import { stripUnsafe } from '../../sanitize.js';
import { renderMarkdown } from '../../text/markdown.js';
import { markdownToHtml } from '../../text/markdown-html.js';
import { wrap } from '../../text/width.js';
import { STEPS } from './shared.js';
import type { StepBase, StepModule } from './types.js';

export interface CheckStep extends StepBase {
  type: 'check';
  check: string;
  prompt?: string;
  options?: Record<string, unknown>;
}

const M = defineMessages('step.check', {
  runNow: { en: 'Run this check now? It only reads, it changes nothing.', ru: 'Запустить проверку сейчас? Она только читает и ничего не меняет.' },
  run: { en: 'Yes, run it', ru: 'Да, запустить' },
  skip: { en: 'Skip it', ru: 'Пропустить' },
  skipped: { en: 'Skipped. You can run it later with: {cmd} check {id}', ru: 'Пропущено. Запустить позже: {cmd} check {id}' },
  onYourComputer: { en: 'On your own computer, run:', ru: 'На своём компьютере запустите:' },
  runsCheck: { en: 'runs the local check {id}', ru: 'запускает проверку {id}' },
  unknownCheck: { en: 'there is no check "{id}"; known checks: {known}', ru: 'проверки «{id}» нет; известные проверки: {known}' },
  badOptions: { en: 'options for check "{check}": {detail}', ru: 'параметры проверки «{check}»: {detail}' },
});

export const checkStep: StepModule<CheckStep> = {
  type: 'check',
  label: { en: 'check', ru: 'проверка' },
  schema: {
    required: ['check'],
    properties: {
      check: { $ref: '#/$defs/id', description: 'Id of a registered local check (see checks/index.ts).' },
      prompt: { $ref: '#/$defs/text' },
      options: { type: 'object', description: "Validated against the check's own options schema." },
    },
    translation: { prompt: { $ref: '#/$defs/text' } },
  },

  strings: (step) => (step.prompt === undefined ? [] : [{ path: ['prompt'], source: step.prompt, set: (s, v) => void (s.prompt = v) }]),

  async validate(step, v) {
    const schema = v.checks.get(step.check);
    if (!schema) {
      v.error(['check'], 'unknown-check', M.get('unknownCheck', v.lang, { id: step.check, known: [...v.checks.keys()].join(', ') }));
      return;
    }
    await v.schema(schema, step.options ?? {}, ['options'], (detail) => ({ code: 'bad-check-options', message: M.get('badOptions', v.lang, { check: step.check, detail }) }));
  },

  async run(step, _saved, env) {
    const m = M.text(env.lang);
    if (step.prompt) env.print(renderMarkdown(step.prompt, env.width, env.style));
    await env.explainCheck(step.check);
    const run = await env.prompter.select(m('runNow'), [
      { name: m('run'), value: 'run' },
      { name: m('skip'), value: 'skip' },
      { name: STEPS.get('saveQuit', env.lang), value: 'quit' },
    ]);
    if (run === 'quit') return { record: { done: false }, quit: true };
    if (run === 'run') await env.runCheck(step.check, step.options ?? {});
    else env.print(wrap(m('skipped', { id: step.check }), env.width).join('\n'));
    env.print();
    return { record: { done: true } };
  },

  handoutHtml(step, h) {
    const body = [step.prompt ? markdownToHtml(step.prompt) : '', `<p>${escapeHtml(M.get('onYourComputer', h.lang))} <code>safestep check ${escapeHtml(step.check)}</code></p>`];
    return { body: body.filter(Boolean).join('\n') };
  },

  handoutMarkdown(step, h) {
    return { body: [...(step.prompt ? [stripUnsafe(step.prompt).trim(), ''] : []), `${M.get('onYourComputer', h.lang)} \`safestep check ${step.check}\``, ''] };
  },

  slide(step, s) {
    return [...(step.prompt ? [...s.md(step.prompt), ''] : []), `safestep check ${step.check}`];
  },

  async preview(step, p) {
    const out = step.prompt ? p.md(step.prompt, '   ') : [];
    const options = Object.keys(step.options ?? {}).length ? ` ${JSON.stringify(step.options)}` : '';
    out.push(...wrap(stripUnsafe(`${M.get('runsCheck', p.lang, { id: step.check })}${options}`), p.width, '     ', '   '));
    for (const line of await p.checkReads(step.check)) out.push(...wrap(line, p.width, '       ', '     '));
    return out;
  },
};
