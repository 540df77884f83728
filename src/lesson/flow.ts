// Decision-tree lint: a lesson is a graph of steps. Every step must be reachable
// from the first, and every reachable step must be able to reach an ending
// (a step with `end: true`, or the last step falling off the end).
import { stepModule } from './steps/index.js';
import type { Step } from './types.js';

export interface FlowIssue {
  kind: 'unreachable' | 'no-ending' | 'falls-into-branch';
  stepIndex: number;
  /** For falls-into-branch: the branch start it runs into. */
  target?: string;
}

/** Where a step can go next; null stands for "the lesson ends here". */
export function successors(steps: readonly Step[], index: number, byId: ReadonlyMap<string, number>): (number | null)[] {
  const step = steps[index];
  if (!step) return [];
  // A target that does not exist is reported on its own; treating it as an ending
  // here keeps that one mistake from also showing up as a loop without exit.
  const branches = branchesOf(step);
  if (branches) {
    const targets = branches.map((id) => byId.get(id)).filter((i): i is number => i !== undefined);
    return targets.length > 0 ? targets : [null];
  }
  if (step.end) return [null];
  if (step.next !== undefined) {
    const target = byId.get(step.next);
    return target === undefined ? [null] : [target];
  }
  return [index + 1 < steps.length ? index + 1 : null];
}

/** The step ids a step branches to, or undefined for a step that runs on (next, end, the following step). */
export function branchesOf(step: Step): string[] | undefined {
  return stepModule(step).branches?.(step);
}

export function analyseFlow(steps: readonly Step[]): FlowIssue[] {
  const byId = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!byId.has(s.id)) byId.set(s.id, i);
  });
  const edges = steps.map((_, i) => successors(steps, i, byId));

  const reachable = new Set<number>();
  const queue = steps.length > 0 ? [0] : [];
  while (queue.length > 0) {
    const i = queue.pop()!;
    if (reachable.has(i)) continue;
    reachable.add(i);
    for (const next of edges[i] ?? []) if (next !== null) queue.push(next);
  }

  // Walk backwards from the endings to find every step that can still finish.
  const predecessors = steps.map(() => [] as number[]);
  const canEnd = new Set<number>();
  const backQueue: number[] = [];
  edges.forEach((targets, i) => {
    for (const t of targets) {
      if (t === null) {
        canEnd.add(i);
        backQueue.push(i);
      } else predecessors[t]!.push(i);
    }
  });
  while (backQueue.length > 0) {
    const i = backQueue.pop()!;
    for (const p of predecessors[i] ?? []) {
      if (!canEnd.has(p)) {
        canEnd.add(p);
        backQueue.push(p);
      }
    }
  }

  const issues: FlowIssue[] = [];
  steps.forEach((_, i) => {
    if (!reachable.has(i)) issues.push({ kind: 'unreachable', stepIndex: i });
    else if (!canEnd.has(i)) issues.push({ kind: 'no-ending', stepIndex: i });
  });

  // A branch that silently runs on into the start of a sibling branch is the classic tree bug.
  const branchStarts = new Map<string, number>();
  steps.forEach((s, i) => {
    for (const target of branchesOf(s) ?? []) if (byId.has(target)) branchStarts.set(target, i);
  });
  steps.forEach((s, i) => {
    const following = steps[i + 1];
    if (branchesOf(s) || s.end || s.next !== undefined || !following) return;
    const choiceIndex = branchStarts.get(following.id);
    if (choiceIndex !== undefined && choiceIndex !== i && reachable.has(i)) {
      issues.push({ kind: 'falls-into-branch', stepIndex: i, target: following.id });
    }
  });
  return issues;
}
