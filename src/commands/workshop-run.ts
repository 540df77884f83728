// `safestep workshop run <plan>`: presenter mode for a projector.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { translator } from '../i18n/index.js';
import type { Lesson } from '../lesson/types.js';
import { contactName } from '../contacts/load.js';
import { present } from '../workshop/presenter.js';
import { buildSlides, type PresenterState } from '../workshop/slides.js';
import { timeline } from '../workshop/plan.js';
import { openLesson } from './shared/lessons.js';
import { markdownStyle } from './shared/step-env.js';
import { wrap } from '../text/width.js';
import { openWorkshop } from './shared/workshop.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './workshop-run.cli.js';

type Options = OptionsOf<typeof spec>;

function stateFile(ctx: AppContext, plan: string): string {
  const key = createHash('sha256').update(path.resolve(plan)).digest('hex').slice(0, 16);
  return path.join(ctx.paths.dataDir, 'workshops', `${key}.json`);
}

async function readState(file: string): Promise<PresenterState> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as PresenterState;
    const spent: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw.spent ?? {})) if (/^\d+$/.test(k) && typeof v === 'number') spent[k] = v;
    return { slide: Number.isInteger(raw.slide) ? raw.slide : 0, spent };
  } catch {
    return { slide: 0, spent: {} };
  }
}

export default async function workshopRun(ctx: AppContext, planFile: string, opts: Options): Promise<number> {
  const { plan, minutes, file: resolved, lang, contacts: directory } = await openWorkshop(ctx, planFile);
  if (!ctx.io.canPrompt) throw new SafestepError(ctx.t('presenter.needsTerminal'), EXIT_USAGE, ctx.t('presenter.hint', { plan: planFile }));
  // The room reads the language asked for when the plan has it, else the plan's first.
  const roomCtx = { ...ctx, lang, t: translator(lang) };
  const lessons = new Map<string, Lesson>();
  for (const item of plan.agenda) if ('lesson' in item && !lessons.has(item.lesson)) lessons.set(item.lesson, (await openLesson(roomCtx, item.lesson)).lesson);
  const file = stateFile(ctx, resolved);
  const state = opts.restart ? { slide: 0, spent: {} } : await readState(file);
  const { items } = timeline(plan, minutes);
  const contacts = new Map(directory.map((c) => [c.id, c]));
  const end = await present({
    io: ctx.io,
    t: roomCtx.t,
    lang,
    style: await markdownStyle(ctx),
    slides: buildSlides(plan.agenda, lessons, lang),
    planned: items.map((i) => i.minutes),
    state,
    save: (s) => writeFileAtomic(file, JSON.stringify(s) + '\n'),
    contact: (id) => {
      const c = contacts.get(id);
      return c && { name: contactName(c, lang), reach: c.reach[lang] };
    },
  });
  // In the room's language, like everything presenter mode showed.
  ctx.io.stdout.write(wrap(roomCtx.t(end === 'finished' ? 'presenter.done' : 'presenter.paused', { plan: planFile }), ctx.io.width).join('\n') + '\n');
  return EXIT_OK;
}
