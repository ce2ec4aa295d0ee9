/**
 * The few DER (ASN.1) encodings one self-signed X.509 certificate needs (ADR 0018): lengths, tags,
 * integers, object identifiers, strings and times. Nothing here parses; Node's X509Certificate reads
 * the result back and checks it.
 */
function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content])
}

export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items))
export const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items))
/** `[n] EXPLICIT`: a constructed context-specific wrapper. */
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 | n, inner)
export const octetString = (content: Buffer): Buffer => tlv(0x04, content)
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'))
export const booleanValue = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0x00]))
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]))

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number)
  const [first = 0, second = 0, ...rest] = parts
  const out: number[] = [first * 40 + second]
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f]
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f))
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(at: Date): Buffer {
  const iso = at.toISOString()
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '')
  return at.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii')) : tlv(0x18, Buffer.from(`${digits}Z`, 'ascii'))
}
