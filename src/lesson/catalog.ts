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
   * Folders whose lessons may be remembered in the data folder's index. Only
   * the lessons shipped with safestep by default: that index must not say which
   * packs were installed or which lesson folders were ever opened (a USB stick,
   * a trainer's drafts) after they are gone. An installed pack keeps its own
   * index inside its folder, which goes when the pack goes; other folders are
   * read every time.
   */
  cacheDirs?: readonly string[];
}

/** How many lesson files are read at once when they are not in an index. */
const READ_AHEAD = 16;

/** An installed pack's lesson folder: <dataDir>/packs/<id>/lessons/. */
const PACK_LESSONS = /^(.*[\\/]packs[\\/][a-z0-9]+(?:-[a-z0-9]+)*)[\\/]lessons[\\/]/;

async function readCache(file: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // no index yet, or an unreadable one: rebuild it
  }
  return { version: CACHE_VERSION, entries: {} };
}

export async function loadCatalog(dirs: readonly string[], dataDir: string, t: Translate, options: CatalogOptions = {}): Promise<CatalogResult> {
  const cacheDirs = (options.cacheDirs ?? [SHIPPED_LESSONS]).map((d) => path.resolve(d) + path.sep);
  const packsRoot = path.resolve(dataDir, 'packs') + path.sep;
  const mainIndex = path.join(dataDir, 'cache', 'lesson-index.json');
  /** The index a lesson may be remembered in, if any. */
  const indexOf = (file: string): string | undefined => {
    if (cacheDirs.some((d) => file.startsWith(d))) return mainIndex;
    const pack = file.startsWith(packsRoot) ? PACK_LESSONS.exec(file) : null;
    return pack ? path.join(pack[1]!, 'lesson-index.json') : undefined;
  };
  const files = await findLessonFiles(dirs);
  const homes = new Map<string, { old: CacheFile; next: CacheFile; changed: boolean }>();
  for (const file of files) {
    const home = indexOf(file);
    if (home && !homes.has(home)) homes.set(home, { old: await readCache(home), next: { version: CACHE_VERSION, entries: {} }, changed: false });
  }
  if (!homes.has(mainIndex)) homes.set(mainIndex, { old: await readCache(mainIndex), next: { version: CACHE_VERSION, entries: {} }, changed: false });

  const entries = files.map((file) => {
    const home = homes.get(indexOf(file) ?? '');
    const cached = home && Object.prototype.hasOwnProperty.call(home.old.entries, file) ? home.old.entries[file] : undefined;
    return cached && cached.stamp === stampOf(file, cached.summary?.lang) ? cached : undefined;
  });
  // Lessons not in an index are read a few at a time: one after another, most
  // of the time went on waiting for the disk.
  const stale = entries.flatMap((e, i) => (e ? [] : [i]));
  for (let at = 0; at < stale.length; at += READ_AHEAD) {
    await Promise.all(
      stale.slice(at, at + READ_AHEAD).map(async (i) => {
        const fresh = await summarise(files[i]!, t);
        entries[i] = { ...fresh, stamp: stampOf(files[i]!, fresh.summary?.lang) };
      }),
    );
  }
  const result: CatalogResult = { lessons: [], drafts: [], broken: [] };
  for (const [i, file] of files.entries()) {
    const entry = entries[i]!;
    const home = homes.get(indexOf(file) ?? '');
    if (home) {
      home.next.entries[file] = entry;
      if (home.old.entries[file] !== entry) home.changed = true;
    }
    if (entry.summary?.draft) result.drafts.push(entry.summary);
    else if (entry.summary) result.lessons.push(entry.summary);
    else result.broken.push({ file, reason: entry.reason ?? 'invalid' });
  }
  for (const [file, home] of homes) {
    // Lessons that are gone are dropped from the index too.
    if (home.changed || Object.keys(home.old.entries).length !== Object.keys(home.next.entries).length) await writeCache(file, home.next);
  }
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
