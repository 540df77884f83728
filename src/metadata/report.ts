// Turning scan results into what `check metadata` prints: the JSON document
// of the issue, the exit code, and a plain-text report grouped by risk with
// a sentence on why each kind of metadata matters. Pure functions: the
// command decides where the text goes and whether it is coloured.
import { stripUnsafe } from '../sanitize.js';
import { categoryTitle, categoryWhy, errorText, severityLabel, SEVERITY_TEXT, skipText, type Lang } from './messages.js';
import { CATEGORIES, isRisky, isSkipped, type Category, type FileScan, type MetaFinding, type MetaSeverity, type SkippedFile } from './types.js';

/** A type alias, not an interface, so it also fits `Record<string, number>` message data. */
export type ScanSummary = {
  scanned: number;
  withFindings: number;
  skipped: number;
  errors: number;
};

export interface ScanJson {
  files: Array<{ path: string; format: string; findings: MetaFinding[]; error: string | null }>;
  summary: ScanSummary;
}

export function summarize(results: Iterable<FileScan | SkippedFile>): ScanSummary {
  const s: ScanSummary = { scanned: 0, withFindings: 0, skipped: 0, errors: 0 };
  for (const r of results) {
    if (isSkipped(r)) s.skipped++;
    else {
      s.scanned++;
      if (r.findings.length > 0) s.withFindings++;
      if (r.error) s.errors++;
    }
  }
  return s;
}

/** The `--json` document: scanned files with their findings; skipped files only counted. */
export function toJson(results: readonly (FileScan | SkippedFile)[]): ScanJson {
  const files: ScanJson['files'] = [];
  for (const r of results) {
    if (isSkipped(r)) continue;
    files.push({ path: r.path, format: r.format, findings: r.findings, error: r.error });
  }
  return { files, summary: summarize(results) };
}

/** 1 when any high or medium finding exists, else 0 (usage errors are the command's). */
export function exitCode(results: Iterable<FileScan | SkippedFile>): 0 | 1 {
  for (const r of results) if (!isSkipped(r) && r.findings.some(isRisky)) return 1;
  return 0;
}

const ORDER: readonly MetaSeverity[] = ['high', 'medium', 'low'];

export interface TextOptions {
  lang: Lang;
  /** Show the "why this matters" sentence once per category (default true). */
  explain?: boolean;
  /** Show low-risk findings (default true). */
  showLow?: boolean;
  /** How paths are shown (e.g. home as ~). */
  displayPath?: (path: string) => string;
}

const SUMMARY_TEXT = {
  en: (s: ScanSummary) => `${s.scanned} file(s) checked, ${s.withFindings} with metadata, ${s.skipped} skipped, ${s.errors} could not be read completely.`,
  ru: (s: ScanSummary) => `Проверено файлов: ${s.scanned}, с метаданными: ${s.withFindings}, пропущено: ${s.skipped}, прочитано не полностью: ${s.errors}.`,
};

const NOTHING = { en: 'No metadata found.', ru: 'Метаданные не найдены.' };
const SKIPPED = { en: 'Skipped', ru: 'Пропущено' };

/**
 * A plain-text report: for each risk level, each category with its
 * explanation, then the files and values. File values are sanitised again
 * here, so nothing from a file can move the cursor or reorder text.
 */
export function toText(results: readonly (FileScan | SkippedFile)[], opts: TextOptions): string {
  const lang = opts.lang;
  const show = opts.displayPath ?? ((p: string) => p);
  const lines: string[] = [];
  const groups = new Map<string, Array<{ path: string; f: MetaFinding }>>();
  for (const r of results) {
    if (isSkipped(r)) continue;
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
    lines.push(`${severityLabel(sev, lang)}: ${SEVERITY_TEXT[sev].advice[lang]}`);
    for (const c of cats) {
      lines.push(`  ${categoryTitle(c, lang)}`);
      if (opts.explain !== false) lines.push(`    ${categoryWhy(c, lang)}`);
      for (const { path, f } of groups.get(`${sev}:${c}`) ?? []) {
        const where = f.within ? ` (${stripUnsafe(f.within)})` : '';
        lines.push(`    ${stripUnsafe(show(path))}${where}: ${stripUnsafe(f.field)} = ${stripUnsafe(f.value)}`);
      }
    }
    lines.push('');
  }
  for (const r of results) {
    if (!isSkipped(r) && r.error) lines.push(`${stripUnsafe(show(r.path))}: ${errorText(r.error, lang)}`);
  }
  const skipped = results.filter(isSkipped);
  if (skipped.length > 0 && skipped.length <= 20) {
    for (const r of skipped) if (r.skipped !== 'unsupported') lines.push(`${SKIPPED[lang]}: ${stripUnsafe(show(r.path))}: ${skipText(r.skipped, lang)}`);
  }
  const s = summarize(results);
  if (groups.size === 0) lines.push(NOTHING[lang]);
  lines.push(SUMMARY_TEXT[lang](s));
  return lines.join('\n');
}
