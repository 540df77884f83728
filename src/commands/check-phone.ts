// `safestep check phone`: an Android phone, live over adb (guided at a
// terminal) or from an androidqf acquisition / bug report (`--from`), judged
// against stalkerware and spyware indicators: built-in ones, updated by sets in
// trusted signed packs. Calm text grouped by what to do, or `--json`; always
// what the check cannot see. Exit 0 nothing to act on, 1 a medium or high
// finding, 2 input problems (no capture, no phone, no adb).
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { defineMessages } from '../i18n/messages.js';
import { severityLabel } from '../i18n/labels.js';
import { createCommandRunner } from '../check-kit/context.js';
import { describeFinding } from '../check-kit/format.js';
import type { CommandRunner, Severity } from '../check-kit/types.js';
import {
  acquireAndroid,
  adbInstallKey,
  BUILTIN_INDICATORS,
  captureProblemKey,
  evaluatePhone,
  indicatorIndex,
  mergeSets,
  phoneText,
  pickDevice,
  pickProblemKey,
  readAndroidCapture,
  toJson,
  type AndroidData,
  type DevicePick,
  type IndicatorSet,
  type PhoneResult,
} from '../phone/index.js';
import { inquirerPrompter, isPromptExit, type Prompter } from '../prompter.js';
import { wrap } from '../text/markdown.js';
import check from '../../checks/phone.js';
import { packIndicatorSets, type PackIndicators } from './shared/phone-indicators.js';
import { phoneProgress } from './shared/phone-progress.js';
import { homeOf, lessonIds } from './shared/checks.js';

export interface CheckPhoneOptions {
  json?: boolean;
  explain?: boolean;
  from?: string;
  serial?: string;
  adb?: string;
  certificates?: boolean;
  yes?: boolean;
}

export const M = defineMessages('check-phone', {
  title: { en: 'Phone check', ru: 'Проверка телефона' },
  unknown: { en: 'unknown', ru: 'неизвестно' },
  device: {
    en: 'Phone: {model}, Android {android}, security update of {patch}',
    ru: 'Телефон: {model}, Android {android}, обновление безопасности от {patch}',
  },
  fromCapture: { en: 'Read from the androidqf acquisition {path}', ru: 'Прочитано из выгрузки androidqf {path}' },
  fromBugreport: { en: 'Read from the Android bug report {path}', ru: 'Прочитано из отчёта об ошибке Android {path}' },
  fromLive: { en: 'Read over USB from the phone {serial}', ru: 'Прочитано по USB с телефона {serial}' },
  apps: {
    en: { one: '{count} app listed', other: '{count} apps listed' },
    ru: { one: 'В списке {count} приложение', few: 'В списке {count} приложения', many: 'В списке {count} приложений', other: 'В списке {count} приложения' },
  },
  cannotSee: { en: 'What this check cannot see, and who can look further', ru: 'Чего эта проверка не видит и кто может проверить глубже' },
  // Guided flow
  guideTitle: { en: 'Before we start: let this computer read the phone', ru: 'Сначала разрешите этому компьютеру читать телефон' },
  guideReady: { en: 'Press Enter when the phone is connected and unlocked', ru: 'Нажмите Enter, когда телефон подключён и разблокирован' },
  retry: { en: 'Try again?', ru: 'Попробовать ещё раз?' },
  afterTitle: { en: 'Before you unplug the phone', ru: 'Прежде чем отключить телефон' },
  afterDone: { en: 'Have you turned USB debugging off?', ru: 'Вы выключили отладку по USB?' },
  afterLater: {
    en: 'Please do it before the phone leaves this table: while USB debugging is allowed, anyone with the unlocked phone and a computer can copy its data.',
    ru: 'Пожалуйста, сделайте это, прежде чем уйти: пока отладка по USB разрешена, любой, у кого окажутся разблокированный телефон и компьютер, может скопировать данные.',
  },
  // Progress (stderr)
  // --explain
  explainReads: { en: 'What it reads', ru: 'Что читает' },
  explainSets: { en: 'Indicator sets in use', ru: 'Какие наборы индикаторов используются' },
  setLine: {
    en: '{source}, as of {date}: {families} families, {packages} package names, {certificates} certificates ({origin})',
    ru: '{source}, на {date}: семейств — {families}, имён пакетов — {packages}, сертификатов — {certificates} ({origin})',
  },
  builtIn: { en: 'built into safestep', ru: 'встроен в safestep' },
  fromPack: { en: 'from the pack {pack}, {file}', ru: 'из пакета {pack}, {file}' },
  packsNote: {
    en: 'A newer set can come in a signed lesson pack you trust ({cmd} pack install): it replaces the built-in set with the same id.',
    ru: 'Более новый набор может прийти в подписанном пакете уроков, которому вы доверяете ({cmd} pack install): он заменяет встроенный набор с тем же идентификатором.',
  },
  iosNote: {
    en: 'iPhone backups on this computer are checked by {cmd} audit.',
    ru: 'Резервные копии iPhone на этом компьютере проверяет {cmd} audit.',
  },
  onePath: { en: 'check phone reads one capture at a time.', ru: 'check phone читает одну выгрузку за раз.' },
  onePathHint: { en: 'use {cmd} check phone --from PATH', ru: 'укажите {cmd} check phone --from ПУТЬ' },
  adbHint: { en: 'Then run {cmd} check phone again.', ru: 'Затем снова запустите {cmd} check phone.' },
});


const RETRYABLE = new Set(['none', 'unauthorized', 'offline', 'no-permissions', 'adb-failed']);

/** The sets in use and where each came from. */
function setsInUse(packs: PackIndicators): { set: IndicatorSet; origin: { pack: string; file: string } | null }[] {
  const used = mergeSets(BUILTIN_INDICATORS, packs.sets.map((p) => p.set));
  return used.map((set) => {
    const pack = packs.sets.find((p) => p.set === set);
    return { set, origin: pack ? { pack: pack.pack, file: pack.file } : null };
  });
}

function explain(ctx: AppContext, packs: PackIndicators, bold: (s: string) => string): string[] {
  const t = phoneText(ctx.lang);
  const w = ctx.io.width;
  const out = [bold(check.meta.subject[ctx.lang]), ...wrap(check.meta.description[ctx.lang], w), '', bold(M.get('explainReads', ctx.lang))];
  for (const key of ['explainLive', 'explainCapture'] as const) out.push(...wrap(t(key), w, '    ', '  - '));
  out.push(...wrap(M.get('iosNote', ctx.lang), w, '    ', '  - '), '', bold(M.get('explainSets', ctx.lang)));
  for (const { set, origin } of setsInUse(packs)) {
    const line = M.get('setLine', ctx.lang, {
      source: set.commit ? `${set.source} (${set.commit.slice(0, 7)})` : set.source,
      date: set.date,
      families: set.families.length,
      packages: set.families.reduce((n, f) => n + f.packages.length, 0),
      certificates: set.families.reduce((n, f) => n + f.certificates.length, 0),
      origin: origin ? M.get('fromPack', ctx.lang, origin) : M.get('builtIn', ctx.lang),
    });
    out.push(...wrap(line, w, '    ', '  - '));
  }
  for (const p of packs.problems) out.push(...wrap(t('indicatorsInvalid', { file: `${p.pack}/${p.file}`, field: p.field }), w, '    ', '  - '));
  out.push(...wrap(M.get('packsNote', ctx.lang), w), ...wrap(t('indicatorsCredit'), w));
  return out;
}

/** Why no phone can be read: one calm message (and where to get adb), wrapped, on stderr. */
class NotReady extends Error {
  constructor(readonly lines: string[]) {
    super('phone not ready');
  }
}

function notReady(ctx: AppContext, pick: Exclude<DevicePick, { ok: true }>, serial: string | undefined): NotReady {
  const t = phoneText(ctx.lang);
  const w = ctx.io.width;
  const lines = wrap(t(pickProblemKey(pick.problem), { serials: pick.devices.map((d) => d.serial).join(', '), serial: serial ?? '' }), w);
  if (pick.problem === 'no-adb') lines.push(...wrap(`${t(adbInstallKey(process.platform))} ${M.get('adbHint', ctx.lang)}`, w));
  return new NotReady(lines);
}

async function guideBefore(ctx: AppContext, prompter: Prompter, bold: (s: string) => string): Promise<void> {
  const t = phoneText(ctx.lang);
  const w = ctx.io.width;
  const out = [bold(M.get('guideTitle', ctx.lang)), ...wrap(t('guideReadOnly'), w), ''];
  out.push(...wrap(t('guideDevOptions'), w, '   ', '1. '));
  for (const key of ['guideDevSamsung', 'guideDevXiaomi', 'guideDevPixel'] as const) out.push(...wrap(t(key), w, '     ', '   - '));
  out.push(...wrap(t('guideUsbDebugging'), w, '   ', '2. '), ...wrap(t('guideAcceptKey'), w, '   ', '3. '), '');
  ctx.io.stdout.write(out.join('\n') + '\n');
  await prompter.input(M.get('guideReady', ctx.lang));
}

async function guideAfter(ctx: AppContext, prompter: Prompter | undefined, bold: (s: string) => string): Promise<void> {
  const w = ctx.io.width;
  ctx.io.stdout.write(['', bold(M.get('afterTitle', ctx.lang)), ...wrap(phoneText(ctx.lang)('guideTurnOff'), w)].join('\n') + '\n');
  if (!prompter) return;
  const done = await prompter.confirm(M.get('afterDone', ctx.lang), true);
  if (!done) ctx.io.stdout.write(wrap(M.get('afterLater', ctx.lang), w).join('\n') + '\n');
}

async function readLive(ctx: AppContext, run: CommandRunner, opts: CheckPhoneOptions, prompter: Prompter | undefined, bold: (s: string) => string): Promise<{ data: AndroidData; serial: string }> {
  const t = phoneText(ctx.lang);
  const adbOptions = { ...(opts.adb !== undefined ? { adb: opts.adb } : {}), ...(opts.serial !== undefined ? { serial: opts.serial } : {}) };
  let pick = await pickDevice(run, adbOptions);
  if (prompter && !pick.ok && pick.problem !== 'no-adb') {
    // Not ready yet: walk the person through it, then look again.
    await guideBefore(ctx, prompter, bold);
    pick = await pickDevice(run, adbOptions);
    // At a terminal, a phone that is not ready yet is a step to take, not the end.
    while (!pick.ok && RETRYABLE.has(pick.problem)) {
      ctx.io.stdout.write(wrap(t(pickProblemKey(pick.problem), { serials: '', serial: opts.serial ?? '' }), ctx.io.width).join('\n') + '\n');
      if (!(await prompter.confirm(M.get('retry', ctx.lang), true))) break;
      pick = await pickDevice(run, adbOptions);
    }
  } else if (prompter && pick.ok) {
    ctx.io.stdout.write(wrap(t('guideReadOnly'), ctx.io.width).join('\n') + '\n');
  }
  if (!pick.ok) throw notReady(ctx, pick, opts.serial);
  const shown = phoneProgress(ctx);
  const data = await acquireAndroid(run, {
    serial: pick.device.serial,
    ...(opts.adb !== undefined ? { adb: opts.adb } : {}),
    ...(opts.certificates === false ? { certificates: false } : {}),
    ...(opts.json ? {} : { onProgress: shown.onProgress }),
  });
  shown.done();
  return { data, serial: pick.device.serial };
}

function report(ctx: AppContext, result: PhoneResult, data: AndroidData, origin: string, index: ReturnType<typeof indicatorIndex>, bold: (s: string) => string, lessons: ReadonlySet<string>): string[] {
  const t = phoneText(ctx.lang);
  const w = ctx.io.width;
  const unknown = M.get('unknown', ctx.lang);
  const d = data.device;
  const out = [bold(M.get('title', ctx.lang))];
  out.push(...wrap(M.get('device', ctx.lang, { model: d.model ?? unknown, android: d.android ?? unknown, patch: d.patch ?? unknown }), w));
  out.push(...wrap(origin, w), ...wrap(M.get('apps', ctx.lang, { count: data.apps.length }), w));
  out.push(...wrap(t('indicatorsInUse', { source: index.summary().source }), w), '');
  const home = homeOf(ctx);
  const limits = result.findings.filter((f) => f.message === 'limits');
  const rest = result.findings.filter((f) => f.message !== 'limits');
  const learn = new Set<string>();
  for (const severity of ['high', 'medium', 'low', 'info'] as Severity[]) {
    const found = rest.filter((f) => f.severity === severity);
    if (found.length === 0) continue;
    out.push(bold(`${severityLabel(severity, ctx.lang)} (${found.length})`));
    for (const f of found) {
      const text = describeFinding(check.meta, f, ctx.lang, home);
      out.push(...wrap(text.message, w, '    ', '  - '));
      if (text.fix) out.push(...wrap(`${ctx.t('check.whatToDo')} ${text.fix}`, w, '    ', '    '));
      for (const id of text.lessons) if (lessons.has(id)) learn.add(id);
    }
    out.push('');
  }
  for (const id of learn) out.push(ctx.t('check.learnMore', { id }));
  if (learn.size) out.push('');
  out.push(bold(M.get('cannotSee', ctx.lang)));
  for (const f of limits) out.push(...wrap(t(f.message), w, '  ', '  '));
  return out;
}

export default async function checkPhone(ctx: AppContext, paths: readonly string[], opts: CheckPhoneOptions): Promise<number> {
  const chalk = await styler(ctx.io);
  const bold = (s: string): string => chalk.bold(s);
  if (paths.length > 1 || (paths.length === 1 && opts.from !== undefined)) throw new SafestepError(M.get('onePath', ctx.lang), EXIT_USAGE, M.get('onePathHint', ctx.lang));
  const from = opts.from ?? paths[0];
  const packs = await packIndicatorSets(ctx.paths.dataDir);

  if (opts.explain) {
    ctx.io.stdout.write(explain(ctx, packs, bold).join('\n') + '\n');
    return EXIT_OK;
  }

  const index = indicatorIndex(packs.sets.map((p) => p.set));
  const t = phoneText(ctx.lang);
  let data: AndroidData;
  let origin: string;
  let prompter: Prompter | undefined;
  if (from !== undefined) {
    const read = await readAndroidCapture(path.resolve(from));
    if (!read.ok) throw new SafestepError(t(captureProblemKey(read.problem), { path: from }), EXIT_USAGE);
    data = read.data;
    origin = M.get(data.source === 'bugreport' ? 'fromBugreport' : 'fromCapture', ctx.lang, { path: from });
  } else {
    prompter = ctx.io.canPrompt && !opts.yes && !opts.json ? inquirerPrompter(ctx.io, ctx.t) : undefined;
    const run = createCommandRunner({ env: ctx.env, defaultTimeoutMs: 30_000 });
    try {
      const live = await readLive(ctx, run, opts, prompter, bold);
      data = live.data;
      origin = M.get('fromLive', ctx.lang, { serial: live.serial });
    } catch (err) {
      if (isPromptExit(err)) return EXIT_OK;
      if (!(err instanceof NotReady)) throw err;
      ctx.io.stderr.write(err.lines.join('\n') + '\n');
      return EXIT_USAGE;
    }
  }

  const result = evaluatePhone({ android: data }, { now: ctx.now(), indicators: index });
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify(toJson(result, { android: data }, index, ctx.lang), null, 2) + '\n');
  } else {
    ctx.io.stdout.write(report(ctx, result, data, origin, index, bold, await lessonIds(ctx)).join('\n') + '\n');
    if (data.source === 'adb') {
      try {
        await guideAfter(ctx, prompter, bold);
      } catch (err) {
        if (!isPromptExit(err)) throw err;
      }
    }
  }
  return result.findings.some((f) => f.severity === 'high' || f.severity === 'medium') ? EXIT_PROBLEMS : EXIT_OK;
}
