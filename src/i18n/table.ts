// Bilingual message tables kept beside the code that uses them (as checks keep
// theirs): every entry has English and Russian, with {placeholder} filling and,
// where a number is in the sentence, plural forms chosen by `count`.
import { format, type Lang } from './index.js';

export type PluralForms = { readonly one: string; readonly few?: string; readonly many?: string; readonly other: string };
export type Phrase = string | PluralForms;
export interface Bilingual {
  readonly en: Phrase;
  readonly ru: Phrase;
}

const rules = new Map<Lang, Intl.PluralRules>();

function pluralOf(lang: Lang, count: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(count);
}

export function pick(entry: Bilingual, lang: Lang, data: Record<string, string | number> = {}): string {
  const phrase = entry[lang];
  const template = typeof phrase === 'string' ? phrase : (phrase[pluralOf(lang, Number(data.count ?? 0)) as keyof PluralForms] ?? phrase.other);
  return format(template, data);
}

export type TableText<K extends string> = (key: K, data?: Record<string, string | number>) => string;

/** A translator bound to one table and one language: `const m = texts(MESSAGES, ctx.lang)`. */
export function texts<K extends string>(table: Readonly<Record<K, Bilingual>>, lang: Lang): TableText<K> {
  return (key, data) => pick(table[key], lang, data);
}
