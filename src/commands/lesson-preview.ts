// `safestep lesson preview <file|id>`: the whole lesson on one page, every step,
// every branch and every quiz explanation, for reviewers and trainers.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { loadCheck } from '../../checks/index.js';
import { renderExplain } from '../check-kit/render.js';
import type { Lesson, Step } from '../lesson/types.js';
import { renderMarkdown, wrap, type Style } from '../runner/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import { openLesson } from './shared/lessons.js';
import { markdownStyle } from './shared/step-env.js';
import { levelLabel, topicLabel } from '../i18n/labels.js';

export async function previewLines(ctx: AppContext, lesson: Lesson, style: Style): Promise<string[]> {
  const { t } = ctx;
  const width = ctx.io.width;
  const md = (text: string, indent = ''): string[] =>
    renderMarkdown(text, width - indent.length, style)
      .split('\n')
      .map((l) => (l ? indent + l : l));
  const out: string[] = [];
  out.push(style.heading(stripUnsafe(lesson.title)), '');
  out.push(`${t('preview.id')}: ${lesson.id}  ·  ${t('preview.version')}: ${lesson.version}  ·  ${topicLabel(lesson.topic, ctx.lang)}  ·  ${levelLabel(lesson.level, ctx.lang)}  ·  ${t('lessons.minutes', { count: lesson.minutes })}`);
  out.push(`${t('preview.reviewed')}: ${lesson.reviewed}`);
  if (lesson.requires?.length) out.push(`${t('preview.requires')}: ${lesson.requires.join(', ')}`);
  out.push('', ...md(lesson.summary));
  out.push('', style.bold(t('preview.audience')), ...md(lesson.audience, '  '));
  out.push('', style.bold(t('runner.objectives')), ...md(lesson.objectives.map((o) => `- ${o}`).join('\n')));
  out.push('', style.bold(t('preview.trainerNotes')), ...md(lesson.trainer_notes, '  '));
  out.push('', style.bold(t('preview.sources')));
  for (const s of lesson.sources) out.push(...wrap(`[${s.id}] ${stripUnsafe(s.title)}, ${stripUnsafe(s.url)} (${t('preview.accessed')} ${s.accessed})`, width, '    ', '  '));

  for (const [i, step] of lesson.steps.entries()) {
    out.push('', style.dim('─'.repeat(Math.min(width, 60))));
    const title = step.title ? ` · ${stripUnsafe(step.title)}` : '';
    out.push(style.bold(`${i + 1}. [${step.id}] ${t(`steptype.${step.type}`)}${title}`));
    if (step.sources?.length) out.push(`   ${t('preview.backedBy')}: ${step.sources.join(', ')}`);
    out.push(...(await stepLines(ctx, step, md)));
    if (step.type !== 'choice') {
      if (step.end) out.push(`   ${t('preview.ends')}`);
      else if (step.next) out.push(`   → ${t('preview.next', { id: step.next })}`);
    }
  }
  return out;
}

async function stepLines(ctx: AppContext, step: Step, md: (text: string, indent?: string) => string[]): Promise<string[]> {
  const { t } = ctx;
  const out: string[] = [];
  switch (step.type) {
    case 'text':
      out.push(...md(step.body, '   '));
      if (step.contacts?.length) out.push(`   ${t('contacts.title')} ${step.contacts.join(', ')}`);
      break;
    case 'quiz':
      out.push(...md(step.prompt, '   '), `   (${t(step.multiple ? 'preview.multiple' : 'preview.single')})`);
      for (const c of step.choices) {
        out.push(...md(`${c.correct ? t('quiz.markRight') : t('quiz.markWrong')} **${c.label}**`, '   '));
        out.push(...md(c.explain, '       '));
      }
      break;
    case 'checklist':
      if (step.body) out.push(...md(step.body, '   '));
      for (const item of step.items) out.push(...wrap(stripUnsafe(item.text), ctx.io.width, '       ', '   [ ] '));
      break;
    case 'choice':
      if (step.body) out.push(...md(step.body, '   '));
      out.push(...md(step.prompt, '   '));
      for (const o of step.options) out.push(...wrap(`${stripUnsafe(o.label)} → ${o.goto}`, ctx.io.width, '       ', '   • '));
      break;
    case 'check': {
      if (step.prompt) out.push(...md(step.prompt, '   '));
      const check = await loadCheck(step.check);
      out.push(`   ${t('preview.runsCheck', { id: step.check })}${Object.keys(step.options ?? {}).length ? ` ${JSON.stringify(step.options)}` : ''}`);
      if (check) out.push(...renderExplain(check.meta, ['linux', 'darwin', 'win32'], { lang: ctx.lang, width: ctx.io.width - 3 }).map((l) => `   ${l}`));
      break;
    }
  }
  return out;
}

export default async function lessonPreview(ctx: AppContext, idOrFile: string): Promise<number> {
  const opened = await openLesson(ctx, idOrFile);
  const lines = await previewLines(ctx, opened.lesson, await markdownStyle(ctx));
  if (opened.missing > 0) lines.unshift(ctx.t('learn.partialTranslation', { count: opened.missing }), '');
  else if (opened.outdated) lines.unshift(ctx.t('learn.outdatedTranslation'), '');
  ctx.io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}
