// Lossless cleaning of TIFF and DNG: IFDs are rewritten in place without the
// entries that hold metadata, and the values those entries pointed to are
// zero-filled. Nothing moves: strips and tiles (the picture) keep their
// offsets and stay byte-identical, which the cleaner checks. EXIF, GPS and
// interoperability IFDs go entirely (maker notes with them); DNG's private
// copy of the maker note too. Proprietary raw formats (CR2, NEF, ARW...)
// are refused: their decoders need the maker notes this would remove.
import { u16, u32, writeU16, writeU32 } from '../codecs/bytes.js';
import { MetaError } from '../codecs/source.js';
import type { RemovedId } from '../messages.js';

const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
const MAX_IFDS = 256;

/** Entries removed from image IFDs, and what they are. */
const DROP: ReadonlyMap<number, RemovedId> = new Map<number, RemovedId>([
  [0x000b, 'exif'], // ProcessingSoftware
  [0x010d, 'text'], // DocumentName
  [0x010e, 'text'], // ImageDescription
  [0x010f, 'exif'], // Make
  [0x0110, 'exif'], // Model
  [0x011d, 'text'], // PageName
  [0x0131, 'exif'], // Software
  [0x0132, 'dates'], // ModifyDate
  [0x013b, 'exif'], // Artist
  [0x013c, 'exif'], // HostComputer
  [0x02bc, 'xmp'],
  [0x8298, 'exif'], // Copyright
  [0x83bb, 'iptc'],
  [0x8649, 'iptc'], // Photoshop resources
  [0x8769, 'exif'], // EXIF IFD
  [0x8825, 'exif'], // GPS IFD
  [0x9003, 'dates'],
  [0x9004, 'dates'],
  [0x927c, 'vendor-data'],
  [0x9286, 'comment'],
  [0x9c9b, 'text'],
  [0x9c9c, 'text'],
  [0x9c9d, 'text'],
  [0x9c9e, 'text'],
  [0x9c9f, 'text'],
  [0xa431, 'exif'],
  [0xa435, 'exif'],
  [0xc62f, 'exif'], // CameraSerialNumber
  [0xc634, 'vendor-data'], // DNGPrivateData: the maker note, copied
  [0xc68b, 'text'], // OriginalRawFileName
  [0xc65d, 'text'], // RawDataUniqueID
  [0xc716, 'text'], // PreviewApplicationName
  [0xc717, 'text'], // PreviewApplicationVersion
  [0xc718, 'text'], // PreviewSettingsName
  [0xc719, 'text'], // PreviewSettingsDigest
  [0xc71b, 'dates'], // PreviewDateTime
  [0xc68c, 'text'], // OriginalRawFileData
  [0xea1c, 'text'], // Padding
]);

/** Sub-IFD pointers dropped whole (their IFD and values are zero-filled). */
const DROPPED_IFDS = new Set([0x8769, 0x8825]);

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the 12-byte entry. */
  at: number;
  /** Out-of-line value: offset and size; null when inline. */
  value: { offset: number; size: number } | null;
}

interface Ifd {
  at: number;
  entries: Entry[];
  next: number;
  /** Image IFD (kept, cleaned) or a metadata IFD (removed whole). */
  kind: 'image' | 'meta';
}

export interface TiffClean {
  data: Uint8Array;
  removed: RemovedId[];
  /** Byte ranges of picture data (strips, tiles, JPEG thumbnails in kept IFDs): unchanged by construction. */
  protectedRanges: Array<{ offset: number; length: number }>;
}

/** A TIFF/DNG that can be cleaned this way: classic TIFF (not BigTIFF, ORF or RW2) and not a proprietary raw. */
export function cleanableTiff(data: Uint8Array): string | null {
  if (data.length < 16) return 'file too short';
  const le = data[0] === 0x49;
  const magic = u16(data, 2, le);
  if (magic !== 42) return magic === 43 ? 'BigTIFF' : 'a camera raw variant of TIFF';
  if (data[8] === 0x43 && data[9] === 0x52) return 'Canon CR2 raw';
  return null;
}

function readIfd(data: Uint8Array, at: number, le: boolean, kind: Ifd['kind']): Ifd {
  if (at + 2 > data.length) throw new MetaError('corrupt', `IFD at ${at} outside the file`);
  const n = u16(data, at, le);
  if (n > 4096 || at + 2 + n * 12 + 4 > data.length) throw new MetaError('corrupt', `IFD at ${at} runs past the end`);
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    const tag = u16(data, e, le);
    const type = u16(data, e + 2, le);
    const count = u32(data, e + 4, le);
    const size = (TYPE_SIZE[type] ?? 0) * count;
    entries.push({ tag, type, count, at: e, value: size > 4 ? { offset: u32(data, e + 8, le), size } : null });
  }
  return { at, entries, next: u32(data, at + 2 + n * 12, le), kind };
}

function numbers(data: Uint8Array, e: Entry, le: boolean): number[] {
  const unit = TYPE_SIZE[e.type] ?? 0;
  const base = e.value ? e.value.offset : e.at + 8;
  const out: number[] = [];
  for (let i = 0; i < Math.min(e.count, 100_000); i++) {
    const o = base + i * unit;
    if (o + unit > data.length) break;
    out.push(unit === 2 ? u16(data, o, le) : u32(data, o, le));
  }
  return out;
}

/** Whether `tag` in an image IFD is metadata to remove: listed, or a text tag safestep reports as free text. */
function dropped(e: Entry): boolean {
  if (DROP.has(e.tag)) return true;
  // Unknown ASCII tags are free text (the scanner reports them); image-structure tags are not ASCII.
  if (e.tag === 0xc615) return true; // LocalizedCameraModel (UniqueCameraModel, required by DNG, stays)
  return e.type === 2 && e.tag >= 0x0100 && ![0x0106, 0x0107, 0xc614, 0x0129].includes(e.tag) && !(e.tag >= 0xc612 && e.tag <= 0xc7ff);
}

export function cleanTiff(input: Uint8Array): TiffClean {
  const why = cleanableTiff(input);
  if (why) throw new MetaError('unsupported-variant', `cannot clean ${why} losslessly`);
  const data = Uint8Array.from(input);
  const le = data[0] === 0x49;
  const ifds: Ifd[] = [];
  const seen = new Set<number>();
  const queue: Array<{ at: number; kind: Ifd['kind']; chain: boolean }> = [{ at: u32(data, 4, le), kind: 'image', chain: true }];
  while (queue.length > 0) {
    const item = queue.shift() as (typeof queue)[number];
    if (item.at === 0 || seen.has(item.at)) continue;
    if (seen.size >= MAX_IFDS) throw new MetaError('corrupt', 'too many IFDs');
    seen.add(item.at);
    const ifd = readIfd(data, item.at, le, item.kind);
    ifds.push(ifd);
    for (const e of ifd.entries) {
      if (e.tag === 0x014a && item.kind === 'image') for (const off of numbers(data, e, le)) queue.push({ at: off, kind: 'image', chain: false });
      if (DROPPED_IFDS.has(e.tag) || (item.kind === 'meta' && e.tag === 0xa005)) queue.push({ at: numbers(data, e, le)[0] ?? 0, kind: 'meta', chain: false });
    }
    if (item.chain && ifd.next !== 0) queue.push({ at: ifd.next, kind: item.kind, chain: true });
  }

  // Proprietary raw data (CFA or linear raw without DNGVersion) needs the maker notes to be decoded.
  const isDng = ifds.some((i) => i.entries.some((e) => e.tag === 0xc612));
  const rawData = ifds.some((i) => i.entries.some((e) => e.tag === 0x0106 && [32803, 34892].includes(numbers(data, e, le)[0] ?? 0)));
  if (rawData && !isDng) throw new MetaError('unsupported-variant', 'cannot clean a proprietary camera raw file without breaking it');

  // Picture data and everything a kept entry points to must not be touched.
  const keep: Array<{ offset: number; length: number }> = [];
  for (const ifd of ifds) {
    if (ifd.kind !== 'image') continue;
    const find = (t: number): Entry | undefined => ifd.entries.find((e) => e.tag === t);
    for (const [offTag, lenTag] of [[0x0111, 0x0117], [0x0144, 0x0145], [0x0201, 0x0202]] as const) {
      const offs = find(offTag);
      const lens = find(lenTag);
      if (!offs || !lens) continue;
      const o = numbers(data, offs, le);
      const l = numbers(data, lens, le);
      for (let i = 0; i < Math.min(o.length, l.length); i++) keep.push({ offset: o[i] ?? 0, length: l[i] ?? 0 });
    }
    for (const e of ifd.entries) if (!dropped(e) && e.value) keep.push({ offset: e.value.offset, length: e.value.size });
  }
  const overlapsKept = (o: number, n: number): boolean => keep.some((k) => o < k.offset + k.length && k.offset < o + n);
  const zero = (o: number, n: number): void => {
    if (n <= 0 || o >= data.length || overlapsKept(o, n)) return;
    data.fill(0, o, Math.min(data.length, o + n));
  };

  const removed = new Set<RemovedId>();
  for (const ifd of ifds) {
    const n = ifd.entries.length;
    if (ifd.kind === 'meta') {
      for (const e of ifd.entries) if (e.value) zero(e.value.offset, e.value.size);
      zero(ifd.at, 2 + n * 12 + 4);
      continue;
    }
    const kept = ifd.entries.filter((e) => !dropped(e));
    if (kept.length === n) continue;
    for (const e of ifd.entries) {
      if (!dropped(e)) continue;
      removed.add(DROP.get(e.tag) ?? 'text');
      if (e.value) zero(e.value.offset, e.value.size);
    }
    // Rewrite the IFD in its own place: fewer entries, then the next-IFD pointer, then zeros.
    const rows = kept.map((e) => data.slice(e.at, e.at + 12));
    writeU16(data, ifd.at, kept.length, le);
    rows.forEach((row, i) => data.set(row, ifd.at + 2 + i * 12));
    const nextAt = ifd.at + 2 + kept.length * 12;
    writeU32(data, nextAt, ifd.next, le);
    data.fill(0, nextAt + 4, ifd.at + 2 + n * 12 + 4);
  }
  return { data, removed: [...removed], protectedRanges: keep };
}
