// Declaring a check: `defineCheck` fills the defaults (every platform, no
// options, no lessons) so a check file states only what is its own, and
// `findingsOf` gives it a finding constructor whose message ids come from the
// check's table.
import type { Platform, Severity } from '../i18n/labels.js';
import type { Bilingual, Check, CheckContext, CheckMeta, CheckResult, Explain, Finding, FindingData, InputNeed, MessageTable, OptionsSchema } from './types.js';

export const ALL_PLATFORMS: readonly Platform[] = ['linux', 'darwin', 'win32'];
export const NO_OPTIONS: OptionsSchema = { type: 'object', properties: {}, additionalProperties: false };

/** What a check file writes; the rest has defaults. */
export interface MetaSpec<K extends string> {
  id: string;
  title: Bilingual;
  failureTitle: Bilingual;
  subject: Bilingual;
  description: Bilingual;
  topic: CheckMeta['topic'];
  /** Default: Linux, macOS and Windows. */
  platforms?: readonly Platform[];
  /** Default: none. */
  lessons?: readonly string[];
  /** Default: no options. */
  options?: OptionsSchema;
  explain: Explain;
  messages: MessageTable<K>;
  input?: InputNeed;
  collect?: boolean;
}

export interface CheckSpec<Data, Options, K extends string> {
  meta: MetaSpec<K>;
  gather(ctx: CheckContext, options: Options): Promise<Data>;
  /** Message ids are checked against `meta.messages`, never widened by what evaluate returns. */
  evaluate(data: Data, options: Options): CheckResult<NoInfer<K>>;
}

/**
 * Type helper and defaults. Let TypeScript infer the type arguments (annotate
 * `gather`'s return type and the options parameter instead): an explicit
 * `defineCheck<Data>` would widen the message ids to any string.
 */
export function defineCheck<Data, Options = Record<string, unknown>, K extends string = string>(spec: CheckSpec<Data, Options, K>): Check<Data, Options, K> {
  const { meta } = spec;
  return {
    meta: {
      ...meta,
      platforms: meta.platforms ?? ALL_PLATFORMS,
      lessons: meta.lessons ?? [],
      options: meta.options ?? NO_OPTIONS,
      interactive: meta.input !== undefined,
    },
    gather: spec.gather,
    evaluate: spec.evaluate,
  };
}

export interface FindingExtra<K extends string> {
  fix?: K | undefined;
  data?: FindingData;
  path?: string;
  input?: boolean;
  lessons?: readonly string[];
}

export type FindingMaker<K extends string> = (message: K, severity: Severity, extra?: FindingExtra<K>) => Finding<K>;

/**
 * A finding constructor for one check: `const finding = findingsOf(M, { lessons })`,
 * then `finding('lockDisabled', 'medium', { fix: 'fixMac' })`.
 */
export function findingsOf<K extends string>(_messages: MessageTable<K>, defaults: { lessons?: readonly string[] } = {}): FindingMaker<K> {
  return (message, severity, extra = {}) => {
    const lessons = extra.lessons ?? defaults.lessons;
    return {
      message,
      severity,
      ...(extra.fix !== undefined ? { fix: extra.fix } : {}),
      ...(extra.data !== undefined ? { data: extra.data } : {}),
      ...(extra.path !== undefined ? { path: extra.path } : {}),
      ...(extra.input ? { input: true as const } : {}),
      ...(lessons !== undefined ? { lessons: [...lessons] } : {}),
    };
  };
}

/** Does the check need someone to answer a question, given the paths named on the command line? */
export function needsInput(meta: Pick<CheckMeta, 'input'>, paths: readonly string[]): boolean {
  if (!meta.input) return false;
  return meta.input.kind === 'secret' || paths.length === 0;
}
