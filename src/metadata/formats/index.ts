// The format registry: every type safestep reads, cleans or at least names.
// Detection is by content, never by file name. Adding a format: write
// formats/<name>.ts exporting a FormatModule (see types.ts and the worked
// example in src/metadata/README.md) and add it to FORMATS below.
import { startsWith } from '../codecs/bytes.js';
import type { Source } from '../codecs/source.js';
import { readZip } from '../codecs/zip.js';
import { archive } from './archive.js';
import { cr3 } from './cr3.js';
import { crw } from './crw.js';
import { epub } from './epub.js';
import { gif } from './gif.js';
import { heif } from './heif.js';
import { mp3 } from './id3.js';
import { jpeg } from './jpeg.js';
import { jpeg2000 } from './jpeg2000.js';
import { jxl } from './jxl.js';
import { svg, xmpSidecar } from './markup.js';
import { mkv } from './mkv.js';
import { quicktime } from './mp4.js';
import { odf } from './odf.js';
import { ole } from './ole.js';
import { ooxml } from './ooxml.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { psd } from './psd.js';
import { raf } from './raf.js';
import { recognise, recognised } from './recognised.js';
import { riff } from './riff.js';
import { rtf } from './rtf.js';
import { flac, ogg } from './vorbis.js';
import { x3f } from './x3f.js';
import { tiff } from './tiff.js';
import type { Detected, FormatModule } from './types.js';
import { webp } from './webp.js';

export type { Detected, FormatModule } from './types.js';

/** In detection order: the first module whose sniff (or fromZip) names a type wins. `recognised` stays last. */
export const FORMATS: readonly FormatModule[] = [jpeg, png, webp, gif, tiff, heif, cr3, quicktime, pdf, psd, svg, xmpSidecar, riff, flac, ogg, ole, rtf, mkv, jpeg2000, jxl, raf, crw, x3f, ooxml, odf, epub, archive, mp3, recognised];

const ZIP_MAGIC = ['PK\x03\x04', 'PK\x05\x06'];

/**
 * The type of a source and the module that handles it. Every file gets a
 * type (`text`, `unknown` at worst). Throws MetaError when a zip cannot be read.
 */
export async function detect(src: Source): Promise<Detected> {
  const head = await src.readAtMost(0, 1024);
  if (ZIP_MAGIC.some((m) => startsWith(head, m))) {
    const zip = await readZip(src);
    for (const module of FORMATS) {
      const format = await module.fromZip?.(src, zip);
      if (format) return { format, module, zip };
    }
  }
  for (const module of FORMATS) {
    const format = module.sniff?.(head);
    if (format) return { format, module };
  }
  return { format: recognise(head), module: recognised };
}

/** The type the first bytes suggest, without opening a zip (for reporting damaged files). */
export function sniffType(head: Uint8Array): string {
  if (ZIP_MAGIC.some((m) => startsWith(head, m))) return 'zip';
  for (const module of FORMATS) {
    const format = module.sniff?.(head);
    if (format) return format;
  }
  return recognise(head);
}

const EXT_GUESS: Readonly<Record<string, string>> = {
  docx: 'docx', docm: 'docx', dotx: 'docx', xlsx: 'xlsx', xlsm: 'xlsx', pptx: 'pptx', pptm: 'pptx',
  odt: 'odt', ods: 'ods', odp: 'odp', odg: 'odg', epub: 'epub',
};

/** The document type a file name suggests: used only to name a zip too broken to tell. */
export function guessFromName(name: string): string | undefined {
  return EXT_GUESS[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
}

/** The module that can clean a picture held in memory (pictures inside documents), by its first bytes. */
export function pictureModule(head: Uint8Array): FormatModule | null {
  for (const module of FORMATS) {
    if (module.scrubBytes && module.sniff?.(head)) return module;
  }
  return null;
}
