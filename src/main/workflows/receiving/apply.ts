import type { ExceptionReason } from '../../../shared/contract-areas/receiving'
import type { NewEvent } from '../../store/event-log'
import type { ItemRow } from '../../store/repositories/items'
import type { ExpectedUnitRow, LineRow, OrderRow, UnitRow } from '../../store/repositories/receiving'
import type { Call, ReceivingContext } from './context'

/** What a unit receipt is made of, whatever the scan form (DataMatrix, two scans, EPC, typed, pallet). */
export interface UnitRequest {
  item: ItemRow
  serial: string
  lot: string | null
  expiry: string | null
  madeAt: string | null
  via: 'gs1' | 'two-scan' | 'epc' | 'typed' | 'serial-only' | 'pallet'
  code: string | null
}

/** A unit that passed every check: what to write. */
export interface CheckedUnit {
  existing: UnitRow | null
  expected: ExpectedUnitRow | null
  lot: string | null
  expiry: string | null
  /** Null only for an unexpected serial (no line on the order). */
  line: LineRow | null
  over: boolean
  /** English, for the event payload. */
  warnings: string[]
  madeAt: string | null
  productionLine: string | null
  shift: string | null
}

/**
 * Receiving's writes, each through the event log (the row changes and their event in one
 * transaction). The callers have checked everything first.
 */
export function createReceivingApply(cx: ReceivingContext) {
  const { repo, eventLog } = cx

  /** The first receipt moves an open order to `receiving`. */
  function startReceiving(order: OrderRow, operatorId: number | null): void {
    if (order.status !== 'open') return
    eventLog.record(
      () => repo.setOrderStatus.run('receiving', null, order.id),
      () => ({ type: 'order.receiving_started', orderId: order.id, operatorId, payload: { order: order.number } })
    )
    order.status = 'receiving'
  }

  function writeUnit(call: Call, order: OrderRow, req: UnitRequest, c: CheckedUnit, scanId: number, plateId: number | null, status: 'received' | 'quarantined', exception: { reason: ExceptionReason; note: string | null } | null) {
    const operatorId = call.operatorId
    const at = cx.at()
    const loc = cx.locationId()
    return eventLog.record(
      () => {
        const values = {
          itemId: req.item.id,
          serial: req.serial,
          lot: c.lot,
          expiry: c.expiry,
          madeAt: c.madeAt,
          productionLine: c.productionLine,
          shift: c.shift,
          supplierId: order.supplier_id,
          orderId: order.id,
          status,
          locationId: loc,
          plateId,
          now: at
        }
        let unitId: number
        if (c.existing) {
          repo.reviveUnit.run({ ...values, id: c.existing.id })
          unitId = c.existing.id
        } else {
          unitId = Number(repo.insertUnit.run(values).lastInsertRowid)
        }
        if (c.lot !== null) repo.insertLot.run(req.item.id, c.lot, c.expiry)
        repo.insertReceipt.run({
          scanId,
          orderId: order.id,
          lineId: exception?.reason === 'unexpected_serial' ? null : (c.line?.id ?? null),
          itemId: req.item.id,
          unitId,
          plateId,
          kind: exception ? 'exception' : 'unit',
          reason: exception?.reason ?? null,
          qty: 1,
          lot: c.lot,
          code: req.code,
          note: exception?.note ?? null,
          prevCondition: null,
          over: c.over ? 1 : 0,
          operatorId,
          now: at
        })
        return unitId
      },
      (unitId): NewEvent => ({
        type: exception ? 'unit.exception' : 'unit.received',
        unitId,
        plateId,
        orderId: order.id,
        locationId: loc,
        operatorId,
        reason: exception?.reason ?? null,
        payload: {
          order: order.number,
          lineNo: c.line?.line_no ?? null,
          sku: req.item.sku,
          gtin: req.item.gtin,
          serial: req.serial,
          lot: c.lot,
          expiry: c.expiry,
          madeAt: c.madeAt,
          productionLine: c.productionLine,
          shift: c.shift,
          via: req.via,
          scanId,
          ...(c.over ? { over: true } : {}),
          ...(call.approvedBy ? { approvedBy: call.approvedBy } : {}),
          ...(call.force?.lifted.length ? { forced: { reason: call.force.reason, refusals: call.force.lifted }, status } : {}),
          ...(c.warnings.length ? { warnings: c.warnings } : {}),
          ...(exception?.note ? { note: exception.note } : {})
        }
      })
    )
  }

  /** A quantity on a line (non-serialised goods), with its `order.quantity_received` event. */
  function writeQuantity(call: Call, order: OrderRow, w: { item: ItemRow; line: LineRow; qty: number; lot: string | null; expiry: string | null; plateId: number | null; scanId: number; code: string | null; over: boolean; via: string; withGtin: boolean; warnings?: string[] }) {
    const operatorId = call.operatorId
    const at = cx.at()
    return eventLog.record(
      () => {
        if (w.lot !== null) repo.insertLot.run(w.item.id, w.lot, w.expiry)
        repo.insertReceipt.run({ scanId: w.scanId, orderId: order.id, lineId: w.line.id, itemId: w.item.id, unitId: null, plateId: w.plateId, kind: 'quantity', reason: null, qty: w.qty, lot: w.lot, code: w.code, note: null, prevCondition: null, over: w.over ? 1 : 0, operatorId, now: at })
      },
      () => ({
        type: 'order.quantity_received',
        orderId: order.id,
        plateId: w.plateId,
        locationId: cx.locationId(),
        operatorId,
        payload: w.withGtin
          ? { order: order.number, lineNo: w.line.line_no, sku: w.item.sku, gtin: w.item.gtin, qty: w.qty, lot: w.lot, expiry: w.expiry, via: w.via, scanId: w.scanId, ...(w.over ? { over: true } : {}), ...(call.approvedBy ? { approvedBy: call.approvedBy } : {}), ...(w.warnings?.length ? { warnings: w.warnings } : {}) }
          : { order: order.number, lineNo: w.line.line_no, sku: w.item.sku, qty: w.qty, lot: w.lot, via: w.via, scanId: w.scanId }
      })
    )
  }

  function createPlate(call: Call, code: string, kind: 'sscc' | 'lpn', parentId: number | null, orderId: number | null, source: string): number {
    const loc = cx.locationId()
    return eventLog.record(
      () => cx.plates.insert(code, kind, parentId, loc, cx.at()),
      (plateId) => ({ type: 'plate.created', plateId, orderId, locationId: loc, operatorId: call.operatorId, payload: { code, kind, source, ...(parentId !== null ? { parentId } : {}) } })
    ).result
  }

  return { startReceiving, writeUnit, writeQuantity, createPlate }
}

export type ReceivingApply = ReturnType<typeof createReceivingApply>
