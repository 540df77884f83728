// `safestep check phone` and `safestep audit --phone/--phone-from` end to end
// through the CLI: captures (androidqf folders and zips, bug reports) built in
// code, and a fake `adb` (a small sh script first on PATH) replaying a phone's
// answers, including an unauthorised, offline or vanishing phone.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { put, tempDir } from '../helpers/check-tester.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';
import {
  accessibilityNew,
  bugreportText,
  buildApk,
  devicePolicy,
  getprop,
  packagesJson,
  PIXEL_PROPS,
  pmList,
  pmNames,
  settingsList,
  signingCert,
  type FakeApp,
} from '../phone/fixtures.js';

const posix = process.platform !== 'win32';
const SERIAL = 'R58M12ABCDE';
const APPS: FakeApp[] = [
  { package: 'com.android.settings', system: true, installer: null, uid: 1000, path: '/system/priv-app/Settings/Settings.apk' },
  { package: 'org.telegram.messenger', installer: 'com.android.vending', uid: 10201 },
  { package: 'com.renamed.notes', installer: 'com.android.vending', uid: 10202 },
  { package: 'com.mxspy', installer: 'com.google.android.packageinstaller', uid: 10203 },
];

function captureFolder(apps: FakeApp[] = APPS): string {
  const dir = tempDir('safestep-capture-');
  put(dir, 'packages.json', packagesJson(apps));
  put(dir, 'getprop.txt', getprop(PIXEL_PROPS));
  put(dir, 'dumpsys.txt', `DUMP OF SERVICE accessibility:\n${accessibilityNew(['com.renamed.notes/.Reader'])}\nDUMP OF SERVICE device_policy:\n${devicePolicy([])}\n`);
  put(dir, 'settings_global.txt', settingsList({ adb_enabled: '1', development_settings_enabled: '1' }));
  put(dir, 'settings_secure.txt', settingsList({ enabled_accessibility_services: 'com.renamed.notes/.Reader', enabled_notification_listeners: '' }));
  put(dir, 'root_binaries.json', '[]');
  return dir;
}

async function cli(args: string[], options: { lang?: 'en' | 'ru'; env?: Record<string, string>; dataDir?: string } = {}) {
  const io = memoryIO();
  let err = '';
  const home = tempDir('safestep-home-');
  const dataDir = options.dataDir ?? tempDir('safestep-data-');
  const env = { HOME: home, SAFESTEP_HOME: dataDir, PATH: process.env.PATH ?? '', ...options.env };
  const code = await run(args, { io, lang: options.lang ?? 'en', env, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s), now: () => new Date('2024-05-01T12:00:00Z') });
  const out = io.out();
  // `flat`: the text with line breaks made spaces, to find sentences the width wrapped.
  return { code, out, flat: out.replace(/\s+/g, ' '), err: io.err() + err };
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map((l) => [...l].length));
}

/** Russian screens: no English words but names of programs, packages, paths and commands. */
function englishWords(text: string): string[] {
  const allowed = new Set(['Android', 'USB', 'Pixel', 'Samsung', 'Xiaomi', 'MIUI', 'Access', 'Now', 'help', 'accessnow', 'org', 'contacts', 'safestep', 'learn', 'androidqf', 'Echap', 'CC-BY', 'Wi-Fi', 'iPhone', 'check', 'phone', 'from', 'audit', 'ID', 'Apple', 'VPN', 'Google', 'Amnesty', 'International', 'RSF', 'and', 'RESIDENT.NGO', 'TAG', 'Lookout', 'Citizen', 'Lab', 'MVT', 'indicators', 'stalkerware-indicators', 'TheTruthSpy', 'node', 'bin', 'js', 'adb', 'SDK', 'Platform-Tools', 'for', 'Linux', 'Debian', 'Ubuntu', 'Fedora', 'sudo', 'apt', 'install', 'dnf', 'android-tools', 'Enter', 'Allow']);
  const words = text
    .replace(/\S*[/.\d]\S*/g, ' ') // paths, packages, dotted names, hashes
    .match(/[A-Za-z][A-Za-z-]*/g) ?? [];
  return [...new Set(words.filter((w) => !allowed.has(w) && !/^[A-Z0-9]+$/.test(w)))];
}

describe('safestep check phone --from', () => {
  it('reports Echap stalkerware as high with its family, an accessibility app as medium, and what it cannot see (en)', async () => {
    const r = await cli(['check', 'phone', '--from', captureFolder()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Phone: Pixel 7, Android 14, security update of 2024-03-05');
    expect(r.out).toMatch(/High \(1\)\n {2}- com\.mxspy is TheTruthSpy, known stalkerware/);
    expect(r.out).toMatch(/Medium \(\d\)\n {2}- com\.renamed\.notes can read your screen/);
    expect(r.out).toContain('What this check cannot see');
    expect(r.flat).toContain('No detection does not mean no spyware');
    expect(r.flat).toContain('Digital Security Helpline');
    expect(r.out).toMatch(/contacts\.\n?$/);
    expect(widest(r.out)).toBeLessThanOrEqual(80);
  });

  it('speaks Russian with no English on the screen (ru)', async () => {
    const r = await cli(['check', 'phone', '--from', captureFolder()], { lang: 'ru' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('com.mxspy — это TheTruthSpy');
    expect(r.out).toContain('Чего эта проверка не видит');
    expect(englishWords(r.out)).toEqual([]);
    expect(widest(r.out)).toBeLessThanOrEqual(80);
  });

  it('reads the same acquisition zipped, and a bug report zip', async () => {
    const folder = captureFolder();
    const files: Record<string, Uint8Array> = {};
    for (const name of ['packages.json', 'getprop.txt', 'dumpsys.txt', 'settings_global.txt', 'settings_secure.txt']) files[`acq/${name}`] = new Uint8Array(readFileSync(path.join(folder, name)));
    const zip = path.join(tempDir(), 'acquisition.zip');
    writeFileSync(zip, zipSync(files));
    const z = await cli(['check', 'phone', zip]);
    expect(z.code).toBe(1);
    expect(z.out).toContain('com.mxspy is TheTruthSpy');

    const name = 'bugreport-panther-2024-05-01.txt';
    const text = bugreportText(PIXEL_PROPS, { accessibility: accessibilityNew([]), package: 'Packages:\n  Package [com.mxspy] (1a):\n    userId=10203\n    pkgFlags=[ HAS_CODE ]\n' });
    const bug = path.join(tempDir(), 'bugreport.zip');
    writeFileSync(bug, zipSync({ 'main_entry.txt': strToU8(name), [name]: strToU8(text) }));
    const b = await cli(['check', 'phone', '--from', bug, '--json']);
    const json = JSON.parse(b.out) as { source: string; findings: { id: string; package: string | null; family: string | null }[] };
    expect(json.source).toBe('bugreport');
    expect(json.findings[0]).toMatchObject({ id: 'stalkerware', package: 'com.mxspy', family: 'TheTruthSpy' });
  });

  it('prints the stable --json shape', async () => {
    const r = await cli(['check', 'phone', '--from', captureFolder(), '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['status', 'source', 'device', 'apps', 'indicators', 'missing', 'findings', 'backups']);
    expect(json).toMatchObject({ status: 'fail', source: 'androidqf', device: { model: 'Pixel 7', android: '14', patch: '2024-03-05' }, apps: 4, backups: [] });
    for (const f of json.findings) expect(Object.keys(f)).toEqual(['id', 'severity', 'package', 'family', 'message', 'fix', 'lessons']);
    expect(json.findings[0]).toMatchObject({ id: 'stalkerware', severity: 'high', package: 'com.mxspy', family: 'TheTruthSpy', lessons: ['is-my-phone-watched'] });
    expect(json.findings.find((f) => f.id === 'accessibility')).toMatchObject({ severity: 'medium', package: 'com.renamed.notes' });
    expect(json.findings.at(-1)).toMatchObject({ id: 'limits', severity: 'info' });
  });

  it('exits 0 for a phone with nothing to act on, still saying what it cannot see', async () => {
    const dir = tempDir();
    put(dir, 'packages.json', packagesJson([APPS[0]!, APPS[1]!]));
    put(dir, 'getprop.txt', getprop({ ...PIXEL_PROPS, 'ro.build.version.security_patch': '2024-04-05' }));
    put(dir, 'dumpsys.txt', `DUMP OF SERVICE accessibility:\n${accessibilityNew([])}\nDUMP OF SERVICE device_policy:\n${devicePolicy([])}\n`);
    put(dir, 'settings_global.txt', settingsList({ adb_enabled: '0' }));
    put(dir, 'settings_secure.txt', settingsList({ enabled_notification_listeners: '' }));
    const r = await cli(['check', 'phone', '--from', dir]);
    expect(r.code).toBe(0);
    expect(r.flat).toContain('No known stalkerware or state spyware among 2 apps');
    expect(r.flat).toContain('No detection does not mean no spyware');
  });

  it('gives input problems one line and exit 2', async () => {
    const missing = await cli(['check', 'phone', '--from', '/nonexistent/capture']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/capture: no such file or folder.');
    const empty = tempDir();
    put(empty, 'notes.txt', 'hello');
    const notCapture = await cli(['check', 'phone', '--from', empty], { lang: 'ru' });
    expect(notCapture.code).toBe(2);
    expect(notCapture.err).toContain('это не выгрузка androidqf и не отчёт об ошибке Android');
    expect((await cli(['check', 'phone', 'a', 'b'])).code).toBe(2);
  });
});

describe('safestep check phone --explain', () => {
  it('names the indicator sets in use, their dates and sizes, and a newer set from a trusted signed pack', async () => {
    const dataDir = tempDir();
    const before = await cli(['check', 'phone', '--explain'], { dataDir });
    expect(before.code).toBe(0);
    expect(before.out).toMatch(/Echap stalkerware-indicators.*as of \d{4}-\d{2}/s);
    expect(before.flat).toContain('built into safestep');
    expect(before.out).toContain('CC-BY 4.0');
    expect(widest(before.out)).toBeLessThanOrEqual(80);

    // An installed pack, signed by a trusted key, carrying indicators/update.json.
    const set = JSON.stringify({ format: 'safestep-phone-indicators', version: 1, id: 'state-spyware', source: 'Trainer update', date: '2099-01-01', families: [{ name: 'NewSpy', type: 'spyware', packages: ['com.newspy.agent'] }] });
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
    const manifest = {
      format: 1,
      id: 'trainer-update',
      name: 'Trainer update',
      created: '2099-01-01T00:00:00.000Z',
      signer: { algorithm: 'ed25519', publicKey },
      lessons: [{ id: 'x-lesson', version: 1, path: 'x-lesson/lesson.yaml' }],
      files: [
        { path: 'indicators/update.json', size: Buffer.byteLength(set), sha256: createHash('sha256').update(set).digest('hex') },
        { path: 'x-lesson/lesson.yaml', size: 2, sha256: createHash('sha256').update('x\n').digest('hex') },
      ],
    };
    put(dataDir, 'packs/trainer-update/pack.json', JSON.stringify({ version: 1, installed: '2099-01-01T00:00:00.000Z', manifest, signature: '00' }));
    put(dataDir, 'packs/trainer-update/lessons/indicators/update.json', set);
    put(dataDir, 'packs/trainer-update/lessons/x-lesson/lesson.yaml', 'x\n');
    const untrusted = await cli(['check', 'phone', '--explain'], { dataDir });
    expect(untrusted.out).not.toContain('Trainer update');
    put(dataDir, 'packs/signers.json', JSON.stringify({ version: 1, signers: [{ publicKey, fingerprint: 'x', added: '2099-01-01T00:00:00.000Z', firstPack: 'trainer-update' }] }));
    const after = await cli(['check', 'phone', '--explain'], { dataDir, lang: 'ru' });
    expect(after.flat).toContain('Trainer update, на 2099-01-01');
    expect(after.flat).toContain('из пакета trainer-update, indicators/update.json');

    // The newer set is used: its package is found in a capture.
    const capture = captureFolder([{ package: 'com.newspy.agent', installer: null, uid: 10300 }]);
    const r = await cli(['check', 'phone', '--from', capture, '--json'], { dataDir });
    expect((JSON.parse(r.out) as { findings: { id: string; family: string | null }[] }).findings[0]).toMatchObject({ id: 'spyware', family: 'NewSpy' });

    // A file changed after signing is refused, and said so.
    put(dataDir, 'packs/trainer-update/lessons/indicators/update.json', set.replace('NewSpy', 'OldSpy'));
    const changed = await cli(['check', 'phone', '--explain'], { dataDir });
    expect(changed.flat).toContain('trainer-update/indicators/update.json is not valid (changed since it was signed)');
  });
});

// --- live, over a fake adb ------------------------------------------------------

const FAKE_ADB = `#!/bin/sh
# A stand-in for adb, replaying a phone's answers from $FAKE_ADB_STATE.
state="$FAKE_ADB_STATE"
count=$(cat "$state/count" 2>/dev/null || echo 0)
count=$((count + 1))
echo "$count" > "$state/count"
if [ "$1" = "devices" ]; then
  echo "List of devices attached"
  cat "$state/devices"
  echo
  exit 0
fi
if [ -f "$state/vanish-after" ] && [ "$count" -gt "$(cat "$state/vanish-after")" ]; then
  echo "error: device '$2' not found" >&2
  exit 1
fi
if [ "$3" = "pull" ]; then
  cp "$state/app.apk" "$5"
  echo "$4: 1 file pulled."
  exit 0
fi
shift 3
if [ "$1" = "stat" ]; then
  wc -c < "$state/app.apk"
  exit 0
fi
key=$(printf '%s_' "$@" | tr -c 'A-Za-z0-9_.-' '_')
if [ -f "$state/answers/$key" ]; then
  cat "$state/answers/$key"
  exit 0
fi
echo "null"
exit 0
`;

function answerKey(args: string): string {
  return `${args.split(' ').join('_')}_`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function fakePhone(devices: string, options: { vanishAfter?: number } = {}): Record<string, string> {
  const bin = tempDir('safestep-fake-adb-');
  put(bin, 'adb', FAKE_ADB, 0o755);
  const state = tempDir('safestep-fake-phone-');
  put(state, 'devices', devices);
  if (options.vanishAfter !== undefined) put(state, 'vanish-after', String(options.vanishAfter));
  put(state, 'app.apk', Buffer.from(buildApk({ v2: signingCert(1) })));
  const answers: Record<string, string> = {
    getprop: getprop({ ...PIXEL_PROPS, 'ro.product.model': 'SM-A505F', 'ro.build.version.release': '11', 'ro.build.version.security_patch': '2024-04-01' }),
    'pm list packages -f -i -U -u': pmList(APPS),
    'pm list packages -s': pmNames(['com.android.settings']),
    'pm list packages -d': '',
    'pm list packages': pmNames(APPS.map((a) => a.package)),
    'dumpsys accessibility': accessibilityNew(['com.renamed.notes/.Reader']),
    'settings get secure enabled_accessibility_services': 'com.renamed.notes/.Reader\n',
    'dumpsys device_policy': devicePolicy([]),
    'appops query-op REQUEST_INSTALL_PACKAGES allow': 'No operations.\n',
    'settings get global adb_enabled': '1\n',
    'settings get global adb_wifi_enabled': '0\n',
    'settings get global development_settings_enabled': '1\n',
    'which su': '',
    'which magisk': '',
  };
  for (const [args, out] of Object.entries(answers)) put(state, `answers/${answerKey(args)}`, out);
  return { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_ADB_STATE: state };
}

const READY = `${SERIAL}\tdevice usb:1-1 product:a50 model:SM_A505F device:a50 transport_id:3\n`;

describe.runIf(posix)('safestep check phone, live over a fake adb', () => {
  it('reads a connected phone, shows progress while reading APKs, and ends with turning debugging off', async () => {
    const r = await cli(['check', 'phone', '--yes'], { env: fakePhone(READY) });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Read over USB from the phone ${SERIAL}`);
    expect(r.out).toContain('Phone: SM-A505F, Android 11');
    expect(r.flat).toContain('com.mxspy is TheTruthSpy');
    expect(r.flat).toContain('Revoke USB debugging authorisations');
    expect(r.err).toContain('Reading the phone: list of apps…');
    expect(r.err).toMatch(/Reading signing certificates: 1 of 3 apps…/);
    expect(widest(r.out)).toBeLessThanOrEqual(80);
  });

  it('at a terminal, goes straight to the read when the phone is ready, saying it only reads', async () => {
    const term = fakeTerminal({ width: 80 });
    const env = { HOME: tempDir(), SAFESTEP_HOME: tempDir(), ...fakePhone(READY) };
    const done = run(['check', 'phone', '--no-certificates'], { io: term.io, lang: 'en', env, paths: { dataDir: env.SAFESTEP_HOME, lessonDirs: [] }, writeErr: () => undefined });
    await term.answer('Have you turned USB debugging off?', 'n', KEY.enter);
    expect(await done).toBe(1);
    const screen = term.screen();
    expect(screen).toContain('This check only reads');
    expect(screen).not.toContain('Press Enter when the phone is connected');
    expect(screen.replace(/\s+/g, ' ')).toContain('Please do it before the phone leaves this table');
  });

  it('says calmly, in one message and exit 2, when the phone is not ready (en and ru)', async () => {
    const unauthorized = await cli(['check', 'phone'], { env: fakePhone(`${SERIAL}\tunauthorized usb:1-1 transport_id:3\n`) });
    expect(unauthorized.code).toBe(2);
    expect(unauthorized.err.replace(/\s+/g, ' ')).toContain('tap “Allow” on “Allow USB debugging?”');
    expect(widest(unauthorized.err)).toBeLessThanOrEqual(80);
    const offline = await cli(['check', 'phone'], { env: fakePhone(`${SERIAL}\toffline\n`), lang: 'ru' });
    expect(offline.code).toBe(2);
    expect(offline.err).toContain('Телефон подключён, но не отвечает');
    const several = await cli(['check', 'phone'], { env: fakePhone(`${READY}emulator-5554\tdevice\n`) });
    expect(several.code).toBe(2);
    expect(several.err.replace(/\s+/g, ' ')).toContain(`Several phones are connected (${SERIAL}, emulator-5554); choose one with --serial.`);
    const none = await cli(['check', 'phone', '--json'], { env: fakePhone('') });
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    const noAdb = await cli(['check', 'phone', '--adb', path.join(tempDir(), 'adb')], { lang: 'ru' });
    expect(noAdb.code).toBe(2);
    expect(noAdb.err).toContain('Не установлена программа adb');
    expect(noAdb.err).toMatch(/Platform-Tools|apt install adb|brew/);
    expect(widest(noAdb.err)).toBeLessThanOrEqual(80);
  });

  it('reports a phone that disconnects mid-run as unknown, never clean', async () => {
    const r = await cli(['check', 'phone', '--no-certificates', '--json'], { env: fakePhone(READY, { vanishAfter: 6 }) });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { status: string; findings: { id: string }[] };
    expect(json.status).not.toBe('pass');
    expect(json.findings.map((f) => f.id)).toContain('disconnected');
    const ru = await cli(['check', 'phone', '--no-certificates'], { env: fakePhone(READY, { vanishAfter: 6 }), lang: 'ru' });
    expect(ru.flat).toContain('Телефон отключился во время проверки');
  });

  it('guides a person at a terminal before and after the read, waiting for the key to be accepted (ru)', async () => {
    const term = fakeTerminal({ width: 80 });
    const phone = fakePhone(`${SERIAL}\tunauthorized usb:1-1 transport_id:3\n`);
    const env = { HOME: tempDir(), SAFESTEP_HOME: tempDir(), ...phone };
    const done = run(['check', 'phone', '--no-certificates'], { io: term.io, lang: 'ru', env, paths: { dataDir: env.SAFESTEP_HOME, lessonDirs: [] }, writeErr: () => undefined });
    await term.answer('Нажмите Enter, когда телефон подключён и разблокирован', KEY.enter);
    await term.waitFor('Попробовать ещё раз?');
    expect(term.screen()).toContain('Телефон ещё не разрешил доступ этому компьютеру');
    // The person taps Allow on the phone, then answers yes.
    put(phone.FAKE_ADB_STATE!, 'devices', READY);
    await new Promise((r) => setTimeout(r, 15));
    term.type(KEY.enter);
    await term.answer('Вы выключили отладку по USB?', 'y', KEY.enter);
    expect(await done).toBe(1);
    const screen = term.screen();
    for (const text of ['Samsung:', 'Xiaomi:', 'Pixel:', 'Разрешить отладку по USB?', 'Проверка только читает', 'Отозвать доступ для отладки по USB', 'com.mxspy — это TheTruthSpy']) expect(screen).toContain(text);
  });
});

describe.runIf(posix)('safestep audit with a phone', () => {
  it('--phone-from puts the phone section in the audit and its report; --phone reads a live phone', async () => {
    const report = path.join(tempDir(), 'audit.md');
    const r = await cli(['audit', '--only', 'git-identity', '--phone-from', captureFolder(), '--report', report]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Phone: something needs your attention');
    expect(r.flat).toContain('com.mxspy is TheTruthSpy');
    const md = readFileSync(report, 'utf8');
    expect(md.replace(/\s+/g, ' ')).toContain('com.mxspy is TheTruthSpy');
    expect(md.replace(/\s+/g, ' ')).toContain('No detection does not mean no spyware');

    const live = await cli(['audit', '--only', 'git-identity', '--phone', '--json'], { env: fakePhone(READY) });
    const json = JSON.parse(live.out) as { checks: { id: string; findings: { message: string }[] }[] };
    expect(json.checks.find((c) => c.id === 'phone')!.findings[0]!.message).toContain('TheTruthSpy');
    expect(live.err).not.toContain('Reading the phone');
    // Without --json the audit says what it is reading, as check phone does: a live read takes minutes.
    const shown = await cli(['audit', '--only', 'git-identity', '--phone'], { env: fakePhone(READY) });
    expect(shown.err).toContain('Reading the phone: list of apps…');
    expect(shown.err).toMatch(/Reading signing certificates: 1 of 3 apps…/);

    // The plain audit never runs adb.
    const phone = fakePhone(READY);
    const plain = await cli(['audit', '--only', 'phone'], { env: phone });
    expect(plain.flat).toContain('No Android phone was checked in this run');
    expect(existsSync(path.join(phone.FAKE_ADB_STATE!, 'count'))).toBe(false);
    expect((await cli(['audit', '--phone-from', '/nonexistent/x'])).code).toBe(2);
  });
});
