// Benchmark of the phone check's offline path (issue 15): builds an androidqf
// acquisition of 300 apps (packages.json with certificates, getprop, a full
// dumpsys with accessibility, device policy, notification, app ops and package
// services, settings) and a bug report of the same phone, then times reading
// and evaluating each against the built-in indicator tables, then the whole
// `safestep check phone --from` command against bare `node -e 0` in the same
// run. The issue's goal is under a second for 300 apps. Always exits 0.
//
// Build first: npx tsc -p tsconfig.build.json   Run: node bench/phone.js [apps]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'dist', 'src', 'phone', 'index.js');
if (!existsSync(lib)) {
  console.log('bench/phone.js: build first (npx tsc -p tsconfig.build.json)');
  process.exit(0);
}
const { readAndroidCapture, evaluatePhone, indicatorIndex } = await import(lib);
const COUNT = Math.max(1, Number(process.argv[2]) || 300);

const hex = (n, len) => n.toString(16).padStart(len, '0').slice(-len).toUpperCase();
const apps = Array.from({ length: COUNT }, (_, i) => ({
  name: i < 120 ? `com.vendor${i}.system.part` : `org.example${i}.app${i % 7}`,
  system: i < 120,
  installer: i < 120 ? 'null' : i % 5 === 0 ? 'com.google.android.packageinstaller' : 'com.android.vending',
  uid: i < 120 ? 1000 + i : 10100 + i,
  sha1: hex(i * 2654435761, 40),
  sha256: hex(i * 40503, 64),
}));
// Two known stalkerware apps, so the matching path is exercised too.
apps[130].name = 'com.systemservice';
apps[131].name = 'com.mxspy';

const packagesJson = JSON.stringify(
  apps.map((a) => ({
    name: a.name,
    files: [{ path: `/data/app/~~x==/${a.name}-y==/base.apk`, certificate: { Md5: '', Sha1: a.sha1, Sha256: a.sha256 } }],
    installer: a.installer,
    uid: a.uid,
    disabled: false,
    system: a.system,
    third_party: !a.system,
  })),
);
const third = apps.filter((a) => !a.system);
const section = (name, body) => `-------------------------------------------------------------------------------\nDUMP OF SERVICE ${name}:\n${body}\n--------- 0.01s was the duration of dumpsys ${name}\n`;
const dumpsys = [
  section('accessibility', `ACCESSIBILITY MANAGER (dumpsys accessibility)\nUser state[\n     Enabled services:{${third.slice(0, 5).map((a) => `{${a.name}/.A11y}`).join(', ')}}\n]`),
  section('device_policy', `Current Device Policy Manager state:\n  Enabled Device Admins (User 0, provisioningState: 3):\n${third.slice(5, 8).map((a) => `    ${a.name}/.Admin:\n      uid=${a.uid}`).join('\n')}\n`),
  section('notification', `  Notification listeners:\n    All notification listeners (3) enabled for current profiles:\n${third.slice(8, 11).map((a) => `      ComponentInfo{${a.name}/.NL}`).join('\n')}\n    Live notification listeners (0):`),
  section('appops', `Current AppOps Service state:\n${apps.map((a) => `  Uid u0a${a.uid - 10000}:\n    state=cch\n    Package ${a.name}:\n      WAKE_LOCK (allow):\n      REQUEST_INSTALL_PACKAGES (${a.uid % 9 === 0 ? 'allow' : 'default'}):`).join('\n')}`),
  section(
    'package',
    `Packages:\n${apps.map((a) => `  Package [${a.name}] (abc):\n    userId=${a.uid}\n    codePath=/data/app/${a.name}\n${a.installer === 'null' ? '' : `    installerPackageName=${a.installer}\n`}    pkgFlags=[ ${a.system ? 'SYSTEM ' : ''}HAS_CODE ]\n    User 0: ceDataInode=1 installed=true hidden=false enabled=0\n${'    filler line for realistic size=1\n'.repeat(40)}`).join('')}`,
  ),
  section('batterystats', 'x'.repeat(4_000_000)),
].join('');
const props = '[ro.product.model]: [Pixel 7]\n[ro.build.version.release]: [14]\n[ro.build.version.sdk]: [34]\n[ro.build.version.security_patch]: [2024-03-05]\n';

const dir = await mkdtemp(join(tmpdir(), 'safestep-bench-phone-'));
try {
  await writeFile(join(dir, 'packages.json'), packagesJson);
  await writeFile(join(dir, 'getprop.txt'), props);
  await writeFile(join(dir, 'dumpsys.txt'), dumpsys);
  await writeFile(join(dir, 'settings_global.txt'), 'adb_enabled=1\ndevelopment_settings_enabled=1\n');
  await writeFile(join(dir, 'settings_secure.txt'), 'accessibility_enabled=1\n');
  await writeFile(join(dir, 'root_binaries.json'), '[]');
  const bugName = 'bugreport-bench.txt';
  const bugText = `== dumpstate: 2024-05-01\n------ SYSTEM PROPERTIES (getprop) ------\n${props}------ 0.1s ------\n------ DUMPSYS (/system/bin/dumpsys) ------\n${dumpsys}`;
  const bugZip = join(dir, '..', `${dir.split('/').pop()}-bugreport.zip`);
  await writeFile(bugZip, zipSync({ 'main_entry.txt': strToU8(bugName), [bugName]: strToU8(bugText) }));

  const index = indicatorIndex();
  const now = new Date('2024-05-01T00:00:00Z');
  const time = async (label, target) => {
    const runs = [];
    let verdict;
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const result = await readAndroidCapture(target);
      if (!result.ok) throw new Error(`${label}: ${result.problem}`);
      verdict = evaluatePhone({ android: result.data }, { now, indicators: index });
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)];
    console.log(`phone ${label}: ${COUNT} apps, ${(dumpsys.length / 1e6).toFixed(1)} MB dumpsys, median ${median.toFixed(0)} ms (read + evaluate), ${verdict.findings.length} findings, status ${verdict.status}`);
  };
  await time('androidqf folder', dir);
  await time('bug report zip', bugZip);
  await rm(bugZip, { force: true });

  // The whole command as a person runs it, against bare Node started the same way in the same run.
  const bin = join(root, 'bin', 'safestep.js');
  if (existsSync(join(root, 'dist', 'bundle'))) {
    const env = { ...process.env, NO_COLOR: '1', SAFESTEP_HOME: await mkdtemp(join(tmpdir(), 'safestep-bench-phone-home-')) };
    const spawnTime = (args) => {
      const start = performance.now();
      const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      // 1: findings (the capture holds stalkerware); anything else is a broken run.
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      return performance.now() - start;
    };
    const median = (args) => {
      spawnTime(args);
      const runs = Array.from({ length: 9 }, () => spawnTime(args)).sort((a, b) => a - b);
      return runs[4];
    };
    const bare = median(['-e', '0']);
    const cli = median([bin, 'check', 'phone', '--from', dir, '--json']);
    const ratio = cli / bare;
    console.log(`node -e 0 (baseline): ${bare.toFixed(0)} ms`);
    console.log(`safestep check phone --from (${COUNT} apps): ${cli.toFixed(0)} ms, ${ratio.toFixed(1)}x bare node (target <= 6x) ${ratio <= 6 ? 'ok' : 'OVER'}`);
    await rm(env.SAFESTEP_HOME, { recursive: true, force: true });
  } else {
    console.log('bench/phone.js: npm run build for the command timing');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
