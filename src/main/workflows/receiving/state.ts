import { EXCEPTION_REASONS, type ExceptionReason, type LineCounts, type OrderSummary, type PendingGtin, type ReceivingState } from '../../../shared/contract-areas/receiving'
import type { OrderRow, ReceivingRepository } from '../../store/repositories/receiving'
import type { ReceivingContext } from './context'

const EMPTY_EXCEPTIONS = (): Record<ExceptionReason, number> => Object.fromEntries(EXCEPTION_REASONS.map((r) => [r, 0])) as Record<ExceptionReason, number>

/** Units missing beyond each line's item tolerance: closing with any needs a supervisor (issue #12.3). */
export function shortBeyondTolerance(repo: ReceivingRepository, orderId: number): number {
  const tolerance = new Map(repo.linesWithItems.all(orderId).map((l) => [l.id, l.receipt_tolerance]))
  return lineCounts(repo, orderId).reduce((n, l) => n + (l.short > (tolerance.get(l.lineId) ?? 0) ? l.short : 0), 0)
}

export function lineCounts(repo: ReceivingRepository, orderId: number): LineCounts[] {
  const counts = new Map<number, { received: number; damaged: number; no_label: number }>()
  for (const c of repo.lineCounts.all(orderId)) if (c.line_id !== null) counts.set(c.line_id, c)
  return repo.linesWithItems.all(orderId).map((l) => {
    const c = counts.get(l.id) ?? { received: 0, damaged: 0, no_label: 0 }
    return {
      lineId: l.id,
      lineNo: l.line_no,
      itemId: l.item_id,
      sku: l.sku,
      gtin: l.gtin,
      description: l.description,
      tracking: l.tracking,
      lot: l.lot,
      expected: l.qty_expected,
      received: c.received,
      over: Math.max(0, c.received - l.qty_expected),
      short: Math.max(0, l.qty_expected - c.received),
      damaged: c.damaged,
      noLabel: c.no_label
    }
  })
}

export function orderSummary(cx: Pick<ReceivingContext, 'repo'>, order: OrderRow): OrderSummary {
  const supplier = order.supplier_id === null ? null : (cx.repo.supplier.get(order.supplier_id) ?? null)
  const lines = lineCounts(cx.repo, order.id)
  return {
    id: order.id,
    number: order.number,
    kind: order.kind,
    supplier,
    poNumber: order.po_number,
    status: order.status,
    expectedAt: order.expected_at,
    createdAt: order.created_at,
    closedAt: order.closed_at,
    lines: lines.length,
    expected: lines.reduce((s, l) => s + l.expected, 0),
    // Progress counts received against expected per line: an over-receipt never hides a line still short.
    received: lines.reduce((s, l) => s + Math.min(l.received, l.expected), 0)
  }
}

/** A terminal's receiving screen: its order, the line counts, its plate, a pending GTIN, the exceptions. */
export function receivingState(cx: ReceivingContext, t: string): ReceivingState {
  const order = cx.currentOrder(t)
  const exceptions = EMPTY_EXCEPTIONS()
  if (order) for (const e of cx.repo.exceptionCounts.all(order.id)) exceptions[e.reason] = e.n
  const plateId = cx.currentPlateId(t)
  const p = cx.pending(t)
  const pending: PendingGtin | null = p ? { gtin: p.gtin, sku: p.sku, description: p.description, lot: p.lot, expiry: p.expiry, since: p.since } : null
  return {
    order: order ? orderSummary(cx, order) : null,
    lines: order ? lineCounts(cx.repo, order.id) : [],
    plate: plateId === null ? null : cx.plates.summary(plateId),
    pending,
    exceptions
  }
}

/** Orders to pick from (newest first). */
export function listOrders(cx: ReceivingContext, input: { status?: 'open' | 'receiving' | 'closed' | 'all' | undefined; search?: string | undefined; limit?: number | undefined } = {}): OrderSummary[] {
  return cx.repo.orders.all({ status: input.status ?? 'open', search: input.search?.trim() ?? '', limit: input.limit ?? 100 }).map((o) => ({
    id: o.id,
    number: o.number,
    kind: o.kind,
    supplier: o.supplier_code ? { code: o.supplier_code, name: o.supplier_name ?? '' } : null,
    poNumber: o.po_number,
    status: o.status,
    expectedAt: o.expected_at,
    createdAt: o.created_at,
    closedAt: o.closed_at,
    lines: o.lines,
    expected: o.expected,
    received: o.received
  }))
}
