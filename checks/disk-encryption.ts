// Whether the disk is encrypted: on a seized or stolen computer this decides
// whether everything on it can be read. Linux: is / (and /home, if separate)
// on a dm-crypt/LUKS device (lsblk) or an encrypted home (eCryptfs); macOS:
// FileVault (`fdesetup status`); Windows: BitLocker / device encryption.
// Containers and WSL cannot see the disk: they say so instead of guessing.
import path from 'node:path';
import { defineCheck, defineMessages, exists, findingsOf, readSmallText, runPowershell, systemPath, type CheckContext, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';

export type VolumeState = 'encrypted' | 'not-encrypted' | 'in-progress' | 'paused' | 'pending-restart' | 'pending-logout' | 'suspended' | 'waiting-activation' | 'unknown';
export type UnknownReason = 'command-missing' | 'command-failed' | 'root-not-found' | 'unparsable' | 'unrecognised' | 'zfs';

export interface DiskData {
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  environment: 'host' | 'container' | 'wsl';
  system: VolumeState;
  /** Linux: the home folder when it is on its own file system; 'same' otherwise. */
  home: VolumeState | 'same';
  /** The home mount point when separate. */
  homeMount?: string;
  reason?: UnknownReason;
  /** The state as the system wrote it, when we do not recognise it. */
  raw?: string;
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

/**
 * `fdesetup status`. Progress lines come after "FileVault is On.", so they are
 * checked first. "Deferred enablement appears to be active for user '…'."
 * means FileVault turns on when that user next logs out (fdesetup enable
 * -defer): not encrypted yet, but on its way. Anything not listed is unknown.
 */
export function parseFdesetup(stdout: string): VolumeState {
  if (/Decryption in progress/i.test(stdout)) return 'not-encrypted';
  if (/Encryption in progress/i.test(stdout)) return /paused/i.test(stdout) ? 'paused' : 'in-progress';
  if (/FileVault is On\./.test(stdout)) return 'encrypted';
  if (/FileVault is Off, but will be enabled after the next restart/.test(stdout)) return 'pending-restart';
  if (/Deferred enablement appears to be active/i.test(stdout)) return 'pending-logout';
  if (/FileVault is Off\./.test(stdout)) return 'not-encrypted';
  return 'unknown';
}

export const BITLOCKER_COMMANDS = {
  volume: 'Get-BitLockerVolume -MountPoint $env:SystemDrive | Format-List',
  // Explorer's own BitLocker column: readable without administrator rights.
  shell: "(New-Object -ComObject Shell.Application).NameSpace($env:SystemDrive + '\\').Self.ExtendedProperty('System.Volume.BitLockerProtection')",
} as const;

export interface BitlockerReading {
  state: VolumeState;
  /** The raw state, when it is one we do not recognise (shown to the person). */
  raw?: string;
}

const PROTECTED_ENCRYPTED = new Set(['FullyEncrypted', 'FullyEncryptedWipeInProgress', 'FullyEncryptedWipeSuspended']);

/**
 * VolumeStatus and ProtectionStatus of the system drive, from
 * `Get-BitLockerVolume | Format-List` or its default table. The values are
 * the BitLocker module's enums (VolumeStatus: FullyDecrypted, FullyEncrypted,
 * EncryptionInProgress, DecryptionInProgress, EncryptionSuspended,
 * DecryptionSuspended, FullyEncryptedWipeInProgress,
 * FullyEncryptedWipeSuspended; ProtectionStatus: On, Off, Unknown): not
 * translated on Russian Windows. Null when the output holds no volume (an
 * error, usually "access denied" without administrator rights).
 */
export function parseBitlockerVolume(stdout: string): BitlockerReading | null {
  let volume = /^\s*VolumeStatus\s*:\s*(\w+)\s*$/m.exec(stdout)?.[1];
  let protection = /^\s*ProtectionStatus\s*:\s*(\w+)\s*$/m.exec(stdout)?.[1];
  let protectors = /^\s*KeyProtector\s*:\s*\{(.*)\}\s*$/m.exec(stdout)?.[1];
  if (!volume) {
    // Table form: the operating system volume's row.
    const row = stdout.split(/\r?\n/).find((line) => /^\s*OperatingSystem\s/.test(line));
    if (!row) return null;
    volume = /\b(FullyDecrypted|FullyEncrypted\w*|EncryptionInProgress|DecryptionInProgress|EncryptionSuspended|DecryptionSuspended)\b/.exec(row)?.[1];
    protection = /\b(On|Off|Unknown)\s*$/.exec(row)?.[1];
    protectors = /\{(.*?)\}/.exec(row)?.[1];
    if (!volume) return { state: 'unknown', raw: row.trim().split(/\s+/).slice(0, 4).join(' ') };
  }
  if (volume === 'EncryptionInProgress') return { state: 'in-progress' };
  if (volume === 'EncryptionSuspended') return { state: 'paused' };
  if (volume === 'FullyDecrypted' || volume === 'DecryptionInProgress' || volume === 'DecryptionSuspended') return { state: 'not-encrypted' };
  if (PROTECTED_ENCRYPTED.has(volume)) {
    if (protection === 'On') return { state: 'encrypted' };
    // Encrypted with protection off: the key lies on the disk in the clear. With no key
    // protector at all it was never activated; with protectors it was suspended.
    if (protection === 'Off') return { state: protectors !== undefined && protectors.trim() === '' ? 'waiting-activation' : 'suspended' };
  }
  return { state: 'unknown', raw: `${volume} ${protection ?? ''}`.trim() };
}

/**
 * Explorer's System.Volume.BitLockerProtection, the value behind the lock
 * icon on a drive. Microsoft does not document it; these are the values
 * Explorer is reported to show (1 on, 2 off, 3 encrypting, 4 decrypting,
 * 5 suspended, 6 on and locked, 8 waiting for activation, as with Windows 11
 * 24H2 automatic device encryption before a Microsoft account holds the key).
 * Any other value is "not recognised", never on.
 */
export function parseShellProtection(stdout: string): BitlockerReading {
  const value = stdout.trim();
  switch (value) {
    case '1':
    case '6':
      return { state: 'encrypted' };
    case '2':
    case '4':
      return { state: 'not-encrypted' };
    case '3':
      return { state: 'in-progress' };
    case '5':
      return { state: 'suspended' };
    case '8':
      return { state: 'waiting-activation' };
    default:
      return { state: 'unknown', raw: value.slice(0, 20) };
  }
}

async function gatherWindows(ctx: CheckContext): Promise<DiskData> {
  const base: DiskData = { platform: 'win32', environment: 'host', system: 'unknown', home: 'same' };
  const volume = await runPowershell(ctx, BITLOCKER_COMMANDS.volume, 8000);
  const fromVolume = volume.notFound ? null : parseBitlockerVolume(volume.stdout);
  const reading = fromVolume ?? (await (async () => {
    const shell = await runPowershell(ctx, BITLOCKER_COMMANDS.shell, 8000);
    if (shell.notFound || shell.timedOut || shell.code !== 0) return null;
    return parseShellProtection(shell.stdout);
  })());
  if (!reading) return { ...base, reason: volume.notFound ? 'command-missing' : 'command-failed' };
  return { ...base, system: reading.state, ...(reading.state === 'unknown' ? { reason: 'unrecognised' as const, ...(reading.raw ? { raw: reading.raw } : {}) } : {}) };
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
  paused: {
    en: 'Disk encryption was started but is paused, so part of the disk is still readable without your password.',
    ru: 'Шифрование диска начато, но приостановлено, поэтому часть диска всё ещё можно прочитать без пароля.',
  },
  pendingLogout: {
    en: 'FileVault is set to switch on the next time you log out (deferred enablement); until then the disk is not encrypted. Log out and back in to start it.',
    ru: 'FileVault включится при следующем выходе из системы (отложенное включение); до этого диск не зашифрован. Выйдите из системы и войдите снова, чтобы оно началось.',
  },
  waitingActivation: {
    en: 'The disk is encrypted, but BitLocker is waiting for activation: the key is stored openly on the disk, so anyone who holds the computer can still read it.',
    ru: 'Диск зашифрован, но BitLocker ожидает активации: ключ лежит на диске в открытом виде, поэтому любой, у кого окажется компьютер, всё ещё может его прочитать.',
  },
  fixWaitingActivation: {
    en: 'Finish turning it on: Settings > Privacy & security > Device encryption (on Home editions it is activated when you sign in with a Microsoft account), or Control Panel > BitLocker Drive Encryption > Turn on BitLocker on Pro editions. Keep your own copy of the recovery key.',
    ru: 'Завершите включение: Параметры > Конфиденциальность и защита > Шифрование устройства (в домашних редакциях оно активируется при входе с учётной записью Microsoft) или Панель управления > Шифрование диска BitLocker > Включить BitLocker в редакциях Pro. Сохраните свою копию ключа восстановления.',
  },
  unknownUnrecognised: {
    en: 'Could not tell whether the disk is encrypted: the system reported a state we do not recognise ({state}).',
    ru: 'Не удалось узнать, зашифрован ли диск: система сообщила состояние, которое нам неизвестно ({state}).',
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
  unrecognised: 'unknownUnrecognised',
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
        reads: {
          en: 'The BitLocker state of the system drive; without administrator rights, the state Explorer shows for the drive.',
          ru: 'Состояние BitLocker системного диска; без прав администратора — состояние, которое показывает Проводник.',
        },
        commands: [`powershell ${BITLOCKER_COMMANDS.volume}`, `powershell ${BITLOCKER_COMMANDS.shell}`],
        withoutAdmin: {
          en: 'Get-BitLockerVolume is refused, so only Explorer\'s summary is read: it cannot tell which key protectors there are, and a value it does not document is reported as not recognised, never as encrypted.',
          ru: 'Get-BitLockerVolume отказывает в доступе, поэтому читается только сводка Проводника: по ней не видно, какие есть предохранители ключа, а незадокументированное значение считается нераспознанным, а не «зашифровано».',
        },
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<DiskData> {
    if (ctx.platform === 'linux') return gatherLinux(ctx);
    if (ctx.platform === 'darwin') {
      const result = await ctx.run('fdesetup', ['status'], { timeoutMs: 3000 });
      // fdesetup exits 2 while it encrypts or decrypts: the text, not the exit code, says what is happening.
      const state = result.notFound || result.timedOut ? 'unknown' : parseFdesetup(result.stdout);
      if (state === 'unknown' && (result.notFound || result.timedOut || result.stdout.trim() === '')) {
        return { platform: 'darwin', environment: 'host', system: 'unknown', home: 'same', reason: result.notFound ? 'command-missing' : 'command-failed' };
      }
      return { platform: 'darwin', environment: 'host', system: state, home: 'same', ...(state === 'unknown' ? { reason: 'unrecognised' as const, raw: result.stdout.trim().split(/\r?\n/)[0]?.slice(0, 60) ?? '' } : {}) };
    }
    if (ctx.platform === 'win32') return gatherWindows(ctx);
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
      case 'paused':
        findings.push(finding('paused', 'medium', { fix }));
        break;
      case 'pending-logout':
        findings.push(finding('pendingLogout', 'low'));
        break;
      case 'suspended':
        findings.push(finding('suspended', 'medium', { fix: 'fixSuspended' }));
        break;
      case 'waiting-activation':
        findings.push(finding('waitingActivation', 'high', { fix: 'fixWaitingActivation' }));
        break;
      case 'unknown':
        findings.push(finding(UNKNOWN_MESSAGE[data.reason ?? 'command-failed'], 'low', data.reason === 'unrecognised' ? { data: { state: data.raw || '—' } } : {}));
        break;
    }
    if (data.home === 'not-encrypted') findings.push(finding('homeNotEncrypted', 'high', { fix, data: { mount: data.homeMount ?? path.sep } }));
    if (data.home === 'unknown' && data.system === 'encrypted') findings.push(finding('unknownRootNotFound', 'low'));
    if (findings.length === 0) return { status: 'pass', findings };
    const worst = findings.some((f) => f.severity === 'high') ? 'fail' : 'warn';
    return { status: worst, findings };
  },
});
