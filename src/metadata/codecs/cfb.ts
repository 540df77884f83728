// Compound File Binary (OLE2) reader: the container of legacy Office files
// (DOC, XLS, PPT), MSG and others. Reads the FAT, the directory and streams
// (regular and mini), with caps on chains and sizes and loop detection.
import { u16, u32, utf16 } from './bytes.js';
import { MetaError, type Source } from './source.js';

const END = 0xfffffffe;
const MAX_STREAM = 64 * 1024 * 1024;
const MAX_DIR_ENTRIES = 100_000;

export interface CfbEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export interface Cfb {
  entries: CfbEntry[];
  read(entry: CfbEntry, max?: number): Promise<Uint8Array>;
  /** The first `n` bytes of a stream (fewer when it is shorter), whatever its size. */
  head(entry: CfbEntry, n: number): Promise<Uint8Array>;
  find(name: string): CfbEntry | undefined;
}

export async function openCfb(src: Source): Promise<Cfb> {
  const h = await src.read(0, 512);
  const shift = u16(h, 0x1e, true);
  if (shift !== 9 && shift !== 12) throw new MetaError('corrupt', `sector size 2^${shift}`);
  const sector = 1 << shift;
  const miniCutoff = u32(h, 0x38, true);
  const at = (n: number): number => (n + 1) * sector;

  // FAT sectors: 109 in the header, the rest through the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(h, 0x4c + i * 4, true);
    if (s >= END) break;
    fatSectors.push(s);
  }
  let difat = u32(h, 0x44, true);
  for (let k = 0; difat < END && k < 10_000; k++) {
    src.budget.check();
    const b = await src.read(at(difat), sector);
    for (let i = 0; i < sector / 4 - 1; i++) {
      const s = u32(b, i * 4, true);
      if (s < END) fatSectors.push(s);
    }
    difat = u32(b, sector - 4, true);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    if (at(s) + sector > src.size) continue;
    src.budget.check();
    const b = await src.read(at(s), sector);
    for (let i = 0; i < sector / 4; i++) fat.push(u32(b, i * 4, true));
  }
  const chain = (start: number, table: number[], limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s < END && out.length < limit; s = table[s] ?? END) {
      if (seen.has(s)) throw new MetaError('corrupt', 'sector chain loops');
      seen.add(s);
      out.push(s);
    }
    return out;
  };
  const readChain = async (start: number, size: number): Promise<Uint8Array> => {
    const sectors = chain(start, fat, Math.ceil(size / sector) + 1);
    const out = new Uint8Array(sectors.length * sector);
    for (let i = 0; i < sectors.length; i++) {
      src.budget.check();
      out.set(await src.readAtMost(at(sectors[i] ?? 0), sector), i * sector);
    }
    return out.subarray(0, Math.min(size, out.length));
  };

  const dirBytes = await readChain(u32(h, 0x30, true), MAX_DIR_ENTRIES * 128);
  const entries: CfbEntry[] = [];
  for (let o = 0; o + 128 <= dirBytes.length; o += 128) {
    const len = u16(dirBytes, o + 64, true);
    const type = dirBytes[o + 66] ?? 0;
    if (type === 0) continue;
    const name = utf16(dirBytes.subarray(o, o + Math.max(0, Math.min(64, len) - 2)), true);
    entries.push({ name, type, start: u32(dirBytes, o + 116, true), size: u32(dirBytes, o + 120, true) });
  }
  const root = entries.find((e) => e.type === 5);
  let mini: Uint8Array | null = null;
  let miniFat: number[] | null = null;
  const miniParts = async (): Promise<{ stream: Uint8Array; table: number[] }> => {
    if (!mini || !miniFat) {
      mini = root ? await readChain(root.start, Math.min(root.size, MAX_STREAM)) : new Uint8Array();
      const mf = await readChain(u32(h, 0x3c, true), u32(h, 0x40, true) * sector);
      miniFat = [];
      for (let i = 0; i + 4 <= mf.length; i += 4) miniFat.push(u32(mf, i, true));
    }
    return { stream: mini, table: miniFat };
  };
  const readStream = async (entry: CfbEntry, length: number): Promise<Uint8Array> => {
    if (entry.size >= miniCutoff) return readChain(entry.start, length);
    const { stream, table } = await miniParts();
    const parts = chain(entry.start, table, Math.ceil(length / 64) + 1);
    const out = new Uint8Array(parts.length * 64);
    parts.forEach((s, i) => out.set(stream.subarray(s * 64, s * 64 + 64), i * 64));
    return out.subarray(0, length);
  };
  return {
    entries,
    find: (name) => entries.find((e) => e.name === name),
    read: async (entry, max = MAX_STREAM) => {
      if (entry.size > max) throw new MetaError('too-large', `stream ${entry.name} of ${entry.size} bytes`);
      return readStream(entry, entry.size);
    },
    head: (entry, n) => readStream(entry, Math.min(entry.size, n)),
  };
}
