import path from 'node:path';
import type { AppContext } from '../../context.js';
import { EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../../errors.js';
import { loadWorkshopPlan, type WorkshopPlan } from '../../workshop/plan.js';
import type { LessonSummary } from '../../lesson/catalog.js';
import { formatProblem } from '../lesson-validate.js';
import { catalog } from './lessons.js';

/** Loads and checks a plan; problems are printed as file:line:col lines and become exit 1. */
export async function openWorkshop(ctx: AppContext, file: string): Promise<{ plan: WorkshopPlan; lessons: LessonSummary[]; minutes: Map<string, number> }> {
  const { lessons } = await catalog(ctx);
  const minutes = new Map(lessons.map((l) => [l.id, l.minutes] as const));
  const { plan, problems } = await loadWorkshopPlan(path.resolve(file), ctx.t, minutes);
  if (!plan) {
    // A plan that cannot be read at all is an input error (exit 2); a plan with mistakes in it is a problem found (exit 1).
    if (problems.length > 0 && problems.every((p) => p.code === 'file-unreadable')) {
      throw new SafestepError(problems.map((p) => formatProblem(p, process.cwd())).join('\n'), EXIT_USAGE);
    }
    const lines = problems.map((p) => formatProblem(p, process.cwd()));
    throw new SafestepError(lines.join('\n'), EXIT_PROBLEMS, ctx.t('workshop.fix'));
  }
  return { plan, lessons, minutes };
}
