// Workshop plans: YAML validated like lessons (positions, safety caps), with
// lesson ids checked against the catalog, an agenda with start times that must
// add up to the plan's stated length, and texts in one language or in several
// ({en, ru}) so one shipped file serves both rooms.
import type { Lang, Translate } from '../i18n/index.js';
import type { Problem } from '../lesson/types.js';
import { W } from './messages.js';

/** One string (a plan in one language) or the same text per language. */
export type PlanText = string | Partial<Record<Lang, string>>;

export type AgendaItem =
  | { lesson: string; minutes?: number; notes?: PlanText }
  | { break: number; title?: PlanText }
  | { activity: PlanText; minutes: number; notes?: PlanText };

export interface WorkshopPlan {
  title: PlanText;
  audience: PlanText;
  languages: Lang[];
  date?: string;
  start?: string;
  /** The stated length; the agenda must add up to it. */
  minutes?: number;
  goals?: PlanText[];
  materials?: PlanText[];
  notes?: PlanText;
  room_safety?: PlanText[];
  checklist?: PlanText[];
  take_home?: PlanText[];
  contacts?: string[];
  self_check?: PlanText[];
  agenda: AgendaItem[];
}

export interface TimedItem {
  index: number;
  item: AgendaItem;
  /** Minutes from the start of the workshop. */
  offset: number;
  minutes: number;
}

/** The plan's text in `lang`: its own version, else the plan's first language, else any. */
export function textIn(value: PlanText | undefined, lang: Lang, plan?: Pick<WorkshopPlan, 'languages'>): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? (plan ? value[plan.languages[0]!] : undefined) ?? Object.values(value).find((v) => typeof v === 'string') ?? '';
}

/** The language a plan is shown in: the one asked for when the plan has it, else its first. */
export function planLang(plan: Pick<WorkshopPlan, 'languages'>, wanted: Lang): Lang {
  return plan.languages.includes(wanted) ? wanted : (plan.languages[0] ?? wanted);
}

/** Which of the agenda item's shapes the author meant, so only that shape's errors are reported. */
function branchOf(item: unknown): number | undefined {
  if (!item || typeof item !== 'object') return undefined;
  if ('lesson' in item) return 0;
  if ('break' in item) return 1;
  if ('activity' in item) return 2;
  return undefined;
}

const BRANCH = /^#\/properties\/agenda\/items\/oneOf\/(\d+)\//;

export async function loadWorkshopPlan(
  file: string,
  t: Translate,
  lessonMinutes: ReadonlyMap<string, number>,
  extra: { lang?: Lang; contactIds?: ReadonlySet<string> } = {},
): Promise<{ plan?: WorkshopPlan; problems: Problem[] }> {
  const [{ readSource, offsetOf, problemAt }, { compileSchema, schemaProblems }] = await Promise.all([import('../lesson/yaml-source.js'), import('../lesson/schema-check.js')]);
  const m = W.text(extra.lang ?? 'en');
  const { contactIds } = extra;
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { problems: source.problems };
  const doc = source.doc;
  const at = (where: (string | number)[], message: string, code = 'schema', key = false): Problem => problemAt(file, source.lines, offsetOf(doc, where, key), 'error', code, message);
  const validate = await compileSchema('workshop');
  if (!validate(source.value)) {
    const value = source.value as { agenda?: unknown[] };
    const own: Problem[] = [];
    const errors = (validate.errors ?? []).filter((e) => {
      // An agenda item is a lesson, a break or an activity: report only the errors of the shape it has.
      const agenda = /^\/agenda\/(\d+)/.exec(e.instancePath);
      if (agenda) {
        const wanted = branchOf(value.agenda?.[Number(agenda[1])]);
        const branch = BRANCH.exec(e.schemaPath);
        if (e.keyword === 'oneOf' && e.instancePath === agenda[0]) {
          if (wanted === undefined) own.push(at(['agenda', Number(agenda[1])], m('check.itemKind')));
          return false;
        }
        if (branch && Number(branch[1]) !== (wanted ?? -1)) return false;
        if (branch && wanted === undefined) return false;
      }
      // Times and dates get a message that shows the format.
      if (e.keyword === 'pattern' && (e.instancePath === '/start' || e.instancePath === '/date')) {
        own.push(at([e.instancePath.slice(1)], m(e.instancePath === '/start' ? 'check.start' : 'check.date')));
        return false;
      }
      return true;
    });
    return { problems: [...own, ...schemaProblems(errors, { file, doc, lines: source.lines }, t)].sort((a, b) => a.line - b.line || a.col - b.col) };
  }
  const plan = source.value as WorkshopPlan;
  const problems: Problem[] = [];
  // Every text has a version in each of the plan's languages, and none in a language it does not list.
  const checkText = (value: unknown, where: (string | number)[]): void => {
    if (!value || typeof value !== 'object') return;
    for (const lang of plan.languages) if (!(lang in value)) problems.push(at(where, m('check.missingLang', { lang })));
    for (const lang of Object.keys(value)) if (!plan.languages.includes(lang as Lang)) problems.push(at([...where, lang], m('check.extraLang', { lang }), 'schema', true));
  };
  for (const key of ['title', 'audience', 'notes'] as const) checkText(plan[key], [key]);
  for (const key of ['goals', 'materials', 'room_safety', 'checklist', 'take_home', 'self_check'] as const) plan[key]?.forEach((v, i) => checkText(v, [key, i]));
  plan.agenda.forEach((item, i) => {
    if ('lesson' in item && !lessonMinutes.has(item.lesson)) {
      problems.push(at(['agenda', i, 'lesson'], t('val.unknownWorkshopLesson', { id: item.lesson }), 'unknown-lesson'));
    }
    if ('lesson' in item || 'activity' in item) checkText(item.notes, ['agenda', i, 'notes']);
    if ('activity' in item) checkText(item.activity, ['agenda', i, 'activity']);
    if ('break' in item) checkText(item.title, ['agenda', i, 'title']);
  });
  if (contactIds) plan.contacts?.forEach((id, i) => {
    if (!contactIds.has(id)) problems.push(at(['contacts', i], m('check.unknownContact', { id }), 'unknown-contact'));
  });
  // The start times add up: the agenda's sum is the stated length.
  if (plan.minutes !== undefined && !problems.some((p) => p.code === 'unknown-lesson')) {
    const { total } = timeline(plan, lessonMinutes);
    if (total !== plan.minutes) problems.push(at(['minutes'], m('check.sum', { sum: total, stated: plan.minutes }), 'minutes'));
  }
  return problems.length ? { problems } : { plan, problems };
}

export function itemMinutes(item: AgendaItem, lessonMinutes: ReadonlyMap<string, number>): number {
  if ('break' in item) return item.break;
  if ('activity' in item) return item.minutes;
  return item.minutes ?? lessonMinutes.get(item.lesson) ?? 0;
}

export function timeline(plan: Pick<WorkshopPlan, 'agenda'>, lessonMinutes: ReadonlyMap<string, number>): { items: TimedItem[]; total: number } {
  let offset = 0;
  const items = plan.agenda.map((item, index) => {
    const minutes = itemMinutes(item, lessonMinutes);
    const timed = { index, item, offset, minutes };
    offset += minutes;
    return timed;
  });
  return { items, total: offset };
}

export function lessonIds(plan: Pick<WorkshopPlan, 'agenda'>): string[] {
  return [...new Set(plan.agenda.flatMap((i) => ('lesson' in i ? [i.lesson] : [])))];
}

export function clock(start: string | undefined, offset: number): string {
  if (!start) return `+${Math.floor(offset / 60)}:${String(offset % 60).padStart(2, '0')}`;
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + offset;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
