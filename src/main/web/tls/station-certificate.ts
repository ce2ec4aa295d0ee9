import { createPrivateKey, X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppFailure } from '../../errors'
import { createSelfSignedCertificate, fingerprintOf } from './certificate'

export interface StationCertificate {
  certificate: string
  privateKey: string
  /** SHA-256, `AB:CD:…`. */
  fingerprint: string
  certificatePath: string
}

export const TLS_FOLDER = 'tls'
export const CERTIFICATE_FILE = 'station-cert.pem'
export const PRIVATE_KEY_FILE = 'station-key.pem'
const VALID_YEARS = 20

function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text, { mode })
  chmodSync(temporary, mode)
  renameSync(temporary, path)
}

/**
 * The station's TLS identity (ADR 0018): made once, on the first `--listen`, and kept in
 * `<data>/tls/` (the private key readable by its owner only) so the fingerprint paired displays and
 * people compared stays the same across restarts. A damaged pair is refused, never silently replaced.
 */
export function loadOrCreateStationCertificate(dataDir: string, stationId: string, now: Date = new Date()): StationCertificate {
  const folder = join(dataDir, TLS_FOLDER)
  const certificatePath = join(folder, CERTIFICATE_FILE)
  const keyPath = join(folder, PRIVATE_KEY_FILE)
  if (!existsSync(certificatePath) || !existsSync(keyPath)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const notAfter = new Date(now)
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS)
    const pair = createSelfSignedCertificate({
      commonName: `Dockside station ${stationId}`.slice(0, 64),
      dnsNames: ['localhost', hostname()].filter((n) => /^[A-Za-z0-9.-]{1,253}$/.test(n)),
      ipAddresses: ['127.0.0.1'],
      notBefore: new Date(now.getTime() - 60 * 60_000),
      notAfter
    })
    writeAtomically(keyPath, pair.privateKey, 0o600)
    writeAtomically(certificatePath, pair.certificate, 0o644)
  }
  try {
    const certificate = readFileSync(certificatePath, 'utf8')
    const privateKey = readFileSync(keyPath, 'utf8')
    if (!new X509Certificate(certificate).checkPrivateKey(createPrivateKey(privateKey))) throw new Error('the private key does not belong to the certificate')
    return { certificate, privateKey, fingerprint: fingerprintOf(certificate), certificatePath }
  } catch (error) {
    throw new AppFailure('displays.certificate_unreadable', { path: folder, reason: error instanceof Error ? error.message : String(error) })
  }
}
