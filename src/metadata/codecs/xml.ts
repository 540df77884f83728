// A small XML tokenizer for metadata parts (docProps, meta.xml, XMP packets)
// and for rewriting document parts without disturbing anything we do not touch:
// every token keeps its source range, so unchanged markup is copied verbatim.
//
// Untrusted input: no DTD processing, no entity expansion beyond the five
// predefined entities and character references (no billion laughs, no XXE),
// hard caps on element count and nesting depth.
import { MetaError } from './source.js';

export type TokenKind = 'open' | 'close' | 'empty' | 'text' | 'cdata' | 'comment' | 'pi' | 'doctype';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Qualified name for open/close/empty tags. */
  name: string;
  /** Range of the raw attribute text inside a start tag. */
  attrStart: number;
  attrEnd: number;
}

/** A tag name for an error message: printable ASCII only, short (the file may be garbage). */
function shown(name: string): string {
  const clean = name.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 40 ? clean.slice(0, 40) + '...' : clean;
}

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Yields the tokens of `s`. Throws MetaError('corrupt') on markup it cannot delimit. */
export function* tokens(s: string): Generator<Token> {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (s.charCodeAt(i) !== 0x3c /* < */) {
      const next = s.indexOf('<', i);
      const end = next === -1 ? n : next;
      yield { kind: 'text', start: i, end, name: '', attrStart: i, attrEnd: i };
      i = end;
      continue;
    }
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 0x3f /* ? */) {
      const end = s.indexOf('?>', i + 2);
      if (end === -1) throw new MetaError('corrupt', 'unterminated processing instruction');
      yield { kind: 'pi', start: i, end: end + 2, name: '', attrStart: i, attrEnd: i };
      i = end + 2;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end === -1) throw new MetaError('corrupt', 'unterminated comment');
        yield { kind: 'comment', start: i, end: end + 3, name: '', attrStart: i, attrEnd: i };
        i = end + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i + 9);
        if (end === -1) throw new MetaError('corrupt', 'unterminated CDATA');
        yield { kind: 'cdata', start: i, end: end + 3, name: '', attrStart: i + 9, attrEnd: end };
        i = end + 3;
        continue;
      }
      // <!DOCTYPE ...> possibly with an internal subset [...]
      let j = i + 2;
      let depth = 0;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === 0x5b) depth++;
        else if (c === 0x5d) depth--;
        else if (c === 0x3e && depth <= 0) break;
        j++;
      }
      if (j >= n) throw new MetaError('corrupt', 'unterminated declaration');
      yield { kind: 'doctype', start: i, end: j + 1, name: '', attrStart: i, attrEnd: i };
      i = j + 1;
      continue;
    }
    if (c1 === 0x2f /* / */) {
      const end = s.indexOf('>', i + 2);
      if (end === -1) throw new MetaError('corrupt', 'unterminated end tag');
      yield { kind: 'close', start: i, end: end + 1, name: s.slice(i + 2, end).trim(), attrStart: end, attrEnd: end };
      i = end + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && !isNameEnd(s.charCodeAt(j))) j++;
    const name = s.slice(i + 1, j);
    if (name === '') throw new MetaError('corrupt', `stray "<" at ${i}`);
    const attrStart = j;
    let quote = 0;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
      j++;
    }
    if (j >= n) throw new MetaError('corrupt', 'unterminated start tag');
    const selfClosing = s.charCodeAt(j - 1) === 0x2f;
    yield {
      kind: selfClosing ? 'empty' : 'open',
      start: i,
      end: j + 1,
      name,
      attrStart,
      attrEnd: selfClosing ? j - 1 : j,
    };
    i = j + 1;
  }
}

export interface RawAttr {
  name: string;
  /** Value with entities decoded. */
  value: string;
  /** Range of the whole `name="value"` in the source, leading whitespace included. */
  start: number;
  end: number;
}

const ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;

export function attributes(s: string, tok: Pick<Token, 'attrStart' | 'attrEnd'>): RawAttr[] {
  const out: RawAttr[] = [];
  const raw = s.slice(tok.attrStart, tok.attrEnd);
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(raw)) !== null) {
    out.push({
      name: m[1] ?? '',
      value: decodeEntities(m[3] ?? m[4] ?? ''),
      start: tok.attrStart + m.index,
      end: tok.attrStart + ATTR.lastIndex,
    });
  }
  return out;
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

export function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? '' : qname.slice(0, colon);
}

// ---------------------------------------------------------------------------
// A tiny namespace-aware tree for small metadata parts.

export interface XAttr {
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XEl {
  name: string;
  local: string;
  uri: string;
  attrs: XAttr[];
  children: XEl[];
  /** Decoded direct text and CDATA of this element. */
  text: string;
}

export const MAX_ELEMENTS = 200_000;
export const MAX_DEPTH = 256;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Parses `s` into a tree. Throws MetaError('corrupt') when it is not well formed. */
export function parseXml(s: string, check?: () => void): XEl {
  const root: XEl = { name: '#document', local: '#document', uri: '', attrs: [], children: [], text: '' };
  const stack: XEl[] = [root];
  const nsStack: Array<Map<string, string>> = [new Map([['xml', XML_NS]])];
  let count = 0;
  let rootSeen = false;
  for (const tok of tokens(s)) {
    const top = stack[stack.length - 1] ?? root;
    if (tok.kind === 'text' || tok.kind === 'cdata') {
      if (stack.length === 1) {
        if (tok.kind === 'cdata' || s.slice(tok.start, tok.end).trim() !== '') throw new MetaError('corrupt', 'text outside the root element');
        continue;
      }
      top.text += tok.kind === 'text' ? decodeEntities(s.slice(tok.start, tok.end)) : s.slice(tok.attrStart, tok.attrEnd);
      continue;
    }
    if (tok.kind === 'close') {
      if (stack.length === 1 || top.name !== tok.name) throw new MetaError('corrupt', `mismatched </${shown(tok.name)}>`);
      stack.pop();
      nsStack.pop();
      continue;
    }
    if (tok.kind !== 'open' && tok.kind !== 'empty') continue;
    if (++count > MAX_ELEMENTS) throw new MetaError('too-large', 'too many XML elements');
    if (stack.length > MAX_DEPTH) throw new MetaError('corrupt', 'XML nested too deeply');
    if (count % 1024 === 0) check?.();
    if (stack.length === 1) {
      if (rootSeen) throw new MetaError('corrupt', 'more than one root element');
      rootSeen = true;
    }
    const raw = attributes(s, tok);
    const parentNs = nsStack[nsStack.length - 1] ?? new Map<string, string>();
    let ns = parentNs;
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        if (ns === parentNs) ns = new Map(parentNs);
        ns.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
    }
    const attrs: XAttr[] = [];
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      const p = prefixOf(a.name);
      attrs.push({ name: a.name, local: localName(a.name), uri: p === '' ? '' : (ns.get(p) ?? ''), value: a.value });
    }
    const el: XEl = {
      name: tok.name,
      local: localName(tok.name),
      uri: ns.get(prefixOf(tok.name)) ?? '',
      attrs,
      children: [],
      text: '',
    };
    top.children.push(el);
    if (tok.kind === 'open') {
      stack.push(el);
      nsStack.push(ns);
    }
  }
  if (stack.length !== 1) throw new MetaError('corrupt', `unclosed <${shown(stack[stack.length - 1]?.name ?? '')}>`);
  if (!rootSeen) throw new MetaError('corrupt', 'no root element');
  return root;
}

/** The document element of a parsed tree. */
export function rootElement(doc: XEl): XEl | undefined {
  return doc.children[0];
}

/** Every element below `el` (depth first), without recursion limits of the JS stack. */
export function* descendants(el: XEl): Generator<XEl> {
  const todo: XEl[] = [...el.children].reverse();
  while (todo.length > 0) {
    const cur = todo.pop() as XEl;
    yield cur;
    for (let i = cur.children.length - 1; i >= 0; i--) todo.push(cur.children[i] as XEl);
  }
}

/** All text below `el`, pieces joined by a space. */
export function allText(el: XEl): string {
  const parts: string[] = [];
  if (el.text.trim()) parts.push(el.text.trim());
  for (const d of descendants(el)) if (d.text.trim()) parts.push(d.text.trim());
  return parts.join(' ');
}

export function attr(el: XEl, local: string, uri?: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && (uri === undefined || a.uri === uri)) return a.value;
  return undefined;
}

/**
 * Checks that `s` is well-formed XML (balanced, one root, attributes
 * parseable): the scrubber runs it on every part it rewrites.
 */
export function isWellFormed(s: string): boolean {
  try {
    parseXml(s);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Rewriting: drop elements, unwrap elements, drop attributes; everything else
// is copied from the source unchanged.

export interface RewriteRules {
  /** Remove the element with everything inside it. */
  drop?(uri: string, local: string): boolean;
  /** Remove the element's tags but keep its content. */
  unwrap?(uri: string, local: string): boolean;
  /** Remove one attribute. */
  dropAttr?(uri: string, local: string, elementUri: string, elementLocal: string): boolean;
}

export interface RewriteResult {
  xml: string;
  /** Elements dropped or unwrapped plus attributes dropped. */
  changes: number;
}

function nsScope(s: string, tok: Token, parent: Map<string, string>): { ns: Map<string, string>; attrs: RawAttr[] } {
  const attrs = attributes(s, tok);
  let ns = parent;
  for (const a of attrs) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
      if (ns === parent) ns = new Map(parent);
      ns.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
    }
  }
  return { ns, attrs };
}

/** Applies `rules` to `s`. Throws MetaError('corrupt') on markup that is not well formed. */
export function rewriteXml(s: string, rules: RewriteRules, check?: () => void): RewriteResult {
  const out: string[] = [];
  let changes = 0;
  let copyFrom = 0;
  // For each open element: its namespace scope and what we do with its end tag.
  const stack: Array<{ name: string; ns: Map<string, string>; mode: 'keep' | 'unwrap' | 'drop' }> = [];
  let dropDepth = 0;
  let count = 0;
  const root = new Map([['xml', XML_NS]]);
  const flush = (until: number): void => {
    if (until > copyFrom) out.push(s.slice(copyFrom, until));
    copyFrom = until;
  };
  for (const tok of tokens(s)) {
    if (tok.kind === 'close') {
      const top = stack.pop();
      if (!top || top.name !== tok.name) throw new MetaError('corrupt', `mismatched </${shown(tok.name)}>`);
      if (top.mode === 'drop') {
        dropDepth--;
        if (dropDepth === 0) copyFrom = tok.end;
      } else if (top.mode === 'unwrap' && dropDepth === 0) {
        flush(tok.start);
        copyFrom = tok.end;
      }
      continue;
    }
    if (tok.kind !== 'open' && tok.kind !== 'empty') continue;
    if (++count % 4096 === 0) check?.();
    if (stack.length > MAX_DEPTH) throw new MetaError('corrupt', 'XML nested too deeply');
    const parentNs = stack[stack.length - 1]?.ns ?? root;
    if (dropDepth > 0) {
      if (tok.kind === 'open') {
        stack.push({ name: tok.name, ns: parentNs, mode: 'drop' });
        dropDepth++;
      }
      continue;
    }
    const { ns, attrs } = nsScope(s, tok, parentNs);
    const uri = ns.get(prefixOf(tok.name)) ?? '';
    const local = localName(tok.name);
    if (rules.drop?.(uri, local)) {
      changes++;
      flush(tok.start);
      if (tok.kind === 'open') {
        stack.push({ name: tok.name, ns, mode: 'drop' });
        dropDepth = 1;
      } else {
        copyFrom = tok.end;
      }
      continue;
    }
    if (rules.unwrap?.(uri, local)) {
      changes++;
      flush(tok.start);
      copyFrom = tok.end;
      if (tok.kind === 'open') stack.push({ name: tok.name, ns, mode: 'unwrap' });
      continue;
    }
    if (rules.dropAttr) {
      const gone = attrs.filter((a) => {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) return false;
        const p = prefixOf(a.name);
        return rules.dropAttr?.(p === '' ? '' : (ns.get(p) ?? ''), localName(a.name), uri, local) ?? false;
      });
      if (gone.length > 0) {
        changes += gone.length;
        flush(tok.start);
        let tag = s.slice(tok.start, tok.attrStart);
        let from = tok.attrStart;
        for (const a of gone) {
          tag += s.slice(from, a.start);
          from = a.end;
        }
        tag += s.slice(from, tok.end);
        out.push(tag);
        copyFrom = tok.end;
      }
    }
    if (tok.kind === 'open') stack.push({ name: tok.name, ns, mode: 'keep' });
  }
  if (stack.length > 0) throw new MetaError('corrupt', `unclosed <${shown(stack[stack.length - 1]?.name ?? '')}>`);
  flush(s.length);
  return { xml: out.join(''), changes };
}
