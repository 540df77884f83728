// `safestep lesson preview <file|id>`: the whole lesson on one page, every step,
// every branch and every quiz explanation, for reviewers and trainers.
import type { AppContext } from '../context.js';
import { EXIT_OK } from '../errors.js';
import { loadCheck } from '../../checks/index.js';
import { renderExplain } from '../check-kit/render.js';
import { stepModule } from '../lesson/steps/index.js';
import type { PreviewContext } from '../lesson/steps/types.js';
import type { Lesson } from '../lesson/types.js';
import { renderMarkdown, wrap, type Style } from '../text/markdown.js';
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
  out.push(...wrap(stripUnsafe(lesson.title), width).map((l) => style.heading(l)), '');
  out.push(...wrap(`${t('preview.id')}: ${lesson.id}  ·  ${t('preview.version')}: ${lesson.version}  ·  ${topicLabel(lesson.topic, ctx.lang)}  ·  ${levelLabel(lesson.level, ctx.lang)}  ·  ${t('lessons.minutes', { count: lesson.minutes })}`, width, '  ', ''));
  out.push(`${t('preview.reviewed')}: ${lesson.reviewed}`);
  if (lesson.requires?.length) out.push(...wrap(`${t('preview.requires')}: ${lesson.requires.join(', ')}`, width, '  ', ''));
  out.push('', ...md(lesson.summary));
  out.push('', style.bold(t('preview.audience')), ...md(lesson.audience, '  '));
  out.push('', style.bold(t('runner.objectives')), ...md(lesson.objectives.map((o) => `- ${o}`).join('\n')));
  out.push('', style.bold(t('preview.trainerNotes')), ...md(lesson.trainer_notes, '  '));
  out.push('', style.bold(t('preview.sources')));
  for (const s of lesson.sources) out.push(...wrap(`[${s.id}] ${stripUnsafe(s.title)}, ${stripUnsafe(s.url)} (${t('preview.accessed')} ${s.accessed})`, width, '    ', '  '));

  const steps: PreviewContext = {
    t,
    lang: ctx.lang,
    style,
    width,
    md,
    async checkReads(id) {
      const check = await loadCheck(id);
      return check ? renderExplain(check.meta, ['linux', 'darwin', 'win32'], { lang: ctx.lang, width: width - 7 }) : [];
    },
  };
  for (const [i, step] of lesson.steps.entries()) {
    const module = stepModule(step);
    out.push('', style.dim('─'.repeat(Math.min(width, 60))));
    const title = step.title ? ` · ${stripUnsafe(step.title)}` : '';
    out.push(...wrap(`${i + 1}. [${step.id}] ${module.label[ctx.lang]}${title}`, width, '   ', '').map((l) => style.bold(l)));
    if (step.sources?.length) out.push(...wrap(`${t('preview.backedBy')}: ${step.sources.join(', ')}`, width, '   ', '   '));
    out.push(...(await module.preview(step, steps)));
    if (step.end) out.push(`   ${t('preview.ends')}`);
    else if (step.next) out.push(`   → ${t('preview.next', { id: step.next })}`);
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
