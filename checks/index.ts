// The sorted registry of local checks. Each entry loads its module lazily so
// start-up never pays for checks that do not run. Keep entries sorted by id;
// tests/checks/registry.test.ts fails when a file in checks/ is missing here.
import type { Check } from '../src/checks/types.js';

type AnyCheck = Check<unknown, Record<string, unknown>>;
type Loader = () => Promise<{ default: AnyCheck }>;

// One cast here instead of one per entry: each module's default export is a
// Check with its own data and options types.
const lazy = (load: () => Promise<{ default: unknown }>): Loader => load as Loader;

export const checkLoaders: Readonly<Record<string, Loader>> = {
  'disk-encryption': lazy(() => import('./disk-encryption.js')),
  firewall: lazy(() => import('./firewall.js')),
  'git-identity': lazy(() => import('./git-identity.js')),
  metadata: lazy(() => import('./metadata.js')),
  'os-updates': lazy(() => import('./os-updates.js')),
  password: lazy(() => import('./password.js')),
  passwords: lazy(() => import('./passwords.js')),
  'screen-lock': lazy(() => import('./screen-lock.js')),
  'shell-history-secrets': lazy(() => import('./shell-history-secrets.js')),
  'ssh-key-passphrase': lazy(() => import('./ssh-key-passphrase.js')),
  'state-root-certificates': lazy(() => import('./state-root-certificates.js')),
  'telegram-desktop-session': lazy(() => import('./telegram-desktop-session.js')),
};

export const checkIds: readonly string[] = Object.keys(checkLoaders).sort();
