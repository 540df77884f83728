// macOS: the keychains in the search list and the System keychain, and the
// certificates that carry user or admin trust settings.
import type { CheckContext } from '../../src/check-kit/index.js';
import { extractCertificates } from '../../src/crypto/certificates.js';
import { COMMAND_TIMEOUT_MS, type Collector } from './collector.js';

/** Names from `security dump-trust-settings` ("Cert 0: NAME"). */
export function parseTrustSettings(output: string): string[] {
  const names: string[] = [];
  for (const match of output.matchAll(/^Cert \d+:\s*(.+?)\s*$/gm)) if (match[1]) names.push(match[1]);
  return names;
}

export async function gatherMac(ctx: CheckContext, collector: Collector): Promise<void> {
  const keychains: { args: string[]; where: string }[] = [
    { args: ['find-certificate', '-a', '-p'], where: 'keychain search list' },
    { args: ['find-certificate', '-a', '-p', '/Library/Keychains/System.keychain'], where: '/Library/Keychains/System.keychain' },
  ];
  for (const keychain of keychains) {
    const result = await ctx.run('security', keychain.args, { timeoutMs: COMMAND_TIMEOUT_MS });
    if (result.code !== 0) {
      collector.problem('macos', keychain.where, result.timedOut ? 'timed-out' : 'command-failed');
      continue;
    }
    collector.data.storesRead++;
    for (const der of extractCertificates(Buffer.from(result.stdout, 'latin1'))) {
      collector.add(der, { family: 'macos', where: keychain.where, userAdded: false, trusted: null });
    }
  }
  for (const args of [['dump-trust-settings'], ['dump-trust-settings', '-d']]) {
    const result = await ctx.run('security', args, { timeoutMs: COMMAND_TIMEOUT_MS });
    // "No Trust Settings were found" comes with a non-zero exit code.
    if (result.code === 0) collector.data.macTrustSettings.push(...parseTrustSettings(result.stdout));
  }
}
