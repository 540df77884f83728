// Running checks for commands: the real context, the audit runner (timeouts,
// errors contained), and what to print.
import os from 'node:os';
import type { AppContext } from '../../context.js';
import { createCheckContext } from '../../check-kit/context.js';
import type { CheckContext, CheckInput } from '../../check-kit/types.js';
import type { Prompter } from '../../prompter.js';
import { catalog } from './lessons.js';

/** The real context; with a prompter, interactive checks can ask the user (hidden for secrets). */
export function checkContext(ctx: AppContext, paths: readonly string[] = [], prompter?: Prompter): CheckContext {
  const base = createCheckContext({ env: ctx.env, paths, ...(ctx.env.HOME ? { home: ctx.env.HOME } : {}) });
  if (!prompter) return base;
  const input: CheckInput = {
    secret: (prompt) => prompter.password(prompt[ctx.lang]),
    path: async (prompt) => (await prompter.input(prompt[ctx.lang])).trim(),
  };
  return { ...base, input };
}

export function homeOf(ctx: AppContext): string {
  return ctx.env.HOME ?? os.homedir();
}

/** Lesson ids installed here, so findings only point at lessons that exist. */
export async function lessonIds(ctx: AppContext): Promise<Set<string>> {
  return new Set((await catalog(ctx)).lessons.map((l) => l.id));
}
