// The UI languages and how the locale picks one.

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** LC_ALL wins over LC_MESSAGES wins over LANG, as POSIX says; ru_* means Russian. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^ru([_.@-]|$)/i.test(value) ? 'ru' : 'en';
  }
  return 'en';
}
