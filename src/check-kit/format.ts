// Turning a finding (message id + data) into text for people: placeholders are
// filled from the finding's data, every value is stripped of control and bidi
// characters (file names are untrusted), and the home directory is shown as `~`
// so reports can be handed to someone else without naming the account.
import { SEVERITIES } from '../i18n/labels.js';
import { pick, type Bilingual as Message } from '../i18n/messages.js';
import { stripUnsafe } from '../sanitize.js';
import type { CheckMeta, CheckStatus, Finding, FindingData, Lang, Severity } from './types.js';

/** Severity order, most serious first. */
export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/**
 * Replaces the home directory prefix of a path (or of paths inside a longer
 * string) with `~`. Matching is case-insensitive on Windows-style homes.
 */
export function tildify(text: string, home: string): string {
  const trimmed = home.replace(/[\\/]+$/, '');
  if (trimmed.length < 2) return text;
  const windows = /^[A-Za-z]:\\/.test(trimmed) || trimmed.includes('\\');
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only at a path boundary: `/home/anna` must not eat `/home/annabel`.
  const pattern = new RegExp(`${escaped}(?=$|[\\\\/])`, windows ? 'gi' : 'g');
  return text.replace(pattern, '~');
}

export { format as fillPlaceholders } from '../i18n/index.js';

/** Finding data ready for one language: bilingual values picked, text cleaned, home shown as `~`. */
function cleanData(data: FindingData | undefined, lang: Lang, home: string | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!data) return out;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'number') {
      out[key] = value;
    } else {
      const safe = stripUnsafe(typeof value === 'string' ? value : value[lang]);
      out[key] = home ? tildify(safe, home) : safe;
    }
  }
  return out;
}

/** The text of one message of a check, in one language, with its data filled in. */
export function formatMessage(meta: Pick<CheckMeta, 'id' | 'messages'>, id: string, lang: Lang, data?: FindingData, home?: string): string {
  const table: Readonly<Record<string, Message>> = meta.messages.table;
  const entry = Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;
  if (!entry) return `${meta.id}: ${id}`;
  return pick(entry, lang, cleanData(data, lang, home));
}

export interface FindingText {
  severity: Severity;
  message: string;
  fix?: string;
  lessons: string[];
  /** Home shown as `~`, unsafe characters removed. */
  path?: string;
}

/** Everything a renderer needs to show one finding. Never contains key material: findings never carry any. */
export function describeFinding(meta: Pick<CheckMeta, 'id' | 'messages'>, finding: Finding<string>, lang: Lang, home: string): FindingText {
  const text: FindingText = {
    severity: finding.severity,
    message: formatMessage(meta, finding.message, lang, finding.data, home),
    lessons: [...(finding.lessons ?? [])],
  };
  if (finding.fix) text.fix = formatMessage(meta, finding.fix, lang, finding.data, home);
  if (finding.path) text.path = tildify(stripUnsafe(finding.path), home);
  return text;
}

/**
 * The status that follows from a list of findings: any high is a failure, any
 * medium or low a warning, info alone is a pass. Checks that need another
 * status (not-applicable, or a warning for an unknown state) set it themselves.
 */
export function statusFromFindings(findings: readonly Finding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'high')) return 'fail';
  if (findings.some((f) => f.severity === 'medium' || f.severity === 'low')) return 'warn';
  return 'pass';
}

/** Masks the local part of an e-mail address: `anna.k@mail.ru` -> `a…@mail.ru`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${address.slice(0, 1)}…${address.slice(at)}`;
}
