import { z } from 'zod'
import { approvalInput } from '../schemas'
import type { ParamValue } from '../messages/format'
import type { FeedbackTone } from '../model/feedback'

/**
 * Receiving, put-away, look-up and inbound imports (ADR 0008). Scans normally reach receiving through
 * the scan pipeline (`scans.submit` with the `receiving` workflow active); `receiving.submit` takes a
 * typed or pasted code through the very same checks.
 */

export type ReceiveOutcomeKind = 'accepted' | 'rejected' | 'warning' | 'ignored'

/** A message as it crosses to the UI: a code (shared/messages) and its parameters; the UI words it. */
export interface CodedMessage {
  code: string
  params: Readonly<Record<string, ParamValue>>
}
export const EXCEPTION_REASONS = ['damaged', 'wrong_item', 'unexpected_serial', 'no_label'] as const
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number]
export type Tracking = 'none' | 'lot' | 'serial' | 'lot_serial'

export interface OrderSummary {
  id: number
  number: string
  kind: 'po' | 'asn'
  supplier: { code: string; name: string } | null
  poNumber: string | null
  status: 'open' | 'receiving' | 'closed' | 'cancelled'
  expectedAt: string | null
  createdAt: string
  closedAt: string | null
  lines: number
  expected: number
  received: number
}

export interface LineCounts {
  lineId: number
  lineNo: number
  itemId: number
  sku: string
  gtin: string | null
  description: string
  tracking: Tracking
  lot: string | null
  expected: number
  received: number
  over: number
  short: number
  damaged: number
  noLabel: number
}

export interface PlateSummary {
  id: number
  code: string
  kind: 'sscc' | 'lpn'
  parentCode: string | null
  location: string | null
  status: string
  units: number
  children: number
  createdAt: string
}

export interface PendingGtin {
  gtin: string
  sku: string
  description: string
  lot: string | null
  expiry: string | null
  since: string
}

export interface ReceivingState {
  order: OrderSummary | null
  lines: LineCounts[]
  plate: PlateSummary | null
  pending: PendingGtin | null
  /** Exceptions on the order by reason (wrong items and unexpected serials have no line). */
  exceptions: Record<ExceptionReason, number>
}

export interface ReceivedUnitBrief {
  id: number
  sku: string
  gtin: string | null
  serial: string
  lot: string | null
  expiry: string | null
}

/** Where and when an already-known serial was received (duplicate / counterfeit alert). */
export interface DuplicateInfo {
  unitId: number
  status: string
  receivedAt: string | null
  order: string | null
  location: string | null
  plate: string | null
  sameOrder: boolean
}

export interface ReceiveOutcome {
  outcome: ReceiveOutcomeKind
  /** Stable code: receiving.received, receiving.duplicate, receiving.lot_recalled, serial.is_gtin, … */
  code: string
  params: Readonly<Record<string, ParamValue>>
  /** Further lines the operator should read (a lot that differs from the ASN, an over-receipt…). */
  notes: CodedMessage[]
  tone: FeedbackTone | null
  /** The event of this scan (a pallet: its `plate.received`), linked from the scan journal. */
  eventId: number | null
  /** Units this scan received (0 when refused or only state changed). */
  received: number
  unit: ReceivedUnitBrief | null
  plate: PlateSummary | null
  duplicate: DuplicateInfo | null
}

export interface CloseResult {
  order: OrderSummary
  lines: LineCounts[]
  reportPath: string
  eventId: number
}

/** A file the station made, carried to the screen (a browser cannot open a path on the station). */
export interface ReportFile {
  name: string
  bytes: number
  base64: string
}

export interface UndoResult {
  undone: number
  code: 'receiving.undone'
  params: Readonly<Record<string, ParamValue>>
  eventIds: number[]
  state: ReceivingState
}

// ── put-away ─────────────────────────────────────────────────────────────────────────────────
export interface PutawaySubject {
  kind: 'plate' | 'unit'
  id: number
  code: string
  /** Units that move (the plate's whole tree for a plate). */
  units: number
  /** `putaway.describe_unit` / `putaway.describe_plate`. */
  description: CodedMessage
  location: string | null
}

export interface PutawaySuggestion {
  code: string
  name: string
  /** item default bin, zone rule, … (`putaway.why_*`) */
  why: CodedMessage
}

export interface PutawayState {
  subject: PutawaySubject | null
  suggestion: PutawaySuggestion | null
}

export interface PutawayOutcome {
  outcome: ReceiveOutcomeKind
  code: string
  params: Readonly<Record<string, ParamValue>>
  notes: CodedMessage[]
  tone: FeedbackTone | null
  eventId: number | null
  moved: { units: number; plates: number; to: string } | null
  state: PutawayState
}

// ── look-up ──────────────────────────────────────────────────────────────────────────────────
export interface TimelineEntry {
  eventId: number
  type: string
  at: string
  stationId: string
  operator: { id: number; name: string } | null
  /** One line for the operator, one code per event type (`timeline.unit.received`, …). */
  summary: CodedMessage
  order: string | null
  plate: string | null
  location: string | null
  reason: string | null
  payload: Record<string, unknown>
}

export interface UnitDetail {
  id: number
  sku: string
  gtin: string | null
  description: string
  serial: string
  lot: string | null
  lotStatus: string | null
  expiry: string | null
  madeAt: string | null
  productionLine: string | null
  shift: string | null
  supplier: { code: string; name: string } | null
  order: { number: string; kind: string } | null
  condition: string
  status: string
  location: string | null
  locationPath: string[]
  plate: string | null
  customer: string | null
  receivedAt: string | null
  updatedAt: string
}

export interface PlateDetail extends PlateSummary {
  locationPath: string[]
  childCodes: string[]
  /** Units on the plate and on its nested plates, per item. */
  contents: Array<{ sku: string; description: string; units: number }>
}

export interface LocationDetail {
  id: number
  code: string
  name: string
  kind: string
  path: string[]
  active: boolean
  units: number
  plates: string[]
}

export type LookupResult =
  | { kind: 'unit'; code: string; unit: UnitDetail; timeline: TimelineEntry[] }
  | { kind: 'plate'; code: string; plate: PlateDetail; timeline: TimelineEntry[] }
  | { kind: 'location'; code: string; location: LocationDetail; timeline: TimelineEntry[] }
  | { kind: 'choices'; code: string; units: Array<UnitDetail> }

// ── imports ──────────────────────────────────────────────────────────────────────────────────
export const IMPORT_KINDS = ['items', 'suppliers', 'locations', 'po', 'asn', 'shipment', 'operators'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface ImportIssue {
  /** 1-based row as a spreadsheet shows it, counting the header (and a `kind` line above it). */
  row: number
  /** Column header, or null for a problem with the whole row or file. */
  column: string | null
  /** Stable rule name: required, gtin, date, enum, integer, unique, reference, serial.*, … */
  rule: string
  message: string
  value?: string
}

export interface ImportReport {
  file: string
  kind: ImportKind | null
  /** Data rows read (not counting the header). */
  rows: number
  /** Every row valid: the file may be applied (or was). */
  valid: boolean
  applied: boolean
  errors: ImportIssue[]
  errorCount: number
  /** More errors than listed (the list is capped at 10,000). */
  truncated: boolean
  /** The first normalised records, for the preview table. */
  preview: Array<Record<string, string | number | null>>
  /** What was (or would be) written: items created/updated, orders, lines, expected units, plates… */
  summary: Record<string, number>
  ms: number
}

/**
 * Where an import's bytes come from: an upload id from `POST /upload` (the served UI), or a path on the
 * station machine — accepted only by the Electron host, whose path comes from the user's file dialog.
 */
export type ImportSource = { upload: string } | { path: string }

/** A file the operator chose in the desktop app's file dialog (or dropped on its window). */
export interface ChosenFile {
  path: string
  name: string
  bytes: number
}

export interface ImportProgress {
  file: string
  phase: 'read' | 'validate' | 'apply' | 'done'
  done: number
  total: number
}

// ── methods ──────────────────────────────────────────────────────────────────────────────────
const code = z.string().trim().min(1).max(4096)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')

const importSource = z.union([
  z.object({ upload: z.string().regex(/^[0-9a-f]{32}$/, 'an upload id is 32 hex characters') }).strict(),
  z.object({ path: z.string().min(1).max(4096) }).strict()
])

export const receivingMethods = {
  /** Orders to pick from (newest first). */
  'receiving.orders': {
    input: z.object({ status: z.enum(['open', 'receiving', 'closed', 'all']).optional(), search: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).optional() }).strict()
  },
  /** Open an order by its number or the scanned barcode of its number. */
  'receiving.open': { input: z.object({ order: code }).strict() },
  'receiving.state': { input: z.object({}).strict() },
  /** Leave the order (nothing is closed). */
  'receiving.leave': { input: z.object({}).strict() },
  /** A typed or pasted scan: the same checks as a scanner scan. */
  /** `approval`: a supervisor approves on this screen what was refused for approval (an over-receipt beyond tolerance). */
  'receiving.submit': { input: z.object({ text: code, approval: approvalInput.optional() }).strict() },
  /** A typed identity (label unreadable): item by SKU or GTIN, serial, lot, expiry, production date. */
  'receiving.receiveTyped': {
    input: z
      .object({
        item: z.string().trim().min(1).max(64),
        serial: z.string().min(1).max(128).optional(),
        lot: z.string().min(1).max(20).optional(),
        expiry: isoDate.optional(),
        madeAt: isoDate.optional(),
        qty: z.number().int().min(1).max(100_000).optional(),
        approval: approvalInput.optional()
      })
      .strict()
  },
  'receiving.cancelPending': { input: z.object({}).strict() },
  /** The plate units go onto: scan or type its SSCC/LPN (created when new). */
  'receiving.setPlate': { input: z.object({ code }).strict() },
  /** A new pallet: the next SSCC from this station's range. */
  'receiving.newPlate': { input: z.object({}).strict() },
  'receiving.exception': {
    input: z
      .object({
        reason: z.enum(EXCEPTION_REASONS),
        code: code.optional(),
        item: z.string().trim().min(1).max(64).optional(),
        qty: z.number().int().min(1).max(100_000).optional(),
        note: z.string().max(500).optional()
      })
      .strict()
  },
  /** Undo this operator's last scan on the open order (compensating events). */
  'receiving.undo': { input: z.object({ approval: approvalInput.optional() }).strict() },
  /** Close the open order; writes the discrepancy report (PDF). */
  /** Short beyond the items' tolerance needs a supervisor: signed in here, or `approval` by badge or PIN (ADR 0015). */
  'receiving.close': { input: z.object({ note: z.string().max(500).optional(), approval: approvalInput.optional() }).strict() },
  /** A closed order's discrepancy report (PDF) as bytes, for the screen to offer as a download. */
  'receiving.report': { input: z.object({ order: code }).strict() },
  /** `override`: a supervisor's reason to put a held (recalled/quarantined/expired) unit outside a hold location; audited on the events. */
  'putaway.submit': {
    input: z.object({ text: code, override: z.object({ reason: z.string().trim().min(3).max(500) }).strict().optional(), approval: approvalInput.optional() }).strict()
  },
  'putaway.state': { input: z.object({}).strict() },
  'putaway.cancel': { input: z.object({}).strict() },
  /** Any code (serial, GS1, SSCC, EPC hex, bin): the unit's or plate's history. */
  'lookup.find': { input: z.object({ code }).strict() },
  /** Validate an import file (CSV or XLSX) without writing: the report and a preview. */
  'imports.preview': { input: importSource },
  /** Import a file: all rows or none. Runs in a worker thread. */
  'imports.run': { input: importSource },
  /** Stop the running import (its worker is terminated; nothing is written). */
  'imports.cancel': { input: z.object({}).strict() },
  /** Desktop app: the operator picks the file in the system's file dialog; null when they cancel. */
  'imports.chooseFile': { input: z.object({}).strict() }
} as const

export interface ReceivingOutputs {
  'receiving.orders': OrderSummary[]
  'receiving.open': ReceivingState
  'receiving.state': ReceivingState
  'receiving.leave': ReceivingState
  'receiving.submit': ReceiveOutcome
  'receiving.receiveTyped': ReceiveOutcome
  'receiving.cancelPending': ReceivingState
  'receiving.setPlate': ReceiveOutcome
  'receiving.newPlate': ReceiveOutcome
  'receiving.exception': ReceiveOutcome
  'receiving.undo': UndoResult
  'receiving.close': CloseResult
  'receiving.report': ReportFile
  'putaway.submit': PutawayOutcome
  'putaway.state': PutawayState
  'putaway.cancel': PutawayState
  'lookup.find': LookupResult
  'imports.preview': ImportReport
  'imports.run': ImportReport
  'imports.cancel': { cancelled: boolean }
  'imports.chooseFile': ChosenFile | null
}

export interface ReceivingAreaEvents {
  /** A terminal's receiving state after every scan, undo, exception or plate change there. */
  'receiving.changed': { terminalId: string; state: ReceivingState }
  'imports.progress': ImportProgress
}
