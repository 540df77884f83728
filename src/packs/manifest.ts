// The pack manifest: what a pack claims to hold, signed as a whole. It is
// untrusted input until the signature and every hash have been checked, and
// even then its paths are held to rules strict enough that no entry can land
// outside the pack's own folder on any operating system.
import { hasUnsafeChars } from '../sanitize.js';
import { LANGS } from '../i18n/index.js';
import { isRecord } from '../crypto/passphrase-keys.js';
import { MAX_LESSON_BYTES } from '../lesson/yaml-source.js';

export const PACK_FORMAT = 1;
export const MAX_FILES = 600;
export const MAX_FILE_BYTES = MAX_LESSON_BYTES;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ManifestLesson {
  id: string;
  version: number;
  path: string;
}

export interface Signer {
  algorithm: 'ed25519';
  /** 32 bytes, hex */
  publicKey: string;
}

export interface Manifest {
  format: number;
  id: string;
  name: string;
  created: string;
  signer: Signer | null;
  lessons: ManifestLesson[];
  files: ManifestFile[];
}

export const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEGMENT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE_NAME = new RegExp(`^lesson(\\.(${LANGS.join('|')}))?\\.yaml$`);
/** Names Windows treats as devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function isPackId(id: string): boolean {
  return id.length <= 64 && PACK_ID.test(id) && !RESERVED.test(id);
}

/**
 * A pack entry path: 1 to 3 kebab-case folders, then lesson.yaml or a translation
 * (lesson.ru.yaml). Nothing else: no absolute paths, no "..", no backslashes or
 * drive letters, no dot files, no upper case that could clash on case-insensitive disks.
 */
export function isSafeEntryPath(p: string): boolean {
  if (p.length > 300) return false;
  const parts = p.split('/');
  const name = parts.pop()!;
  if (parts.length < 1 || parts.length > 3 || !FILE_NAME.test(name)) return false;
  return parts.every((s) => s.length <= 64 && SEGMENT.test(s) && !RESERVED.test(s));
}

export class ManifestProblem extends Error {
  constructor(
    readonly detail: string,
    readonly path?: string,
  ) {
    super(detail);
    this.name = 'ManifestProblem';
  }
}

function exactKeys(value: Record<string, unknown>, keys: readonly string[], what: string): void {
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !(k in value));
  if (extra.length > 0) throw new ManifestProblem(`${what} has unknown fields: ${extra.join(', ')}`);
  if (missing.length > 0) throw new ManifestProblem(`${what} lacks fields: ${missing.join(', ')}`);
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new ManifestProblem(`${what} must be text of 1 to ${max} characters`);
  if (hasUnsafeChars(value)) throw new ManifestProblem(`${what} contains control characters`);
  return value;
}

function int(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw new ManifestProblem(`${what} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Checks every field; throws ManifestProblem naming the first thing that is wrong. */
export function parseManifest(value: unknown): Manifest {
  if (!isRecord(value)) throw new ManifestProblem('the manifest is not an object');
  if (typeof value.format === 'number' && value.format > PACK_FORMAT) throw new ManifestProblem(`format ${value.format}`);
  exactKeys(value, ['format', 'id', 'name', 'created', 'signer', 'lessons', 'files'], 'the manifest');
  int(value.format, 'format', PACK_FORMAT, PACK_FORMAT);
  const id = text(value.id, 'id', 64);
  if (!isPackId(id)) throw new ManifestProblem('the pack id must be kebab-case');
  const name = text(value.name, 'name', 200);
  const created = text(value.created, 'created', 30);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(created) || Number.isNaN(Date.parse(created))) throw new ManifestProblem('created must be a UTC time');
  let signer: Signer | null = null;
  if (value.signer !== null) {
    if (!isRecord(value.signer)) throw new ManifestProblem('signer must be an object or null');
    exactKeys(value.signer, ['algorithm', 'publicKey'], 'signer');
    if (value.signer.algorithm !== 'ed25519') throw new ManifestProblem('the only signature algorithm is ed25519');
    if (typeof value.signer.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(value.signer.publicKey)) throw new ManifestProblem('signer.publicKey must be 64 hex digits');
    signer = { algorithm: 'ed25519', publicKey: value.signer.publicKey };
  }
  if (!Array.isArray(value.files) || value.files.length === 0 || value.files.length > MAX_FILES) throw new ManifestProblem(`files must list 1 to ${MAX_FILES} files`);
  const seen = new Set<string>();
  const files = value.files.map((f: unknown): ManifestFile => {
    if (!isRecord(f)) throw new ManifestProblem('a file entry is not an object');
    exactKeys(f, ['path', 'size', 'sha256'], 'a file entry');
    if (typeof f.path !== 'string' || !isSafeEntryPath(f.path)) throw new ManifestProblem('unsafe path', typeof f.path === 'string' ? f.path : String(f.path));
    if (seen.has(f.path)) throw new ManifestProblem('a file is listed twice', f.path);
    seen.add(f.path);
    if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) throw new ManifestProblem('sha256 must be 64 hex digits', f.path);
    return { path: f.path, size: int(f.size, 'size', 0, MAX_FILE_BYTES), sha256: f.sha256 };
  });
  if (!Array.isArray(value.lessons) || value.lessons.length === 0) throw new ManifestProblem('lessons must list at least one lesson');
  const ids = new Set<string>();
  const lessons = value.lessons.map((l: unknown): ManifestLesson => {
    if (!isRecord(l)) throw new ManifestProblem('a lesson entry is not an object');
    exactKeys(l, ['id', 'version', 'path'], 'a lesson entry');
    const lessonId = text(l.id, 'lesson id', 64);
    const path = text(l.path, 'lesson path', 300);
    if (!seen.has(path) || !path.endsWith('/lesson.yaml') || path.split('/').at(-2) !== lessonId) throw new ManifestProblem('a lesson does not match its file', path);
    if (ids.has(lessonId)) throw new ManifestProblem(`lesson ${lessonId} is listed twice`);
    ids.add(lessonId);
    return { id: lessonId, version: int(l.version, 'lesson version', 1, 1_000_000), path };
  });
  const lessonPaths = new Set(lessons.map((l) => l.path));
  for (const f of files) {
    const folder = f.path.slice(0, f.path.lastIndexOf('/') + 1);
    if (!lessonPaths.has(folder + 'lesson.yaml')) throw new ManifestProblem('a file belongs to no listed lesson', f.path);
  }
  return { format: PACK_FORMAT, id, name, created, signer, lessons, files };
}
