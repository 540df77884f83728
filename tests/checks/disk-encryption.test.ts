import { describe, expect, it } from 'vitest';
import check, { BITLOCKER_COMMANDS, mountEncrypted, parseBitlockerVolume, parseFdesetup, parseLsblk, parseShellProtection, type DiskData } from '../../checks/disk-encryption.js';
import { CheckTester } from '../helpers/check-tester.js';

const LUKS_LVM = JSON.stringify({
  blockdevices: [
    {
      name: 'nvme0n1', type: 'disk', fstype: null, mountpoints: [null],
      children: [
        { name: 'nvme0n1p1', type: 'part', fstype: 'vfat', mountpoints: ['/boot/efi'] },
        { name: 'nvme0n1p2', type: 'part', fstype: 'ext4', mountpoints: ['/boot'] },
        {
          name: 'nvme0n1p3', type: 'part', fstype: 'crypto_LUKS', mountpoints: [null],
          children: [
            {
              name: 'dm_crypt-0', type: 'crypt', fstype: 'LVM2_member', mountpoints: [null],
              children: [
                { name: 'ubuntu--vg-root', type: 'lvm', fstype: 'ext4', mountpoints: ['/'] },
                { name: 'ubuntu--vg-swap', type: 'lvm', fstype: 'swap', mountpoints: ['[SWAP]'] },
              ],
            },
          ],
        },
      ],
    },
  ],
});

const PLAIN_WITH_HOME = JSON.stringify({
  blockdevices: [
    {
      name: 'sda', type: 'disk', fstype: null, mountpoint: null,
      children: [
        { name: 'sda1', type: 'part', fstype: 'ext4', mountpoint: '/' },
        { name: 'sda2', type: 'part', fstype: 'ext4', mountpoint: '/home' },
      ],
    },
  ],
});

describe('disk-encryption parsing', () => {
  it('follows the device tree from the mount point up to a crypt device', () => {
    const luks = parseLsblk(LUKS_LVM);
    expect(luks).not.toBeNull();
    expect(mountEncrypted(luks ?? [], '/')).toBe(true);
    expect(mountEncrypted(luks ?? [], '/boot')).toBe(false);
    expect(mountEncrypted(luks ?? [], '/srv')).toBeNull();
    const plain = parseLsblk(PLAIN_WITH_HOME) ?? [];
    expect(mountEncrypted(plain, '/')).toBe(false);
    expect(mountEncrypted(plain, '/home')).toBe(false);
    expect(parseLsblk('not json')).toBeNull();
  });

  it('reads fdesetup and BitLocker answers', () => {
    expect(parseFdesetup('FileVault is On.\n')).toBe('encrypted');
    expect(parseFdesetup('FileVault is Off.\n')).toBe('not-encrypted');
    expect(parseFdesetup('FileVault is On.\nEncryption in progress: Percent completed = 40.2\n')).toBe('in-progress');
    expect(parseFdesetup('FileVault is Off, but will be enabled after the next restart.\n')).toBe('pending-restart');
    expect(parseFdesetup('')).toBe('unknown');
    expect(parseFdesetup("FileVault is Off.\nDeferred enablement appears to be active for user 'anna'.\n")).toBe('pending-logout');
    expect(parseFdesetup('FileVault is On, but needs to be restarted to finish.\n')).toBe('unknown');
    const list = (volume: string, protection: string, protectors: string) =>
      `\r\nMountPoint           : C:\r\nVolumeStatus         : ${volume}\r\nProtectionStatus     : ${protection}\r\nKeyProtector         : {${protectors}}\r\n`;
    expect(parseBitlockerVolume(list('FullyEncrypted', 'On', 'Tpm, RecoveryPassword'))).toEqual({ state: 'encrypted' });
    expect(parseBitlockerVolume(list('FullyDecrypted', 'Off', ''))).toEqual({ state: 'not-encrypted' });
    expect(parseBitlockerVolume(list('FullyEncrypted', 'Off', 'Tpm'))).toEqual({ state: 'suspended' });
    expect(parseBitlockerVolume(list('FullyEncrypted', 'Off', ''))).toEqual({ state: 'waiting-activation' });
    expect(parseBitlockerVolume(list('EncryptionInProgress', 'Off', 'Tpm'))).toEqual({ state: 'in-progress' });
    expect(parseBitlockerVolume(list('EncryptionSuspended', 'Off', 'Tpm'))).toEqual({ state: 'paused' });
    expect(parseBitlockerVolume(list('DecryptionSuspended', 'Off', 'Tpm'))).toEqual({ state: 'not-encrypted' });
    expect(parseBitlockerVolume(list('FullyEncrypted', 'Unknown', 'Tpm'))).toEqual({ state: 'unknown', raw: 'FullyEncrypted Unknown' });
    expect(parseBitlockerVolume('Get-BitLockerVolume : Access denied\r\n')).toBeNull();
    const states = ['1', '2', '3', '4', '5', '6', '8'].map((v) => parseShellProtection(`${v}\r\n`).state);
    expect(states).toEqual(['encrypted', 'not-encrypted', 'in-progress', 'not-encrypted', 'suspended', 'encrypted', 'waiting-activation']);
    for (const other of ['0', '7', '9', '', 'abc']) expect(parseShellProtection(other).state).toBe('unknown');
  });
});

const tester = new CheckTester(check);
const base: DiskData = { platform: 'linux', environment: 'host', system: 'encrypted', home: 'same' };

describe('disk-encryption evaluate', () => {
  tester.run({
    valid: [{ name: 'encrypted system', data: base }],
    invalid: [
      { name: 'plain system', data: { ...base, system: 'not-encrypted' }, status: 'fail', findings: [{ message: 'notEncrypted', fix: 'fixLinux' }] },
      { name: 'plain system, encrypted home', data: { ...base, system: 'not-encrypted', home: 'encrypted' }, status: 'warn', findings: ['rootNotEncrypted'] },
      {
        name: 'encrypted system, plain separate home',
        data: { ...base, home: 'not-encrypted', homeMount: '/home' },
        status: 'fail',
        findings: [{ message: 'homeNotEncrypted', data: { mount: '/home' } }],
      },
      { name: 'unknown (no lsblk)', data: { ...base, system: 'unknown', reason: 'command-missing' }, status: 'warn', findings: ['unknownNoTool'] },
      { name: 'unknown (root not a block device)', data: { ...base, system: 'unknown', reason: 'root-not-found' }, status: 'warn', findings: ['unknownRootNotFound'] },
      { name: 'unknown (ZFS)', data: { ...base, system: 'unknown', reason: 'zfs' }, status: 'warn', findings: ['unknownZfs'] },
      { name: 'in progress', data: { ...base, system: 'in-progress' }, status: 'warn', findings: ['inProgress'] },
      { name: 'paused', data: { ...base, system: 'paused' }, status: 'warn', findings: ['paused'] },
      { name: 'FileVault deferred until logout', data: { ...base, platform: 'darwin', system: 'pending-logout' }, status: 'warn', findings: ['pendingLogout'] },
      {
        name: 'BitLocker waiting for activation',
        data: { ...base, platform: 'win32', system: 'waiting-activation' },
        status: 'fail',
        findings: [{ message: 'waitingActivation', severity: 'high', fix: 'fixWaitingActivation' }],
      },
      {
        name: 'a state the system reports that we do not recognise',
        data: { ...base, platform: 'win32', system: 'unknown', reason: 'unrecognised', raw: '7' },
        status: 'warn',
        findings: [{ message: 'unknownUnrecognised', data: { state: '7' } }],
      },
      { name: 'suspended BitLocker', data: { ...base, platform: 'win32', system: 'suspended' }, status: 'warn', findings: [{ message: 'suspended', fix: 'fixSuspended' }] },
      { name: 'container', data: { ...base, environment: 'container', system: 'unknown' }, status: 'not-applicable', findings: ['container'] },
      { name: 'WSL', data: { ...base, environment: 'wsl', system: 'unknown' }, status: 'not-applicable', findings: ['wsl'] },
      { name: 'macOS uses its own fix', data: { ...base, platform: 'darwin', system: 'not-encrypted' }, status: 'fail', findings: [{ message: 'notEncrypted', fix: 'fixMac' }] },
      { name: 'Windows uses its own fix', data: { ...base, platform: 'win32', system: 'not-encrypted' }, status: 'fail', findings: [{ message: 'notEncrypted', fix: 'fixWindows' }] },
    ],
  });

  it('an unknown state is never a pass', () => {
    for (const reason of ['command-missing', 'command-failed', 'root-not-found', 'unparsable', 'unrecognised', 'zfs'] as const) {
      for (const platform of ['linux', 'darwin', 'win32', 'other'] as const) {
        expect(tester.evaluate({ ...base, platform, system: 'unknown', reason }).status).not.toBe('pass');
      }
    }
  });
});

describe('disk-encryption gather', () => {
  const mounts = (lines: string[]) => lines.join('\n') + '\n';
  tester.gather([
    {
      name: 'Linux host with LUKS under LVM passes',
      homePath: '/home/anna',
      root: { 'proc/self/mounts': mounts(['/dev/mapper/ubuntu--vg-root / ext4 rw 0 0', 'proc /proc proc rw 0 0']) },
      commands: { 'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { stdout: LUKS_LVM } },
      data: { environment: 'host', system: 'encrypted', home: 'same' },
      status: 'pass',
    },
    {
      name: 'Linux with old lsblk (MOUNTPOINT) and a plain separate /home fails on both',
      homePath: '/home/anna',
      root: { 'proc/self/mounts': mounts(['/dev/sda1 / ext4 rw 0 0', '/dev/sda2 /home ext4 rw 0 0']) },
      commands: {
        'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { code: 1, stderr: 'lsblk: unknown column: MOUNTPOINTS' },
        'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT': { stdout: PLAIN_WITH_HOME },
      },
      data: { system: 'not-encrypted', home: 'not-encrypted', homeMount: '/home' },
      findings: ['notEncrypted', 'homeNotEncrypted'],
    },
    {
      name: 'an eCryptfs home counts as encrypted',
      homePath: '/home/anna',
      root: { 'proc/self/mounts': mounts(['/dev/sda1 / ext4 rw 0 0', '/home/anna/.Private /home/anna ecryptfs rw 0 0']) },
      commands: { 'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { stdout: PLAIN_WITH_HOME.replace('"/home"', '"/data"') } },
      data: { system: 'not-encrypted', home: 'encrypted' },
      findings: ['rootNotEncrypted'],
    },
    { name: 'a container is recognised and lsblk is not run', root: { '.dockerenv': '' }, data: { environment: 'container' }, calls: [] },
    { name: 'WSL is recognised and lsblk is not run', root: { 'proc/sys/kernel/osrelease': '5.15.90.1-microsoft-standard-WSL2\n' }, data: { environment: 'wsl' }, calls: [] },
    { name: 'without lsblk the state is unknown', data: { system: 'unknown', reason: 'command-missing' }, status: 'warn', findings: ['unknownNoTool'] },
    {
      name: 'macOS asks fdesetup',
      platform: 'darwin',
      commands: { 'fdesetup status': { stdout: 'FileVault is Off.\n' } },
      findings: [{ message: 'notEncrypted', fix: 'fixMac' }],
    },
    {
      name: 'macOS: fdesetup exits 2 while encrypting; the text decides',
      platform: 'darwin',
      commands: { 'fdesetup status': { code: 2, stdout: 'FileVault is On.\nEncryption in progress: Percent completed = 32.1\n' } },
      data: { system: 'in-progress' },
      findings: ['inProgress'],
    },
    {
      name: 'Windows with administrator rights: Get-BitLockerVolume',
      platform: 'win32',
      commands: { [`powershell ${BITLOCKER_COMMANDS.volume}`]: { stdout: '\r\nMountPoint           : C:\r\nVolumeStatus         : FullyEncrypted\r\nProtectionStatus     : On\r\nKeyProtector         : {Tpm, RecoveryPassword}\r\n' } },
      calls: [`powershell ${BITLOCKER_COMMANDS.volume}`],
      data: { system: 'encrypted' },
      status: 'pass',
    },
    {
      name: 'Windows without administrator rights falls back to Explorer\'s value: 8 is waiting for activation',
      platform: 'win32',
      commands: {
        [`powershell ${BITLOCKER_COMMANDS.volume}`]: { code: 1, stderr: 'Get-CimInstance : Access denied \r\n' },
        [`powershell ${BITLOCKER_COMMANDS.shell}`]: { stdout: '8\r\n' },
      },
      data: { system: 'waiting-activation' },
      status: 'fail',
      findings: ['waitingActivation'],
    },
    {
      name: 'Windows: Explorer\'s value 5 is suspended',
      platform: 'win32',
      commands: { [`powershell ${BITLOCKER_COMMANDS.volume}`]: { code: 1 }, [`powershell ${BITLOCKER_COMMANDS.shell}`]: { stdout: '5\r\n' } },
      status: 'warn',
      findings: ['suspended'],
    },
    {
      name: 'Windows: a value we do not know is "not recognised", never "did not answer"',
      platform: 'win32',
      commands: { [`powershell ${BITLOCKER_COMMANDS.volume}`]: { code: 1 }, [`powershell ${BITLOCKER_COMMANDS.shell}`]: { stdout: '7\r\n' } },
      status: 'warn',
      findings: [{ message: 'unknownUnrecognised', data: { state: '7' } }],
    },
    {
      name: 'Windows: nothing answers',
      platform: 'win32',
      commands: { 'powershell.exe *': { code: 1 } },
      status: 'warn',
      findings: ['unknownToolFailed'],
    },
    { name: 'macOS without fdesetup is a warning', platform: 'darwin', status: 'warn' },
  ]);
});
