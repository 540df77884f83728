// Collects findings for one file: sanitises and shortens values, drops empty and
// duplicate ones, and caps how many a single hostile file can produce.
import { stripUnsafe } from '../sanitize.js';
import { CATEGORY_SEVERITY, type Category, type MetaFinding } from './types.js';

export const MAX_VALUE_CHARS = 300;
export const MAX_FINDINGS = 500;

const PLAIN = /^[\x21-\x7e](?:[\x21-\x7e]| (?! ))*$/;

export function cleanValue(raw: string): string {
  // Most values are short printable ASCII with single spaces: nothing to do.
  if (raw.length <= MAX_VALUE_CHARS && PLAIN.test(raw) && !raw.endsWith(' ')) return raw;
  let v = stripUnsafe(raw.replace(/[\r\n\t\u2028\u2029]+/g, ' '))
    .replace(/\u0000/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (v.length > MAX_VALUE_CHARS) v = v.slice(0, MAX_VALUE_CHARS - 1).trimEnd() + '…';
  return v;
}

export class Findings {
  readonly list: MetaFinding[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly within?: string,
    private readonly root?: Findings,
  ) {}

  add(category: Category, field: string, value: string, within?: string): void {
    if (this.root) {
      this.root.add(category, field, value, within ?? this.within);
      return;
    }
    if (this.list.length >= MAX_FINDINGS) return;
    const v = cleanValue(value);
    if (v === '') return;
    const f = cleanValue(field) || 'Unknown';
    const where = within ?? this.within;
    const key = `${category}\u0000${f}\u0000${v}\u0000${where ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const finding: MetaFinding = { category, severity: CATEGORY_SEVERITY[category], field: f, value: v };
    if (where !== undefined) finding.within = cleanValue(where);
    this.list.push(finding);
  }

  /** A view that adds findings here, marked as coming from an embedded file. */
  nested(within: string): Findings {
    const prefix = this.within === undefined ? within : `${this.within} > ${within}`;
    return new Findings(prefix, this.root ?? this);
  }

  get count(): number {
    return (this.root ?? this).list.length;
  }
}

/**
 * Classifies a free-form key (a PNG text keyword, a custom document property,
 * a QuickTime metadata key, an unknown XMP property) by its name. Unknown
 * names are `other`: free text the scrubber removes either way.
 */
export function classifyName(name: string): Category {
  const n = name.toLowerCase();
  if (/serial|imei|meid|uuid.*device|device.?id|body.?id/.test(n)) return 'serial';
  if (/gps|latitude|longitude|altitude|location|geo|coordinates|iso6709|city|country|address|street|region|province|postal|sublocation/.test(n)) {
    return 'location';
  }
  if (/author|creator|artist|owner|by-?line|writer|editor|contact|e-?mail|phone|person|user.?name|username|manager|company|copyright|credit|publisher|contributor|lastmodifiedby|last.?saved.?by|printed.?by|initials/.test(n)) {
    return 'person';
  }
  if (/make|model|camera|lens|device|printer|hostcomputer|host.?name|machine/.test(n)) return 'device';
  if (/software|producer|generator|application|encoder|tool|program|firmware|version|banner|encoding.?settings/.test(n)) {
    return 'software';
  }
  if (/date|time|created|modified|timestamp|duration/.test(n)) return 'time';
  if (/revision|history|rsid|documentid|instanceid|derived|ancestor|editing.?cycles|comment.?count/.test(n)) return 'history';
  if (/thumb|preview/.test(n)) return 'thumbnail';
  return 'other';
}
