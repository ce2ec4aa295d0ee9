import { z } from 'zod'
import { approvalInput } from '../schemas'
import type { MessageLike } from '../messages/catalog'

/** Labels and printing: templates, preview, the print queue, printers. */

export type PrintJobStatus = 'queued' | 'sending' | 'sent' | 'confirmed' | 'uncertain' | 'failed' | 'cancelled'

export interface TemplateSummary {
  name: string
  title: string
  description: string | null
  /** mm */
  size: { width: number; height: number }
  fields: Record<string, { required: boolean; maxLength?: number }>
  rfid: boolean
  source: string
}

export interface LabelPreview {
  template: string
  /** PNG as base64, at the printer's resolution. */
  png: string
  zplBytes: number
  width: number
  height: number
  /** Normalized data as it will print (GTIN-14, truncated text…). */
  data: Record<string, string>
  epc: { hex: string; tagUri: string } | null
}

export interface LabelLookup {
  found: 'unit' | 'plate' | 'location' | 'gs1' | 'none'
  template: string | null
  data: Record<string, string>
  unitId: number | null
  plateId: number | null
  /** What was found, as a message code (`label.lookup.*`). */
  message: MessageLike
}

export interface PrinterInfo {
  id: string
  name: string
  uri: string
  dpi: number
  simulated: boolean
  online: boolean
  ready: boolean | null
  held: boolean
  /** The printer's state as a message code (`printer.state.*`, `printer.no_answer`…). */
  summary: MessageLike
  checkedAt: string | null
  queued: number
}

export interface PrinterTestResult {
  printerId: string
  /** The printer took the test label (and said so, where it can answer). */
  printed: boolean
  /** `printer.test_printed`, or why not (`printer.state.paper_out`, `printer.no_answer`, …). */
  result: MessageLike
}

export interface PrintJobSummary {
  id: number
  printerId: string
  template: string
  data: Record<string, string>
  kind: 'original' | 'reprint'
  reprintOf: number | null
  reason: string | null
  batchId: number | null
  status: PrintJobStatus
  /** Why a queued job waits (a message code), e.g. `printer.state.paper_out`. */
  heldReason: MessageLike | null
  /** How an uncertain or failed job ended (a message code), e.g. `print.interrupted_sent`. */
  lastError: MessageLike | null
  attempts: number
  unitId: number | null
  plateId: number | null
  createdAt: string
  updatedAt: string
}

export interface BatchProgressInfo {
  id: number
  title: string
  total: number
  confirmed: number
  queued: number
  uncertain: number
  cancelled: number
  failed: number
  status: 'open' | 'done' | 'cancelled'
}

const id = z.string().min(1).max(100)
const templateName = z.string().min(1).max(40)
/** Label data: the checks (GTIN, serial, 5,000-character text…) happen in the label service, with reasons. */
const labelData = z.record(z.string().max(40), z.string().max(10_000)).refine((d) => Object.keys(d).length <= 20, 'at most 20 fields')
const jobId = z.number().int().positive()

export const labelsMethods = {
  'labels.templates': { input: z.object({}).strict() },
  'labels.preview': { input: z.object({ template: templateName, data: labelData, printerId: id.optional() }).strict() },
  /** A scanned or typed code (serial, GS1 data, SSCC, location) → what to print for it. */
  'labels.lookup': { input: z.object({ code: z.string().min(1).max(2000) }).strict() },
  'print.printers': { input: z.object({}).strict() },
  /** Site IT adds a printer by address: tcp://host:9100, usb://0a5f[:PID][/SERIAL], serial:///dev/…, cups:QUEUE. */
  'print.addPrinter': {
    input: z
      .object({ uri: z.string().trim().min(1).max(300), name: z.string().trim().max(80).optional(), dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).optional() })
      .strict()
  },
  /** The USB printers the station finds now, each with the address to add it by (Settings → Printers). */
  'print.usbPrinters': { input: z.object({}).strict() },
  /** Deactivates a printer (its jobs keep their history); refused while jobs wait on it (move them first). */
  'print.removePrinter': { input: z.object({ printerId: id }).strict() },
  /** A test label after a status check: printed, or why not (paper out, head open, paused, no answer). */
  'print.testPrinter': { input: z.object({ printerId: id }).strict() },
  'print.enqueue': {
    input: z
      .object({ printerId: id, template: templateName, data: labelData, unitId: z.number().int().positive().nullish(), plateId: z.number().int().positive().nullish() })
      .strict()
  },
  'print.batch': {
    input: z
      .object({
        printerId: id,
        title: z.string().min(1).max(120),
        items: z.array(z.object({ template: templateName, data: labelData, unitId: z.number().int().positive().nullish() }).strict()).min(1).max(10_000)
      })
      .strict()
  },
  /** A reprint needs a supervisor: signed in here, or `approval` by badge or PIN on this screen (ADR 0015). */
  'print.reprint': { input: z.object({ jobId, reason: z.string().trim().min(3).max(500), printerId: id.optional(), approval: approvalInput.optional() }).strict() },
  /** "Print again": reprints the last label this terminal printed (any kind); a supervisor approves, as for `print.reprint`. */
  'print.reprintLast': { input: z.object({ reason: z.string().trim().min(3).max(500), printerId: id.optional(), approval: approvalInput.optional() }).strict() },
  'print.resolve': { input: z.object({ jobId, printed: z.boolean(), note: z.string().max(500).optional() }).strict() },
  'print.move': { input: z.object({ jobIds: z.array(jobId).max(10_000).optional(), fromPrinterId: id.optional(), toPrinterId: id }).strict() },
  'print.cancelBatch': { input: z.object({ batchId: jobId }).strict() },
  'print.batchStatus': { input: z.object({ batchId: jobId }).strict() },
  'print.jobs': {
    input: z
      .object({
        status: z.array(z.enum(['queued', 'sending', 'sent', 'confirmed', 'uncertain', 'failed', 'cancelled'])).max(7).optional(),
        printerId: id.optional(),
        batchId: jobId.optional(),
        limit: z.number().int().min(1).max(1000).optional()
      })
      .strict()
  },
  /** Poll a printer's status now (also done before and after every job). */
  'print.poll': { input: z.object({ printerId: id }).strict() },
  /**
   * Unit labels for units in the store (e.g. "print unit labels on receive"): the core builds each
   * label from the unit and its item (GTIN, serial, lot, expiry, description) and queues it on the
   * given printer or the station's. A unit that cannot be labelled is reported, the others still print.
   */
  'labels.printUnits': {
    input: z.object({ unitIds: z.array(z.number().int().positive()).min(1).max(500), template: templateName.optional(), printerId: id.optional() }).strict()
  }
} as const

export interface LabelsOutputs {
  'labels.templates': { templates: TemplateSummary[]; problems: { source: string; message: string }[] }
  'labels.preview': LabelPreview
  'labels.lookup': LabelLookup
  'print.printers': PrinterInfo[]
  'print.addPrinter': PrinterInfo
  'print.usbPrinters': UsbPrinterOffers
  'print.removePrinter': { removed: string }
  'print.testPrinter': PrinterTestResult
  'print.enqueue': PrintJobSummary
  'print.batch': BatchProgressInfo
  'print.reprint': PrintJobSummary
  'print.reprintLast': PrintJobSummary
  'print.resolve': PrintJobSummary
  'print.move': { moved: number }
  'print.cancelBatch': BatchProgressInfo
  'print.batchStatus': BatchProgressInfo
  'print.jobs': PrintJobSummary[]
  'print.poll': PrinterInfo
  'labels.printUnits': PrintUnitsResult
}

/** A USB printer found on the station's bus, as Settings → Printers offers it. */
export interface UsbPrinterOffer {
  /** The address to add it by: `usb://VID:PID[/SERIAL]` (hex ids). */
  uri: string
  vendorId: string
  productId: string
  manufacturer: string | null
  product: string | null
  serialNumber: string | null
  zebra: boolean
  /** The printer this one was already added as, or null. */
  printerId: string | null
}

export interface UsbPrinterOffers {
  printers: UsbPrinterOffer[]
  /** Why the bus could not be listed (`print.usb_unavailable`), or null. */
  unavailable: MessageLike | null
}

export interface PrintUnitsResult {
  jobs: PrintJobSummary[]
  /** Units that were not queued, each with why (a message code: `label.unknown_unit`, `print.already_printed`…). */
  skipped: { unitId: number; reason: MessageLike }[]
}

export interface LabelsAreaEvents {
  /** A job, batch or printer changed: refresh the queue view (payload says which). */
  'print.changed': { printerId: string | null; jobId: number | null; batchId: number | null }
}
