// Finding and opening workshop plans: a shipped plan's id or a plan file.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import { loadWorkshopPlan, planLang, type WorkshopPlan } from '../../workshop/plan.js';
import { W } from '../../workshop/messages.js';
import { shippedPlanFile, shippedPlanIds } from '../../workshop/shipped.js';
import { closestIds, type LessonSummary } from '../../lesson/catalog.js';
import { loadContacts } from '../../contacts/load.js';
import { formatProblem } from '../lesson-validate.js';
import { catalog } from './lessons.js';

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** A plan file (anything that looks like a path, or names a file), else a shipped plan's id. */
export async function resolvePlan(ctx: AppContext, arg: string): Promise<{ file: string; id?: string }> {
  if (/[\\/]|\.ya?ml$/i.test(arg) || (await exists(arg))) return { file: path.resolve(arg) };
  const ids = shippedPlanIds();
  if (ids.includes(arg)) return { file: shippedPlanFile(arg), id: arg };
  const m = W.text(ctx.lang);
  const near = closestIds(arg, ids);
  throw new SafestepError(m('plan.unknown', { id: arg }), EXIT_USAGE, near.length > 0 ? m('plan.didYouMean', { ids: near.join(', ') }) : m('plan.seeList'));
}

export interface OpenedWorkshop {
  plan: WorkshopPlan;
  lessons: LessonSummary[];
  minutes: Map<string, number>;
  file: string;
  /** The shipped plan's id, or the file's name without .yaml. */
  id: string;
  /** Shipped plans are known by id; a file is named by the path the trainer gave. */
  shipped: boolean;
  /** The language the plan is shown in. */
  lang: Lang;
}

/** Loads and checks a plan; problems are printed as file:line:col lines and become exit 1. */
export async function openWorkshop(ctx: AppContext, arg: string): Promise<OpenedWorkshop> {
  const { file, id } = await resolvePlan(ctx, arg);
  const { lessons } = await catalog(ctx);
  const minutes = new Map(lessons.map((l) => [l.id, l.minutes] as const));
  const { contacts } = await loadContacts(ctx.t);
  const { plan, problems } = await loadWorkshopPlan(file, ctx.t, minutes, { lang: ctx.lang, ...(contacts.length ? { contactIds: new Set(contacts.map((c) => c.id)) } : {}) });
  if (!plan) {
    // A plan that cannot be read at all is an input error (exit 2); a plan with mistakes in it is a problem found (exit 1).
    if (problems.length > 0 && problems.every((p) => p.code === 'file-unreadable')) {
      throw new SafestepError(problems.map((p) => formatProblem(p, process.cwd())).join('\n'), EXIT_USAGE);
    }
    const lines = problems.map((p) => formatProblem(p, process.cwd()));
    throw new SafestepError(lines.join('\n'), EXIT_PROBLEMS, ctx.t('workshop.fix'));
  }
  return { plan, lessons, minutes, file, id: id ?? path.basename(file).replace(/\.ya?ml$/i, ''), shipped: Boolean(id), lang: planLang(plan, ctx.lang) };
}
