// The incident journal on disk, everything encrypted:
//
//   <dataDir>/journal/journal.enc        the records (envelope kind "journal")
//   <dataDir>/journal/files/<id>.enc     each attached file (kind "attachment")
//   <dataDir>/journal/journal.lock       held only while the index is rewritten
//
// Records are only ever added, never edited, so record numbers are stable. A new
// record's attachments are sealed first and the index is rewritten last, with an
// atomic rename: a crash at any point leaves the previous journal readable (at
// worst with an unreferenced attachment file, which `journal verify` reports).
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import { isAbandonedTemp, isTempName, writeFileAtomic } from '../fsutil/atomic.js';
import { checkMatches, CryptoFailure, deriveKeys, isRecord, KDF_DEFAULT, newKdfParams, type KdfCost, type KdfParams } from '../crypto/passphrase-keys.js';
import { openBuffer, openFileStream, parseHeader, readHeader, sealBuffer, sealFile, writeStreamAtomic, type Header, type Sealer } from '../crypto/envelope.js';

export const JOURNAL_VERSION = 1;

export interface AttachmentEntry {
  /** Random hex; the encrypted copy is files/<id>.enc. */
  id: string;
  /** The original file name (not the path: folders can say too much). */
  name: string;
  size: number;
  sha256: string;
  added: string;
}

export interface JournalRecord {
  id: string;
  /** When the record was written down (UTC ISO). */
  recorded: string;
  /** When it happened (UTC ISO); for a date without a time, midnight UTC of that date. */
  time: string;
  dateOnly: boolean;
  /** Exactly what the person typed for the time, empty when they took "now". */
  timeAsEntered: string;
  /** The UTC offset a time without a zone was read in, e.g. "+03:00". */
  localOffset?: string;
  what: string;
  who: string;
  channel: string;
  attachments: AttachmentEntry[];
}

export interface JournalData {
  version: number;
  created: string;
  records: JournalRecord[];
}

export type NewRecord = Omit<JournalRecord, 'id' | 'recorded' | 'attachments'>;

export type JournalErrorKind = 'missing' | 'locked' | 'newer';

export class JournalError extends Error {
  constructor(
    readonly kind: JournalErrorKind,
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
    this.name = 'JournalError';
  }
}

export function journalDir(dataDir: string): string {
  return path.join(dataDir, 'journal');
}

const INDEX = 'journal.enc';
const FILES = 'files';
const LOCK = 'journal.lock';
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

export async function journalExists(dataDir: string): Promise<boolean> {
  try {
    return (await stat(path.join(journalDir(dataDir), INDEX))).isFile();
  } catch {
    return false;
  }
}

function corrupted(detail: string): CryptoFailure {
  return new CryptoFailure('corrupted', detail);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw corrupted(`${what} is not text`);
  return value;
}

function iso(value: unknown, what: string): string {
  const s = str(value, what);
  if (!ISO.test(s) || Number.isNaN(Date.parse(s))) throw corrupted(`${what} is not a UTC time`);
  return s;
}

function parseAttachment(value: unknown): AttachmentEntry {
  if (!isRecord(value)) throw corrupted('attachment is not an object');
  const id = str(value.id, 'attachment id');
  if (!/^[0-9a-f]{32}$/.test(id)) throw corrupted('bad attachment id');
  const sha256 = str(value.sha256, 'attachment hash');
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw corrupted('bad attachment hash');
  const size = value.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw corrupted('bad attachment size');
  return { id, name: str(value.name, 'attachment name'), size, sha256, added: iso(value.added, 'attachment time') };
}

function parseRecord(value: unknown): JournalRecord {
  if (!isRecord(value)) throw corrupted('record is not an object');
  if (!Array.isArray(value.attachments)) throw corrupted('attachments are not a list');
  if (typeof value.dateOnly !== 'boolean') throw corrupted('bad dateOnly');
  const record: JournalRecord = {
    id: str(value.id, 'record id'),
    recorded: iso(value.recorded, 'record time'),
    time: iso(value.time, 'incident time'),
    dateOnly: value.dateOnly,
    timeAsEntered: str(value.timeAsEntered, 'time as entered'),
    what: str(value.what, 'what'),
    who: str(value.who, 'who'),
    channel: str(value.channel, 'channel'),
    attachments: value.attachments.map(parseAttachment),
  };
  if (value.localOffset !== undefined) record.localOffset = str(value.localOffset, 'offset');
  return record;
}

/** The decrypted index, checked field by field: a journal that decrypts but makes no sense is still damaged. */
export function parseJournalData(text: string): JournalData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw corrupted('index is not JSON');
  }
  if (!isRecord(value) || typeof value.version !== 'number') throw corrupted('index is not a journal');
  if (value.version > JOURNAL_VERSION) throw new JournalError('newer');
  if (value.version !== JOURNAL_VERSION || !Array.isArray(value.records)) throw corrupted('index is not a journal');
  return { version: value.version, created: iso(value.created, 'journal creation time'), records: value.records.map(parseRecord) };
}

export type AttachmentStatus = 'ok' | 'missing' | 'corrupted' | 'changed';

export interface JournalOptions {
  /** scrypt cost for a new journal (tests may use the minimum). */
  cost?: KdfCost;
  /** Replaceable so tests can simulate a crash in the middle of a write. */
  writeFile?: (file: string, data: Uint8Array) => Promise<void>;
}

export class Journal {
  private constructor(
    readonly dir: string,
    private readonly sealer: Sealer,
    public data: JournalData,
    private readonly writeFile: (file: string, data: Uint8Array) => Promise<void>,
  ) {}

  get indexFile(): string {
    return path.join(this.dir, INDEX);
  }

  get filesDir(): string {
    return path.join(this.dir, FILES);
  }

  /**
   * Opens and decrypts the journal. Throws CryptoFailure('wrong-passphrase') when
   * the passphrase is not the journal's, CryptoFailure('corrupted') when the file
   * is damaged, JournalError('missing') when there is no journal yet.
   */
  static async open(dataDir: string, passphrase: string, opts: JournalOptions = {}): Promise<Journal> {
    const dir = journalDir(dataDir);
    const raw = await readIndex(path.join(dir, INDEX));
    const { header } = parseHeader(raw, { kind: 'journal' });
    const keys = await deriveKeys(passphrase, header.kdf);
    let data: JournalData;
    try {
      data = parseJournalData(openBuffer(raw, { kind: 'journal' }, keys).toString('utf8'));
    } catch (err) {
      if (err instanceof CryptoFailure && err.kind === 'wrong-passphrase' && (await headerWasChanged(dir, header, passphrase, opts.cost ?? KDF_DEFAULT))) {
        throw new CryptoFailure('corrupted', 'the key settings in the header were changed');
      }
      throw err;
    }
    return new Journal(dir, { kdf: header.kdf, keys }, data, opts.writeFile ?? writeFileAtomic);
  }

  /** A new, empty journal in memory; nothing is written until the first record is added. */
  static async create(dataDir: string, passphrase: string, now: Date, opts: JournalOptions = {}): Promise<Journal> {
    const kdf = newKdfParams(opts.cost ?? KDF_DEFAULT);
    const keys = await deriveKeys(passphrase, kdf);
    return new Journal(journalDir(dataDir), { kdf, keys }, { version: JOURNAL_VERSION, created: now.toISOString(), records: [] }, opts.writeFile ?? writeFileAtomic);
  }

  attachmentFile(att: AttachmentEntry): string {
    return path.join(this.filesDir, `${att.id}.enc`);
  }

  /**
   * Seals the attachments, then appends the record and rewrites the index under
   * a lock. The index is re-read under the lock, so a record added meanwhile by
   * another safestep is kept.
   */
  async addRecord(fields: NewRecord, attachments: readonly string[], now: Date): Promise<{ record: JournalRecord; number: number }> {
    await ensureDir(this.filesDir);
    await this.removeLeftovers();
    const sealed: AttachmentEntry[] = [];
    try {
      for (const source of attachments) {
        const id = randomBytes(16).toString('hex');
        const target = path.join(this.filesDir, `${id}.enc`);
        const { size, sha256 } = await sealFile(this.sealer, { kind: 'attachment', id }, source, target);
        sealed.push({ id, name: path.basename(source), size, sha256, added: now.toISOString() });
      }
      const record: JournalRecord = { ...fields, id: randomBytes(8).toString('hex'), recorded: now.toISOString(), attachments: sealed };
      const number = await this.withLock(async () => {
        const current = await this.reload();
        const next: JournalData = { ...current, records: [...current.records, record] };
        await this.writeIndex(next);
        this.data = next;
        return next.records.length;
      });
      return { record, number };
    } catch (err) {
      // The record did not make it into the journal: its sealed copies would be orphans.
      for (const att of sealed) await unlink(this.attachmentFile(att)).catch(() => undefined);
      throw err;
    }
  }

  private async reload(): Promise<JournalData> {
    let raw: Buffer;
    try {
      raw = await readIndex(this.indexFile);
    } catch (err) {
      if (err instanceof JournalError && err.kind === 'missing') return this.data;
      throw err;
    }
    return parseJournalData(openBuffer(raw, { kind: 'journal' }, this.sealer.keys).toString('utf8'));
  }

  private async writeIndex(data: JournalData): Promise<void> {
    await ensureDir(this.dir);
    await this.writeFile(this.indexFile, sealBuffer(this.sealer, { kind: 'journal' }, Buffer.from(JSON.stringify(data), 'utf8')));
  }

  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await ensureDir(this.dir);
    const lock = path.join(this.dir, LOCK);
    let handle;
    for (let attempt = 0; ; attempt++) {
      try {
        handle = await open(lock, 'wx', 0o600);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw new JournalError('locked', lock);
        if (!(await staleLock(lock))) throw new JournalError('locked', lock);
        await unlink(lock).catch(() => undefined);
      }
    }
    try {
      await handle.writeFile(String(process.pid));
      await handle.close();
      return await fn();
    } finally {
      await unlink(lock).catch(() => undefined);
    }
  }

  /** Decrypts an attachment and re-hashes it against the journal. */
  async verifyAttachment(att: AttachmentEntry): Promise<AttachmentStatus> {
    const hash = createHash('sha256');
    let size = 0;
    try {
      await openFileStream(this.attachmentFile(att), { kind: 'attachment', id: att.id }, this.sealer.keys, (chunk) => {
        hash.update(chunk);
        size += chunk.length;
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      if (err instanceof CryptoFailure) return 'corrupted';
      throw err;
    }
    return size === att.size && hash.digest('hex') === att.sha256 ? 'ok' : 'changed';
  }

  /**
   * Writes the decrypted attachment to `target` (atomically, never over an
   * existing file) only if every chunk verifies and the SHA-256 matches the record.
   */
  async exportAttachment(att: AttachmentEntry, target: string): Promise<void> {
    const hash = createHash('sha256');
    await writeStreamAtomic(target, async (write) => {
      await openFileStream(this.attachmentFile(att), { kind: 'attachment', id: att.id }, this.sealer.keys, async (chunk) => {
        hash.update(chunk);
        await write(chunk);
      });
      if (hash.digest('hex') !== att.sha256) throw corrupted(`attachment ${att.id} does not match its hash`);
    });
  }

  /**
   * Temporary files of a write that never finished (`kill -9` or a power cut
   * during `journal add`). They hold only ciphertext, but they take space and
   * say that a write happened. Files of a write still running are not listed.
   */
  async leftovers(): Promise<{ files: string[]; bytes: number }> {
    const files: string[] = [];
    let bytes = 0;
    for (const dir of [this.dir, this.filesDir]) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!isTempName(name) || !isAbandonedTemp(name)) continue;
        const full = path.join(dir, name);
        const info = await stat(full).catch(() => null);
        if (!info?.isFile()) continue;
        files.push(full);
        bytes += info.size;
      }
    }
    return { files, bytes };
  }

  /** Removes what `leftovers` finds; the next write does this before anything else. */
  async removeLeftovers(): Promise<number> {
    const { files } = await this.leftovers();
    for (const file of files) await unlink(file).catch(() => undefined);
    return files.length;
  }

  /** Sealed files no record points to (left by an interrupted `journal add`). */
  async orphans(): Promise<string[]> {
    const known = new Set(this.data.records.flatMap((r) => r.attachments.map((a) => `${a.id}.enc`)));
    let names: string[];
    try {
      names = await readdir(this.filesDir);
    } catch {
      return [];
    }
    return names.filter((n) => n.endsWith('.enc') && !n.startsWith('.') && !known.has(n)).sort();
  }
}

async function readIndex(file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalError('missing');
    throw err;
  }
  if (size > MAX_INDEX_BYTES) throw corrupted('index is too large');
  return readFile(file);
}

/**
 * Called when the passphrase does not fit the index header. If the header's
 * key settings were edited (a different scrypt cost or salt), every
 * passphrase would look wrong: the person would doubt their memory while the
 * file is in fact damaged. Two signs of an edit:
 * - the attached files, sealed with the same settings, disagree with the index;
 * - the passphrase fits once the cost safestep writes is put back.
 */
async function headerWasChanged(dir: string, header: Header, passphrase: string, cost: KdfCost): Promise<boolean> {
  const same = (a: KdfParams, b: KdfParams): boolean => a.N === b.N && a.r === b.r && a.p === b.p && a.salt === b.salt;
  let names: string[] = [];
  try {
    names = (await readdir(path.join(dir, FILES))).filter((n) => /^[0-9a-f]{32}\.enc$/.test(n)).slice(0, 5);
  } catch {
    // no attachments to compare with
  }
  for (const name of names) {
    const other = await readHeader(path.join(dir, FILES, name), { kind: 'attachment', id: name.slice(0, 32) }).catch(() => null);
    if (other && (!same(other.kdf, header.kdf) || other.check !== header.check)) return true;
  }
  if (header.kdf.N === cost.N && header.kdf.r === cost.r && header.kdf.p === cost.p) return false;
  const keys = await deriveKeys(passphrase, { ...header.kdf, N: cost.N, r: cost.r, p: cost.p });
  return checkMatches(keys, Buffer.from(header.check, 'base64'));
}

/** A lock left by a process that is no longer running. */
async function staleLock(lock: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(lock, 'utf8')).trim());
    // A lock without a pid may be one being written this instant: give it a moment.
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - (await stat(lock)).mtimeMs > 30_000;
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return true;
  }
}
