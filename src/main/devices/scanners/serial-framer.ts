import { Transform, type TransformCallback } from 'node:stream'
import { MAX_SCAN_BYTES } from './types'

/** What the framer emits: a complete frame (terminator stripped) or bytes it had to reject. */
export type SerialFrame =
  | { kind: 'frame'; bytes: Buffer; end: 'cr' | 'lf' | 'tab' | 'silence' }
  | { kind: 'rejected'; bytes: Buffer; code: 'scan.too_long' | 'scan.partial'; reason: string }

export interface SerialFramerOptions {
  /** A frame also ends after this much silence (scanners configured without a suffix). 0 = never. */
  silenceMs?: number
  /** Longer frames are rejected with their first `maxBytes` bytes kept as evidence. */
  maxBytes?: number
  /** Bytes that end a frame (default CR and LF; a scanner set to a TAB suffix: TAB; no suffix: none). */
  terminators?: readonly number[]
}

const CR = 0x0d
const LF = 0x0a
const TAB = 0x09

/** The terminator bytes of each scanner suffix setting (ADR 0017): CR, LF and CRLF all end at CR or LF. */
export function suffixTerminators(suffix: 'cr' | 'lf' | 'crlf' | 'tab' | 'none'): number[] {
  return suffix === 'tab' ? [TAB] : suffix === 'none' ? [] : [CR, LF]
}

/**
 * Bytes in, scans out. Frames end at CR, LF or CR LF (one frame, not two) or after `silenceMs`
 * without a byte. A frame longer than `maxBytes` is dropped up to its terminator and reported once
 * as `scan.too_long`. When the stream ends (port closed, scanner unplugged) a half-received frame is
 * reported as `scan.partial`, never passed on as a scan. Pure: no I/O, only a timer.
 */
export class SerialFramer extends Transform {
  private readonly silenceMs: number
  private readonly maxBytes: number
  private readonly terminators: ReadonlySet<number>
  private chunks: Buffer[] = []
  private length = 0
  /** Bytes of an over-long frame seen so far (we keep only the first maxBytes). */
  private overflow = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(options: SerialFramerOptions = {}) {
    super({ readableObjectMode: true })
    this.silenceMs = options.silenceMs ?? 150
    this.maxBytes = options.maxBytes ?? MAX_SCAN_BYTES
    this.terminators = new Set(options.terminators ?? [CR, LF])
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    this.clearTimer()
    let start = 0
    for (let i = 0; i < data.length; i++) {
      const byte = data[i]!
      if (!this.terminators.has(byte)) continue
      // CR LF ends one frame, not two: the LF finds an empty buffer and emits nothing.
      this.append(data.subarray(start, i))
      this.finish(byte === CR ? 'cr' : byte === LF ? 'lf' : 'tab')
      start = i + 1
    }
    if (start < data.length) this.append(data.subarray(start))
    if ((this.length > 0 || this.overflow > 0) && this.silenceMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = null
        this.finish('silence')
      }, this.silenceMs)
      this.timer.unref?.()
    }
    callback()
  }

  override _flush(callback: TransformCallback): void {
    this.clearTimer()
    this.discardPartial()
    callback()
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.clearTimer()
    callback(error)
  }

  /** Report and drop whatever half frame is buffered (the port went away mid-scan). */
  discardPartial(): void {
    this.clearTimer()
    if (this.overflow > 0) {
      this.finish('silence')
      return
    }
    if (this.length === 0) return
    const bytes = this.takeBuffered()
    this.push({ kind: 'rejected', bytes, code: 'scan.partial', reason: `The scan was cut off after ${bytes.length} bytes (the scanner disconnected mid-scan); it was discarded.` } satisfies SerialFrame)
  }

  /** Bytes currently buffered (for tests and diagnostics). */
  pending(): number {
    return this.length + this.overflow
  }

  private append(part: Buffer): void {
    if (part.length === 0) return
    if (this.overflow > 0) {
      this.overflow += part.length
      return
    }
    if (this.length + part.length > this.maxBytes) {
      const keep = this.maxBytes - this.length
      if (keep > 0) this.chunks.push(Buffer.from(part.subarray(0, keep)))
      this.overflow = this.length + part.length
      this.length = this.maxBytes
      return
    }
    this.chunks.push(Buffer.from(part))
    this.length += part.length
  }

  private takeBuffered(): Buffer {
    const bytes = Buffer.concat(this.chunks, this.length)
    this.chunks = []
    this.length = 0
    return bytes
  }

  private finish(end: 'cr' | 'lf' | 'tab' | 'silence'): void {
    this.clearTimer()
    if (this.overflow > 0) {
      const total = this.overflow
      this.overflow = 0
      const bytes = this.takeBuffered()
      this.push({ kind: 'rejected', bytes, code: 'scan.too_long', reason: `The scan is ${total} bytes; the limit is ${this.maxBytes}. It was discarded.` } satisfies SerialFrame)
      return
    }
    if (this.length === 0) return
    this.push({ kind: 'frame', bytes: this.takeBuffered(), end } satisfies SerialFrame)
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }
}
