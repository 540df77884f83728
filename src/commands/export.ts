// `safestep export <ids...>|--plan <plan> --format html|md [--lang en|ru|en+ru] --out DIR`
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { translator } from '../i18n/index.js';
import { loadContacts } from '../contacts/load.js';
import { renderHandoutHtml, renderHandoutMarkdown, type HandoutLesson } from '../export/handout.js';
import { localize } from '../lesson/localize.js';
import { openLesson } from './shared/lessons.js';
import { openWorkshop } from './shared/workshop.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './export.cli.js';

type Options = OptionsOf<typeof spec>;


export default async function exportHandouts(ctx: AppContext, ids: string[], opts: Options): Promise<number> {
  if (opts.format !== 'html' && opts.format !== 'md') throw new SafestepError(ctx.t('export.badFormat', { format: opts.format }), EXIT_USAGE);
  const langs = ctx.langs;
  if (ids.length === 0 && !opts.plan) throw new SafestepError(ctx.t('export.what'), EXIT_USAGE, ctx.t('export.hint'));
  let title = ctx.t('export.defaultTitle');
  let lessonIds = ids;
  if (opts.plan) {
    const { plan } = await openWorkshop(ctx, opts.plan);
    title = plan.title;
    lessonIds = [...ids, ...plan.agenda.flatMap((i) => ('lesson' in i ? [i.lesson] : []))];
  }
  // The output folder first: a place that cannot hold it fails at once, before any lesson is read.
  const out = path.resolve(opts.out);
  await ensureDir(out);
  const handouts: HandoutLesson[] = [];
  for (const id of lessonIds) {
    // openLesson validates once and refuses lessons with errors; it also returns every translation.
    const opened = await openLesson(ctx, id);
    for (const lang of langs) {
      handouts.push({ lesson: localize(opened.source, opened.translations[lang], lang).lesson, lang, t: translator(lang) });
    }
  }
  const { contacts } = await loadContacts(ctx.t);
  const options = { title, trainer: Boolean(opts.trainer), contacts, date: ctx.now().toISOString().slice(0, 10) };
  const base = (opts.plan ? path.basename(opts.plan).replace(/\.ya?ml$/i, '') : lessonIds.length === 1 ? lessonIds[0]! : 'lessons') + `.${langs.join('+')}`;
  const file = path.join(out, `${base}.${opts.format === 'html' ? 'html' : 'md'}`);
  await writeFileAtomic(file, opts.format === 'html' ? renderHandoutHtml(handouts, options) : renderHandoutMarkdown(handouts, options));
  ctx.io.stdout.write(ctx.t(opts.format === 'html' ? 'export.written' : 'export.writtenMd', { file, count: lessonIds.length }) + '\n');
  return EXIT_OK;
}
