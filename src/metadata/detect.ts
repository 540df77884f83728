// Format detection by content, never by file name: magic bytes for images,
// PDF and ISO media; for zip files the central directory decides between
// OOXML ([Content_Types].xml) and ODF (the `mimetype` member).
import { fourcc, latin1, startsWith, u32 } from './bytes.js';
import { odfKind } from './formats/odf.js';
import { ooxmlKind } from './formats/ooxml.js';
import type { Source } from './source.js';
import type { Format } from './types.js';
import { readEntry, readZip, type ZipArchive } from './zip.js';

/** What the first bytes say; 'zip' needs a look at the central directory. */
export type Sniffed = Format | 'zip' | null;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf', 'mif2']);
const QT_TOP = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

function isoFormat(head: Uint8Array): Format {
  const size = Math.min(u32(head, 0), head.length);
  const major = fourcc(head, 8);
  const brands = [major];
  for (let o = 16; o + 4 <= size; o += 4) brands.push(fourcc(head, o));
  if (brands.some((b) => AVIF_BRANDS.has(b)) && (AVIF_BRANDS.has(major) || HEIF_BRANDS.has(major))) return 'avif';
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (HEIF_BRANDS.has(major)) return brands.some((b) => HEIC_BRANDS.has(b)) ? 'heic' : brands.some((b) => AVIF_BRANDS.has(b)) ? 'avif' : 'heif';
  if (major === 'qt  ') return 'mov';
  if (major.startsWith('3g')) return '3gp';
  return 'mp4';
}

/** Detects a format from the first bytes (64 are enough; 1024 for PDF's relaxed header). */
export function sniff(head: Uint8Array): Sniffed {
  if (head.length < 4) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'II') || startsWith(head, 'MM')) {
    const le = head[0] === 0x49;
    const magic = le ? (head[2] ?? 0) | ((head[3] ?? 0) << 8) : ((head[2] ?? 0) << 8) | (head[3] ?? 0);
    if (magic === 42 || magic === 43 || magic === 0x4f52 || magic === 0x5352 || magic === 0x55) return 'tiff';
  }
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return 'zip';
  if (head.length >= 12 && fourcc(head, 4) === 'ftyp') return isoFormat(head);
  if (head.length >= 8 && QT_TOP.has(fourcc(head, 4)) && u32(head, 0) >= 8) return 'mov';
  if (latin1(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf';
  return null;
}

export interface Detected {
  format: Format;
  zip?: ZipArchive;
}

const EXT_GUESS: Record<string, Format> = {
  docx: 'docx', docm: 'docx', dotx: 'docx', xlsx: 'xlsx', xlsm: 'xlsx', pptx: 'pptx', pptm: 'pptx',
  odt: 'odt', ods: 'ods', odp: 'odp', odg: 'odg',
};

/** The document format a file name suggests: used only to report a zip too broken to tell. */
export function guessFromName(name: string): Format | undefined {
  return EXT_GUESS[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
}

/**
 * Detects the format of a source. Zip files that are neither OOXML nor ODF
 * (epub, plain zips) are null. Throws MetaError when a zip cannot be read.
 */
export async function detect(src: Source): Promise<Detected | null> {
  const head = await src.readAtMost(0, 1024);
  const s = sniff(head);
  if (s === null) return null;
  if (s !== 'zip') return { format: s };
  const zip = await readZip(src);
  if (zip.byName.has('[Content_Types].xml')) return { format: ooxmlKind(zip), zip };
  const mimetype = zip.byName.get('mimetype');
  if (mimetype && mimetype.size < 256) {
    const m = latin1(await readEntry(src, mimetype, 256));
    if (m.startsWith('application/vnd.oasis.opendocument')) return { format: odfKind(m), zip };
  }
  // OOXML without [Content_Types].xml is broken but still a document with properties.
  if (zip.byName.has('word/document.xml') || zip.byName.has('xl/workbook.xml') || zip.byName.has('ppt/presentation.xml')) {
    return { format: ooxmlKind(zip), zip };
  }
  if (zip.byName.has('meta.xml') && zip.byName.has('content.xml')) return { format: 'odf', zip };
  return null;
}
