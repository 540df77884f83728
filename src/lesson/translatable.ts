// The single list of strings in a lesson that a translation must provide. The
// validator (what is missing) and the runtime (what to replace) both walk it, so
// they can never disagree about what "fully translated" means. Each step type
// names its own strings (src/lesson/steps/<type>.ts); the title is common.
import { stepModule, type Step } from './steps/index.js';
import type { Lesson, Translation } from './types.js';

export interface TranslatableString {
  /** Path inside the translation file, e.g. ['steps', 'why', 'body']. */
  path: (string | number)[];
  source: string;
  get(tr: Translation): string | undefined;
  set(lesson: Lesson, value: string): void;
}

/** The value at `path` in a parsed translation, if it is a string. */
function at(value: unknown, path: readonly string[]): string | undefined {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translatableStrings(lesson: Lesson): TranslatableString[] {
  const list: TranslatableString[] = [];
  for (const key of ['title', 'summary', 'audience', 'trainer_notes'] as const) {
    list.push({ path: [key], source: lesson[key], get: (tr) => tr[key], set: (l, v) => void (l[key] = v) });
  }
  lesson.objectives.forEach((source, i) => {
    list.push({ path: ['objectives', i], source, get: (tr) => tr.objectives?.[i], set: (l, v) => void (l.objectives[i] = v) });
  });
  lesson.steps.forEach((step, si) => list.push(...stepStrings(step, si)));
  return list;
}

function stepStrings(step: Step, si: number): TranslatableString[] {
  const stepAt = (l: Lesson): Step => l.steps[si]!;
  const title = step.title === undefined ? [] : [{ path: ['title'], source: step.title, set: (s: Step, v: string) => void (s.title = v) }];
  return [...title, ...stepModule(step).strings(step)].map((s) => ({
    path: ['steps', step.id, ...s.path],
    source: s.source,
    get: (tr) => at(tr.steps[step.id], s.path),
    set: (l, v) => s.set(stepAt(l), v),
  }));
}
