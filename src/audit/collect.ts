// `safestep audit --collect FILE`: what the system tools answered on this
// computer, so a trainer can send it and the checks can be tested against
// real machines. A collection holds the exact command lines the checks ran,
// their exit codes and output, the platform, and a few harmless facts needed
// to replay them (a container or WSL, the desktop's name). It never holds file
// contents: checks that only read files are not run, and a check whose
// command output could carry private material (certificates, key names) opts
// out with `meta.collect: false`. The home folder, the user name and the
// computer's name are replaced before anything is shown or written.
//
// The same file format is replayed by the real-capture tests
// (tests/checks/real), and `fixtureFromCollection` turns a collection into
// such a test case with the verdicts the checks give today.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commandLine } from '../check-kit/command-line.js';
import { systemPath } from '../check-kit/context.js';
import { exists, readSmallText } from '../check-kit/files.js';
import { replayRunner, type Answer } from '../check-kit/replay.js';
import type { AnyCheck, CheckContext, CheckStatus, CommandRunner, Platform } from '../check-kit/types.js';

export const COLLECTION_FORMAT = 'safestep-collection/1';

export interface CollectedCommand {
  command: string;
  exit: number | null;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
  notFound?: boolean;
}

/** Facts the checks learn from the existence of files, needed to replay them; never file contents. */
export interface CollectedFacts {
  container?: boolean;
  wsl?: boolean;
}

export interface Collection {
  format: typeof COLLECTION_FORMAT;
  safestep: string;
  /** ISO date of the collection. */
  collected: string;
  platform: Platform;
  /** The OS release (kernel or build number) as Node reports it. */
  release: string;
  facts: CollectedFacts;
  /** Only the variables that name the desktop; DISPLAY and WAYLAND_DISPLAY only as "set". */
  env: Record<string, string>;
  /** The checks whose commands were recorded. */
  checks: string[];
  commands: CollectedCommand[];
}

const ENV_VALUES = ['XDG_CURRENT_DESKTOP', 'DESKTOP_SESSION'] as const;
const ENV_PRESENCE = ['DISPLAY', 'WAYLAND_DISPLAY'] as const;

export interface Identity {
  home: string;
  user: string;
  host: string;
}

/**
 * Replaces the home folder (any slash direction, any case), then the
 * computer's name and the user name as whole words, in one string.
 */
export function redact(text: string, who: Identity): string {
  let out = text;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const home = who.home.replace(/[\\/]+$/, '');
  if (home.length > 1) {
    const variants = new Set([home, home.replace(/\\/g, '/'), home.replace(/\//g, '\\')]);
    for (const v of variants) out = out.replace(new RegExp(escape(v), 'gi'), '~');
  }
  // The computer's name first: it often contains the user's ("anna-laptop").
  for (const [value, mark] of [
    [who.host, '<computer>'],
    [who.user, '<user>'],
  ] as const) {
    if (value.length >= 2) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escape(value)}(?![\\p{L}\\p{N}_])`, 'giu'), mark);
  }
  return out;
}

/** A runner that passes every call through and writes down the command line and what came back. */
export function recordingRunner(run: CommandRunner, into: CollectedCommand[]): CommandRunner {
  return async (file, args, options) => {
    const result = await run(file, args, options);
    into.push({
      command: commandLine(file, args),
      exit: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      ...(result.timedOut ? { timedOut: true } : {}),
      ...(result.notFound ? { notFound: true } : {}),
    });
    return result;
  };
}

/** Checks worth collecting here: they run commands on this platform and allow their output to be kept. */
export function collectable(check: AnyCheck, platform: NodeJS.Platform): boolean {
  const part = check.meta.explain[platform as Platform];
  return check.meta.collect !== false && !check.meta.interactive && check.meta.platforms.includes(platform as Platform) && Boolean(part?.commands?.length);
}

async function factsOf(ctx: CheckContext): Promise<CollectedFacts> {
  const container = (await exists(systemPath(ctx, '/.dockerenv'))) || (await exists(systemPath(ctx, '/run/.containerenv')));
  const release = await readSmallText(systemPath(ctx, '/proc/sys/kernel/osrelease'), 4096);
  const wsl = Boolean(ctx.env.WSL_DISTRO_NAME) || (release.ok && /microsoft/i.test(release.text));
  return { ...(container ? { container: true } : {}), ...(wsl ? { wsl: true } : {}) };
}

export interface CollectOptions {
  version: string;
  now: Date;
  release: string;
  identity: Identity;
}

/** Runs the gather step of every collectable check with a recording runner; nothing is judged. */
export async function collect(checks: readonly AnyCheck[], ctx: CheckContext, options: CollectOptions): Promise<Collection> {
  const commands: CollectedCommand[] = [];
  const recording = { ...ctx, run: recordingRunner(ctx.run, commands) };
  const ran: string[] = [];
  for (const check of checks) {
    if (!collectable(check, ctx.platform)) continue;
    ran.push(check.meta.id);
    try {
      await check.gather(recording, {});
    } catch {
      // What the commands answered is kept; a check that stumbles afterwards changes nothing here.
    }
  }
  const env: Record<string, string> = {};
  for (const name of ENV_VALUES) if (ctx.env[name]) env[name] = ctx.env[name] ?? '';
  for (const name of ENV_PRESENCE) if (ctx.env[name]) env[name] = 'set';
  const who = options.identity;
  return {
    format: COLLECTION_FORMAT,
    safestep: options.version,
    collected: options.now.toISOString(),
    platform: ctx.platform as Platform,
    release: redact(options.release, who),
    facts: await factsOf(ctx),
    env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, redact(v, who)])),
    checks: ran,
    commands: commands.map((c) => ({ ...c, command: redact(c.command, who), stdout: redact(c.stdout, who), stderr: redact(c.stderr, who) })),
  };
}

/** Checks a parsed JSON value is a collection this version can read; a clear message otherwise. */
export function parseCollection(value: unknown): Collection {
  const c = value as Partial<Collection> | null;
  if (typeof c !== 'object' || c === null || c.format !== COLLECTION_FORMAT) throw new Error(`not a ${COLLECTION_FORMAT} file`);
  if (!['linux', 'darwin', 'win32'].includes(String(c.platform))) throw new Error('unknown platform');
  if (!Array.isArray(c.commands) || !Array.isArray(c.checks)) throw new Error('commands or checks missing');
  for (const cmd of c.commands) {
    if (typeof cmd?.command !== 'string' || typeof cmd.stdout !== 'string' || typeof cmd.stderr !== 'string') throw new Error('a command entry is malformed');
  }
  return c as Collection;
}

// --- replay ------------------------------------------------------------------

export interface ReplayInput {
  platform: Platform;
  env?: Readonly<Record<string, string>>;
  facts?: CollectedFacts;
  answers: Readonly<Record<string, Answer>>;
  /** ISO time of the capture: checks that judge age see this as "now", so a verdict does not change as the capture grows old. */
  now?: string;
}

export interface Verdict {
  status: CheckStatus;
  findings: string[];
}

/** The answers of a collection, keyed by command line (the last answer wins when a command ran twice). */
export function answersOf(commands: readonly CollectedCommand[]): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const c of commands) {
    out[c.command] = { code: c.exit, stdout: c.stdout, stderr: c.stderr, timedOut: Boolean(c.timedOut), ...(c.notFound ? { notFound: true } : {}) };
  }
  return out;
}

/**
 * Runs one check against recorded answers in an empty home and root (plus the
 * container or WSL markers the facts call for), and returns its verdict.
 */
export async function replay(check: AnyCheck, input: ReplayInput): Promise<Verdict> {
  const base = await mkdtemp(path.join(tmpdir(), 'safestep-replay-'));
  try {
    const home = path.join(base, 'home');
    const root = path.join(base, 'root');
    await mkdir(home, { recursive: true });
    await mkdir(root, { recursive: true });
    if (input.facts?.container) await writeFile(path.join(root, '.dockerenv'), '');
    if (input.facts?.wsl) {
      await mkdir(path.join(root, 'proc/sys/kernel'), { recursive: true });
      await writeFile(path.join(root, 'proc/sys/kernel/osrelease'), 'microsoft-standard\n');
    }
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.env ?? {})) env[k] = v === 'set' && (k === 'DISPLAY' || k === 'WAYLAND_DISPLAY') ? ':0' : v;
    const at = input.now === undefined ? NaN : Date.parse(input.now);
    const ctx: CheckContext = { home, root, platform: input.platform, env, run: replayRunner(input.answers), paths: [], ...(Number.isNaN(at) ? {} : { now: () => at }) };
    const result = check.evaluate(await check.gather(ctx, {}), {});
    return { status: result.status, findings: result.findings.map((f) => f.message) };
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

/** A real-capture test case (tests/checks/real/<name>.json), as written for a collection. */
export interface RealCase {
  system: string;
  platform: Platform;
  source: { title: string; date: string; url?: string };
  /** ISO time the output was captured (from the output itself or its source); replays judge ages as of then. */
  now?: string;
  env?: Record<string, string>;
  facts?: CollectedFacts;
  answers: { command: string; exit: number | null; stdout?: string; stderr?: string; notFound?: boolean; timedOut?: boolean; published?: string }[];
  checks: Record<string, Verdict & { truth?: 'on' | 'off' | 'unknown' }>;
  note?: string;
}

/**
 * A test case from a collection: the answers (output stored in files named
 * `<name>.<n>.stdout.txt`), and for each collected check the verdict it gives
 * today. A person reviews the verdicts before committing the case.
 */
export async function fixtureFromCollection(
  collection: Collection,
  checks: readonly AnyCheck[],
  name: string,
): Promise<{ sidecar: RealCase; files: Record<string, string> }> {
  const files: Record<string, string> = {};
  const answers = collection.commands.map((c, i) => {
    const entry: RealCase['answers'][number] = { command: c.command, exit: c.exit };
    if (c.stdout) files[(entry.stdout = `${name}.${i + 1}.stdout.txt`)] = c.stdout;
    if (c.stderr) files[(entry.stderr = `${name}.${i + 1}.stderr.txt`)] = c.stderr;
    if (c.notFound) entry.notFound = true;
    if (c.timedOut) entry.timedOut = true;
    return entry;
  });
  const verdicts: RealCase['checks'] = {};
  for (const check of checks) {
    if (!collection.checks.includes(check.meta.id)) continue;
    verdicts[check.meta.id] = await replay(check, { platform: collection.platform, env: collection.env, facts: collection.facts, answers: answersOf(collection.commands), now: collection.collected });
  }
  const sidecar: RealCase = {
    system: `${collection.platform} ${collection.release}`,
    platform: collection.platform,
    source: { title: `safestep audit --collect (safestep ${collection.safestep})`, date: collection.collected.slice(0, 10) },
    now: collection.collected,
    ...(Object.keys(collection.env).length ? { env: collection.env } : {}),
    ...(Object.keys(collection.facts).length ? { facts: collection.facts } : {}),
    answers,
    checks: verdicts,
  };
  return { sidecar, files };
}
