// What every format reader gets: the budget, where findings go, and a way to
// scan a file embedded in the current one (images in documents, EXIF previews).
import type { Findings } from './findings.js';
import type { Budget } from './codecs/source.js';

export interface ScanContext {
  budget: Budget;
  out: Findings;
  /** How many containers deep we are (0 = the file itself). */
  depth: number;
  /** Scan embedded files (images inside documents). */
  embedded: boolean;
  /**
   * Scans bytes embedded in the current file; findings are marked `within`.
   * Resolves to true when the embedded file was of a type we read and was
   * read completely. Never throws, except when the whole file's budget is spent.
   */
  scanEmbedded(bytes: Uint8Array, within: string): Promise<boolean>;
  /** Records damage that did not stop the scan (a broken part); the file's `error` shows the first one. */
  damaged(detail: string): void;
  /**
   * Records a container the reader found but cannot read (an unknown vendor
   * chunk, a compressed box): the file is then not "checked" but reported as
   * an unsupported variant, with what was read.
   */
  unread(detail: string): void;
}

/** Embedded files are scanned at most this many containers deep. */
export const MAX_EMBED_DEPTH = 3;
