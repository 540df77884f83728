// CheckTester: ESLint's RuleTester for safestep checks. Every check's test
// file uses it the same way:
//
//   const tester = new CheckTester(check);
//   tester.run({
//     valid: [{ name: 'locks after 5 minutes', data: { ... } }],
//     invalid: [{ name: 'lock off', data: { ... }, status: 'warn', findings: ['lockDisabled'] }],
//   });
//   tester.gather([
//     { name: 'GNOME', env: { XDG_CURRENT_DESKTOP: 'GNOME' },
//       commands: { 'gsettings get org.gnome.desktop.screensaver lock-enabled': { stdout: 'false\n' } },
//       status: 'warn', findings: ['lockDisabled'] },
//   ]);
//
// `run` feeds data straight to `evaluate`; `gather` builds a fake system (files
// under a temp home and root, a command runner answering by command line, an
// environment and a platform), runs gather and then evaluate. Message ids in
// expectations are typed by the check, so a typo does not compile. Every
// result is also checked for what must hold for any check: its message and fix
// ids exist, their placeholders are all filled in English and Russian, and a
// pass carries nothing worse than information.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { formatMessage } from '../../src/check-kit/format.js';
import { replayRunner, type Answer, type ReplayCall } from '../../src/check-kit/replay.js';
import type { Check, CheckContext, CheckInput, CheckResult, CheckStatus, Finding, Severity } from '../../src/check-kit/types.js';

// --- temp folders ------------------------------------------------------------

const created: string[] = [];

/** A fresh temp folder removed after the current test. */
export function tempDir(prefix = 'safestep-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(() => {
  while (created.length > 0) {
    const dir = created.pop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes a file (creating parent folders) and returns its full path. */
export function put(base: string, relative: string, content: string | Buffer, mode?: number): string {
  const full = path.join(base, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  if (mode !== undefined) chmodSync(full, mode);
  return full;
}

// --- fake systems ------------------------------------------------------------

export interface FakeFile {
  content?: string | Buffer;
  mode?: number;
  /** Modification time, for checks that read dates from the file system. */
  mtime?: Date;
  /** An empty folder. */
  dir?: boolean;
  /** A symbolic link to this target instead of a file. */
  link?: string;
}

/** Paths relative to the fake home or root, each a file's content or a description. */
export type FakeTree = Readonly<Record<string, string | Buffer | FakeFile>>;

export interface FakeDirs {
  home: string;
  root: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface FakeSystem {
  platform?: NodeJS.Platform;
  /** Files under a temp home folder. */
  home?: FakeTree;
  /** A home path that is not created (for checks that only compare paths). */
  homePath?: string;
  /** Files under a temp file-system root (system paths resolve under it). */
  root?: FakeTree;
  env?: Env | ((dirs: FakeDirs) => Env);
  /** Answers by command line (`file arg …`, `powershell <script>`, or `file *`); other commands are not installed. */
  commands?: Readonly<Record<string, Answer>> | ((dirs: FakeDirs) => Readonly<Record<string, Answer>>);
  paths?: readonly string[] | ((dirs: FakeDirs) => readonly string[]);
  /** Answers for an interactive check (the prompts a person would see). */
  input?: CheckInput | ((dirs: FakeDirs) => CheckInput);
}

export function writeTree(base: string, tree: FakeTree | undefined): void {
  for (const [relative, entry] of Object.entries(tree ?? {})) {
    const full = path.join(base, relative);
    const spec: FakeFile = typeof entry === 'string' || Buffer.isBuffer(entry) ? { content: entry } : entry;
    mkdirSync(spec.dir ? full : path.dirname(full), { recursive: true });
    if (spec.dir) continue;
    if (spec.link !== undefined) {
      symlinkSync(spec.link, full);
      continue;
    }
    writeFileSync(full, spec.content ?? '');
    if (spec.mode !== undefined) chmodSync(full, spec.mode);
    if (spec.mtime) utimesSync(full, spec.mtime, spec.mtime);
  }
}

export interface FakeRun {
  ctx: CheckContext;
  dirs: FakeDirs;
  calls: ReplayCall[];
}

/** A check context over a fake system; every command call is recorded. */
export function fakeSystem(system: FakeSystem = {}): FakeRun {
  const home = system.homePath ?? tempDir('safestep-home-');
  const root = tempDir('safestep-root-');
  if (!system.homePath) writeTree(home, system.home);
  writeTree(root, system.root);
  const dirs = { home, root };
  const calls: ReplayCall[] = [];
  const env = typeof system.env === 'function' ? system.env(dirs) : (system.env ?? {});
  const paths = typeof system.paths === 'function' ? system.paths(dirs) : (system.paths ?? []);
  const commands = typeof system.commands === 'function' ? system.commands(dirs) : (system.commands ?? {});
  const ctx: CheckContext = {
    home,
    root,
    platform: system.platform ?? 'linux',
    env,
    run: replayRunner(commands, calls),
    paths,
    ...(system.input ? { input: typeof system.input === 'function' ? system.input(dirs) : system.input } : {}),
  };
  return { ctx, dirs, calls };
}

// --- expectations ------------------------------------------------------------

export interface ExpectedFinding<K extends string> {
  message: K;
  severity?: Severity;
  /** null: the finding has no fix. */
  fix?: K | null;
  /** Compared with toMatchObject. */
  data?: Readonly<Record<string, unknown>>;
  path?: string;
}

export type Expected<K extends string> = K | ExpectedFinding<K>;

export interface Verdict<K extends string> {
  status?: CheckStatus;
  /** Every finding, in order; omit to check only the status. */
  findings?: readonly Expected<K>[];
}

export interface EvaluateCase<D, O, K extends string> {
  name: string;
  data: D;
  options?: O;
  /** Valid cases may list the information findings they expect. */
  findings?: readonly Expected<K>[];
}

export interface InvalidCase<D, O, K extends string> extends EvaluateCase<D, O, K> {
  status: Exclude<CheckStatus, 'pass'>;
  findings: readonly Expected<K>[];
}

export interface GatherCase<D, O, K extends string> extends FakeSystem, Verdict<K> {
  name: string;
  options?: O;
  /** What gather must return (toMatchObject), or a function of it. */
  data?: Partial<D> | ((data: D, dirs: FakeDirs) => void);
  /** Command lines gather must have run, in order (omit to not care). */
  calls?: readonly string[];
}

const PLACEHOLDER = /\{\w+\}/;

/** What holds for every result of every check. */
export function assertWellFormed(check: Check<unknown, never, string>, result: CheckResult<string>): void {
  const { meta } = check;
  for (const finding of result.findings) {
    for (const id of [finding.message, finding.fix].filter((x): x is string => x !== undefined)) {
      expect(Object.prototype.hasOwnProperty.call(meta.messages.table, id), `${meta.id}: message "${id}" is not declared`).toBe(true);
      for (const lang of ['en', 'ru'] as const) {
        const text = formatMessage(meta, id, lang, finding.data);
        expect(text, `${meta.id}: "${id}" in ${lang} has an unfilled placeholder`).not.toMatch(PLACEHOLDER);
      }
    }
  }
  if (result.status === 'pass') {
    expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.message), `${meta.id}: a pass with problems`).toEqual([]);
  }
}

function matchFinding<K extends string>(actual: Finding<K>, expected: Expected<K>, where: string): void {
  const want: ExpectedFinding<K> = typeof expected === 'string' ? { message: expected } : expected;
  expect(actual.message, where).toBe(want.message);
  if (want.severity !== undefined) expect(actual.severity, `${where}: severity`).toBe(want.severity);
  if (want.fix !== undefined) expect(actual.fix, `${where}: fix`).toBe(want.fix ?? undefined);
  if (want.data !== undefined) expect(actual.data, `${where}: data`).toMatchObject(want.data);
  if (want.path !== undefined) expect(actual.path, `${where}: path`).toBe(want.path);
}

/** Asserts a verdict: the status, and every finding in order. */
export function expectVerdict<K extends string>(result: CheckResult<K>, verdict: Verdict<K>): void {
  if (verdict.status !== undefined) expect(result.status, `status (findings: ${result.findings.map((f) => f.message).join(', ')})`).toBe(verdict.status);
  if (verdict.findings !== undefined) {
    expect(result.findings.map((f) => f.message), 'finding messages').toEqual(verdict.findings.map((e) => (typeof e === 'string' ? e : e.message)));
    result.findings.forEach((f, i) => matchFinding(f, verdict.findings![i]!, `finding ${i}`));
  }
}

// --- the tester --------------------------------------------------------------

export class CheckTester<D, O, K extends string> {
  constructor(
    readonly check: Check<D, O, K>,
    private readonly defaultOptions: O = {} as O,
  ) {}

  /** Evaluates data and checks the invariants every result must keep. */
  evaluate(data: D, options: O = this.defaultOptions): CheckResult<K> {
    const result = this.check.evaluate(data, options);
    assertWellFormed(this.check as unknown as Check<unknown, never, string>, result);
    return result;
  }

  /** Runs gather on a fake system, then evaluate. */
  async gatherOn(system: FakeSystem, options: O = this.defaultOptions): Promise<FakeRun & { data: D; result: CheckResult<K> }> {
    const fake = fakeSystem(system);
    const data = await this.check.gather(fake.ctx, options);
    return { ...fake, data, result: this.evaluate(data, options) };
  }

  /** One test per case: valid cases pass, invalid ones get their status and findings. */
  run(cases: { valid?: readonly EvaluateCase<D, O, K>[]; invalid?: readonly InvalidCase<D, O, K>[] }): void {
    for (const c of cases.valid ?? []) {
      it(`valid: ${c.name}`, () => expectVerdict(this.evaluate(c.data, c.options), { status: 'pass', findings: c.findings ?? [] }));
    }
    for (const c of cases.invalid ?? []) {
      it(`invalid: ${c.name}`, () => expectVerdict(this.evaluate(c.data, c.options), { status: c.status, findings: c.findings }));
    }
  }

  /** One test per case: gather on the fake system, then check data, calls and verdict. */
  gather(cases: readonly GatherCase<D, O, K>[]): void {
    for (const c of cases) {
      it(`gather: ${c.name}`, async () => {
        const { data, result, calls, dirs } = await this.gatherOn(c, c.options);
        if (typeof c.data === 'function') c.data(data, dirs);
        else if (c.data !== undefined) expect(data).toMatchObject(c.data);
        if (c.calls !== undefined) expect(calls.map((call) => call.line)).toEqual(c.calls);
        expectVerdict(result, c);
      });
    }
  }
}
