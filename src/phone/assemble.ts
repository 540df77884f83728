// Builds AndroidData from whatever parts a source yielded, so the live path
// and both capture formats end in the same shape. Every part that could not
// be read is recorded in `missing` with a short reason, never left silent.
import { parseAccessibility, parseAppopsInstall, parseDevicePolicy, parseNotificationListeners } from './parse/dumpsys.js';
import { parseDumpsysPackages } from './parse/packages.js';
import { deviceFromProps } from './parse/getprop.js';
import { parseSettingsDump, settingsFrom, type SettingsMaps } from './parse/settings.js';
import { ROOT_PACKAGES } from './parse/root.js';
import { componentList, unique } from './text.js';
import type { AndroidApp, AndroidData, AndroidPart, AndroidSource } from './types.js';

export class AndroidBuilder {
  readonly data: AndroidData;

  constructor(source: AndroidSource) {
    this.data = { kind: 'android', source, device: {}, apps: [], missing: [], problems: [] };
  }

  miss(part: AndroidPart, reason: string): void {
    if (!this.data.missing.includes(part)) this.data.missing.push(part);
    if (!this.data.problems.some((p) => p.part === part && p.reason === reason)) this.data.problems.push({ part, reason: reason.slice(0, 200) });
  }

  has(part: AndroidPart): boolean {
    return !this.data.missing.includes(part);
  }

  props(props: ReadonlyMap<string, string> | undefined): void {
    if (!props || props.size === 0) return this.miss('device', 'no device properties');
    this.data.device = deviceFromProps(props);
  }

  /** The package list; an empty or missing one is reported by `finish` unless another part fills it. */
  apps(apps: AndroidApp[] | null | undefined, flagsKnown: boolean): void {
    if (!apps || apps.length === 0) return;
    this.data.apps = apps;
    if (!flagsKnown) this.miss('package-flags', 'system and disabled flags not in this source');
  }

  /** Fills what `dumpsys` sections tell: accessibility, device admins, notification listeners, install grants, settings. */
  dumpsys(sections: ReadonlyMap<string, string>): void {
    // Apps first: app-op grants given per uid are matched to packages through them.
    if (this.data.apps.length === 0) {
      const pkg = sections.get('package');
      if (pkg !== undefined) {
        const apps = parseDumpsysPackages(pkg);
        if (apps.length > 0) this.data.apps = apps;
      }
    }
    const a11y = sections.get('accessibility');
    const parsedA11y = a11y === undefined ? undefined : parseAccessibility(a11y);
    if (parsedA11y) this.data.accessibility = unique([...(this.data.accessibility ?? []), ...parsedA11y]);

    const policy = sections.get('device_policy');
    const parsedPolicy = policy === undefined ? undefined : parseDevicePolicy(policy);
    if (parsedPolicy) {
      this.data.deviceAdmins = parsedPolicy.admins;
      if (parsedPolicy.owner) this.data.deviceOwner = parsedPolicy.owner;
    }

    const notification = sections.get('notification');
    const listeners = notification === undefined ? undefined : parseNotificationListeners(notification);
    if (listeners) this.data.notificationListeners = unique([...(this.data.notificationListeners ?? []), ...listeners]);

    const appops = sections.get('appops');
    const grants = appops === undefined ? undefined : parseAppopsInstall(appops);
    if (grants) this.installGrants(grants.packages, grants.uids);

    const settings = sections.get('settings');
    if (settings !== undefined) this.settings(parseSettingsDump(settings));

  }

  installGrants(packages: readonly string[], uids: readonly number[]): void {
    const byUid = new Set(uids);
    const fromUid = this.data.apps.filter((a) => a.uid !== undefined && byUid.has(a.uid)).map((a) => a.package);
    this.data.installAllowed = unique([...(this.data.installAllowed ?? []), ...packages, ...fromUid]);
  }

  /** Settings namespaces; the secure one also names accessibility services and notification listeners. */
  settings(maps: SettingsMaps): void {
    if (!maps.global && !maps.secure) return;
    this.data.settings = { ...(this.data.settings ?? {}), ...settingsFrom(maps) };
    const secure = maps.secure;
    if (!secure) return;
    const a11yEnabled = secure.get('accessibility_enabled');
    const services = secure.get('enabled_accessibility_services');
    if (services !== undefined && a11yEnabled !== '0') {
      this.data.accessibility = unique([...(this.data.accessibility ?? []), ...componentList(services)]);
    } else if (a11yEnabled !== undefined && this.data.accessibility === undefined) {
      this.data.accessibility = [];
    }
    const listeners = secure.get('enabled_notification_listeners');
    if (listeners !== undefined) this.data.notificationListeners = unique([...(this.data.notificationListeners ?? []), ...componentList(listeners)]);
  }

  root(binaries: readonly string[] | undefined, processes: readonly string[] = []): void {
    if (binaries === undefined) {
      this.miss('root', 'no root check in this source');
      return;
    }
    this.data.root = { binaries: unique([...binaries, ...processes]), packages: [] };
  }

  /** Closes the record: derives root packages and marks the parts nobody filled. */
  finish(): AndroidData {
    const d = this.data;
    const rootPackages = d.apps.filter((a) => ROOT_PACKAGES.has(a.package) && a.installed !== false).map((a) => a.package);
    if (d.root) d.root.packages = rootPackages;
    else if (rootPackages.length > 0) d.root = { binaries: [], packages: rootPackages };
    if (d.accessibility === undefined) this.miss('accessibility', 'no accessibility dump');
    if (d.deviceAdmins === undefined) this.miss('device-admins', 'no device policy dump');
    if (d.notificationListeners === undefined) this.miss('notification-listeners', 'no notification listener list');
    if (d.installAllowed === undefined) this.miss('install-permission', 'no app-op list');
    if (d.settings === undefined) this.miss('settings', 'no settings');
    if (d.apps.length > 0 && !d.apps.some((a) => a.launcher !== undefined)) this.miss('launcher', 'no launcher activity list');
    if (d.apps.length === 0) this.miss('packages', 'no package list');
    return d;
  }
}
