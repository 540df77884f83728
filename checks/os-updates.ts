// Whether the system gets its updates. Nothing here may use the network, so
// this never asks an update server: it reads what the system already knows
// (pending updates counted at the last refresh, when packages last changed,
// the update settings) and says how old that knowledge is.
import { promises as fs } from 'node:fs';
import { defineCheck, defineMessages, exists, findingsOf, readHead, readSmallText, runPowershell, statOrNull, systemPath, type CheckContext, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';

const DAY = 24 * 60 * 60 * 1000;

export interface MacUpdateSettings {
  automaticCheck: boolean | null;
  /** Security responses and system data files (XProtect and friends). */
  criticalUpdates: boolean | null;
  recommendedPending: number | null;
  lastSuccessfulCheck: number | null;
}

export interface UpdatesData {
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  environment: 'host' | 'container';
  /** When the data was gathered (ms since 1970), so `evaluate` stays pure. */
  now: number;
  /** Last time packages were installed or upgraded (ms), and where we read that. */
  lastUpdate: number | null;
  lastUpdateSource?: string;
  /** Debian/Ubuntu: counts from update-notifier's apt-check (as of the last package list refresh). */
  pendingSecurity: number | null;
  pendingOther: number | null;
  /** Debian/Ubuntu: when the package lists were last refreshed (ms). */
  listsRefreshed: number | null;
  rebootRequired: boolean;
  mac?: MacUpdateSettings;
}

/** apt-check writes "UPGRADES;SECURITY" to stderr. */
export function parseAptCheck(output: string): { other: number; security: number } | null {
  const match = /^\s*(\d+);(\d+)\s*$/m.exec(output);
  if (!match) return null;
  const all = Number(match[1]);
  const security = Number(match[2]);
  return { other: Math.max(0, all - security), security };
}

/** The time of the last "starting full system upgrade" in pacman.log. */
export function lastPacmanUpgrade(log: string): number | null {
  let last: number | null = null;
  for (const match of log.matchAll(/^\[(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)([+-]\d{4}|Z)?\]\s+\[PACMAN\] starting full system upgrade/gm)) {
    const stamp = match[1] ?? '';
    const zone = match[2] ? match[2].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '';
    const time = Date.parse(`${stamp.replace(' ', 'T')}${zone}`);
    if (!Number.isNaN(time)) last = time;
  }
  return last;
}

/**
 * How many entries the `RecommendedUpdates = ( {…}, {…} );` array of the
 * Software Update plist holds; null when the key is missing or cut short.
 * Quoted values may hold brackets ("10.15.7 (19H2)"), so strings are skipped.
 */
export function countRecommendedUpdates(text: string): number | null {
  const start = /(?<![A-Za-z])RecommendedUpdates\s*=\s*\(/.exec(text);
  if (!start) return null;
  let entries = 0;
  let braces = 0;
  for (let i = start.index + start[0].length; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '{') {
      if (braces === 0) entries++;
      braces++;
    } else if (c === '}') {
      braces--;
    } else if (c === ')' && braces === 0) {
      return entries;
    }
  }
  return null;
}

/** `defaults read /Library/Preferences/com.apple.SoftwareUpdate` (old-style plist text). */
export function parseSoftwareUpdatePlist(text: string): MacUpdateSettings {
  const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*"?([^";]*)"?;`, 'm').exec(text)?.[1];
  // `defaults read` prints booleans as 1/0 and, for some plists, YES/NO; true/false appear in hand-written ones.
  const bool = (key: string) => {
    const v = value(key)?.trim().toLowerCase();
    if (v === '1' || v === 'yes' || v === 'true') return true;
    if (v === '0' || v === 'no' || v === 'false') return false;
    return null;
  };
  const count = value('LastRecommendedUpdatesAvailable');
  const last = value('LastSuccessfulDate');
  const lastTime = last ? Date.parse(last.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ?([+-]\d{2})(\d{2})$/, '$1T$2$3:$4')) : NaN;
  return {
    automaticCheck: bool('AutomaticCheckEnabled'),
    criticalUpdates: bool('CriticalUpdateInstall'),
    recommendedPending: pendingOf(count !== undefined && /^\d+$/.test(count) ? Number(count) : null, countRecommendedUpdates(text)),
    lastSuccessfulCheck: Number.isNaN(lastTime) ? null : lastTime,
  };
}

/**
 * The updates waiting at the last check. macOS 15.4 stopped keeping
 * LastUpdatesAvailable up to date while still listing RecommendedUpdates
 * (root3nl/SupportApp#208), so the list counts too, and the larger number
 * wins: a stale zero must not hide a listed update.
 */
function pendingOf(counter: number | null, listed: number | null): number | null {
  if (counter === null) return listed;
  if (listed === null) return counter;
  return Math.max(counter, listed);
}

async function mtime(ctx: CheckContext, file: string): Promise<number | null> {
  const stat = await statOrNull(systemPath(ctx, file));
  return stat ? stat.mtimeMs : null;
}

async function inContainer(ctx: CheckContext): Promise<boolean> {
  if ((await exists(systemPath(ctx, '/.dockerenv'))) || (await exists(systemPath(ctx, '/run/.containerenv')))) return true;
  const cgroup = await readSmallText(systemPath(ctx, '/proc/1/cgroup'), 64 * 1024);
  return cgroup.ok && /docker|kubepods|containerd|lxc|libpod/.test(cgroup.text);
}

async function gatherLinux(ctx: CheckContext, base: UpdatesData): Promise<UpdatesData> {
  if (await inContainer(ctx)) return { ...base, environment: 'container' };
  const data: UpdatesData = { ...base };
  data.rebootRequired = (await exists(systemPath(ctx, '/run/reboot-required'))) || (await exists(systemPath(ctx, '/var/run/reboot-required')));

  // Debian, Ubuntu and friends.
  const dpkg = await mtime(ctx, '/var/lib/dpkg/status');
  if (dpkg !== null) {
    data.lastUpdate = dpkg;
    data.lastUpdateSource = '/var/lib/dpkg/status';
    data.listsRefreshed = (await mtime(ctx, '/var/lib/apt/periodic/update-success-stamp')) ?? (await mtime(ctx, '/var/cache/apt/pkgcache.bin'));
    const aptCheck = systemPath(ctx, '/usr/lib/update-notifier/apt-check');
    if (await exists(aptCheck)) {
      const result = await ctx.run(aptCheck, [], { timeoutMs: 8000 });
      const counts = result.code === 0 ? parseAptCheck(`${result.stderr}\n${result.stdout}`) : null;
      if (counts) {
        data.pendingSecurity = counts.security;
        data.pendingOther = counts.other;
      }
    }
    return data;
  }
  // Arch and friends: the last full upgrade in pacman's log (only its tail is read).
  const pacmanLog = systemPath(ctx, '/var/log/pacman.log');
  const logStat = await statOrNull(pacmanLog);
  if (logStat) {
    const tailBytes = 2 * 1024 * 1024;
    let text: string;
    if (logStat.size <= tailBytes) {
      text = (await readHead(pacmanLog, tailBytes)).toString('utf8');
    } else {
      const handle = await fs.open(pacmanLog, 'r');
      try {
        const buffer = Buffer.alloc(tailBytes);
        const { bytesRead } = await handle.read(buffer, 0, tailBytes, logStat.size - tailBytes);
        text = buffer.subarray(0, bytesRead).toString('utf8');
      } finally {
        await handle.close();
      }
    }
    const upgrade = lastPacmanUpgrade(text);
    data.lastUpdate = upgrade ?? (await mtime(ctx, '/var/lib/pacman/local'));
    data.lastUpdateSource = upgrade !== null ? '/var/log/pacman.log' : '/var/lib/pacman/local';
    return data;
  }
  // Fedora, openSUSE and other RPM systems.
  for (const file of ['/var/lib/dnf/history.sqlite', '/var/lib/rpm/rpmdb.sqlite', '/var/lib/rpm/Packages', '/usr/lib/sysimage/rpm/rpmdb.sqlite']) {
    const time = await mtime(ctx, file);
    if (time !== null) {
      data.lastUpdate = time;
      data.lastUpdateSource = file;
      return data;
    }
  }
  return data;
}

export const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '$r = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results',
  "if ($r.LastInstallationSuccessDate) { 'INSTALL ' + ([datetime]$r.LastInstallationSuccessDate).ToUniversalTime().ToString('o') }",
  "$h = Get-HotFix | Where-Object { $_.InstalledOn } | Sort-Object InstalledOn -Descending | Select-Object -First 1",
  "if ($h) { 'HOTFIX ' + ([datetime]$h.InstalledOn).ToUniversalTime().ToString('o') }",
].join('; ');

/** The newest INSTALL/HOTFIX date in the PowerShell output. */
export function parseWindowsUpdates(stdout: string): number | null {
  let newest: number | null = null;
  for (const match of stdout.matchAll(/^(?:INSTALL|HOTFIX) (\S+)\s*$/gm)) {
    const time = Date.parse(match[1] ?? '');
    if (!Number.isNaN(time) && (newest === null || time > newest)) newest = time;
  }
  return newest;
}

// ---------------------------------------------------------------------------

const LESSONS = ['encrypt-your-devices'];

const M = defineMessages('check.os-updates', {
  securityPending: {
    en: '{count} security updates are waiting to be installed.',
    ru: 'Ожидают установки обновлений безопасности: {count}.',
  },
  updatesPending: {
    en: '{count} other updates are waiting to be installed.',
    ru: 'Ожидают установки других обновлений: {count}.',
  },
  listsStale: {
    en: 'The package lists were last refreshed {days} days ago, so the system may not know about recent security updates.',
    ru: 'Списки пакетов обновлялись {days} дн. назад, поэтому система может не знать о свежих обновлениях безопасности.',
  },
  stale: {
    en: 'The last system update was {days} days ago.',
    ru: 'Последнее обновление системы было {days} дн. назад.',
  },
  rebootRequired: {
    en: 'Updates were installed but need a restart to take effect.',
    ru: 'Обновления установлены, но вступят в силу только после перезагрузки.',
  },
  autoCheckOff: {
    en: 'Automatic checking for updates is turned off on this Mac.',
    ru: 'Автоматическая проверка обновлений на этом Mac выключена.',
  },
  criticalOff: {
    en: 'Security responses and system files (XProtect) are not installed automatically on this Mac.',
    ru: 'Ответные меры безопасности и системные файлы (XProtect) не устанавливаются на этом Mac автоматически.',
  },
  macPending: {
    en: 'At the last check {count} recommended updates were available.',
    ru: 'При последней проверке было доступно рекомендуемых обновлений: {count}.',
  },
  macNoRecentCheck: {
    en: 'This Mac last checked for updates {days} days ago.',
    ru: 'Этот Mac проверял обновления {days} дн. назад.',
  },
  unknown: {
    en: 'Could not tell when the system was last updated.',
    ru: 'Не удалось узнать, когда система обновлялась в последний раз.',
  },
  container: {
    en: 'This is running in a container; updates of the computer itself matter more, and a container is updated by rebuilding its image.',
    ru: 'Проверка запущена в контейнере; важнее обновления самого компьютера, а контейнер обновляют, пересобирая образ.',
  },
  fixLinux: {
    en: 'Install updates now (Debian, Ubuntu: sudo apt update && sudo apt upgrade; Fedora: sudo dnf upgrade; Arch: sudo pacman -Syu) and turn on automatic security updates (Debian, Ubuntu: sudo apt install unattended-upgrades).',
    ru: 'Установите обновления сейчас (Debian, Ubuntu: sudo apt update && sudo apt upgrade; Fedora: sudo dnf upgrade; Arch: sudo pacman -Syu) и включите автоматические обновления безопасности (Debian, Ubuntu: sudo apt install unattended-upgrades).',
  },
  fixReboot: {
    en: 'Save your work and restart the computer.',
    ru: 'Сохраните работу и перезагрузите компьютер.',
  },
  fixMac: {
    en: 'System Settings > General > Software Update: install what is waiting, then under Automatic Updates turn on checking, downloading and "Install Security Responses and system files".',
    ru: 'Системные настройки > Основные > Обновление ПО: установите ожидающие обновления, затем в «Автоматических обновлениях» включите проверку, загрузку и «Устанавливать ответные меры безопасности и системные файлы».',
  },
  fixWindows: {
    en: 'Settings > Windows Update: check for updates, install them and restart. Do not pause updates for long.',
    ru: 'Параметры > Центр обновления Windows: проверьте наличие обновлений, установите их и перезагрузите компьютер. Не приостанавливайте обновления надолго.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

const days = (now: number, then: number) => Math.max(0, Math.floor((now - then) / DAY));

export default defineCheck({
  meta: {
    id: 'os-updates',
    title: { en: 'The system is kept up to date', ru: 'Система своевременно обновляется' },
    failureTitle: { en: 'System updates are overdue', ru: 'Обновления системы запаздывают' },
    subject: { en: 'System updates', ru: 'Обновления системы' },
    description: {
      en: 'Looks at what the system already knows about its updates (without going online): pending security updates, when packages were last updated, and whether automatic updates are on. Spyware used against activists and journalists usually gets in through holes that updates have already closed.',
      ru: 'Смотрит, что система уже знает о своих обновлениях (не выходя в интернет): ожидающие обновления безопасности, когда пакеты обновлялись в последний раз, включены ли автоматические обновления. Шпионские программы против активистов и журналистов обычно проникают через уязвимости, которые обновления уже закрыли.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      all: { en: 'No update server is contacted.', ru: 'К серверам обновлений обращений нет.' },
      linux: {
        reads: {
          en: 'The dates of /var/lib/dpkg/status, the apt package lists, /var/log/pacman.log or the RPM database, /run/reboot-required, and update-notifier\'s apt-check if installed (it counts updates from the local package lists; it does not go online).',
          ru: 'Даты /var/lib/dpkg/status, списков пакетов apt, /var/log/pacman.log или базы RPM, файл /run/reboot-required, а также apt-check из update-notifier, если он есть (он считает обновления по локальным спискам пакетов, не выходя в сеть).',
        },
        commands: ['/usr/lib/update-notifier/apt-check'],
      },
      darwin: {
        reads: { en: 'The Software Update settings and the result of its last check.', ru: 'Настройки «Обновления ПО» и результат его последней проверки.' },
        commands: ['defaults read /Library/Preferences/com.apple.SoftwareUpdate'],
      },
      win32: {
        reads: { en: 'When Windows Update last installed something.', ru: 'Когда Центр обновления Windows в последний раз что-то устанавливал.' },
        commands: [`powershell ${WINDOWS_SCRIPT}`],
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<UpdatesData> {
    const base: UpdatesData = {
      platform: ctx.platform === 'linux' || ctx.platform === 'darwin' || ctx.platform === 'win32' ? ctx.platform : 'other',
      environment: 'host',
      now: ctx.now?.() ?? Date.now(),
      lastUpdate: null,
      pendingSecurity: null,
      pendingOther: null,
      listsRefreshed: null,
      rebootRequired: false,
    };
    if (ctx.platform === 'linux') return gatherLinux(ctx, base);
    if (ctx.platform === 'darwin') {
      const result = await ctx.run('defaults', ['read', '/Library/Preferences/com.apple.SoftwareUpdate'], { timeoutMs: 3000 });
      return result.code === 0 ? { ...base, mac: parseSoftwareUpdatePlist(result.stdout) } : base;
    }
    if (ctx.platform === 'win32') {
      const result = await runPowershell(ctx, WINDOWS_SCRIPT, 8000);
      return { ...base, lastUpdate: result.code === 0 ? parseWindowsUpdates(result.stdout) : null };
    }
    return base;
  },

  evaluate(data): CheckResult<Id> {
    if (data.environment === 'container') return { status: 'not-applicable', findings: [finding('container', 'info')] };
    const findings: Finding<Id>[] = [];
    const fix: Id = data.platform === 'darwin' ? 'fixMac' : data.platform === 'win32' ? 'fixWindows' : 'fixLinux';

    if (data.platform === 'darwin') {
      const mac = data.mac;
      if (!mac) return { status: 'warn', findings: [finding('unknown', 'low')] };
      if (mac.automaticCheck === false) findings.push(finding('autoCheckOff', 'medium', { fix }));
      if (mac.criticalUpdates === false) findings.push(finding('criticalOff', 'medium', { fix }));
      if (mac.recommendedPending !== null && mac.recommendedPending > 0) findings.push(finding('macPending', 'medium', { fix, data: { count: mac.recommendedPending } }));
      if (mac.lastSuccessfulCheck === null) {
        if (mac.automaticCheck === null) findings.push(finding('unknown', 'low'));
      } else if (days(data.now, mac.lastSuccessfulCheck) > 30) {
        findings.push(finding('macNoRecentCheck', 'low', { fix, data: { days: days(data.now, mac.lastSuccessfulCheck) } }));
      }
    } else if (data.pendingSecurity !== null) {
      if (data.pendingSecurity > 0) findings.push(finding('securityPending', 'high', { fix, data: { count: data.pendingSecurity } }));
      else if ((data.pendingOther ?? 0) > 0) findings.push(finding('updatesPending', 'low', { fix, data: { count: data.pendingOther ?? 0 } }));
      if (data.listsRefreshed !== null && days(data.now, data.listsRefreshed) > 14) {
        findings.push(finding('listsStale', 'medium', { fix, data: { days: days(data.now, data.listsRefreshed) } }));
      }
    } else if (data.lastUpdate === null) {
      findings.push(finding('unknown', 'low'));
    } else {
      const age = days(data.now, data.lastUpdate);
      const warnAfter = data.platform === 'win32' ? 45 : 30;
      if (age > 90) findings.push(finding('stale', 'high', { fix, data: { days: age } }));
      else if (age > warnAfter) findings.push(finding('stale', 'medium', { fix, data: { days: age } }));
    }
    if (data.rebootRequired) findings.push(finding('rebootRequired', 'low', { fix: 'fixReboot' }));

    const status = findings.some((f) => f.severity === 'high') ? 'fail' : findings.some((f) => f.severity !== 'info') ? 'warn' : 'pass';
    return { status, findings };
  },
});
