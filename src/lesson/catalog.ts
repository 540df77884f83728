// Finds lessons and keeps a small index of their metadata so `safestep lessons`
// does not parse every YAML file on every start. The index is a cache keyed by
// file size and mtime: a changed file is re-read, a deleted one forgotten.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fsutil/atomic.js';
import path from 'node:path';
import type { Lang, Translate } from '../i18n/index.js';
import { LANGS } from '../i18n/index.js';
import type { Level, Topic } from './types.js';
import { translationPath } from './translation-path.js';
import { SHIPPED_LESSONS } from '../paths.js';

export interface LessonSummary {
  id: string;
  version: number;
  topic: Topic;
  level: Level;
  minutes: number;
  lang: Lang;
  file: string;
  title: Partial<Record<Lang, string>>;
  summary: Partial<Record<Lang, string>>;
  requires: string[];
  stepIds: string[];
  /** A lesson being written (`draft: true`): not in the learners' list. */
  draft?: true;
}

export interface BrokenLesson {
  file: string;
  reason: string;
}

export interface CatalogResult {
  /** Lessons learners see: every readable lesson that is not a draft. */
  lessons: LessonSummary[];
  /** Drafts (`draft: true`): found, readable, kept out of the list until published. */
  drafts: LessonSummary[];
  broken: BrokenLesson[];
}

const CACHE_VERSION = 2;
const MAX_DEPTH = 3;

interface CacheEntry {
  stamp: string;
  summary: LessonSummary | null;
  reason?: string;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

// Listing is synchronous on purpose: hundreds of tiny stat calls cost more in
// promise and thread-pool overhead than in disk time (see npm run bench).
export async function findLessonFiles(dirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a missing or unreadable lesson folder is not an error: it just has no lessons
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && entry.name === 'lesson.yaml') found.push(full);
      else if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.')) walk(full, depth + 1);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return found;
}

/** Size and mtime of the lesson and its translations (a lesson never has one in its own language). */
function stampOf(file: string, sourceLang?: Lang): string {
  const parts: string[] = [];
  for (const f of [file, ...LANGS.filter((l) => l !== sourceLang).map((l) => translationPath(file, l))]) {
    const s = statSync(f, { throwIfNoEntry: false });
    parts.push(s ? `${s.size}:${s.mtimeMs}` : '-');
  }
  return parts.join('|');
}

async function summarise(file: string, t: Translate): Promise<CacheEntry> {
  // The YAML parser is loaded only when a lesson changed since the index was built.
  const { readSource } = await import('./yaml-source.js');
  const source = await readSource(file, t);
  const value = source.value as Record<string, unknown> | undefined;
  if (!value || source.problems.some((p) => p.severity === 'error')) {
    return { stamp: '', summary: null, reason: source.problems[0]?.message ?? 'invalid' };
  }
  const steps = Array.isArray(value.steps) ? (value.steps as { id?: unknown }[]) : [];
  if (typeof value.id !== 'string' || typeof value.title !== 'string' || steps.length === 0) {
    return { stamp: '', summary: null, reason: t('catalog.notALesson') };
  }
  const lang = (value.lang === 'ru' ? 'ru' : 'en') as Lang;
  const summary: LessonSummary = {
    id: value.id,
    version: Number(value.version) || 1,
    topic: String(value.topic) as Topic,
    level: String(value.level) as Level,
    minutes: Number(value.minutes) || 0,
    lang,
    file,
    title: { [lang]: value.title },
    summary: { [lang]: String(value.summary ?? '') },
    requires: Array.isArray(value.requires) ? value.requires.map(String) : [],
    stepIds: steps.map((s) => String(s.id)),
    ...(value.draft === true ? { draft: true as const } : {}),
  };
  for (const other of LANGS) {
    if (other === lang) continue;
    const tr = await readSource(translationPath(file, other), t);
    const trValue = tr.value as Record<string, unknown> | undefined;
    if (trValue && typeof trValue.title === 'string') summary.title[other] = trValue.title;
    if (trValue && typeof trValue.summary === 'string') summary.summary[other] = trValue.summary;
  }
  return { stamp: '', summary };
}

export interface CatalogOptions {
  /**
   * Folders whose lessons may be remembered in the index. Only the lessons
   * shipped with safestep by default: the index must not say which packs were
   * installed or which lesson folders were ever opened (a USB stick, a
   * trainer's drafts) after they are gone. Other lessons are read every time.
   */
  cacheDirs?: readonly string[];
}

export async function loadCatalog(dirs: readonly string[], dataDir: string, t: Translate, options: CatalogOptions = {}): Promise<CatalogResult> {
  const cacheDirs = (options.cacheDirs ?? [SHIPPED_LESSONS]).map((d) => path.resolve(d) + path.sep);
  const cacheable = (file: string): boolean => cacheDirs.some((d) => file.startsWith(d));
  const cacheFile = path.join(dataDir, 'cache', 'lesson-index.json');
  let cache: CacheFile = { version: CACHE_VERSION, entries: {} };
  try {
    const parsed = JSON.parse(await readFile(cacheFile, 'utf8')) as CacheFile;
    if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') cache = parsed;
  } catch {
    // no cache yet, or an unreadable one: rebuild it
  }
  const files = await findLessonFiles(dirs);
  const next: CacheFile = { version: CACHE_VERSION, entries: {} };
  let changed = Object.keys(cache.entries).length !== files.filter(cacheable).length;
  const result: CatalogResult = { lessons: [], drafts: [], broken: [] };
  for (const file of files) {
    let entry = Object.prototype.hasOwnProperty.call(cache.entries, file) ? cache.entries[file] : undefined;
    const stamp = stampOf(file, entry?.summary?.lang);
    if (!entry || entry.stamp !== stamp) {
      const fresh = await summarise(file, t);
      entry = { ...fresh, stamp: stampOf(file, fresh.summary?.lang) };
      changed = true;
    }
    if (cacheable(file)) next.entries[file] = entry;
    if (entry.summary?.draft) result.drafts.push(entry.summary);
    else if (entry.summary) result.lessons.push(entry.summary);
    else result.broken.push({ file, reason: entry.reason ?? 'invalid' });
  }
  if (changed) await writeCache(cacheFile, next);
  return result;
}

async function writeCache(file: string, data: CacheFile): Promise<void> {
  try {
    await writeFileAtomic(file, JSON.stringify(data));
  } catch {
    // The cache only saves time; a read-only data folder must not stop the user.
  }
}

/** Levenshtein distance, for "did you mean" suggestions on unknown lesson ids. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** How far `wanted` is from `id`, also matching a typo'd first word or one word of a long id. */
function nearness(wanted: string, id: string): number {
  if (id.includes(wanted) || wanted.includes(id)) return 0;
  const parts = [id, id.slice(0, wanted.length), ...id.split('-')];
  return Math.min(...parts.map((p) => distance(wanted, p) + (p === id ? 0 : 1)));
}

export function closestIds(wanted: string, ids: readonly string[], max = 3): string[] {
  return ids
    .map((id) => ({ id, d: nearness(wanted, id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((x) => x.id);
}
