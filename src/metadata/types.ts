// Shared shapes of the metadata scanner and scrubber (issue 4).
//
// A finding says what kind of risk a piece of metadata is (`category`), how bad
// that kind is (`severity`, fixed per category), where it sits (`field`, the
// ExifTool tag name where one exists) and what it holds (`value`, sanitised and
// shortened). Files that are not scanned become a SkippedFile with a reason.

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

export type Format =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'tiff'
  | 'heic'
  | 'heif'
  | 'avif'
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'ooxml'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'odg'
  | 'odf'
  | 'mp4'
  | 'mov'
  | '3gp';

/** The reader/scrubber family a format belongs to. */
export type Family = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif' | 'pdf' | 'ooxml' | 'odf' | 'quicktime';

export const FORMAT_FAMILY: Readonly<Record<Format, Family>> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
  heic: 'heif',
  heif: 'heif',
  avif: 'heif',
  pdf: 'pdf',
  docx: 'ooxml',
  xlsx: 'ooxml',
  pptx: 'ooxml',
  ooxml: 'ooxml',
  odt: 'odf',
  ods: 'odf',
  odp: 'odf',
  odg: 'odf',
  odf: 'odf',
  mp4: 'quicktime',
  mov: 'quicktime',
  '3gp': 'quicktime',
};

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

export interface FileScan {
  path: string;
  format: Format;
  findings: MetaFinding[];
  error: ScanErrorCode | null;
  /** A short technical detail for `--debug` and bug reports (English). */
  errorDetail?: string;
}

export type SkipReason = 'unsupported' | 'symlink' | 'special' | 'unreadable' | 'missing';

export interface SkippedFile {
  path: string;
  skipped: SkipReason;
  detail?: string;
}

export function isSkipped(item: FileScan | SkippedFile): item is SkippedFile {
  return 'skipped' in item;
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
