// The one message model. Every user-facing string lives in an `{en, ru}` table
// beside the code that uses it, registered under a name with `defineMessages`,
// so one test (tests/i18n/catalogues.test.ts) can check every entry of every
// table: Cyrillic in Russian, the same placeholders in both languages, the
// plural forms Russian needs.
import { format, type Data } from './format.js';
import type { Lang } from './lang.js';

export type { Data } from './format.js';

/** Plural forms chosen by the `count` placeholder, as Intl.PluralRules names them. */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Phrase = string | PluralForms;

/** One entry: the same message in every UI language. */
export interface Bilingual {
  readonly en: Phrase;
  readonly ru: Phrase;
}

/** A plain bilingual string (titles, labels), where plurals make no sense. */
export interface BilingualText {
  readonly en: string;
  readonly ru: string;
}

export type TextOf<K extends string> = (key: K, data?: Data) => string;

export interface Messages<K extends string> {
  readonly name: string;
  readonly table: Readonly<Record<K, Bilingual>>;
  /** A translator bound to one language: `const m = M.text(ctx.lang); m('scanned', { count })`. */
  text(lang: Lang): TextOf<K>;
  get(key: K, lang: Lang, data?: Data): string;
  has(key: string): key is K;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** The template for `lang`, with the plural form chosen by `count`. */
export function phraseFor(entry: Bilingual, lang: Lang, count: number): string {
  const phrase = entry[lang];
  if (typeof phrase === 'string') return phrase;
  const form = pluralCategory(lang, count);
  return (form === 'one' || form === 'few' || form === 'many' || form === 'other' ? phrase[form] : undefined) ?? phrase.other;
}

/** Fills one entry in one language. Placeholder values are sanitised by `format`. */
export function pick(entry: Bilingual, lang: Lang, data: Data = {}): string {
  return format(phraseFor(entry, lang, Number(data.count ?? 0)), data);
}

/** Fills a plain bilingual text (a title from a check's meta, say) in one language. */
export function inLang(text: BilingualText, lang: Lang, data?: Data): string {
  return data ? format(text[lang], data) : text[lang];
}

const registry = new Map<string, Messages<string>>();

export function defineMessages<K extends string>(name: string, table: Readonly<Record<K, Bilingual>>): Messages<K> {
  const own = (key: string): key is K => Object.prototype.hasOwnProperty.call(table, key);
  const messages: Messages<K> = {
    name,
    table,
    text: (lang) => (key, data) => pick(table[key], lang, data),
    get: (key, lang, data) => pick(table[key], lang, data),
    has: own,
  };
  // Re-registering under the same name happens when a test re-imports a module; the newest wins.
  registry.set(name, messages as unknown as Messages<string>);
  return messages;
}

/** Every table registered so far (tests import all modules first). */
export function registeredMessages(): ReadonlyMap<string, Messages<string>> {
  return registry;
}
