// Helpers several step types share: the words for leaving a lesson, a check
// for repeated ids inside one step, and the answer mark used everywhere.
import { defineMessages } from '../../i18n/index.js';
import type { StepPath, StepValidation } from './types.js';

export const STEPS = defineMessages('steps', {
  saveQuit: { en: 'Save and stop for now', ru: 'Сохранить и остановиться' },
});

/** ✓ or ✗ beside an answer: the same in every language and output. */
export function answerMark(correct: boolean | undefined): string {
  return correct ? '✓' : '✗';
}

/** Reports every id that repeats an earlier one in `list`, at the repeat. */
export function reportRepeatedIds(list: readonly { id: string }[], group: string, v: StepValidation, message: (id: string) => string): void {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.id)) v.error([group, i, 'id'] as StepPath, 'duplicate-id', message(entry.id));
    seen.add(entry.id);
  });
}
