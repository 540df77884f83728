// `safestep export <ids...>|--plan <plan> --format html|md [--lang en|ru|en+ru] --out DIR`
// With a plan, four files: the lessons' handout, the trainer's copy of the plan,
// the one-page take-home summary and the anonymous feedback form.
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { translator } from '../i18n/index.js';
import { loadContacts } from '../contacts/load.js';
import { renderHandoutHtml, renderHandoutMarkdown, type HandoutLesson } from '../export/handout.js';
import { feedbackHtml, planHtml, sheetsMarkdown, takeHomeHtml } from '../export/workshop.js';
import { localize } from '../lesson/localize.js';
import { lessonIds as planLessons, textIn } from '../workshop/plan.js';
import type { PlanView } from '../workshop/view.js';
import { languageName } from '../i18n/names.js';
import { W } from '../workshop/messages.js';
import { openLesson } from './shared/lessons.js';
import { openWorkshop, type OpenedWorkshop } from './shared/workshop.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './export.cli.js';

type Options = OptionsOf<typeof spec>;

export default async function exportHandouts(ctx: AppContext, ids: string[], opts: Options): Promise<number> {
  if (opts.format !== 'html' && opts.format !== 'md') throw new SafestepError(ctx.t('export.badFormat', { format: opts.format }), EXIT_USAGE);
  const langs = ctx.langs;
  if (ids.length === 0 && !opts.plan) throw new SafestepError(ctx.t('export.what'), EXIT_USAGE, ctx.t('export.hint'));
  const country = opts.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new SafestepError(W.get('export.country', ctx.lang, { country: opts.country ?? '' }), EXIT_USAGE);
  let title = ctx.t('export.defaultTitle');
  let lessonIds = ids;
  let opened: OpenedWorkshop | undefined;
  if (opts.plan) {
    opened = await openWorkshop(ctx, opts.plan);
    // A language the plan has no text in would print its headings over the other language's text.
    const missing = langs.filter((l) => !opened!.plan.languages.includes(l));
    if (missing.length > 0) {
      const names = (codes: readonly string[]): string => codes.map((c) => languageName(c, ctx.lang)).join(', ');
      throw new SafestepError(W.get('export.planLangs', ctx.lang, { have: names(opened.plan.languages), missing: names(missing), codes: opened.plan.languages.join('+') }), EXIT_USAGE);
    }
    title = textIn(opened.plan.title, langs[0]!, opened.plan);
    lessonIds = [...new Set([...ids, ...planLessons(opened.plan)])];
  }
  // The output folder first: a place that cannot hold it fails at once, before any lesson is read.
  const out = path.resolve(opts.out);
  await ensureDir(out);
  const handouts: HandoutLesson[] = [];
  for (const id of lessonIds) {
    // openLesson validates once and refuses lessons with errors; it also returns every translation.
    const lesson = await openLesson(ctx, id);
    for (const lang of langs) {
      handouts.push({ lesson: localize(lesson.source, lesson.translations[lang], lang).lesson, lang, t: translator(lang) });
    }
  }
  const contacts = opened?.contacts ?? (await loadContacts(ctx.t)).contacts;
  const options = { title, trainer: Boolean(opts.trainerNotes), answers: Boolean(opts.withAnswers), contacts, date: ctx.now().toISOString().slice(0, 10) };
  const md = opts.format === 'md';
  const ext = md ? 'md' : 'html';
  const base = (opened ? opened.id : lessonIds.length === 1 ? lessonIds[0]! : 'lessons') + `.${langs.join('+')}`;
  const file = path.join(out, `${base}.${ext}`);
  await writeFileAtomic(file, md ? renderHandoutMarkdown(handouts, options) : renderHandoutHtml(handouts, options));
  ctx.io.stdout.write(ctx.t(md ? 'export.writtenMd' : 'export.written', { file, count: lessonIds.length }) + '\n');
  if (opened) {
    const views: PlanView[] = langs.map((lang) => opened!.view(lang));
    const set = { views, contacts, ...(country ? { country } : {}), date: options.date };
    const sheets = md ? sheetsMarkdown(set) : { plan: planHtml(set), takeHome: takeHomeHtml(set), feedback: feedbackHtml(set) };
    const names = { plan: 'plan', takeHome: 'take-home', feedback: 'feedback' } as const;
    for (const key of ['plan', 'takeHome', 'feedback'] as const) {
      const sheet = path.join(out, `${opened.id}.${names[key]}.${langs.join('+')}.${ext}`);
      await writeFileAtomic(sheet, sheets[key]);
      ctx.io.stdout.write(W.get(`export.${key}`, ctx.lang, { file: sheet }) + '\n');
    }
  }
  return EXIT_OK;
}
