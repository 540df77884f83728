// Indicator sets: named families of stalkerware, watchware, state spyware and
// forensic-extraction agents, each with Android package names and APK
// signing-certificate hashes. The built-in sets are compiled in (Echap's table,
// generated; our sourced list of state spyware, hand-written). A newer set may
// arrive in a signed lesson pack as JSON, so `parseIndicatorSet` treats its
// input as hostile: sizes are capped, every field is checked, and nothing in it
// can reach the terminal unsanitised or be mistaken for code.
export type FamilyType = 'stalkerware' | 'watchware' | 'spyware' | 'forensic';

export const FAMILY_TYPES: readonly FamilyType[] = ['stalkerware', 'watchware', 'spyware', 'forensic'];

export interface IndicatorFamily {
  readonly name: string;
  readonly type: FamilyType;
  /** Android package names (application ids). */
  readonly packages: readonly string[];
  /** APK signing-certificate fingerprints: SHA-1 (40 hex) or SHA-256 (64 hex), upper case. */
  readonly certificates: readonly string[];
  /** Where these values were published (a report or an indicator file). */
  readonly source?: string;
  /** When (YYYY-MM or YYYY-MM-DD). */
  readonly date?: string;
}

export interface IndicatorSet {
  /** Stable id: a pack's set with the id of a built-in one and a newer date replaces it. */
  readonly id: string;
  /** Who publishes it and under which licence, one line. */
  readonly source: string;
  readonly url?: string;
  readonly commit?: string;
  /** YYYY-MM or YYYY-MM-DD. */
  readonly date: string;
  readonly families: readonly IndicatorFamily[];
}

/** What a lookup returns: the family plus the set it came from. */
export interface IndicatorMatch {
  readonly family: IndicatorFamily;
  readonly set: IndicatorSet;
}

export interface IndicatorIndex {
  readonly sets: readonly IndicatorSet[];
  byPackage(packageName: string): readonly IndicatorMatch[];
  byCertificate(fingerprint: string): readonly IndicatorMatch[];
  /** `{source, date}` for reports: every set in use, and the oldest date (how fresh the whole is). */
  summary(): { source: string; date: string };
}

/** O(1) lookups by package name and by certificate fingerprint. */
export function buildIndex(sets: readonly IndicatorSet[]): IndicatorIndex {
  const packages = new Map<string, IndicatorMatch[]>();
  const certificates = new Map<string, IndicatorMatch[]>();
  const add = (map: Map<string, IndicatorMatch[]>, key: string, match: IndicatorMatch): void => {
    const list = map.get(key);
    if (!list) map.set(key, [match]);
    else if (!list.some((m) => m.family === match.family)) list.push(match);
  };
  for (const set of sets) {
    for (const family of set.families) {
      const match = { family, set };
      for (const p of family.packages) add(packages, p, match);
      for (const c of family.certificates) add(certificates, c.toUpperCase(), match);
    }
  }
  return {
    sets,
    byPackage: (name) => packages.get(name) ?? [],
    byCertificate: (fp) => certificates.get(fp.toUpperCase()) ?? [],
    summary: () => {
      const dates = sets.map((s) => s.date).sort();
      const source = sets.map((s) => (s.commit ? `${s.source} (${s.commit.slice(0, 7)}, ${s.date})` : `${s.source} (${s.date})`)).join(' + ');
      return { source, date: dates[0] ?? '' };
    },
  };
}

/**
 * The sets in use: the built-in ones, each replaced by a set with the same id
 * and a newer date, plus sets with new ids.
 */
export function mergeSets(builtin: readonly IndicatorSet[], extra: readonly IndicatorSet[]): IndicatorSet[] {
  const byId = new Map<string, IndicatorSet>();
  for (const set of builtin) byId.set(set.id, set);
  for (const set of extra) {
    const current = byId.get(set.id);
    if (!current || set.date > current.date) byId.set(set.id, set);
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------
// The JSON format a lesson pack can carry:
//
// {
//   "format": "safestep-phone-indicators", "version": 1,
//   "id": "echap", "source": "Echap stalkerware-indicators, CC-BY 4.0",
//   "url": "https://…", "commit": "…", "date": "2026-09-01",
//   "families": [
//     { "name": "…", "type": "stalkerware|watchware|spyware|forensic",
//       "packages": ["com.example"], "certificates": ["<40 or 64 hex>"],
//       "source": "https://…", "date": "2026-08" }
//   ]
// }

export const INDICATOR_FORMAT = 'safestep-phone-indicators';

export const INDICATOR_LIMITS = {
  bytes: 8 * 1024 * 1024,
  families: 20_000,
  valuesPerFamily: 10_000,
  values: 500_000,
  text: 300,
} as const;

export type IndicatorProblem =
  | { code: 'too-large' }
  | { code: 'not-json'; detail: string }
  | { code: 'wrong-format' }
  | { code: 'bad-field'; field: string };

export type IndicatorLoad = { ok: true; set: IndicatorSet } | { ok: false; problem: IndicatorProblem };

const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+$/;
const FINGERPRINT = /^(?:[0-9A-F]{40}|[0-9A-F]{64})$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Printable text only: no controls, no bidi overrides, no zero-width tricks. */
const SAFE_TEXT = /^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+$/;

export function isPackageName(value: string): boolean {
  return value.length <= 255 && PACKAGE_NAME.test(value);
}

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, required: boolean): string | undefined | null {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > INDICATOR_LIMITS.text || !SAFE_TEXT.test(value)) return null;
  return value;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and validates an indicator set from untrusted bytes or text. */
export function parseIndicatorSet(input: string | Uint8Array): IndicatorLoad {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > INDICATOR_LIMITS.bytes) return { ok: false, problem: { code: 'too-large' } };
  let raw: unknown;
  try {
    raw = JSON.parse(typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch (e) {
    return { ok: false, problem: { code: 'not-json', detail: e instanceof Error ? e.message.slice(0, 120) : 'invalid' } };
  }
  return validateIndicatorSet(raw);
}

export function validateIndicatorSet(raw: unknown): IndicatorLoad {
  const bad = (field: string): IndicatorLoad => ({ ok: false, problem: { code: 'bad-field', field } });
  if (!isObject(raw) || own(raw, 'format') !== INDICATOR_FORMAT || own(raw, 'version') !== 1) {
    return { ok: false, problem: { code: 'wrong-format' } };
  }
  const id = own(raw, 'id');
  if (typeof id !== 'string' || !ID.test(id)) return bad('id');
  const source = text(own(raw, 'source'), true);
  if (!source) return bad('source');
  const url = text(own(raw, 'url'), false);
  if (url === null || (url !== undefined && !/^https:\/\/\S+$/.test(url))) return bad('url');
  const commit = own(raw, 'commit');
  if (commit !== undefined && (typeof commit !== 'string' || !/^[0-9a-f]{7,64}$/.test(commit))) return bad('commit');
  const date = own(raw, 'date');
  if (typeof date !== 'string' || !DATE.test(date)) return bad('date');
  const familiesRaw = own(raw, 'families');
  if (!Array.isArray(familiesRaw) || familiesRaw.length > INDICATOR_LIMITS.families) return bad('families');

  const families: IndicatorFamily[] = [];
  let values = 0;
  for (let i = 0; i < familiesRaw.length; i++) {
    const f: unknown = familiesRaw[i];
    const at = `families[${i}]`;
    if (!isObject(f)) return bad(at);
    const name = text(own(f, 'name'), true);
    if (!name) return bad(`${at}.name`);
    const type = own(f, 'type');
    if (typeof type !== 'string' || !(FAMILY_TYPES as readonly string[]).includes(type)) return bad(`${at}.type`);
    const lists: Record<'packages' | 'certificates', string[]> = { packages: [], certificates: [] };
    for (const key of ['packages', 'certificates'] as const) {
      const list = own(f, key) ?? [];
      if (!Array.isArray(list) || list.length > INDICATOR_LIMITS.valuesPerFamily) return bad(`${at}.${key}`);
      values += list.length;
      if (values > INDICATOR_LIMITS.values) return bad(`${at}.${key}`);
      for (let j = 0; j < list.length; j++) {
        const v: unknown = list[j];
        if (typeof v !== 'string') return bad(`${at}.${key}[${j}]`);
        const value = key === 'certificates' ? v.toUpperCase() : v;
        if (key === 'packages' ? !isPackageName(value) : !FINGERPRINT.test(value)) return bad(`${at}.${key}[${j}]`);
        lists[key].push(value);
      }
    }
    if (lists.packages.length === 0 && lists.certificates.length === 0) return bad(at);
    const familySource = text(own(f, 'source'), false);
    if (familySource === null) return bad(`${at}.source`);
    const familyDate = own(f, 'date');
    if (familyDate !== undefined && (typeof familyDate !== 'string' || !DATE.test(familyDate))) return bad(`${at}.date`);
    families.push({
      name,
      type: type as FamilyType,
      packages: lists.packages,
      certificates: lists.certificates,
      ...(familySource ? { source: familySource } : {}),
      ...(typeof familyDate === 'string' ? { date: familyDate } : {}),
    });
  }
  return {
    ok: true,
    set: { id, source, date, families, ...(url ? { url } : {}), ...(typeof commit === 'string' ? { commit } : {}) },
  };
}
