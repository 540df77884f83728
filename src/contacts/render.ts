import type { Lang, Translate } from '../i18n/index.js';
import { countryName, languageName } from '../i18n/names.js';
import { wrap } from '../text/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import { contactName, type Contact } from './load.js';

/** One contact as a short card: who, what they do, how to reach them safely, and how fresh that is. */
export function contactCard(c: Contact, lang: Lang, t: Translate, width: number, bold: (s: string) => string = (s) => s): string[] {
  const lines = wrap(stripUnsafe(contactName(c, lang)), width, '  ', '').map((l) => bold(l));
  lines.push(...wrap(stripUnsafe(c.what[lang]), width, '    ', '    '));
  lines.push(...wrap(`${t('contacts.reach')} ${stripUnsafe(c.reach[lang])}`, width, '    ', '    '));
  const where = c.countries.length ? c.countries.map((code) => countryName(code, lang) ?? code).join(', ') : t('contacts.anywhere');
  const languages = c.languages.map((code) => languageName(code, lang)).join(', ');
  lines.push(...wrap(`${t('contacts.meta', { where, languages, checked: c.checked })}`, width, '    ', '    '));
  lines.push(...wrap(`${t('contacts.source')} ${stripUnsafe(c.source.url)}`, width, '    ', '    '));
  return lines;
}
