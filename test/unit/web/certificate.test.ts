import { createPrivateKey, X509Certificate } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oid, time, unsignedInteger } from '../../../src/main/web/tls/der'
import { createSelfSignedCertificate } from '../../../src/main/web/tls/certificate'
import { loadOrCreateStationCertificate, PRIVATE_KEY_FILE, TLS_FOLDER } from '../../../src/main/web/tls/station-certificate'

describe('the station certificate (ADR 0018)', () => {
  it('is a valid self-signed X.509 v3 server certificate that Node and openssl read alike', () => {
    const pair = createSelfSignedCertificate({ commonName: 'Dockside station t', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'], notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2056-01-01T00:00:00Z') })
    const cert = new X509Certificate(pair.certificate)
    expect(cert.subject).toBe('CN=Dockside station t')
    expect(cert.issuer).toBe(cert.subject)
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(cert.checkPrivateKey(createPrivateKey(pair.privateKey))).toBe(true)
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1')
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(2056)
    expect(cert.ca).toBe(false)
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1')
    const file = join(mkdtempSync(join(tmpdir(), 'dockside-cert-')), 'c.pem')
    writeFileSync(file, pair.certificate)
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text'], { encoding: 'utf8' })
    expect(text).toMatch(/Version: 3/)
    expect(text).toMatch(/ecdsa-with-SHA256/)
  })

  it('is made once per data folder, its key 0600, and the same fingerprint afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockside-tls-'))
    const first = loadOrCreateStationCertificate(dir, 'station-1')
    expect(statSync(join(dir, TLS_FOLDER, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600)
    expect(loadOrCreateStationCertificate(dir, 'station-1').fingerprint).toBe(first.fingerprint)
    writeFileSync(join(dir, TLS_FOLDER, PRIVATE_KEY_FILE), readFileSync(join(dir, TLS_FOLDER, PRIVATE_KEY_FILE), 'utf8').slice(0, 60))
    expect(() => loadOrCreateStationCertificate(dir, 'station-1')).toThrow(expect.objectContaining({ code: 'displays.certificate_unreadable' }))
  })

  it('DER pieces: integers stay positive, OIDs and times encode as X.690 says', () => {
    expect(oid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302')
    expect(time(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\u0017\u000d491231235959Z')
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\u0018\u000f20500101000000Z')
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const der = unsignedInteger(Buffer.from(bytes))
        expect(der[0]).toBe(0x02)
        expect((der[2] ?? 0) & 0x80).toBe(0)
      })
    )
  })
})
