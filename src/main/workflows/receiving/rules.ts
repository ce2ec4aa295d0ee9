import { checkSerial, type SerialRule } from '../../../shared/codes/serial-rules'
import type { CodedMessage, DuplicateInfo } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import type { ItemRow } from '../../store/repositories/items'
import type { ExpectedUnitRow, LineRow, OrderRow, UnitRow } from '../../store/repositories/receiving'
import { paramsOf } from './identify'

/**
 * Receiving's decisions as pure functions over rows: each returns a refusal (`{code, params}`) or
 * null, or what was chosen. No database, no clock: the callers pass what they read.
 */

/** An order units can be received on (open or receiving). */
export function orderRefusal(order: OrderRow | null): CodedMessage | null {
  if (!order) return msg('receiving.no_order', {})
  if (order.status === 'closed' || order.status === 'cancelled') return msg('receiving.order_closed', { order: order.number, status: order.status })
  return null
}

export function notOnOrder(item: ItemRow, order: OrderRow): CodedMessage {
  return msg('receiving.not_on_order', { sku: item.sku, description: item.description, order: order.number })
}

/** An already-known serial: a double scan on this order, or a possible counterfeit. */
export function duplicateRefusal(unit: UnitRow, orderId: number | null, serial: string, sku: string): { message: CodedMessage; info: DuplicateInfo } {
  const sameOrder = unit.inbound_order_id !== null && unit.inbound_order_id === orderId
  const info: DuplicateInfo = {
    unitId: unit.id,
    status: unit.status,
    receivedAt: unit.received_at,
    order: unit.order_number,
    location: unit.location_code,
    plate: unit.plate_code,
    sameOrder
  }
  const message = sameOrder
    ? msg('receiving.duplicate', { what: `${serial} (${sku})`, order: unit.order_number, at: unit.received_at })
    : msg('receiving.already_in_system', { serial, sku, at: unit.received_at, order: unit.order_number, status: unit.status, plate: unit.plate_code, location: unit.location_code })
  return { message, info }
}

export interface LotRow {
  expiry: string | null
  status: string
  status_note: string | null
}

/** A recalled or quarantined lot is refused. */
export function lotRefusal(item: ItemRow, lot: string, row: LotRow | null): CodedMessage | null {
  if (row?.status === 'recalled') return msg('receiving.lot_recalled', { lot, sku: item.sku, note: row.status_note })
  if (row?.status === 'quarantined') return msg('receiving.lot_quarantined', { lot, sku: item.sku, note: row.status_note })
  return null
}

/** Goods past their expiry date (YYYY-MM-DD, compared with today's date) are refused. */
export function expiredRefusal(item: ItemRow, lot: string | null, expiry: string | null, today: string): CodedMessage | null {
  return expiry !== null && expiry < today ? msg('receiving.expired', { sku: item.sku, lot, expiry }) : null
}

export const lotRequired = (item: ItemRow): CodedMessage => msg('receiving.lot_required', { sku: item.sku })

/** A lot-tracked item needs a lot. */
export function needsLot(item: ItemRow, lot: string | null, serialised: boolean): boolean {
  return lot === null && (item.tracking === 'lot' || (serialised && item.tracking === 'lot_serial'))
}

/** The serial rule of the item (JSON in items.serial_rule), or none. */
export function parseRule(json: string | null): SerialRule | undefined {
  if (!json) return undefined
  try {
    const rule = JSON.parse(json) as unknown
    return typeof rule === 'object' && rule !== null ? (rule as SerialRule) : undefined
  } catch {
    return undefined
  }
}

/** The serial rule and the mis-scan guards (a GTIN, a whole barcode, a lot scanned as the serial). */
export function serialRefusal(item: ItemRow, serial: string, context: { lot?: string | null; knownLot?: boolean } = {}): CodedMessage | null {
  const check = checkSerial(serial, parseRule(item.serial_rule), {
    ...(item.gtin ? { gtin: item.gtin } : {}),
    ...(context.lot ? { lot: context.lot } : {}),
    ...(context.knownLot !== undefined ? { knownLots: context.knownLot ? [serial] : [] } : {})
  })
  return check.ok ? null : { code: check.error.code, params: paramsOf(check.error as { message: string; params?: Record<string, never> }) }
}

/**
 * The line a receipt counts on: the first (matching the lot) with room left, else the first one —
 * an over-receipt. `received(lineId)` is what the line already has.
 */
export function chooseLine(lines: LineRow[], lot: string | null, adding: number, received: (lineId: number) => number): { line: LineRow; over: boolean } {
  const byLot = lot === null ? lines : lines.filter((l) => l.lot === null || l.lot === lot)
  const candidates = byLot.length > 0 ? byLot : lines
  for (const line of candidates) {
    if (received(line.id) + adding <= line.qty_expected) return { line, over: false }
  }
  return { line: candidates[0]!, over: true }
}

/** The lot a unit counts under: scanned, else the ASN's, else the only line's. */
export const lotOf = (scanned: string | null, expected: ExpectedUnitRow | null, lines: LineRow[]): string | null => scanned ?? expected?.lot ?? (lines.length === 1 ? lines[0]!.lot : null)

/**
 * The lot the order expects when the scanned one differs (every tracking policy): the ASN unit's lot,
 * else the lots of the item's lines when none of them is open to any lot and none matches. Null: no
 * scanned lot, or it matches.
 */
export function expectedLotIfDifferent(scannedLot: string | null, expected: ExpectedUnitRow | null, lines: LineRow[]): string | null {
  if (scannedLot === null) return null
  if (expected?.lot) return expected.lot === scannedLot ? null : expected.lot
  if (lines.length === 0 || lines.some((l) => l.lot === null || l.lot === scannedLot)) return null
  return [...new Set(lines.map((l) => l.lot!))].join(', ')
}

/**
 * Warnings that let a unit in but are worth a look, as English for the event payload (kept as
 * evidence, unchanged) and as codes for the operator.
 */
export function receiptWarnings(scannedLot: string | null, expectedLot: string | null, over: LineRow | null): { payload: string[]; notes: CodedMessage[] } {
  const payload: string[] = []
  const notes: CodedMessage[] = []
  if (scannedLot !== null && expectedLot !== null) {
    payload.push(`the label says lot ${scannedLot}, the order expects lot ${expectedLot}`)
    notes.push(msg('receiving.note_lot_differs', { label: scannedLot, asn: expectedLot }))
  }
  if (over) {
    payload.push(`line ${over.line_no} is already complete (${over.qty_expected} expected): over-receipt`)
    notes.push(msg('receiving.note_over', { line: over.line_no, expected: over.qty_expected }))
  }
  return { payload, notes }
}

/** Why a unit must go to a hold (quarantine) location, named: its status, its lot's status, or its expiry. */
export type HoldReason = 'recalled' | 'quarantined' | 'expired'

export function holdReason(unitStatus: string | null, lot: LotRow | null, expiry: string | null, today: string): HoldReason | null {
  if (lot?.status === 'recalled') return 'recalled'
  if (expiry !== null && expiry < today) return 'expired'
  if (lot?.status === 'quarantined' || unitStatus === 'quarantined') return 'quarantined'
  return null
}

/** The note naming a hold, for the operator at every scan of the unit. */
export function holdNote(reason: HoldReason, sku: string, lot: string | null, expiry: string | null): CodedMessage {
  if (reason === 'recalled') return msg('receiving.note_hold_recalled', { sku, lot })
  if (reason === 'expired') return msg('receiving.note_hold_expired', { sku, lot, expiry })
  return msg('receiving.note_hold_quarantined', { sku, lot })
}
