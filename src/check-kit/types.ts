// The shape every local check has (see docs/checks.md). Checks are split the
// Lighthouse way: `gather` does all I/O through the injected context and
// returns plain data, `evaluate` is pure judgement over that data. Messages
// are declared once per check, ESLint style, and findings name them by id: the
// ids are a type derived from the check's own table, so a typo does not compile.

import type { Bilingual as Message, BilingualText } from '../i18n/messages.js';
import type { CheckStatus, Platform, Severity, Topic } from '../i18n/labels.js';

export type { Lang } from '../i18n/lang.js';
export type { CheckStatus, Platform, Severity, Topic } from '../i18n/labels.js';

/** A plain string in every UI language (titles, prompts, explanations). */
export type Bilingual = BilingualText;

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started at all (e.g. not installed). */
  notFound?: boolean;
}

export interface CommandRunner {
  (file: string, args: readonly string[], options?: { timeoutMs?: number }): Promise<CommandResult>;
}

/**
 * Questions an interactive check may ask (a password to rate, a folder to
 * scan). Only present when a person is at the terminal and asked for the check.
 */
export interface CheckInput {
  /** Hidden input: never echoed, stored or logged. */
  secret(prompt: Bilingual): Promise<string>;
  /** A file or folder the user chooses. */
  path(prompt: Bilingual): Promise<string>;
}

/** Everything a check may touch. Tests build fake ones in temp folders. */
export interface CheckContext {
  /** The user's home directory. */
  home: string;
  /** File-system root: '/' in real runs, a temp folder in tests. System paths are resolved under it. */
  root: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  run: CommandRunner;
  /** Extra paths the user named on the command line (files or folders). */
  paths: readonly string[];
  /** Present only when the user is at a terminal and asked for an interactive check. */
  input?: CheckInput;
  /**
   * The current time (ms since 1970) for checks that judge how old something
   * is. Replays of real captures set it to the moment of the capture; absent
   * in real runs, where the system clock is used.
   */
  now?: () => number;
  /**
   * For checks that read for minutes (a phone over USB): what is being read now,
   * and how far along. Absent in tests and for --json.
   */
  progress?: (step: string, done?: number, total?: number) => void;
}

/** A JSON-Schema subset describing a check's options; lesson `check` steps are validated against it. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties: false;
}

/**
 * A check's messages: the table it registered with `defineMessages` (so the
 * one catalogue test covers it). Only the parts a check needs are named, which
 * keeps a check with ids 'a' | 'b' usable where any check is expected.
 */
export interface MessageTable<K extends string = string> {
  readonly name: string;
  readonly table: Readonly<Record<K, Message>>;
}

/** The message ids of a table: `MessageIds<typeof M>`. */
export type MessageIds<T> = T extends MessageTable<infer K> ? K : never;

/**
 * A value in a finding's data. Bilingual values are filled in the reader's
 * language, so a check can hand over text it made in both (a verdict, a list
 * of categories) without inventing `nameEn`/`nameRu` placeholders.
 */
export type FindingValue = string | number | BilingualText;
export type FindingData = Readonly<Record<string, FindingValue>>;

export interface Finding<K extends string = string> {
  /** A message id of the check. */
  message: K;
  data?: FindingData;
  severity: Severity;
  /** A message id of the check: what to do about it. */
  fix?: K;
  lessons?: readonly string[];
  /** A path the finding is about; reports show home as `~`. Never key material. */
  path?: string;
  /**
   * The input could not be used (a file that is not what it should be). Run
   * alone (`safestep check <id>`), the check reports it as one line with the
   * path, its fix as the hint, and exit 2; in the audit it is a finding.
   */
  input?: true;
}

export interface CheckResult<K extends string = string> {
  status: CheckStatus;
  findings: Finding<K>[];
}

/**
 * What an interactive check asks for when it runs. A `path` question is
 * answered by paths named on the command line, when there are any; a
 * `secret` is always typed at a hidden prompt.
 */
export interface InputNeed {
  kind: 'secret' | 'path';
  prompt: Bilingual;
}

/** What a check reads on one platform, shown by `--explain` before anything runs. */
export interface PlatformExplain {
  reads: Bilingual;
  /** The exact commands it may run, as they would be typed. */
  commands?: readonly string[];
  /** What stays unknown without administrator rights, and what the check says then. */
  withoutAdmin?: Bilingual;
}

export type Explain = { readonly all?: Bilingual } & { readonly [P in Platform]?: PlatformExplain };

export interface CheckMeta<K extends string = string> {
  /** A noun, kebab-case, equal to the file name: `ssh-key-passphrase`. */
  id: string;
  /** What a pass means: "The disk is encrypted". */
  title: Bilingual;
  /** What a failure means: "The disk is not encrypted". */
  failureTitle: Bilingual;
  /**
   * What is checked, as a neutral noun phrase ("Disk encryption"), for results
   * that are neither pass nor failure: a check that did not apply must never
   * read like its pass title.
   */
  subject: Bilingual;
  description: Bilingual;
  topic: Topic;
  platforms: readonly Platform[];
  /** Lesson ids that explain what this check looks at. */
  lessons: readonly string[];
  options: OptionsSchema;
  explain: Explain;
  messages: MessageTable<K>;
  /** Interactive checks say what they ask for; the audit runs them only when asked to. */
  input?: InputNeed;
  /** false: its command output can hold private material (certificates, names), so `audit --collect` leaves it out. */
  collect?: boolean;
  /** True when `input` is set (kept as a flag for callers that only need to know). */
  interactive: boolean;
}

export interface Check<Data = unknown, Options = Record<string, unknown>, K extends string = string> {
  meta: CheckMeta<K>;
  gather(ctx: CheckContext, options: Options): Promise<Data>;
  evaluate(data: Data, options: Options): CheckResult<K>;
}

/** Any registered check, as the registry and the audit see it. */
export type AnyCheck = Check<unknown, Record<string, unknown>, string>;
