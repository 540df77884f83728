// The lesson model as it is after loading and validation. Field names follow the
// YAML (snake_case where the file has it) so errors point at what authors wrote.
import type { Lang } from '../i18n/index.js';
import type { Step } from './steps/index.js';

export const TOPICS = ['communications', 'financial', 'identity', 'devices', 'repression', 'wellbeing'] as const;
export type Topic = (typeof TOPICS)[number];
export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export type { Step, StepType } from './steps/index.js';

export interface Source {
  id: string;
  title: string;
  url: string;
  accessed: string;
}

export interface Lesson {
  id: string;
  version: number;
  lang: Lang;
  title: string;
  summary: string;
  topic: Topic;
  level: Level;
  minutes: number;
  reviewed: string;
  audience: string;
  requires?: string[];
  /** A lesson being written: kept out of the learners' list until the line is removed. */
  draft?: true;
  objectives: string[];
  trainer_notes: string;
  sources: Source[];
  steps: Step[];
}

/** One step's entry in a translation file: its title and the fields its type translates. */
export type StepTranslation = Record<string, unknown>;

export interface Translation {
  lang: Lang;
  lesson: string;
  source_version: number;
  title?: string;
  summary?: string;
  audience?: string;
  objectives?: string[];
  trainer_notes?: string;
  steps: Record<string, StepTranslation>;
}

export type Severity = 'error' | 'warning';

/** One validator finding, positioned in the file the author edits. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  code: string;
  message: string;
}
