// The pack manifest: what a pack claims to hold, signed as a whole. It is
// untrusted input until the signature and every hash have been checked, and
// even then its paths are held to rules strict enough that no entry can land
// outside the pack's own folder on any operating system.
import { hasUnsafeChars } from '../sanitize.js';
import { isReservedId } from '../text/ids.js';
import { defineMessages, LANGS } from '../i18n/index.js';
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
  return id.length <= 64 && PACK_ID.test(id) && !RESERVED.test(id) && !isReservedId(id);
}

/**
 * A pack entry path: 1 to 3 kebab-case folders, then lesson.yaml or a translation
 * (lesson.ru.yaml). Nothing else: no absolute paths, no "..", no backslashes or
 * drive letters, no dot files, no upper case that could clash on case-insensitive disks.
 */
export function isSafeEntryPath(p: string): boolean {
  if (isIndicatorEntryPath(p)) return true;
  if (p.length > 300) return false;
  const parts = p.split('/');
  const name = parts.pop()!;
  if (parts.length < 1 || parts.length > 3 || !FILE_NAME.test(name)) return false;
  return parts.every((s) => s.length <= 64 && SEGMENT.test(s) && !RESERVED.test(s) && !isReservedId(s));
}

/**
 * A phone indicator set a pack carries (`indicators/<kebab-name>.json`, format
 * safestep-phone-indicators): the only entry that is not part of a lesson.
 * The phone check reads it from trusted signed packs and validates it there.
 */
export function isIndicatorEntryPath(p: string): boolean {
  return p.length <= 100 && /^indicators\/[a-z0-9]+(-[a-z0-9]+)*\.json$/.test(p);
}

/** What can be wrong with a manifest, in words for the person installing the pack. */
export const MANIFEST_ISSUES = defineMessages('pack-manifest', {
  notObject: { en: 'it is not a JSON object', ru: 'это не объект JSON' },
  notJson: { en: 'it is not JSON', ru: 'это не JSON' },
  notCanonical: { en: 'it is not written in the one canonical form', ru: 'он записан не в единственной допустимой форме' },
  manifestLength: { en: 'its length is impossible', ru: 'у него невозможная длина' },
  signatureLength: { en: 'the signature has an impossible length', ru: 'у подписи невозможная длина' },
  unknownFields: { en: 'unknown fields in {part}: {list}', ru: 'неизвестные поля ({part}): {list}' },
  missingFields: { en: 'fields missing in {part}: {list}', ru: 'не хватает полей ({part}): {list}' },
  text: { en: 'the field {field} must be text of 1 to {max} characters', ru: 'поле {field} должно быть текстом длиной от 1 до {max} символов' },
  controlChars: { en: 'the field {field} contains control characters', ru: 'в поле {field} есть управляющие символы' },
  wholeNumber: { en: 'the field {field} must be a whole number from {min} to {max}', ru: 'поле {field} должно быть целым числом от {min} до {max}' },
  packId: { en: 'the pack id must be kebab-case (a-z, 0-9 and -) and not a reserved name', ru: 'id пакета должен состоять из a-z, 0-9 и дефисов и не быть служебным именем' },
  created: { en: 'the field created must be a UTC time', ru: 'поле created должно быть временем UTC' },
  signer: { en: 'the signer must be an object or null', ru: 'автор подписи должен быть объектом или null' },
  signerKey: { en: 'the signer key must be 64 hex digits', ru: 'ключ автора должен состоять из 64 шестнадцатеричных цифр' },
  algorithm: { en: 'the only signature algorithm is ed25519', ru: 'единственный алгоритм подписи — ed25519' },
  files: { en: 'files must list 1 to {max} files', ru: 'в files должно быть от 1 до {max} файлов' },
  fileEntry: { en: 'a file entry is not an object', ru: 'запись о файле — не объект' },
  unsafePath: { en: 'unsafe path', ru: 'небезопасный путь' },
  listedTwice: { en: 'a file is listed twice', ru: 'файл указан дважды' },
  sha256: { en: 'sha256 must be 64 hex digits', ru: 'sha256 должен состоять из 64 шестнадцатеричных цифр' },
  lessons: { en: 'lessons must list at least one lesson', ru: 'в lessons должен быть хотя бы один урок' },
  lessonEntry: { en: 'a lesson entry is not an object', ru: 'запись об уроке — не объект' },
  lessonFile: { en: 'a lesson does not match its file', ru: 'урок не соответствует своему файлу' },
  lessonTwice: { en: 'the lesson {id} is listed twice', ru: 'урок {id} указан дважды' },
  noLesson: { en: 'a file belongs to no listed lesson', ru: 'файл не относится ни к одному указанному уроку' },
  partManifest: { en: 'the manifest', ru: 'манифест' },
  partSigner: { en: 'the signer', ru: 'автор подписи' },
  partFile: { en: 'a file entry', ru: 'запись о файле' },
  partLesson: { en: 'a lesson entry', ru: 'запись об уроке' },
});

export type ManifestIssue = keyof typeof MANIFEST_ISSUES.table;
type Part = 'partManifest' | 'partSigner' | 'partFile' | 'partLesson';

export class ManifestProblem extends Error {
  constructor(
    readonly issue: ManifestIssue,
    readonly data: Readonly<Record<string, string | number>> = {},
    readonly path?: string,
  ) {
    super(MANIFEST_ISSUES.get(issue, 'en', data));
    this.name = 'ManifestProblem';
  }
}

/** A manifest from a newer safestep: said as such, not as damage. */
export class NewerManifest extends Error {}

function exactKeys(value: Record<string, unknown>, keys: readonly string[], part: Part): void {
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !Object.prototype.hasOwnProperty.call(value, k));
  // The names come from the file: quoted as JSON so an escape or a line break stays visible text.
  const list = (names: string[]): string => names.slice(0, 5).map((n) => JSON.stringify(n.slice(0, 60))).join(', ');
  if (extra.length > 0) throw new ManifestProblem('unknownFields', { part, list: list(extra) });
  if (missing.length > 0) throw new ManifestProblem('missingFields', { part, list: list(missing) });
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new ManifestProblem('text', { field, max });
  if (hasUnsafeChars(value)) throw new ManifestProblem('controlChars', { field });
  return value;
}

function int(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw new ManifestProblem('wholeNumber', { field, min, max });
  return value;
}

/** Checks every field; throws ManifestProblem naming the first thing that is wrong. */
export function parseManifest(value: unknown): Manifest {
  if (!isRecord(value)) throw new ManifestProblem('notObject');
  if (typeof value.format === 'number' && value.format > PACK_FORMAT) throw new NewerManifest();
  exactKeys(value, ['format', 'id', 'name', 'created', 'signer', 'lessons', 'files'], 'partManifest');
  int(value.format, 'format', PACK_FORMAT, PACK_FORMAT);
  const id = text(value.id, 'id', 64);
  if (!isPackId(id)) throw new ManifestProblem('packId');
  const name = text(value.name, 'name', 200);
  const created = text(value.created, 'created', 30);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(created) || Number.isNaN(Date.parse(created))) throw new ManifestProblem('created');
  let signer: Signer | null = null;
  if (value.signer !== null) {
    if (!isRecord(value.signer)) throw new ManifestProblem('signer');
    exactKeys(value.signer, ['algorithm', 'publicKey'], 'partSigner');
    if (value.signer.algorithm !== 'ed25519') throw new ManifestProblem('algorithm');
    if (typeof value.signer.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(value.signer.publicKey)) throw new ManifestProblem('signerKey');
    signer = { algorithm: 'ed25519', publicKey: value.signer.publicKey };
  }
  if (!Array.isArray(value.files) || value.files.length === 0 || value.files.length > MAX_FILES) throw new ManifestProblem('files', { max: MAX_FILES });
  const seen = new Set<string>();
  const files = value.files.map((f: unknown): ManifestFile => {
    if (!isRecord(f)) throw new ManifestProblem('fileEntry');
    exactKeys(f, ['path', 'size', 'sha256'], 'partFile');
    if (typeof f.path !== 'string' || !isSafeEntryPath(f.path)) throw new ManifestProblem('unsafePath', {}, typeof f.path === 'string' ? f.path : String(f.path));
    if (seen.has(f.path)) throw new ManifestProblem('listedTwice', {}, f.path);
    seen.add(f.path);
    if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) throw new ManifestProblem('sha256', {}, f.path);
    return { path: f.path, size: int(f.size, 'size', 0, MAX_FILE_BYTES), sha256: f.sha256 };
  });
  if (!Array.isArray(value.lessons) || value.lessons.length === 0) throw new ManifestProblem('lessons');
  const ids = new Set<string>();
  const lessons = value.lessons.map((l: unknown): ManifestLesson => {
    if (!isRecord(l)) throw new ManifestProblem('lessonEntry');
    exactKeys(l, ['id', 'version', 'path'], 'partLesson');
    const lessonId = text(l.id, 'lessons[].id', 64);
    const path = text(l.path, 'lessons[].path', 300);
    if (!seen.has(path) || !path.endsWith('/lesson.yaml') || path.split('/').at(-2) !== lessonId) throw new ManifestProblem('lessonFile', {}, path);
    if (ids.has(lessonId)) throw new ManifestProblem('lessonTwice', { id: lessonId });
    ids.add(lessonId);
    return { id: lessonId, version: int(l.version, 'lessons[].version', 1, 1_000_000), path };
  });
  const lessonPaths = new Set(lessons.map((l) => l.path));
  for (const f of files) {
    const folder = f.path.slice(0, f.path.lastIndexOf('/') + 1);
    if (!isIndicatorEntryPath(f.path) && !lessonPaths.has(folder + 'lesson.yaml')) throw new ManifestProblem('noLesson', {}, f.path);
  }
  return { format: PACK_FORMAT, id, name, created, signer, lessons, files };
}
