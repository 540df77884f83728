// A contact's `checked` date is the day someone confirmed its details on the
// organisation's own page. Organisations in exile move and change channels, so
// after 12 months the validator asks for a re-check: a warning for people, never
// an error, and measured from a date the caller passes in (the CLI passes today).
import type { Translate } from '../i18n/index.js';
import type { Problem } from '../lesson/types.js';
import { CONTACTS_FILE, type Contact } from './load.js';

export const CONTACT_STALE_AFTER_DAYS = 365;

export async function contactDateProblems(t: Translate, today: Date, file = CONTACTS_FILE): Promise<Problem[]> {
  const { offsetOf, problemAt, readSource } = await import('../lesson/yaml-source.js');
  const source = await readSource(file, t);
  // A file that cannot be read or parsed is reported by loadContacts.
  const contacts = (source.value as { contacts?: unknown } | undefined)?.contacts;
  if (!source.doc || !Array.isArray(contacts)) return [];
  const problems: Problem[] = [];
  (contacts as Partial<Contact>[]).forEach((contact, i) => {
    if (typeof contact?.checked !== 'string') return;
    const checked = Date.parse(`${contact.checked}T00:00:00Z`);
    if (Number.isNaN(checked)) return;
    const ageDays = (today.getTime() - checked) / 86_400_000;
    const at = (code: string, message: string): void => {
      problems.push(problemAt(file, source.lines, offsetOf(source.doc!, ['contacts', i, 'checked']), 'warning', code, message));
    };
    const data = { id: String(contact.id ?? i), date: contact.checked };
    if (ageDays > CONTACT_STALE_AFTER_DAYS) at('contact-stale', t('val.contactStale', data));
    else if (ageDays < -1) at('contact-future', t('val.contactFuture', data));
  });
  return problems;
}
