// A strict map of a Compound File Binary (OLE2) file, for cleaning it in
// place: where every stream's bytes lie in the file, which sectors are in use
// and which are free. Unlike the lenient reader in cfb.ts (which reads what it
// can for a scan), this one refuses anything malformed: a bad header, FAT or
// DIFAT sectors out of range, chains that loop, run short, end on a special
// value or share a sector with another chain, directory entries that point
// outside the directory, sizes larger than the file. Every loop is bounded by
// the number of sectors in the file and checks the time budget. Written from
// the published [MS-CFB] specification.
import { u16, u32, utf16 } from './bytes.js';
import { MetaError, type Budget } from './source.js';

const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const MINI_SECTOR = 64;
const MAX_DIR_ENTRIES = 100_000;

export const CFB_MAGIC: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface CfbNode {
  /** Index in the directory. */
  index: number;
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
  child: number;
}

/** A run of file bytes: `length` bytes at `offset`. */
export interface Extent {
  offset: number;
  length: number;
}

export interface CfbLayout {
  sectorSize: number;
  miniCutoff: number;
  /** Every directory entry in use (type 1, 2 or 5), in directory order. */
  nodes: CfbNode[];
  /** The file ranges holding a stream, in order: whole (mini) sectors, so the last may run past its size. */
  extents(node: CfbNode): Extent[];
  /** A stream's bytes, exactly its size. */
  read(node: CfbNode): Uint8Array;
  /** Regular sectors and mini sectors no chain uses (leftovers of earlier saves can sit there). */
  free: Extent[];
}

function corrupt(why: string): never {
  throw new MetaError('corrupt', `compound file: ${why}`);
}

/**
 * Maps a whole compound file held in memory. Throws MetaError('corrupt') on
 * anything it cannot account for exactly; never loops more often than the
 * file has sectors.
 */
export function mapCfb(file: Uint8Array, budget: Budget): CfbLayout {
  if (file.length < 512 || !CFB_MAGIC.every((b, i) => file[i] === b)) corrupt('not a compound file');
  const major = u16(file, 0x1a, true);
  const shift = u16(file, 0x1e, true);
  if (u16(file, 0x1c, true) !== 0xfffe) corrupt('byte order mark');
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) corrupt(`version ${major} with sector size 2^${shift}`);
  if (u16(file, 0x20, true) !== 6) corrupt('mini sector size');
  const sector = 1 << shift;
  if (file.length < sector) corrupt('shorter than its header');
  const miniCutoff = u32(file, 0x38, true);
  if (miniCutoff !== 4096) corrupt(`mini stream cutoff ${miniCutoff}`);
  // Sectors that start inside the file (the last one may be cut short by some writers).
  const sectorCount = Math.ceil((file.length - sector) / sector);
  const at = (n: number): number => (n + 1) * sector;
  const sectorBytes = (n: number): Uint8Array => file.subarray(at(n), Math.min(file.length, at(n) + sector));

  // FAT sectors: 109 in the header, the rest through the DIFAT chain.
  const numFat = u32(file, 0x2c, true);
  const numDifat = u32(file, 0x48, true);
  if (numFat === 0 || numFat > sectorCount) corrupt(`${numFat} FAT sectors in a file of ${sectorCount}`);
  if (numDifat > sectorCount) corrupt(`${numDifat} DIFAT sectors in a file of ${sectorCount}`);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(u32(file, 0x4c + i * 4, true));
  const difatSectors: number[] = [];
  let difat = u32(file, 0x44, true);
  for (let k = 0; k < numDifat; k++) {
    budget.check();
    if (difat >= sectorCount) corrupt(`DIFAT sector ${difat} out of range`);
    if (difatSectors.includes(difat)) corrupt('DIFAT chain loops');
    difatSectors.push(difat);
    const b = sectorBytes(difat);
    if (b.length < sector) corrupt('DIFAT sector cut short');
    for (let i = 0; i < sector / 4 - 1 && fatSectors.length < numFat; i++) fatSectors.push(u32(b, i * 4, true));
    difat = u32(b, sector - 4, true);
  }
  if (fatSectors.length !== numFat) corrupt(`${fatSectors.length} of ${numFat} FAT sectors listed`);
  const owner = new Map<number, string>();
  const claim = (s: number, what: string): void => {
    const before = owner.get(s);
    if (before !== undefined) corrupt(`sector ${s} used by both ${before} and ${what}`);
    owner.set(s, what);
  };
  for (const s of difatSectors) claim(s, 'DIFAT');
  const fat = new Uint32Array(numFat * (sector / 4));
  fatSectors.forEach((s, i) => {
    if (s >= sectorCount) corrupt(`FAT sector ${s} out of range`);
    claim(s, 'FAT');
    const b = sectorBytes(s);
    if (b.length < sector) corrupt('FAT sector cut short');
    for (let j = 0; j < sector / 4; j++) fat[i * (sector / 4) + j] = u32(b, j * 4, true);
  });
  const limit = Math.min(sectorCount, fat.length);

  /** The sectors of a chain, checked: in range, no loop, ends with ENDOFCHAIN, at least `need` long. */
  const chain = (start: number, need: number, what: string, table: Uint32Array | number[], bound: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== ENDOFCHAIN) {
      if (s > MAXREGSECT) corrupt(`${what}: chain ends on a special value`);
      if (s >= bound) corrupt(`${what}: sector ${s} out of range`);
      if (seen.has(s)) corrupt(`${what}: sector chain loops`);
      seen.add(s);
      out.push(s);
      if ((out.length & 1023) === 0) budget.check();
      s = table[s] ?? FREESECT;
    }
    if (out.length < need) corrupt(`${what}: chain of ${out.length} sectors for ${need}`);
    return out;
  };

  // Directory.
  const dirChain = chain(u32(file, 0x30, true), 1, 'directory', fat, limit);
  if (dirChain.length * (sector / 128) > MAX_DIR_ENTRIES) corrupt('directory too large');
  for (const s of dirChain) claim(s, 'directory');
  const dir = new Uint8Array(dirChain.length * sector);
  dirChain.forEach((s, i) => {
    const b = sectorBytes(s);
    if (b.length < sector) corrupt('directory sector cut short');
    dir.set(b, i * sector);
  });
  const count = dir.length / 128;
  const nodes: CfbNode[] = [];
  for (let i = 0; i < count; i++) {
    const o = i * 128;
    const type = dir[o + 66] ?? 0;
    if (type === 0) continue;
    if (type !== 1 && type !== 2 && type !== 5) corrupt(`directory entry ${i} of type ${type}`);
    if ((type === 5) !== (i === 0)) corrupt('root entry');
    const nameLen = u16(dir, o + 64, true);
    if (nameLen > 64 || nameLen % 2 !== 0) corrupt(`directory entry ${i} name length`);
    const name = nameLen > 2 ? utf16(dir.subarray(o, o + nameLen - 2), true) : '';
    for (const link of [68, 72, 76]) {
      const v = u32(dir, o + link, true);
      if (v !== NOSTREAM && v >= count) corrupt(`directory entry ${i} points outside the directory`);
    }
    const high = u32(dir, o + 124, true);
    if (major === 4 && high !== 0) corrupt(`stream ${i} larger than 4 GiB`);
    const size = type === 1 ? 0 : u32(dir, o + 120, true);
    if (size > file.length) corrupt(`stream ${i} of ${size} bytes in a file of ${file.length}`);
    nodes.push({ index: i, name, type, start: u32(dir, o + 116, true), size, child: u32(dir, o + 76, true) });
  }
  const root = nodes[0];
  if (!root || root.type !== 5) corrupt('no root entry');

  // Mini stream (held in the root entry's chain) and the mini FAT.
  const rootChain = root.size > 0 ? chain(root.start, Math.ceil(root.size / sector), 'mini stream', fat, limit) : [];
  for (const s of rootChain) claim(s, 'mini stream');
  const numMiniFat = u32(file, 0x40, true);
  if (numMiniFat > sectorCount) corrupt('mini FAT size');
  const miniFatChain = numMiniFat > 0 ? chain(u32(file, 0x3c, true), numMiniFat, 'mini FAT', fat, limit) : [];
  for (const s of miniFatChain) claim(s, 'mini FAT');
  const miniFat: number[] = [];
  for (const s of miniFatChain.slice(0, numMiniFat)) {
    const b = sectorBytes(s);
    if (b.length < sector) corrupt('mini FAT sector cut short');
    for (let j = 0; j < sector / 4; j++) miniFat.push(u32(b, j * 4, true));
  }
  const miniCount = Math.min(miniFat.length, Math.floor((rootChain.length * sector) / MINI_SECTOR), Math.ceil(root.size / MINI_SECTOR));
  const miniOwner = new Set<number>();

  const extentsOf = new Map<number, Extent[]>();
  for (const node of nodes) {
    if (node.type !== 2) continue;
    budget.check();
    const what = `stream ${node.index}`;
    const extents: Extent[] = [];
    if (node.size >= miniCutoff) {
      for (const s of chain(node.start, Math.ceil(node.size / sector), what, fat, limit).slice(0, Math.ceil(node.size / sector))) {
        claim(s, what);
        extents.push({ offset: at(s), length: Math.min(sector, file.length - at(s)) });
      }
    } else if (node.size > 0) {
      const need = Math.ceil(node.size / MINI_SECTOR);
      for (const m of chain(node.start, need, what, miniFat, miniCount).slice(0, need)) {
        if (miniOwner.has(m)) corrupt(`mini sector ${m} used twice`);
        miniOwner.add(m);
        const host = rootChain[Math.floor((m * MINI_SECTOR) / sector)];
        if (host === undefined) corrupt(`${what}: mini sector ${m} outside the mini stream`);
        const offset = at(host) + ((m * MINI_SECTOR) % sector);
        if (offset + MINI_SECTOR > file.length) corrupt(`${what}: mini sector past the end of the file`);
        extents.push({ offset, length: MINI_SECTOR });
      }
    }
    const room = extents.reduce((n, e) => n + e.length, 0);
    if (room < node.size) corrupt(`${what}: ends past the end of the file`);
    extentsOf.set(node.index, extents);
  }

  // Free space: sectors marked free that no chain claims, and unused mini sectors.
  const free: Extent[] = [];
  for (let s = 0; s < sectorCount; s++) {
    const v = s < fat.length ? fat[s] : FREESECT;
    if (v === FREESECT && !owner.has(s)) free.push({ offset: at(s), length: Math.min(sector, file.length - at(s)) });
  }
  for (let m = 0; m < miniCount; m++) {
    if (miniFat[m] === FREESECT && !miniOwner.has(m)) {
      const host = rootChain[Math.floor((m * MINI_SECTOR) / sector)];
      if (host !== undefined) free.push({ offset: at(host) + ((m * MINI_SECTOR) % sector), length: MINI_SECTOR });
    }
  }

  return {
    sectorSize: sector,
    miniCutoff,
    nodes,
    free,
    extents: (node) => extentsOf.get(node.index) ?? [],
    read: (node) => {
      const out = new Uint8Array(node.size);
      let p = 0;
      for (const e of extentsOf.get(node.index) ?? []) {
        if (p >= node.size) break;
        const n = Math.min(e.length, node.size - p);
        out.set(file.subarray(e.offset, e.offset + n), p);
        p += n;
      }
      return out;
    },
  };
}
