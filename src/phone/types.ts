// What the phone check gathers, as plain data: from a live Android phone over
// adb, from an androidqf acquisition or a bug report, and from the iPhone
// backups found on this computer. `undefined` always means "could not be
// read", never "none": the evaluation turns unknowns into a partial verdict.

/** Parts of an Android phone the check tries to read; a part that failed is listed in `missing`. */
export type AndroidPart =
  | 'device'
  | 'packages'
  | 'package-flags'
  | 'accessibility'
  | 'device-admins'
  | 'notification-listeners'
  | 'install-permission'
  | 'settings'
  | 'root'
  | 'launcher'
  | 'certificates';

export const ANDROID_PARTS: readonly AndroidPart[] = [
  'device',
  'packages',
  'package-flags',
  'accessibility',
  'device-admins',
  'notification-listeners',
  'install-permission',
  'settings',
  'root',
  'launcher',
  'certificates',
];

export type AndroidSource = 'adb' | 'androidqf' | 'bugreport';

export interface AndroidApp {
  /** Package name (application id). */
  package: string;
  /** A label when the source gives one (none of ours does today; kept for the report). */
  label?: string;
  uid?: number;
  /**
   * Who installed it: a store's package name, '' when the system recorded no
   * installer (adb, some sideloads, preinstalled apps), undefined when unknown.
   */
  installer?: string;
  system?: boolean;
  disabled?: boolean;
  /** False when the app is uninstalled for this user but its data is kept (pm -u). */
  installed?: boolean;
  /** APK paths on the phone. */
  paths?: string[];
  /** Signing-certificate fingerprints, upper-case hex. */
  certSha1?: string[];
  certSha256?: string[];
  /** Has an activity the launcher shows; undefined when not known. */
  launcher?: boolean;
}

export interface AndroidDevice {
  model?: string;
  manufacturer?: string;
  brand?: string;
  /** ro.build.version.release, e.g. "14". */
  android?: string;
  sdk?: number;
  /** ro.build.version.security_patch, YYYY-MM-DD. */
  patch?: string;
}

export interface AndroidSettings {
  adbEnabled?: boolean;
  adbWifiEnabled?: boolean;
  developmentSettings?: boolean;
  /** install_non_market_apps (before Android 8, one switch for all apps). */
  unknownSources?: boolean;
}

export interface RootSigns {
  /** su, magisk and similar binaries found on the phone. */
  binaries: string[];
  /** Root-manager packages installed (Magisk, SuperSU…). */
  packages: string[];
}

export interface AndroidData {
  kind: 'android';
  source: AndroidSource;
  device: AndroidDevice;
  apps: AndroidApp[];
  /** Enabled accessibility services as "package/class" components. */
  accessibility?: string[];
  /** Active device administrators as components. */
  deviceAdmins?: string[];
  /** The device owner's package, when one is set. */
  deviceOwner?: string;
  /** Enabled notification listeners as components. */
  notificationListeners?: string[];
  /** Packages allowed to install other apps (REQUEST_INSTALL_PACKAGES app-op). */
  installAllowed?: string[];
  settings?: AndroidSettings;
  root?: RootSigns;
  /** Parts that could not be read (or only in part), with the reason in `problems`. */
  missing: AndroidPart[];
  /** One short reason per missing part (untrusted text: sanitise before showing). */
  problems: { part: AndroidPart; reason: string }[];
  /** The phone went away during a live read. */
  disconnected?: boolean;
  /** Third-party apps whose certificate was not computed (budget, too large, pull failed). */
  certificatesSkipped?: number;
}

export interface IosBackup {
  /** The backup folder. */
  path: string;
  /** First letter of the device name and an ellipsis; the name itself is never kept. */
  deviceName?: string;
  productType?: string;
  /** ISO date of the last backup. */
  date?: string;
  /** Manifest.plist IsEncrypted; undefined when it could not be read. */
  encrypted?: boolean;
  problem?: string;
}

export interface IosData {
  kind: 'ios-backups';
  /** Folders looked in (existing or not). */
  searched: string[];
  backups: IosBackup[];
}
