import { writePrivate } from '../../store/file-modes'
import type { LineCounts } from '../../../shared/contract-areas/receiving'
import { runWorker, startWorker } from '../../import/worker-host'
import { workerUrl } from '../../paths'
import { createReceivingRepository } from '../../store/repositories/receiving'
import { createReceivingReportRepository } from '../../store/repositories/receiving-report'
import type { Db } from '../../store/sql'
import { renderReportPdf, type ReportData } from './report-pdf'
import { lineCounts } from './state'

export { renderReportPdf, type ReportData } from './report-pdf'

/** Everything the discrepancy report of an order shows, as plain data (it crosses to a worker thread). */
export function collectReportData(db: Db, orderId: number, meta: { stationId: string; note: string | null; now?: Date }): ReportData {
  const repo = createReceivingRepository(db)
  const report = createReceivingReportRepository(db)
  const order = repo.orderById.get(orderId)
  if (!order) throw new Error(`order ${orderId} not found`)
  const supplier = order.supplier_id === null ? null : (repo.supplier.get(order.supplier_id) ?? null)
  const lines = lineCounts(repo, orderId)
  const exceptions = report.exceptions(orderId).map((e) => ({ at: e.created_at, reason: e.reason, sku: e.sku, serial: e.serial, code: e.code, qty: e.qty, note: e.note, operator: e.operator }))
  const sum = (f: (l: LineCounts) => number) => lines.reduce((s, l) => s + f(l), 0)
  return {
    order: { number: order.number, kind: order.kind, poNumber: order.po_number, supplier: supplier ? `${supplier.name} (${supplier.code})` : null, status: order.status, createdAt: order.created_at, closedAt: order.closed_at },
    stationId: meta.stationId,
    closedBy: report.closedBy(orderId),
    note: meta.note,
    generatedAt: (meta.now ?? new Date()).toISOString(),
    lines,
    exceptions,
    missing: report.missingSerials(orderId),
    missingPlates: report.missingPlates(orderId),
    totals: {
      expected: sum((l) => l.expected),
      received: sum((l) => l.received),
      over: sum((l) => l.over),
      short: sum((l) => l.short),
      damaged: sum((l) => l.damaged),
      noLabel: sum((l) => l.noLabel),
      exceptions: exceptions.reduce((s, e) => s + e.qty, 0)
    }
  }
}

/** Writes the report PDF, in a worker thread when one can be started (long orders make long reports). */
export async function writeReport(data: ReportData, path: string, useWorker = true): Promise<void> {
  const worker = useWorker ? startWorker(workerUrl('report-worker'), { data, path }) : null
  if (worker) {
    await runWorker(worker)
    return
  }
  const bytes = await renderReportPdf(data)
  writePrivate(path, bytes)
}
