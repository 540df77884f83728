// Runs one check safely: a check that throws is reported as `error` and never
// takes the lesson or the audit down with it.
import type { Lang } from '../i18n/index.js';
import { format } from '../i18n/index.js';
import { checkLoaders } from '../../checks/index.js';
import type { Check, CheckContext, CheckResult, Finding } from './types.js';

export async function loadCheck(id: string): Promise<Check<unknown, Record<string, unknown>> | undefined> {
  const loader = checkLoaders[id];
  return loader ? (await loader()).default : undefined;
}

export async function executeCheck(
  check: Check<unknown, Record<string, unknown>>,
  ctx: CheckContext,
  options: Record<string, unknown> = {},
): Promise<CheckResult & { error?: string }> {
  try {
    const data = await check.gather(ctx, options);
    return check.evaluate(data, options);
  } catch (err) {
    return { status: 'error', findings: [], error: err instanceof Error ? err.message : String(err) };
  }
}

/** The text of a finding's message or fix in the user's language. */
export function findingText(check: Check<unknown, Record<string, unknown>>, key: string, finding: Finding, lang: Lang): string {
  const message = check.meta.messages[key];
  if (!message) return key;
  return format(message[lang] || message.en, finding.data ?? {});
}

/** Reports show the home folder as ~ so a report handed to a trainer does not carry the user's name. */
export function tildify(p: string, home: string): string {
  if (home && (p === home || p.startsWith(home.endsWith('/') || home.endsWith('\\') ? home : home + '/') || p.startsWith(home + '\\'))) {
    return '~' + p.slice(home.length);
  }
  return p;
}
