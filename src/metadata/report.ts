// Turning verdicts into what `check metadata` prints: the JSON document, the
// exit code, and a plain-text report: what was found, grouped by risk with a
// sentence on why each kind matters, then what was NOT checked, grouped by
// status with counts, types, reasons and what to do. Pure functions: the
// command decides where the text goes, how it wraps and whether it is coloured.
import { stripUnsafe } from '../sanitize.js';
import { categoryTitle, categoryWhy, M, reasonText, severityAdvice, severityLabel, statusTitle, statusTodo, typeLabel, type Lang } from './messages.js';
import { CATEGORIES, FILE_STATUSES, isRisky, type Category, type FileScan, type FileStatus, type MetaFinding, type MetaSeverity } from './types.js';

/** A type alias, not an interface, so it also fits `Record<string, number>` message data. */
export type ScanSummary = {
  total: number;
  checked: number;
  withFindings: number;
  notChecked: number;
  unsupported: number;
  unreadable: number;
  refused: number;
  error: number;
};

export interface ScanJson {
  files: Array<{ path: string; status: FileStatus; format: string; findings: MetaFinding[]; reason: string | null }>;
  summary: ScanSummary;
}

export function summarize(results: Iterable<FileScan>): ScanSummary {
  const s: ScanSummary = { total: 0, checked: 0, withFindings: 0, notChecked: 0, unsupported: 0, unreadable: 0, refused: 0, error: 0 };
  for (const r of results) {
    s.total++;
    if (r.findings.length > 0) s.withFindings++;
    if (r.status === 'checked') s.checked++;
    else {
      s.notChecked++;
      s[r.status]++;
    }
  }
  return s;
}

/** The `--json` document: every file with its verdict. */
export function toJson(results: readonly FileScan[]): ScanJson {
  const files = results.map((r) => ({ path: r.path, status: r.status, format: r.format, findings: r.findings, reason: r.reason }));
  return { files, summary: summarize(results) };
}

/** 1 when any high or medium finding exists OR any file could not be checked completely; else 0. */
export function exitCode(results: Iterable<FileScan>): 0 | 1 {
  for (const r of results) if (r.status !== 'checked' || r.findings.some(isRisky)) return 1;
  return 0;
}

const ORDER: readonly MetaSeverity[] = ['high', 'medium', 'low'];
const MAX_LISTED = 20;

export type Wrap = (text: string, width: number, indent: string, firstIndent: string) => string[];

export interface TextOptions {
  lang: Lang;
  /** Show the "why this matters" sentence once per category (default true). */
  explain?: boolean;
  /** Show low-risk findings (default true). */
  showLow?: boolean;
  /** How paths are shown (e.g. home as ~). */
  displayPath?: (path: string) => string;
  /** Line width and a wrapper; without them lines are not wrapped. */
  width?: number;
  wrap?: Wrap;
  /** Styles a heading (bold on a terminal). */
  heading?: (text: string) => string;
}

/** "psd ×2, text" for a group of files. */
function typeList(items: readonly FileScan[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const r of items) counts.set(typeLabel(r.format, lang), (counts.get(typeLabel(r.format, lang)) ?? 0) + 1);
  return [...counts].map(([t, n]) => (n > 1 ? `${stripUnsafe(t)} ×${n}` : stripUnsafe(t))).join(', ');
}

/**
 * A plain-text report. File values are sanitised again here, so nothing from
 * a file can move the cursor or reorder text.
 */
export function toText(results: readonly FileScan[], opts: TextOptions): string {
  const lang = opts.lang;
  const t = M.text(lang);
  const show = (p: string): string => stripUnsafe((opts.displayPath ?? ((x: string) => x))(p));
  const bold = opts.heading ?? ((x: string) => x);
  const lines: string[] = [];
  const put = (text: string, indent: string, first = indent): void => {
    if (opts.wrap && opts.width) lines.push(...opts.wrap(text, opts.width, indent, first));
    else lines.push(first + text);
  };

  const groups = new Map<string, Array<{ path: string; f: MetaFinding }>>();
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'low' && opts.showLow === false) continue;
      const key = `${f.severity}:${f.category}`;
      const list = groups.get(key) ?? [];
      list.push({ path: r.path, f });
      groups.set(key, list);
    }
  }
  for (const sev of ORDER) {
    const cats = CATEGORIES.filter((c: Category) => groups.has(`${sev}:${c}`));
    if (cats.length === 0) continue;
    lines.push(bold(t('severity.line', { label: severityLabel(sev, lang), advice: severityAdvice(sev, lang) })));
    for (const c of cats) {
      put(categoryTitle(c, lang), '  ');
      if (opts.explain !== false) put(categoryWhy(c, lang), '      ', '    ');
      for (const { path, f } of groups.get(`${sev}:${c}`) ?? []) {
        const where = f.within ? ` (${stripUnsafe(f.within)})` : '';
        put(`${show(path)}${where}: ${stripUnsafe(f.field)} = ${stripUnsafe(f.value)}`, '        ', '    - ');
      }
    }
    lines.push('');
  }

  const notChecked = results.filter((r) => r.status !== 'checked');
  if (notChecked.length > 0) {
    lines.push(bold(t('report.notChecked', { count: notChecked.length })));
    for (const status of FILE_STATUSES) {
      if (status === 'checked') continue;
      const items = notChecked.filter((r) => r.status === status);
      if (items.length === 0) continue;
      put(t('report.group', { status: statusTitle(status, lang), count: items.length, types: typeList(items, lang) }), '    ', '  ');
      for (const r of items.slice(0, MAX_LISTED)) {
        const why = r.reason ? reasonText(r.reason, lang) : '';
        put(`${show(r.path)} (${stripUnsafe(typeLabel(r.format, lang))}): ${why}`, '        ', '    - ');
      }
      if (items.length > MAX_LISTED) put(t('report.more', { count: items.length - MAX_LISTED }), '      ', '    ');
      put(statusTodo(status, lang), '      ', '    ');
    }
    lines.push('');
  }

  const s = summarize(results);
  const say = (text: string): void => put(text, '  ', '');
  if (results.length === 0) say(t('report.noFiles'));
  else if (groups.size === 0 && s.checked > 0) say(t('report.nothingFound'));
  say(t('report.summary', s));
  const risky = results.some((r) => r.findings.some(isRisky));
  if (risky) say(t('report.scrubHint'));
  else if (s.checked > 0) say(t('report.clean'));
  if (notChecked.length > 0 && !risky) say(t('report.cleanButNotAll'));
  return lines.join('\n');
}
