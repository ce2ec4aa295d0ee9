import { Transform, type TransformCallback } from 'node:stream'
import { hexSample, type RejectCode, type RejectedFrame } from '../types'

/** One EPC line from a reader in terminal mode. */
export interface AsciiTagLine {
  kind: 'frame'
  epc: string
  antenna: number | null
  rssi: number | null
}

export type AsciiFramerOutput = AsciiTagLine | RejectedFrame

export const ASCII_MAX_LINE = 256

const CR = 0x0d
const LF = 0x0a
const EPC_RE = /^[0-9A-Fa-f]{4,124}$/
const INT_RE = /^-?\d{1,3}$/

/**
 * Parses one line: `EPC` or `EPC,ANTENNA,RSSI` (comma, semicolon, tab or space between fields).
 * The EPC is hex in whole 16-bit words (4–124 digits); anything else is a bad line.
 */
export function parseAsciiLine(line: string): AsciiTagLine | null {
  const fields = line.trim().split(/[,;\t ]+/)
  const epc = fields[0] ?? ''
  if (!EPC_RE.test(epc) || epc.length % 4 !== 0 || fields.length > 3) return null
  let antenna: number | null = null
  let rssi: number | null = null
  if (fields.length >= 2) {
    if (!INT_RE.test(fields[1]!)) return null
    antenna = Number(fields[1])
    if (antenna < 1 || antenna > 64) return null
  }
  if (fields.length === 3) {
    if (!INT_RE.test(fields[2]!)) return null
    rssi = Number(fields[2])
    if (rssi < -128 || rssi > 20) return null
  }
  return { kind: 'frame', epc: epc.toUpperCase(), antenna, rssi }
}

/**
 * Lines in, EPCs out. Lines end at CR, LF or CR LF; empty lines are ignored; a line that is not an
 * EPC is `rfid.bad_line`, one over 256 bytes `rfid.line_too_long`, a half line when the stream ends
 * `rfid.truncated`. A plain ASCII reader has no checksum: a line is trusted when it is well-formed.
 */
export class AsciiLineFramer extends Transform {
  private parts: Buffer[] = []
  private length = 0
  private overflow = false

  constructor() {
    super({ readableObjectMode: true, readableHighWaterMark: 4096 })
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    let start = 0
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!
      if (b !== CR && b !== LF) continue
      this.append(data, start, i)
      this.finish()
      start = i + 1
    }
    this.append(data, start, data.length)
    callback()
  }

  override _flush(callback: TransformCallback): void {
    if (this.length > 0) {
      const total = this.length
      const code: RejectCode = this.overflow ? 'rfid.line_too_long' : 'rfid.truncated'
      this.reject(code, this.takeLine(), total)
      this.length = 0
      this.overflow = false
    }
    callback()
  }

  private append(data: Buffer, start: number, end: number): void {
    if (end <= start) return
    if (this.overflow) {
      this.length += end - start
      return
    }
    if (this.length + (end - start) > ASCII_MAX_LINE) {
      this.parts.push(data.subarray(start, Math.min(end, start + ASCII_MAX_LINE - this.length)))
      this.overflow = true
    } else this.parts.push(data.subarray(start, end))
    this.length += end - start
  }

  private takeLine(): Buffer {
    const b = Buffer.concat(this.parts)
    this.parts = []
    return b
  }

  private finish(): void {
    if (this.length === 0) return
    const overflow = this.overflow
    const total = this.length
    const line = this.takeLine()
    this.length = 0
    this.overflow = false
    if (overflow) {
      this.reject('rfid.line_too_long', line, total)
      return
    }
    const parsed = parseAsciiLine(line.toString('latin1'))
    if (parsed) this.push(parsed)
    else this.reject('rfid.bad_line', line, total)
  }

  private reject(code: RejectCode, sample: Buffer, bytes: number): void {
    this.push({ kind: 'rejected', code, bytes, sample: hexSample(sample, 0, sample.length) } satisfies RejectedFrame)
  }
}
