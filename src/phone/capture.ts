// Offline analysis: an androidqf acquisition (a folder, or the zip androidqf
// can make of it) or an Android bug report (the zip `adb bugreport` writes,
// its unpacked folder, or the dumpstate text alone). A trainer acquires with
// androidqf at the clinic table and analyses here without the phone.
//
// androidqf's folder holds packages.json, getprop.txt, dumpsys.txt,
// settings_{global,secure,system}.txt, processes.txt (older: ps.txt),
// root_binaries.json and possibly bugreport.zip. A bug report names its main
// text in main_entry.txt (bugreport-*.txt or dumpstate.txt).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readEntry, readZip, type ZipArchive } from '../metadata/codecs/zip.js';
import { AndroidBuilder } from './assemble.js';
import { Budget, BufferSource, MetaError, openSource, readCapped, TooLarge, type Source } from './files.js';
import { splitDumpsys } from './parse/dumpsys.js';
import { bugreportProps, parseGetprop } from './parse/getprop.js';
import { parsePackagesJson } from './parse/packages.js';
import { parseRootBinariesJson, rootProcesses, rootProcessesJson } from './parse/root.js';
import { parseSettingsList, type SettingsMaps } from './parse/settings.js';
import { decodeText } from './text.js';
import type { AndroidData } from './types.js';

export interface CaptureLimits {
  /** Largest single text file (dumpsys.txt, dumpstate). */
  maxTextBytes: number;
  /** Largest zip read at all. */
  maxZipBytes: number;
  /** Time for the whole capture. */
  timeoutMs: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxTextBytes: 384 * 1024 * 1024,
  maxZipBytes: 8 * 1024 * 1024 * 1024,
  timeoutMs: 120_000,
};

export type CaptureProblem = 'missing' | 'unreadable' | 'not-a-capture' | 'encrypted' | 'too-large' | 'corrupt' | 'timeout';

export type CaptureResult = { ok: true; data: AndroidData } | { ok: false; problem: CaptureProblem; detail?: string };

/** A folder or a zip seen as names and contents. */
interface Bag {
  names: readonly string[];
  read(name: string, max: number): Promise<Uint8Array>;
}

const MAX_NAMES = 20_000;

async function folderBag(root: string): Promise<Bag> {
  const names: string[] = [];
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (names.length >= MAX_NAMES) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isFile()) names.push(r);
      else if (e.isDirectory() && depth < 2 && e.name !== 'apks' && e.name !== 'FS') await walk(path.join(dir, e.name), r, depth + 1);
    }
  };
  await walk(root, '', 0);
  return { names, read: (name, max) => readCapped(path.join(root, ...name.split('/')), max) };
}

function zipBag(zip: ZipArchive, src: Source): Bag {
  const names = zip.entries.slice(0, MAX_NAMES).map((e) => e.name);
  return {
    names,
    read: async (name, max) => {
      const entry = zip.byName.get(name);
      if (!entry) throw new MetaError('truncated', `${name} missing`);
      if (entry.size > max) throw new TooLarge(entry.size);
      return readEntry(src, entry, max);
    },
  };
}

function find(bag: Bag, pattern: RegExp): string | undefined {
  return bag.names.find((n) => pattern.test(n));
}

async function readText(bag: Bag, name: string | undefined, max: number): Promise<string | undefined> {
  if (name === undefined) return undefined;
  return decodeText(await bag.read(name, max));
}

/** Reads a part; a part that fails is recorded and the rest goes on. */
async function tryPart<T>(builder: AndroidBuilder, part: Parameters<AndroidBuilder['miss']>[0], fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MetaError && e.code === 'timeout') throw e;
    builder.miss(part, e instanceof TooLarge ? 'file over the size limit' : e instanceof MetaError ? `unreadable (${e.code})` : 'unreadable');
    return undefined;
  }
}

function markCertificates(builder: AndroidBuilder, reason: string): void {
  const d = builder.data;
  const lacking = d.apps.filter((a) => a.system !== true && a.installed !== false && !a.certSha1?.length && !a.certSha256?.length);
  if (lacking.length > 0) {
    d.certificatesSkipped = lacking.length;
    builder.miss('certificates', reason);
  }
}

/** The body of a bug report's "------ NAME … ------" section, or undefined. */
function bugreportSection(text: string, name: string): string | undefined {
  const start = text.indexOf(`------ ${name}`);
  if (start < 0) return undefined;
  const body = text.indexOf('\n', start);
  if (body < 0) return undefined;
  const end = text.indexOf('\n------ ', body);
  return text.slice(body + 1, end < 0 ? undefined : end);
}

function fromBugreportText(builder: AndroidBuilder, text: string): void {
  builder.props(bugreportProps(text));
  builder.dumpsys(splitDumpsys(text));
  const ps = bugreportSection(text, 'PROCESSES');
  builder.root(ps === undefined ? undefined : [], ps === undefined ? [] : rootProcesses(ps));
  markCertificates(builder, 'a bug report carries no signing certificates');
}

async function fromBugreport(bag: Bag, limits: CaptureLimits): Promise<AndroidData | null> {
  let main: string | undefined;
  const entry = find(bag, /^main_entry\.txt$/);
  if (entry) {
    const named = (await readText(bag, entry, 4096))?.trim();
    if (named && bag.names.includes(named)) main = named;
  }
  main ??= find(bag, /^bugreport-[^/]*\.txt$/) ?? find(bag, /(^|\/)dumpstate[^/]*\.txt$/) ?? find(bag, /(^|\/)dumpState_[^/]*\.log$/);
  if (!main) return null;
  const builder = new AndroidBuilder('bugreport');
  const text = await tryPart(builder, 'packages', () => readText(bag, main, limits.maxTextBytes));
  if (text === undefined) return builder.finish();
  fromBugreportText(builder, text);
  return builder.finish();
}

async function fromAndroidqf(bag: Bag, limits: CaptureLimits): Promise<AndroidData | null> {
  const marker = find(bag, /(^|\/)(packages\.json|getprop\.txt|dumpsys\.txt)$/);
  if (!marker) return null;
  const dir = marker.includes('/') ? marker.slice(0, marker.lastIndexOf('/') + 1) : '';
  const name = (file: string): string | undefined => (bag.names.includes(dir + file) ? dir + file : undefined);
  const small = 64 * 1024 * 1024;
  const builder = new AndroidBuilder('androidqf');

  const packagesText = await tryPart(builder, 'packages', () => readText(bag, name('packages.json'), small));
  const apps = packagesText === undefined ? undefined : parsePackagesJson(packagesText);
  builder.apps(apps, true);

  const getprop = await tryPart(builder, 'device', () => readText(bag, name('getprop.txt'), small));
  builder.props(getprop === undefined ? undefined : parseGetprop(getprop));

  const dumpsys = await tryPart(builder, 'accessibility', () => readText(bag, name('dumpsys.txt'), limits.maxTextBytes));
  if (dumpsys !== undefined) {
    builder.dumpsys(splitDumpsys(dumpsys));
  } else if (name('bugreport.zip')) {
    // No dumpsys.txt: the bug report androidqf took has the same services.
    const inner = await tryPart(builder, 'accessibility', async () => {
      const bytes = await bag.read(name('bugreport.zip') ?? '', limits.maxTextBytes);
      const src = new BufferSource(bytes, new Budget(bytes.length, limits.timeoutMs, limits.maxTextBytes));
      return fromBugreport(zipBag(await readZip(src), src), limits);
    });
    if (inner) {
      builder.data.accessibility = inner.accessibility;
      builder.data.deviceAdmins = inner.deviceAdmins;
      if (inner.deviceOwner) builder.data.deviceOwner = inner.deviceOwner;
      builder.data.notificationListeners = inner.notificationListeners;
      if (inner.installAllowed) builder.installGrants(inner.installAllowed, []);
      if (inner.settings) builder.data.settings = inner.settings;
      if (builder.data.apps.length === 0) builder.data.apps = inner.apps;
    }
  }

  const maps: SettingsMaps = {};
  for (const ns of ['global', 'secure', 'system'] as const) {
    const text = await tryPart(builder, 'settings', () => readText(bag, name(`settings_${ns}.txt`), small));
    if (text !== undefined) maps[ns] = parseSettingsList(text);
  }
  builder.settings(maps);

  const rootJson = await tryPart(builder, 'root', () => readText(bag, name('root_binaries.json'), small));
  const ps = await tryPart(builder, 'root', () => readText(bag, name('processes.txt') ?? name('ps.txt'), small));
  const psJson = ps === undefined ? await tryPart(builder, 'root', () => readText(bag, name('processes.json'), small)) : undefined;
  const daemons = ps !== undefined ? rootProcesses(ps) : psJson !== undefined ? (rootProcessesJson(psJson) ?? []) : [];
  builder.root(rootJson === undefined ? undefined : parseRootBinariesJson(rootJson), daemons);

  markCertificates(builder, 'APKs were not collected, so signing certificates are unknown');
  return builder.finish();
}

const AGE_MAGIC = 'age-encryption.org/';

async function fromBag(bag: Bag, limits: CaptureLimits): Promise<CaptureResult> {
  const data = (await fromAndroidqf(bag, limits)) ?? (await fromBugreport(bag, limits));
  if (data) return { ok: true, data };
  if (bag.names.some((n) => n.endsWith('.age'))) return { ok: false, problem: 'encrypted' };
  return { ok: false, problem: 'not-a-capture' };
}

function problemOf(e: unknown): CaptureResult {
  if (e instanceof TooLarge) return { ok: false, problem: 'too-large' };
  if (e instanceof MetaError) {
    if (e.code === 'timeout') return { ok: false, problem: 'timeout' };
    if (e.code === 'too-large') return { ok: false, problem: 'too-large' };
    if (e.code === 'encrypted') return { ok: false, problem: 'encrypted' };
    return { ok: false, problem: 'corrupt', detail: e.code };
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { ok: false, problem: 'missing' };
  return { ok: false, problem: 'unreadable', ...(code ? { detail: code } : {}) };
}

/** Reads an androidqf acquisition or a bug report at `target` (folder, zip or text file). */
export async function readAndroidCapture(target: string, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<CaptureResult> {
  try {
    const st = await stat(target);
    if (st.isDirectory()) return await fromBag(await folderBag(target), limits);
    if (!st.isFile()) return { ok: false, problem: 'unreadable' };
    const budget = new Budget(limits.maxZipBytes, limits.timeoutMs, limits.maxTextBytes * 2);
    const { source, close } = await openSource(target, budget);
    try {
      const head = await source.readAtMost(0, 64);
      const headText = new TextDecoder('latin1').decode(head);
      if (headText.startsWith(AGE_MAGIC)) return { ok: false, problem: 'encrypted' };
      if (head[0] === 0x50 && head[1] === 0x4b) return await fromBag(zipBag(await readZip(source), source), limits);
    } finally {
      close();
    }
    // A bug report's main text on its own.
    const text = decodeText(await readCapped(target, limits.maxTextBytes));
    if (!/== dumpstate|DUMP OF SERVICE/.test(text.slice(0, 1024 * 1024))) return { ok: false, problem: 'not-a-capture' };
    const builder = new AndroidBuilder('bugreport');
    fromBugreportText(builder, text);
    return { ok: true, data: builder.finish() };
  } catch (e) {
    return problemOf(e);
  }
}

/** For tests and the fuzzer: analyse a capture already in memory (a zip or a bug report's text). */
export async function readAndroidCaptureBytes(bytes: Uint8Array, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<CaptureResult> {
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const src = new BufferSource(bytes, new Budget(bytes.length, limits.timeoutMs, limits.maxTextBytes * 2));
      return await fromBag(zipBag(await readZip(src), src), limits);
    }
    const text = decodeText(bytes.subarray(0, limits.maxTextBytes));
    if (!/== dumpstate|DUMP OF SERVICE/.test(text.slice(0, 1024 * 1024))) return { ok: false, problem: 'not-a-capture' };
    const builder = new AndroidBuilder('bugreport');
    fromBugreportText(builder, text);
    return { ok: true, data: builder.finish() };
  } catch (e) {
    return problemOf(e);
  }
}
