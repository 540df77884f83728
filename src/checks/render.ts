// Check results as plain, calm text: what was found, why it matters, what to do.
import type { Lang, Translate } from '../i18n/index.js';
import { wrap } from '../runner/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import { findingText, tildify } from './execute.js';
import type { Check, CheckResult, Severity } from './types.js';

const ORDER: Severity[] = ['high', 'medium', 'low', 'info'];

export function renderCheckResult(
  check: Check<unknown, Record<string, unknown>>,
  result: CheckResult & { error?: string },
  opts: { lang: Lang; t: Translate; width: number; home: string; bold?: (s: string) => string },
): string[] {
  const { lang, t, width } = opts;
  const bold = opts.bold ?? ((s: string) => s);
  const lines: string[] = [];
  const title = result.status === 'pass' || result.status === 'not-applicable' ? check.meta.title[lang] : check.meta.failureTitle[lang];
  lines.push(bold(`${t(`status.${result.status}`)}: ${title}`));
  if (result.status === 'error') lines.push(...wrap(t('check.errored', { reason: stripUnsafe(result.error ?? '') }), width, '  ', '  '));
  const findings = [...result.findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  for (const f of findings) {
    const data = Object.fromEntries(
      Object.entries(f.data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? stripUnsafe(tildify(v, opts.home)) : v]),
    );
    const shown = { ...f, data };
    lines.push(...wrap(`${t(`severity.${f.severity}`)}: ${findingText(check, f.message, shown, lang)}`, width, '    ', '  - '));
    if (f.fix) lines.push(...wrap(`${t('check.whatToDo')} ${findingText(check, f.fix, shown, lang)}`, width, '    ', '    '));
    for (const lesson of f.lessons ?? []) lines.push(`    ${t('check.learnMore', { id: lesson })}`);
  }
  return lines;
}
