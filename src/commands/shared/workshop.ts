// Finding and opening workshop plans: a shipped plan's id or a plan file.
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import { loadWorkshopPlan, planLang, type WorkshopPlan } from '../../workshop/plan.js';
import { W } from '../../workshop/messages.js';
import { shippedPlanFile, shippedPlanIds } from '../../workshop/shipped.js';
import { closestIds, type LessonSummary } from '../../lesson/catalog.js';
import { loadContacts, type Contact } from '../../contacts/load.js';
import { formatProblem } from '../lesson-validate.js';
import { catalog, isFile } from './lessons.js';
import { titleOf } from '../lessons.js';
import { planView, type PlanView } from '../../workshop/view.js';

/** A plan file (anything that looks like a path, or names a file), else a shipped plan's id. */
export async function resolvePlan(ctx: AppContext, arg: string): Promise<{ file: string; id?: string }> {
  if (/[\\/]|\.ya?ml$/i.test(arg) || (await isFile(arg))) return { file: path.resolve(arg) };
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
  /** The help directory, for the plan's contacts and its lessons'. */
  contacts: Contact[];
  /** The plan as shown in `lang`, with its lessons' titles. */
  view(lang: Lang): PlanView;
}

/** What every plan is checked against: the lesson catalogue and the help directory, read once per command. */
export interface WorkshopSources {
  lessons: LessonSummary[];
  minutes: Map<string, number>;
  contacts: Contact[];
  /** Known contact ids; absent when the directory has problems, so no plan is told its contacts are unknown. */
  contactIds?: Set<string>;
}

export async function workshopSources(ctx: AppContext): Promise<WorkshopSources> {
  const { lessons } = await catalog(ctx);
  const { contacts, problems } = await loadContacts(ctx.t);
  return {
    lessons,
    minutes: new Map(lessons.map((l) => [l.id, l.minutes] as const)),
    contacts,
    ...(problems.length === 0 ? { contactIds: new Set(contacts.map((c) => c.id)) } : {}),
  };
}

/** Loads and checks a plan; problems are printed as file:line:col lines and become exit 1. */
export async function openWorkshop(ctx: AppContext, arg: string, sources?: WorkshopSources): Promise<OpenedWorkshop> {
  const { file, id } = await resolvePlan(ctx, arg);
  const { lessons, minutes, contacts, contactIds } = sources ?? (await workshopSources(ctx));
  const { plan, problems } = await loadWorkshopPlan(file, ctx.t, minutes, { lang: ctx.lang, ...(contactIds ? { contactIds } : {}) });
  if (!plan) {
    // A plan that cannot be read at all is an input error (exit 2); a plan with mistakes in it is a problem found (exit 1).
    if (problems.length > 0 && problems.every((p) => p.code === 'file-unreadable')) {
      throw new SafestepError(problems.map((p) => formatProblem(p, process.cwd())).join('\n'), EXIT_USAGE);
    }
    const lines = problems.map((p) => formatProblem(p, process.cwd()));
    throw new SafestepError(lines.join('\n'), EXIT_PROBLEMS, ctx.t('workshop.fix'));
  }
  // Shipped plans are known by id; a file is named by the path the trainer gave.
  const ref = id ?? arg;
  const view = (lang: Lang): PlanView => planView(plan, ref, lang, minutes, (lid, l) => titleOf(lessons.find((x) => x.id === lid)!, l));
  return { plan, lessons, minutes, file, id: id ?? path.basename(file).replace(/\.ya?ml$/i, ''), shipped: Boolean(id), lang: planLang(plan, ctx.lang), contacts, view };
}
