// Country and language names in the reader's language, from the ICU data that
// ships with Node ("GE" -> "Грузия", "ru" -> "русский"), so codes never show
// on a screen as the only word.
import type { Lang } from './lang.js';

const cache = new Map<string, Intl.DisplayNames>();

function names(lang: Lang, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${lang}:${type}`;
  let n = cache.get(key);
  if (!n) {
    n = new Intl.DisplayNames([lang], { type, fallback: 'none' });
    cache.set(key, n);
  }
  return n;
}

/** The country's name, or undefined when the code names no country (XX, QQ). */
export function countryName(code: string, lang: Lang): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  const name = names(lang, 'region').of(code.toUpperCase());
  return name && name !== code.toUpperCase() && !/unknown|неизвестн/i.test(name) ? name : undefined;
}

export function languageName(code: string, lang: Lang): string {
  return names(lang, 'language').of(code) ?? code;
}
