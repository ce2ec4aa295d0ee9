/**
 * One small seam for every way to reach a label printer (raw TCP 9100, USB bulk, serial, OS queue).
 * A transport moves bytes and, where the link allows it, reads an answer; printer logic (status,
 * jobs) is in `zebra.ts` and never knows which transport it talks to.
 */
import type { Result } from '../../../shared/result'

export type TransportKind = 'tcp' | 'usb' | 'serial' | 'lp'

export interface ExchangeOptions {
  /** Bytes of the answer so far → is it complete? Omitted: no answer expected. */
  complete?: (reply: Buffer) => boolean
  /** Connect + write + answer, in ms. */
  timeoutMs: number
}

export interface Exchanged {
  /** Bytes handed to the link (all of them on success). */
  sentBytes: number
  /** The answer, when one was expected. */
  reply: Buffer | null
  /** Milliseconds from the call to the first byte written. */
  firstByteMs: number
}

/**
 * Error codes (in `error.code`), and what they mean for a job:
 *  - `printer.unreachable`: nothing was sent (connect failed) — safe to send again later.
 *  - `printer.connection_lost`: the link broke after `details.sentBytes` — the label may or may not print.
 *  - `printer.no_answer`: all sent, no (complete) answer in time — the printer may be in error; uncertain.
 */
export interface PrinterTransport {
  readonly kind: TransportKind
  readonly uri: string
  /** False when the link is one-way (an OS print queue): no status, no confirmation. */
  readonly canAnswer: boolean
  exchange(data: Uint8Array, options: ExchangeOptions): Promise<Result<Exchanged>>
  close(): Promise<void>
}
