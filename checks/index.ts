// The sorted registry of local checks. Each entry loads its module lazily so
// start-up never pays for checks that do not run. Keep entries sorted by id;
// tests/checks/registry.test.ts fails when a file in checks/ is missing here.
import type { Check } from '../src/checks/types.js';

type Loader = () => Promise<{ default: Check<unknown, Record<string, unknown>> }>;

export const checkLoaders: Readonly<Record<string, Loader>> = {
  'disk-encryption': () => import('./disk-encryption.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'firewall': () => import('./firewall.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'git-identity': () => import('./git-identity.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'os-updates': () => import('./os-updates.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'screen-lock': () => import('./screen-lock.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'shell-history-secrets': () => import('./shell-history-secrets.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'ssh-key-passphrase': () => import('./ssh-key-passphrase.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'state-root-certificates': () => import('./state-root-certificates.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
  'telegram-desktop-session': () => import('./telegram-desktop-session.js') as Promise<{ default: Check<unknown, Record<string, unknown>> }>,
};

export const checkIds: readonly string[] = Object.keys(checkLoaders).sort();
