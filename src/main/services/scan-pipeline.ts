import { parseCommand, type Command } from '../../shared/codes/commands'
import { classifyScan, type ScanClassification } from '../../shared/codes/gs1/index'
import type { JournalRow, ScannerSummary, ScanOutcome, ScanResult, ScanSourceName } from '../../shared/contract-areas/scans'
import { english } from '../../shared/messages/catalog'
import type { ParamValue } from '../../shared/messages/format'
import { TONE_OF_OUTCOME, type FeedbackTone } from '../../shared/model/feedback'
import { createScanJournalRepository } from '../store/repositories/scan-journal'
import { inImmediateTransaction, type Db } from '../store/sql'
import { MAX_SCAN_BYTES, type RawScan, type RejectedScan } from '../devices/scanners/types'
import { decodeScanBytes } from './scan-decode'
import { createScanRouter, type ScanRouter, type WorkflowStore } from './scan-router'
import { formatScanMessage } from './scan-text'

export { decodeScanBytes } from './scan-decode'
export type { ScanRouter } from './scan-router'

export type Params = Record<string, ParamValue>

/** A scan as a workflow sees it: decoded, classified, with where it came from and which terminal it is for. */
export interface ClassifiedScan {
  deviceId: string
  source: ScanSourceName
  terminalId: string
  at: Date
  text: string
  symbology: string | null
  classification: ScanClassification
  operatorId: number | null
}

/** What a workflow decides about a scan: a code with parameters. Events it writes join the scan's transaction. */
export interface ScanVerdict {
  outcome: ScanOutcome
  code: string
  params: Params
  tone?: FeedbackTone | null
  /** The event the workflow recorded for this scan (linked from the journal row). */
  eventId?: number | null
}

/** Runs inside the scan's transaction: synchronous, so scans are handled strictly in arrival order. */
export type ScanHandler = (scan: ClassifiedScan) => ScanVerdict

/** The parameters of a parser error (the shared codes give them; older errors only a message). */
export function errorParams(error: { message: string; params?: Params }): Params {
  return error.params ?? { detail: error.message }
}

/** The parameters of a driver's rejection code (its English reason stays in the driver's log line). */
function rejectionParams(r: RejectedScan, maxBytes: number): Params {
  if (r.code === 'scan.too_long') return { bytes: Math.max(r.raw.length, maxBytes + 1), limit: maxBytes }
  if (r.code === 'scan.partial' || r.code === 'hid.bad_report') return { bytes: r.raw.length }
  return { detail: r.reason }
}

export const defaultScanHandler: ScanHandler = (scan) => {
  const c = scan.classification
  if (c.kind === 'invalid') return { outcome: 'rejected', code: c.error.code, params: errorParams(c.error as { message: string; params?: Params }), tone: 'bad' }
  return { outcome: 'accepted', code: c.kind === 'gs1' ? 'scan.gs1' : 'scan.plain', params: { text: formatScanMessage(c) }, tone: 'good' }
}

/**
 * A command barcode (ADR 0016), on any input: journaled like every scan and announced to the
 * terminal's screen, which runs the action (the same one as its button and keyboard shortcut).
 */
export function commandVerdict(command: Command | 'unknown', text: string): ScanVerdict {
  if (command === 'unknown') return { outcome: 'rejected', code: 'scan.unknown_command', params: { text: text.trim() }, tone: 'bad' }
  return { outcome: 'accepted', code: 'scan.command', params: { command }, tone: null }
}

export interface ScanPipelineDeps {
  db: Db
  emit: (result: ScanResult) => void
  /** Each terminal's active workflow (persisted by the terminals registry). */
  workflows: WorkflowStore
  /** The terminal a device's scans go to (its assignment, else the terminal used last). */
  terminalOfDevice: (deviceId: string) => string
  operatorId?: (terminalId: string) => number | null
  gsSubstitutes?: () => readonly string[]
  isDisabled?: (deviceId: string) => boolean
  now?: () => Date
  maxBytes?: number
  onError?: (error: unknown) => void
  /** Whether the text is an operator's sign-in badge: such scans are never journaled (a credential). */
  isBadge?: (text: string) => boolean
  /** Told of every failed and successful journal write: a full disk is reported, not thrown. */
  storage?: { noteFailure(error: unknown): boolean; noteSuccess(): void; failure?(): { code: string } }
}

/** journalId of a scan that was not written (a badge, or a full disk). */
export const NOT_JOURNALED = 0

export interface SubmitInput {
  deviceId: string
  source: ScanSourceName
  /** The terminal the scan belongs to (a wedge scan: the screen it was typed on). */
  terminalId: string
  raw: Uint8Array
  symbology?: string
  at?: Date
}

interface JournalEntry {
  at: Date
  deviceId: string
  terminalId: string
  raw: Uint8Array
  text: string | null
  symbology: string | null
  outcome: ScanOutcome
  code: string
  params: Params
  eventId: number | null
}

/**
 * Every scan, whatever its transport, goes through here: cap and decode → classify (GS1 or plain) →
 * the active workflow of the scan's terminal → one scan_journal row (device, terminal, raw bytes,
 * time, outcome code and parameters) written in the same transaction as the workflow's events →
 * `scans.result` to the UIs. Synchronous end to end, so scans keep their order and a result is only
 * announced once it is durable (synchronous = FULL).
 */
export function createScanPipeline(deps: ScanPipelineDeps) {
  const maxBytes = deps.maxBytes ?? MAX_SCAN_BYTES
  const router: ScanRouter = createScanRouter(deps.workflows)
  const summaries = new Map<string, ScannerSummary>()

  const journalRepo = createScanJournalRepository(deps.db)

  const summaryOf = (deviceId: string): ScannerSummary => {
    let s = summaries.get(deviceId)
    if (!s) {
      s = { deviceId, enabled: true, scans: 0, rejected: 0, lastScanAt: null, lastText: null, lastOutcome: null }
      summaries.set(deviceId, s)
    }
    return s
  }

  const journal = (row: JournalEntry): number => {
    const raw = Buffer.from(row.raw.buffer, row.raw.byteOffset, row.raw.byteLength)
    return journalRepo.insert({
      scannedAt: row.at.toISOString(),
      deviceId: row.deviceId,
      terminalId: row.terminalId,
      raw,
      text: row.text,
      symbology: row.symbology,
      outcome: row.outcome,
      code: row.code,
      params: JSON.stringify(row.params),
      // English beside the code: the journal is evidence read by site IT in diagnostics bundles.
      message: english({ code: row.code, params: row.params }),
      eventId: row.eventId
    })
  }

  const finish = (result: ScanResult): ScanResult => {
    const s = summaryOf(result.deviceId)
    s.scans++
    if (result.outcome === 'rejected') s.rejected++
    s.lastScanAt = result.at
    s.lastText = result.text
    s.lastOutcome = result.outcome
    try {
      deps.emit(result)
    } catch (error) {
      deps.onError?.(error)
    }
    return result
  }

  /** A rejection decided before classification (too long, noise, cut off by an unplug, bad report). */
  const reject = (input: { deviceId: string; source: ScanSourceName; terminalId: string; raw: Uint8Array; at: Date; code: string; params: Params; text?: string | null; symbology?: string | null; journaled?: boolean }): ScanResult => {
    const evidence = input.raw.length > maxBytes ? input.raw.subarray(0, maxBytes) : input.raw
    const text = input.text ?? null
    const symbology = input.symbology ?? null
    let journalId = NOT_JOURNALED
    if (input.journaled !== false) {
      try {
        journalId = journal({ ...input, raw: evidence, text, symbology, outcome: 'rejected', eventId: null })
        deps.storage?.noteSuccess()
      } catch (error) {
        // The rejection is still announced: a journal that cannot be written never loses the answer.
        if (!deps.storage?.noteFailure(error)) deps.onError?.(error)
      }
    }
    return finish({
      journalId,
      deviceId: input.deviceId,
      source: input.source,
      terminalId: input.terminalId,
      at: input.at.toISOString(),
      text,
      bytes: input.raw.length,
      symbology,
      outcome: 'rejected',
      tone: 'bad',
      code: input.code,
      params: input.params,
      classification: null,
      workflow: router.active(input.terminalId)
    })
  }

  const handleTx = inImmediateTransaction(deps.db, (scan: ClassifiedScan, raw: Uint8Array, handler: ScanHandler) => {
    const verdict = handler(scan)
    const journalId = journal({ at: scan.at, deviceId: scan.deviceId, terminalId: scan.terminalId, raw, text: scan.text, symbology: scan.symbology, outcome: verdict.outcome, code: verdict.code, params: verdict.params, eventId: verdict.eventId ?? null })
    return { verdict, journalId }
  })

  const submit = (input: SubmitInput): ScanResult => {
    const at = input.at ?? deps.now?.() ?? new Date()
    const base = { deviceId: input.deviceId, source: input.source, terminalId: input.terminalId, raw: input.raw, at }
    if (input.raw.length > maxBytes) return reject({ ...base, code: 'scan.too_long', params: { bytes: input.raw.length, limit: maxBytes } })
    if (input.raw.length === 0) return reject({ ...base, code: 'scan.empty', params: {} })
    const decoded = decodeScanBytes(input.raw)
    if ('error' in decoded) return reject({ ...base, code: 'scan.binary', params: { byte: decoded.byte, position: decoded.position } })
    const text = decoded.text
    if (deps.isBadge?.(text.trim())) {
      // An operator badge is a credential: kept out of the journal, the result and so the diagnostics bundle.
      return finish({
        journalId: NOT_JOURNALED,
        deviceId: input.deviceId,
        source: input.source,
        terminalId: input.terminalId,
        at: at.toISOString(),
        text: null,
        bytes: input.raw.length,
        symbology: null,
        outcome: 'ignored',
        tone: null,
        code: 'scan.badge',
        params: {},
        classification: null,
        workflow: router.active(input.terminalId)
      })
    }
    const withAim = input.symbology && !text.startsWith(']') ? input.symbology + text : text
    const disabled = deps.isDisabled?.(input.deviceId) ?? false
    const classification = classifyScan(withAim, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })
    const symbology = ('symbology' in classification ? classification.symbology : undefined) ?? input.symbology ?? null
    const scan: ClassifiedScan = { deviceId: input.deviceId, source: input.source, terminalId: input.terminalId, at, text, symbology, classification, operatorId: deps.operatorId?.(input.terminalId) ?? null }
    const route = router.handlerOf(input.terminalId)
    const command = parseCommand(text)
    const workflow = disabled ? 'disabled' : command !== null ? 'command' : route.name
    const handler: ScanHandler = disabled
      ? () => ({ outcome: 'ignored', code: 'scan.device_disabled', params: { device: input.deviceId } })
      : command !== null
        ? () => commandVerdict(command, text)
        : (route.handler ?? defaultScanHandler)
    let verdict: ScanVerdict
    let journalId: number
    try {
      // IMMEDIATE: take the write lock up front (waiting on busy_timeout) rather than failing at the first write
      // when an import worker holds it.
      ;({ verdict, journalId } = handleTx(scan, input.raw, handler))
      deps.storage?.noteSuccess()
    } catch (error) {
      if (deps.storage?.noteFailure(error)) return reject({ ...base, code: deps.storage.failure?.().code ?? 'store.disk_full', params: {}, text, symbology, journaled: false })
      deps.onError?.(error)
      return reject({ ...base, code: 'scan.workflow_failed', params: { workflow, detail: error instanceof Error ? error.message : String(error) }, text, symbology })
    }
    return finish({
      journalId,
      deviceId: input.deviceId,
      source: input.source,
      terminalId: input.terminalId,
      at: at.toISOString(),
      text,
      bytes: input.raw.length,
      symbology,
      outcome: verdict.outcome,
      tone: verdict.tone === undefined ? TONE_OF_OUTCOME[verdict.outcome] : verdict.tone,
      code: verdict.code,
      params: verdict.params,
      classification,
      workflow
    })
  }

  const fromDriverScan = (scan: RawScan): ScanResult =>
    submit({ deviceId: scan.deviceId, source: scan.source, terminalId: deps.terminalOfDevice(scan.deviceId), raw: scan.raw, at: scan.at, ...(scan.symbology ? { symbology: scan.symbology } : {}) })

  return {
    submit,
    /** A driver's rejection (partial frame, over-long scan, bad report): journaled, announced. */
    rejected: (r: RejectedScan): ScanResult =>
      reject({ deviceId: r.deviceId, source: r.source, terminalId: deps.terminalOfDevice(r.deviceId), raw: r.raw, at: r.at, code: r.code, params: rejectionParams(r, maxBytes) }),
    fromDriver: fromDriverScan,
    parse: (text: string): ScanClassification => classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] }),
    router,
    summaries: (): ScannerSummary[] => [...summaries.values()].map((s) => ({ ...s, enabled: !(deps.isDisabled?.(s.deviceId) ?? false) })),
    summaryOf: (deviceId: string): ScannerSummary => ({ ...summaryOf(deviceId), enabled: !(deps.isDisabled?.(deviceId) ?? false) }),
    journal(limit = 50, deviceId?: string): JournalRow[] {
      return journalRepo.latest(limit, deviceId).map((r) => ({
        id: r.id,
        scannedAt: r.scanned_at,
        deviceId: r.device_id,
        terminalId: r.terminal_id,
        rawHex: Buffer.from(r.raw).toString('hex'),
        text: r.text,
        symbology: r.symbology,
        outcome: r.outcome,
        code: r.code,
        params: r.params ? (JSON.parse(r.params) as Params) : null,
        message: r.message,
        eventId: r.event_id
      }))
    }
  }
}

export type ScanPipeline = ReturnType<typeof createScanPipeline>
