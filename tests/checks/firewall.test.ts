import { describe, expect, it } from 'vitest';
import check, { parseNetFirewallProfiles, parseSocketfilterfw, parseUfwConf, type FirewallData } from '../../checks/firewall.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const base: FirewallData = { platform: 'linux', environment: 'host', state: 'on', product: 'ufw' };

describe('firewall evaluate', () => {
  tester.run({
    valid: [{ name: 'on', data: base }],
    invalid: [
      { name: 'Linux off', data: { ...base, state: 'off' }, status: 'warn', findings: [{ message: 'offLinux', fix: 'fixLinux' }] },
      { name: 'macOS off', data: { ...base, platform: 'darwin', state: 'off' }, status: 'warn', findings: [{ message: 'offMac', fix: 'fixMac' }] },
      {
        name: 'Windows, public profile off',
        data: { ...base, platform: 'win32', state: 'off', profilesOff: ['Public'], profiles: 3 },
        status: 'warn',
        findings: [{ message: 'offWindows', severity: 'medium', data: { profiles: 'Public' } }],
      },
      {
        name: 'Windows, all off',
        data: { ...base, platform: 'win32', state: 'off', profilesOff: ['Domain', 'Private', 'Public'], profiles: 3 },
        status: 'fail',
        findings: [{ message: 'offWindows', severity: 'high' }],
      },
      { name: 'unknown', data: { ...base, state: 'unknown' }, status: 'warn', findings: ['unknown'] },
      { name: 'container', data: { ...base, environment: 'container', state: 'unknown' }, status: 'not-applicable', findings: ['container'] },
    ],
  });
});

describe('firewall gather', () => {
  tester.gather([
    { name: 'Linux: ufw enabled in its config file is on', root: { 'etc/ufw/ufw.conf': 'ENABLED=yes\n' }, data: { state: 'on', product: 'ufw' }, status: 'pass' },
    {
      name: 'Linux: firewalld running is on',
      commands: { 'systemctl is-active firewalld': { stdout: 'active\n' } },
      data: { state: 'on', product: 'firewalld' },
      status: 'pass',
    },
    {
      name: 'Linux: everything inactive is off',
      root: { 'etc/ufw/ufw.conf': 'ENABLED=no\n' },
      commands: { 'systemctl *': { code: 3, stdout: 'inactive\n' } },
      data: { state: 'off' },
      status: 'warn',
      findings: ['offLinux'],
    },
    { name: 'Linux: nothing answering is unknown', data: { state: 'unknown' }, status: 'warn', findings: ['unknown'] },
    { name: 'Linux: in a container it does not apply', root: { 'proc/1/cgroup': '0::/docker/abc\n' }, status: 'not-applicable', findings: ['container'] },
  ]);
});

describe('firewall parsers', () => {
  it('parses ufw.conf, socketfilterfw and PowerShell output', () => {
    expect(parseUfwConf('# comment\nENABLED=yes\nLOGLEVEL=low\n')).toBe(true);
    expect(parseUfwConf('ENABLED=no\n')).toBe(false);
    expect(parseUfwConf('')).toBeNull();
    expect(parseSocketfilterfw('Firewall is enabled. (State = 1)')).toBe('on');
    expect(parseSocketfilterfw('Firewall is disabled. (State = 0)')).toBe('off');
    expect(parseSocketfilterfw('')).toBe('unknown');
    expect(parseNetFirewallProfiles('Domain True\r\nPrivate True\r\nPublic False\r\n')).toEqual([
      { name: 'Domain', enabled: true },
      { name: 'Private', enabled: true },
      { name: 'Public', enabled: false },
    ]);
  });
});
