// UI strings live in one catalog per locale (en.ts is the source, ru.ts its
// translation, typed so a missing key fails the type-check). Lesson text has its
// own translation files; both fall back to English with a visible marker.
import { en, type MessageKey, type Message } from './en.js';

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];
export type { MessageKey };

export type Catalog = Partial<Record<MessageKey, Message>>;

const catalogs: Partial<Record<Lang, Catalog>> = { en };

/** LC_ALL wins over LC_MESSAGES wins over LANG, as POSIX says; ru_* means Russian. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^ru([_.@-]|$)/i.test(value) ? 'ru' : 'en';
  }
  return 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Loads a catalog on first use so English-only runs never parse the Russian one. */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (catalogs[lang]) return;
  if (lang === 'ru') catalogs.ru = (await import('./ru.js')).ru;
}

/** Shown beside text that fell back to English, in the user's language. */
export const FALLBACK_MARK: Record<Lang, string> = { en: '[not translated] ', ru: '[нет перевода] ' };

const pluralRules = new Map<Lang, Intl.PluralRules>();

function plural(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  // Own properties only: a placeholder such as {constructor} must not reach Object's prototype.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole));
}

export function translateWith(
  lookup: Partial<Record<Lang, Catalog>>,
  lang: Lang,
  key: MessageKey,
  data: Record<string, string | number> = {},
): string {
  let message = lookup[lang]?.[key];
  let mark = '';
  if (message === undefined) {
    message = lookup.en?.[key] ?? key;
    mark = FALLBACK_MARK[lang];
  }
  const template =
    typeof message === 'string'
      ? message
      : (message[plural(lang, Number(data.count ?? 0))] ?? message.other);
  return mark + format(template, data);
}

export type Translate = (key: MessageKey, data?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, data) => translateWith(catalogs, lang, key, data);
}
