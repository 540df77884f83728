// Kept while feature folders move to `defineMessages` (src/i18n/messages.ts).
import { pick, type Bilingual, type TextOf } from './messages.js';
import type { Lang } from './lang.js';

export { pick, type Bilingual, type Phrase, type PluralForms } from './messages.js';

export type TableText<K extends string> = TextOf<K>;

/** A translator bound to one table and one language: `const m = MESSAGES.text(ctx.lang)`. */
export function texts<K extends string>(table: Readonly<Record<K, Bilingual>>, lang: Lang): TableText<K> {
  return (key, data) => pick(table[key], lang, data);
}
