import { describe, expect, it } from 'vitest';
import check, { mountEncrypted, parseBitlocker, parseFdesetup, parseLsblk, type DiskData } from '../../checks/disk-encryption.js';
import { fakeContext, put, scriptedRunner, tempDir, type ScriptedCall } from './helpers.js';

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
    expect(parseBitlocker('BLV On FullyEncrypted')).toBe('encrypted');
    expect(parseBitlocker('BLV Off FullyDecrypted')).toBe('not-encrypted');
    expect(parseBitlocker('BLV Off FullyEncrypted')).toBe('suspended');
    expect(parseBitlocker('BLV Off EncryptionInProgress')).toBe('in-progress');
    expect(parseBitlocker('SHELL 1')).toBe('encrypted');
    expect(parseBitlocker('SHELL 2')).toBe('not-encrypted');
    expect(parseBitlocker('SHELL 6')).toBe('unknown');
    expect(parseBitlocker('NONE')).toBe('unknown');
  });
});

describe('disk-encryption evaluate', () => {
  const base: DiskData = { platform: 'linux', environment: 'host', system: 'encrypted', home: 'same' };
  const table: [string, Partial<DiskData>, string, string[]][] = [
    ['encrypted system', {}, 'pass', []],
    ['plain system', { system: 'not-encrypted' }, 'fail', ['notEncrypted']],
    ['plain system, encrypted home', { system: 'not-encrypted', home: 'encrypted' }, 'warn', ['rootNotEncrypted']],
    ['encrypted system, plain separate home', { home: 'not-encrypted', homeMount: '/home' }, 'fail', ['homeNotEncrypted']],
    ['unknown (no lsblk)', { system: 'unknown', reason: 'command-missing' }, 'warn', ['unknownNoTool']],
    ['unknown (root not a block device)', { system: 'unknown', reason: 'root-not-found' }, 'warn', ['unknownRootNotFound']],
    ['unknown (ZFS)', { system: 'unknown', reason: 'zfs' }, 'warn', ['unknownZfs']],
    ['in progress', { system: 'in-progress' }, 'warn', ['inProgress']],
    ['suspended BitLocker', { platform: 'win32', system: 'suspended' }, 'warn', ['suspended']],
    ['container', { environment: 'container', system: 'unknown' }, 'not-applicable', ['container']],
    ['WSL', { environment: 'wsl', system: 'unknown' }, 'not-applicable', ['wsl']],
  ];
  for (const [name, over, status, messages] of table) {
    it(name, () => {
      const result = check.evaluate({ ...base, ...over }, {});
      expect(result.status).toBe(status);
      expect(result.findings.map((f) => f.message)).toEqual(messages);
    });
  }

  it('an unknown state is never a pass', () => {
    for (const reason of ['command-missing', 'command-failed', 'root-not-found', 'unparsable', 'zfs'] as const) {
      for (const platform of ['linux', 'darwin', 'win32', 'other'] as const) {
        expect(check.evaluate({ ...base, platform, system: 'unknown', reason }, {}).status).not.toBe('pass');
      }
    }
  });

  it('uses the platform fix', () => {
    expect(check.evaluate({ ...base, platform: 'darwin', system: 'not-encrypted' }, {}).findings[0]?.fix).toBe('fixMac');
    expect(check.evaluate({ ...base, platform: 'win32', system: 'not-encrypted' }, {}).findings[0]?.fix).toBe('fixWindows');
  });
});

describe('disk-encryption gather', () => {
  const mounts = (lines: string[]) => lines.join('\n') + '\n';

  it('Linux host with LUKS under LVM passes', async () => {
    const root = tempDir();
    put(root, 'proc/self/mounts', mounts(['/dev/mapper/ubuntu--vg-root / ext4 rw 0 0', 'proc /proc proc rw 0 0']));
    const run = scriptedRunner({ 'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { stdout: LUKS_LVM } });
    const data = await check.gather(fakeContext({ root, home: '/home/anna', run }), {});
    expect(data).toMatchObject({ environment: 'host', system: 'encrypted', home: 'same' });
    expect(check.evaluate(data, {}).status).toBe('pass');
  });

  it('Linux with old lsblk (MOUNTPOINT) and a plain separate /home fails on both', async () => {
    const root = tempDir();
    put(root, 'proc/self/mounts', mounts(['/dev/sda1 / ext4 rw 0 0', '/dev/sda2 /home ext4 rw 0 0']));
    const run = scriptedRunner({
      'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { code: 1, stderr: 'lsblk: unknown column: MOUNTPOINTS' },
      'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT': { stdout: PLAIN_WITH_HOME },
    });
    const data = await check.gather(fakeContext({ root, home: '/home/anna', run }), {});
    expect(data).toMatchObject({ system: 'not-encrypted', home: 'not-encrypted', homeMount: '/home' });
    expect(check.evaluate(data, {}).findings.map((f) => f.message)).toEqual(['notEncrypted', 'homeNotEncrypted']);
  });

  it('an eCryptfs home counts as encrypted', async () => {
    const root = tempDir();
    put(root, 'proc/self/mounts', mounts(['/dev/sda1 / ext4 rw 0 0', '/home/anna/.Private /home/anna ecryptfs rw 0 0']));
    const run = scriptedRunner({ 'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { stdout: PLAIN_WITH_HOME.replace('"/home"', '"/data"') } });
    const data = await check.gather(fakeContext({ root, home: '/home/anna', run }), {});
    expect(data).toMatchObject({ system: 'not-encrypted', home: 'encrypted' });
    expect(check.evaluate(data, {}).findings.map((f) => f.message)).toEqual(['rootNotEncrypted']);
  });

  it('recognises containers and WSL and does not run lsblk there', async () => {
    const calls: ScriptedCall[] = [];
    const docker = tempDir();
    put(docker, '.dockerenv', '');
    const inDocker = await check.gather(fakeContext({ root: docker, run: scriptedRunner({}, calls) }), {});
    expect(inDocker.environment).toBe('container');
    const wsl = tempDir();
    put(wsl, 'proc/sys/kernel/osrelease', '5.15.90.1-microsoft-standard-WSL2\n');
    expect((await check.gather(fakeContext({ root: wsl, run: scriptedRunner({}, calls) }), {})).environment).toBe('wsl');
    expect(calls).toEqual([]);
  });

  it('without lsblk the state is unknown', async () => {
    const data = await check.gather(fakeContext({ root: tempDir() }), {});
    expect(data).toMatchObject({ system: 'unknown', reason: 'command-missing' });
  });

  it('macOS and Windows ask fdesetup and PowerShell', async () => {
    const mac = await check.gather(fakeContext({ platform: 'darwin', run: scriptedRunner({ 'fdesetup status': { stdout: 'FileVault is Off.\n' } }) }), {});
    expect(check.evaluate(mac, {}).findings.map((f) => [f.message, f.fix])).toEqual([['notEncrypted', 'fixMac']]);
    const win = await check.gather(fakeContext({ platform: 'win32', run: scriptedRunner({ 'powershell.exe *': { stdout: 'SHELL 1\r\n' } }) }), {});
    expect(win.system).toBe('encrypted');
    const missing = await check.gather(fakeContext({ platform: 'darwin' }), {});
    expect(check.evaluate(missing, {}).status).toBe('warn');
  });
});
