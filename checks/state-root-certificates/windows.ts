// Windows: the root stores of the account and of the computer, listed with
// PowerShell as base64 DER, one certificate a line.
import { runPowershell, type CheckContext } from '../../src/check-kit/index.js';
import { extractCertificates } from '../../src/crypto/certificates.js';
import type { Collector } from './collector.js';

export const WINDOWS_STORES = ['CurrentUser\\Root', 'LocalMachine\\Root', 'LocalMachine\\AuthRoot'] as const;

const WINDOWS_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  `foreach ($s in @(${WINDOWS_STORES.map((s) => `'${s}'`).join(', ')})) {`,
  "  Get-ChildItem -Path ('Cert:\\' + $s) | ForEach-Object { $s + ' ' + [Convert]::ToBase64String($_.RawData) }",
  '}',
].join('\n');

/** Lines of "Store\Name BASE64DER" from the PowerShell listing. */
export function parseWindowsListing(output: string): { store: string; der: Buffer }[] {
  const out: { store: string; der: Buffer }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+)\s+([A-Za-z0-9+/=]+)\s*$/.exec(line);
    if (match?.[1] && match[2]) out.push({ store: match[1], der: Buffer.from(match[2], 'base64') });
  }
  return out;
}

export async function gatherWindows(ctx: CheckContext, collector: Collector): Promise<void> {
  const result = await runPowershell(ctx, WINDOWS_SCRIPT, 8000);
  if (result.code !== 0) {
    collector.problem('windows', 'Cert:\\', result.timedOut ? 'timed-out' : 'command-failed');
    return;
  }
  collector.data.storesRead++;
  for (const { store, der } of parseWindowsListing(result.stdout)) {
    for (const cert of extractCertificates(der)) collector.add(cert, { family: 'windows', where: store, userAdded: false, trusted: null });
  }
}
