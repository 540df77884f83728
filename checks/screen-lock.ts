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

/** `sysadminctl -screenLock status` (written to stderr): "screenLock delay is immediate", "… is 300 seconds", "screenLock is off". */
export function parseSysadminctl(output: string): boolean | null {
  if (/screenLock is off/i.test(output)) return false;
  if (/screenLock delay is/i.test(output)) return true;
  return null;
}

/** `reg query "HKCU\Control Panel\Desktop"` values. */
export function parseRegDesktop(output: string): { active: boolean | null; secure: boolean | null; timeout: number | null } {
  const value = (name: string) => new RegExp(`^\\s*${name}\\s+REG_\\w+\\s+(\\S+)\\s*$`, 'mi').exec(output)?.[1];
  const active = value('ScreenSaveActive');
  const secure = value('ScreenSaverIsSecure');
  const timeout = value('ScreenSaveTimeOut');
  return {
    active: active === undefined ? null : active === '1',
    secure: secure === undefined ? null : secure === '1',
    timeout: timeout !== undefined && /^\d+$/.test(timeout) ? Number(timeout) : null,
  };
}

async function gatherLinux(ctx: CheckContext): Promise<ScreenLockData> {
  const desktop = desktopOf(ctx.env);
  if (desktop === 'gnome' || desktop === 'cinnamon' || desktop === 'mate') {
    const schemas = {
      gnome: { lock: 'org.gnome.desktop.screensaver', idle: 'org.gnome.desktop.session', minutes: false },
      cinnamon: { lock: 'org.cinnamon.desktop.screensaver', idle: 'org.cinnamon.desktop.session', minutes: false },
      mate: { lock: 'org.mate.screensaver', idle: 'org.mate.session', minutes: true },
    }[desktop];
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

async function gatherMac(ctx: CheckContext): Promise<ScreenLockData> {
  const status = await ctx.run('sysadminctl', ['-screenLock', 'status'], { timeoutMs: 3000 });
  const lockEnabled = status.code === 0 ? parseSysadminctl(`${status.stdout}\n${status.stderr}`) : null;
  const idle = await ctx.run('defaults', ['-currentHost', 'read', 'com.apple.screensaver', 'idleTime'], { timeoutMs: 2000 });
  const idleSeconds = idle.code === 0 && /^\s*\d+\s*$/.test(idle.stdout) ? Number(idle.stdout.trim()) : null;
  return { desktop: 'macos', lockEnabled, idleSeconds };
}

async function gatherWindows(ctx: CheckContext): Promise<ScreenLockData> {
  const result = await ctx.run('reg', ['query', 'HKCU\\Control Panel\\Desktop'], { timeoutMs: 3000 });
  if (result.code !== 0) return { desktop: 'windows', lockEnabled: null, idleSeconds: null };
  const reg = parseRegDesktop(result.stdout);
  // Only a secure, active screen saver is proof; without one Windows may still
  // lock on waking from sleep, which we cannot read, so that stays unknown.
  if (reg.active === true && reg.secure === true) return { desktop: 'windows', lockEnabled: true, idleSeconds: reg.timeout };
  return { desktop: 'windows', lockEnabled: null, idleSeconds: null };
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
        commands: ['gsettings get org.gnome.desktop.screensaver lock-enabled', 'gsettings get org.gnome.desktop.session idle-delay'],
      },
      darwin: {
        reads: { en: 'The screen lock delay and the screen saver idle time.', ru: 'Задержку блокировки экрана и время до запуска заставки.' },
        commands: ['sysadminctl -screenLock status', 'defaults -currentHost read com.apple.screensaver idleTime'],
      },
      win32: {
        reads: { en: 'The screen saver settings of your account in the registry.', ru: 'Настройки заставки вашей учётной записи в реестре.' },
        commands: ['reg query "HKCU\\Control Panel\\Desktop"'],
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
      findings.push(finding(data.desktop === 'windows' ? 'unknownWindows' : 'unknown', 'low', { fix }));
    }
    if (data.defaults && findings.length === 0) findings.push(finding('kdeDefaults', 'info'));
    const status = findings.some((f) => f.severity !== 'info') ? 'warn' : 'pass';
    return { status, findings };
  },
});
