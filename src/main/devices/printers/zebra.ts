/**
 * A Zebra printer over any transport: status (`~HS`, plus `~HQES` when asked) with a deadline, and
 * jobs. A job is sent as `<ZPL>~HS` on one link: the status answer proves the printer read every byte
 * before it, and says whether it can print. So a job ends in exactly one of:
 *   - refused  (nothing sent: unreachable, not ready — safe to send later),
 *   - confirmed (the printer has it and reported no fault),
 *   - uncertain (some or all bytes went out but no clean answer — an operator must check; never resent).
 */
import { msg, type Message } from '../../../shared/messages/catalog'
import { ok, type Result } from '../../../shared/result'
import { failure } from '../../labels/failure'
import type { PrinterTransport } from './types'
import { countFrames, describeStatus, mergeExtended, parseHostStatus, parseHqes, statusMessage, type PrinterStatus } from './zebra-status'

export const DEFAULT_STATUS_TIMEOUT_MS = 3000

const threeFrames = (b: Buffer) => countFrames(b.toString('latin1')) >= 3
const oneFrame = (b: Buffer) => countFrames(b.toString('latin1')) >= 1

export interface StatusOptions {
  timeoutMs?: number
  /** Also ask `~HQES` (a second, short exchange; ignored when the printer does not answer it). */
  extended?: boolean
}

export async function queryStatus(t: PrinterTransport, options: StatusOptions = {}): Promise<Result<PrinterStatus>> {
  if (!t.canAnswer) return failure('printer.one_way_queue', { printer: t.uri })
  const timeoutMs = options.timeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS
  const r = await t.exchange(Buffer.from('~HS', 'latin1'), { complete: threeFrames, timeoutMs })
  if (!r.ok) {
    if (r.error.code === 'printer.no_answer' || r.error.code === 'printer.connection_lost') {
      return failure('printer.no_answer', { printer: t.uri, ms: timeoutMs }, { uri: t.uri })
    }
    return r
  }
  const status = parseHostStatus(r.value.reply!)
  if (!status.ok || !options.extended) return status
  const x = await t.exchange(Buffer.from('~HQES', 'latin1'), { complete: oneFrame, timeoutMs: Math.min(timeoutMs, 1000) })
  if (!x.ok) return status
  const parsed = parseHqes(x.value.reply!)
  return parsed.ok ? ok(mergeExtended(status.value, parsed.value)) : status
}

/**
 * The operator's line (a message code) for a link or status failure; the English `reason` keeps the
 * detail (OS error, byte counts) for the CLI, the logs and the event.
 */
export function linkMessage(code: string, uri: string, timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Message {
  switch (code) {
    case 'printer.no_answer':
      return msg('printer.no_answer', { printer: uri, ms: timeoutMs })
    case 'printer.unreachable':
      return msg('printer.unreachable', { printer: uri })
    case 'printer.connection_lost':
      return msg('printer.connection_lost', { printer: uri })
    case 'printer.bad_status':
      return msg('printer.bad_status', { printer: uri })
    case 'printer.no_status':
      return msg('printer.no_status', { printer: uri })
    case 'printer.one_way_queue':
      return msg('printer.one_way_queue', { printer: uri })
    default:
      return msg('printer.link_failed', { printer: uri, reason: code })
  }
}

/** `reason` is English (CLI, logs, events); `message` is the same as a code for the UI. */
export type JobOutcome =
  | { state: 'confirmed'; status: PrinterStatus; sentBytes: number; firstByteMs: number }
  | { state: 'refused'; reason: string; code: string; message: Message; status?: PrinterStatus }
  | { state: 'uncertain'; reason: string; code: string; message: Message; sentBytes: number; status?: PrinterStatus }

export interface SendJobOptions {
  timeoutMs?: number
  /** Skip the status check before sending (a batch checks once, then streams). */
  skipPrecheck?: boolean
  /** Called just before the first byte may leave (the queue marks the job `sending` here). */
  beforeSend?: () => void
}

/** Sends one job, checking the printer before and after. Never throws. */
export async function sendJob(t: PrinterTransport, zpl: string | Uint8Array, options: SendJobOptions = {}): Promise<JobOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS
  const body = typeof zpl === 'string' ? Buffer.from(zpl, 'utf8') : Buffer.from(zpl)
  if (t.canAnswer && !options.skipPrecheck) {
    const before = await queryStatus(t, { timeoutMs })
    if (!before.ok) return { state: 'refused', code: before.error.code, reason: before.error.message, message: linkMessage(before.error.code, t.uri, timeoutMs) }
    if (!before.value.ready) {
      return { state: 'refused', code: 'printer.not_ready', reason: `The printer reports: ${describeStatus(before.value)}.`, message: statusMessage(before.value), status: before.value }
    }
  }
  options.beforeSend?.()
  if (!t.canAnswer) {
    const r = await t.exchange(body, { timeoutMs: Math.max(timeoutMs, 10_000) })
    if (r.ok) {
      const message = msg('printer.no_status', { printer: t.uri })
      return { state: 'uncertain', code: 'printer.no_status', reason: `Handed to the queue ${t.uri}; the queue cannot confirm printing.`, message, sentBytes: r.value.sentBytes }
    }
    const sent = Number(r.error.details?.sentBytes ?? 0)
    return sent === 0 && r.error.code === 'printer.unreachable'
      ? { state: 'refused', code: r.error.code, reason: r.error.message, message: linkMessage(r.error.code, t.uri, timeoutMs) }
      : { state: 'uncertain', code: r.error.code, reason: r.error.message, message: msg('printer.uncertain_lost', { printer: t.uri }), sentBytes: sent }
  }
  const payload = Buffer.concat([body, Buffer.from('~HS', 'latin1')])
  const r = await t.exchange(payload, { complete: threeFrames, timeoutMs })
  if (!r.ok) {
    const sent = Math.min(Number(r.error.details?.sentBytes ?? 0), body.length)
    if (r.error.code === 'printer.unreachable' && sent === 0) return { state: 'refused', code: r.error.code, reason: r.error.message, message: linkMessage(r.error.code, t.uri, timeoutMs) }
    return {
      state: 'uncertain',
      code: r.error.code,
      reason: `${r.error.message} The label may or may not have printed: check the printer, then confirm or reprint with a reason.`,
      message: msg('printer.uncertain_lost', { printer: t.uri }),
      sentBytes: sent
    }
  }
  const after = parseHostStatus(r.value.reply!)
  if (!after.ok) return { state: 'uncertain', code: after.error.code, reason: after.error.message, message: msg('printer.bad_status', { printer: t.uri }), sentBytes: body.length }
  if (after.value.partialFormat) {
    const reason = 'The printer holds an unfinished label format: the job was cut off.'
    return { state: 'uncertain', code: 'printer.partial_format', reason, message: msg('printer.partial_format', {}), sentBytes: body.length, status: after.value }
  }
  if (!after.value.ready && (after.value.paperOut || after.value.headOpen || after.value.ribbonOut)) {
    return {
      state: 'uncertain',
      code: 'printer.not_ready',
      reason: `The printer took the job but then reported: ${describeStatus(after.value)}. Check whether the label printed.`,
      message: msg('printer.fault_after_send', {}),
      sentBytes: body.length,
      status: after.value
    }
  }
  return { state: 'confirmed', status: after.value, sentBytes: body.length, firstByteMs: r.value.firstByteMs }
}
