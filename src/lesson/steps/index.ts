// The step type registry: one line per step type. The lesson model (Step),
// the schema, the validator, the runner, handouts, presenter mode and the
// preview all reach step types through here, never by naming them.
import { checkStep } from './check.js';
import { checklistStep } from './checklist.js';
import { choiceStep } from './choice.js';
import { quizStep } from './quiz.js';
import { textStep } from './text.js';
import type { StepModule } from './types.js';

export const STEP_MODULES = [textStep, quizStep, checklistStep, choiceStep, checkStep] as const;

type ModuleStep<M> = M extends StepModule<infer S> ? S : never;

/** A step of any registered type, as it is after loading and validation. */
export type Step = ModuleStep<(typeof STEP_MODULES)[number]>;
export type StepType = Step['type'];

export const STEP_TYPES: readonly StepType[] = STEP_MODULES.map((m) => m.type);

const byType = new Map<string, StepModule<Step>>(STEP_MODULES.map((m) => [m.type, m as unknown as StepModule<Step>]));

/** The module of a validated step. The cast above is the one place step types are erased. */
export function stepModule(step: Step): StepModule<Step> {
  const module = byType.get(step.type);
  if (!module) throw new Error(`unregistered step type ${JSON.stringify(step.type)}`);
  return module;
}

export type { StepBase, StepEnv, StepModule, StepOutcome, StepPrompts } from './types.js';
