// A small, bounded PDF object reader for the scanner: cross-reference tables
// and streams (with /Prev chains and loop protection), object streams, the
// trailer's Info dictionary and the catalog's XMP stream. Everything is read
// lazily through a Source, so a 500 MB PDF costs a few kilobytes.
import { latin1, lastIndexOf, u8 } from './bytes.js';
import { inflateCapped, MetaError, type Source } from './source.js';

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;

export interface PdfObject {
  value: PdfValue;
  /** Absolute offset of the stream data when the object is a stream. */
  streamAt?: number;
}

class Eof extends Error {}

const MAX_DEPTH = 64;
const MAX_ITEMS = 100_000;
const MAX_STRING = 1024 * 1024;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
function isDelim(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}

/** Parses PDF syntax from a byte window. Throws Eof when the window ends mid-object. */
export class Lexer {
  constructor(
    readonly b: Uint8Array,
    public pos = 0,
    /** The window ends where the data ends (not mid-file). */
    readonly final = true,
  ) {}

  private peek(): number {
    if (this.pos >= this.b.length) throw new Eof();
    return this.b[this.pos] ?? 0;
  }

  skipWs(): void {
    for (;;) {
      if (this.pos >= this.b.length) return;
      const c = this.b[this.pos] ?? 0;
      if (isWs(c)) {
        this.pos++;
      } else if (c === 0x25) {
        while (this.pos < this.b.length && this.b[this.pos] !== 0x0a && this.b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  /** A bare keyword or number token, without consuming it when `peekOnly`. */
  word(peekOnly = false): string {
    this.skipWs();
    const start = this.pos;
    let p = this.pos;
    while (p < this.b.length && !isWs(this.b[p] ?? 0) && !isDelim(this.b[p] ?? 0)) p++;
    if (p >= this.b.length && (p === start || !this.final)) throw new Eof();
    if (!peekOnly) this.pos = p;
    return latin1(this.b, start, p);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new MetaError('corrupt', 'PDF objects nested too deeply');
    this.skipWs();
    const c = this.peek();
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (this.b[this.pos + 1] === 0x3c) return this.dict(depth);
      return this.hex();
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (this.peek() === 0x5d) {
          this.pos++;
          return arr;
        }
        if (arr.length >= MAX_ITEMS) throw new MetaError('too-large', 'PDF array too long');
        arr.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      const n = Number(w);
      if (/^\d+$/.test(w)) {
        // "n g R"?
        const save = this.pos;
        try {
          const g = this.word();
          if (/^\d+$/.test(g) && this.word() === 'R') return new PdfRef(n, Number(g));
        } catch (e) {
          if (!(e instanceof Eof)) throw e;
        }
        this.pos = save;
      }
      return n;
    }
    if (w === '') {
      // A delimiter we do not handle here (a stray ')' or '>'): skip it.
      this.pos++;
      return null;
    }
    return new PdfName(`#keyword:${w}`);
  }

  private name(): PdfName {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.b.length && !isWs(this.b[this.pos] ?? 0) && !isDelim(this.b[this.pos] ?? 0)) this.pos++;
    const raw = latin1(this.b, start, this.pos);
    return new PdfName(raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const d: PdfDict = new Map();
    for (;;) {
      this.skipWs();
      const c = this.peek();
      if (c === 0x3e && this.b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return d;
      }
      if (c !== 0x2f) {
        // Tolerate junk between entries.
        this.value(depth + 1);
        continue;
      }
      const key = this.name().name;
      if (d.size >= MAX_ITEMS) throw new MetaError('too-large', 'PDF dictionary too large');
      d.set(key, this.value(depth + 1));
    }
  }

  private hex(): PdfString {
    this.pos++;
    const out: number[] = [];
    let hi = -1;
    for (;;) {
      const c = this.peek();
      this.pos++;
      if (c === 0x3e) break;
      const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
      if (v < 0) continue;
      if (hi < 0) hi = v;
      else {
        out.push(hi * 16 + v);
        hi = -1;
      }
      if (out.length > MAX_STRING) throw new MetaError('too-large', 'PDF string too long');
    }
    if (hi >= 0) out.push(hi * 16);
    return new PdfString(Uint8Array.from(out));
  }

  private literal(): PdfString {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      let c = this.peek();
      this.pos++;
      if (c === 0x5c) {
        c = this.peek();
        this.pos++;
        switch (c) {
          case 0x6e:
            out.push(0x0a);
            break;
          case 0x72:
            out.push(0x0d);
            break;
          case 0x74:
            out.push(0x09);
            break;
          case 0x62:
            out.push(0x08);
            break;
          case 0x66:
            out.push(0x0c);
            break;
          case 0x0d:
            if (this.b[this.pos] === 0x0a) this.pos++;
            break;
          case 0x0a:
            break;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2; k++) {
                const d = this.b[this.pos] ?? 0;
                if (d < 0x30 || d > 0x37) break;
                v = v * 8 + (d - 0x30);
                this.pos++;
              }
              out.push(v & 0xff);
            } else out.push(c);
        }
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
      if (out.length > MAX_STRING) throw new MetaError('too-large', 'PDF string too long');
    }
    return new PdfString(Uint8Array.from(out));
  }
}

// PDFDocEncoding differs from Latin-1 in 0x18-0x1f and 0x80-0xa0.
const PDFDOC_HIGH = [
  0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
  0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0xfffd, 0x20ac,
];
const PDFDOC_LOW = [0x02d8, 0x02c7, 0x02c6, 0x02d9, 0x02dd, 0x02db, 0x02da, 0x02dc];

/** A PDF text string: UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding. */
export function pdfText(s: PdfString): string {
  const b = s.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
  let out = '';
  for (const c of b) {
    if (c >= 0x80 && c <= 0xa0) out += String.fromCharCode(PDFDOC_HIGH[c - 0x80] ?? 0xfffd);
    else if (c >= 0x18 && c <= 0x1f) out += String.fromCharCode(PDFDOC_LOW[c - 0x18] ?? 0xfffd);
    else out += String.fromCharCode(c);
  }
  return out;
}

/** "D:20160319025121-07'00'" as "2016:03:19 02:51:21-07:00". */
export function pdfDate(s: string): string {
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s.trim());
  if (!m) return s;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz, th, tm] = m;
  const zone = tz === undefined ? '' : tz === 'Z' || tz === 'z' ? 'Z' : `${tz}${th ?? '00'}:${tm ?? '00'}`;
  return `${y}:${mo}:${d} ${h}:${mi}:${se}${zone}`;
}

export function dictGet(d: PdfValue | undefined, key: string): PdfValue | undefined {
  return d instanceof Map ? d.get(key) : undefined;
}

// ---------------------------------------------------------------------------

export interface XrefEntry {
  type: 1 | 2;
  /** type 1: file offset; type 2: object stream number. */
  a: number;
  /** type 1: generation; type 2: index in the stream. */
  b: number;
}

export interface Revision {
  /** Where this revision's xref section starts. */
  at: number;
  trailer: PdfDict;
  entries: Map<number, XrefEntry>;
}

const MAX_REVISIONS = 1000;
const MAX_XREF_ENTRIES = 2_000_000;
const MAX_STREAM = 64 * 1024 * 1024;

export class PdfFile {
  /** Newest first. */
  revisions: Revision[] = [];
  private readonly cache = new Map<string, PdfObject>();
  private readonly objStreams = new Map<number, { first: number; offsets: Map<number, number>; data: Uint8Array }>();

  constructor(readonly src: Source) {}

  /** Reads the xref chain from startxref, following /Prev and /XRefStm with loop protection. */
  async load(): Promise<void> {
    const tailLen = Math.min(this.src.size, 2048);
    const tail = await this.src.read(this.src.size - tailLen, tailLen);
    const sx = lastIndexOf(tail, 'startxref');
    if (sx === -1) throw new MetaError('corrupt', 'no startxref');
    const lx = new Lexer(tail, sx + 9);
    const start = Number(lx.word());
    if (!Number.isSafeInteger(start) || start < 0 || start >= this.src.size) throw new MetaError('corrupt', 'bad startxref');
    const seen = new Set<number>();
    let next: number | undefined = start;
    while (next !== undefined && this.revisions.length < MAX_REVISIONS) {
      if (seen.has(next)) break; // a /Prev loop
      seen.add(next);
      this.src.budget.check();
      const rev = await this.readXref(next);
      const stm = rev.trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        try {
          const hybrid = await this.readXref(stm);
          for (const [k, v] of hybrid.entries) if (!rev.entries.has(k)) rev.entries.set(k, v);
        } catch (e) {
          if (e instanceof MetaError && e.code === 'timeout') throw e;
        }
      }
      this.revisions.push(rev);
      const prev = rev.trailer.get('Prev');
      next = typeof prev === 'number' && Number.isSafeInteger(prev) && prev >= 0 && prev < this.src.size ? prev : undefined;
    }
  }

  get trailer(): PdfDict {
    return this.revisions[0]?.trailer ?? new Map();
  }

  private async window(at: number, min = 4096): Promise<Uint8Array> {
    return this.src.readAtMost(at, Math.max(min, 4096));
  }

  /** Parses with a growing window until the object fits. */
  private async parseAt<T>(at: number, fn: (lx: Lexer) => T): Promise<T> {
    let size = 16 * 1024;
    for (;;) {
      const b = await this.window(at, size);
      try {
        return fn(new Lexer(b, 0, b.length < size));
      } catch (e) {
        if (!(e instanceof Eof)) throw e;
        if (b.length < size || size >= 16 * 1024 * 1024) throw new MetaError('truncated', `PDF object at ${at} runs past the end`);
        size *= 4;
      }
    }
  }

  private async readXref(at: number): Promise<Revision> {
    const head = latin1(await this.src.readAtMost(at, 4), 0, 4);
    if (head === 'xref') return this.readXrefTable(at);
    const obj = await this.readObjectAt(at);
    if (!(obj.value instanceof Map) || obj.streamAt === undefined) throw new MetaError('corrupt', 'xref is neither a table nor a stream');
    return this.readXrefStream(at, obj);
  }

  private async readXrefTable(at: number): Promise<Revision> {
    return this.parseAt(at, (lx) => {
      lx.word(); // xref
      const entries = new Map<number, XrefEntry>();
      const num = (w: string): number => (/^\d+$/.test(w) ? Number(w) : NaN);
      let rows = 0;
      for (;;) {
        const w = lx.word();
        if (w === 'trailer') break;
        // Every word must be a number here; anything else would not advance the lexer.
        const first = num(w);
        const count = num(lx.word());
        if (!Number.isSafeInteger(first) || !Number.isSafeInteger(count)) throw new MetaError('corrupt', 'bad xref subsection');
        rows += count;
        if (rows > MAX_XREF_ENTRIES) throw new MetaError('too-large', 'xref table too large');
        this.src.budget.check();
        for (let i = 0; i < count; i++) {
          const off = num(lx.word());
          const gen = num(lx.word());
          const kind = lx.word();
          if (!Number.isSafeInteger(off) || !Number.isSafeInteger(gen) || (kind !== 'n' && kind !== 'f')) throw new MetaError('corrupt', 'bad xref entry');
          if (kind === 'n' && !entries.has(first + i) && off > 0) entries.set(first + i, { type: 1, a: off, b: gen });
        }
      }
      const trailer = lx.value();
      if (!(trailer instanceof Map)) throw new MetaError('corrupt', 'bad trailer');
      return { at, trailer, entries };
    });
  }

  private async readXrefStream(at: number, obj: PdfObject): Promise<Revision> {
    const dict = obj.value as PdfDict;
    const data = await this.streamData(obj);
    const w = dict.get('W');
    if (!Array.isArray(w) || w.length < 3) throw new MetaError('corrupt', 'xref stream without /W');
    const widths = w.map((x) => (typeof x === 'number' ? x : 0));
    const rowLen = widths.reduce((s, x) => s + x, 0);
    if (rowLen <= 0 || widths.some((x) => x < 0 || x > 8)) throw new MetaError('corrupt', 'bad xref /W');
    const size = dict.get('Size');
    const index = dict.get('Index');
    const ranges: number[] = Array.isArray(index) ? index.map((x) => (typeof x === 'number' ? x : 0)) : [0, typeof size === 'number' ? size : 0];
    const entries = new Map<number, XrefEntry>();
    let row = 0;
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r] ?? 0;
      const count = ranges[r + 1] ?? 0;
      if (entries.size + count > MAX_XREF_ENTRIES) throw new MetaError('too-large', 'xref stream too large');
      for (let i = 0; i < count; i++, row++) {
        const o = row * rowLen;
        if (o + rowLen > data.length) break;
        const field = (k: number): number => {
          let v = 0;
          let p = o;
          for (let j = 0; j < k; j++) p += widths[j] ?? 0;
          for (let j = 0; j < (widths[k] ?? 0); j++) v = v * 256 + u8(data, p + j);
          return v;
        };
        const type = (widths[0] ?? 0) === 0 ? 1 : field(0);
        if ((type === 1 || type === 2) && !entries.has(first + i)) entries.set(first + i, { type, a: field(1), b: field(2) });
      }
    }
    return { at, trailer: dict, entries };
  }

  /** Reads "n g obj <value> [stream]" at an absolute offset. */
  async readObjectAt(at: number): Promise<PdfObject> {
    return this.parseAt(at, (lx) => {
      const n = lx.word();
      const g = lx.word();
      const kw = lx.word();
      if (!/^\d+$/.test(n) || !/^\d+$/.test(g) || kw !== 'obj') throw new MetaError('corrupt', `no object at ${at}`);
      const value = lx.value();
      const save = lx.pos;
      let streamAt: number | undefined;
      try {
        if (value instanceof Map && lx.word() === 'stream') {
          let p = lx.pos;
          if (lx.b[p] === 0x0d) p++;
          if (lx.b[p] === 0x0a) p++;
          streamAt = at + p;
        }
      } catch (e) {
        if (!(e instanceof Eof)) throw e;
      }
      if (streamAt === undefined) lx.pos = save;
      return { value, streamAt };
    });
  }

  /** Resolves a reference through the newest revision (or a given one). */
  async resolve(v: PdfValue | undefined, rev?: Revision, depth = 0): Promise<PdfValue | undefined> {
    if (!(v instanceof PdfRef)) return v;
    if (depth > 16) throw new MetaError('corrupt', 'reference chain too long');
    const obj = await this.object(v.num, rev);
    return obj ? this.resolve(obj.value, rev, depth + 1) : undefined;
  }

  /** The xref entry of an object: in `rev` when given, else the newest that has it. */
  entry(num: number, rev?: Revision): XrefEntry | undefined {
    if (rev) return rev.entries.get(num) ?? this.entryFrom(num, this.revisions.indexOf(rev) + 1);
    return this.entryFrom(num, 0);
  }

  private entryFrom(num: number, from: number): XrefEntry | undefined {
    for (let i = Math.max(0, from); i < this.revisions.length; i++) {
      const e = this.revisions[i]?.entries.get(num);
      if (e) return e;
    }
    return undefined;
  }

  async object(num: number, rev?: Revision, depth = 0): Promise<PdfObject | undefined> {
    const e = this.entry(num, rev);
    if (!e) return undefined;
    const key = `${num}:${e.type}:${e.a}:${e.b}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let obj: PdfObject | undefined;
    if (e.type === 1) {
      if (e.a >= this.src.size) return undefined;
      obj = await this.readObjectAt(e.a);
    } else {
      if (depth > 4 || e.a === num) throw new MetaError('corrupt', 'object stream loop');
      const stm = await this.objectStream(e.a, rev, depth);
      const off = stm?.offsets.get(num);
      if (!stm || off === undefined) return undefined;
      const lx = new Lexer(stm.data, stm.first + off);
      try {
        obj = { value: lx.value() };
      } catch (err) {
        if (err instanceof Eof) throw new MetaError('corrupt', 'object stream ends mid-object');
        throw err;
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, obj);
    return obj;
  }

  private async objectStream(num: number, rev: Revision | undefined, depth: number): Promise<{ first: number; offsets: Map<number, number>; data: Uint8Array } | undefined> {
    const cached = this.objStreams.get(num);
    if (cached) return cached;
    const obj = await this.object(num, rev, depth + 1);
    if (!obj || !(obj.value instanceof Map)) return undefined;
    const data = await this.streamData(obj);
    const n = obj.value.get('N');
    const first = obj.value.get('First');
    if (typeof n !== 'number' || typeof first !== 'number') return undefined;
    const lx = new Lexer(data, 0);
    const offsets = new Map<number, number>();
    for (let i = 0; i < n && i < MAX_ITEMS; i++) {
      try {
        const id = Number(lx.word());
        const off = Number(lx.word());
        if (Number.isSafeInteger(id) && Number.isSafeInteger(off)) offsets.set(id, off);
      } catch (e) {
        if (e instanceof Eof) break;
        throw e;
      }
    }
    const entry = { first, offsets, data };
    this.objStreams.set(num, entry);
    return entry;
  }

  /** Stream bytes, decoded when the filter is FlateDecode (with PNG predictors); null for filters we leave alone. */
  async streamData(obj: PdfObject, max = MAX_STREAM): Promise<Uint8Array> {
    if (!(obj.value instanceof Map) || obj.streamAt === undefined) throw new MetaError('corrupt', 'not a stream');
    const dict = obj.value;
    let len = await this.resolve(dict.get('Length'));
    if (typeof len !== 'number' || len < 0 || obj.streamAt + len > this.src.size) {
      // A wrong /Length: find "endstream" instead.
      const b = await this.src.readAtMost(obj.streamAt, Math.min(max, this.src.size - obj.streamAt));
      const end = latin1(b, 0, b.length).indexOf('endstream');
      if (end === -1) throw new MetaError('truncated', 'stream without end');
      len = end;
    }
    if (len > max) throw new MetaError('too-large', 'stream too large');
    const raw = await this.src.read(obj.streamAt, len);
    const filter = dict.get('Filter');
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    if (filters.length === 0) return raw;
    if (filters.length > 1 || !(filters[0] instanceof PdfName) || filters[0].name !== 'FlateDecode') {
      throw new MetaError('unsupported-variant', 'stream filter');
    }
    let data = inflateCapped(raw, Math.min(max, this.src.budget.inflateRemaining), this.src.budget, true);
    const parms = dict.get('DecodeParms');
    const p = Array.isArray(parms) ? parms[0] : parms;
    const predictor = dictGet(p, 'Predictor');
    if (typeof predictor === 'number' && predictor >= 10) {
      const cols = dictGet(p, 'Columns');
      data = unpredict(data, typeof cols === 'number' && cols > 0 ? cols : 1);
    }
    return data;
  }
}

/** PNG predictors (10-15) as used by xref and object streams. */
function unpredict(data: Uint8Array, columns: number): Uint8Array {
  const rowLen = columns + 1;
  const rows = Math.floor(data.length / rowLen);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * rowLen] ?? 0;
    for (let c = 0; c < columns; c++) {
      const x = data[r * rowLen + 1 + c] ?? 0;
      const left = c > 0 ? (out[r * columns + c - 1] ?? 0) : 0;
      const up = r > 0 ? (out[(r - 1) * columns + c] ?? 0) : 0;
      const upLeft = r > 0 && c > 0 ? (out[(r - 1) * columns + c - 1] ?? 0) : 0;
      let v: number;
      switch (type) {
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const pa = Math.abs(up - upLeft);
          const pb = Math.abs(left - upLeft);
          const pc = Math.abs(left + up - 2 * upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          v = x;
      }
      out[r * columns + c] = v & 0xff;
    }
  }
  return out;
}
