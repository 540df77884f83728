// The lesson model as it is after loading and validation. Field names follow the
// YAML (snake_case where the file has it) so errors point at what authors wrote.
import type { Lang } from '../i18n/index.js';

export const TOPICS = ['communications', 'financial', 'identity', 'devices', 'repression', 'wellbeing'] as const;
export type Topic = (typeof TOPICS)[number];
export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const STEP_TYPES = ['text', 'quiz', 'checklist', 'choice', 'check'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export interface Source {
  id: string;
  title: string;
  url: string;
  accessed: string;
}

interface StepBase {
  id: string;
  title?: string;
  sources?: string[];
  next?: string;
  end?: boolean;
}

export interface TextStep extends StepBase {
  type: 'text';
  body: string;
  /** Help directory ids shown after the text (incident endings). */
  contacts?: string[];
}

export interface QuizChoice {
  id: string;
  label: string;
  correct?: boolean;
  explain: string;
}

export interface QuizStep extends StepBase {
  type: 'quiz';
  prompt: string;
  multiple?: boolean;
  choices: QuizChoice[];
}

export interface ChecklistItem {
  id: string;
  text: string;
}

export interface ChecklistStep extends StepBase {
  type: 'checklist';
  body?: string;
  items: ChecklistItem[];
}

export interface ChoiceOption {
  id: string;
  label: string;
  goto: string;
}

export interface ChoiceStep extends Omit<StepBase, 'next' | 'end'> {
  type: 'choice';
  prompt: string;
  body?: string;
  options: ChoiceOption[];
}

export interface CheckStep extends StepBase {
  type: 'check';
  check: string;
  prompt?: string;
  options?: Record<string, unknown>;
}

export type Step = TextStep | QuizStep | ChecklistStep | ChoiceStep | CheckStep;

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
  objectives: string[];
  trainer_notes: string;
  sources: Source[];
  steps: Step[];
}

export interface StepTranslation {
  title?: string;
  body?: string;
  prompt?: string;
  choices?: Record<string, { label?: string; explain?: string }>;
  items?: Record<string, string>;
  options?: Record<string, string>;
}

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
