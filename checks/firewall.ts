// Whether a firewall is switched on. Best effort and without administrator
// rights: on Linux the ufw setting file and the firewalld / nftables services,
// on macOS the application firewall, on Windows the firewall profiles. What we
// cannot read is reported as unknown, never as on.
import { defineCheck, defineMessages, exists, findingsOf, readSmallText, runPowershell, systemPath, type CheckContext, type CheckResult, type MessageIds } from '../src/check-kit/index.js';

export type FirewallState = 'on' | 'off' | 'unknown';

export interface FirewallData {
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  environment: 'host' | 'container';
  state: FirewallState;
  /** Which firewall was found on (ufw, firewalld, nftables, …). */
  product?: string;
  /** Windows: profiles (Domain, Private, Public) that are off. */
  profilesOff?: string[];
  /** Windows: how many profiles were read. */
  profiles?: number;
  /** Windows: the firewall that is on is another product registered with Windows Security Center. */
  thirdParty?: boolean;
  /** Windows: other security suites registered as antivirus (they may run a firewall they did not register). */
  suite?: string;
}

/** ufw.conf: ENABLED=yes|no */
export function parseUfwConf(text: string): boolean | null {
  const match = /^\s*ENABLED\s*=\s*"?(yes|no)"?\s*$/im.exec(text);
  return match ? match[1]?.toLowerCase() === 'yes' : null;
}

/** socketfilterfw --getglobalstate: "Firewall is enabled. (State = 1)" */
export function parseSocketfilterfw(stdout: string): FirewallState {
  if (/State = [12]/.test(stdout) || /Firewall is enabled/i.test(stdout)) return 'on';
  if (/State = 0/.test(stdout) || /Firewall is disabled/i.test(stdout)) return 'off';
  return 'unknown';
}

/**
 * `Get-NetFirewallProfile … | Select-Object Name, Enabled`: "Domain  True"
 * rows under a header (or "Name : Domain" / "Enabled : True" pairs in list
 * form). Enabled is a GpoBoolean: NotConfigured, which the persistent store
 * shows when group policy decides, counts as not known.
 */
export function parseNetFirewallProfiles(stdout: string): { name: string; enabled: boolean | null }[] {
  const out: { name: string; enabled: boolean | null }[] = [];
  const state = (word: string | undefined) => (word === 'True' ? true : word === 'False' ? false : null);
  for (const match of stdout.matchAll(/^\s*(Domain|Private|Public)\s+(True|False|NotConfigured)\s*$/gm)) {
    if (match[1]) out.push({ name: match[1], enabled: state(match[2]) });
  }
  if (out.length > 0) return out;
  for (const block of stdout.split(/\r?\n\s*\r?\n/)) {
    const name = /^\s*Name\s*:\s*(\w+)\s*$/m.exec(block)?.[1];
    const enabled = /^\s*Enabled\s*:\s*(\w+)\s*$/m.exec(block)?.[1];
    if (name && enabled) out.push({ name, enabled: state(enabled) });
  }
  return out;
}

export interface SecurityProduct {
  name: string;
  enabled: boolean | null;
}

/**
 * Products registered with Windows Security Center (`Get-CimInstance
 * -Namespace root/SecurityCenter2 …`), one displayName/productState pair per
 * product. productState is not documented by Microsoft; admin scripts read
 * its second byte (0x10 set: the product says it is on), as done here.
 */
export function parseSecurityProducts(stdout: string): SecurityProduct[] {
  const out: SecurityProduct[] = [];
  let name: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    const field = /^\s*(displayName|productState)\s*:\s*(.*?)\s*$/.exec(line);
    if (!field) continue;
    if (field[1] === 'displayName') name = field[2] ?? '';
    else if (name !== null) {
      const state = /^\d+$/.test(field[2] ?? '') ? Number(field[2]) : null;
      out.push({ name, enabled: state === null ? null : (state & 0x1000) !== 0 });
      name = null;
    }
  }
  return out;
}

const MICROSOFT_PRODUCT = /^(?:Windows|Microsoft) Defender|^Windows Firewall/i;

export const WINDOWS_COMMANDS = {
  profiles: 'Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name, Enabled',
  firewalls: 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct | Format-List displayName, productState',
  antivirus: 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | Format-List displayName, productState',
} as const;

async function gatherWindows(ctx: CheckContext): Promise<FirewallData> {
  // The active store includes group policy; the default (persistent) store does not.
  const result = await runPowershell(ctx, WINDOWS_COMMANDS.profiles, 8000);
  const profiles = result.code === 0 ? parseNetFirewallProfiles(result.stdout) : [];
  const known = profiles.filter((p): p is { name: string; enabled: boolean } => p.enabled !== null);
  if (known.length === 0) return { platform: 'win32', environment: 'host', state: 'unknown' };
  const off = known.filter((p) => !p.enabled).map((p) => p.name);
  const data: FirewallData = { platform: 'win32', environment: 'host', state: off.length > 0 ? 'off' : 'on', profilesOff: off, profiles: known.length, product: 'Windows Firewall' };
  if (off.length === 0) return data;
  // Another product may run the firewall (ESET, Kaspersky…): Windows Security Center knows, on client Windows.
  const firewalls = await runPowershell(ctx, WINDOWS_COMMANDS.firewalls, 8000);
  const registered = firewalls.code === 0 ? parseSecurityProducts(firewalls.stdout).filter((p) => !MICROSOFT_PRODUCT.test(p.name)) : [];
  const running = registered.find((p) => p.enabled === true);
  if (running) return { ...data, state: 'on', product: running.name, thirdParty: true };
  const antivirus = await runPowershell(ctx, WINDOWS_COMMANDS.antivirus, 8000);
  const suites = antivirus.code === 0 ? parseSecurityProducts(antivirus.stdout).filter((p) => !MICROSOFT_PRODUCT.test(p.name)).map((p) => p.name) : [];
  return suites.length > 0 ? { ...data, suite: suites.join(', ') } : data;
}

async function inContainer(ctx: CheckContext): Promise<boolean> {
  if ((await exists(systemPath(ctx, '/.dockerenv'))) || (await exists(systemPath(ctx, '/run/.containerenv')))) return true;
  const cgroup = await readSmallText(systemPath(ctx, '/proc/1/cgroup'), 64 * 1024);
  return cgroup.ok && /docker|kubepods|containerd|lxc|libpod/.test(cgroup.text);
}

async function gatherLinux(ctx: CheckContext): Promise<FirewallData> {
  if (await inContainer(ctx)) return { platform: 'linux', environment: 'container', state: 'unknown' };
  const ufw = await readSmallText(systemPath(ctx, '/etc/ufw/ufw.conf'), 64 * 1024);
  const ufwEnabled = ufw.ok ? parseUfwConf(ufw.text) : null;
  if (ufwEnabled === true) return { platform: 'linux', environment: 'host', state: 'on', product: 'ufw' };
  let answered = ufwEnabled !== null;
  for (const service of ['firewalld', 'nftables', 'netfilter-persistent', 'iptables']) {
    const result = await ctx.run('systemctl', ['is-active', service], { timeoutMs: 2000 });
    if (result.notFound || result.timedOut) continue;
    // is-active prints active/inactive/unknown and exits non-zero unless active.
    const word = result.stdout.trim();
    if (word === 'active') return { platform: 'linux', environment: 'host', state: 'on', product: service };
    if (word === 'inactive' || word === 'unknown' || word === 'failed') answered = true;
  }
  return { platform: 'linux', environment: 'host', state: answered ? 'off' : 'unknown' };
}

const LESSONS = ['encrypt-your-devices'];

const M = defineMessages('check.firewall', {
  offLinux: {
    en: 'No firewall is switched on: ufw is off and no firewalld or nftables service is running. (Rules loaded some other way can only be seen with administrator rights.)',
    ru: 'Брандмауэр не включён: ufw выключен, службы firewalld и nftables не запущены. (Правила, загруженные иначе, видны только с правами администратора.)',
  },
  offMac: {
    en: 'The macOS firewall is off.',
    ru: 'Брандмауэр macOS выключен.',
  },
  thirdPartyWindows: {
    en: 'Windows Firewall is off because {product} runs the firewall; Windows Security reports it as on.',
    ru: 'Брандмауэр Windows выключен, потому что брандмауэром управляет {product}; «Безопасность Windows» сообщает, что он включён.',
  },
  offWindowsSuite: {
    en: 'Windows Firewall is off for: {profiles}. {suite} is installed and may run its own firewall, but it has not registered one with Windows Security, so we cannot tell whether anything protects this computer.',
    ru: 'Брандмауэр Windows выключен для профилей: {profiles}. Установлен {suite}, у которого может быть свой брандмауэр, но он не зарегистрирован в «Безопасности Windows», поэтому неизвестно, защищён ли компьютер.',
  },
  offWindows: {
    en: 'Windows Firewall is off for: {profiles}.',
    ru: 'Брандмауэр Windows выключен для профилей: {profiles}.',
  },
  unknown: {
    en: 'Could not find out whether a firewall is on.',
    ru: 'Не удалось узнать, включён ли брандмауэр.',
  },
  container: {
    en: 'This is running in a container; the firewall that matters is the one on the computer itself.',
    ru: 'Проверка запущена в контейнере; важен брандмауэр самого компьютера.',
  },
  fixLinux: {
    en: 'Turn on ufw: sudo ufw enable (it blocks incoming connections and allows outgoing ones). On Fedora: sudo systemctl enable --now firewalld.',
    ru: 'Включите ufw: sudo ufw enable (входящие подключения блокируются, исходящие разрешены). В Fedora: sudo systemctl enable --now firewalld.',
  },
  fixMac: {
    en: 'System Settings > Network > Firewall: turn it on. In Options, consider "Block all incoming connections" and stealth mode on public networks.',
    ru: 'Системные настройки > Сеть > Брандмауэр: включите его. В «Параметрах» можно включить «Блокировать все входящие подключения» и режим невидимости для общественных сетей.',
  },
  fixWindows: {
    en: 'Settings > Privacy & security > Windows Security > Firewall & network protection: turn the firewall on for every network type. If another security program manages the firewall, check it there.',
    ru: 'Параметры > Конфиденциальность и защита > Безопасность Windows > Брандмауэр и защита сети: включите брандмауэр для всех типов сетей. Если брандмауэром управляет другая программа защиты, проверьте её.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

export default defineCheck({
  meta: {
    id: 'firewall',
    title: { en: 'The firewall is on', ru: 'Брандмауэр включён' },
    failureTitle: { en: 'The firewall is off', ru: 'Брандмауэр выключен' },
    subject: { en: 'The firewall', ru: 'Брандмауэр' },
    description: {
      en: 'Checks that a firewall is switched on, so that on shared networks (hotels, cafés, airports, a hostile network operator) others cannot reach services running on this computer.',
      ru: 'Проверяет, что брандмауэр включён: тогда в общих сетях (гостиницы, кафе, аэропорты, враждебный оператор связи) другие не смогут подключиться к службам на этом компьютере.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      linux: {
        reads: {
          en: 'The ufw setting file /etc/ufw/ufw.conf and whether the firewalld, nftables, netfilter-persistent or iptables service is running (and /proc/1/cgroup, /.dockerenv to recognise a container).',
          ru: 'Файл настроек ufw /etc/ufw/ufw.conf и то, запущены ли службы firewalld, nftables, netfilter-persistent или iptables (а также /proc/1/cgroup и /.dockerenv, чтобы распознать контейнер).',
        },
        commands: ['systemctl is-active firewalld', 'systemctl is-active nftables', 'systemctl is-active netfilter-persistent', 'systemctl is-active iptables'],
        withoutAdmin: {
          en: 'the firewall rules themselves cannot be read, so a firewall loaded some other way is reported as unknown, not as on.',
          ru: 'сами правила брандмауэра прочитать нельзя, поэтому брандмауэр, загруженный иначе, считается неизвестным, а не включённым.',
        },
      },
      darwin: {
        reads: { en: 'Whether the application firewall is on.', ru: 'Включён ли брандмауэр приложений.' },
        commands: ['/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate'],
      },
      win32: {
        reads: {
          en: 'Whether Windows Firewall is on for each network profile, as group policy leaves it (the active store); when a profile is off, which firewall and security products are registered with Windows Security.',
          ru: 'Включён ли Брандмауэр Windows для каждого сетевого профиля с учётом групповой политики (активное хранилище); если профиль выключен — какие брандмауэры и программы защиты зарегистрированы в «Безопасности Windows».',
        },
        commands: [`powershell ${WINDOWS_COMMANDS.profiles}`, `powershell ${WINDOWS_COMMANDS.firewalls}`, `powershell ${WINDOWS_COMMANDS.antivirus}`],
        withoutAdmin: {
          en: 'nothing more is needed; on Windows Server, where Windows Security Center does not exist, another product\'s firewall cannot be seen.',
          ru: 'больше ничего не нужно; в Windows Server, где нет «Безопасности Windows», брандмауэр другой программы не виден.',
        },
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<FirewallData> {
    if (ctx.platform === 'linux') return gatherLinux(ctx);
    if (ctx.platform === 'darwin') {
      const result = await ctx.run('/usr/libexec/ApplicationFirewall/socketfilterfw', ['--getglobalstate'], { timeoutMs: 3000 });
      return { platform: 'darwin', environment: 'host', state: result.code === 0 ? parseSocketfilterfw(result.stdout) : 'unknown', product: 'socketfilterfw' };
    }
    if (ctx.platform === 'win32') return gatherWindows(ctx);
    return { platform: 'other', environment: 'host', state: 'unknown' };
  },

  evaluate(data): CheckResult<Id> {
    if (data.environment === 'container') return { status: 'not-applicable', findings: [finding('container', 'info')] };
    if (data.state === 'on' && data.thirdParty) return { status: 'pass', findings: [finding('thirdPartyWindows', 'info', { data: { product: data.product ?? '' } })] };
    if (data.state === 'on') return { status: 'pass', findings: [] };
    if (data.state === 'unknown') return { status: 'warn', findings: [finding('unknown', 'low')] };
    if (data.platform === 'win32') {
      const off = data.profilesOff ?? [];
      const allOff = off.length > 0 && off.length === data.profiles;
      if (data.suite) {
        // A suite that did not register its firewall may still run one: say what we saw, not "off".
        return { status: 'warn', findings: [finding('offWindowsSuite', 'medium', { fix: 'fixWindows', data: { profiles: off.join(', '), suite: data.suite } })] };
      }
      return { status: allOff ? 'fail' : 'warn', findings: [finding('offWindows', allOff ? 'high' : 'medium', { fix: 'fixWindows', data: { profiles: off.join(', ') } })] };
    }
    if (data.platform === 'darwin') return { status: 'warn', findings: [finding('offMac', 'medium', { fix: 'fixMac' })] };
    return { status: 'warn', findings: [finding('offLinux', 'medium', { fix: 'fixLinux' })] };
  },
});
