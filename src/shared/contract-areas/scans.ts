import { COMMANDS } from '../codes/commands'
import { z } from 'zod'
import type { ScanClassification } from '../codes/gs1/classify'
import type { ParamValue } from '../messages/format'
import type { FeedbackTone } from '../model/feedback'

/** How a scan reached the station. */
export type ScanSourceName = 'serial' | 'hid' | 'wedge' | 'simulator' | 'test'
export type ScanOutcome = 'accepted' | 'rejected' | 'warning' | 'ignored'

/** One scan after the pipeline: what it parsed into, what the workflow said, and its journal row. */
export interface ScanResult {
  /** scan_journal row id: the evidence when an operator says "I scanned it". */
  journalId: number
  deviceId: string
  source: ScanSourceName
  /** The terminal the scan went to (its screen's workflow handled it). */
  terminalId: string
  /** When the scan was read (ISO-8601). */
  at: string
  /** The scan as text (GS as U+001D), null when the bytes were not text. */
  text: string | null
  /** Bytes received. */
  bytes: number
  symbology: string | null
  outcome: ScanOutcome
  /** What the operator hears and sees; null for ignored scans. */
  tone: FeedbackTone | null
  /** Stable code of the outcome: `scan.gs1`, `scan.plain`, `scan.too_long`, `gs1.check_digit`, … */
  code: string
  /** The code's parameters; the renderer words the outcome (shared/messages). */
  params: Record<string, ParamValue>
  classification: ScanClassification | null
  /** The workflow that handled it (`default` until receiving registers). */
  workflow: string
}

/** Scan workflows a screen can make active (`default` reports the parse only). */
/** `idle`: a screen that takes no scans (each scan gets an amber "go to …"). */
export const SCAN_WORKFLOWS = ['default', 'receiving', 'putaway', 'lookup', 'gate', 'idle'] as const
export type ScanWorkflowName = (typeof SCAN_WORKFLOWS)[number]

export interface ScannerSummary {
  deviceId: string
  enabled: boolean
  scans: number
  rejected: number
  lastScanAt: string | null
  lastText: string | null
  lastOutcome: ScanOutcome | null
}

export interface JournalRow {
  id: number
  scannedAt: string
  deviceId: string
  terminalId: string | null
  /** Raw bytes as hex (exactly what the scanner sent). */
  rawHex: string
  text: string | null
  symbology: string | null
  outcome: ScanOutcome
  code: string | null
  params: Record<string, ParamValue> | null
  /** English text of the outcome, kept as evidence for site IT. */
  message: string | null
  eventId: number | null
}

/** Scans longer than this are refused at the boundary; up to it the pipeline rejects with a reason. */
export const MAX_SUBMIT_CHARS = 16_384

const deviceId = z.string().min(1).max(200)

export const scansMethods = {
  /** A scan captured in the UI (keyboard wedge) or typed in the Devices test box: through the pipeline. */
  'scans.submit': {
    input: z.object({ text: z.string().max(MAX_SUBMIT_CHARS), source: z.enum(['wedge', 'test']), deviceId: deviceId.optional() }).strict()
  },
  /** Parse only: what this text would parse into (no journal, no workflow). */
  'scans.parse': { input: z.object({ text: z.string().max(MAX_SUBMIT_CHARS) }).strict() },
  'scans.journal': { input: z.object({ limit: z.number().int().min(1).max(500).optional(), deviceId: deviceId.optional() }).strict() },
  'scanners.summary': { input: z.object({}).strict() },
  'scanners.setEnabled': { input: z.object({ deviceId, enabled: z.boolean() }).strict() },
  /** Demo mode: fire a sample (or the given) scan from a simulated scanner. */
  'scanners.simulate': { input: z.object({ deviceId: deviceId.optional(), text: z.string().max(MAX_SUBMIT_CHARS).optional() }).strict() },
  /** Look for newly plugged scanners now (besides the periodic hot-plug poll). */
  'scanners.discover': { input: z.object({}).strict() },
  /**
   * Which workflow gets this terminal's scans (the UI sets it as the operator changes screens). A name
   * with no registered handler falls back to `default`; resolves to the workflow now active.
   */
  'scans.setWorkflow': { input: z.object({ workflow: z.enum(SCAN_WORKFLOWS) }).strict() },
  /** Sends a scanner's scans to one terminal (null: to the terminal used last). */
  'scanners.assign': { input: z.object({ deviceId, terminalId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).nullable() }).strict() },
  /** The terminals this station knows, with their active workflow and assigned scanners. */
  'terminals.list': { input: z.object({}).strict() },
  /**
   * A screen's command sheet (ADR 0016) as a PDF: one Code 128 command barcode per entry, with the
   * label and shortcut the renderer supplies in the operator's language.
   */
  'commands.sheet': {
    input: z
      .object({
        title: z.string().trim().min(1).max(120),
        entries: z
          .array(z.object({ command: z.enum(COMMANDS), label: z.string().trim().min(1).max(80), shortcut: z.string().max(24).optional() }).strict())
          .min(1)
          .max(40)
      })
      .strict()
  }
} as const

export interface ScansOutputs {
  'scans.submit': ScanResult
  'scans.parse': ScanClassification
  'scans.journal': JournalRow[]
  'scanners.summary': ScannerSummary[]
  'scanners.setEnabled': ScannerSummary[]
  'scanners.simulate': ScanResult
  'scanners.discover': { added: string[]; errors: Record<string, string> }
  'scans.setWorkflow': { workflow: string }
  'scanners.assign': Record<string, string>
  'terminals.list': TerminalSummary[]
  'commands.sheet': { pdfBase64: string; pages: number; bytes: number }
}

export interface TerminalSummary {
  id: string
  workflow: string
  /** Scanners whose scans go to this terminal. */
  scanners: string[]
  /** This is the caller's own terminal. */
  self: boolean
}

export interface ScansAreaEvents {
  /** Every scan's result, pushed to every UI (feedback tone + flash, test box, receiving screen). */
  'scans.result': ScanResult
}
