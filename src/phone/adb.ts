// A live Android phone over adb, read only. Every command goes through the
// injected CommandRunner (no shell on this computer, a timeout on each call)
// and is one of a fixed list of reading commands: nothing is installed on the
// phone, no setting is changed, no personal data (messages, photos, contacts,
// notification texts) is copied. APKs are copied one at a time into a private
// temporary folder to read their signing certificate, and deleted at once.
//
// A phone that disconnects, or a command that fails, never yields a clean
// result: the parts not read are listed in `missing`.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandResult, CommandRunner } from '../check-kit/types.js';
import { apkCertificates } from './apk.js';
import { AndroidBuilder } from './assemble.js';
import { Budget, MetaError, openSource } from './files.js';
import { parseAccessibility, parseDevicePolicy, parseLauncherActivities, parseQueryOp } from './parse/dumpsys.js';
import { parseGetprop } from './parse/getprop.js';
import { parsePmList, parsePmNames } from './parse/packages.js';
import { binaryPaths } from './parse/root.js';
import { componentList, lines, unique } from './text.js';
import type { AndroidApp, AndroidData, AndroidPart } from './types.js';

export interface AdbDevice {
  serial: string;
  /** device, unauthorized, offline, no permissions, recovery, sideload, … */
  state: string;
  model?: string;
  product?: string;
}

/** `adb devices -l`: "SERIAL  device usb:1-1 product:x model:Pixel_7 device:y transport_id:3". */
export function parseAdbDevices(stdout: string): AdbDevice[] {
  const out: AdbDevice[] = [];
  for (const line of lines(stdout)) {
    if (!line.trim() || line.startsWith('List of devices') || line.startsWith('*')) continue;
    const m = /^(\S{1,128})\s+(no permissions|unauthorized|offline|device|recovery|sideload|bootloader|host|authorizing|connecting|unknown)\b(.*)$/.exec(line.trim());
    if (!m) continue;
    const device: AdbDevice = { serial: m[1] ?? '', state: m[2] ?? 'unknown' };
    const model = /\bmodel:(\S{1,64})/.exec(m[3] ?? '')?.[1];
    const product = /\bproduct:(\S{1,64})/.exec(m[3] ?? '')?.[1];
    if (model) device.model = model.replace(/_/g, ' ');
    if (product) device.product = product;
    out.push(device);
  }
  return out;
}

export type PickProblem = 'no-adb' | 'adb-failed' | 'none' | 'unauthorized' | 'offline' | 'no-permissions' | 'several' | 'not-found';

export type DevicePick = { ok: true; device: AdbDevice } | { ok: false; problem: PickProblem; devices: AdbDevice[] };

export interface AdbOptions {
  /** The adb program (a path, or "adb" from PATH). */
  adb?: string;
  /** Which phone, when several are connected. */
  serial?: string;
  /** Timeout of each command, in ms. */
  commandTimeoutMs?: number;
}

function stateProblem(state: string): PickProblem | null {
  if (state === 'device') return null;
  if (state === 'unauthorized' || state === 'authorizing') return 'unauthorized';
  if (state === 'no permissions') return 'no-permissions';
  return 'offline';
}

/** Which phone to read: exactly one ready device, or the one named by `serial`. */
export async function pickDevice(run: CommandRunner, options: AdbOptions = {}): Promise<DevicePick> {
  const adb = options.adb ?? 'adb';
  const result = await run(adb, ['devices', '-l'], { timeoutMs: options.commandTimeoutMs ?? 15_000 });
  if (result.notFound) return { ok: false, problem: 'no-adb', devices: [] };
  if (result.timedOut || result.code !== 0) return { ok: false, problem: 'adb-failed', devices: [] };
  const devices = parseAdbDevices(result.stdout);
  if (options.serial !== undefined) {
    const device = devices.find((d) => d.serial === options.serial);
    if (!device) return { ok: false, problem: 'not-found', devices };
    const problem = stateProblem(device.state);
    return problem ? { ok: false, problem, devices } : { ok: true, device };
  }
  if (devices.length === 0) return { ok: false, problem: 'none', devices };
  if (devices.length > 1) return { ok: false, problem: 'several', devices };
  const only = devices[0] as AdbDevice;
  const problem = stateProblem(only.state);
  return problem ? { ok: false, problem, devices } : { ok: true, device: only };
}

export interface LiveOptions extends AdbOptions {
  serial: string;
  /** Compute signing certificates of third-party apps (copies each APK briefly). */
  certificates?: boolean;
  /** Largest APK copied. */
  maxApkBytes?: number;
  /** Time for one APK (copy and read). */
  apkTimeoutMs?: number;
  /** Time for all APKs together. */
  totalApkMs?: number;
  /** Where the private temporary folder is made (default: the system's). */
  tempDir?: string;
  /** Called as parts are read, for a progress line. */
  onProgress?: (step: AndroidPart, done?: number, total?: number) => void;
}

export const DEFAULT_LIVE = {
  commandTimeoutMs: 30_000,
  maxApkBytes: 200 * 1024 * 1024,
  apkTimeoutMs: 60_000,
  totalApkMs: 10 * 60_000,
} as const;

const DISCONNECTED = /(?:adb: )?error: (?:device (?:'[^']*' )?not found|no devices\/emulators found|device offline|device unauthorized|closed|protocol fault)|device '[^']*' not found/i;

/** APK paths we pass to the phone's shell: only the characters package paths use. */
const APK_PATH = /^\/(?:data|mnt|system|product|vendor|system_ext|apex)\/[A-Za-z0-9._~=+,@\-/]{1,1000}\.apk$/;

class Session {
  disconnected = false;

  constructor(
    private readonly run: CommandRunner,
    private readonly adb: string,
    private readonly serial: string,
    private readonly timeoutMs: number,
  ) {}

  async shell(args: readonly string[], timeoutMs = this.timeoutMs): Promise<CommandResult | null> {
    if (this.disconnected) return null;
    const result = await this.run(this.adb, ['-s', this.serial, 'shell', ...args], { timeoutMs });
    if (result.notFound || DISCONNECTED.test(result.stderr) || DISCONNECTED.test(result.stdout.slice(0, 512))) {
      this.disconnected = true;
      return null;
    }
    return result;
  }

  async pull(remote: string, local: string, timeoutMs: number): Promise<CommandResult | null> {
    if (this.disconnected) return null;
    const result = await this.run(this.adb, ['-s', this.serial, 'pull', remote, local], { timeoutMs });
    if (result.notFound || DISCONNECTED.test(result.stderr)) {
      this.disconnected = true;
      return null;
    }
    return result;
  }
}

const ok = (r: CommandResult | null): r is CommandResult => r !== null && !r.timedOut;

function why(r: CommandResult | null, session: Session): string {
  if (session.disconnected) return 'the phone disconnected';
  if (r?.timedOut) return 'timed out';
  return 'the command failed';
}

/** `settings get NAMESPACE KEY`: the value, '' when unset ("null"), undefined when unreadable. */
async function settingValue(session: Session, ns: 'global' | 'secure', key: string): Promise<string | undefined> {
  const r = await session.shell(['settings', 'get', ns, key]);
  if (!ok(r) || r.code !== 0) return undefined;
  const value = r.stdout.trim();
  if (/^(Error|Exception|usage:)/i.test(value) || value.includes('\n')) return undefined;
  return value === 'null' ? '' : value;
}

async function readPackages(session: Session, builder: AndroidBuilder): Promise<void> {
  const variants = [
    ['pm', 'list', 'packages', '-f', '-i', '-U', '-u'],
    // Some older Samsung builds refuse to list other users' packages without this.
    ['pm', 'list', 'packages', '-f', '-i', '-U', '-u', '--user', '0'],
    // Before Android 8 there is no -U; some builds have no -i either.
    ['pm', 'list', 'packages', '-f', '-i', '-u'],
    ['pm', 'list', 'packages', '-f', '-u'],
  ];
  let apps: AndroidApp[] = [];
  let last: CommandResult | null = null;
  let usedUninstalled = false;
  for (const args of variants) {
    last = await session.shell(args);
    if (!ok(last)) break;
    apps = parsePmList(last.stdout);
    if (apps.length > 0) {
      usedUninstalled = args.includes('-u');
      break;
    }
  }
  if (apps.length === 0) {
    builder.miss('packages', why(last, session));
    return;
  }
  const system = await session.shell(['pm', 'list', 'packages', '-s']);
  const disabled = await session.shell(['pm', 'list', 'packages', '-d']);
  const installed = await session.shell(['pm', 'list', 'packages']);
  const systemSet = ok(system) && system.stdout.includes('package:') ? parsePmNames(system.stdout) : null;
  const disabledSet = ok(disabled) && disabled.code === 0 ? parsePmNames(disabled.stdout) : null;
  const installedSet = ok(installed) && installed.stdout.includes('package:') ? parsePmNames(installed.stdout) : null;
  for (const app of apps) {
    if (systemSet) app.system = systemSet.has(app.package);
    if (disabledSet) app.disabled = disabledSet.has(app.package);
    if (installedSet && usedUninstalled) app.installed = installedSet.has(app.package);
  }
  builder.apps(apps, true);
  if (!systemSet || !disabledSet || !installedSet) builder.miss('package-flags', session.disconnected ? 'the phone disconnected' : 'the command failed');
}

async function readCertificates(session: Session, builder: AndroidBuilder, options: LiveOptions): Promise<void> {
  const maxBytes = options.maxApkBytes ?? DEFAULT_LIVE.maxApkBytes;
  const perApp = options.apkTimeoutMs ?? DEFAULT_LIVE.apkTimeoutMs;
  const deadline = performance.now() + (options.totalApkMs ?? DEFAULT_LIVE.totalApkMs);
  const targets = builder.data.apps.filter((a) => a.system === false && a.installed !== false && a.paths?.some((p) => APK_PATH.test(p)));
  const reasons = new Map<string, number>();
  const skip = (reason: string): void => {
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  };
  const dir = await mkdtemp(path.join(options.tempDir ?? tmpdir(), 'safestep-apk-'));
  try {
    for (let i = 0; i < targets.length; i++) {
      const app = targets[i] as AndroidApp;
      options.onProgress?.('certificates', i, targets.length);
      const remote = app.paths?.find((p) => APK_PATH.test(p)) ?? '';
      const left = deadline - performance.now();
      if (session.disconnected) {
        skip('the phone disconnected');
        continue;
      }
      if (left <= 0) {
        skip('out of time');
        continue;
      }
      const size = await session.shell(['stat', '-c', '%s', remote]);
      const bytes = ok(size) && /^\d+\s*$/.test(size.stdout) ? Number(size.stdout.trim()) : undefined;
      if (bytes !== undefined && bytes > maxBytes) {
        skip('too large');
        continue;
      }
      const local = path.join(dir, `${i}.apk`);
      try {
        const pulled = await session.pull(remote, local, Math.min(perApp, left));
        if (!ok(pulled) || pulled.code !== 0) {
          skip(session.disconnected ? 'the phone disconnected' : pulled?.timedOut ? 'out of time' : 'could not be copied');
          continue;
        }
        await chmod(local, 0o600).catch(() => undefined);
        const { source, close } = await openSource(local, new Budget(maxBytes, perApp));
        try {
          if (source.size > maxBytes) {
            skip('too large');
            continue;
          }
          const certs = await apkCertificates(source);
          if (certs.sha1.length === 0) {
            skip('no signature found');
            continue;
          }
          app.certSha1 = certs.sha1;
          app.certSha256 = certs.sha256;
        } finally {
          close();
        }
      } catch (e) {
        skip(e instanceof MetaError ? (e.code === 'timeout' ? 'out of time' : 'unreadable APK') : 'could not be copied');
      } finally {
        await rm(local, { force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const skipped = [...reasons.values()].reduce((a, b) => a + b, 0);
  if (skipped > 0) {
    builder.data.certificatesSkipped = skipped;
    builder.miss('certificates', [...reasons].map(([r, n]) => `${n}: ${r}`).join(', '));
  }
}

/** Reads a phone that `pickDevice` chose. Never throws for what the phone does; partial reads are listed in `missing`. */
export async function acquireAndroid(run: CommandRunner, options: LiveOptions): Promise<AndroidData> {
  const session = new Session(run, options.adb ?? 'adb', options.serial, options.commandTimeoutMs ?? DEFAULT_LIVE.commandTimeoutMs);
  const builder = new AndroidBuilder('adb');
  const progress = options.onProgress ?? ((): void => undefined);

  progress('device');
  const props = await session.shell(['getprop']);
  if (ok(props) && props.code === 0) builder.props(parseGetprop(props.stdout));
  else builder.miss('device', why(props, session));

  progress('packages');
  await readPackages(session, builder);

  progress('accessibility');
  const a11y = await session.shell(['dumpsys', 'accessibility']);
  const a11yServices = await settingValue(session, 'secure', 'enabled_accessibility_services');
  const a11yParsed = ok(a11y) ? parseAccessibility(a11y.stdout) : undefined;
  if (a11yParsed !== undefined || a11yServices !== undefined) {
    builder.data.accessibility = unique([...(a11yParsed ?? []), ...componentList(a11yServices ?? '')]);
  } else builder.miss('accessibility', why(a11y, session));

  progress('device-admins');
  const policy = await session.shell(['dumpsys', 'device_policy']);
  const parsedPolicy = ok(policy) ? parseDevicePolicy(policy.stdout) : undefined;
  if (parsedPolicy) {
    builder.data.deviceAdmins = parsedPolicy.admins;
    if (parsedPolicy.owner) builder.data.deviceOwner = parsedPolicy.owner;
  } else builder.miss('device-admins', why(policy, session));

  progress('notification-listeners');
  // The settings key, not `dumpsys notification`: the dump would carry notification texts.
  const listeners = await settingValue(session, 'secure', 'enabled_notification_listeners');
  if (listeners !== undefined) builder.data.notificationListeners = componentList(listeners);
  else builder.miss('notification-listeners', session.disconnected ? 'the phone disconnected' : 'the command failed');

  progress('install-permission');
  let grants: string[] | undefined;
  for (const prefix of [['appops'], ['cmd', 'appops']]) {
    const r = await session.shell([...prefix, 'query-op', 'REQUEST_INSTALL_PACKAGES', 'allow']);
    grants = ok(r) ? parseQueryOp(r.stdout) : undefined;
    if (grants !== undefined || session.disconnected) break;
  }
  if (grants !== undefined) builder.installGrants(grants, []);
  else builder.miss('install-permission', session.disconnected ? 'the phone disconnected' : 'the command failed');

  progress('settings');
  const global = new Map<string, string>();
  const secure = new Map<string, string>();
  let settingsRead = 0;
  for (const key of ['adb_enabled', 'adb_wifi_enabled', 'development_settings_enabled'] as const) {
    const value = await settingValue(session, 'global', key);
    if (value === undefined) continue;
    settingsRead++;
    if (value !== '') global.set(key, value);
  }
  const unknownSources = await settingValue(session, 'secure', 'install_non_market_apps');
  if (unknownSources) secure.set('install_non_market_apps', unknownSources);
  if (settingsRead === 3) builder.settings({ global, secure });
  else builder.miss('settings', session.disconnected ? 'the phone disconnected' : 'the command failed');

  progress('root');
  const found: string[] = [];
  let rootRead = true;
  for (const binary of ['su', 'magisk']) {
    const r = await session.shell(['which', binary]);
    if (!ok(r)) rootRead = false;
    else found.push(...binaryPaths(r.stdout));
  }
  if (rootRead) builder.root(found);
  else builder.miss('root', session.disconnected ? 'the phone disconnected' : 'the command failed');

  progress('launcher');
  let launchers: Set<string> | undefined;
  for (const prefix of [['cmd', 'package'], ['pm']]) {
    const r = await session.shell([...prefix, 'query-activities', '--brief', '-a', 'android.intent.action.MAIN', '-c', 'android.intent.category.LAUNCHER']);
    launchers = ok(r) ? parseLauncherActivities(r.stdout) : undefined;
    if (launchers !== undefined || session.disconnected) break;
  }
  if (launchers) for (const app of builder.data.apps) app.launcher = launchers.has(app.package);

  if (options.certificates !== false && builder.data.apps.length > 0) {
    progress('certificates');
    try {
      await readCertificates(session, builder, options);
    } catch {
      // Only this computer can fail here (no private temporary folder): say so, go on.
      builder.miss('certificates', 'no temporary folder for the APK copies');
    }
  } else if (options.certificates === false) {
    builder.miss('certificates', 'not asked for');
  }

  if (session.disconnected) builder.data.disconnected = true;
  return builder.finish();
}
