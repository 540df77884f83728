// Text out of captures and command output. Everything here is untrusted:
// files may be truncated, in UTF-16 (Windows tools), full of NULs, or have
// one line of a hundred megabytes. Decoding never throws and lines are capped,
// so no regular expression ever runs over an unbounded string.
import { isPackageName } from './indicators.js';

/** Longest line the parsers look at; anything longer is cut (no Android dump line comes close). */
export const MAX_LINE = 16 * 1024;

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  }
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/** Lines without their ends, each cut to MAX_LINE characters. */
export function lines(text: string): string[] {
  const out = text.split(/\r?\n|\r/);
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (line.length > MAX_LINE) out[i] = line.slice(0, MAX_LINE);
  }
  return out;
}

/** Leading spaces of a line. */
export function indent(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 32) n++;
  return n;
}

const CLASS_NAME = /^\.?[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

/**
 * A component name ("com.app/.Service", "com.app/com.app.Service",
 * "ComponentInfo{com.app/com.app.Service}") as "package/class", or null.
 */
export function component(raw: string): { package: string; name: string } | null {
  let s = raw.trim();
  const info = /^ComponentInfo\{(.*)\}$/.exec(s);
  if (info) s = info[1] ?? '';
  const slash = s.indexOf('/');
  if (slash <= 0) return null;
  const pkg = s.slice(0, slash);
  const cls = s.slice(slash + 1);
  if (!isPackageName(pkg) || cls.length > 512 || !CLASS_NAME.test(cls)) return null;
  return { package: pkg, name: `${pkg}/${cls}` };
}

/** Every component in a ':'-separated settings value (enabled_accessibility_services). */
export function componentList(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(':')) {
    const c = component(part);
    if (c && !out.includes(c.name)) out.push(c.name);
  }
  return out;
}

export function packageOf(componentName: string): string {
  const slash = componentName.indexOf('/');
  return slash > 0 ? componentName.slice(0, slash) : componentName;
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
