// The system trust store on Linux (and the bundles BSDs and macOS keep in the
// same places): certificate files in the store folders and the generated bundles.
import path from 'node:path';
import { systemPath, type CheckContext } from '../../src/check-kit/index.js';
import { readCertFile, walk, type CertLocation, type Collector } from './collector.js';

/** System stores on Linux (and the bundles some other systems keep in the same places). */
export const SYSTEM_STORES: readonly { dir: string; userAdded: boolean }[] = [
  { dir: '/etc/ssl/certs', userAdded: false },
  { dir: '/usr/local/share/ca-certificates', userAdded: true },
  { dir: '/etc/pki/ca-trust/source/anchors', userAdded: true },
  { dir: '/usr/share/ca-certificates/trust-source/anchors', userAdded: true },
  { dir: '/etc/ca-certificates/trust-source/anchors', userAdded: true },
];
export const SYSTEM_BUNDLES: readonly string[] = [
  '/etc/ssl/cert.pem',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ca-certificates/extracted/tls-ca-bundle.pem',
];

export async function gatherLinuxStores(ctx: CheckContext, collector: Collector, seenFiles: Set<string>): Promise<void> {
  const anchorRoots = SYSTEM_STORES.filter((s) => s.userAdded).map((s) => systemPath(ctx, s.dir));
  const locate = (real: string): CertLocation => ({
    family: 'linux',
    where: real,
    userAdded: anchorRoots.some((root) => real === root || real.startsWith(root + path.sep)),
    trusted: null,
  });
  for (const store of SYSTEM_STORES) {
    const dir = systemPath(ctx, store.dir);
    const listed = await walk(dir, 3, (file) => readCertFile(file, collector, locate, seenFiles), (problem) => collector.problem('linux', dir, problem));
    if (listed) collector.data.storesRead++;
  }
  for (const bundle of SYSTEM_BUNDLES) {
    const file = systemPath(ctx, bundle);
    const before = seenFiles.size;
    await readCertFile(file, collector, locate, seenFiles);
    if (seenFiles.size > before) collector.data.storesRead++;
  }
}
