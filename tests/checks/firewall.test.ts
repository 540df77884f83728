import { describe, expect, it } from 'vitest';
import check, { parseNetFirewallProfiles, parseSecurityProducts, parseSocketfilterfw, parseUfwConf, WINDOWS_COMMANDS, type FirewallData } from '../../checks/firewall.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);
const base: FirewallData = { platform: 'linux', environment: 'host', state: 'on', product: 'ufw' };

describe('firewall evaluate', () => {
  tester.run({
    valid: [
      { name: 'on', data: base },
      {
        name: 'Windows, another product runs the firewall',
        data: { ...base, platform: 'win32', state: 'on', product: 'ESET Firewall', thirdParty: true },
        findings: [{ message: 'thirdPartyWindows', severity: 'info', data: { product: 'ESET Firewall' } }],
      },
    ],
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
      {
        name: 'Windows, off, with a security suite that registered no firewall',
        data: { ...base, platform: 'win32', state: 'off', profilesOff: ['Domain', 'Private', 'Public'], profiles: 3, suite: 'Kaspersky' },
        status: 'warn',
        findings: [{ message: 'offWindowsSuite', severity: 'medium', data: { suite: 'Kaspersky' } }],
      },
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
    {
      name: 'Windows: the active store, all on',
      platform: 'win32',
      commands: { [`powershell ${WINDOWS_COMMANDS.profiles}`]: { stdout: '\r\nName    Enabled\r\n----    -------\r\nDomain     True\r\nPrivate    True\r\nPublic     True\r\n' } },
      calls: [`powershell ${WINDOWS_COMMANDS.profiles}`],
      status: 'pass',
      findings: [],
    },
    {
      name: 'Windows: all off, but ESET is registered and on',
      platform: 'win32',
      commands: {
        [`powershell ${WINDOWS_COMMANDS.profiles}`]: { stdout: 'Name    Enabled\r\n----    -------\r\nDomain    False\r\nPrivate   False\r\nPublic    False\r\n' },
        [`powershell ${WINDOWS_COMMANDS.firewalls}`]: { stdout: '\r\ndisplayName  : ESET Firewall\r\nproductState : 266256\r\n' },
      },
      data: { state: 'on', product: 'ESET Firewall', thirdParty: true },
      status: 'pass',
      findings: ['thirdPartyWindows'],
    },
    {
      name: 'Windows: all off and nothing else registered is a failure',
      platform: 'win32',
      commands: {
        [`powershell ${WINDOWS_COMMANDS.profiles}`]: { stdout: 'Domain    False\r\nPrivate   False\r\nPublic    False\r\n' },
        [`powershell ${WINDOWS_COMMANDS.firewalls}`]: { stdout: '' },
        [`powershell ${WINDOWS_COMMANDS.antivirus}`]: { stdout: 'displayName  : Windows Defender\r\nproductState : 397568\r\n' },
      },
      status: 'fail',
      findings: [{ message: 'offWindows', severity: 'high' }],
    },
    {
      name: 'Windows: NotConfigured everywhere is unknown, not off',
      platform: 'win32',
      commands: { [`powershell ${WINDOWS_COMMANDS.profiles}`]: { stdout: 'Domain  NotConfigured\r\nPrivate NotConfigured\r\nPublic  NotConfigured\r\n' } },
      status: 'warn',
      findings: ['unknown'],
    },

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
    expect(parseNetFirewallProfiles('Name    : Domain\r\nEnabled : True\r\n\r\nName    : Public\r\nEnabled : False\r\n')).toEqual([
      { name: 'Domain', enabled: true },
      { name: 'Public', enabled: false },
    ]);
    expect(parseSecurityProducts('displayName  : Kaspersky Total Security\r\nproductState : 266240\r\n\r\ndisplayName  : Off Product\r\nproductState : 262144\r\n')).toEqual([
      { name: 'Kaspersky Total Security', enabled: true },
      { name: 'Off Product', enabled: false },
    ]);
  });
});

describe('firewall PowerShell encoding', () => {
  it('every PowerShell script it runs starts by switching the console to UTF-8', async () => {
    const { calls } = await tester.gatherOn({ platform: 'win32', commands: { 'powershell.exe *': { stdout: 'Domain False\r\n' } } });
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.args.at(-1)).toMatch(/^\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8; /);
  });
});
