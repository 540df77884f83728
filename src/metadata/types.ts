// Shared shapes of the metadata scanner and scrubber (issue 4).
//
// A finding says what kind of risk a piece of metadata is (`category`), how bad
// that kind is (`severity`, fixed per category), where it sits (`field`, the
// ExifTool tag name where one exists) and what it holds (`value`, sanitised and
// shortened). Every file gets one verdict (FileScan.status) with a reason when
// it could not be checked completely.

export type Category =
  | 'location'
  | 'serial'
  | 'person'
  | 'device'
  | 'software'
  | 'time'
  | 'history'
  | 'thumbnail'
  | 'other';

export type MetaSeverity = 'high' | 'medium' | 'low';

/**
 * Severity by category, as the issue fixes it: high for location, serial and
 * person; medium for device, history and thumbnail; low for software and time.
 * The issue leaves `other` open: it holds free text (comments, titles,
 * descriptions, custom properties) that can say anything, so it counts as
 * medium and the scrubber removes it.
 */
export const CATEGORY_SEVERITY: Readonly<Record<Category, MetaSeverity>> = {
  location: 'high',
  serial: 'high',
  person: 'high',
  device: 'medium',
  history: 'medium',
  thumbnail: 'medium',
  other: 'medium',
  software: 'low',
  time: 'low',
};

export const CATEGORIES: readonly Category[] = [
  'location',
  'serial',
  'person',
  'device',
  'history',
  'thumbnail',
  'other',
  'software',
  'time',
];

export interface MetaFinding {
  category: Category;
  severity: MetaSeverity;
  /** ExifTool's tag name where one exists (GPSLatitude, SerialNumber, LastModifiedBy...). */
  field: string;
  /** Sanitised (no control or bidi characters), whitespace collapsed, at most 300 characters. */
  value: string;
  /** Set when the finding is inside an embedded file: `word/media/image1.jpeg`, `revision 2`. */
  within?: string;
}

/**
 * A file type: one we read (jpeg, docx, cr3...), one we recognise but do not
 * read (avi...), or `unknown`. The registry in formats/index.ts is the list.
 */
export type Format = string;

/**
 * Why a scan stopped early. Findings gathered before the problem are kept.
 * Stable ids: messages.ts has the text in every language.
 */
export type ScanErrorCode =
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'timeout'
  | 'encrypted'
  | 'unsupported-variant'
  | 'read-failed';

/**
 * One honest verdict per file:
 * - `checked`: every metadata container of the format was read;
 * - `unsupported`: not a type we read (`format` names what it is, `unknown` if nothing);
 * - `unreadable`: the file system refused (permission, I/O error, vanished);
 * - `refused`: over a safety budget (size, time, zip bomb); what was read before is kept;
 * - `error`: damaged or of a variant we cannot read; what was read before is kept.
 */
export type FileStatus = 'checked' | 'unsupported' | 'unreadable' | 'refused' | 'error';

export const FILE_STATUSES: readonly FileStatus[] = ['checked', 'unsupported', 'unreadable', 'refused', 'error'];

/** Why a file was not (completely) checked. Stable ids: messages.ts has the text. */
export type Reason = ScanErrorCode | 'not-read' | 'plain-text' | 'unknown-type' | 'empty' | 'symlink' | 'special' | 'permission' | 'io' | 'missing';

export interface FileScan {
  path: string;
  status: FileStatus;
  /** The detected type (see Format); `symlink`/`special` for what is not a regular file. */
  format: Format;
  findings: MetaFinding[];
  /** null when checked. */
  reason: Reason | null;
  /** A short technical detail for `--debug` and bug reports (English). */
  detail?: string;
}

/** Status of a file that was opened and scanned, by the error that stopped it (null: none). */
export function statusOfError(code: ScanErrorCode | null): FileStatus {
  if (code === null) return 'checked';
  if (code === 'too-large' || code === 'timeout') return 'refused';
  if (code === 'read-failed') return 'unreadable';
  return 'error';
}

export function isChecked(r: Pick<FileScan, 'status'>): boolean {
  return r.status === 'checked';
}

export interface ScanLimits {
  /** Bytes read from disk for one file, embedded files included. Default 64 MiB. */
  maxBytes?: number;
  /** Wall-clock budget for one file. Default 10 s. */
  timeoutMs?: number;
  /** Bytes inflated from one zip member. Default 64 MiB. */
  maxInflate?: number;
}

export interface ScanOptions extends ScanLimits {
  /** Scan images and documents inside documents (word/media/..., Pictures/...). Default true. */
  embedded?: boolean;
}

export interface ScanProgress {
  scanned: number;
  skipped: number;
  errors: number;
  withFindings: number;
  /** The file being looked at now. */
  current: string;
}

export interface ScanPathsOptions extends ScanOptions {
  onProgress?: (progress: ScanProgress) => void;
  /** Files scanned at the same time. Default 8. Results still come out in walk order. */
  concurrency?: number;
  /** Folder depth below each given path. Default 64. */
  maxDepth?: number;
  signal?: AbortSignal;
}

export function severityOf(category: Category): MetaSeverity {
  return CATEGORY_SEVERITY[category];
}

/** True when a finding should make `check metadata` fail (exit 1). */
export function isRisky(finding: Pick<MetaFinding, 'severity'>): boolean {
  return finding.severity === 'high' || finding.severity === 'medium';
}
