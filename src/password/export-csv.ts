// Audit of a password manager's CSV export: weak passwords and passwords reused across
// entries, reported by entry name, site and username only. Passwords are estimated in
// memory and never copied into the result; parse errors carry positions, never cell
// contents.
//
// Formats (detected from the header row when not given):
//   bitwarden  folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
//   keepassxc  "Group","Title","Username","Password","URL","Notes"[,"TOTP","Icon","Last Modified","Created"]
//   1password  Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes (1Password 8)
//   chrome     name,url,username,password[,note] (also Edge, Brave and other Chromium browsers)
//   firefox    "url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"

import { estimatePassword, type PatternId, type Score } from './estimate.js';

// ---------------------------------------------------------------------------------
// RFC 4180 parser

export type CsvErrorCode =
  | 'unterminated-quote'
  | 'bare-quote'
  | 'text-after-quote'
  | 'field-count'
  | 'empty'
  | 'unknown-format'
  | 'missing-column';

export interface CsvError {
  readonly code: CsvErrorCode;
  /** Line in the file, 1-based (a quoted field may span lines). 0 when not tied to a line. */
  readonly row: number;
  /** Character in that line, 1-based. 0 when not tied to a position. */
  readonly column: number;
  /** English description; never contains cell contents. */
  readonly message: string;
}

export interface CsvRecord {
  /** Line on which the record starts, 1-based. */
  readonly row: number;
  readonly fields: readonly string[];
}

const ERROR_TEXT: Record<CsvErrorCode, string> = {
  'unterminated-quote': 'a quoted field is never closed',
  'bare-quote': 'a quote character inside an unquoted field',
  'text-after-quote': 'text after the closing quote of a field',
  'field-count': 'this row has a different number of fields than the header',
  empty: 'the file has no header row',
  'unknown-format': 'the header does not match a known export format',
  'missing-column': 'the header lacks a column this format needs',
};

const csvError = (code: CsvErrorCode, row: number, column: number): CsvError => ({ code, row, column, message: ERROR_TEXT[code] });

/** Stop collecting errors after this many: the file is clearly not a valid export. */
const MAX_ERRORS = 20;

/**
 * Parses CSV as RFC 4180 describes: comma-separated fields, CRLF (or LF, or CR)
 * between records, fields optionally in double quotes, "" for a quote inside quotes,
 * line breaks allowed inside quotes. A leading byte order mark is ignored, blank lines
 * are skipped. Malformed input yields errors with positions; parsing goes on so that
 * all problems (up to 20) are reported at once.
 */
export function parseCsv(input: string): { records: CsvRecord[]; errors: CsvError[] } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  const report = (code: CsvErrorCode, row: number, column: number): void => {
    if (errors.length < MAX_ERRORS) errors.push(csvError(code, row, column));
  };
  let line = 1;
  let col = 1;
  let fields: string[] = [];
  let field = '';
  let recordRow = 1;
  let atFieldStart = true;
  let recordEmpty = true;
  let k = 0;
  const endField = (): void => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = (): void => {
    if (!(recordEmpty && fields.length === 0 && field === '')) {
      endField();
      records.push({ row: recordRow, fields });
    }
    fields = [];
    field = '';
    atFieldStart = true;
    recordEmpty = true;
  };
  const newline = (): void => {
    // CRLF counts once
    if (text.charAt(k) === '\r' && text.charAt(k + 1) === '\n') k += 1;
    k += 1;
    line += 1;
    col = 1;
  };
  while (k < text.length) {
    const ch = text.charAt(k);
    if (atFieldStart && recordEmpty && fields.length === 0) recordRow = line;
    if (ch === '"' && atFieldStart) {
      // quoted field
      const openRow = line;
      const openCol = col;
      recordEmpty = false;
      atFieldStart = false;
      k += 1;
      col += 1;
      let closed = false;
      while (k < text.length) {
        const c = text.charAt(k);
        if (c === '"') {
          if (text.charAt(k + 1) === '"') {
            field += '"';
            k += 2;
            col += 2;
            continue;
          }
          k += 1;
          col += 1;
          closed = true;
          break;
        }
        if (c === '\r' || c === '\n') {
          field += c === '\r' && text.charAt(k + 1) === '\n' ? '\r\n' : c;
          newline();
          continue;
        }
        field += c;
        k += 1;
        col += 1;
      }
      if (!closed) {
        report('unterminated-quote', openRow, openCol);
        endRecord();
        break;
      }
      // after the closing quote: separator, line break or end of input
      const next = text.charAt(k);
      if (k < text.length && next !== ',' && next !== '\r' && next !== '\n') {
        report('text-after-quote', line, col);
        // skip to the end of this field
        while (k < text.length && text.charAt(k) !== ',' && text.charAt(k) !== '\r' && text.charAt(k) !== '\n') {
          field += text.charAt(k);
          k += 1;
          col += 1;
        }
      }
      continue;
    }
    if (ch === ',') {
      recordEmpty = false;
      endField();
      k += 1;
      col += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      newline();
      continue;
    }
    if (ch === '"') report('bare-quote', line, col);
    recordEmpty = false;
    atFieldStart = false;
    field += ch;
    k += 1;
    col += 1;
  }
  endRecord();
  return { records, errors };
}

// ---------------------------------------------------------------------------------
// Formats

export type ExportFormat = 'bitwarden' | 'keepassxc' | '1password' | 'chrome' | 'firefox';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['bitwarden', 'keepassxc', '1password', 'chrome', 'firefox'];

interface FormatSpec {
  /** Columns the format must have (lower case), each a list of accepted names. */
  readonly required: readonly (readonly string[])[];
  readonly name: readonly string[];
  readonly site: readonly string[];
  readonly username: readonly string[];
  readonly password: readonly string[];
  /** Optional column whose value must be `value` for a row to be a login (Bitwarden's type). */
  readonly loginType?: { readonly column: string; readonly value: string };
  /** Columns whose presence identifies the format. */
  readonly marks: readonly string[];
}

const SPECS: Record<ExportFormat, FormatSpec> = {
  bitwarden: {
    required: [['name'], ['login_uri'], ['login_username'], ['login_password']],
    name: ['name'],
    site: ['login_uri'],
    username: ['login_username'],
    password: ['login_password'],
    loginType: { column: 'type', value: 'login' },
    marks: ['login_password'],
  },
  firefox: {
    required: [['url'], ['username'], ['password']],
    name: [],
    site: ['url'],
    username: ['username'],
    password: ['password'],
    marks: ['guid', 'httprealm', 'formactionorigin'],
  },
  keepassxc: {
    required: [['title'], ['username'], ['password'], ['url']],
    name: ['title'],
    site: ['url'],
    username: ['username'],
    password: ['password'],
    marks: ['group'],
  },
  chrome: {
    required: [['name'], ['url'], ['username'], ['password']],
    name: ['name'],
    site: ['url'],
    username: ['username'],
    password: ['password'],
    marks: ['name'],
  },
  '1password': {
    required: [['title'], ['url', 'website'], ['username'], ['password']],
    name: ['title'],
    site: ['url', 'website'],
    username: ['username'],
    password: ['password'],
    marks: ['title'],
  },
};

/** Detection order: most specific header first. */
const DETECTION_ORDER: readonly ExportFormat[] = ['bitwarden', 'firefox', 'keepassxc', 'chrome', '1password'];

const normaliseHeader = (h: string): string => h.trim().toLowerCase();

function hasRequired(spec: FormatSpec, header: readonly string[]): boolean {
  return spec.required.every((names) => names.some((n) => header.includes(n)));
}

/** The export format whose header this is, or null. */
export function detectFormat(headerFields: readonly string[]): ExportFormat | null {
  const header = headerFields.map(normaliseHeader);
  for (const format of DETECTION_ORDER) {
    const spec = SPECS[format];
    if (hasRequired(spec, header) && spec.marks.some((m) => header.includes(m))) return format;
  }
  return null;
}

// ---------------------------------------------------------------------------------
// Audit

export interface AuditEntry {
  /** Entry number among the logins of the export, 1-based. */
  readonly index: number;
  /** Line of the file where the entry starts. */
  readonly row: number;
  readonly name: string;
  /** Host name of the entry's URL ("mail.google.com"), or "" when there is none. */
  readonly site: string;
  readonly username: string;
  /** null when the entry has no password. */
  readonly score: Score | null;
  /** Why the password is weak (pattern ids only, nothing from the password itself). */
  readonly reasons: readonly PatternId[];
}

export interface ReuseGroup {
  /** Entry numbers (AuditEntry.index) sharing one password. */
  readonly entries: readonly number[];
  readonly names: readonly string[];
}

export interface ExportAudit {
  readonly format: ExportFormat;
  readonly entries: readonly AuditEntry[];
  /** Entries whose password scores 2 or less. */
  readonly weak: readonly AuditEntry[];
  /** Groups of two or more entries with the same password. */
  readonly reuse: readonly ReuseGroup[];
  readonly summary: {
    readonly entries: number;
    readonly withPassword: number;
    readonly weak: number;
    readonly reusedEntries: number;
    readonly reuseGroups: number;
  };
}

export type AuditResult = { readonly ok: true; readonly audit: ExportAudit } | { readonly ok: false; readonly errors: readonly CsvError[] };

function siteOf(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return '';
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return parsed.hostname;
  } catch {
    return '';
  }
}

/** Cleans a display value: no control characters, at most 200 characters. */
function display(value: string): string {
  const cleaned = value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return cleaned.length > 200 ? `${cleaned.slice(0, 199)}…` : cleaned;
}

const WEAK_SCORE = 2;

/**
 * Audits a CSV export. `format` forces a format; otherwise it is detected from the
 * header. On malformed input the result lists the errors (positions only) and no
 * entries: a shifted column could otherwise pair a password with the wrong site.
 */
export function auditExport(text: string, format?: ExportFormat): AuditResult {
  const { records, errors } = parseCsv(text);
  const header = records[0];
  if (!header) return { ok: false, errors: errors.length > 0 ? errors : [csvError('empty', 0, 0)] };
  // Syntax errors first: a broken quote also breaks the field count of its record.
  if (errors.length > 0) return { ok: false, errors };
  const columns = header.fields.map(normaliseHeader);
  for (const record of records.slice(1)) {
    if (record.fields.length !== columns.length && errors.length < MAX_ERRORS) errors.push(csvError('field-count', record.row, 1));
  }
  if (errors.length > 0) return { ok: false, errors };
  const chosen = format ?? detectFormat(header.fields);
  if (!chosen) return { ok: false, errors: [csvError('unknown-format', header.row, 1)] };
  const spec = SPECS[chosen];
  if (!hasRequired(spec, columns)) return { ok: false, errors: [csvError('missing-column', header.row, 1)] };

  const col = (names: readonly string[]): number => columns.findIndex((c) => names.includes(c));
  const nameCol = col(spec.name);
  const siteCol = col(spec.site);
  const userCol = col(spec.username);
  const passCol = col(spec.password);
  const typeCol = spec.loginType ? columns.indexOf(spec.loginType.column) : -1;

  const entries: AuditEntry[] = [];
  const byPassword = new Map<string, number[]>();
  for (const record of records.slice(1)) {
    const get = (index: number): string => (index >= 0 ? (record.fields[index] ?? '') : '');
    if (spec.loginType && typeCol >= 0 && get(typeCol).trim().toLowerCase() !== spec.loginType.value) continue;
    const site = siteOf(get(siteCol));
    const username = display(get(userCol));
    const name = display(get(nameCol)) || site || username;
    const password = get(passCol);
    const index = entries.length + 1;
    let score: Score | null = null;
    let reasons: PatternId[] = [];
    if (password !== '') {
      const estimate = estimatePassword(password);
      score = estimate.score;
      if (score <= WEAK_SCORE) reasons = [...estimate.patterns];
      const same = byPassword.get(password);
      if (same) same.push(index);
      else byPassword.set(password, [index]);
    }
    entries.push({ index, row: record.row, name, site, username, score, reasons });
  }
  const reuse: ReuseGroup[] = [];
  for (const indexes of byPassword.values()) {
    if (indexes.length < 2) continue;
    reuse.push({ entries: indexes, names: indexes.map((i) => (entries[i - 1] as AuditEntry).name) });
  }
  byPassword.clear();
  const weak = entries.filter((e) => e.score !== null && e.score <= WEAK_SCORE);
  return {
    ok: true,
    audit: {
      format: chosen,
      entries,
      weak,
      reuse,
      summary: {
        entries: entries.length,
        withPassword: entries.filter((e) => e.score !== null).length,
        weak: weak.length,
        reusedEntries: reuse.reduce((n, g) => n + g.entries.length, 0),
        reuseGroups: reuse.length,
      },
    },
  };
}
