/**
 * Hex ⇄ bit field helpers for EPC binary encodings, using 32-bit words and plain number math
 * (no BigInt, no Buffer): fields of up to 53 bits are read and written exactly as doubles.
 */

/** Largest EPC this module reads: 8 words = 256 bits (SGTIN-198 needs 208). */
export const MAX_WORDS = 8

/**
 * Hex digit values for every UTF-16 code unit (no range check needed): 0..15 for 0-9/A-F, 16 + value
 * for a-f (bit 4 flags lower case), -1 for anything else (the sign bit flags an invalid character).
 */
const HEX_VALUE = new Int8Array(65536).fill(-1)
for (let i = 0; i < 10; i++) HEX_VALUE[48 + i] = i
for (let i = 0; i < 6; i++) {
  HEX_VALUE[65 + i] = 10 + i
  HEX_VALUE[97 + i] = 26 + i
}

/** Set by the last successful `hexToWords` call: whether the hex had lower-case digits (saves a toUpperCase). */
export const hexState = { lowerCase: false }

/**
 * Parses hex into `out` (big-endian 32-bit words, zero-filled), reading at most `out.length * 8`
 * digits but validating every character. Returns the number of bits the hex carries, or -1 when a
 * character is not a hex digit (or the string is empty).
 */
export function hexToWords(hex: string, out: Uint32Array): number {
  const len = hex.length
  if (len === 0) return -1
  const nw = out.length
  const full = len >>> 3
  let flags = 0
  let p = 0
  let wi = 0
  for (; wi < full && wi < nw; wi++) {
    let word = 0
    for (let j = 0; j < 8; j++) {
      const v = HEX_VALUE[hex.charCodeAt(p++)]!
      flags |= v
      word = (word << 4) | (v & 15)
    }
    out[wi] = word
  }
  if (wi < nw && p < len) {
    const restN = len - p
    let word = 0
    for (let j = 0; j < restN; j++) {
      const v = HEX_VALUE[hex.charCodeAt(p++)]!
      flags |= v
      word = (word << 4) | (v & 15)
    }
    out[wi++] = word << ((8 - restN) * 4)
  }
  for (; wi < nw; wi++) out[wi] = 0
  for (; p < len; p++) flags |= HEX_VALUE[hex.charCodeAt(p)]!
  if (flags < 0) return -1
  hexState.lowerCase = (flags & 16) !== 0
  return len * 4
}

/** Reads `n` (1..32) bits at bit position `pos` as an unsigned number. */
function read32(w: Uint32Array, pos: number, n: number): number {
  const i = pos >>> 5
  const off = pos & 31
  const a = w[i]!
  const end = off + n
  if (end <= 32) {
    if (n === 32) return a >>> 0
    return (a >>> (32 - end)) & ((1 << n) - 1)
  }
  const lowBits = end - 32
  const hi = a & ((1 << (32 - off)) - 1)
  return hi * 2 ** lowBits + (w[i + 1]! >>> (32 - lowBits))
}

/** Reads `n` (1..53) bits at bit position `pos` as an unsigned number (exact). */
export function readBits(w: Uint32Array, pos: number, n: number): number {
  if (n <= 32) return read32(w, pos, n)
  const hiN = n - 32
  return read32(w, pos, hiN) * 4294967296 + read32(w, pos + hiN, 32)
}

/** True when every bit in [from, to) is zero. */
export function bitsAreZero(w: Uint32Array, from: number, to: number): boolean {
  let pos = from
  while (pos < to) {
    const n = Math.min(32 - (pos & 31), to - pos)
    if (read32(w, pos, n) !== 0) return false
    pos += n
  }
  return true
}

function write32(w: Uint32Array, pos: number, n: number, value: number): void {
  for (let k = 0; k < n; k++) {
    if ((value >>> (n - 1 - k)) & 1) {
      const p = pos + k
      w[p >>> 5] = w[p >>> 5]! | (0x80000000 >>> (p & 31))
    }
  }
}

/** Writes an unsigned integer `value` (< 2^53, < 2^n) into `n` (1..53) bits at `pos`; bits must be zero before. */
export function writeBits(w: Uint32Array, pos: number, n: number, value: number): void {
  if (n <= 32) {
    write32(w, pos, n, value >>> 0)
    return
  }
  const hiN = n - 32
  write32(w, pos, hiN, Math.floor(value / 4294967296))
  write32(w, pos + hiN, 32, value % 4294967296)
}

/** Upper-case hex of the first `bits` bits (a multiple of 4), as one flat string. */
export function wordsToHex(w: Uint32Array, bits: number): string {
  const digits = bits >>> 2
  const parts: string[] = []
  for (let i = 0; i < digits; i += 8) {
    const word = (w[i >>> 3]! >>> 0).toString(16).toUpperCase().padStart(8, '0')
    parts.push(digits - i >= 8 ? word : word.slice(0, digits - i))
  }
  return parts.join('')
}

/** Bits as tags store them: the scheme length rounded up to whole 16-bit words. */
export const storedBits = (schemeBits: number): number => Math.ceil(schemeBits / 16) * 16
