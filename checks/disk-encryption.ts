// Whether the disk is encrypted: on a seized or stolen computer this decides
// whether everything on it can be read. Linux: is / (and /home, if separate)
// on a dm-crypt/LUKS device (lsblk) or an encrypted home (eCryptfs); macOS:
// FileVault (`fdesetup status`); Windows: BitLocker / device encryption.
// Containers and WSL cannot see the disk: they say so instead of guessing.
import path from 'node:path';
import { defineCheck, defineMessages, exists, findingsOf, readSmallText, systemPath, type CheckContext, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';

export type VolumeState = 'encrypted' | 'not-encrypted' | 'in-progress' | 'pending-restart' | 'suspended' | 'unknown';
export type UnknownReason = 'command-missing' | 'command-failed' | 'root-not-found' | 'unparsable' | 'zfs';

export interface DiskData {
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  environment: 'host' | 'container' | 'wsl';
  system: VolumeState;
  /** Linux: the home folder when it is on its own file system; 'same' otherwise. */
  home: VolumeState | 'same';
  /** The home mount point when separate. */
  homeMount?: string;
  reason?: UnknownReason;
}

// --- Linux -------------------------------------------------------------------

export interface BlockDevice {
  name: string;
  type: string;
  fstype: string | null;
  mountpoints: string[];
  children: BlockDevice[];
}

function toDevice(raw: unknown): BlockDevice | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const mounts = Array.isArray(r.mountpoints) ? r.mountpoints : r.mountpoint !== undefined ? [r.mountpoint] : [];
  return {
    name: typeof r.name === 'string' ? r.name : '',
    type: typeof r.type === 'string' ? r.type : '',
    fstype: typeof r.fstype === 'string' ? r.fstype : null,
    mountpoints: mounts.filter((m): m is string => typeof m === 'string'),
    children: Array.isArray(r.children) ? r.children.map(toDevice).filter((d): d is BlockDevice => d !== null) : [],
  };
}

/** `lsblk -J` output (MOUNTPOINTS on util-linux 2.37+, MOUNTPOINT before). */
export function parseLsblk(json: string): BlockDevice[] | null {
  try {
    const parsed = JSON.parse(json) as { blockdevices?: unknown };
    if (!Array.isArray(parsed.blockdevices)) return null;
    return parsed.blockdevices.map(toDevice).filter((d): d is BlockDevice => d !== null);
  } catch {
    return null;
  }
}

/**
 * Whether the device mounted at `mount` sits on (or is) a dm-crypt device, as
 * in disk > partition (crypto_LUKS) > crypt > lvm > mount. Null when no device
 * has that mount point. Hardware (OPAL) encryption is invisible here.
 */
export function mountEncrypted(devices: BlockDevice[], mount: string): boolean | null {
  const visit = (device: BlockDevice, underCrypt: boolean): boolean | null => {
    const crypt = underCrypt || device.type === 'crypt';
    if (device.mountpoints.includes(mount)) return crypt;
    for (const child of device.children) {
      const found = visit(child, crypt);
      if (found !== null) return found;
    }
    return null;
  };
  for (const device of devices) {
    const found = visit(device, false);
    if (found !== null) return found;
  }
  return null;
}

export interface MountEntry {
  source: string;
  target: string;
  fstype: string;
}

export function parseMounts(text: string): MountEntry[] {
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((parts) => parts.length >= 3)
    .map(([source, target, fstype]) => ({
      source: source ?? '',
      target: (target ?? '').replace(/\\040/g, ' '),
      fstype: fstype ?? '',
    }));
}

/** The mount entry a path lives on (longest matching mount point, last mounted wins). */
export function mountFor(mounts: MountEntry[], file: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const prefix = m.target === '/' ? '/' : `${m.target}/`;
    if (file === m.target || file.startsWith(prefix)) {
      if (!best || m.target.length >= best.target.length) best = m;
    }
  }
  return best;
}

async function linuxEnvironment(ctx: CheckContext): Promise<DiskData['environment']> {
  if (ctx.env.WSL_DISTRO_NAME) return 'wsl';
  const release = await readSmallText(systemPath(ctx, '/proc/sys/kernel/osrelease'), 4096);
  if (release.ok && /microsoft/i.test(release.text)) return 'wsl';
  if ((await exists(systemPath(ctx, '/.dockerenv'))) || (await exists(systemPath(ctx, '/run/.containerenv')))) return 'container';
  const cgroup = await readSmallText(systemPath(ctx, '/proc/1/cgroup'), 64 * 1024);
  if (cgroup.ok && /docker|kubepods|containerd|lxc|libpod/.test(cgroup.text)) return 'container';
  return 'host';
}

async function gatherLinux(ctx: CheckContext): Promise<DiskData> {
  const data: DiskData = { platform: 'linux', environment: await linuxEnvironment(ctx), system: 'unknown', home: 'same' };
  if (data.environment !== 'host') return data;

  const mountsText = await readSmallText(systemPath(ctx, '/proc/self/mounts'), 1024 * 1024);
  const mounts = mountsText.ok ? parseMounts(mountsText.text) : [];
  const rootMount = mountFor(mounts, '/');
  const homeMount = mountFor(mounts, ctx.home);
  const separateHome = homeMount && homeMount.target !== '/' ? homeMount : undefined;
  if (separateHome) data.homeMount = separateHome.target;

  let result = await ctx.run('lsblk', ['-J', '-o', 'NAME,TYPE,FSTYPE,MOUNTPOINTS'], { timeoutMs: 3000 });
  if (result.code !== 0 && !result.notFound && !result.timedOut) {
    result = await ctx.run('lsblk', ['-J', '-o', 'NAME,TYPE,FSTYPE,MOUNTPOINT'], { timeoutMs: 3000 });
  }
  if (result.notFound || result.code !== 0) {
    data.reason = result.notFound ? 'command-missing' : 'command-failed';
    return data;
  }
  const devices = parseLsblk(result.stdout);
  if (!devices) {
    data.reason = 'unparsable';
    return data;
  }
  const rootEncrypted = mountEncrypted(devices, '/');
  if (rootEncrypted === null) {
    data.reason = rootMount?.fstype === 'zfs' ? 'zfs' : 'root-not-found';
  } else {
    data.system = rootEncrypted ? 'encrypted' : 'not-encrypted';
  }
  if (separateHome) {
    if (separateHome.fstype === 'ecryptfs') {
      data.home = 'encrypted';
    } else {
      const homeEncrypted = mountEncrypted(devices, separateHome.target);
      data.home = homeEncrypted === null ? 'unknown' : homeEncrypted ? 'encrypted' : 'not-encrypted';
    }
  }
  return data;
}

// --- macOS and Windows -------------------------------------------------------

export function parseFdesetup(stdout: string): VolumeState {
  // Progress lines come after "FileVault is On.", so they are checked first.
  if (/Decryption in progress/i.test(stdout)) return 'not-encrypted';
  if (/Encryption in progress/i.test(stdout)) return 'in-progress';
  if (/FileVault is On\./.test(stdout)) return 'encrypted';
  if (/FileVault is Off, but will be enabled after the next restart/.test(stdout)) return 'pending-restart';
  if (/FileVault is Off\./.test(stdout)) return 'not-encrypted';
  return 'unknown';
}

export const BITLOCKER_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$d = $env:SystemDrive',
  'try { $v = Get-BitLockerVolume -MountPoint $d; "BLV " + $v.ProtectionStatus.ToString() + " " + $v.VolumeStatus.ToString() }',
  "catch { try { $p = (New-Object -ComObject Shell.Application).NameSpace($d + '\\').Self.ExtendedProperty('System.Volume.BitLockerProtection'); 'SHELL ' + [string]$p } catch { 'NONE' } }",
].join('\n');

/**
 * Output of BITLOCKER_SCRIPT. Get-BitLockerVolume needs administrator rights;
 * without them the Explorer property is used (1 on, 2 off, 3 encrypting; other
 * values are not documented well enough to trust and stay unknown).
 */
export function parseBitlocker(stdout: string): VolumeState {
  const blv = /BLV (\w+) (\w+)/.exec(stdout);
  if (blv) {
    const [, protection, volume] = blv;
    if (volume === 'EncryptionInProgress') return 'in-progress';
    if (volume === 'FullyDecrypted' || volume === 'DecryptionInProgress') return 'not-encrypted';
    if (protection === 'On') return 'encrypted';
    if (protection === 'Off' && (volume === 'FullyEncrypted' || volume === 'UsedSpaceOnlyEncrypted')) return 'suspended';
    return 'unknown';
  }
  const shell = /SHELL (\d+)/.exec(stdout)?.[1];
  if (shell === '1') return 'encrypted';
  if (shell === '2') return 'not-encrypted';
  if (shell === '3') return 'in-progress';
  return 'unknown';
}

// ---------------------------------------------------------------------------

const LESSONS = ['encrypt-your-devices'];

const M = defineMessages('check.disk-encryption', {
  notEncrypted: {
    en: 'The system disk is not encrypted. Anyone who holds this computer can read all its files by starting it from a USB stick or taking the disk out.',
    ru: 'Системный диск не зашифрован. Любой, у кого окажется этот компьютер, прочитает все файлы, загрузив его с флешки или вынув диск.',
  },
  homeNotEncrypted: {
    en: 'The home folder is on a separate, unencrypted partition ({mount}): your own files can be read without your password.',
    ru: 'Домашняя папка находится на отдельном незашифрованном разделе ({mount}): ваши файлы можно прочитать без пароля.',
  },
  rootNotEncrypted: {
    en: 'Your home folder is encrypted, but the system partition is not: temporary files, swap and logs there can still reveal what you worked on.',
    ru: 'Домашняя папка зашифрована, а системный раздел — нет: временные файлы, файл подкачки и журналы на нём всё равно могут выдать, с чем вы работали.',
  },
  inProgress: {
    en: 'Disk encryption is switched on and still running. Keep the computer plugged in until it finishes.',
    ru: 'Шифрование диска включено и ещё идёт. Не отключайте компьютер от сети, пока оно не закончится.',
  },
  pendingRestart: {
    en: 'FileVault will be switched on after the next restart. Restart the Mac to start encrypting.',
    ru: 'FileVault включится после следующей перезагрузки. Перезагрузите Mac, чтобы началось шифрование.',
  },
  suspended: {
    en: 'BitLocker has encrypted the disk, but its protection is suspended: the key is stored openly and the disk can be read.',
    ru: 'BitLocker зашифровал диск, но защита приостановлена: ключ хранится открыто, и диск можно прочитать.',
  },
  unknownNoTool: {
    en: 'Could not tell whether the disk is encrypted: the program that reports it (lsblk) is missing.',
    ru: 'Не удалось узнать, зашифрован ли диск: нет программы, которая это сообщает (lsblk).',
  },
  unknownToolFailed: {
    en: 'Could not tell whether the disk is encrypted: the system did not answer the question.',
    ru: 'Не удалось узнать, зашифрован ли диск: система не ответила на запрос.',
  },
  unknownRootNotFound: {
    en: 'Could not tell whether the disk is encrypted: the system partition is not a plain disk device (a network, ZFS or virtual disk).',
    ru: 'Не удалось узнать, зашифрован ли диск: системный раздел — не обычное дисковое устройство (сетевой, ZFS или виртуальный диск).',
  },
  unknownZfs: {
    en: 'The system is on ZFS; check its encryption yourself: zfs get encryption',
    ru: 'Система стоит на ZFS; проверьте шифрование сами: zfs get encryption',
  },
  container: {
    en: 'This is running in a container, which cannot see the computer\'s disks. Check encryption on the computer itself.',
    ru: 'Проверка запущена в контейнере, который не видит дисков компьютера. Проверьте шифрование на самом компьютере.',
  },
  wsl: {
    en: 'This is Linux inside Windows (WSL): its files live on the Windows disk. Check BitLocker or device encryption in Windows.',
    ru: 'Это Linux внутри Windows (WSL): его файлы лежат на диске Windows. Проверьте BitLocker или шифрование устройства в Windows.',
  },
  fixLinux: {
    en: 'Full-disk encryption on Linux is set up when installing: back up your files, reinstall and tick "Encrypt the new installation" (LUKS), then restore. Choose a long passphrase and keep a backup of it offline.',
    ru: 'Полное шифрование диска в Linux настраивается при установке: сохраните файлы, переустановите систему, отметив «Зашифровать новую установку» (LUKS), и верните файлы. Выберите длинную парольную фразу и храните её копию не в компьютере.',
  },
  fixMac: {
    en: 'Turn on FileVault: System Settings > Privacy & Security > FileVault > Turn On. Write the recovery key down and keep it somewhere safe rather than only in your Apple account.',
    ru: 'Включите FileVault: Системные настройки > Конфиденциальность и безопасность > FileVault > Включить. Запишите ключ восстановления и храните его в надёжном месте, а не только в учётной записи Apple.',
  },
  fixWindows: {
    en: 'Turn on encryption: Settings > Privacy & security > Device encryption, or BitLocker (Control Panel > BitLocker Drive Encryption) on Pro editions. Save the recovery key on paper or a USB stick; if it is saved to your Microsoft account, Microsoft can hand it over on a legal request.',
    ru: 'Включите шифрование: Параметры > Конфиденциальность и защита > Шифрование устройства или BitLocker (Панель управления > Шифрование диска BitLocker) в редакциях Pro. Сохраните ключ восстановления на бумаге или флешке: если он хранится в учётной записи Microsoft, компания может выдать его по законному запросу.',
  },
  fixSuspended: {
    en: 'Resume protection: Control Panel > BitLocker Drive Encryption > Resume protection, or in an administrator PowerShell: Resume-BitLocker -MountPoint C:',
    ru: 'Возобновите защиту: Панель управления > Шифрование диска BitLocker > Возобновить защиту, или в PowerShell от имени администратора: Resume-BitLocker -MountPoint C:',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

const UNKNOWN_MESSAGE: Record<UnknownReason, Id> = {
  'command-missing': 'unknownNoTool',
  'command-failed': 'unknownToolFailed',
  'root-not-found': 'unknownRootNotFound',
  unparsable: 'unknownToolFailed',
  zfs: 'unknownZfs',
};

export default defineCheck({
  meta: {
    id: 'disk-encryption',
    title: { en: 'The disk is encrypted', ru: 'Диск зашифрован' },
    failureTitle: { en: 'The disk is not encrypted', ru: 'Диск не зашифрован' },
    subject: { en: 'Disk encryption', ru: 'Шифрование диска' },
    description: {
      en: 'Checks whether the system disk (and the home folder, if it is separate) is encrypted: LUKS/dm-crypt on Linux, FileVault on macOS, BitLocker or device encryption on Windows. Without it, anyone who holds the computer, at a border or after a theft, can read every file on it without your password.',
      ru: 'Проверяет, зашифрован ли системный диск (и домашняя папка, если она на отдельном разделе): LUKS/dm-crypt в Linux, FileVault в macOS, BitLocker или шифрование устройства в Windows. Без шифрования любой, в чьих руках окажется компьютер — на границе или после кражи, — прочитает все файлы без вашего пароля.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      linux: {
        reads: {
          en: 'The block devices under / and your home folder, and /proc/self/mounts (and /proc/1/cgroup, /.dockerenv to recognise a container or WSL).',
          ru: 'Блочные устройства под / и вашей домашней папкой и файл /proc/self/mounts (а также /proc/1/cgroup и /.dockerenv, чтобы распознать контейнер или WSL).',
        },
        commands: ['lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS'],
      },
      darwin: {
        reads: { en: 'The FileVault state.', ru: 'Состояние FileVault.' },
        commands: ['fdesetup status'],
      },
      win32: {
        reads: { en: 'The BitLocker state of the system drive.', ru: 'Состояние BitLocker системного диска.' },
        commands: ['powershell Get-BitLockerVolume'],
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<DiskData> {
    if (ctx.platform === 'linux') return gatherLinux(ctx);
    if (ctx.platform === 'darwin') {
      const result = await ctx.run('fdesetup', ['status'], { timeoutMs: 3000 });
      if (result.code !== 0) return { platform: 'darwin', environment: 'host', system: 'unknown', home: 'same', reason: result.notFound ? 'command-missing' : 'command-failed' };
      const state = parseFdesetup(result.stdout);
      return { platform: 'darwin', environment: 'host', system: state, home: 'same', ...(state === 'unknown' ? { reason: 'unparsable' as const } : {}) };
    }
    if (ctx.platform === 'win32') {
      const result = await ctx.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', BITLOCKER_SCRIPT], { timeoutMs: 6000 });
      const state = result.code === 0 ? parseBitlocker(result.stdout) : 'unknown';
      return { platform: 'win32', environment: 'host', system: state, home: 'same', ...(state === 'unknown' ? { reason: result.code === 0 ? 'unparsable' as const : 'command-failed' as const } : {}) };
    }
    return { platform: 'other', environment: 'host', system: 'unknown', home: 'same', reason: 'command-missing' };
  },

  evaluate(data): CheckResult<Id> {
    if (data.environment === 'container') return { status: 'not-applicable', findings: [finding('container', 'info')] };
    if (data.environment === 'wsl') return { status: 'not-applicable', findings: [finding('wsl', 'info')] };
    const fix: Id = data.platform === 'darwin' ? 'fixMac' : data.platform === 'win32' ? 'fixWindows' : 'fixLinux';
    const findings: Finding<Id>[] = [];
    const homeEncrypted = data.home === 'encrypted';
    switch (data.system) {
      case 'encrypted':
        break;
      case 'not-encrypted':
        findings.push(homeEncrypted ? finding('rootNotEncrypted', 'medium', { fix }) : finding('notEncrypted', 'high', { fix }));
        break;
      case 'in-progress':
        findings.push(finding('inProgress', 'low'));
        break;
      case 'pending-restart':
        findings.push(finding('pendingRestart', 'low'));
        break;
      case 'suspended':
        findings.push(finding('suspended', 'medium', { fix: 'fixSuspended' }));
        break;
      case 'unknown':
        findings.push(finding(UNKNOWN_MESSAGE[data.reason ?? 'command-failed'], 'low'));
        break;
    }
    if (data.home === 'not-encrypted') findings.push(finding('homeNotEncrypted', 'high', { fix, data: { mount: data.homeMount ?? path.sep } }));
    if (data.home === 'unknown' && data.system === 'encrypted') findings.push(finding('unknownRootNotFound', 'low'));
    if (findings.length === 0) return { status: 'pass', findings };
    const worst = findings.some((f) => f.severity === 'high') ? 'fail' : 'warn';
    return { status: worst, findings };
  },
});
