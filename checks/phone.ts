// The phone. In the plain audit it only looks at this computer: the iPhone and
// iPad backups Finder or iTunes made here (an unencrypted one hands the phone's
// messages to whoever holds the laptop), and says how an Android phone is
// checked; it never touches adb or asks anything. Asked for a phone (`audit
// --phone`, `--phone-from`), it reads an Android phone over adb or an androidqf
// acquisition / bug report and judges it against stalkerware and spyware
// indicators (src/phone/). `safestep check phone` is the guided command.
import path from 'node:path';
import { defineCheck, type CheckResult, type Finding } from '../src/check-kit/index.js';
import {
  acquireAndroid,
  adbInstallKey,
  captureProblemKey,
  evaluatePhone,
  findIosBackups,
  indicatorIndex,
  LESSON_BORDER,
  LESSON_WATCHED,
  PHONE,
  pickDevice,
  pickProblemKey,
  readAndroidCapture,
  type AndroidData,
  type CaptureProblem,
  type IndicatorSet,
  type IosData,
  type PhoneMessageKey,
  type PickProblem,
} from '../src/phone/index.js';

export interface PhoneOptions {
  /** An androidqf acquisition (folder or zip) or an Android bug report. */
  from?: string;
  /** Read the Android phone connected over adb. */
  live?: boolean;
  serial?: string;
  adb?: string;
  /** Compute APK signing certificates over adb (default true). */
  certificates?: boolean;
  /**
   * Newer indicator sets from trusted packs, loaded by the command that runs
   * the check (not in the options schema: a lesson cannot pass them).
   */
  indicatorSets?: readonly IndicatorSet[];
}

export type AndroidProblem = { kind: 'capture'; problem: CaptureProblem; path: string } | { kind: 'adb'; problem: PickProblem; serials: string; serial: string };

export interface PhoneData {
  /** When it was read (ISO), for the age of the security patch. */
  now: string;
  platform: NodeJS.Platform;
  ios: IosData;
  /** Absent in the plain audit: no Android phone was asked for. */
  android?: AndroidData;
  androidProblem?: AndroidProblem;
  /** Newer indicator sets from trusted packs. */
  extraSets: IndicatorSet[];
}

const BOTH = [LESSON_WATCHED, LESSON_BORDER];

function problemFinding(problem: AndroidProblem, platform: NodeJS.Platform): Finding<PhoneMessageKey> {
  if (problem.kind === 'capture') {
    return { message: captureProblemKey(problem.problem), severity: 'medium', data: { path: problem.path }, lessons: [LESSON_WATCHED] };
  }
  return {
    message: pickProblemKey(problem.problem),
    severity: 'medium',
    data: { serials: problem.serials || '—', serial: problem.serial || '—' },
    ...(problem.problem === 'no-adb' ? { fix: adbInstallKey(platform) } : {}),
    lessons: [LESSON_WATCHED],
  };
}

/** The verdict the check and `safestep check phone` share. */
export function judge(data: PhoneData): CheckResult<PhoneMessageKey> {
  const result = evaluatePhone(
    { ...(data.android ? { android: data.android } : {}), ios: data.ios },
    { now: new Date(data.now), indicators: indicatorIndex(data.extraSets) },
  );
  const findings: Finding<PhoneMessageKey>[] = [...result.findings];
  if (data.androidProblem) {
    findings.unshift(problemFinding(data.androidProblem, data.platform));
    // Nothing was read from the phone: unknown, never a pass.
    return { status: result.status === 'fail' ? 'fail' : 'error', findings: onceEach(findings) };
  }
  if (!data.android) {
    // The plain audit did not look at a phone: say how, and never call the phone fine.
    const at = findings.findIndex((f) => f.message === 'limits');
    findings.splice(at < 0 ? findings.length : at, 0, { message: 'androidNotChecked', severity: 'info', lessons: BOTH });
    if (result.status === 'pass') return { status: 'not-applicable', findings: onceEach(findings) };
  }
  return { status: result.status, findings: onceEach(findings) };
}

/** Each lesson is offered once, at the first finding that needs it: four "Learn more" lines in a row read as noise. */
function onceEach(findings: Finding<PhoneMessageKey>[]): Finding<PhoneMessageKey>[] {
  const offered = new Set<string>();
  return findings.map((f) => {
    const lessons = (f.lessons ?? []).filter((id) => !offered.has(id));
    for (const id of lessons) offered.add(id);
    return { ...f, lessons };
  });
}

export default defineCheck({
  meta: {
    id: 'phone',
    title: {
      en: 'Phone: no known stalkerware or spyware found (which does not prove there is none)',
      ru: 'Телефон: известных программ-шпионов не найдено (это не доказывает, что их нет)',
    },
    failureTitle: { en: 'Phone: something needs your attention', ru: 'Телефон: кое-что требует внимания' },
    subject: { en: 'Phone (Android and iPhone backups)', ru: 'Телефон (Android и резервные копии iPhone)' },
    description: {
      en: 'Looks for unencrypted iPhone backups on this computer; with a phone connected over USB (or an androidqf acquisition), looks for known stalkerware and state spyware, apps that can read the screen or notifications, and risky settings.',
      ru: 'Ищет на этом компьютере незашифрованные резервные копии iPhone; если подключить телефон по USB (или указать выгрузку androidqf), ищет известные программы-шпионы, приложения с доступом к экрану и уведомлениям и опасные настройки.',
    },
    topic: 'devices',
    lessons: BOTH,
    options: {
      type: 'object',
      properties: {
        from: { type: 'string' },
        live: { type: 'boolean' },
        serial: { type: 'string' },
        adb: { type: 'string' },
        certificates: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    explain: {
      all: {
        en: `${PHONE.get('explainIos', 'en')} ${PHONE.get('explainCapture', 'en')} ${PHONE.get('explainLive', 'en')}`,
        ru: `${PHONE.get('explainIos', 'ru')} ${PHONE.get('explainCapture', 'ru')} ${PHONE.get('explainLive', 'ru')}`,
      },
    },
    messages: PHONE,
    // Backup folders name devices; a live read names apps: nothing here goes into a shared collection.
    collect: false,
  },

  async gather(ctx, options: PhoneOptions): Promise<PhoneData> {
    const now = new Date(ctx.now?.() ?? Date.now()).toISOString();
    const ios = await findIosBackups({ home: ctx.home, platform: ctx.platform, env: ctx.env });
    const data: PhoneData = { now, platform: ctx.platform, ios, extraSets: [] };
    if (options.from === undefined && !options.live) return data;
    data.extraSets = [...(options.indicatorSets ?? [])];
    if (options.from !== undefined) {
      const from = path.resolve(options.from);
      const read = await readAndroidCapture(from);
      if (read.ok) data.android = read.data;
      else data.androidProblem = { kind: 'capture', problem: read.problem, path: options.from };
      return data;
    }
    const adb = options.adb ?? 'adb';
    const pick = await pickDevice(ctx.run, { adb, ...(options.serial !== undefined ? { serial: options.serial } : {}) });
    if (!pick.ok) {
      data.androidProblem = { kind: 'adb', problem: pick.problem, serials: pick.devices.map((d) => d.serial).join(', '), serial: options.serial ?? '' };
      return data;
    }
    data.android = await acquireAndroid(ctx.run, {
      serial: pick.device.serial,
      adb,
      ...(options.certificates === false ? { certificates: false } : {}),
      ...(ctx.progress ? { onProgress: ctx.progress } : {}),
    });
    return data;
  },

  evaluate(data): CheckResult<PhoneMessageKey> {
    return judge(data);
  },
});
