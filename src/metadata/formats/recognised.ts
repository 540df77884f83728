// Types safestep recognises but does not read (yet). Naming them matters: a
// file we cannot check is reported as "not checked: psd", never as "not a
// photo" or silently left out. A type that gains a reader moves to its own
// module and leaves this table.
import { latin1, startsWith, u32 } from '../codecs/bytes.js';
import type { FormatModule } from './types.js';

type Test = (head: Uint8Array) => boolean;

const at = (sig: string | readonly number[], offset = 0): Test => (h) => startsWith(h, sig, offset);

/** First match wins; more specific signatures first. */
const SIGNATURES: ReadonlyArray<readonly [type: string, test: Test]> = [
  ['mrw', at('\0MRM')],
  ['riff', (h) => startsWith(h, 'RIFF') || startsWith(h, 'RF64')],
  ['aiff', (h) => startsWith(h, 'FORM') && (startsWith(h, 'AIFF', 8) || startsWith(h, 'AIFC', 8))],
  ['asf', at([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])],
  ['flv', at('FLV\x01')],
  ['swf', (h) => startsWith(h, 'FWS') || startsWith(h, 'CWS') || startsWith(h, 'ZWS')],
  ['mts', (h) => (h[0] === 0x47 && h[188] === 0x47) || (h[4] === 0x47 && h[196] === 0x47)],
  ['postscript', (h) => startsWith(h, '%!PS') || startsWith(h, [0xc5, 0xd0, 0xd3, 0xc6])],
  ['dicom', at('DICM', 128)],
  ['bpg', at('BPG\xfb')],
  ['flif', at('FLIF')],
  ['exr', at([0x76, 0x2f, 0x31, 0x01])],
  ['bmp', (h) => startsWith(h, 'BM') && u32(h, 2, true) > 26 && h[6] === 0 && h[7] === 0],
  ['ico', at([0, 0, 1, 0])],
  ['gzip', at([0x1f, 0x8b])],
  ['rar', at('Rar!\x1a\x07')],
  ['7z', at([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['executable', (h) => startsWith(h, 'MZ') || startsWith(h, '\x7fELF') || startsWith(h, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(h, [0xca, 0xfe, 0xba, 0xbe])],
];

/** XML-like text: which kind of document it is. */
function markup(head: Uint8Array): string | null {
  if (!startsLikeMarkup(head)) return null;
  let s = latin1(head, 0, Math.min(head.length, 1024));
  if (s.startsWith('\xef\xbb\xbf')) s = s.slice(3);
  const t = s.trimStart();
  if (!t.startsWith('<')) return null;
  const lower = t.toLowerCase();
  if (lower.includes('<svg')) return 'svg';
  if (lower.includes('x:xmpmeta') || lower.includes('<?xpacket') || lower.includes('<rdf:rdf')) return 'xmp';
  if (lower.startsWith('<!doctype html') || lower.includes('<html')) return 'html';
  if (lower.startsWith('<?xml')) return 'xml';
  return null;
}

/** Text with no bytes a text file would not hold, in the first KiB. */
function looksLikeText(head: Uint8Array): boolean {
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) return false;
  return true;
}

/** A type for any file: a recognised one, `text`, or `unknown`. */
export function recognise(head: Uint8Array): string {
  for (const [type, test] of SIGNATURES) if (test(head)) return type;
  return markup(head) ?? (looksLikeText(head) ? 'text' : 'unknown');
}

export const recognised: FormatModule = {
  name: 'recognised',
  sniff: (head) => {
    for (const [type, test] of SIGNATURES) if (test(head)) return type;
    return markup(head);
  },
  fromZip: (_src, zip) => Promise.resolve(zipType(zip.byName)),
};

/** Zip archives that are no document we read: iWork, plain zips. */
export function zipType(names: ReadonlyMap<string, unknown>): string {
  if (names.has('Index/Document.iwa') || names.has('index.xml')) return 'iwork';
  return 'zip';
}

/** Markup starts with "<" after optional whitespace, a UTF-8 BOM or UTF-16: a cheap test before decoding. */
function startsLikeMarkup(head: Uint8Array): boolean {
  for (let i = 0; i < Math.min(head.length, 64); i++) {
    const b = head[i] ?? 0;
    if (b === 0x3c || b === 0xef || b === 0xfe || b === 0xff || b === 0) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return false;
}
