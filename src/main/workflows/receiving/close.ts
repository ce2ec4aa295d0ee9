import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { CloseResult, ReportFile } from '../../../shared/contract-areas/receiving'
import { AppFailure } from '../../errors'
import { createReceivingReportRepository } from '../../store/repositories/receiving-report'
import type { Call, ReceivingContext } from './context'
import { collectReportData, writeReport } from './report'
import { lineCounts, orderSummary, shortBeyondTolerance } from './state'

export interface Approver {
  id: number
  name: string
}

export interface CloseOptions {
  stationId: string
  /** Where discrepancy reports go (`<data dir>/reports`). */
  reportsDir: string
  /** Render reports in a worker thread (default true); tests may render in-process. */
  reportWorker?: boolean
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)

/** Closing the terminal's order (one transaction), then its discrepancy report PDF. */
export function createClose(cx: ReceivingContext, options: CloseOptions, onClosed: (terminalId: string) => void) {
  const useWorker = options.reportWorker ?? true

  function closeOrder(call: Call, note: string | null, approvedBy: Approver | null) {
    const order = cx.currentOrder(call.terminalId)
    if (!order) throw new AppFailure('receiving.no_order', {})
    if (order.status === 'closed' || order.status === 'cancelled') throw new AppFailure('receiving.order_closed', { order: order.number, status: order.status })
    const at = cx.at()
    const path = join(options.reportsDir, `${safeName(order.number)}-${at.replace(/[:.]/g, '-')}.pdf`)
    const { event } = cx.eventLog.record(
      () => cx.repo.setOrderStatus.run('closed', at, order.id),
      () => {
        const lines = lineCounts(cx.repo, order.id)
        const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0)
        return {
          type: 'order.closed',
          orderId: order.id,
          operatorId: call.operatorId,
          payload: {
            order: order.number,
            expected: sum((l) => l.expected),
            received: sum((l) => l.received),
            over: sum((l) => l.over),
            short: sum((l) => l.short),
            damaged: sum((l) => l.damaged),
            note,
            report: path,
            ...(approvedBy ? { approvedBy } : {})
          }
        }
      }
    )
    cx.setPending(call.terminalId, null)
    cx.setPlate(call.terminalId, null)
    onClosed(call.terminalId)
    const closed = cx.repo.orderById.get(order.id)!
    return { order: orderSummary(cx, closed), lines: lineCounts(cx.repo, order.id), eventId: event.id, orderId: order.id, reportPath: path }
  }

  return {
    /** What closing the terminal's order now would leave missing beyond tolerance (0: no approval needed). */
    shortOnClose(terminalId: string): { order: string; short: number } | null {
      const order = cx.currentOrder(terminalId)
      return order ? { order: order.number, short: shortBeyondTolerance(cx.repo, order.id) } : null
    },
    async close(call: Call, note: string | null, approvedBy: Approver | null = null): Promise<CloseResult> {
      const closed = closeOrder(call, note, approvedBy)
      await writeReport(collectReportData(cx.db, closed.orderId, { stationId: options.stationId, note, now: cx.now() }), closed.reportPath, useWorker)
      return { order: closed.order, lines: closed.lines, reportPath: closed.reportPath, eventId: closed.eventId }
    },
    /** Re-renders the report of an already closed order (e.g. after a disk error). */
    async rewriteReport(orderId: number, path: string): Promise<string> {
      await writeReport(collectReportData(cx.db, orderId, { stationId: options.stationId, note: null, now: cx.now() }), path, useWorker)
      return path
    },
    /** The report of a closed order as bytes; written again first if its file is gone. */
    async report(orderNumber: string): Promise<ReportFile> {
      const last = createReceivingReportRepository(cx.db).lastClose(orderNumber)
      if (!last) throw new AppFailure('receiving.unknown_order', { order: orderNumber })
      if (last.status !== 'closed' || !last.path) throw new AppFailure('receiving.report_missing', { order: orderNumber, status: last.status })
      if (!existsSync(last.path)) await writeReport(collectReportData(cx.db, last.order_id, { stationId: options.stationId, note: null, now: cx.now() }), last.path, useWorker)
      const bytes = readFileSync(last.path)
      return { name: basename(last.path), bytes: bytes.length, base64: bytes.toString('base64') }
    }
  }
}
