import { HeaderFramer, type HeaderFramerOptions, type HeaderProtocol } from '../header-framer'
import type { RejectedFrame } from '../types'

/** An R2000 "0xA0" frame whose check byte made it sum to zero. */
export interface R2kFrame {
  kind: 'frame'
  address: number
  cmd: number
  data: Buffer
}

export type R2kFramerOutput = R2kFrame | RejectedFrame

export const R2K_HEADER = 0xa0

/** Commands a reader answers (pyImpinj enums): a header inside a frame starts a rival frame only with one of these. */
const KNOWN_CMDS = new Set<number>([0x60, 0x61, 0x62, 0x63, 0x66, 0x67, 0x68, 0x69, 0x6a, ...Array.from({ length: 0x7f - 0x70 }, (_, i) => 0x70 + i), 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x90, 0x91, 0x92, 0x93, 0x94, 0xb0, 0xb1, 0xb2, 0xb3, 0xb4])

/** `A0 LEN ADDR CMD DATA… CHECK`: LEN counts the bytes after itself (≥ 3); the whole frame sums to 0 mod 256. */
export const r2000Protocol: HeaderProtocol<R2kFrame> = {
  header: R2K_HEADER,
  lengthBytes: 2,
  frameLength: (buf, at) => (buf[at + 1]! < 3 ? -1 : buf[at + 1]! + 2),
  check(buf, start, end) {
    let sum = 0
    for (let i = start; i < end; i++) sum += buf[i]!
    return (sum & 0xff) === 0
  },
  // A tag record (inventory answer with PC + EPC) rides on an 8-bit sum: make it prove its boundaries.
  mustProveBoundaries: (buf, start, end) => end - start >= 11 && end - start !== 12 && (buf[start + 3] === 0x89 || buf[start + 3] === 0x8a || buf[start + 3] === 0x8b),
  plausible: (buf, at) => KNOWN_CMDS.has(buf[at + 3]!),
  toFrame: (buf, start, end) => ({ kind: 'frame', address: buf[start + 2]!, cmd: buf[start + 3]!, data: buf.subarray(start + 4, end - 1) })
}

/** Frames R2000 traffic (both directions share the format). */
export class R2000Framer extends HeaderFramer<R2kFrame> {
  constructor(options: HeaderFramerOptions = {}) {
    super(r2000Protocol, options)
  }
}
