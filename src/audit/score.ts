// The audit score, in the spirit of Lynis' hardening index (points earned /
// points possible) with Lighthouse-style weighting by how serious each
// problem is.
//
// - Every check that ran and applies here is worth CHECK_POINTS (10).
// - A check loses points by the severity of its worst finding: high 10,
//   medium 5, low 2, info 0. Findings do not add up inside a check (three
//   unprotected keys are one problem to fix, and one check never outweighs
//   the others), so each check earns 0, 5, 8 or 10.
// - A check that says `warn` loses at least 2 points and one that says `fail`
//   all 10, even if its findings are milder: the status is the check's verdict.
// - A check that could not run (`error`) earns 0 of its 10: an unknown state
//   is never counted as a pass.
// - `not-applicable` checks (wrong platform, container, no desktop) are left
//   out of both sums.
// score = round(100 × earned / possible). Everything clean gives 100. With no
// applicable check at all there is nothing to score and the score is null.
import type { CheckMeta, Finding, Severity, Topic } from '../check-kit/types.js';
import { severityRank } from '../check-kit/format.js';
import type { AuditResult } from './run.js';

export const CHECK_POINTS = 10;
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = { high: 10, medium: 5, low: 2, info: 0 };
const MIN_PENALTY = { warn: 2, fail: CHECK_POINTS } as const;

/** Points one check earned out of CHECK_POINTS; null when it does not count. */
export function checkPoints(result: Pick<AuditResult, 'status' | 'findings'>): number | null {
  switch (result.status) {
    case 'not-applicable':
      return null;
    case 'error':
      return 0;
    case 'pass':
      return CHECK_POINTS;
    case 'warn':
    case 'fail': {
      const worst = result.findings.reduce((max, f) => Math.max(max, SEVERITY_PENALTY[f.severity]), 0);
      return CHECK_POINTS - Math.min(CHECK_POINTS, Math.max(worst, MIN_PENALTY[result.status]));
    }
  }
}

export interface ScorePart {
  score: number | null;
  earned: number;
  possible: number;
}

export interface ScoreBreakdown extends ScorePart {
  /** Checks counted in the score. */
  counted: number;
  /** Checks left out as not applicable. */
  excluded: number;
  /** Checks that could not run (counted as 0). */
  errors: number;
  byTopic: Partial<Record<Topic, ScorePart>>;
}

function part(earned: number, possible: number): ScorePart {
  return { earned, possible, score: possible === 0 ? null : Math.round((100 * earned) / possible) };
}

export function scoreBreakdown(results: readonly AuditResult[]): ScoreBreakdown {
  let earned = 0;
  let possible = 0;
  let counted = 0;
  let excluded = 0;
  let errors = 0;
  const topics = new Map<Topic, { earned: number; possible: number }>();
  for (const result of results) {
    const points = checkPoints(result);
    if (points === null) {
      excluded++;
      continue;
    }
    counted++;
    if (result.status === 'error') errors++;
    earned += points;
    possible += CHECK_POINTS;
    const topic = topics.get(result.meta.topic) ?? { earned: 0, possible: 0 };
    topic.earned += points;
    topic.possible += CHECK_POINTS;
    topics.set(result.meta.topic, topic);
  }
  const byTopic: Partial<Record<Topic, ScorePart>> = {};
  for (const [topic, sums] of topics) byTopic[topic] = part(sums.earned, sums.possible);
  return { ...part(earned, possible), counted, excluded, errors, byTopic };
}

/** 0-100, or null when no check applied. */
export function scoreResults(results: readonly AuditResult[]): number | null {
  return scoreBreakdown(results).score;
}

export interface NextStep {
  checkId: string;
  meta: CheckMeta;
  finding: Finding;
}

/**
 * The most useful things to do next. A "thing" is one kind of problem of one
 * check (check id + message): the most serious finding of each kind first, by
 * severity, then the order of the checks. Three unprotected keys are one thing
 * to do, so further findings of a kind only fill up when there are fewer kinds
 * than asked for. Info findings are never steps.
 */
export function nextSteps(results: readonly AuditResult[], count = 3): NextStep[] {
  const candidates: (NextStep & { order: number })[] = [];
  results.forEach((result, order) => {
    if (result.status !== 'fail' && result.status !== 'warn') return;
    for (const finding of result.findings) {
      if (finding.severity === 'info') continue;
      candidates.push({ checkId: result.id, meta: result.meta, finding, order });
    }
  });
  candidates.sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.order - b.order);
  const firstOfKind: typeof candidates = [];
  const more: typeof candidates = [];
  const kinds = new Set<string>();
  for (const c of candidates) {
    const kind = `${c.checkId}\0${c.finding.message}`;
    if (kinds.has(kind)) more.push(c);
    else {
      kinds.add(kind);
      firstOfKind.push(c);
    }
  }
  return [...firstOfKind, ...more].slice(0, Math.max(0, count)).map(({ checkId, meta, finding }) => ({ checkId, meta, finding }));
}
