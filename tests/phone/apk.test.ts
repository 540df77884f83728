import { describe, expect, it } from 'vitest';
import { apkCertificates } from '../../src/phone/apk.js';
import { Budget, BufferSource, MetaError } from '../../src/phone/files.js';
import { buildApk, concat, schemeValue, signingBlock, signingCert } from './fixtures.js';

const source = (bytes: Uint8Array): BufferSource => new BufferSource(bytes, new Budget(bytes.length + 1, 10_000));

describe('APK signing certificates', () => {
  it('reads the v1 signer from META-INF/CERT.RSA', async () => {
    const cert = signingCert(0);
    const result = await apkCertificates(source(buildApk({ v1: cert })));
    expect(result).toEqual({ schemes: ['v1'], sha1: [cert.sha1], sha256: [cert.sha256] });
  });

  it('reads v2 and v3 signers from the APK Signing Block', async () => {
    const old = signingCert(0);
    const rotated = signingCert(1);
    const result = await apkCertificates(source(buildApk({ v2: old, v3: rotated })));
    expect(result.schemes).toEqual(['v2', 'v3']);
    expect(result.sha1).toEqual([old.sha1, rotated.sha1]);
  });

  it('reads every scheme present and lists each certificate once', async () => {
    const cert = signingCert(0);
    const result = await apkCertificates(source(buildApk({ v1: cert, v2: cert, v3: cert })));
    expect(result.schemes).toEqual(['v2', 'v3', 'v1']);
    expect(result.sha1).toEqual([cert.sha1]);
  });

  it('falls back to v1 when the signing block lies about its size', async () => {
    const cert = signingCert(0);
    const good = signingBlock([{ id: 0x7109871a, value: schemeValue(signingCert(1).der, false) }]);
    const bad = good.slice();
    new DataView(bad.buffer).setBigUint64(0, 12345n, true); // the two size fields now differ
    const result = await apkCertificates(source(buildApk({ v1: cert, block: bad })));
    expect(result).toEqual({ schemes: ['v1'], sha1: [cert.sha1], sha256: [cert.sha256] });
  });

  it('ignores unknown block entries and signers whose lengths run past their end', async () => {
    const cert = signingCert(0);
    const broken = schemeValue(cert.der, false).slice(0, 40);
    const block = signingBlock([
      { id: 0x42726577, value: new Uint8Array(64) }, // padding / verity entries
      { id: 0x7109871a, value: broken },
      { id: 0xf05368c0, value: schemeValue(cert.der, true) },
    ]);
    const result = await apkCertificates(source(buildApk({ block })));
    expect(result.schemes).toEqual(['v3']);
    expect(result.sha1).toEqual([cert.sha1]);
  });

  it('returns no certificate for an unsigned APK', async () => {
    expect(await apkCertificates(source(buildApk({})))).toEqual({ schemes: [], sha1: [], sha256: [] });
  });

  it('throws a MetaError for what is not a zip, and for a truncated one', async () => {
    await expect(apkCertificates(source(new Uint8Array(100)))).rejects.toBeInstanceOf(MetaError);
    const apk = buildApk({ v2: signingCert(0) });
    await expect(apkCertificates(source(apk.subarray(0, apk.length - 30)))).rejects.toBeInstanceOf(MetaError);
    await expect(apkCertificates(source(concat([new Uint8Array(5)])))).rejects.toBeInstanceOf(MetaError);
  });
});
