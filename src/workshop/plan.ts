// Workshop plans: YAML validated like lessons (positions, safety caps), with
// lesson ids checked against the catalog and an agenda with start times.
import type { Lang, Translate } from '../i18n/index.js';
import type { Problem } from '../lesson/types.js';

export type AgendaItem = { lesson: string; minutes?: number; notes?: string } | { break: number; title?: string };

export interface WorkshopPlan {
  title: string;
  audience: string;
  languages: Lang[];
  date?: string;
  start?: string;
  notes?: string;
  agenda: AgendaItem[];
}

export interface TimedItem {
  index: number;
  item: AgendaItem;
  /** Minutes from the start of the workshop. */
  offset: number;
  minutes: number;
}

export async function loadWorkshopPlan(
  file: string,
  t: Translate,
  lessonMinutes: ReadonlyMap<string, number>,
): Promise<{ plan?: WorkshopPlan; problems: Problem[] }> {
  const [{ readSource, offsetOf, problemAt }, { compileSchema, schemaProblems }] = await Promise.all([import('../lesson/yaml-source.js'), import('../lesson/schema-check.js')]);
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const validate = await compileSchema('workshop');
  if (!validate(source.value)) {
    // oneOf reports each branch; the "required" error of the other branch is noise.
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'required' && ['lesson', 'break'].includes(String((e.params as { missingProperty?: string }).missingProperty))));
    return { problems: schemaProblems(errors.length ? errors : (validate.errors ?? []), { file, doc: source.doc, lines: source.lines }, t) };
  }
  const plan = source.value as WorkshopPlan;
  const problems: Problem[] = [];
  plan.agenda.forEach((item, i) => {
    if ('lesson' in item && !lessonMinutes.has(item.lesson)) {
      problems.push(problemAt(file, source.lines, offsetOf(source.doc!, ['agenda', i, 'lesson']), 'error', 'unknown-lesson', t('val.unknownWorkshopLesson', { id: item.lesson })));
    }
  });
  return problems.length ? { problems } : { plan, problems };
}

export function timeline(plan: WorkshopPlan, lessonMinutes: ReadonlyMap<string, number>): { items: TimedItem[]; total: number } {
  let offset = 0;
  const items = plan.agenda.map((item, index) => {
    const minutes = 'break' in item ? item.break : (item.minutes ?? lessonMinutes.get(item.lesson) ?? 0);
    const timed = { index, item, offset, minutes };
    offset += minutes;
    return timed;
  });
  return { items, total: offset };
}

export function clock(start: string | undefined, offset: number): string {
  if (!start) return `+${Math.floor(offset / 60)}:${String(offset % 60).padStart(2, '0')}`;
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + offset;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
