import type Database from 'better-sqlite3'
import { classifyScan, type ScanClassification } from '../../shared/codes/gs1/index'
import type { JournalRow, ScannerSummary, ScanOutcome, ScanResult, ScanSourceName } from '../../shared/contract-areas/scans'
import type { FeedbackTone } from '../../shared/model/feedback'
import { MAX_SCAN_BYTES, type RawScan, type RejectedScan } from '../devices/scanners/types'
import { formatScanMessage } from './scan-text'

/** A scan as a workflow sees it: decoded, classified, with where it came from. */
export interface ClassifiedScan {
  deviceId: string
  source: ScanSourceName
  at: Date
  text: string
  symbology: string | null
  classification: ScanClassification
  operatorId: number | null
}

/** What a workflow decides about a scan. Events it writes join the scan's transaction. */
export interface ScanVerdict {
  outcome: ScanOutcome
  message: string
  code?: string
  tone?: FeedbackTone | null
  /** The event the workflow recorded for this scan (linked from the journal row). */
  eventId?: number | null
}

/** Runs inside the scan's transaction: synchronous, so scans are handled strictly in arrival order. */
export type ScanHandler = (scan: ClassifiedScan) => ScanVerdict

/** Workflows register a handler; the active one gets every scan, the default one reports the parse. */
export interface ScanRouter {
  register(name: string, handler: ScanHandler): () => void
  activate(name: string | null): void
  active(): string
}

export const defaultScanHandler: ScanHandler = (scan) => {
  const c = scan.classification
  if (c.kind === 'invalid') return { outcome: 'rejected', code: c.error.code, message: c.error.message, tone: 'bad' }
  return { outcome: 'accepted', code: c.kind === 'gs1' ? 'scan.gs1' : 'scan.plain', message: formatScanMessage(c), tone: 'good' }
}

const TONE: Record<ScanOutcome, FeedbackTone | null> = { accepted: 'good', warning: 'warning', rejected: 'bad', ignored: null }

/** Control characters a scan may carry: TAB, GS (FNC1), RS and EOT (ISO/IEC 15434 envelopes). */
const ALLOWED_CONTROL = new Set([0x09, 0x1d, 0x1e, 0x04])

/** Decodes scan bytes: UTF-8 when valid, else Latin-1; null when they hold control bytes (noise). */
export function decodeScanBytes(raw: Uint8Array): { text: string } | { error: string } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    text = Buffer.from(raw).toString('latin1')
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && !ALLOWED_CONTROL.has(c)) || c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      return { error: `The scan holds a control byte 0x${c.toString(16).padStart(2, '0')} at position ${i}: line noise or binary data, not a barcode.` }
    }
  }
  return { text }
}

export interface ScanPipelineDeps {
  db: Database.Database
  emit: (result: ScanResult) => void
  operatorId?: () => number | null
  gsSubstitutes?: () => readonly string[]
  isDisabled?: (deviceId: string) => boolean
  now?: () => Date
  maxBytes?: number
  onError?: (error: unknown) => void
  /** Whether the text is an operator's sign-in badge: such scans are never journaled (a credential). */
  isBadge?: (text: string) => boolean
  /** Told of every failed and successful journal write: a full disk is reported, not thrown. */
  storage?: { noteFailure(error: unknown): boolean; noteSuccess(): void }
}

/** journalId of a scan that was not written (a badge, or a full disk). */
export const NOT_JOURNALED = 0

export interface SubmitInput {
  deviceId: string
  source: ScanSourceName
  raw: Uint8Array
  symbology?: string
  at?: Date
}

/**
 * Every scan, whatever its transport, goes through here: cap and decode → classify (GS1 or plain) →
 * the active workflow → one scan_journal row (device, raw bytes, time, outcome, message) written in the
 * same transaction as the workflow's events → `scans.result` to every UI. Synchronous end to end, so
 * scans keep their order and a result is only announced once it is durable (synchronous = FULL).
 */
export function createScanPipeline(deps: ScanPipelineDeps) {
  const maxBytes = deps.maxBytes ?? MAX_SCAN_BYTES
  const handlers = new Map<string, ScanHandler>()
  let activeName: string | null = null
  const summaries = new Map<string, ScannerSummary>()

  const insert = deps.db.prepare(
    `INSERT INTO scan_journal (scanned_at, device_id, raw, text, symbology, outcome, message, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )

  const summaryOf = (deviceId: string): ScannerSummary => {
    let s = summaries.get(deviceId)
    if (!s) {
      s = { deviceId, enabled: true, scans: 0, rejected: 0, lastScanAt: null, lastText: null, lastOutcome: null }
      summaries.set(deviceId, s)
    }
    return s
  }

  const journal = (row: { at: Date; deviceId: string; raw: Uint8Array; text: string | null; symbology: string | null; outcome: ScanOutcome; message: string; eventId: number | null }): number => {
    const info = insert.run(row.at.toISOString(), row.deviceId, Buffer.from(row.raw.buffer, row.raw.byteOffset, row.raw.byteLength), row.text, row.symbology, row.outcome, row.message, row.eventId)
    return Number(info.lastInsertRowid)
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
  const reject = (input: { deviceId: string; source: ScanSourceName; raw: Uint8Array; at: Date; code: string; message: string; text?: string | null; symbology?: string | null; journaled?: boolean }): ScanResult => {
    const evidence = input.raw.length > maxBytes ? input.raw.subarray(0, maxBytes) : input.raw
    let journalId = NOT_JOURNALED
    if (input.journaled !== false) {
      try {
        journalId = journal({ at: input.at, deviceId: input.deviceId, raw: evidence, text: input.text ?? null, symbology: input.symbology ?? null, outcome: 'rejected', message: `[${input.code}] ${input.message}`, eventId: null })
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
      at: input.at.toISOString(),
      text: input.text ?? null,
      bytes: input.raw.length,
      symbology: input.symbology ?? null,
      outcome: 'rejected',
      tone: 'bad',
      code: input.code,
      message: input.message,
      classification: null,
      workflow: activeName ?? 'default'
    })
  }

  const handleTx = deps.db.transaction((scan: ClassifiedScan, raw: Uint8Array, handler: ScanHandler) => {
    const verdict = handler(scan)
    const journalId = journal({ at: scan.at, deviceId: scan.deviceId, raw, text: scan.text, symbology: scan.symbology, outcome: verdict.outcome, message: `[${verdict.code ?? verdict.outcome}] ${verdict.message}`, eventId: verdict.eventId ?? null })
    return { verdict, journalId }
  })

  const submit = (input: SubmitInput): ScanResult => {
    const at = input.at ?? deps.now?.() ?? new Date()
    const base = { deviceId: input.deviceId, source: input.source, raw: input.raw, at }
    if (input.raw.length > maxBytes) {
      return reject({ ...base, code: 'scan.too_long', message: `The scan is ${input.raw.length} bytes; the limit is ${maxBytes}. It was discarded.` })
    }
    if (input.raw.length === 0) return reject({ ...base, code: 'scan.empty', message: 'The scan is empty.' })
    const decoded = decodeScanBytes(input.raw)
    if ('error' in decoded) return reject({ ...base, code: 'scan.binary', message: decoded.error })
    const text = decoded.text
    if (deps.isBadge?.(text.trim())) {
      // An operator badge is a credential: kept out of the journal, the result and so the diagnostics bundle.
      return finish({
        journalId: NOT_JOURNALED,
        deviceId: input.deviceId,
        source: input.source,
        at: at.toISOString(),
        text: null,
        bytes: input.raw.length,
        symbology: null,
        outcome: 'ignored',
        tone: null,
        code: 'scan.badge',
        message: 'An operator badge was scanned; it was not recorded. Sign in on the sign-in screen.',
        classification: null,
        workflow: activeName ?? 'default'
      })
    }
    const withAim = input.symbology && !text.startsWith(']') ? input.symbology + text : text
    const disabled = deps.isDisabled?.(input.deviceId) ?? false
    const classification = classifyScan(withAim, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })
    const symbology = ('symbology' in classification ? classification.symbology : undefined) ?? input.symbology ?? null
    const scan: ClassifiedScan = { deviceId: input.deviceId, source: input.source, at, text, symbology, classification, operatorId: deps.operatorId?.() ?? null }
    const workflow = disabled ? 'disabled' : (activeName ?? 'default')
    const handler: ScanHandler = disabled
      ? () => ({ outcome: 'ignored', code: 'scan.device_disabled', message: `Scanner ${input.deviceId} is disabled on this station; the scan was not used.` })
      : (activeName ? handlers.get(activeName) : undefined) ?? defaultScanHandler
    let verdict: ScanVerdict
    let journalId: number
    try {
      // IMMEDIATE: take the write lock up front (waiting on busy_timeout) rather than failing at the first write
      // when an import worker holds it.
      ;({ verdict, journalId } = handleTx.immediate(scan, input.raw, handler))
      deps.storage?.noteSuccess()
    } catch (error) {
      if (deps.storage?.noteFailure(error)) {
        return reject({ ...base, code: 'store.disk_full', message: 'The disk is full: this scan was not saved. Free some space; the station resumes by itself.', text, symbology, journaled: false })
      }
      deps.onError?.(error)
      return reject({ ...base, code: 'scan.workflow_failed', message: `The ${workflow} workflow failed on this scan: ${error instanceof Error ? error.message : String(error)}`, text, symbology })
    }
    return finish({
      journalId,
      deviceId: input.deviceId,
      source: input.source,
      at: at.toISOString(),
      text,
      bytes: input.raw.length,
      symbology,
      outcome: verdict.outcome,
      tone: verdict.tone === undefined ? TONE[verdict.outcome] : verdict.tone,
      code: verdict.code ?? (classification.kind === 'invalid' ? classification.error.code : `scan.${verdict.outcome}`),
      message: verdict.message,
      classification,
      workflow
    })
  }

  const router: ScanRouter = {
    register(name, handler) {
      handlers.set(name, handler)
      return () => {
        if (handlers.get(name) === handler) handlers.delete(name)
        if (activeName === name) activeName = null
      }
    },
    activate(name) {
      if (name !== null && !handlers.has(name)) throw new Error(`No scan workflow called "${name}" is registered.`)
      activeName = name
    },
    active: () => activeName ?? 'default'
  }

  const selectJournal = deps.db.prepare<[string | null, string | null, number], { id: number; scanned_at: string; device_id: string; raw: Buffer; text: string | null; symbology: string | null; outcome: ScanOutcome; message: string | null; event_id: number | null }>(
    `SELECT id, scanned_at, device_id, raw, text, symbology, outcome, message, event_id FROM scan_journal
      WHERE (? IS NULL OR device_id = ?) ORDER BY id DESC LIMIT ?`
  )

  return {
    submit,
    /** A driver's rejection (partial frame, over-long scan, bad report): journaled, announced. */
    rejected: (r: RejectedScan): ScanResult => reject({ deviceId: r.deviceId, source: r.source, raw: r.raw, at: r.at, code: r.code, message: r.reason }),
    fromDriver: (scan: RawScan): ScanResult => submit(scan.symbology ? { deviceId: scan.deviceId, source: scan.source, raw: scan.raw, symbology: scan.symbology, at: scan.at } : { deviceId: scan.deviceId, source: scan.source, raw: scan.raw, at: scan.at }),
    parse: (text: string): ScanClassification => classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] }),
    router,
    summaries: (): ScannerSummary[] => [...summaries.values()].map((s) => ({ ...s, enabled: !(deps.isDisabled?.(s.deviceId) ?? false) })),
    summaryOf: (deviceId: string): ScannerSummary => ({ ...summaryOf(deviceId), enabled: !(deps.isDisabled?.(deviceId) ?? false) }),
    journal(limit = 50, deviceId?: string): JournalRow[] {
      return selectJournal.all(deviceId ?? null, deviceId ?? null, limit).map((r) => ({
        id: r.id,
        scannedAt: r.scanned_at,
        deviceId: r.device_id,
        rawHex: Buffer.from(r.raw).toString('hex'),
        text: r.text,
        symbology: r.symbology,
        outcome: r.outcome,
        message: r.message,
        eventId: r.event_id
      }))
    }
  }
}

export type ScanPipeline = ReturnType<typeof createScanPipeline>
