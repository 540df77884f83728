// The bars, end to end through the registry and the audit library:
// a fake home with every kind of problem has every one found, and a clean
// fake computer passes every check with a score of 100.
import { describe, expect, it } from 'vitest';
import { checkIds } from '../../checks/index.js';
import { createStateRootCheck } from '../../checks/state-root-certificates.js';
import { loadChecks, unknownCheckIds } from '../../src/audit/load.js';
import { renderHtmlReport, renderMarkdownReport } from '../../src/audit/report.js';
import { runChecks, type AuditResult } from '../../src/audit/run.js';
import { scoreResults } from '../../src/audit/score.js';
import { makeCert } from '../checks/cert-helpers.js';
import { fakeContext, opensshKey, publicKeyLine, put, rsaPem, scriptedRunner, tempDir } from '../checks/helpers.js';

const stateRoot = makeCert({ C: 'XX', O: 'Test Ministry', CN: 'Test State Root CA' });
const stateSub = makeCert({ C: 'XX', O: 'Test Ministry', CN: 'Test State Sub CA' }, stateRoot);
const honest = [1, 2].map((i) => makeCert({ C: 'US', O: 'Honest', CN: `Honest Root ${i}` }));
const stateCheck = createStateRootCheck({
  table: [stateRoot, stateSub].map((c) => ({
    name: c.name.CN,
    country: 'RU' as const,
    kind: 'root' as const,
    sha256: c.sha256,
    subject: c.name.CN,
    validity: 'test',
    sources: [{ title: 'test', url: 'https://example.invalid/' }],
  })),
});

const LUKS = JSON.stringify({
  blockdevices: [
    { name: 'sda', type: 'disk', fstype: null, mountpoints: [null], children: [
      { name: 'sda1', type: 'part', fstype: 'crypto_LUKS', mountpoints: [null], children: [
        { name: 'root', type: 'crypt', fstype: 'ext4', mountpoints: ['/'] },
      ] },
    ] },
  ],
});

function cleanMachine(): { home: string; root: string } {
  const home = tempDir('safestep-home-');
  const root = tempDir('safestep-root-');
  put(home, '.ssh/id_ed25519', opensshKey('ed25519', { encrypted: true }), 0o600);
  put(home, '.bash_history', 'ls -la\ngit status\nssh -p 2222 anna@host\n');
  put(home, '.gitconfig', '[user]\n\tname = anna\n\temail = 123+anna@users.noreply.github.com\n');
  put(root, 'proc/self/mounts', '/dev/mapper/root / ext4 rw 0 0\n');
  put(root, 'etc/ufw/ufw.conf', 'ENABLED=yes\n');
  put(root, 'var/lib/dpkg/status', 'Package: base-files\n');
  honest.forEach((c, i) => put(root, `etc/ssl/certs/honest-${i}.pem`, c.pem));
  return { home, root };
}

const cleanRunner = scriptedRunner({
  'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS': { stdout: LUKS },
  'gsettings get org.gnome.desktop.screensaver lock-enabled': { stdout: 'true\n' },
  'gsettings get org.gnome.desktop.session idle-delay': { stdout: 'uint32 300\n' },
});

async function audit(home: string, root: string): Promise<AuditResult[]> {
  const checks = (await loadChecks()).map((c) => (c.meta.id === 'state-root-certificates' ? stateCheck : c));
  const ctx = fakeContext({ home, root, platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, run: cleanRunner });
  return runChecks(checks, ctx, { timeoutMs: 5000 });
}

describe('the audit bars', () => {
  it('the registry holds every check of this issue', () => {
    expect(unknownCheckIds(['ssh-key-passphrase', 'state-root-certificates', 'disk-encryption', 'screen-lock', 'firewall', 'os-updates', 'git-identity', 'shell-history-secrets'])).toEqual([]);
    expect([...checkIds]).toEqual([...checkIds].sort());
  });

  it('a clean fake computer passes every check with a score of 100', async () => {
    const { home, root } = cleanMachine();
    const results = await audit(home, root);
    // Interactive checks (a password, an export file) never run in the audit without the user's input.
    const ran = results.filter((r) => !r.skipped);
    expect(results.filter((r) => r.skipped).map((r) => [r.id, r.skipped])).toEqual([['metadata', 'interactive'], ['password', 'interactive'], ['passwords', 'interactive']]);
    // The phone is never called fine when no phone was read: on a computer without iPhone backups it says how a phone is checked.
    const PHONE = ['not-applicable', ['iosNoPlaces', 'iosManual', 'androidNotChecked', 'limits']];
    expect(ran.map((r) => [r.id, r.status, r.findings.map((f) => f.message)])).toEqual(ran.map((r) => (r.id === 'phone' ? [r.id, ...PHONE] : [r.id, 'pass', []])));
    expect(ran.length).toBe(checkIds.length - 3);
    expect(scoreResults(results)).toBe(100);
  });

  it('a fake home with an unencrypted key, a DSA key, a weak RSA key, history secrets and a state root in PEM and DER has every one found', async () => {
    const { home, root } = cleanMachine();
    const plainKey = put(home, '.ssh/id_plain', opensshKey('ed25519'), 0o600);
    const dsaKey = put(home, '.ssh/id_dsa', opensshKey('dsa', { bits: 1024, encrypted: true }), 0o600);
    const weakKey = put(home, '.ssh/id_weak', rsaPem(1024, 'pkcs1'), 0o600);
    // An encrypted PEM key hides its size; it is read from the .pub next to it.
    const weakEncrypted = put(home, '.ssh/work/id_old', rsaPem(1024, 'pkcs1', 'long pass phrase'), 0o600);
    put(home, '.ssh/work/id_old.pub', publicKeyLine('rsa', 1024));
    const history = put(home, '.bash_history', 'ls\nmysql -uroot -pS3cretPass shop\nsshpass -p hunter2 ssh host\n');
    const pem = put(root, 'usr/local/share/ca-certificates/gov-root.crt', stateRoot.pem);
    const der = put(root, 'etc/pki/ca-trust/source/anchors/gov-sub.der', stateSub.der);

    const results = await audit(home, root);
    const found = (id: string) => results.find((r) => r.id === id)?.findings.map((f) => [f.message, f.path]) ?? [];

    expect(found('ssh-key-passphrase').sort()).toEqual(
      [
        ['noPassphrase', plainKey],
        ['dsa', dsaKey],
        ['noPassphrase', weakKey],
        ['rsaWeak', weakKey],
        ['rsaWeak', weakEncrypted],
      ].sort(),
    );
    expect(found('shell-history-secrets')).toEqual([['passwordOption', history]]);
    expect(results.find((r) => r.id === 'shell-history-secrets')?.findings[0]?.data?.lines).toBe('2, 3');
    expect(found('state-root-certificates')).toEqual([
      ['stateCertLinux', pem],
      ['stateCertLinux', der],
    ]);
    expect(scoreResults(results)).toBeLessThan(100);

    const report = renderMarkdownReport(results, { lang: 'en', home, platform: 'linux' }) + renderHtmlReport(results, { lang: 'ru', home });
    expect(report).not.toContain(home);
    expect(report).not.toContain('S3cretPass');
    expect(report).not.toContain('hunter2');
  });
});
