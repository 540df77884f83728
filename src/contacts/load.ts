// The offline help directory (data/contacts.yaml): parsed with the same safety
// rules as lessons and validated against schema/contacts.schema.json.
import path from 'node:path';
import type { Lang, Translate } from '../i18n/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Problem } from '../lesson/types.js';

export const NEEDS = ['digital', 'legal', 'human-rights', 'reporting', 'psychological', 'emergency'] as const;
export type Need = (typeof NEEDS)[number];

export interface Contact {
  id: string;
  /** The organisation's name as it writes it in English. */
  name: string;
  /** Its name on Russian screens. */
  names?: { ru: string };
  needs: Need[];
  countries: string[];
  languages: string[];
  what: Record<Lang, string>;
  reach: Record<Lang, string>;
  source: { title: string; url: string };
  checked: string;
}

/** The name to show on a screen in `lang`. */
export function contactName(c: Pick<Contact, 'name' | 'names'>, lang: Lang): string {
  return lang === 'ru' && c.names?.ru ? c.names.ru : c.name;
}

export const CONTACTS_FILE = path.join(PACKAGE_ROOT, 'data', 'contacts.yaml');

export async function loadContacts(t: Translate, file = CONTACTS_FILE): Promise<{ contacts: Contact[]; problems: Problem[] }> {
  const [{ readSource }, { compileSchema, schemaProblems }] = await Promise.all([import('../lesson/yaml-source.js'), import('../lesson/schema-check.js')]);
  const source = await readSource(file, t);
  if (!source.doc || source.value === undefined) return { contacts: [], problems: source.problems };
  const validate = await compileSchema('contacts');
  if (!validate(source.value)) {
    return { contacts: [], problems: schemaProblems(validate.errors ?? [], { file, doc: source.doc, lines: source.lines }, t) };
  }
  return { contacts: (source.value as { contacts: Contact[] }).contacts, problems: [] };
}
