import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto'
import { isIPv4 } from 'node:net'
import { bitString, booleanValue, explicit, octetString, oid, sequence, set, tlv, time, unsignedInteger, utf8String } from './der'

export interface CertificateRequest {
  commonName: string
  /** Names a browser may use for the station (`localhost`, the host name). */
  dnsNames: string[]
  /** IPv4 addresses a browser may use (others are left out: the certificate is pinned, not named). */
  ipAddresses: string[]
  notBefore: Date
  notAfter: Date
}

export interface PemPair {
  certificate: string
  privateKey: string
}

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'))

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [booleanValue(true)] : []), octetString(value))
}

function subjectAltName(request: CertificateRequest): Buffer {
  const dns = request.dnsNames.map((name) => tlv(0x82, Buffer.from(name, 'ascii')))
  const ips = request.ipAddresses.filter((ip) => isIPv4(ip)).map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number))))
  return sequence(...dns, ...ips)
}

const pem = (label: string, der: Buffer): string => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`

/**
 * A self-signed ECDSA P-256 server certificate (ADR 0018): written with the DER helpers and Node's
 * crypto, no dependency. Browsers will not trust it by name; clients pin its SHA-256 fingerprint.
 */
export function createSelfSignedCertificate(request: CertificateRequest): PemPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8String(request.commonName))))
  const serial = randomBytes(16)
  serial[0] = (serial[0] ?? 0) & 0x7f
  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))),
    unsignedInteger(serial),
    ECDSA_WITH_SHA256,
    name,
    sequence(time(request.notBefore), time(request.notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        extension('2.5.29.19', true, sequence()),
        extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))),
        extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
        extension('2.5.29.17', false, subjectAltName(request))
      )
    )
  )
  const signature = sign('sha256', tbs, privateKey)
  const der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature))
  return { certificate: pem('CERTIFICATE', der), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
}

/** `AB:CD:…`: the SHA-256 fingerprint of a PEM certificate, as browsers and `openssl x509 -fingerprint` show it. */
export function fingerprintOf(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256
}
