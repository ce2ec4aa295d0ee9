import { thingMagicCrc } from '../crc'
import { HeaderFramer, type HeaderFramerOptions, type HeaderProtocol } from '../header-framer'
import type { RejectedFrame } from '../types'

/** A ThingMagic (Mercury serial protocol) frame whose CRC checked out. */
export interface TmFrame {
  kind: 'frame'
  opcode: number
  /** Status word of a reader response (0 = success); null for a host command. */
  status: number | null
  data: Buffer
}

export type TmFramerOutput = TmFrame | RejectedFrame

export const TM_HEADER = 0xff

/**
 * Reader → host: `FF LEN OP STATUS(2) DATA(LEN) CRC(2)` (LEN + 7 bytes).
 * Host → reader (`direction: 'command'`, what a simulator reads): `FF LEN OP DATA(LEN) CRC(2)` (LEN + 5).
 * The CRC (ThingMagic variant, big-endian) covers LEN up to the last data byte.
 */
export function thingMagicProtocol(direction: 'response' | 'command' = 'response'): HeaderProtocol<TmFrame> {
  const overhead = direction === 'response' ? 7 : 5
  return {
    header: TM_HEADER,
    lengthBytes: 2,
    frameLength: (buf, at) => buf[at + 1]! + overhead,
    check(buf, start, end) {
      const crc = thingMagicCrc(buf, start + 1, end - 2)
      return buf[end - 2] === crc >>> 8 && buf[end - 1] === (crc & 0xff)
    },
    toFrame(buf, start, end) {
      return direction === 'response'
        ? { kind: 'frame', opcode: buf[start + 2]!, status: (buf[start + 3]! << 8) | buf[start + 4]!, data: buf.subarray(start + 5, end - 2) }
        : { kind: 'frame', opcode: buf[start + 2]!, status: null, data: buf.subarray(start + 3, end - 2) }
    }
  }
}

/** Frames ThingMagic reader responses (or, for a simulator, host commands). */
export class ThingMagicFramer extends HeaderFramer<TmFrame> {
  constructor(options: HeaderFramerOptions & { direction?: 'response' | 'command' } = {}) {
    super(thingMagicProtocol(options.direction ?? 'response'), options)
  }
}
