// SSH private keys without a passphrase, old DSA keys, short RSA keys and key
// files other users can read. Only the unencrypted header of a key is looked at
// (cipher name, key type, public modulus size); no key material ever leaves
// `gather`: its data holds paths, formats and sizes only.
import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defineCheck, defineMessages, findingsOf, fsProblem, listDir, readHead, statusFromFindings, type CheckContext, type CheckResult, type Finding, type FindingExtra, type FsProblem, type MessageIds } from '../src/check-kit/index.js';

/** No key file is anywhere near this big; larger files are not keys and are not read. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
/** How deep to look under ~/.ssh (people keep keys in ~/.ssh/work/ and the like). */
const MAX_DEPTH = 2;

export type KeyFormat = 'openssh' | 'pem' | 'pkcs8' | 'pkcs8-encrypted' | 'putty';
export type KeyAlgorithm = 'rsa' | 'dsa' | 'ecdsa' | 'ed25519' | 'sk-ecdsa' | 'sk-ed25519' | 'other' | 'unknown';

export interface KeyInfo {
  path: string;
  format: KeyFormat;
  /** null when the file could not be decoded far enough to tell. */
  encrypted: boolean | null;
  algorithm: KeyAlgorithm;
  /** RSA modulus or DSA prime size, when known. */
  bits: number | null;
  /** POSIX permission bits (e.g. 0o600), null on Windows or when unknown. */
  mode: number | null;
}

export interface SshKeyData {
  keys: KeyInfo[];
  unreadable: { path: string; problem: FsProblem }[];
}

// ---------------------------------------------------------------------------
// Parsing (exported for tests). Each function returns facts, never bytes.

class Reader {
  private offset = 0;
  constructor(private readonly buf: Buffer) {}
  uint32(): number {
    if (this.offset + 4 > this.buf.length) throw new Error('truncated');
    const value = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  bytes(): Buffer {
    const length = this.uint32();
    if (this.offset + length > this.buf.length) throw new Error('truncated');
    const value = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  string(): string {
    return this.bytes().toString('latin1');
  }
}

function mpintBits(value: Buffer): number {
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  if (i === value.length) return 0;
  const first = value[i] ?? 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(first));
}

function algorithmOf(keyType: string): KeyAlgorithm {
  if (keyType === 'ssh-rsa' || keyType.startsWith('rsa-sha2')) return 'rsa';
  if (keyType === 'ssh-dss') return 'dsa';
  if (keyType.startsWith('ecdsa-sha2-')) return 'ecdsa';
  if (keyType === 'ssh-ed25519') return 'ed25519';
  if (keyType.startsWith('sk-ecdsa-')) return 'sk-ecdsa';
  if (keyType.startsWith('sk-ssh-ed25519')) return 'sk-ed25519';
  return 'other';
}

/** Key type and size from an SSH public key blob (the wire format in .pub files and key headers). */
export function parsePublicBlob(blob: Buffer): { algorithm: KeyAlgorithm; bits: number | null } {
  const reader = new Reader(blob);
  const keyType = reader.string();
  const algorithm = algorithmOf(keyType);
  if (algorithm === 'rsa') {
    reader.bytes(); // e
    return { algorithm, bits: mpintBits(reader.bytes()) };
  }
  if (algorithm === 'dsa') return { algorithm, bits: mpintBits(reader.bytes()) };
  if (algorithm === 'ed25519' || algorithm === 'sk-ed25519') return { algorithm, bits: 256 };
  if (algorithm === 'ecdsa' || algorithm === 'sk-ecdsa') {
    const curve = reader.string();
    const size = /nistp(\d+)/.exec(curve)?.[1];
    return { algorithm, bits: size ? Number(size) : null };
  }
  return { algorithm, bits: null };
}

const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** The header of an openssh-key-v1 body: cipher name and the (always unencrypted) public key. */
export function parseOpensshKey(body: Buffer): { encrypted: boolean; algorithm: KeyAlgorithm; bits: number | null } {
  if (body.length < OPENSSH_MAGIC.length || !body.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) {
    throw new Error('not an openssh-key-v1 key');
  }
  const reader = new Reader(body.subarray(OPENSSH_MAGIC.length));
  const cipher = reader.string();
  reader.string(); // kdf name
  reader.bytes(); // kdf options
  const count = reader.uint32();
  if (count < 1) throw new Error('no keys');
  const { algorithm, bits } = parsePublicBlob(reader.bytes());
  return { encrypted: cipher !== 'none', algorithm, bits };
}

function base64Body(block: string): Buffer {
  const lines = block.split(/\r?\n/).filter((line) => line.length > 0 && !line.includes(':') && !line.startsWith('-----'));
  return Buffer.from(lines.join(''), 'base64');
}

function details(pem: string): { algorithm: KeyAlgorithm; bits: number | null } {
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    const type = key.asymmetricKeyType;
    const info = key.asymmetricKeyDetails;
    if (type === 'rsa' || type === 'rsa-pss') return { algorithm: 'rsa', bits: info?.modulusLength ?? null };
    if (type === 'dsa') return { algorithm: 'dsa', bits: info?.modulusLength ?? null };
    if (type === 'ec') return { algorithm: 'ecdsa', bits: null };
    if (type === 'ed25519') return { algorithm: 'ed25519', bits: 256 };
    return { algorithm: 'other', bits: null };
  } catch {
    return { algorithm: 'unknown', bits: null };
  }
}

export type ParsedKey = Omit<KeyInfo, 'path' | 'mode'>;

/**
 * Recognises a private key in the text of a file. Returns null for anything
 * that is not a private key (public keys, certificates, configs).
 */
export function parseKeyText(text: string): ParsedKey | null {
  if (/^\uFEFF?PuTTY-User-Key-File-\d+:/.test(text)) return parsePutty(text);
  const begin = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/.exec(text);
  if (!begin) return null;
  const label = (begin[1] ?? '').trim();
  const endMarker = `-----END ${begin[1] ?? ''}PRIVATE KEY-----`;
  const endAt = text.indexOf(endMarker, begin.index);
  const block = text.slice(begin.index, endAt === -1 ? undefined : endAt + endMarker.length);
  if (label === 'OPENSSH') {
    try {
      return { format: 'openssh', ...parseOpensshKey(base64Body(block)) };
    } catch {
      return { format: 'openssh', encrypted: null, algorithm: 'unknown', bits: null };
    }
  }
  if (label === 'ENCRYPTED') return { format: 'pkcs8-encrypted', encrypted: true, algorithm: 'unknown', bits: null };
  if (label === '') return { format: 'pkcs8', encrypted: false, ...details(block) };
  // Traditional PEM: RSA, DSA, EC. Encryption is announced in a header.
  const headerEnd = block.search(/\r?\n\r?\n/);
  const headers = headerEnd === -1 ? '' : block.slice(0, headerEnd);
  const encrypted = /^Proc-Type:\s*4,\s*ENCRYPTED\s*$/m.test(headers);
  const fromLabel: KeyAlgorithm = label === 'RSA' ? 'rsa' : label === 'DSA' ? 'dsa' : label === 'EC' ? 'ecdsa' : 'other';
  if (encrypted) return { format: 'pem', encrypted: true, algorithm: fromLabel, bits: null };
  const found = details(block);
  return { format: 'pem', encrypted: false, algorithm: found.algorithm === 'unknown' ? fromLabel : found.algorithm, bits: found.bits };
}

function parsePutty(text: string): ParsedKey {
  const encryption = /^Encryption:\s*(\S+)\s*$/m.exec(text)?.[1];
  const publicLines = /^Public-Lines:\s*(\d+)\s*$/m.exec(text);
  let algorithm: KeyAlgorithm = algorithmOf(/^PuTTY-User-Key-File-\d+:\s*(\S+)/.exec(text.replace(/^\uFEFF/, ''))?.[1] ?? '');
  let bits: number | null = null;
  if (publicLines) {
    const count = Number(publicLines[1]);
    const after = text.slice((publicLines.index ?? 0) + publicLines[0].length).split(/\r?\n/).filter((l) => l.length > 0);
    try {
      const parsed = parsePublicBlob(Buffer.from(after.slice(0, count).join(''), 'base64'));
      algorithm = parsed.algorithm;
      bits = parsed.bits;
    } catch {
      // Keep what the header said.
    }
  }
  return { format: 'putty', encrypted: encryption === undefined ? null : encryption !== 'none', algorithm, bits };
}

/** Size from a neighbouring `.pub` file, for encrypted keys whose body hides it. */
export function parsePublicKeyLine(line: string): { algorithm: KeyAlgorithm; bits: number | null } | null {
  const match = /^\s*(?:\S+\s+)?((?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+)\s+([A-Za-z0-9+/=]+)/.exec(line);
  if (!match?.[2]) return null;
  try {
    return parsePublicBlob(Buffer.from(match[2], 'base64'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Gathering

/** Files in ~/.ssh that are never private keys (anything else up to 64 KB is looked at, including id_rsa.old). */
const NOT_KEYS = /^(?:known_hosts.*|authorized_keys.*|config|.*\.pub)$/i;

async function inspectFile(file: string, ctx: CheckContext, data: SshKeyData): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const problem = fsProblem(error);
    if (problem !== 'missing') data.unreadable.push({ path: file, problem });
    return;
  }
  if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES || stat.size === 0) return;
  let text: string;
  try {
    text = (await readHead(file, MAX_KEY_FILE_BYTES)).toString('latin1');
  } catch (error) {
    data.unreadable.push({ path: file, problem: fsProblem(error) });
    return;
  }
  const parsed = parseKeyText(text);
  if (!parsed) return;
  if (parsed.bits === null && (parsed.algorithm === 'rsa' || parsed.algorithm === 'dsa' || parsed.algorithm === 'unknown')) {
    try {
      const pub = (await readHead(`${file}.pub`, 16 * 1024)).toString('latin1');
      const fromPub = parsePublicKeyLine(pub);
      if (fromPub) {
        parsed.bits = fromPub.bits;
        if (parsed.algorithm === 'unknown') parsed.algorithm = fromPub.algorithm;
      }
    } catch {
      // No public half next to it: the size stays unknown.
    }
  }
  data.keys.push({ path: file, ...parsed, mode: ctx.platform === 'win32' ? null : stat.mode & 0o777 });
}

async function scanDir(dir: string, depth: number, ctx: CheckContext, data: SshKeyData, seen: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const listing = await listDir(dir);
  if (!listing.ok) {
    if (listing.problem !== 'missing') data.unreadable.push({ path: dir, problem: listing.problem });
    return;
  }
  for (const name of listing.names) {
    const full = path.join(dir, name);
    let lst;
    try {
      lst = await fs.lstat(full);
    } catch {
      continue;
    }
    if (lst.isDirectory()) {
      if (depth < MAX_DEPTH) await scanDir(full, depth + 1, ctx, data, seen);
    } else if (!NOT_KEYS.test(name)) {
      await inspectFile(full, ctx, data);
    }
  }
}

// ---------------------------------------------------------------------------

const LESSONS = ['encrypt-your-devices'];

const M = defineMessages('check.ssh-key-passphrase', {
  noPassphrase: {
    en: 'The private key {path} has no passphrase. Anyone who gets a copy of the file (a seized or stolen laptop, a backup, malware) can use it straight away.',
    ru: 'Закрытый ключ {path} не защищён паролем. Любой, кто получит копию файла (изъятый или украденный ноутбук, резервная копия, вредоносная программа), сразу сможет им воспользоваться.',
  },
  fixPassphrase: {
    en: 'Add a passphrase: ssh-keygen -p -f {path:arg}. If other programs need the old file format, add -m PEM.',
    ru: 'Задайте пароль: ssh-keygen -p -f {path:arg}. Если другим программам нужен прежний формат файла, добавьте -m PEM.',
  },
  fixPassphrasePutty: {
    en: 'Open the key in PuTTYgen (Load), type a passphrase in both fields and save the private key again.',
    ru: 'Откройте ключ в PuTTYgen (Load), введите пароль в оба поля и снова сохраните закрытый ключ.',
  },
  dsa: {
    en: 'The key {path} is a DSA key. DSA keys are limited to 1024 bits, OpenSSH turned them off by default in 2015 and removed them in 2024.',
    ru: 'Ключ {path} — это ключ DSA. Такие ключи ограничены 1024 битами; OpenSSH отключил их по умолчанию в 2015 году и удалил в 2024-м.',
  },
  rsaWeak: {
    en: 'The RSA key {path} is only {bits} bits long. Keys this short can be broken; servers increasingly refuse them.',
    ru: 'RSA-ключ {path} длиной всего {bits} бит. Такие короткие ключи можно взломать, и серверы всё чаще их отвергают.',
  },
  rsaShort: {
    en: 'The RSA key {path} is {bits} bits long. It is still accepted, but 3072 bits (the ssh-keygen default) or an Ed25519 key is recommended for a key you will keep for years.',
    ru: 'RSA-ключ {path} длиной {bits} бит. Пока он принимается, но для ключа на годы лучше 3072 бита (так ssh-keygen делает по умолчанию) или ключ Ed25519.',
  },
  fixNewKey: {
    en: 'Make a new key with ssh-keygen -t ed25519 (and a passphrase), add the new .pub to the servers and services that know the old key, then remove the old key there and delete {path}.',
    ru: 'Создайте новый ключ командой ssh-keygen -t ed25519 (с паролем), добавьте новый .pub на серверы и в сервисы, где записан старый ключ, затем удалите там старый ключ и удалите {path}.',
  },
  permissions: {
    en: 'The key file {path} can be read or changed by other users of this computer (permissions {mode}).',
    ru: 'Файл ключа {path} могут читать или изменять другие пользователи этого компьютера (права доступа {mode}).',
  },
  fixPermissions: {
    en: 'Allow only yourself: chmod 600 {path:arg}',
    ru: 'Оставьте доступ только себе: chmod 600 {path:arg}',
  },
  unknownFormat: {
    en: 'The key {path} could not be decoded, so we cannot tell whether it has a passphrase.',
    ru: 'Не удалось разобрать ключ {path}, поэтому неизвестно, защищён ли он паролем.',
  },
  fixUnknownFormat: {
    en: 'Check it yourself: ssh-keygen -y -f {path:arg} asks for a passphrase only if the key has one.',
    ru: 'Проверьте сами: ssh-keygen -y -f {path:arg} спросит пароль, только если он у ключа есть.',
  },
  unreadable: {
    en: 'Could not read {path}, so keys there were not checked.',
    ru: 'Не удалось прочитать {path}, ключи там не проверены.',
  },
  unreadableDenied: {
    en: 'Could not read {path}: permission denied. Keys there were not checked.',
    ru: 'Не удалось прочитать {path}: нет прав доступа. Ключи там не проверены.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

export default defineCheck({
  meta: {
    id: 'ssh-key-passphrase',
    title: { en: 'SSH keys are protected', ru: 'SSH-ключи защищены' },
    failureTitle: { en: 'Some SSH keys are unprotected or weak', ru: 'Некоторые SSH-ключи не защищены или слабы' },
    subject: { en: 'SSH keys', ru: 'SSH-ключи' },
    description: {
      en: 'Looks at the private keys in ~/.ssh (and in files or folders you name): keys without a passphrase, old DSA keys, short RSA keys, and key files that other users of the computer can read. Only the unencrypted header of each key is read; nothing from a key is ever shown.',
      ru: 'Проверяет закрытые ключи в ~/.ssh (и в указанных вами файлах и папках): ключи без пароля, устаревшие ключи DSA, короткие ключи RSA и файлы ключей, которые могут прочитать другие пользователи компьютера. Читается только незашифрованный заголовок ключа; содержимое ключей никогда не показывается.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      all: {
        en: 'Files in ~/.ssh and its subfolders up to 64 KB (known_hosts, authorized_keys, config and .pub files are skipped), a key\'s .pub file when the key itself is encrypted, and the files and folders you name. Only the unencrypted header of each key is read.',
        ru: 'Файлы в ~/.ssh и её подпапках размером до 64 КБ (known_hosts, authorized_keys, config и файлы .pub пропускаются), файл .pub рядом с зашифрованным ключом, а также указанные вами файлы и папки. Читается только незашифрованный заголовок ключа.',
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<SshKeyData> {
    const data: SshKeyData = { keys: [], unreadable: [] };
    const seen = new Set<string>();
    await scanDir(path.join(ctx.home, '.ssh'), 1, ctx, data, seen);
    for (const given of ctx.paths) {
      const resolved = path.resolve(given);
      let stat;
      try {
        stat = await fs.stat(resolved);
      } catch (error) {
        data.unreadable.push({ path: resolved, problem: fsProblem(error) });
        continue;
      }
      if (stat.isDirectory()) await scanDir(resolved, MAX_DEPTH, ctx, data, seen);
      else if (!data.keys.some((k) => k.path === resolved)) await inspectFile(resolved, ctx, data);
    }
    return data;
  },

  evaluate(data): CheckResult<Id> {
    const findings: Finding<Id>[] = [];
    const add = ({ message, severity, ...extra }: { message: Id; severity: Finding['severity'] } & FindingExtra<Id>) => findings.push(finding(message, severity, extra));
    for (const key of data.keys) {
      const base = { path: key.path, data: { path: key.path } };
      const hardware = key.algorithm === 'sk-ecdsa' || key.algorithm === 'sk-ed25519';
      if (key.encrypted === false && !hardware) {
        add({ ...base, message: 'noPassphrase', severity: 'high', fix: key.format === 'putty' ? 'fixPassphrasePutty' : 'fixPassphrase' });
      } else if (key.encrypted === null) {
        add({ ...base, message: 'unknownFormat', severity: 'low', fix: 'fixUnknownFormat' });
      }
      if (key.algorithm === 'dsa') {
        add({ ...base, message: 'dsa', severity: 'high', fix: 'fixNewKey' });
      } else if (key.algorithm === 'rsa' && key.bits !== null && key.bits < 2048) {
        add({ ...base, data: { path: key.path, bits: key.bits }, message: 'rsaWeak', severity: 'high', fix: 'fixNewKey' });
      } else if (key.algorithm === 'rsa' && key.bits !== null && key.bits < 3072) {
        add({ ...base, data: { path: key.path, bits: key.bits }, message: 'rsaShort', severity: 'medium', fix: 'fixNewKey' });
      }
      if (key.mode !== null && (key.mode & 0o077) !== 0) {
        const mode = `0${key.mode.toString(8).padStart(3, '0')}`;
        add({ ...base, data: { path: key.path, mode }, message: 'permissions', severity: 'medium', fix: 'fixPermissions' });
      }
    }
    for (const item of data.unreadable) {
      add({ path: item.path, data: { path: item.path }, message: item.problem === 'denied' ? 'unreadableDenied' : 'unreadable', severity: 'low' });
    }
    return { status: statusFromFindings(findings), findings };
  },
});
