// The contract of a step type. Each module in this folder exports one
// StepModule: everything the lesson format, the validator, the runner, the
// handout, presenter mode and the preview need to know about that type, so a
// new step type is one file here and one line in ./index.ts.
//
// Step modules sit low: they use the shared base (i18n, text rendering, HTML
// escaping) and nothing above them; what they need from the outside world
// (prompts, checks, contacts, positions in the YAML file) comes in through the
// context objects below.
import type { BilingualText, Lang, Translate } from '../../i18n/index.js';
import type { StepProgress } from '../../progress/store.js';
import type { Style } from '../../text/markdown.js';

/** Fields every step has, whatever its type. */
export interface StepBase {
  id: string;
  type: string;
  title?: string;
  /** Ids of the lesson sources that back this step's claims. */
  sources?: string[];
  /** Jump to this step id afterwards (steps without branches only). */
  next?: string;
  /** The lesson ends after this step (steps without branches only). */
  end?: boolean;
}

/** A path inside one step's YAML or translation entry, e.g. ['choices', 2, 'id']. */
export type StepPath = readonly (string | number)[];

// ---------------------------------------------------------------- lesson format

/** A JSON Schema fragment for one step type; the common fields are added by the registry. */
export interface StepSchema {
  required: readonly string[];
  properties: Readonly<Record<string, object>>;
  /** The fields of this step type's entry in a translation file (title is common). */
  translation: Readonly<Record<string, object>>;
}

/** One string of a step that a translation must provide. */
export interface StepString<S> {
  /** Where it sits in the step's translation entry, e.g. ['choices', 'safe', 'explain']. */
  path: readonly string[];
  source: string;
  /** Writes the translated value into a copy of the step. */
  set(step: S, value: string): void;
}

export interface StepValidation {
  t: Translate;
  lang: Lang;
  /** Every step id of the lesson. */
  stepIds: ReadonlySet<string>;
  /** Registered checks and their options schemas. */
  checks: ReadonlyMap<string, object>;
  /** Help directory ids, when the directory could be read. */
  contactIds?: ReadonlySet<string>;
  error(where: StepPath, code: string, message: string): void;
  warning(where: StepPath, code: string, message: string): void;
  /** Validates `value` against `schema`; each problem is reported at its place under `where`. */
  schema(schema: object, value: unknown, where: StepPath, report: (detail: string) => { code: string; message: string }): Promise<void>;
}

// ---------------------------------------------------------------- the terminal

export interface PromptChoice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/** The questions a step may ask (src/prompter.ts implements them). */
export interface StepPrompts {
  select<T>(message: string, choices: readonly PromptChoice<T>[], defaultValue?: T): Promise<T>;
  /** `echo: 'count'` confirms with "2 of 5" instead of repeating every ticked label. */
  checkbox<T>(message: string, choices: readonly PromptChoice<T>[], opts?: { echo?: 'count' }): Promise<T[]>;
}

export interface StepEnv {
  t: Translate;
  lang: Lang;
  /** The lesson being run, for hints such as `safestep progress <id>`. */
  lessonId: string;
  prompter: StepPrompts;
  style: Style;
  width: number;
  print(text?: string): void;
  /** Runs a registered check and prints its result in the learner's language. */
  runCheck(id: string, options: Record<string, unknown>): Promise<void>;
  /** Prints help-directory cards for these contact ids. */
  showContacts(ids: readonly string[]): Promise<void>;
  /** Prints what a check reads or runs, before the learner agrees to run it. */
  explainCheck(id: string): Promise<void>;
}

export interface StepOutcome {
  record: Omit<StepProgress, 'v'>;
  /** Jump target chosen by the learner (steps with branches). */
  goto?: string;
  /** The learner asked to stop here; the step is not marked done. */
  quit?: boolean;
}

/** What the learner did at one step, for the summary at the end of a lesson. */
export interface Visited<S> {
  step: S;
  record: StepProgress;
}

export interface SummaryEnv {
  lang: Lang;
  style: Style;
  width: number;
}

// ---------------------------------------------------------------- outputs

export interface HandoutContext {
  t: Translate;
  lang: Lang;
  /** "see step 6" for a step id. */
  seeStep(id: string): string;
  /**
   * A help-directory entry in the handout's language. `shownIn` is set when the
   * same lesson already printed this entry in full (a handout names it once more
   * and points back, so a long lesson stays within its pages).
   */
  contact(id: string): { name: string; what: string; reach: string; shownIn?: string } | undefined;
}

/** A step in a handout: its body, and what goes in the answers section, if anything. */
export interface HandoutPart<T> {
  body: T;
  answers?: T;
}

export interface SlideContext {
  t: Translate;
  lang: Lang;
  style: Style;
  width: number;
  /** The trainer pressed "a": show correct answers and explanations. */
  answers: boolean;
  md(text: string): string[];
  /** A help-directory entry in the room's language (its name, how to reach it), or undefined when unknown. */
  contact(id: string): { name: string; reach: string } | undefined;
}

export interface PreviewContext {
  t: Translate;
  lang: Lang;
  style: Style;
  width: number;
  /** Markdown rendered at the preview width, each line indented. */
  md(text: string, indent?: string): string[];
  /** What a registered check reads or runs, one line each, in the preview's language. */
  checkReads(id: string): Promise<string[]>;
}

export interface StepModule<S extends StepBase> {
  type: S['type'];
  /** The step type's name in previews. */
  label: BilingualText;
  schema: StepSchema;

  /** Strings a translation provides, besides the title. */
  strings(step: S): StepString<S>[];
  /** Rules beyond the schema: repeated ids, references, answers. */
  validate?(step: S, v: StepValidation): void | Promise<void>;
  /**
   * Step ids the learner can branch to. A step with branches decides where the
   * lesson goes (no `next`, no `end`, no falling through to the following step).
   */
  branches?(step: S): string[];
  /** On resume, the branch a saved record took; undefined shows the step again. */
  taken?(step: S, saved: StepProgress): string | undefined;

  run(step: S, saved: StepProgress | undefined, env: StepEnv): Promise<StepOutcome>;
  /** Lines for the end of the lesson, given every step of this type the learner went through. */
  summary?(visited: readonly Visited<S>[], env: SummaryEnv): string[];
  /** What is still to do at this step, for `safestep progress <id>`. */
  pending?(step: S, saved: StepProgress | undefined): string[];

  handoutHtml(step: S, h: HandoutContext): HandoutPart<string>;
  handoutMarkdown(step: S, h: HandoutContext): HandoutPart<string[]>;
  slide(step: S, s: SlideContext): string[];
  preview(step: S, p: PreviewContext): string[] | Promise<string[]>;
}
