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
  toFrame: (buf, start, end) => ({ kind: 'frame', address: buf[start + 2]!, cmd: buf[start + 3]!, data: buf.subarray(start + 4, end - 1) })
}

/** Frames R2000 traffic (both directions share the format). */
export class R2000Framer extends HeaderFramer<R2kFrame> {
  constructor(options: HeaderFramerOptions = {}) {
    super(r2000Protocol, options)
  }
}
