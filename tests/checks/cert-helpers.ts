// Certificates built in code with node-forge: self-signed test roots,
// intermediates, and PKCS#7 bundles, so trust-store tests need no real files.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface Name {
  CN: string;
  O?: string;
  C?: string;
}

export interface TestCert {
  pem: string;
  der: Buffer;
  /** Upper-case hex SHA-256 of the DER, computed by Node (independently of the code under test). */
  sha256: string;
  sha1: string;
  key: forge.pki.rsa.PrivateKey;
  name: Name;
}

// forge types declare valueTagClass as an asn1.Class, but forge uses it as the string type (UTF8String here).
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function attrs(name: Name): forge.pki.CertificateField[] {
  const list: forge.pki.CertificateField[] = [];
  if (name.C) list.push({ shortName: 'C', value: name.C });
  if (name.O) list.push({ shortName: 'O', value: name.O, valueTagClass: UTF8 });
  list.push({ shortName: 'CN', value: name.CN, valueTagClass: UTF8 });
  return list;
}

let serial = 1;

/** A CA certificate; self-signed unless an issuer is given. */
export function makeCert(name: Name, issuer?: TestCert): TestCert {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = new Date('2022-03-01T00:00:00Z');
  cert.validity.notAfter = new Date('2032-03-01T00:00:00Z');
  cert.setSubject(attrs(name));
  cert.setIssuer(attrs(issuer?.name ?? name));
  cert.setExtensions([{ name: 'basicConstraints', cA: true }]);
  cert.sign(issuer?.key ?? key, forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const x509 = new X509Certificate(der);
  return {
    pem,
    der,
    sha256: x509.fingerprint256.replace(/:/g, ''),
    sha1: x509.fingerprint.replace(/:/g, ''),
    key,
    name,
  };
}

/** A certs-only PKCS#7 SignedData holding the given certificates. */
export function pkcs7(certs: TestCert[]): { der: Buffer; pem: string } {
  const p7 = forge.pkcs7.createSignedData();
  for (const c of certs) p7.addCertificate(forge.pki.certificateFromPem(c.pem));
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  return { der, pem: forge.pkcs7.messageToPem(p7) };
}
