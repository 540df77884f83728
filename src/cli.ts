// The commander program. It only declares commands and their options; each
// command's code is imported when that command runs, so `safestep --help`
// starts almost as fast as bare Node.
import { Command, CommanderError, Option } from 'commander';
import { createContext, pickLang, type AppContext, type GlobalOptions } from './context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError, UserAbort } from './errors.js';
import { isLang, langFromEnv, translator, type Lang, type Translate } from './i18n/index.js';
import { resolvePaths } from './paths.js';
import { CLI_HELP as PACK_HELP } from './packs/cli-help.js';
import { CLI_HELP as JOURNAL_HELP } from './journal/cli-help.js';

export const VERSION = '0.1.0';

type Action = (ctx: AppContext, ...args: unknown[]) => Promise<number>;

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

const RU_TERMS: [RegExp, string][] = [
  [/\[options\]/g, '[параметры]'],
  [/\[command\]/g, '[команда]'],
  [/\(choices: (.*)\)$/g, '(варианты: $1)'],
  [/\(default: (.*)\)$/g, '(по умолчанию: $1)'],
];

function ruTerms(text: string): string {
  return RU_TERMS.reduce((s, [from, to]) => s.replace(from, to), text);
}

const RU_HELP = {
  styleTitle: (title: string) => HELP_TITLES[title] ?? title,
  styleUsage: ruTerms,
  styleSubcommandTerm: ruTerms,
  styleOptionDescription: ruTerms,
};

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие параметры:',
};

export interface RunOverrides extends Partial<AppContext> {
  /** Where commander writes help and errors; tests capture it. */
  writeOut?: (s: string) => void;
  writeErr?: (s: string) => void;
}

export async function run(argv: readonly string[], overrides: RunOverrides = {}): Promise<number> {
  const env = overrides.env ?? process.env;
  const writeOut = overrides.writeOut ?? ((s: string) => void process.stdout.write(s));
  const writeErr = overrides.writeErr ?? ((s: string) => void process.stderr.write(s));
  const flag = langFlag(argv);
  // `export` also takes --lang en+ru (bilingual handouts); the interface then speaks the locale's language.
  const bilingualExport = flag === 'en+ru' && argv.includes('export');
  if (flag !== undefined && !isLang(flag) && !bilingualExport) {
    const fallback = langFromEnv(env);
    writeErr(`safestep: ${translator(fallback)('cli.badLang', { lang: flag })}\n${translator(fallback)('cli.hintHelp')}\n`);
    return EXIT_USAGE;
  }
  let lang: Lang;
  try {
    lang = overrides.lang ?? (await pickLang(bilingualExport ? undefined : flag, env, overrides.paths ?? (await resolvePaths(env))));
  } catch {
    lang = langFromEnv(env);
  }
  const t = translator(lang);
  let exitCode = EXIT_OK;
  let debug = argv.includes('--debug');

  const program = buildProgram(t, lang, async (action, globals, args) => {
    debug = Boolean(globals.debug);
    const uiLang = globals.lang && isLang(globals.lang) ? globals.lang : lang;
    const ctx = await createContext({ ...globals, lang: uiLang }, { ...stripRunOnly(overrides), lang: uiLang });
    exitCode = await action(ctx, ...args);
  });
  program.exitOverride();
  program.configureOutput({ writeOut, writeErr, outputError: () => undefined });

  try {
    if (onlyGlobalOptions(argv)) {
      // `safestep` alone opens the home menu (or prints help when there is no terminal).
      const globals: GlobalOptions = { debug, ...(langFlag(argv) ? { lang: langFlag(argv) } : {}), ...(argv.includes('--no-color') ? { color: false } : {}) };
      const ctx = await createContext(globals, { ...stripRunOnly(overrides), lang });
      if (!ctx.io.canPrompt) {
        writeOut(program.helpInformation());
        return EXIT_OK;
      }
      return await (await lazy('home'))(ctx);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return reportError(err, t, debug, writeErr);
  }
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

function reportError(err: unknown, t: Translate, debug: boolean, writeErr: (s: string) => void): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
    writeErr(`safestep: ${commanderMessage(err, t)}\n${t('cli.hintHelp')}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof UserAbort) return EXIT_OK;
  if (err instanceof SafestepError) {
    writeErr(`safestep: ${err.message}\n`);
    if (err.hint) writeErr(`${err.hint}\n`);
    if (debug && err.stack) writeErr(err.stack + '\n');
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  writeErr(`safestep: ${t('cli.unexpected', { message })}\n`);
  writeErr(debug && err instanceof Error && err.stack ? err.stack + '\n' : `${t('cli.hintDebug')}\n`);
  return EXIT_USAGE;
}

/** Commander's own messages are English; say the common ones in the user's language. */
function commanderMessage(err: CommanderError, t: Translate): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return t('cli.unknownOption', { name: quoted });
    case 'commander.unknownCommand':
      return t('cli.unknownCommand', { name: quoted });
    case 'commander.missingArgument':
      return t('cli.missingArgument', { name: quoted });
    case 'commander.optionMissingArgument':
      return t('cli.optionMissingArgument', { name: quoted });
    case 'commander.excessArguments':
      return t('cli.excessArguments');
    case 'commander.invalidArgument':
      return t('cli.invalidArgument', { detail: err.message.replace(/^error:\s*/, '') });
    case 'commander.missingMandatoryOptionValue':
      return t('cli.missingOption', { name: quoted });
    default:
      return err.message.replace(/^error:\s*/, '');
  }
}

type Dispatch = (action: Action, globals: GlobalOptions, args: unknown[]) => Promise<void>;

export function buildProgram(t: Translate, lang: Lang, dispatch: Dispatch): Command {
  const program = new Command('safestep');
  const translateHelp = (cmd: Command): Command => cmd.helpOption('-h, --help', t('cli.opt.help')).configureHelp(lang === 'ru' ? RU_HELP : {});

  translateHelp(program)
    .description(t('cli.desc'))
    .version(VERSION, '-V, --version', t('cli.opt.version'))
    .option('--lang <lang>', t('cli.opt.lang'))
    .option('--no-color', t('cli.opt.noColor'))
    .option('--debug', t('cli.opt.debug'))
    .helpCommand('help [command]', t('cli.opt.help'))
    .showSuggestionAfterError(true);

  const action =
    (name: keyof typeof COMMANDS) =>
    async (...args: unknown[]): Promise<void> => {
      const cmd = args[args.length - 1] as Command;
      const positional = args.slice(0, -2);
      const opts = args[args.length - 2];
      await dispatch(await lazy(name), cmd.optsWithGlobals(), [...positional, opts]);
    };

  translateHelp(program.command('start'))
    .description(t('cli.start'))
    .option('--show', t('cli.opt.show'))
    .option('--json', t('cli.opt.json'))
    .action(action('start'));

  translateHelp(program.command('lessons'))
    .description(t('cli.lessons'))
    .option('--topic <topic>', t('cli.opt.topic'))
    .option('--json', t('cli.opt.json'))
    .action(action('lessons'));

  translateHelp(program.command('learn'))
    .description(t('cli.learn'))
    .argument('<id>', t('cli.arg.lessonId'))
    .option('--restart', t('cli.opt.restart'))
    .action(action('learn'));

  const progress = translateHelp(program.command('progress'))
    .description(t('cli.progress'))
    .option('--json', t('cli.opt.json'))
    .action(action('progress-show'));
  translateHelp(progress.command('reset'))
    .description(t('cli.progressReset'))
    .argument('[id]', t('cli.arg.lessonId'))
    .option('--all', t('cli.opt.all'))
    .action(action('progress-reset'));
  translateHelp(progress.command('export'))
    .description(t('cli.progressExport'))
    .argument('<file>', t('cli.arg.file'))
    .option('--force', t('cli.opt.force'))
    .action(action('progress-export'));
  translateHelp(progress.command('import'))
    .description(t('cli.progressImport'))
    .argument('<file>', t('cli.arg.file'))
    .action(action('progress-import'));

  const lesson = translateHelp(program.command('lesson')).description(t('cli.lesson'));
  translateHelp(lesson.command('validate'))
    .description(t('cli.lessonValidate'))
    .argument('[paths...]', t('cli.arg.paths'))
    .option('--json', t('cli.opt.json'))
    .option('--strict', t('cli.opt.strict'))
    .action(action('lesson-validate'));
  translateHelp(lesson.command('new'))
    .description(t('cli.lessonNew'))
    .argument('<id>', t('cli.arg.newId'))
    .requiredOption('--topic <topic>', t('cli.opt.topic'))
    .option('--dir <dir>', t('cli.opt.dir'))
    .action(action('lesson-new'));
  translateHelp(lesson.command('preview'))
    .description(t('cli.lessonPreview'))
    .argument('<lesson>', t('cli.arg.fileOrId'))
    .action(action('lesson-preview'));

  const workshop = translateHelp(program.command('workshop')).description(t('cli.workshop'));
  translateHelp(workshop.command('check'))
    .description(t('cli.workshopCheck'))
    .argument('<plan>', t('cli.arg.plan'))
    .action(action('workshop-check'));

  translateHelp(workshop.command('run'))
    .description(t('cli.workshopRun'))
    .argument('<plan>', t('cli.arg.plan'))
    .option('--restart', t('cli.opt.restartWorkshop'))
    .action(action('workshop-run'));

  translateHelp(program.command('export'))
    .description(t('cli.export'))
    .argument('[ids...]', t('cli.arg.lessonIds'))
    .option('--plan <plan>', t('cli.opt.plan'))
    .addOption(new Option('--format <format>', t('cli.opt.format')).choices(['html', 'md']).default('html'))
    .requiredOption('--out <dir>', t('cli.opt.out'))
    .option('--trainer', t('cli.opt.trainer'))
    .action(async (ids: string[], opts: Record<string, unknown>, cmd: Command) => {
      const globals = cmd.optsWithGlobals();
      await dispatch(await lazy('export'), globals, [ids, { ...opts, langs: String(globals.lang ?? lang) }]);
    });

  const packText = (key: keyof typeof PACK_HELP): string => PACK_HELP[key][lang];
  const pack = translateHelp(program.command('pack')).description(packText('pack'));
  translateHelp(pack.command('keygen'))
    .description(packText('packKeygen'))
    .option('--out <file>', packText('optKeyOut'))
    .option('--passphrase-stdin', packText('optPassphraseStdin'))
    .action(action('pack-keygen'));
  translateHelp(pack.command('build'))
    .description(packText('packBuild'))
    .argument('<dir>', packText('argDir'))
    .requiredOption('--out <file>', packText('optPackOut'))
    .option('--key <keyfile>', packText('optKey'))
    .option('--unsigned', packText('optUnsigned'))
    .option('--id <id>', packText('optId'))
    .option('--name <name>', packText('optName'))
    .option('--force', packText('optForce'))
    .option('--passphrase-stdin', packText('optPassphraseStdin'))
    .action(action('pack-build'));
  translateHelp(pack.command('verify')).description(packText('packVerify')).argument('<file>', packText('argPackFile')).action(action('pack-verify'));
  translateHelp(pack.command('install'))
    .description(packText('packInstall'))
    .argument('<file>', packText('argPackFile'))
    .option('--allow-unsigned', packText('optAllowUnsigned'))
    .option('--yes', packText('optYes'))
    .action(action('pack-install'));
  translateHelp(pack.command('list')).description(packText('packList')).option('--json', packText('optJson')).action(action('pack-list'));
  translateHelp(pack.command('remove')).description(packText('packRemove')).argument('<pack-id>', packText('argPackId')).action(action('pack-remove'));

  const journalText = (key: keyof typeof JOURNAL_HELP): string => JOURNAL_HELP[key][lang];
  const journal = translateHelp(program.command('journal')).description(journalText('journal'));
  const stdinOption = (cmd: Command): Command => cmd.option('--passphrase-stdin', journalText('optPassphraseStdin'));
  stdinOption(translateHelp(journal.command('add')).description(journalText('journalAdd')).option('--attach <files...>', journalText('optAttach'))).action(action('journal-add'));
  stdinOption(translateHelp(journal.command('list')).description(journalText('journalList'))).action(action('journal-list'));
  stdinOption(translateHelp(journal.command('show')).description(journalText('journalShow')).argument('<n>', journalText('argNumber'))).action(action('journal-show'));
  stdinOption(translateHelp(journal.command('verify')).description(journalText('journalVerify'))).action(action('journal-verify'));
  stdinOption(
    translateHelp(journal.command('export'))
      .description(journalText('journalExport'))
      .requiredOption('--out <file>', journalText('optOut'))
      .addOption(new Option('--format <format>', journalText('optFormat')).choices(['md', 'html']))
      .option('--no-files', journalText('optNoFiles')),
  ).action(action('journal-export'));
  translateHelp(journal.command('wipe')).description(journalText('journalWipe')).option('--yes', journalText('optYes')).action(action('journal-wipe'));

  translateHelp(program.command('contacts'))
    .description(t('cli.contacts'))
    .option('--country <code>', t('cli.opt.country'))
    .option('--need <kind>', t('cli.opt.need'))
    .option('--json', t('cli.opt.json'))
    .action(action('contacts'));

  translateHelp(program.command('audit'))
    .description(t('cli.audit'))
    .option('--json', t('cli.opt.json'))
    .option('--only <ids>', t('cli.opt.only'))
    .option('--skip <ids>', t('cli.opt.skip'))
    .option('--explain', t('cli.opt.explainAudit'))
    .addOption(new Option('--fail-on <severity>', t('cli.opt.failOn')).choices(['high', 'medium', 'low']).default('high'))
    .option('--report <file>', t('cli.opt.report'))
    .option('--force', t('cli.opt.force'))
    .option('--scan <folder...>', t('cli.opt.scan'))
    .option('--history', t('cli.opt.history'))
    .option('--collect <file>', t('cli.opt.collect'))
    .option('--yes', t('cli.opt.collectYes'))
    .action(action('audit'));

  translateHelp(program.command('check'))
    .description(t('cli.check'))
    .argument('[id]', t('cli.arg.checkId'))
    .argument('[paths...]', t('cli.arg.paths'))
    .option('--json', t('cli.opt.json'))
    .option('--explain', t('cli.opt.explain'))
    .addOption(new Option('--fail-on <severity>', t('cli.opt.failOn')).choices(['high', 'medium', 'low']).default('high'))
    .option('--stdin', t('cli.opt.stdin'))
    .option('--online', t('cli.opt.online'))
    .option('--from <file>', t('cli.opt.from'))
    .addOption(new Option('--format <format>', t('cli.opt.exportFormat')).choices(['bitwarden', 'keepassxc', '1password', 'chrome', 'firefox']))
    .action(action('check'));

  translateHelp(program.command('scrub'))
    .description(t('cli.scrub'))
    .argument('<paths...>', t('cli.arg.paths'))
    .option('--out <dir>', t('cli.opt.scrubOut'))
    .option('--in-place', t('cli.opt.inPlace'))
    .option('--force', t('cli.opt.force'))
    .option('--json', t('cli.opt.json'))
    .action(action('scrub'));

  translateHelp(program.command('passphrase'))
    .description(t('cli.passphrase'))
    .option('--words <n>', t('cli.opt.words'))
    .option('--separator <s>', t('cli.opt.separator'))
    .option('--count <n>', t('cli.opt.count'))
    .action(action('passphrase'));

  return program;
}

// Static import strings, so bundlers and test runners see every command module.
const COMMANDS = {
  home: () => import('./commands/home.js'),
  lessons: () => import('./commands/lessons.js'),
  learn: () => import('./commands/learn.js'),
  'progress-show': () => import('./commands/progress-show.js'),
  'progress-reset': () => import('./commands/progress-reset.js'),
  'progress-export': () => import('./commands/progress-export.js'),
  'progress-import': () => import('./commands/progress-import.js'),
  'lesson-validate': () => import('./commands/lesson-validate.js'),
  'lesson-new': () => import('./commands/lesson-new.js'),
  'lesson-preview': () => import('./commands/lesson-preview.js'),
  check: () => import('./commands/check.js'),
  audit: () => import('./commands/audit.js'),
  passphrase: () => import('./commands/passphrase.js'),
  scrub: () => import('./commands/scrub.js'),
  'pack-keygen': () => import('./commands/pack-keygen.js'),
  'pack-build': () => import('./commands/pack-build.js'),
  'pack-verify': () => import('./commands/pack-verify.js'),
  'pack-install': () => import('./commands/pack-install.js'),
  'pack-list': () => import('./commands/pack-list.js'),
  'pack-remove': () => import('./commands/pack-remove.js'),
  'journal-add': () => import('./commands/journal-add.js'),
  'journal-list': () => import('./commands/journal-list.js'),
  'journal-show': () => import('./commands/journal-show.js'),
  'journal-verify': () => import('./commands/journal-verify.js'),
  'journal-export': () => import('./commands/journal-export.js'),
  'journal-wipe': () => import('./commands/journal-wipe.js'),
  contacts: () => import('./commands/contacts.js'),
  start: () => import('./commands/start.js'),
  'workshop-check': () => import('./commands/workshop-check.js'),
  'workshop-run': () => import('./commands/workshop-run.js'),
  export: () => import('./commands/export.js'),
} satisfies Record<string, () => Promise<{ default: unknown }>>;

async function lazy(name: keyof typeof COMMANDS): Promise<Action> {
  return (await COMMANDS[name]()).default as Action;
}

