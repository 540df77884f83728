// The shape every local check has (see docs/checks.md). Checks are split the
// Lighthouse way: `gather` does all I/O through the injected context and
// returns plain data, `evaluate` is pure judgement over that data. This keeps
// checks testable with fake homes, fake roots and a fake command runner.

import type { BilingualText } from '../i18n/messages.js';

export type { Lang } from '../i18n/lang.js';
export type { CheckStatus, Platform, Severity, Topic } from '../i18n/labels.js';
import type { CheckStatus, Platform, Severity, Topic } from '../i18n/labels.js';

/** A string in every UI language. */
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
}

/** A JSON-Schema subset describing a check's options; lesson `check` steps are validated against it. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties: false;
}

export interface CheckMeta {
  /** A noun, kebab-case, equal to the file name: `ssh-key-passphrase`. */
  id: string;
  title: Bilingual;
  failureTitle: Bilingual;
  description: Bilingual;
  topic: Topic;
  platforms: readonly Platform[];
  /** Lesson ids that explain what this check looks at. */
  lessons: readonly string[];
  options: OptionsSchema;
  /** What the check reads or runs, shown by `--explain` before anything runs. */
  reads: Bilingual[];
  /** Messages keyed by id, with {placeholders} filled from finding data. */
  messages: Record<string, Bilingual>;
  /**
   * Checks that need the user's input (a password, a folder to scan) are not
   * run by the audit without it.
   */
  interactive?: boolean;
}

export interface Finding {
  /** Key into meta.messages. */
  message: string;
  data?: Record<string, string | number>;
  severity: Severity;
  /** Key into meta.messages for the fix. */
  fix?: string;
  lessons?: string[];
  /** A path the finding is about; reports show home as `~`. Never key material. */
  path?: string;
}

export interface CheckResult {
  status: CheckStatus;
  findings: Finding[];
}

export interface Check<Data = unknown, Options = Record<string, unknown>> {
  meta: CheckMeta;
  gather(ctx: CheckContext, options: Options): Promise<Data>;
  evaluate(data: Data, options: Options): CheckResult;
}

/** Type helper so a check file gets full inference while the registry stays uniform. */
export function defineCheck<Data, Options = Record<string, unknown>>(check: Check<Data, Options>): Check<Data, Options> {
  return check;
}
