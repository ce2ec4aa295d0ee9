import { Transform, type TransformCallback } from 'node:stream'
import { hexSample, type RejectCode, type RejectedFrame } from './types'

/** The protocol-specific part of a header-delimited binary framer. */
export interface HeaderProtocol<F> {
  /** The byte every frame starts with (0xFF ThingMagic, 0xA0 R2000). */
  header: number
  /** Bytes needed to know a frame's length (header + length byte). */
  lengthBytes: number
  /** Total frame length from its first bytes, or -1 when the length byte is impossible. */
  frameLength(buf: Buffer, at: number): number
  /** Whether the frame at `buf[start, end)` passes its check (CRC, check byte). */
  check(buf: Buffer, start: number, end: number): boolean
  /**
   * Whether a frame that passed its check must also prove its boundaries before it is believed (a
   * weak check such as a one-byte sum can pass by chance over a truncated frame plus the start of
   * the next one). Such a frame is accepted only when no header byte inside it starts a frame that
   * also checks out, and the byte after it is a header byte (or, with nothing after it, never when
   * a header inside it announces a frame still incomplete).
   */
  mustProveBoundaries?(buf: Buffer, start: number, end: number): boolean
  /** Whether bytes from a header at `at` could be a real frame (its command is one the protocol has); absent = any. */
  plausible?(buf: Buffer, at: number): boolean
  /** The emitted object of a frame that passed its check. */
  toFrame(buf: Buffer, start: number, end: number): F
}

export interface HeaderFramerOptions {
  /**
   * A frame still incomplete after this much silence is given up (the reader stopped mid-frame, or a
   * stray header byte announced a long frame): it is counted as truncated and the bytes after its
   * header are searched again. 0 = only when the stream ends. Default 100 ms.
   */
  staleMs?: number
}

interface Failure {
  /** Absolute stream offsets of the failed candidate (end may lie beyond what arrived). */
  start: number
  end: number
  complete: boolean
  sample: string
}

/**
 * Bytes in, frames out (object mode): finds the header byte, reads the length, checks the frame and
 * emits it, or resynchronises at the next header byte after a failed check. Bytes outside any frame
 * are reported once per run as `rfid.noise`; a candidate that failed its check is reported once, as
 * `rfid.truncated` when a good frame began inside its span (it was cut short) or when the stream
 * went quiet before it was complete, else as `rfid.bad_crc`. Nothing from a rejected frame is ever
 * passed on. Pure apart from one timer (staleMs).
 */
export class HeaderFramer<F> extends Transform {
  private buf: Buffer = Buffer.alloc(0)
  /** Absolute stream offset of buf[0]. */
  private base = 0
  private noiseStart = -1
  private noiseBytes = 0
  private noiseSample = ''
  private failure: Failure | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly staleMs: number

  constructor(
    private readonly protocol: HeaderProtocol<F>,
    options: HeaderFramerOptions = {}
  ) {
    super({ readableObjectMode: true, readableHighWaterMark: 4096 })
    this.staleMs = options.staleMs ?? 100
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
    this.clearTimer()
    this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data])
    this.scan(false)
    if ((this.buf.length > 0 || this.failure !== null || this.noiseBytes > 0) && this.staleMs > 0) this.arm()
    callback()
  }

  /**
   * Silence is measured by a timer that must fire on time: when it fires late (the event loop was
   * busy, and the rest of the frame may be waiting unread in the port), it is armed again instead
   * of cutting a frame that was never cut.
   */
  private arm(): void {
    const armedAt = performance.now()
    this.timer = setTimeout(() => {
      this.timer = null
      if (performance.now() - armedAt - this.staleMs > Math.max(10, this.staleMs / 2)) this.arm()
      else this.giveUp()
    }, this.staleMs)
    this.timer.unref?.()
  }

  override _flush(callback: TransformCallback): void {
    this.giveUp()
    callback()
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.clearTimer()
    callback(error)
  }

  /** Treats whatever is buffered as final: incomplete frames are truncated, the rest is rescanned. */
  giveUp(): void {
    this.clearTimer()
    this.scan(true)
    this.settle(Infinity)
  }

  /** Bytes waiting for the rest of a frame. */
  pending(): number {
    return this.buf.length
  }

  private scan(final: boolean): void {
    const p = this.protocol
    const buf = this.buf
    let i = 0
    while (i < buf.length) {
      const h = buf.indexOf(p.header, i)
      if (h < 0) {
        this.skip(buf, i, buf.length)
        i = buf.length
        break
      }
      if (h > i) this.skip(buf, i, h)
      if (buf.length - h < p.lengthBytes) {
        if (!final) {
          i = h
          break
        }
        this.fail(buf, h, h + p.lengthBytes, false)
        i = h + 1
        continue
      }
      const total = p.frameLength(buf, h)
      if (total < 0) {
        this.skip(buf, h, h + 1)
        i = h + 1
        continue
      }
      if (buf.length - h < total) {
        if (!final) {
          i = h
          break
        }
        this.fail(buf, h, h + total, false)
        i = h + 1
        continue
      }
      if (p.check(buf, h, h + total)) {
        const proof = p.mustProveBoundaries?.(buf, h, h + total) ? this.boundaries(buf, h, h + total, final) : 'ok'
        if (proof === 'wait') {
          i = h
          break
        }
        if (proof === 'bad') {
          this.fail(buf, h, h + total, true)
          i = h + 1
          continue
        }
        this.settle(this.base + h)
        this.push(p.toFrame(buf, h, h + total))
        i = h + total
        continue
      }
      this.fail(buf, h, h + total, true)
      i = h + 1
    }
    this.base += i
    this.buf = i >= buf.length ? Buffer.alloc(0) : buf.subarray(i)
  }

  /** See HeaderProtocol.mustProveBoundaries. */
  private boundaries(buf: Buffer, start: number, end: number, final: boolean): 'ok' | 'bad' | 'wait' {
    const p = this.protocol
    let incomplete = false
    for (let j = buf.indexOf(p.header, start + 1); j >= 0 && j < end; j = buf.indexOf(p.header, j + 1)) {
      const total = buf.length - j < p.lengthBytes ? Infinity : p.frameLength(buf, j)
      if (total < 0 || (p.plausible && j + 3 < buf.length && !p.plausible(buf, j))) continue
      if (buf.length - j < total) incomplete = true
      else if (p.check(buf, j, j + total)) return 'bad'
    }
    if (incomplete && !final) return 'wait'
    if (end < buf.length) return buf[end] === p.header ? 'ok' : 'bad'
    return final && !incomplete ? 'ok' : final ? 'bad' : 'wait'
  }

  /** Bytes outside any frame candidate: noise, unless a failed candidate is still open. */
  private skip(buf: Buffer, start: number, end: number): void {
    if (this.failure) return
    if (this.noiseStart < 0) {
      this.noiseStart = this.base + start
      this.noiseSample = hexSample(buf, start, end)
    }
    this.noiseBytes += end - start
  }

  private fail(buf: Buffer, start: number, end: number, complete: boolean): void {
    if (this.failure) return // one report per resynchronisation
    this.flushNoise()
    this.failure = { start: this.base + start, end: this.base + end, complete, sample: hexSample(buf, start, end) }
  }

  /** A good frame starts at absolute offset `at` (Infinity: the stream went quiet): close open reports. */
  private settle(at: number): void {
    const f = this.failure
    if (f) {
      this.failure = null
      const truncated = !f.complete || at < f.end
      const bytes = Math.max(1, (Number.isFinite(at) ? at : this.base) - f.start)
      this.emitRejected(truncated ? 'rfid.truncated' : 'rfid.bad_crc', bytes, f.sample)
      this.noiseStart = -1
      this.noiseBytes = 0
      return
    }
    this.flushNoise()
  }

  private flushNoise(): void {
    if (this.noiseBytes === 0) return
    this.emitRejected('rfid.noise', this.noiseBytes, this.noiseSample)
    this.noiseStart = -1
    this.noiseBytes = 0
    this.noiseSample = ''
  }

  private emitRejected(code: RejectCode, bytes: number, sample: string): void {
    this.push({ kind: 'rejected', code, bytes, sample } satisfies RejectedFrame)
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }
}
