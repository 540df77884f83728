// The questionnaire file and the learner's saved answers. Answers are option
// ids only; they never leave this computer.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil/atomic.js';
import type { Translate } from '../i18n/index.js';
import type { Problem } from '../lesson/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Answers, PlanRules } from './rules.js';

export const PLAN_RULES_FILE = path.join(PACKAGE_ROOT, 'data', 'plan.yaml');

export async function loadPlanRules(t: Translate, file = PLAN_RULES_FILE): Promise<{ rules?: PlanRules; problems: Problem[] }> {
  const [{ readSource }, { compileSchema, schemaProblems }] = await Promise.all([import('../lesson/yaml-source.js'), import('../lesson/schema-check.js')]);
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const validate = await compileSchema('plan');
  if (!validate(source.value)) return { problems: schemaProblems(validate.errors ?? [], { file, doc: source.doc, lines: source.lines }, t) };
  return { rules: source.value as PlanRules, problems: [] };
}

export interface SavedPlan {
  format: 1;
  answers: Answers;
  created: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function planFile(dataDir: string): string {
  return path.join(dataDir, 'plan.json');
}

export async function readSavedPlan(dataDir: string): Promise<SavedPlan | null> {
  try {
    const raw = JSON.parse(await readFile(planFile(dataDir), 'utf8')) as SavedPlan;
    if (raw.format !== 1 || typeof raw.answers !== 'object' || raw.answers === null) return null;
    const answers: Answers = {};
    for (const [q, list] of Object.entries(raw.answers)) {
      if (ID.test(q) && Array.isArray(list)) answers[q] = list.filter((x): x is string => typeof x === 'string' && ID.test(x));
    }
    return { format: 1, answers, created: String(raw.created ?? '') };
  } catch {
    return null;
  }
}

export async function savePlan(dataDir: string, answers: Answers, now: Date): Promise<void> {
  await writeFileAtomic(planFile(dataDir), JSON.stringify({ format: 1, answers, created: now.toISOString() }, null, 1) + '\n');
}

export async function deleteSavedPlan(dataDir: string): Promise<void> {
  await rm(planFile(dataDir), { force: true });
}
