import type { Lang, Translate } from '../../i18n/index.js';
import type { StepProgress } from '../../progress/store.js';
import type { Style } from '../../text/markdown.js';
import type { Prompter } from '../../prompter.js';

export interface StepEnv {
  t: Translate;
  lang: Lang;
  prompter: Prompter;
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
  /** Jump target chosen by the learner (choice steps). */
  goto?: string;
  /** The learner asked to stop here; the step is not marked done. */
  quit?: boolean;
}

export type StepRunner<S> = (step: S, saved: StepProgress | undefined, env: StepEnv) => Promise<StepOutcome>;

/** Text from a lesson rendered as Markdown at the learner's width. */
export { renderMarkdown } from '../../text/markdown.js';
