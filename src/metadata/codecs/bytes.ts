// Small byte helpers shared by the format readers. All of them are bounds-safe:
// reading past the end gives 0 / '' instead of throwing, so callers check
// lengths once and stay simple.

export function u8(b: Uint8Array, o: number): number {
  return b[o] ?? 0;
}

export function u16(b: Uint8Array, o: number, le = false): number {
  const a = b[o] ?? 0;
  const c = b[o + 1] ?? 0;
  return le ? a | (c << 8) : (a << 8) | c;
}

export function u32(b: Uint8Array, o: number, le = false): number {
  const a = b[o] ?? 0;
  const c = b[o + 1] ?? 0;
  const d = b[o + 2] ?? 0;
  const e = b[o + 3] ?? 0;
  return (le ? (e << 24) | (d << 16) | (c << 8) | a : (a << 24) | (c << 16) | (d << 8) | e) >>> 0;
}

export function i32(b: Uint8Array, o: number, le = false): number {
  return u32(b, o, le) | 0;
}

/** 64-bit unsigned as a JS number (exact up to 2^53, larger values become Infinity-like big numbers the callers reject). */
export function u64(b: Uint8Array, o: number, le = false): number {
  const hi = le ? u32(b, o + 4, true) : u32(b, o, false);
  const lo = le ? u32(b, o, true) : u32(b, o + 4, false);
  return hi * 0x1_0000_0000 + lo;
}

export function writeU16(b: Uint8Array, o: number, v: number, le = false): void {
  if (le) {
    b[o] = v & 0xff;
    b[o + 1] = (v >>> 8) & 0xff;
  } else {
    b[o] = (v >>> 8) & 0xff;
    b[o + 1] = v & 0xff;
  }
}

export function writeU32(b: Uint8Array, o: number, v: number, le = false): void {
  if (le) {
    b[o] = v & 0xff;
    b[o + 1] = (v >>> 8) & 0xff;
    b[o + 2] = (v >>> 16) & 0xff;
    b[o + 3] = (v >>> 24) & 0xff;
  } else {
    b[o] = (v >>> 24) & 0xff;
    b[o + 1] = (v >>> 16) & 0xff;
    b[o + 2] = (v >>> 8) & 0xff;
    b[o + 3] = v & 0xff;
  }
}

/** Bytes as Latin-1 characters (every byte maps to one char; never fails). */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  const stop = Math.min(end, b.length);
  if (stop - start <= 32) {
    for (let i = start; i < stop; i++) s += String.fromCharCode(b[i] ?? 0);
    return s;
  }
  for (let i = start; i < stop; i += 4096) {
    s += String.fromCharCode(...b.subarray(i, Math.min(i + 4096, stop)));
  }
  return s;
}

/** A four-character code (box or chunk type). */
export function fourcc(b: Uint8Array, o: number): string {
  return String.fromCharCode(u8(b, o), u8(b, o + 1), u8(b, o + 2), u8(b, o + 3));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Loose = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

export function utf8(b: Uint8Array): string {
  return utf8Loose.decode(b);
}

export function utf16(b: Uint8Array, le: boolean): string {
  return (le ? utf16le : utf16be).decode(b);
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (what old cameras and Windows tools write). */
export function text(b: Uint8Array): string {
  try {
    return utf8Strict.decode(b);
  } catch {
    return latin1(b);
  }
}

/** Text up to the first NUL. */
export function cstring(b: Uint8Array, start = 0, end = b.length): string {
  let stop = start;
  const limit = Math.min(end, b.length);
  while (stop < limit && b[stop] !== 0) stop++;
  return text(b.subarray(start, stop));
}

export function startsWith(b: Uint8Array, prefix: string | readonly number[], at = 0): boolean {
  if (typeof prefix === 'string') {
    if (b.length < at + prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }
  if (b.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

export function indexOf(hay: Uint8Array, needle: string, from = 0, to = hay.length): number {
  const first = needle.charCodeAt(0);
  const last = Math.min(to, hay.length) - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function lastIndexOf(hay: Uint8Array, needle: string, from = hay.length - needle.length): number {
  const first = needle.charCodeAt(0);
  for (let i = Math.min(from, hay.length - needle.length); i >= 0; i--) {
    if (hay[i] !== first) continue;
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (hay[i + j] !== needle.charCodeAt(j)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (zip, PNG). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Lower-case hex of bytes (UUIDs). */
export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}
