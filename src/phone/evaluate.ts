// Judgement, kept pure: gathered phone data and indicator tables in, a status
// and findings out. No I/O and no clock: "now" is passed in, so the same data
// always gives the same verdict. Apps with powerful access are named, never
// accused; whatever could not be read makes the verdict partial, never clean;
// and the closing finding always says what this check cannot see.
import type { CheckStatus, Finding, Severity } from '../check-kit/types.js';
import { stripUnsafe } from '../sanitize.js';
import type { IndicatorIndex, IndicatorMatch } from './indicators.js';
import { notReadKey, type PhoneMessageKey } from './messages.js';
import { packageOf, unique } from './text.js';
import type { AndroidApp, AndroidData, AndroidPart, IosData } from './types.js';

export const LESSON_WATCHED = 'is-my-phone-watched';
export const LESSON_BORDER = 'border-phone-inspection';

export interface PhoneFinding extends Finding {
  message: PhoneMessageKey;
  fix?: PhoneMessageKey;
  /** The app the finding is about. */
  package?: string;
  label?: string;
  /** Indicator family (stalkerware, spyware…) the app matched. */
  family?: string;
}

export interface PhoneResult {
  status: CheckStatus;
  findings: PhoneFinding[];
}

export interface PhoneInput {
  android?: AndroidData;
  ios?: IosData;
}

export interface EvaluateOptions {
  now: Date;
  indicators: IndicatorIndex;
  /** A security patch older than this many months is reported (default 3). */
  patchMonths?: number;
}

/** Installers that are app stores (or restore an app from one). */
export const STORES: ReadonlySet<string> = new Set([
  'com.android.vending',
  'com.google.android.feedback',
  'org.fdroid.fdroid',
  'org.fdroid.basic',
  'com.aurora.store',
  'com.sec.android.app.samsungapps',
  'com.huawei.appmarket',
  'com.xiaomi.market',
  'com.xiaomi.mipicks',
  'com.miui.packageinstaller.market',
  'com.heytap.market',
  'com.oppo.market',
  'com.bbk.appstore',
  'com.amazon.venezia',
  'ru.vk.store',
  'com.sec.android.easyMover',
]);

/** The system's installer screen: the app came from a downloaded file. */
const FILE_INSTALLERS: ReadonlySet<string> = new Set([
  'com.google.android.packageinstaller',
  'com.android.packageinstaller',
  'com.samsung.android.packageinstaller',
  'com.miui.packageinstaller',
]);

/** Parts without which the verdict cannot be clean. */
const CORE_PARTS: ReadonlySet<AndroidPart> = new Set(['device', 'packages', 'accessibility', 'device-admins', 'notification-listeners', 'settings', 'certificates']);

const WATCHED = [LESSON_WATCHED];
const BOTH = [LESSON_WATCHED, LESSON_BORDER];

interface AppRef {
  package: string;
  label?: string;
}

function appData(app: AppRef): Record<string, string> {
  // Labels come from the phone: no escape sequence or bidi override reaches a screen or report.
  const label = app.label ? stripUnsafe(app.label).trim().slice(0, 80) : '';
  return { app: label ? `${label} (${app.package})` : app.package, package: app.package };
}

function finding(message: PhoneMessageKey, severity: Severity, lessons: string[], extra: Partial<PhoneFinding> = {}): PhoneFinding {
  return { message, severity, lessons, ...extra };
}

function appFinding(app: AppRef, message: PhoneMessageKey, severity: Severity, fix: PhoneMessageKey, lessons: string[], data: Record<string, string | number> = {}): PhoneFinding {
  return finding(message, severity, lessons, {
    fix,
    package: app.package,
    ...(app.label ? { label: app.label } : {}),
    data: { ...appData(app), ...data },
  });
}

const FAMILY_MESSAGE = {
  stalkerware: ['stalkerware', 'fixStalkerware', WATCHED],
  watchware: ['watchware', 'fixWatchware', WATCHED],
  spyware: ['spyware', 'fixSpyware', BOTH],
  forensic: ['forensic', 'fixForensic', BOTH],
} as const satisfies Record<string, readonly [PhoneMessageKey, PhoneMessageKey, string[]]>;

function indicatorFindings(app: AndroidApp, index: IndicatorIndex): PhoneFinding[] {
  const matches = new Map<string, { match: IndicatorMatch; via: Set<string> }>();
  const note = (list: readonly IndicatorMatch[], via: string): void => {
    for (const m of list) {
      const key = `${m.set.id}\u0000${m.family.name}`;
      const entry = matches.get(key) ?? { match: m, via: new Set<string>() };
      entry.via.add(via);
      matches.set(key, entry);
    }
  };
  note(index.byPackage(app.package), 'package');
  for (const fp of [...(app.certSha1 ?? []), ...(app.certSha256 ?? [])]) note(index.byCertificate(fp), 'certificate');
  const out: PhoneFinding[] = [];
  for (const { match, via } of matches.values()) {
    const [message, fix, lessons] = FAMILY_MESSAGE[match.family.type];
    out.push({
      ...appFinding(app, message, 'high', fix, [...lessons], {
        family: match.family.name,
        source: match.family.source ?? match.set.url ?? match.set.source,
        date: match.family.date ?? match.set.date,
        via: [...via].sort().join('+'),
        ...(app.installed === false ? { installed: 'no' } : {}),
      }),
      family: match.family.name,
    });
  }
  return out;
}

/** Whole months between a YYYY-MM-DD date and now (0 when in the future). */
export function monthsSince(date: string, now: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  let months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - mo);
  if (now.getUTCDate() < d) months--;
  return Math.max(0, months);
}

function evaluateAndroid(data: AndroidData, options: EvaluateOptions): PhoneFinding[] {
  const findings: PhoneFinding[] = [];
  const apps = new Map(data.apps.map((a) => [a.package, a]));
  const ref = (pkg: string): AppRef => {
    const app = apps.get(pkg);
    return app?.label ? { package: pkg, label: app.label } : { package: pkg };
  };
  // Unknown apps (not in the list) count as third-party: a system app is proven, not assumed.
  const thirdParty = (pkg: string): boolean => apps.get(pkg)?.system !== true;

  let matched = false;
  for (const app of data.apps) {
    const found = indicatorFindings(app, options.indicators);
    if (found.length) matched = true;
    findings.push(...found);
  }

  const powerful = new Set<string>();
  const byPackage = (components: readonly string[] | undefined): string[] => unique((components ?? []).map(packageOf)).filter(thirdParty);
  for (const pkg of byPackage(data.accessibility)) {
    powerful.add(pkg);
    findings.push(appFinding(ref(pkg), 'accessibility', 'medium', 'fixAccessibility', WATCHED));
  }
  for (const pkg of byPackage(data.deviceAdmins)) {
    powerful.add(pkg);
    findings.push(appFinding(ref(pkg), 'deviceAdmin', 'medium', 'fixDeviceAdmin', WATCHED));
  }
  if (data.deviceOwner && thirdParty(data.deviceOwner)) {
    powerful.add(data.deviceOwner);
    findings.push(appFinding(ref(data.deviceOwner), 'deviceOwner', 'medium', 'fixDeviceOwner', WATCHED));
  }
  for (const pkg of byPackage(data.notificationListeners)) {
    powerful.add(pkg);
    findings.push(appFinding(ref(pkg), 'notificationListener', 'medium', 'fixNotificationListener', WATCHED));
  }
  for (const pkg of unique(data.installAllowed ?? []).filter((p) => thirdParty(p) && !STORES.has(p))) {
    findings.push(appFinding(ref(pkg), 'installApps', 'medium', 'fixInstallApps', WATCHED));
  }

  for (const app of data.apps) {
    if (app.system !== false || app.installed === false) continue;
    const installer = app.installer;
    if (installer === '' || installer === 'com.android.shell') {
      findings.push(appFinding(app, 'sideloadedNoInstaller', 'low', 'fixSideloaded', WATCHED));
    } else if (installer !== undefined && FILE_INSTALLERS.has(installer)) {
      findings.push(appFinding(app, 'sideloadedFile', 'low', 'fixSideloaded', WATCHED));
    } else if (installer !== undefined && !STORES.has(installer)) {
      // Only stores, device managers and droppers install apps themselves.
      findings.push(appFinding(app, 'sideloaded', 'medium', 'fixSideloaded', WATCHED, { installer }));
    }
    if (app.launcher === false && app.disabled !== true) {
      findings.push(appFinding(app, 'hidden', powerful.has(app.package) ? 'medium' : 'low', 'fixHidden', WATCHED));
    }
  }

  const s = data.settings;
  if (s?.adbWifiEnabled) findings.push(finding('adbWifi', 'medium', BOTH, { fix: 'fixAdbWifi' }));
  if (s?.adbEnabled) findings.push(finding('adbEnabled', 'low', BOTH, { fix: 'fixAdb' }));
  if (s?.developmentSettings) findings.push(finding('devOptions', 'low', WATCHED, { fix: 'fixDevOptions' }));
  // Before Android 8 one switch allowed every app to install others; from 8 on the key is obsolete (and often stays 1).
  if (s?.unknownSources && data.device.sdk !== undefined && data.device.sdk < 26) {
    findings.push(finding('unknownSources', 'medium', WATCHED, { fix: 'fixUnknownSources' }));
  }

  const signs = [...(data.root?.binaries ?? []), ...(data.root?.packages ?? [])];
  if (signs.length > 0) findings.push(finding('rooted', 'medium', WATCHED, { fix: 'fixRooted', data: { signs: stripUnsafe(signs.slice(0, 6).join(', ')) } }));

  const patchMonths = options.patchMonths ?? 3;
  if (data.device.patch) {
    const months = monthsSince(data.device.patch, options.now);
    if (months !== undefined && months >= patchMonths) {
      findings.push(finding('patchOld', 'medium', WATCHED, { fix: 'fixPatch', data: { patch: data.device.patch, count: months } }));
    }
  } else if (!data.missing.includes('device')) {
    findings.push(finding('patchUnknown', 'info', WATCHED));
  }

  if (data.disconnected) findings.push(finding('disconnected', 'medium', WATCHED, { fix: 'fixDisconnected' }));
  const partial = data.missing.some((p) => CORE_PARTS.has(p));
  if (data.apps.length === 0) findings.push(finding('noPackages', 'medium', WATCHED));
  else if (partial && !data.disconnected) findings.push(finding('partial', 'low', WATCHED));
  if (data.certificatesSkipped) findings.push(finding('certificatesSkipped', 'low', WATCHED, { data: { count: data.certificatesSkipped } }));
  for (const part of data.missing) {
    // The count of apps checked by name only already says it, more precisely.
    if (part === 'certificates' && data.certificatesSkipped) continue;
    const reason = data.problems.find((p) => p.part === part)?.reason ?? '';
    findings.push(finding(notReadKey(part), 'info', WATCHED, { data: { part, reason } }));
  }
  if (!matched && data.apps.length > 0) {
    findings.push(finding('noDetection', 'info', WATCHED, { data: { count: data.apps.length, date: options.indicators.summary().date } }));
  }
  return findings;
}

function evaluateIos(data: IosData): PhoneFinding[] {
  const findings: PhoneFinding[] = [];
  for (const b of data.backups) {
    const common = { device: b.deviceName ?? '…', date: b.date ? b.date.slice(0, 10) : '…' };
    if (b.encrypted === false) {
      findings.push(finding('iosBackupUnencrypted', 'high', BOTH, { fix: 'fixIosBackup', path: b.path, data: common }));
    } else if (b.encrypted === true) {
      findings.push(finding('iosBackupEncrypted', 'info', BOTH, { path: b.path, data: common }));
    } else {
      findings.push(finding('iosBackupUnknown', 'low', BOTH, { fix: 'fixIosBackup', path: b.path, data: { ...common, problem: b.problem ?? '…' } }));
    }
  }
  // Where there is no usual folder to look in (Linux), say so rather than "none found".
  if (data.backups.length === 0) findings.push(finding(data.searched.length === 0 ? 'iosNoPlaces' : 'iosNoBackups', 'info', BOTH));
  findings.push(finding('iosManual', 'info', BOTH));
  return findings;
}

const RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2, info: 3 };

/** Findings and status for whatever was gathered: an Android phone, iPhone backups, or both. */
export function evaluatePhone(input: PhoneInput, options: EvaluateOptions): PhoneResult {
  const android = input.android ? evaluateAndroid(input.android, options) : [];
  const ios = input.ios ? evaluateIos(input.ios) : [];
  // Grouped by what to do: most serious first, the order within a severity kept.
  const findings = [...android, ...ios].map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map((x) => x.f);
  if (input.android || input.ios) findings.push(finding('limits', 'info', BOTH));

  let status: CheckStatus;
  if (findings.some((f) => f.severity === 'high')) status = 'fail';
  else if (input.android && input.android.apps.length === 0) status = 'error';
  else if (findings.some((f) => f.severity === 'medium' || f.severity === 'low')) status = 'warn';
  else if (input.android && (input.android.disconnected || input.android.missing.some((p) => CORE_PARTS.has(p)))) status = 'warn';
  else if (!input.android && (!input.ios || input.ios.searched.length === 0)) status = 'not-applicable';
  else status = 'pass';
  return { status, findings };
}
