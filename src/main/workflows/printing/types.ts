import type { BatchProgressInfo, PrintJobStatus, PrintJobSummary } from '../../../shared/contract-areas/labels'
import type { MessageLike } from '../../../shared/messages/catalog'
import type { PrinterStatus } from '../../devices/printers/zebra-status'
import type { PrinterRow } from '../../store/repositories/print-queue'

export type JobStatus = PrintJobStatus

/** A job as the queue keeps it: what the UI sees plus the idempotency key and timestamps. */
export interface PrintJob extends PrintJobSummary {
  uuid: string
  labelKey: string
  sentAt: string | null
  finishedAt: string | null
}

export type PrinterRecord = PrinterRow

export interface PrinterState {
  printerId: string
  /** null until the first answer (or when the link cannot answer, e.g. an OS queue). */
  status: PrinterStatus | null
  online: boolean
  /** The operator's line (a message code). */
  summary: MessageLike
  checkedAt: string | null
  held: boolean
}

export type BatchProgress = BatchProgressInfo

export interface NewJob {
  printerId: string
  template: string
  data: Record<string, unknown>
  unitId?: number | null
  plateId?: number | null
}

/** What changed, for the UI refresh (`print.changed`) and the device registry. */
export interface QueueChange {
  printerId?: string
  jobId?: number
  batchId?: number
}
