// What every command receives instead of reaching for globals: streams, the
// chosen language, a translator, the environment, where files live, the clock.
import { decideColor, processIO, type IO } from './io.js';
import { isLang, langFromEnv, translator, type Lang, type Translate } from './i18n/index.js';
import { resolvePaths, type AppPaths } from './paths.js';
import { readSettings } from './settings.js';
import { SafestepError } from './errors.js';

export interface AppContext {
  io: IO;
  lang: Lang;
  /** The languages asked for: `[lang]`, or both for `--lang en+ru` where a command accepts it. */
  langs: readonly Lang[];
  /**
   * The person picked `lang` for this run (--lang, or the home menu's language
   * choice). A resumed lesson then switches to it; otherwise it keeps the
   * language it was started in.
   */
  langChosen?: boolean;
  t: Translate;
  env: Readonly<Record<string, string | undefined>>;
  paths: AppPaths;
  debug: boolean;
  now(): Date;
}

export interface GlobalOptions {
  lang?: string;
  color?: boolean;
  debug?: boolean;
}

/** --lang beats the language saved in the home menu beats the locale. */
export async function pickLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, paths: AppPaths): Promise<Lang> {
  if (flag !== undefined) {
    if (!isLang(flag)) throw new SafestepError(`unknown language "${flag}"`, 2, 'use --lang en or --lang ru');
    return flag;
  }
  return (await readSettings(paths.dataDir)).lang ?? langFromEnv(env);
}

export async function createContext(opts: GlobalOptions, overrides: Partial<AppContext> = {}): Promise<AppContext> {
  const env = overrides.env ?? process.env;
  const paths = overrides.paths ?? (await resolvePaths(env));
  const lang = overrides.lang ?? (await pickLang(opts.lang, env, paths));
  const io =
    overrides.io ?? processIO(decideColor({ flag: opts.color, env, isTTY: Boolean(process.stdout.isTTY) }));
  return {
    io,
    lang,
    langs: [lang],
    t: translator(lang),
    env,
    paths,
    debug: Boolean(opts.debug),
    now: () => new Date(),
    ...overrides,
  };
}
