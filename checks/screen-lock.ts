// Whether the screen locks by itself when the computer is left alone. Best
// effort: each desktop keeps this setting somewhere else. When we cannot read
// it we say so (a warning), and when there is no desktop to lock (an SSH
// session, a server) the check does not apply.
import path from 'node:path';
import { defineCheck, defineMessages, findingsOf, readSmallText, type CheckContext, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';

export type Desktop = 'gnome' | 'cinnamon' | 'mate' | 'kde' | 'macos' | 'windows' | 'other' | 'none';

export interface ScreenLockData {
  desktop: Desktop;
  /** Whether the screen locks when the screen saver or blanking starts. */
  lockEnabled: boolean | null;
  /** Seconds of inactivity before the screen blanks and locks; 0 means never. */
  idleSeconds: number | null;
  /** The settings came from the desktop's documented defaults (no settings file). */
  defaults?: boolean;
  /** Windows: why the lock could not be proven. */
  reason?: 'unreadable' | 'noScreenSaver' | 'noSecureSaver';
  /** Windows: the lock is enforced by group policy or device management. */
  policy?: boolean;
}

/** Idle times above this are reported as long. */
const LONG_IDLE_SECONDS = 15 * 60;

export function desktopOf(env: CheckContext['env']): Desktop {
  const name = `${env.XDG_CURRENT_DESKTOP ?? ''}:${env.DESKTOP_SESSION ?? ''}`.toLowerCase();
  if (/cinnamon/.test(name)) return 'cinnamon';
  if (/mate/.test(name)) return 'mate';
  if (/kde|plasma/.test(name)) return 'kde';
  if (/gnome|unity|ubuntu|pantheon|budgie|pop|zorin|cosmic/.test(name)) return 'gnome';
  if (name !== ':' || env.DISPLAY || env.WAYLAND_DISPLAY) return 'other';
  return 'none';
}

/** gsettings prints `true`, `uint32 300`, `int32 5`. */
export function parseGsettingsNumber(stdout: string): number | null {
  const match = /^(?:u?int32\s+)?(\d+)\s*$/.exec(stdout.trim());
  return match ? Number(match[1]) : null;
}

export function parseGsettingsBool(stdout: string): boolean | null {
  const value = stdout.trim();
  return value === 'true' ? true : value === 'false' ? false : null;
}

async function gsettings(ctx: CheckContext, schema: string, key: string): Promise<string | null> {
  const result = await ctx.run('gsettings', ['get', schema, key], { timeoutMs: 2000 });
  return result.code === 0 ? result.stdout : null;
}

/** KDE's kscreenlockerrc: [Daemon] Autolock (default true), Timeout in minutes (default 5). */
export function parseKscreenlockerrc(text: string | null): { lockEnabled: boolean; idleSeconds: number; defaults: boolean } {
  let section = '';
  let autolock: boolean | null = null;
  let timeout: number | null = null;
  for (const line of (text ?? '').split(/\r?\n/)) {
    const header = /^\[(.+)\]\s*$/.exec(line.trim());
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    const kv = /^([^=]+)=(.*)$/.exec(line.trim());
    if (!kv || section !== 'Daemon') continue;
    const key = (kv[1] ?? '').trim();
    const value = (kv[2] ?? '').trim();
    if (key === 'Autolock') autolock = value !== 'false';
    if (key === 'Timeout' && /^\d+$/.test(value)) timeout = Number(value);
  }
  return { lockEnabled: autolock ?? true, idleSeconds: (timeout ?? 5) * 60, defaults: autolock === null && timeout === null };
}

/**
 * `sysadminctl -screenLock status` (written to stderr, after a timestamp):
 * "screenLock delay is immediate", "screenLock delay is 300 seconds",
 * "screenLock is off", and "screenLock delay is -1.000000 seconds", which is
 * off too: the delay comes from the keybag grace period, where -1 means no
 * password is asked at all. Anything else is unknown, never on.
 */
export function parseSysadminctl(output: string): { lock: boolean | null; delaySeconds: number | null } {
  if (/screenLock is off/i.test(output)) return { lock: false, delaySeconds: null };
  const delay = /screenLock delay is (immediate|(-?\d+(?:\.\d+)?) seconds?)/i.exec(output);
  if (!delay) return { lock: null, delaySeconds: null };
  if (/^immediate$/i.test(delay[1] ?? '')) return { lock: true, delaySeconds: 0 };
  const seconds = Number(delay[2]);
  if (!Number.isFinite(seconds)) return { lock: null, delaySeconds: null };
  return seconds < 0 ? { lock: false, delaySeconds: null } : { lock: true, delaySeconds: Math.round(seconds) };
}

/** `defaults -currentHost read com.apple.screensaver idleTime`: seconds, 0 for never; null when unset or unreadable. */
export function parseIdleTime(output: string): number | null {
  return /^\s*\d+\s*$/.test(output) ? Number(output.trim()) : null;
}

/** `pmset -g`: the display sleep of the power source in use, in minutes (0 is never). */
export function parsePmsetDisplaySleep(output: string): number | null {
  const match = /^\s*displaysleep\s+(\d+)\b/m.exec(output);
  return match ? Number(match[1]) : null;
}

/**
 * When a Mac locks: the screen saver or display sleep, whichever comes first,
 * plus the delay before a password is asked. A screen saver set to never does
 * not mean "never locks" until display sleep is known to be never too.
 */
export function macIdleSeconds(screenSaver: number | null, displaySleepMinutes: number | null): number | null {
  const display = displaySleepMinutes === null ? null : displaySleepMinutes * 60;
  const positive = [screenSaver, display].filter((v): v is number => v !== null && v > 0);
  if (positive.length > 0) return Math.min(...positive);
  if (screenSaver === 0 && display === 0) return 0;
  return null;
}

export interface RegDesktop {
  active: boolean | null;
  secure: boolean | null;
  timeout: number | null;
  /** The chosen screen saver; empty or missing when "(None)" is picked (Windows then deletes the value). */
  screenSaver: string | null;
}

/** One value from `reg query` output: REG_SZ text, or a REG_DWORD as a number. */
export function regValue(output: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^\\s*${escaped}\\s+(REG_\\w+)(?:[ \\t]+(.*?))?\\s*$`, 'mi').exec(output);
  if (!match) return null;
  const value = match[2] ?? '';
  if (match[1] === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(value)) return String(parseInt(value, 16));
  return value;
}

/** The screen saver values of `reg query "HKCU\Control Panel\Desktop"` (or of its policy key). */
export function parseRegDesktop(output: string): RegDesktop {
  const active = regValue(output, 'ScreenSaveActive');
  const secure = regValue(output, 'ScreenSaverIsSecure');
  const timeout = regValue(output, 'ScreenSaveTimeOut');
  const screenSaver = regValue(output, 'SCRNSAVE.EXE');
  return {
    active: active === null ? null : active === '1',
    secure: secure === null ? null : secure === '1',
    timeout: timeout !== null && /^\d+$/.test(timeout) ? Number(timeout) : null,
    screenSaver,
  };
}

/** Group policy values win over the user's own, one value at a time. */
export function withPolicy(user: RegDesktop, policy: RegDesktop): RegDesktop {
  return {
    active: policy.active ?? user.active,
    secure: policy.secure ?? user.secure,
    timeout: policy.timeout ?? user.timeout,
    screenSaver: policy.screenSaver ?? user.screenSaver,
  };
}

export const GSETTINGS_SCHEMAS = {
  gnome: { lock: 'org.gnome.desktop.screensaver', idle: 'org.gnome.desktop.session', minutes: false },
  cinnamon: { lock: 'org.cinnamon.desktop.screensaver', idle: 'org.cinnamon.desktop.session', minutes: false },
  mate: { lock: 'org.mate.screensaver', idle: 'org.mate.session', minutes: true },
} as const;

async function gatherLinux(ctx: CheckContext): Promise<ScreenLockData> {
  const desktop = desktopOf(ctx.env);
  if (desktop === 'gnome' || desktop === 'cinnamon' || desktop === 'mate') {
    const schemas = GSETTINGS_SCHEMAS[desktop];
    const lock = await gsettings(ctx, schemas.lock, 'lock-enabled');
    const idle = await gsettings(ctx, schemas.idle, 'idle-delay');
    const idleValue = idle === null ? null : parseGsettingsNumber(idle);
    return {
      desktop,
      lockEnabled: lock === null ? null : parseGsettingsBool(lock),
      idleSeconds: idleValue === null ? null : schemas.minutes ? idleValue * 60 : idleValue,
    };
  }
  if (desktop === 'kde') {
    const configHome = ctx.env.XDG_CONFIG_HOME || path.join(ctx.home, '.config');
    const read = await readSmallText(path.join(configHome, 'kscreenlockerrc'), 64 * 1024);
    if (!read.ok && read.problem !== 'missing') return { desktop, lockEnabled: null, idleSeconds: null };
    return { desktop, ...parseKscreenlockerrc(read.ok ? read.text : null) };
  }
  return { desktop, lockEnabled: null, idleSeconds: null };
}

export const MAC_COMMANDS = {
  screenLock: ['sysadminctl', ['-screenLock', 'status']],
  idleTime: ['defaults', ['-currentHost', 'read', 'com.apple.screensaver', 'idleTime']],
  power: ['pmset', ['-g']],
} as const;

async function gatherMac(ctx: CheckContext): Promise<ScreenLockData> {
  const status = await ctx.run(...MAC_COMMANDS.screenLock, { timeoutMs: 3000 });
  // The answer is read whatever the exit code: sysadminctl reports on stderr.
  const lock = status.notFound || status.timedOut ? { lock: null, delaySeconds: null } : parseSysadminctl(`${status.stdout}\n${status.stderr}`);
  const idle = await ctx.run(...MAC_COMMANDS.idleTime, { timeoutMs: 2000 });
  const power = await ctx.run(...MAC_COMMANDS.power, { timeoutMs: 3000 });
  const idleSeconds = macIdleSeconds(idle.code === 0 ? parseIdleTime(idle.stdout) : null, power.code === 0 ? parsePmsetDisplaySleep(power.stdout) : null);
  return {
    desktop: 'macos',
    lockEnabled: lock.lock,
    idleSeconds: idleSeconds === null || idleSeconds === 0 || lock.lock !== true ? idleSeconds : idleSeconds + (lock.delaySeconds ?? 0),
  };
}

export const WINDOWS_KEYS = {
  desktop: 'HKCU\\Control Panel\\Desktop',
  policy: 'HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop',
  system: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
} as const;

const EMPTY: RegDesktop = { active: null, secure: null, timeout: null, screenSaver: null };

async function regQuery(ctx: CheckContext, args: string[]): Promise<string | null> {
  const result = await ctx.run('reg', ['query', ...args], { timeoutMs: 3000 });
  // reg exits 1 when a key or value does not exist; its message is localised and not read.
  return result.code === 0 ? result.stdout : null;
}

/**
 * A lock is proven by a password-protected screen saver that actually runs
 * (one is chosen, it is active, it has a timeout), or by the machine
 * inactivity limit a group policy or Intune sets. Without either, Windows may
 * still lock on waking from sleep, which cannot be read: that stays unknown.
 */
export function windowsLock(user: RegDesktop | null, policy: RegDesktop, inactivitySeconds: number | null): Pick<ScreenLockData, 'lockEnabled' | 'idleSeconds' | 'reason' | 'policy'> {
  if (!user && inactivitySeconds === null) return { lockEnabled: null, idleSeconds: null, reason: 'unreadable' };
  const saver = withPolicy(user ?? EMPTY, policy);
  const runs = saver.active !== false && Boolean(saver.screenSaver?.trim()) && (saver.timeout ?? 0) > 0;
  const timeouts: number[] = [];
  if (runs && saver.secure === true && saver.timeout) timeouts.push(saver.timeout);
  if (inactivitySeconds !== null && inactivitySeconds > 0) timeouts.push(inactivitySeconds);
  const byPolicy = (inactivitySeconds ?? 0) > 0 || policy.secure !== null || policy.timeout !== null || policy.active !== null;
  if (timeouts.length > 0) return { lockEnabled: true, idleSeconds: Math.min(...timeouts), ...(byPolicy ? { policy: true } : {}) };
  return { lockEnabled: null, idleSeconds: null, reason: saver.secure === true && !runs ? 'noScreenSaver' : 'noSecureSaver' };
}

async function gatherWindows(ctx: CheckContext): Promise<ScreenLockData> {
  const user = await regQuery(ctx, [WINDOWS_KEYS.desktop]);
  const policy = await regQuery(ctx, [WINDOWS_KEYS.policy]);
  const system = await regQuery(ctx, [WINDOWS_KEYS.system, '/v', 'InactivityTimeoutSecs']);
  const inactivity = system === null ? null : regValue(system, 'InactivityTimeoutSecs');
  const lock = windowsLock(user === null ? null : parseRegDesktop(user), policy === null ? EMPTY : parseRegDesktop(policy), inactivity !== null && /^\d+$/.test(inactivity) ? Number(inactivity) : null);
  return { desktop: 'windows', ...lock };
}

const LESSONS = ['encrypt-your-devices'];

const M = defineMessages('check.screen-lock', {
  lockDisabled: {
    en: 'The screen does not lock when it blanks: anyone who wakes the computer gets straight in.',
    ru: 'Экран не блокируется при отключении: любой, кто разбудит компьютер, сразу получит доступ.',
  },
  neverIdle: {
    en: 'The screen never blanks or locks by itself when the computer is left alone.',
    ru: 'Экран никогда не гаснет и не блокируется сам, если оставить компьютер.',
  },
  longIdle: {
    en: 'The screen locks only after {minutes} minutes of inactivity; 5 minutes or less is safer.',
    ru: 'Экран блокируется только через {minutes} мин бездействия; надёжнее — 5 минут или меньше.',
  },
  unknown: {
    en: 'Could not read the screen lock settings of this desktop, so we cannot say whether the screen locks by itself.',
    ru: 'Не удалось прочитать настройки блокировки экрана этой среды, поэтому неизвестно, блокируется ли экран сам.',
  },
  unknownWindowsNoSaver: {
    en: 'A password is set to be asked when the screen saver stops, but no screen saver is chosen ("(None)"), so it never starts. Windows may still ask for your password after sleep, but that cannot be read without administrator rights.',
    ru: 'Пароль должен запрашиваться после заставки, но сама заставка не выбрана («(Нет)») и поэтому никогда не запускается. Возможно, Windows спрашивает пароль после сна, но без прав администратора этого не узнать.',
  },
  unreadableWindows: {
    en: 'Could not read the screen saver settings from the registry, so we cannot say whether the screen locks by itself.',
    ru: 'Не удалось прочитать настройки заставки из реестра, поэтому неизвестно, блокируется ли экран сам.',
  },
  idleUnknown: {
    en: 'The screen locks when it blanks or the screen saver starts, but we could not read when that happens, so it may never happen.',
    ru: 'Экран блокируется, когда гаснет или запускается заставка, но прочитать, когда это происходит, не удалось — возможно, никогда.',
  },
  byPolicy: {
    en: 'The screen lock is set by your organisation (group policy or device management).',
    ru: 'Блокировку экрана задаёт ваша организация (групповая политика или управление устройствами).',
  },
  unknownWindows: {
    en: 'No password-protected screen saver is set, and Windows does not let us read whether it asks for your password after sleep.',
    ru: 'Заставка с паролем не настроена, а прочитать, спрашивает ли Windows пароль после сна, нам не удаётся.',
  },
  noDesktop: {
    en: 'No desktop session is visible from here (for example over SSH), so there is no screen to check. Run this on the computer\'s own desktop.',
    ru: 'Отсюда не видно графического сеанса (например, при входе по SSH), проверять нечего. Запустите проверку на самом компьютере.',
  },
  kdeDefaults: {
    en: 'KDE has no screen locker settings file, so its defaults apply (locks after 5 minutes).',
    ru: 'У KDE нет файла настроек блокировки, поэтому действуют значения по умолчанию (блокировка через 5 минут).',
  },
  fixGnome: {
    en: 'Settings > Privacy (or Privacy & Security) > Screen Lock: turn on Automatic Screen Lock and set Blank Screen Delay to 5 minutes or less. Lock by hand with Super+L.',
    ru: 'Настройки > Конфиденциальность (или «Конфиденциальность и безопасность») > Блокировка экрана: включите автоматическую блокировку и задайте отключение экрана через 5 минут или меньше. Заблокировать вручную: Super+L.',
  },
  fixCinnamon: {
    en: 'System Settings > Screensaver: turn on "Lock the computer when put to sleep" and "Lock after the screen saver starts", with a delay of 5 minutes or less.',
    ru: 'Параметры системы > Заставка: включите блокировку компьютера при переходе в сон и после запуска заставки, с задержкой не больше 5 минут.',
  },
  fixMate: {
    en: 'Control Center > Screensaver: tick "Lock screen when screensaver is active" and set the idle time to 5 minutes or less.',
    ru: 'Центр управления > Хранитель экрана: отметьте «Блокировать экран, когда активен хранитель» и задайте время бездействия не больше 5 минут.',
  },
  fixKde: {
    en: 'System Settings > Screen Locking: turn on "Lock screen automatically" after 5 minutes or less, and "Lock after waking from sleep".',
    ru: 'Параметры системы > Блокировка экрана: включите автоматическую блокировку через 5 минут или меньше и блокировку после выхода из сна.',
  },
  fixMac: {
    en: 'System Settings > Lock Screen: set "Require password after screen saver begins or display is turned off" to Immediately, and start the screen saver or turn off the display after 5 minutes or less. Lock by hand with Control+Command+Q.',
    ru: 'Системные настройки > Экран блокировки: выберите «Запрашивать пароль после запуска заставки или отключения дисплея» — «Сразу», и пусть заставка или отключение дисплея наступают не позже чем через 5 минут. Заблокировать вручную: Control+Command+Q.',
  },
  fixWindows: {
    en: 'Settings > Accounts > Sign-in options: set "If you\'ve been away, when should Windows require you to sign in again?" to "When PC wakes up from sleep", and Settings > System > Power: turn off the screen after 5 minutes or less. Lock by hand with Windows+L.',
    ru: 'Параметры > Учётные записи > Варианты входа: для «Если вы отсутствовали, когда Windows должна снова требовать выполнить вход?» выберите «При выходе из спящего режима», а в Параметры > Система > Питание выключайте экран не позже чем через 5 минут. Заблокировать вручную: Windows+L.',
  },
  fixOther: {
    en: 'In your desktop\'s settings, turn on the screen lock and let it start after 5 minutes or less of inactivity.',
    ru: 'В настройках вашей графической среды включите блокировку экрана и пусть она срабатывает не позже чем через 5 минут бездействия.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

const FIX: Record<Desktop, Id> = {
  gnome: 'fixGnome',
  cinnamon: 'fixCinnamon',
  mate: 'fixMate',
  kde: 'fixKde',
  macos: 'fixMac',
  windows: 'fixWindows',
  other: 'fixOther',
  none: 'fixOther',
};

export default defineCheck({
  meta: {
    id: 'screen-lock',
    title: { en: 'The screen locks by itself', ru: 'Экран блокируется сам' },
    failureTitle: { en: 'The screen does not lock by itself', ru: 'Экран не блокируется сам' },
    subject: { en: 'Automatic screen lock', ru: 'Автоматическая блокировка экрана' },
    description: {
      en: 'Checks that the screen locks when you leave the computer for a while. An unlocked computer left for a minute (in a café, at a checkpoint, at home during a search) gives away your messages, mail and sessions.',
      ru: 'Проверяет, блокируется ли экран, если отойти от компьютера. Разблокированный компьютер, оставленный на минуту (в кафе, на проверке, дома во время обыска), открывает доступ к вашим перепискам, почте и сеансам.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      linux: {
        reads: {
          en: 'The screen saver and idle settings through `gsettings get` (GNOME, Cinnamon, MATE), or ~/.config/kscreenlockerrc (KDE).',
          ru: 'Настройки заставки и бездействия через `gsettings get` (GNOME, Cinnamon, MATE) или файл ~/.config/kscreenlockerrc (KDE).',
        },
        commands: Object.values(GSETTINGS_SCHEMAS).flatMap((s) => [`gsettings get ${s.lock} lock-enabled`, `gsettings get ${s.idle} idle-delay`]),
      },
      darwin: {
        reads: {
          en: 'The delay before a password is asked, the screen saver idle time and the display sleep time.',
          ru: 'Задержку перед запросом пароля, время до запуска заставки и время до отключения дисплея.',
        },
        commands: ['sysadminctl -screenLock status', 'defaults -currentHost read com.apple.screensaver idleTime', 'pmset -g'],
      },
      win32: {
        reads: {
          en: 'The screen saver settings of your account in the registry, the ones your organisation sets by group policy, and the machine inactivity limit.',
          ru: 'Настройки заставки вашей учётной записи в реестре, настройки, которые задаёт организация групповой политикой, и ограничение бездействия компьютера.',
        },
        commands: [
          'reg query "HKCU\\Control Panel\\Desktop"',
          'reg query "HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop"',
          'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v InactivityTimeoutSecs',
        ],
        withoutAdmin: {
          en: 'whether Windows asks for the password after sleep ("If you\'ve been away…"): without a password-protected screen saver or a policy, the result is unknown, never OK.',
          ru: 'спрашивает ли Windows пароль после сна («Если вы отсутствовали…»): без заставки с паролем или политики результат неизвестен, а не «в порядке».',
        },
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<ScreenLockData> {
    if (ctx.platform === 'darwin') return gatherMac(ctx);
    if (ctx.platform === 'win32') return gatherWindows(ctx);
    return gatherLinux(ctx);
  },

  evaluate(data): CheckResult<Id> {
    if (data.desktop === 'none') return { status: 'not-applicable', findings: [finding('noDesktop', 'info')] };
    const fix = FIX[data.desktop];
    const findings: Finding<Id>[] = [];
    if (data.lockEnabled === false) findings.push(finding('lockDisabled', 'medium', { fix }));
    if (data.idleSeconds === 0) findings.push(finding('neverIdle', 'medium', { fix }));
    else if (data.idleSeconds !== null && data.idleSeconds > LONG_IDLE_SECONDS) {
      findings.push(finding('longIdle', 'low', { fix, data: { minutes: Math.round(data.idleSeconds / 60) } }));
    }
    if (data.lockEnabled === null) {
      const unknown: Id =
        data.desktop !== 'windows' ? 'unknown' : data.reason === 'noScreenSaver' ? 'unknownWindowsNoSaver' : data.reason === 'unreadable' ? 'unreadableWindows' : 'unknownWindows';
      findings.push(finding(unknown, 'low', { fix }));
    }
    // A lock that is on but never triggered is no lock: when the screen blanks must be known too.
    if (data.lockEnabled === true && data.idleSeconds === null) findings.push(finding('idleUnknown', 'low', { fix }));
    if (data.policy && findings.length === 0) findings.push(finding('byPolicy', 'info'));
    if (data.defaults && findings.length === 0) findings.push(finding('kdeDefaults', 'info'));
    const status = findings.some((f) => f.severity !== 'info') ? 'warn' : 'pass';
    return { status, findings };
  },
});
