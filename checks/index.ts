// The sorted registry of local checks. Each entry loads its module lazily so
// start-up never pays for checks that do not run. Keep entries sorted by id;
// tests/checks/registry.test.ts fails when a file in checks/ is missing here.
import type { AnyCheck } from '../src/check-kit/types.js';

type Loader = () => Promise<{ default: AnyCheck }>;

export const checkLoaders: Readonly<Record<string, Loader>> = {
  'disk-encryption': () => import('./disk-encryption.js'),
  firewall: () => import('./firewall.js'),
  'git-identity': () => import('./git-identity.js'),
  metadata: () => import('./metadata.js'),
  'os-updates': () => import('./os-updates.js'),
  password: () => import('./password.js'),
  passwords: () => import('./passwords.js'),
  phone: () => import('./phone.js'),
  'screen-lock': () => import('./screen-lock.js'),
  'shell-history-secrets': () => import('./shell-history-secrets.js'),
  'ssh-key-passphrase': () => import('./ssh-key-passphrase.js'),
  'state-root-certificates': () => import('./state-root-certificates.js'),
  'telegram-desktop-session': () => import('./telegram-desktop-session.js'),
};

export const checkIds: readonly string[] = Object.keys(checkLoaders).sort();

/** The check with this id, loaded on demand; undefined for an unknown id. */
export async function loadCheck(id: string): Promise<AnyCheck | undefined> {
  const loader = Object.prototype.hasOwnProperty.call(checkLoaders, id) ? checkLoaders[id] : undefined;
  return loader ? (await loader()).default : undefined;
}
