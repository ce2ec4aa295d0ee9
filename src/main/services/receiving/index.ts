import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { CloseResult } from '../../../shared/contract-areas/receiving'
import { runWorker, startWorker } from '../../import/worker-host'
import { workerUrl } from '../../paths'
import { collectReportData, renderReportPdf, type ReportData } from './report'
import { createReceivingService, type ReceivingDeps } from './service'

export { createReceivingService, type ReceivingDeps, type ReceivingService } from './service'
export { collectReportData, renderReportPdf, type ReportData } from './report'

export interface ReceivingOptions extends ReceivingDeps {
  stationId: string
  /** Where discrepancy reports go (`<data dir>/reports`). */
  reportsDir: string
  /** Render reports in a worker thread (default true); tests may render in-process. */
  reportWorker?: boolean
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)

/** Writes the report PDF, in a worker thread when one can be started (long orders make long reports). */
export async function writeReport(data: ReportData, path: string, useWorker = true): Promise<void> {
  const worker = useWorker ? startWorker(workerUrl('report-worker'), { data, path }) : null
  if (worker) {
    await runWorker(worker)
    return
  }
  const bytes = await renderReportPdf(data)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, bytes)
}

/** The receiving service plus closing with its discrepancy report. */
export function createReceiving(options: ReceivingOptions) {
  const service = createReceivingService(options)
  const now = options.now ?? (() => new Date())
  return {
    service,
    async close(note: string | null = null): Promise<CloseResult> {
      const closed = service.closeOrder(note, (order) => join(options.reportsDir, `${safeName(order.number)}-${now().toISOString().replace(/[:.]/g, '-')}.pdf`))
      const data = collectReportData(options.db, closed.orderId, { stationId: options.stationId, note, now: now() })
      await writeReport(data, closed.reportPath, options.reportWorker ?? true)
      return { order: closed.order, lines: closed.lines, reportPath: closed.reportPath, eventId: closed.eventId }
    },
    /** Re-renders the report of an already closed order (e.g. after a disk error). */
    async rewriteReport(orderId: number, path: string): Promise<string> {
      await writeReport(collectReportData(options.db, orderId, { stationId: options.stationId, note: null, now: now() }), path, options.reportWorker ?? true)
      return path
    }
  }
}

export type Receiving = ReturnType<typeof createReceiving>
