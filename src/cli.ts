// The commander program, built from the command specs in src/commands/. Each
// command's body is imported only when that command runs, so `safestep --help`
// starts almost as fast as bare Node. The exit-code contract lives here, in
// one place: 0 ok, 1 problems found, 2 usage or input error, 3 internal error.
import { Command, CommanderError, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import type { AnySpec, OptionSpec, Registered } from './commands/spec.js';
import { createContext, pickLang, type AppContext, type GlobalOptions } from './context.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, SafestepError, UserAbort } from './errors.js';
import { defineMessages, format, isLang, langFromEnv, type Lang, type TextOf } from './i18n/index.js';
import { guardedStream } from './io.js';
import { resolvePaths } from './paths.js';
import { wrap } from './text/width.js';
import { VERSION } from './version.js';

export { VERSION } from './version.js';

const M = defineMessages('cli', {
  desc: {
    en: 'Digital safety lessons and checks for your own computer, in English and Russian. Offline.',
    ru: 'Уроки цифровой безопасности и проверки вашего компьютера, на русском и английском. Без интернета.',
  },
  optHelp: { en: 'show help for a command', ru: 'справка по команде' },
  optVersion: { en: 'show the version', ru: 'показать версию' },
  optLang: {
    en: 'language: en or ru (default: your saved choice, then the system language)',
    ru: 'язык: en или ru (по умолчанию: сохранённый выбор, иначе язык системы)',
  },
  optNoColor: { en: 'no colours (also NO_COLOR=1)', ru: 'без цвета (то же, что NO_COLOR=1)' },
  optDebug: { en: 'show technical details of errors', ru: 'показывать технические подробности ошибок' },
  helpCommand: { en: 'show help for a command', ru: 'справка по команде' },
  choices: { en: 'one of: {list}', ru: 'одно из: {list}' },
  defaultIs: { en: 'default: {value}', ru: 'по умолчанию: {value}' },
  examples: { en: 'Examples:', ru: 'Примеры:' },
  hintHelp: { en: 'See: {command} --help', ru: 'Справка: {command} --help' },
  hintDebug: {
    en: 'Nothing was changed. Run again with --debug to see technical details.',
    ru: 'Ничего не изменилось. Запустите ещё раз с --debug, чтобы увидеть подробности.',
  },
  unexpected: { en: 'something went wrong inside safestep: {message}', ru: 'внутренняя ошибка safestep: {message}' },
  unknownOption: { en: 'unknown option {name}', ru: 'неизвестный параметр {name}' },
  unknownCommand: { en: 'unknown command {name}', ru: 'неизвестная команда {name}' },
  didYouMean: { en: 'Did you mean {name}?', ru: 'Может быть, вы имели в виду {name}?' },
  missingArgument: { en: 'missing argument {name}', ru: 'не хватает аргумента {name}' },
  optionMissingArgument: { en: 'option {name} needs a value', ru: 'параметру {name} нужно значение' },
  excessArguments: {
    en: { one: 'too many arguments: {command} takes {count} argument', other: 'too many arguments: {command} takes {count} arguments' },
    ru: {
      one: 'слишком много аргументов: {command} принимает {count} аргумент',
      few: 'слишком много аргументов: {command} принимает {count} аргумента',
      many: 'слишком много аргументов: {command} принимает {count} аргументов',
      other: 'слишком много аргументов: {command} принимает {count} аргумента',
    },
  },
  noArguments: { en: 'too many arguments: {command} takes no arguments', ru: 'слишком много аргументов: {command} не принимает аргументов' },
  missingOption: { en: 'option {name} is required', ru: 'нужен параметр {name}' },
  invalidChoice: { en: '{name} cannot be "{value}"; use one of: {list}', ru: '{name} не может быть «{value}»; можно: {list}' },
  badLang: {
    en: 'unknown language "{lang}"; safestep speaks en (English) and ru (Russian)',
    ru: 'неизвестный язык «{lang}»; safestep говорит на en (английском) и ru (русском)',
  },
  bothLangsHere: {
    en: '--lang {lang} works only with: {commands}',
    ru: '--lang {lang} работает только с командами: {commands}',
  },
  fileNotFound: { en: '{path}: no such file or folder', ru: '{path}: такого файла или папки нет' },
  fileDenied: { en: '{path}: permission denied', ru: '{path}: нет доступа' },
  fileIsDir: { en: '{path} is a folder; a file is needed here', ru: '{path} — это папка, а здесь нужен файл' },
  fileNotDir: { en: '{path}: part of this path is not a folder', ru: '{path}: часть этого пути — не папка' },
  fileReadOnly: { en: '{path}: the disk is read-only', ru: '{path}: диск доступен только для чтения' },
  diskFull: { en: '{path}: the disk is full', ru: '{path}: на диске нет места' },
  fileOther: { en: '{path}: {code}', ru: '{path}: {code}' },
  cannotMakeFolder: { en: 'cannot create the folder {path}: this place does not take new folders (missing, read-only or not yours)', ru: 'не удаётся создать папку {path}: здесь нельзя создавать папки (пути нет, он только для чтения или принадлежит не вам)' },
});

type CliText = TextOf<keyof typeof M.table>;

/** Russian help needs the language before commander parses anything. */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice(7);
  }
  return undefined;
}

/** `en+ru`: both languages, for the commands whose spec accepts it (handouts). */
function bothLangs(flag: string | undefined): Lang[] | undefined {
  if (flag === undefined || !flag.includes('+')) return undefined;
  const parts = flag.split('+');
  return parts.length === 2 && parts.every(isLang) && parts[0] !== parts[1] ? (parts as Lang[]) : undefined;
}

const HELP_TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие параметры:',
};

function ruTerms(text: string): string {
  return text.replace(/\[options\]/g, '[параметры]').replace(/\[command\]/g, '[команда]');
}

export interface RunOverrides extends Partial<AppContext> {
  /** Where commander writes help and errors; tests capture it. */
  writeOut?: (s: string) => void;
  writeErr?: (s: string) => void;
}

export async function run(argv: readonly string[], overrides: RunOverrides = {}): Promise<number> {
  const env = overrides.env ?? process.env;
  // Help and error lines pass the same terminal filter as everything commands print.
  const stdout = overrides.writeOut ? undefined : guardedStream(process.stdout, false);
  const stderr = overrides.writeErr ? undefined : guardedStream(process.stderr, false);
  const writeOut = overrides.writeOut ?? ((s: string) => void stdout!.write(s));
  const writeErr = overrides.writeErr ?? ((s: string) => void stderr!.write(s));
  const flag = langFlag(argv);
  const both = bothLangs(flag);
  if (flag !== undefined && !isLang(flag) && !both) {
    const m = M.text(langFromEnv(env));
    writeErr(`safestep: ${m('badLang', { lang: flag })}\n${m('hintHelp', { command: format('{cmd}') })}\n`);
    return EXIT_USAGE;
  }
  let lang: Lang;
  try {
    lang = overrides.lang ?? (await pickLang(both ? undefined : flag, env, overrides.paths ?? (await resolvePaths(env))));
  } catch {
    lang = langFromEnv(env);
  }
  const m = M.text(lang);
  let debug = argv.includes('--debug');
  let exitCode = EXIT_OK;
  let current = `${format('{cmd}')} ${commandNamed(argv)}`.trimEnd();

  const program = buildProgram(lang, { writeOut, writeErr, width: overrides.io?.width }, async (entry, globals, values) => {
    debug = Boolean(globals.debug);
    current = `${format('{cmd}')} ${entry.spec.name}`;
    if (both && !entry.spec.bothLangs) {
      const commands = COMMANDS.filter((c) => c.spec.bothLangs).map((c) => `${format('{cmd}')} ${c.spec.name}`);
      throw new SafestepError(m('bothLangsHere', { lang: flag ?? '', commands: commands.join(', ') }), EXIT_USAGE);
    }
    const ctx = await createContext({ ...globals, lang }, { ...stripRunOnly(overrides), lang, langChosen: flag !== undefined && !both, ...(both ? { langs: both } : {}) });
    const body = (await entry.load!()).default as (ctx: AppContext, ...rest: unknown[]) => Promise<number>;
    exitCode = await body(ctx, ...values);
  });

  try {
    if (onlyGlobalOptions(argv)) {
      // `safestep` alone opens the home menu (or prints help when there is no terminal).
      const globals: GlobalOptions = { debug, ...(flag ? { lang: flag } : {}), ...(argv.includes('--no-color') ? { color: false } : {}) };
      const ctx = await createContext(globals, { ...stripRunOnly(overrides), lang, langChosen: flag !== undefined });
      if (!ctx.io.canPrompt) {
        writeOut(program.helpInformation());
        return EXIT_OK;
      }
      return await (await import('./commands/home.js')).default(ctx);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, m, debug, writeErr, current);
  }
}

/** The registered command the arguments name (`pack build`), or '' for none: for the help hint. */
function commandNamed(argv: readonly string[]): string {
  const words = argv.filter((a) => !a.startsWith('-'));
  let found = '';
  for (let n = 1; n <= words.length; n++) {
    const name = words.slice(0, n).join(' ');
    if (COMMANDS.some((c) => c.spec.name === name)) found = name;
  }
  return found;
}

function onlyGlobalOptions(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (!(arg.startsWith('--lang=') || arg === '--no-color' || arg === '--debug')) return false;
  }
  return true;
}

function stripRunOnly(o: RunOverrides): Partial<AppContext> {
  const { writeOut: _w, writeErr: _e, ...rest } = o;
  return rest;
}

/** Errors from the file system name a path the person gave: an input error, said in one line. */
function fileErrorMessage(err: NodeJS.ErrnoException, m: CliText): string | undefined {
  if (typeof err.code !== 'string' || typeof err.path !== 'string') return undefined;
  const path = err.path;
  // A folder that cannot be made: said as such, whatever the system calls it (/proc gives ENOENT).
  if (err.syscall === 'mkdir' && ['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR'].includes(err.code)) return m('cannotMakeFolder', { path });
  switch (err.code) {
    case 'ENOENT':
      return m('fileNotFound', { path });
    case 'EACCES':
    case 'EPERM':
      return m('fileDenied', { path });
    case 'EISDIR':
      return m('fileIsDir', { path });
    case 'ENOTDIR':
      return m('fileNotDir', { path });
    case 'EROFS':
      return m('fileReadOnly', { path });
    case 'ENOSPC':
      return m('diskFull', { path });
    default:
      return /^E[A-Z]+$/.test(err.code) ? m('fileOther', { path, code: err.code }) : undefined;
  }
}

function reportError(err: unknown, m: CliText, debug: boolean, writeErr: (s: string) => void, command: string): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
    writeErr(`safestep: ${commanderMessage(err, m)}\n${m('hintHelp', { command })}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof UserAbort) return EXIT_OK;
  if (err instanceof SafestepError) {
    writeErr(`safestep: ${err.message}\n`);
    if (err.hint) writeErr(`${err.hint}\n`);
    if (debug && err.stack) writeErr(err.stack + '\n');
    return err.exitCode;
  }
  const fileError = err instanceof Error ? fileErrorMessage(err, m) : undefined;
  if (fileError) {
    writeErr(`safestep: ${fileError}\n`);
    if (debug && err instanceof Error && err.stack) writeErr(err.stack + '\n');
    return EXIT_USAGE;
  }
  const message = err instanceof Error ? err.message : String(err);
  writeErr(`safestep: ${m('unexpected', { message })}\n`);
  writeErr(debug && err instanceof Error && err.stack ? err.stack + '\n' : `${m('hintDebug')}\n`);
  return EXIT_INTERNAL;
}

/** Commander's own messages are English: every one a person can meet is said again in their language. */
function commanderMessage(err: CommanderError, m: CliText): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(err.message)?.[1];
  const withSuggestion = (text: string): string => (suggestion ? `${text}\n${m('didYouMean', { name: suggestion })}` : text);
  switch (err.code) {
    case 'commander.unknownOption':
      return withSuggestion(m('unknownOption', { name: quoted }));
    case 'commander.unknownCommand':
      return withSuggestion(m('unknownCommand', { name: quoted }));
    case 'commander.missingArgument':
      return m('missingArgument', { name: quoted });
    case 'commander.optionMissingArgument':
      return m('optionMissingArgument', { name: quoted.split(' ')[0] ?? quoted });
    case 'commander.excessArguments': {
      const count = Number(/Expected (\d+) argument/.exec(err.message)?.[1] ?? 0);
      const command = `safestep ${quoted}`;
      return count === 0 ? m('noArguments', { command }) : m('excessArguments', { command, count });
    }
    case 'commander.missingMandatoryOptionValue':
      return m('missingOption', { name: quoted.split(' ')[0] ?? quoted });
    default:
      return err.message.replace(/^error:\s*/, '');
  }
}

interface Output {
  writeOut: (s: string) => void;
  writeErr: (s: string) => void;
  width?: number;
}

type Dispatch = (entry: Registered, globals: GlobalOptions, values: unknown[]) => Promise<void>;

/** Help text for an option: its own words, then the choices and the default in the same language. */
function optionHelp(option: OptionSpec, lang: Lang, m: CliText): string {
  const parts = [option.help[lang]];
  if (option.kind === 'choice') {
    parts.push(`(${m('choices', { list: option.choices.join(', ') })}${option.default !== undefined ? `; ${m('defaultIs', { value: option.default })}` : ''})`);
  }
  return parts.join(' ');
}

/** Defaults and choices are applied here rather than by commander, so its English never reaches the screen. */
function checkedOptions(spec: AnySpec, raw: Record<string, unknown>, m: CliText): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, option] of Object.entries(spec.options)) {
    const given = raw[key];
    if (option.kind === 'choice') {
      if (given === undefined) {
        if (option.default !== undefined) out[key] = option.default;
        continue;
      }
      if (typeof given !== 'string' || !option.choices.includes(given)) {
        throw new SafestepError(m('invalidChoice', { name: option.flags.split(' ')[0]!, value: String(given), list: option.choices.join(', ') }), EXIT_USAGE);
      }
    }
    if (given !== undefined) out[key] = given;
  }
  return out;
}

/** Help paragraphs wrapped to the width; "- " items get a hanging indent. */
function paragraphs(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((p) => (p.startsWith('- ') ? wrap(p.slice(2), width, '    ', '  - ') : wrap(p, width)))
    .join('\n');
}

export function buildProgram(lang: Lang, output: Output, dispatch: Dispatch): Command {
  const m = M.text(lang);
  const configure = (cmd: Command): Command => {
    cmd
      .helpOption('-h, --help', m('optHelp'))
      .exitOverride()
      .configureOutput({
        writeOut: output.writeOut,
        writeErr: output.writeErr,
        outputError: () => undefined,
        ...(output.width ? { getOutHelpWidth: () => output.width!, getErrHelpWidth: () => output.width! } : {}),
      })
      .showSuggestionAfterError(true);
    if (lang === 'ru') {
      cmd.configureHelp({ styleTitle: (title: string) => HELP_TITLES[title] ?? title, styleUsage: ruTerms, styleSubcommandTerm: ruTerms });
    }
    return cmd;
  };

  const program = configure(new Command('safestep'))
    .description(m('desc'))
    .version(VERSION, '-V, --version', m('optVersion'))
    .option('--lang <lang>', m('optLang'))
    .option('--no-color', m('optNoColor'))
    .option('--debug', m('optDebug'))
    .helpCommand('help [command]', m('helpCommand'));

  const byName = new Map<string, Command>([['', program]]);
  for (const entry of COMMANDS) {
    const { spec } = entry;
    const words = spec.name.split(' ');
    const parent = byName.get(words.slice(0, -1).join(' '));
    if (!parent) throw new Error(`command "${spec.name}" is registered before its group`);
    const cmd = configure(parent.command(words[words.length - 1]!)).description(spec.summary[lang]);
    byName.set(spec.name, cmd);
    for (const a of spec.args) cmd.argument(a.syntax, a.help[lang]);
    for (const option of Object.values(spec.options)) {
      const o = new Option(option.flags, optionHelp(option, lang, m));
      if (option.kind === 'value' && option.required) o.makeOptionMandatory(true);
      cmd.addOption(o);
    }
    if (spec.more) cmd.addHelpText('after', `\n${paragraphs(spec.more[lang], output.width ?? 80)}`);
    if (spec.examples?.length) {
      const lines = spec.examples.map((e) => `  ${e.command.replace(/^safestep(?= |$)/, format('{cmd}'))}\n      ${e.help[lang]}`);
      cmd.addHelpText('after', `\n${m('examples')}\n${lines.join('\n')}`);
    }
    if (!entry.load) continue;
    cmd.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const positional = params.slice(0, -2);
      const options = checkedOptions(spec, self.opts(), m);
      await dispatch(entry, self.optsWithGlobals() as GlobalOptions, [...positional, options]);
    });
  }
  return program;
}
