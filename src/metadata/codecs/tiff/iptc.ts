// IPTC-IIM (record 2): captions, by-lines and places, inside JPEG APP13,
// TIFF tag 33723 and Photoshop resources.
import { text, u16 } from '../bytes.js';
import type { ScanContext } from '../../context.js';
import { isCategory, type TagRule } from './tags.js';

const IPTC: ReadonlyMap<number, TagRule> = new Map<number, TagRule>([
  [5, ['ObjectName', 'other']],
  [15, ['Category', 'other']],
  [20, ['SupplementalCategories', 'other']],
  [25, ['Keywords', 'other']],
  [40, ['SpecialInstructions', 'other']],
  [55, ['DateCreated', 'time']],
  [60, ['TimeCreated', 'time']],
  [62, ['DigitalCreationDate', 'time']],
  [63, ['DigitalCreationTime', 'time']],
  [65, ['OriginatingProgram', 'software']],
  [70, ['ProgramVersion', 'software']],
  [80, ['By-line', 'person']],
  [85, ['By-lineTitle', 'person']],
  [90, ['City', 'location']],
  [92, ['Sub-location', 'location']],
  [95, ['Province-State', 'location']],
  [100, ['Country-PrimaryLocationCode', 'location']],
  [101, ['Country-PrimaryLocationName', 'location']],
  [103, ['OriginalTransmissionReference', 'other']],
  [105, ['Headline', 'other']],
  [110, ['Credit', 'person']],
  [115, ['Source', 'other']],
  [116, ['CopyrightNotice', 'person']],
  [118, ['Contact', 'person']],
  [120, ['Caption-Abstract', 'other']],
  [122, ['Writer-Editor', 'person']],
]);

export function scanIptc(b: Uint8Array, ctx: ScanContext): void {
  let i = 0;
  let n = 0;
  while (i + 5 <= b.length && n++ < 10_000) {
    if (b[i] !== 0x1c) {
      i++;
      continue;
    }
    const record = b[i + 1] ?? 0;
    const dataset = b[i + 2] ?? 0;
    let len = u16(b, i + 3);
    let start = i + 5;
    if (len & 0x8000) {
      const lenBytes = len & 0x7fff;
      if (lenBytes > 4) return;
      len = 0;
      for (let k = 0; k < lenBytes; k++) len = len * 256 + (b[start + k] ?? 0);
      start += lenBytes;
    }
    const value = b.subarray(start, Math.min(b.length, start + len));
    i = start + len;
    if (record !== 2) continue;
    const rule = IPTC.get(dataset);
    if (!rule) continue;
    const [name, what] = rule;
    if (!isCategory(what)) continue;
    // 1:90 declares UTF-8; text() accepts valid UTF-8 either way and falls back to Latin-1.
    ctx.out.add(what, name, text(value));
  }
}

