// Check results as plain, calm terminal text: what was found, why it matters,
// what to do, and where a lesson explains it. A result that is neither a pass
// nor a failure is titled by what was checked, never by the pass title: "Not
// checked on this computer: Disk encryption", not "…: The disk is encrypted".
import type { Lang, Translate } from '../i18n/index.js';
import { severityLabel, statusLabel } from '../i18n/labels.js';
import { defineMessages } from '../i18n/messages.js';
import { wrap } from '../text/markdown.js';
import { describeFinding, severityRank } from './format.js';
import type { CheckMeta, CheckStatus, Finding, Platform } from './types.js';

/** What a renderer needs from a finished check (the audit's results have this shape). */
export interface CheckOutcome {
  meta: CheckMeta;
  status: CheckStatus;
  findings: readonly Finding[];
  error?: { kind: 'timeout' | 'exception' };
}

export interface RenderOptions {
  lang: Lang;
  t: Translate;
  width: number;
  home: string;
  bold?: (s: string) => string;
  /** Lesson ids that exist here; other ids are not offered as `safestep learn`. */
  lessons?: ReadonlySet<string>;
}

/** The title that fits a status: the pass title, the failure title, or the neutral subject. */
export function resultTitle(outcome: Pick<CheckOutcome, 'meta' | 'status'>, lang: Lang): string {
  const { meta, status } = outcome;
  if (status === 'pass') return meta.title[lang];
  if (status === 'fail' || status === 'warn') return meta.failureTitle[lang];
  return meta.subject[lang];
}

export function findingLines(result: Pick<CheckOutcome, 'meta'>, finding: Finding, opts: RenderOptions, bullet = '  - '): string[] {
  const text = describeFinding(result.meta, finding, opts.lang, opts.home);
  const indent = ' '.repeat(bullet.length);
  const lines = wrap(`${severityLabel(finding.severity, opts.lang)}: ${text.message}`, opts.width, indent, bullet);
  if (text.fix) lines.push(...wrap(`${opts.t('check.whatToDo')} ${text.fix}`, opts.width, indent, indent));
  for (const lesson of text.lessons) if (!opts.lessons || opts.lessons.has(lesson)) lines.push(`${indent}${opts.t('check.learnMore', { id: lesson })}`);
  return lines;
}

export function renderCheckResult(result: CheckOutcome, opts: RenderOptions): string[] {
  const bold = opts.bold ?? ((s: string) => s);
  const lines = [bold(`${statusLabel(result.status, opts.lang)}: ${resultTitle(result, opts.lang)}`)];
  if (result.status === 'error') lines.push(...wrap(opts.t(result.error?.kind === 'timeout' ? 'check.timedOut' : 'check.errored'), opts.width, '  ', '  '));
  const findings = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const f of findings) lines.push(...findingLines(result, f, opts));
  return lines;
}

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

const WORDS = defineMessages('check-kit', {
  commands: { en: 'Commands it runs:', ru: 'Какие команды выполняет:' },
  withoutAdmin: { en: 'Without administrator rights:', ru: 'Без прав администратора:' },
});

/**
 * What a check reads on one platform (or on every platform it supports), as
 * `--explain` prints it: what is read, the exact commands, and what stays
 * unknown without administrator rights.
 */
export function renderExplain(meta: CheckMeta, platforms: readonly Platform[], opts: Pick<RenderOptions, 'lang' | 'width'>): string[] {
  const { lang, width } = opts;
  const lines: string[] = [];
  if (meta.explain.all) lines.push(...wrap(meta.explain.all[lang], width, '    ', '  - '));
  for (const platform of platforms) {
    const part = meta.explain[platform];
    if (!part || !meta.platforms.includes(platform)) continue;
    const label = platforms.length > 1 ? `${PLATFORM_NAMES[platform]}: ` : '';
    lines.push(...wrap(`${label}${part.reads[lang]}`, width, '    ', '  - '));
    if (part.commands?.length) {
      lines.push(`    ${WORDS.get('commands', lang)}`);
      // Wrapped with a deeper indent so a long command stays readable in 80 columns.
      for (const command of part.commands) lines.push(...wrap(command, width, '        ', '      '));
    }
    if (part.withoutAdmin) lines.push(...wrap(`${WORDS.get('withoutAdmin', lang)} ${part.withoutAdmin[lang]}`, width, '    ', '    '));
  }
  return lines;
}
