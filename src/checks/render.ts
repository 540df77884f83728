// Check results as plain, calm terminal text: what was found, why it matters,
// what to do, and where a lesson explains it.
import type { AuditResult } from '../audit/run.js';
import type { Lang, Translate } from '../i18n/index.js';
import { wrap } from '../text/markdown.js';
import { describeFinding, severityRank } from './format.js';
import type { Finding } from './types.js';
import { severityLabel, statusLabel } from '../i18n/labels.js';

export interface RenderOptions {
  lang: Lang;
  t: Translate;
  width: number;
  home: string;
  bold?: (s: string) => string;
  /** Lesson ids that exist here; other ids are not offered as `safestep learn`. */
  lessons?: ReadonlySet<string>;
}

export function findingLines(result: Pick<AuditResult, 'meta'>, finding: Finding, opts: RenderOptions, bullet = '  - '): string[] {
  const text = describeFinding(result.meta, finding, opts.lang, opts.home);
  const indent = ' '.repeat(bullet.length);
  const lines = wrap(`${severityLabel(finding.severity, opts.lang)}: ${text.message}`, opts.width, indent, bullet);
  if (text.fix) lines.push(...wrap(`${opts.t('check.whatToDo')} ${text.fix}`, opts.width, indent, indent));
  for (const lesson of text.lessons) if (!opts.lessons || opts.lessons.has(lesson)) lines.push(`${indent}${opts.t('check.learnMore', { id: lesson })}`);
  return lines;
}

export function renderCheckResult(result: AuditResult, opts: RenderOptions): string[] {
  const bold = opts.bold ?? ((s: string) => s);
  const { meta } = result;
  const title = result.status === 'pass' || result.status === 'not-applicable' ? meta.title[opts.lang] : meta.failureTitle[opts.lang];
  const lines = [bold(`${statusLabel(result.status, opts.lang)}: ${title}`)];
  if (result.status === 'error') lines.push(...wrap(opts.t(result.error?.kind === 'timeout' ? 'check.timedOut' : 'check.errored'), opts.width, '  ', '  '));
  const findings = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const f of findings) lines.push(...findingLines(result, f, opts));
  return lines;
}
