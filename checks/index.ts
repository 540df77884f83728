// The sorted registry of local checks. Each entry loads its module lazily so
// start-up never pays for checks that do not run. Keep entries sorted by id;
// tests/checks/registry.test.ts fails when a file in checks/ is missing here.
import type { Check } from '../src/checks/types.js';

type Loader = () => Promise<{ default: Check<unknown, Record<string, unknown>> }>;

export const checkLoaders: Readonly<Record<string, Loader>> = {
  'telegram-desktop-session': () => import('./telegram-desktop-session.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
};

export const checkIds: readonly string[] = Object.keys(checkLoaders).sort();
