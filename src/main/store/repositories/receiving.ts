import type { ExceptionReason, Tracking } from '../../../shared/contract-areas/receiving'
import type { Db } from '../sql'
import { prepare } from './statement'

export interface OrderRow {
  id: number
  number: string
  kind: 'po' | 'asn'
  supplier_id: number | null
  po_number: string | null
  status: 'open' | 'receiving' | 'closed' | 'cancelled'
  expected_at: string | null
  created_at: string
  closed_at: string | null
}

export interface LineRow {
  id: number
  order_id: number
  line_no: number
  item_id: number
  qty_expected: number
  lot: string | null
}

export interface ExpectedUnitRow {
  id: number
  order_id: number
  line_id: number
  item_id: number
  serial: string | null
  lot: string | null
  expiry: string | null
  plate_id: number | null
  made_at: string | null
  production_line: string | null
  shift: string | null
}

export interface UnitRow {
  id: number
  item_id: number
  serial: string
  lot: string | null
  expiry: string | null
  condition: string
  status: string
  location_id: number | null
  plate_id: number | null
  inbound_order_id: number | null
  received_at: string | null
  order_number: string | null
  location_code: string | null
  plate_code: string | null
}

export interface ReceiptRow {
  id: number
  scan_id: number
  order_id: number
  line_id: number | null
  item_id: number | null
  unit_id: number | null
  plate_id: number | null
  kind: 'unit' | 'quantity' | 'exception'
  reason: ExceptionReason | null
  qty: number
  lot: string | null
  code: string | null
  note: string | null
  prev_condition: string | null
  operator_id: number | null
  created_at: string
  status: 'active' | 'undone'
}

export interface UnitValues {
  itemId: number
  serial: string
  lot: string | null
  expiry: string | null
  madeAt: string | null
  productionLine: string | null
  shift: string | null
  supplierId: number | null
  orderId: number
  status: 'received' | 'quarantined'
  locationId: number | null
  plateId: number | null
  now: string
}

export interface ReceiptValues {
  scanId: number
  orderId: number
  lineId: number | null
  itemId: number | null
  unitId: number | null
  plateId: number | null
  kind: 'unit' | 'quantity' | 'exception'
  reason: ExceptionReason | null
  qty: number
  lot: string | null
  code: string | null
  note: string | null
  prevCondition: string | null
  over: 0 | 1
  operatorId: number | null
  now: string
}

export type OrderListRow = OrderRow & { supplier_code: string | null; supplier_name: string | null; lines: number; expected: number; received: number }

const UNIT_SELECT = `SELECT u.id, u.item_id, u.serial, u.lot, u.expiry, u.condition, u.status, u.location_id, u.plate_id, u.inbound_order_id, u.received_at,
        o.number AS order_number, l.code AS location_code, p.code AS plate_code
   FROM units u LEFT JOIN inbound_orders o ON o.id = u.inbound_order_id LEFT JOIN locations l ON l.id = u.location_id
   LEFT JOIN license_plates p ON p.id = u.plate_id`

/** Every statement receiving needs (orders, lines, the ASN, units, lots, receipts), prepared once. */
export function createReceivingRepository(db: Db) {
  const stmt = <P extends unknown[] = unknown[], R = unknown>(sql: string) => prepare<P, R>(db, sql)
  const q = {
    orderByNumber: stmt<[string], OrderRow>('SELECT * FROM inbound_orders WHERE number = ? COLLATE NOCASE'),
    orderById: stmt<[number], OrderRow>('SELECT * FROM inbound_orders WHERE id = ?'),
    setOrderStatus: stmt<[string, string | null, number]>('UPDATE inbound_orders SET status = ?, closed_at = ? WHERE id = ?'),
    linesOfItem: stmt<[number, number], LineRow>('SELECT * FROM inbound_lines WHERE order_id = ? AND item_id = ? ORDER BY line_no'),
    lineById: stmt<[number], LineRow>('SELECT * FROM inbound_lines WHERE id = ?'),
    expectedBySerial: stmt<[number, number, string], ExpectedUnitRow>('SELECT * FROM inbound_expected_units WHERE order_id = ? AND item_id = ? AND serial = ?'),
    expectedBySerialAnyItem: stmt<[string, number], ExpectedUnitRow>('SELECT * FROM inbound_expected_units WHERE serial = ? AND order_id = ? LIMIT 3'),
    hasExpectedSerials: stmt<[number, number], { x: number }>('SELECT 1 AS x FROM inbound_expected_units WHERE order_id = ? AND item_id = ? AND serial IS NOT NULL LIMIT 1'),
    expectedPlate: stmt<[number, string], { id: number; code: string; parent_id: number | null }>('SELECT id, code, parent_id FROM inbound_expected_plates WHERE order_id = ? AND code = ?'),
    /** The open (or receiving) orders that expect a plate code, oldest first. */
    ordersExpectingPlate: stmt<[string], { order_id: number }>(
      `SELECT p.order_id FROM inbound_expected_plates p JOIN inbound_orders o ON o.id = p.order_id
        WHERE p.code = ? AND o.status IN ('open', 'receiving') ORDER BY o.id LIMIT 2`
    ),
    // The ASN's plate tree (inbound_expected_plates, not license_plates: see plate-tree.ts for those).
    expectedPlateTree: stmt<[number], { id: number; code: string; parent_id: number | null; depth: number }>(
      `WITH RECURSIVE tree(id, code, parent_id, depth) AS (
         SELECT id, code, parent_id, 0 FROM inbound_expected_plates WHERE id = ?
         UNION ALL SELECT p.id, p.code, p.parent_id, t.depth + 1 FROM inbound_expected_plates p JOIN tree t ON p.parent_id = t.id WHERE t.depth < 8)
       SELECT * FROM tree ORDER BY depth, id`
    ),
    expectedUnitsOnPlate: stmt<[number], ExpectedUnitRow>('SELECT * FROM inbound_expected_units WHERE plate_id = ? ORDER BY id'),
    unitBySerial: stmt<[number, string], UnitRow>(`${UNIT_SELECT} WHERE u.item_id = ? AND u.serial = ?`),
    unitById: stmt<[number], UnitRow>(`${UNIT_SELECT} WHERE u.id = ?`),
    unitsBySerialOnOrder: stmt<[string, number], { id: number; item_id: number }>('SELECT id, item_id FROM units WHERE serial = ? AND inbound_order_id = ? LIMIT 3'),
    insertUnit: stmt<[UnitValues]>(
      `INSERT INTO units (item_id, serial, lot, expiry, made_at, production_line, shift, supplier_id, inbound_order_id, condition, status, location_id, plate_id, received_at, updated_at)
       VALUES (@itemId, @serial, @lot, @expiry, @madeAt, @productionLine, @shift, @supplierId, @orderId, 'new', @status, @locationId, @plateId, @now, @now)`
    ),
    reviveUnit: stmt<[UnitValues & { id: number }]>(
      `UPDATE units SET lot = @lot, expiry = @expiry, made_at = @madeAt, production_line = @productionLine, shift = @shift, supplier_id = @supplierId,
              inbound_order_id = @orderId, condition = 'new', status = @status, location_id = @locationId, plate_id = @plateId, received_at = @now, updated_at = @now
        WHERE id = @id AND status = 'expected'`
    ),
    takeOutOfBin: stmt<[string, number]>('UPDATE units SET location_id = NULL, plate_id = NULL, updated_at = ? WHERE id = ?'),
    unreceiveUnit: stmt<[string, number]>("UPDATE units SET status = 'expected', plate_id = NULL, location_id = NULL, updated_at = ? WHERE id = ?"),
    setCondition: stmt<[string, string, number]>('UPDATE units SET condition = ?, updated_at = ? WHERE id = ?'),
    lot: stmt<[number, string], { id: number; expiry: string | null; status: string; status_note: string | null }>('SELECT id, expiry, status, status_note FROM lots WHERE item_id = ? AND lot = ?'),
    insertLot: stmt<[number, string, string | null]>('INSERT INTO lots (item_id, lot, expiry) VALUES (?, ?, ?) ON CONFLICT (item_id, lot) DO NOTHING'),
    itemTolerance: stmt<[number], { n: number }>('SELECT receipt_tolerance AS n FROM items WHERE id = ?'),
    lineReceived: stmt<[number], { n: number }>('SELECT coalesce((SELECT received FROM line_counts WHERE line_id = ?), 0) AS n'),
    insertReceipt: stmt<[ReceiptValues]>(
      `INSERT INTO receipts (scan_id, order_id, line_id, item_id, unit_id, plate_id, kind, reason, qty, lot, code, note, prev_condition, over, operator_id, created_at)
       VALUES (@scanId, @orderId, @lineId, @itemId, @unitId, @plateId, @kind, @reason, @qty, @lot, @code, @note, @prevCondition, @over, @operatorId, @now)`
    ),
    lastScanOf: stmt<[number, number | null], { scan_id: number }>("SELECT scan_id FROM receipts WHERE order_id = ? AND operator_id IS ? AND status = 'active' ORDER BY scan_id DESC LIMIT 1"),
    receiptsOfScan: stmt<[number], ReceiptRow>("SELECT * FROM receipts WHERE scan_id = ? AND status = 'active' ORDER BY id"),
    undoReceipt: stmt<[string, number]>("UPDATE receipts SET status = 'undone', undone_at = ? WHERE id = ? AND status = 'active'"),
    activeUnitReceipt: stmt<[number, number], ReceiptRow>("SELECT * FROM receipts WHERE unit_id = ? AND order_id = ? AND status = 'active' AND kind = 'unit' LIMIT 1"),
    plateReceiptInfo: stmt<[number], { n: number; at: string | null; order_number: string | null }>(
      `SELECT count(*) AS n, max(r.created_at) AS at, max(o.number) AS order_number FROM receipts r JOIN inbound_orders o ON o.id = r.order_id
        WHERE r.plate_id = ? AND r.status = 'active'`
    ),
    readScanId: stmt<[], { next: number }>("SELECT next FROM sequences WHERE name = 'receiving:scan'"),
    advanceScanId: stmt("UPDATE sequences SET next = next + 1 WHERE name = 'receiving:scan'"),
    initScanId: stmt("INSERT INTO sequences (name, next, last) VALUES ('receiving:scan', 1, 9007199254740990) ON CONFLICT(name) DO NOTHING"),
    supplier: stmt<[number], { code: string; name: string }>('SELECT code, name FROM suppliers WHERE id = ?'),
    lineCounts: stmt<[number], { line_id: number | null; received: number; damaged: number; no_label: number }>(
      'SELECT c.line_id, c.received, c.damaged, c.no_label FROM line_counts c JOIN inbound_lines l ON l.id = c.line_id WHERE l.order_id = ?'
    ),
    exceptionCounts: stmt<[number], { reason: ExceptionReason; n: number }>("SELECT reason, sum(qty) AS n FROM receipts WHERE order_id = ? AND kind = 'exception' AND status = 'active' GROUP BY reason"),
    linesWithItems: stmt<[number], LineRow & { sku: string; gtin: string | null; description: string; tracking: Tracking; receipt_tolerance: number }>(
      'SELECT l.*, i.sku, i.gtin, i.description, i.tracking, i.receipt_tolerance FROM inbound_lines l JOIN items i ON i.id = l.item_id WHERE l.order_id = ? ORDER BY l.line_no'
    ),
    orders: stmt<[{ status: string; search: string; limit: number }], OrderListRow>(
      `SELECT o.*, s.code AS supplier_code, s.name AS supplier_name,
              (SELECT count(*) FROM inbound_lines l WHERE l.order_id = o.id) AS lines,
              (SELECT coalesce(sum(qty_expected), 0) FROM inbound_lines l WHERE l.order_id = o.id) AS expected,
              (SELECT coalesce(sum(c.received), 0) FROM line_counts c JOIN inbound_lines l ON l.id = c.line_id WHERE l.order_id = o.id) AS received
         FROM inbound_orders o LEFT JOIN suppliers s ON s.id = o.supplier_id
        WHERE (@status = 'all' OR o.status = @status OR (@status = 'open' AND o.status = 'receiving'))
          AND (@search = '' OR o.number LIKE '%' || @search || '%' OR o.po_number LIKE '%' || @search || '%' OR s.name LIKE '%' || @search || '%')
        ORDER BY o.id DESC LIMIT @limit`
    )
  }
  q.initScanId.run()
  return {
    ...q,
    /** The next receiving scan id (receipts of one scan share it; undo takes back one scan). */
    nextScanId(): number {
      let row = q.readScanId.get()
      if (!row) {
        q.initScanId.run()
        row = q.readScanId.get()!
      }
      q.advanceScanId.run()
      return row.next
    }
  }
}

export type ReceivingRepository = ReturnType<typeof createReceivingRepository>
