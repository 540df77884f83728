// The single list of strings in a lesson that a translation must provide. The
// validator (what is missing) and the runtime (what to replace) both walk it, so
// they can never disagree about what "fully translated" means.
import type { Lesson, Step, StepTranslation, Translation } from './types.js';

export interface TranslatableString {
  /** Path inside the translation file, e.g. ['steps', 'why', 'body']. */
  path: (string | number)[];
  source: string;
  get(tr: Translation): string | undefined;
  set(lesson: Lesson, value: string): void;
}

export function translatableStrings(lesson: Lesson): TranslatableString[] {
  const list: TranslatableString[] = [];
  for (const key of ['title', 'summary', 'audience', 'trainer_notes'] as const) {
    list.push({ path: [key], source: lesson[key], get: (tr) => tr[key], set: (l, v) => void (l[key] = v) });
  }
  lesson.objectives.forEach((source, i) => {
    list.push({ path: ['objectives', i], source, get: (tr) => tr.objectives?.[i], set: (l, v) => void (l.objectives[i] = v) });
  });
  lesson.steps.forEach((step, si) => list.push(...stepStrings(step, si)));
  return list;
}

function stepStrings(step: Step, si: number): TranslatableString[] {
  const list: TranslatableString[] = [];
  const of = (tr: Translation): StepTranslation | undefined => tr.steps[step.id];
  const stepAt = (l: Lesson): Step => l.steps[si]!;
  const field = (key: 'title' | 'body' | 'prompt', source: string | undefined): void => {
    if (source === undefined) return;
    list.push({
      path: ['steps', step.id, key],
      source,
      get: (tr) => of(tr)?.[key],
      set: (l, v) => void ((stepAt(l) as unknown as Record<string, string>)[key] = v),
    });
  };
  field('title', step.title);
  if (step.type === 'text' || step.type === 'checklist' || step.type === 'choice') field('body', step.body);
  if (step.type === 'quiz' || step.type === 'choice' || step.type === 'check') field('prompt', step.prompt);
  if (step.type === 'quiz') {
    step.choices.forEach((c, ci) => {
      for (const key of ['label', 'explain'] as const) {
        list.push({
          path: ['steps', step.id, 'choices', c.id, key],
          source: c[key],
          get: (tr) => of(tr)?.choices?.[c.id]?.[key],
          set: (l, v) => void ((stepAt(l) as typeof step).choices[ci]![key] = v),
        });
      }
    });
  }
  if (step.type === 'checklist') {
    step.items.forEach((item, ii) => {
      list.push({
        path: ['steps', step.id, 'items', item.id],
        source: item.text,
        get: (tr) => of(tr)?.items?.[item.id],
        set: (l, v) => void ((stepAt(l) as typeof step).items[ii]!.text = v),
      });
    });
  }
  if (step.type === 'choice') {
    step.options.forEach((o, oi) => {
      list.push({
        path: ['steps', step.id, 'options', o.id],
        source: o.label,
        get: (tr) => of(tr)?.options?.[o.id],
        set: (l, v) => void ((stepAt(l) as typeof step).options[oi]!.label = v),
      });
    });
  }
  return list;
}
