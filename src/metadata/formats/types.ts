// What a format module exports. The registry (formats/index.ts) lists them;
// detection, scanning and scrubbing only go through this interface, so adding
// a format is one file and one registry line.
import type { Patch } from '../codecs/boxes.js';
import type { PackagePlan } from '../codecs/package.js';
import type { Budget, Source } from '../codecs/source.js';
import type { ZipArchive } from '../codecs/zip.js';
import type { ScanContext } from '../context.js';
import type { Alternative, FormatUnverified, RemovedId, ScrubWarning } from '../messages.js';
import type { Format } from '../types.js';

export interface Detected {
  format: Format;
  module: FormatModule;
  /** The central directory, for zip-based formats. */
  zip?: ZipArchive;
}

/** A picture cleaned in memory (the whole file, or a picture inside a document). */
export interface ImageScrub {
  data: Uint8Array;
  removed: RemovedId[];
  /** Set when a minimal EXIF block with this orientation was kept. */
  keptOrientation?: number;
}

/** What the scrubber offers a format module: reading the original, writing the copy. */
export interface ScrubIo {
  readonly path: string;
  readonly budget: Budget;
  /** The whole original, charged to the budget (pictures, PDFs). */
  readWhole(): Promise<Uint8Array>;
  /** A budgeted random-access view of the original (or of `path`, the written copy). */
  withSource<T>(fn: (src: Source) => Promise<T>, path?: string): Promise<T>;
  /** Writes the cleaned copy in one go. */
  writeCopy(data: Uint8Array): Promise<void>;
  /** Copies the original byte for byte, then applies patches: nothing moves. */
  patchedCopy(patches: readonly Patch[]): Promise<void>;
  /** Writes a zip package: members removed, replaced or copied as they are. */
  packageCopy(src: Source, zip: ZipArchive, plan: PackagePlan): Promise<void>;
  /** Cleans a picture found inside the file; null: leave it as it is. */
  scrubPicture(bytes: Uint8Array): Promise<Uint8Array | null>;
}

export interface ScrubOutcome {
  removed: RemovedId[];
  warnings: ScrubWarning[];
  /** What the module knows it could not read or clean: such a copy is never called cleaned. */
  unverified?: FormatUnverified[];
  /** A structural check of the written copy (image data unchanged, package consistent): a problem, or null. */
  verify?: (copy: string) => Promise<string | null>;
}

export interface FormatModule {
  /** A short name for the module (not shown to people). */
  readonly name: string;
  /** The type, from the first 1024 bytes of a file; null: not this format. */
  sniff?(head: Uint8Array): Format | null;
  /** The type of a zip archive, from its central directory; null: not this format. */
  fromZip?(src: Source, zip: ZipArchive): Promise<Format | null>;
  /**
   * Reads the metadata into ctx.out. May refine `det.format` (a compound file
   * turns out to be a DOC). Absent: a type we recognise but do not read.
   */
  scan?(src: Source, ctx: ScanContext, det: Detected): Promise<void>;
  /**
   * True when `scan` parses every metadata container the format can hold, so a
   * clean re-scan of a cleaned copy proves it clean. Only then does scrub say "Cleaned".
   */
  readonly complete?: boolean;
  /** Writes a cleaned copy through `io`. Absent: this type cannot be cleaned. */
  scrub?(det: Detected, io: ScrubIo): Promise<ScrubOutcome>;
  /** Cleans a picture held in memory (pictures inside documents). */
  scrubBytes?(data: Uint8Array, budget: Budget): Promise<ImageScrub>;
  /** What to suggest when this type cannot be cleaned. */
  readonly alternative?: Alternative;
}
