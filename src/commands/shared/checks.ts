// Running checks for commands: the real context, the audit runner (timeouts,
// errors contained), and what to print.
import os from 'node:os';
import type { AppContext } from '../../context.js';
import { createCheckContext } from '../../checks/context.js';
import type { CheckContext } from '../../checks/types.js';
import { catalog } from './lessons.js';

export function checkContext(ctx: AppContext, paths: readonly string[] = []): CheckContext {
  return createCheckContext({ env: ctx.env, paths, ...(ctx.env.HOME ? { home: ctx.env.HOME } : {}) });
}

export function homeOf(ctx: AppContext): string {
  return ctx.env.HOME ?? os.homedir();
}

/** Lesson ids installed here, so findings only point at lessons that exist. */
export async function lessonIds(ctx: AppContext): Promise<Set<string>> {
  return new Set((await catalog(ctx)).lessons.map((l) => l.id));
}
