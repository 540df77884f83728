// Property lists from iPhone backups: Info.plist (XML) and Manifest.plist
// (usually binary, "bplist00"). Both are untrusted files on disk, so the
// parsers are small and bounded: a cap on objects and nesting, reference
// cycles refused, every offset checked, no entity expansion (XML entities
// other than the five predefined ones are left as text), dictionaries as Maps
// so a "__proto__" key is just a key.

export type PlistValue = string | number | boolean | Date | PlistData | PlistValue[] | PlistDict | null;
export type PlistDict = Map<string, PlistValue>;
/** Binary data is not copied: only its length is kept. */
export interface PlistData {
  readonly dataLength: number;
}

export class PlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlistError';
  }
}

const MAX_OBJECTS = 500_000;
const MAX_DEPTH = 64;

// ---------------------------------------------------------------------------
// XML

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

const TAG = /<(\/?)([A-Za-z]+)\s*[^>]*?(\/?)>/g;

/** Parses an XML property list. Throws PlistError when it is not one. */
export function parseXmlPlist(text: string): PlistValue {
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/i, '');
  TAG.lastIndex = 0;
  let objects = 0;

  const expectTag = (): { close: boolean; name: string; selfClosing: boolean; end: number; start: number } => {
    const m = TAG.exec(body);
    if (!m) throw new PlistError('unexpected end of XML plist');
    return { close: m[1] === '/', name: m[2] ?? '', selfClosing: m[3] === '/', end: TAG.lastIndex, start: m.index };
  };

  const textUntilClose = (name: string, from: number): string => {
    const close = body.indexOf(`</${name}>`, from);
    if (close < 0) throw new PlistError(`<${name}> not closed`);
    TAG.lastIndex = close + name.length + 3;
    return body.slice(from, close);
  };

  const value = (tag: { name: string; selfClosing: boolean; end: number }, depth: number): PlistValue => {
    if (++objects > MAX_OBJECTS) throw new PlistError('too many objects');
    if (depth > MAX_DEPTH) throw new PlistError('nested too deeply');
    switch (tag.name) {
      case 'true':
      case 'false':
        if (!tag.selfClosing) textUntilClose(tag.name, tag.end);
        return tag.name === 'true';
      case 'string':
        return tag.selfClosing ? '' : unescapeXml(textUntilClose('string', tag.end));
      case 'integer':
      case 'real': {
        const n = Number(tag.selfClosing ? '' : textUntilClose(tag.name, tag.end).trim());
        if (!Number.isFinite(n)) throw new PlistError(`bad <${tag.name}>`);
        return n;
      }
      case 'date': {
        const d = new Date(tag.selfClosing ? '' : textUntilClose('date', tag.end).trim());
        if (Number.isNaN(d.getTime())) throw new PlistError('bad <date>');
        return d;
      }
      case 'data': {
        const b64 = tag.selfClosing ? '' : textUntilClose('data', tag.end).replace(/\s+/g, '');
        return { dataLength: Math.floor((b64.length * 3) / 4) };
      }
      case 'array': {
        const out: PlistValue[] = [];
        if (tag.selfClosing) return out;
        for (;;) {
          const next = expectTag();
          if (next.close && next.name === 'array') return out;
          if (next.close) throw new PlistError(`unexpected </${next.name}>`);
          out.push(value(next, depth + 1));
        }
      }
      case 'dict': {
        const out: PlistDict = new Map();
        if (tag.selfClosing) return out;
        for (;;) {
          const key = expectTag();
          if (key.close && key.name === 'dict') return out;
          if (key.name !== 'key' || key.close) throw new PlistError('expected <key>');
          const k = key.selfClosing ? '' : unescapeXml(textUntilClose('key', key.end));
          const next = expectTag();
          if (next.close) throw new PlistError(`no value for key`);
          out.set(k, value(next, depth + 1));
        }
      }
      default:
        throw new PlistError(`unknown element <${tag.name}>`);
    }
  };

  let root = expectTag();
  if (root.name === 'plist' && !root.close) root = expectTag();
  if (root.close) throw new PlistError('empty plist');
  return value(root, 0);
}

// ---------------------------------------------------------------------------
// Binary ("bplist00")

function readUInt(b: Uint8Array, offset: number, size: number): number {
  if (offset < 0 || offset + size > b.length) throw new PlistError('offset past the end');
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + (b[offset + i] ?? 0);
  return n;
}

const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);

/** Parses a binary property list. Throws PlistError when it is broken or hostile. */
export function parseBinaryPlist(b: Uint8Array): PlistValue {
  if (b.length < 40 || new TextDecoder('latin1').decode(b.subarray(0, 8)) !== 'bplist00') throw new PlistError('not a binary plist');
  const t = b.length - 32;
  const offsetSize = b[t + 6] ?? 0;
  const refSize = b[t + 7] ?? 0;
  const count = readUInt(b, t + 8, 8);
  const top = readUInt(b, t + 16, 8);
  const tableAt = readUInt(b, t + 24, 8);
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw new PlistError('bad trailer');
  if (count < 1 || count > MAX_OBJECTS || top >= count) throw new PlistError('bad object count');
  if (tableAt < 8 || tableAt + count * offsetSize > t) throw new PlistError('offset table past the end');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const onPath = new Set<number>();
  let decoded = 0;

  const offsetOf = (ref: number): number => {
    if (ref >= count) throw new PlistError('object reference out of range');
    const at = readUInt(b, tableAt + ref * offsetSize, offsetSize);
    if (at < 8 || at >= tableAt) throw new PlistError('object offset out of range');
    return at;
  };

  /** Length from the marker's low nibble, or from the integer object after it. */
  const lengthAt = (at: number, nibble: number): { length: number; start: number } => {
    if (nibble !== 0x0f) return { length: nibble, start: at + 1 };
    const marker = b[at + 1] ?? 0;
    if (marker >> 4 !== 0x1) throw new PlistError('bad length marker');
    const size = 1 << (marker & 0x0f);
    if (size > 8) throw new PlistError('length too large');
    return { length: readUInt(b, at + 2, size), start: at + 2 + size };
  };

  const object = (ref: number, depth: number): PlistValue => {
    if (++decoded > MAX_OBJECTS) throw new PlistError('too many objects');
    if (depth > MAX_DEPTH) throw new PlistError('nested too deeply');
    if (onPath.has(ref)) throw new PlistError('reference cycle');
    const at = offsetOf(ref);
    const marker = b[at] ?? 0;
    const type = marker >> 4;
    const nibble = marker & 0x0f;
    switch (type) {
      case 0x0:
        if (marker === 0x08) return false;
        if (marker === 0x09) return true;
        return null;
      case 0x1: {
        const size = 1 << nibble;
        if (size > 8) throw new PlistError('integer too large');
        if (size === 8) {
          if (at + 9 > tableAt) throw new PlistError('integer past the end');
          return Number(view.getBigInt64(at + 1));
        }
        return readUInt(b, at + 1, size);
      }
      case 0x2: {
        const size = 1 << nibble;
        if (at + 1 + size > tableAt || (size !== 4 && size !== 8)) throw new PlistError('bad real');
        return size === 4 ? view.getFloat32(at + 1) : view.getFloat64(at + 1);
      }
      case 0x3: {
        if (marker !== 0x33 || at + 9 > tableAt) throw new PlistError('bad date');
        const ms = APPLE_EPOCH_MS + view.getFloat64(at + 1) * 1000;
        return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms) : null;
      }
      case 0x4: {
        const { length, start } = lengthAt(at, nibble);
        if (start + length > tableAt) throw new PlistError('data past the end');
        return { dataLength: length };
      }
      case 0x5:
      case 0x6: {
        const { length, start } = lengthAt(at, nibble);
        const bytes = type === 0x5 ? length : length * 2;
        if (start + bytes > tableAt) throw new PlistError('string past the end');
        return new TextDecoder(type === 0x5 ? 'latin1' : 'utf-16be').decode(b.subarray(start, start + bytes));
      }
      case 0x8:
        return readUInt(b, at + 1, nibble + 1);
      case 0xa:
      case 0xc: {
        const { length, start } = lengthAt(at, nibble);
        if (start + length * refSize > tableAt) throw new PlistError('array past the end');
        onPath.add(ref);
        const out: PlistValue[] = [];
        for (let i = 0; i < length; i++) out.push(object(readUInt(b, start + i * refSize, refSize), depth + 1));
        onPath.delete(ref);
        return out;
      }
      case 0xd: {
        const { length, start } = lengthAt(at, nibble);
        if (start + 2 * length * refSize > tableAt) throw new PlistError('dictionary past the end');
        onPath.add(ref);
        const out: PlistDict = new Map();
        for (let i = 0; i < length; i++) {
          const key = object(readUInt(b, start + i * refSize, refSize), depth + 1);
          if (typeof key !== 'string') throw new PlistError('dictionary key is not a string');
          out.set(key, object(readUInt(b, start + (length + i) * refSize, refSize), depth + 1));
        }
        onPath.delete(ref);
        return out;
      }
      default:
        throw new PlistError(`unknown object type 0x${type.toString(16)}`);
    }
  };

  return object(top, 0);
}

/** Either format, by its first bytes. */
export function parsePlist(bytes: Uint8Array): PlistValue {
  if (bytes.length >= 8 && new TextDecoder('latin1').decode(bytes.subarray(0, 8)) === 'bplist00') return parseBinaryPlist(bytes);
  return parseXmlPlist(new TextDecoder('utf-8').decode(bytes));
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return value instanceof Map;
}
