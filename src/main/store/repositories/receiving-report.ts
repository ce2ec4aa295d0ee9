import type { Db } from '../sql'
import { prepare } from './statement'

export interface ReportExceptionRow {
  created_at: string
  reason: string
  sku: string | null
  serial: string | null
  code: string | null
  qty: number
  note: string | null
  operator: string | null
}

/** What the discrepancy report of an order reads besides the line counts. */
export function createReceivingReportRepository(db: Db) {
  const closedBy = prepare<[number], { name: string }>(db, "SELECT o.name FROM events e JOIN operators o ON o.id = e.operator_id WHERE e.order_id = ? AND e.type = 'order.closed' ORDER BY e.id DESC LIMIT 1")
  const exceptions = prepare<[number], ReportExceptionRow>(
    db,
    `SELECT r.created_at, r.reason, i.sku, u.serial, r.code, r.qty, r.note, op.name AS operator
       FROM receipts r LEFT JOIN items i ON i.id = r.item_id LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN operators op ON op.id = r.operator_id
      WHERE r.order_id = ? AND r.status = 'active' AND r.kind = 'exception' ORDER BY r.id`
  )
  const missing = prepare<[number], { sku: string; serial: string; lot: string | null; plate: string | null }>(
    db,
    `SELECT i.sku, e.serial, e.lot, p.code AS plate
       FROM inbound_expected_units e JOIN items i ON i.id = e.item_id LEFT JOIN inbound_expected_plates p ON p.id = e.plate_id
      WHERE e.order_id = ? AND e.serial IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM units u JOIN receipts r ON r.unit_id = u.id AND r.order_id = e.order_id AND r.status = 'active' AND r.kind = 'unit'
                         WHERE u.item_id = e.item_id AND u.serial = e.serial)
      ORDER BY i.sku, e.serial`
  )
  const missingPlates = prepare<[number], { code: string }>(
    db,
    `SELECT ep.code FROM inbound_expected_plates ep
      WHERE ep.order_id = ? AND NOT EXISTS (SELECT 1 FROM license_plates lp JOIN receipts r ON r.plate_id = lp.id AND r.status = 'active' WHERE lp.code = ep.code)
      ORDER BY ep.code`
  )
  const lastClose = prepare<[string], { order_id: number; status: string; path: string | null }>(
    db,
    `SELECT o.id AS order_id, o.status, json_extract(e.payload, '$.report') AS path
       FROM inbound_orders o LEFT JOIN events e ON e.order_id = o.id AND e.type = 'order.closed'
      WHERE o.number = ? ORDER BY e.id DESC LIMIT 1`
  )
  return {
    /** The order's status and the report path its last close wrote (null when it was never closed). */
    lastClose: (orderNumber: string) => lastClose.get(orderNumber) ?? null,
    closedBy: (orderId: number): string | null => closedBy.get(orderId)?.name ?? null,
    exceptions: (orderId: number) => exceptions.all(orderId),
    /** Serials on the ASN/PO that were not received. */
    missingSerials: (orderId: number) => missing.all(orderId),
    /** Expected pallets/cases not received by their SSCC. */
    missingPlates: (orderId: number): string[] => missingPlates.all(orderId).map((r) => r.code)
  }
}
