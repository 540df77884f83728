// The plans safestep ships: lessons/workshops/<id>.yaml. Lesson loading looks
// only for lesson.yaml files, so these never appear in the lesson catalogue.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_LESSONS } from '../paths.js';

export const SHIPPED_WORKSHOPS = path.join(SHIPPED_LESSONS, 'workshops');

/** Ids of the shipped plans, in the order a trainer meets them (the file's order number, then the name). */
export function shippedPlanIds(dir = SHIPPED_WORKSHOPS): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/.test(n))
    .map((n) => n.replace(/\.yaml$/, ''))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
}

/** The shipped plans in the order the trainers' guide describes them. */
const ORDER = ['first-evening', 'before-a-trip-to-russia', 'phone-clinic', 'talking-with-relatives', 'money-abroad', 'for-organisers'];

export function shippedPlanFile(id: string, dir = SHIPPED_WORKSHOPS): string {
  return path.join(dir, `${id}.yaml`);
}
