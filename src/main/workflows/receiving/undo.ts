import { msg } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import type { OrderRow, ReceiptRow, UnitRow } from '../../store/repositories/receiving'
import type { Approver, Call, ReceivingContext } from './context'

/** Unit statuses a supervisor may take back out of a bin on undo (issue #10.2): put away, nothing further. */
const UNDOABLE_WITH_SUPERVISOR = new Set(['stored', 'quarantined'])

/**
 * Undo: takes back the operator's last scan on the terminal's order with compensating events (the
 * original events stay). A unit already put away comes back out of its bin only with a supervisor's
 * approval (ADR 0019): a `unit.taken_out` event, then the receipt's undo, both carrying `approvedBy`.
 * Refused when a unit has moved further (picked, shipped…).
 */
export function createUndo(cx: ReceivingContext) {
  const { repo, eventLog } = cx

  /** Moved on since the receipt: put away (a held unit keeps its status, so its place tells), or further. */
  function movedOn(unit: UnitRow): boolean {
    if (unit.status === 'received') return false
    return unit.status !== 'quarantined' || unit.location_id !== cx.locationId()
  }

  /** The unit this receipt brought in (a unit receipt, or an unexpected serial's exception), or null. */
  function unitBroughtIn(r: ReceiptRow): UnitRow | null {
    if (r.unit_id === null || (r.kind === 'exception' && r.reason !== 'unexpected_serial')) return null
    return repo.unitById.get(r.unit_id) ?? null
  }

  /** A put-away unit comes back out of its bin first: its own event, with the approver. */
  function takeOut(order: OrderRow, unit: UnitRow, at: string, operatorId: number | null, approval: { approvedBy?: Approver }): void {
    eventLog.record(
      () => repo.takeOutOfBin.run(at, unit.id),
      () => ({ type: 'unit.taken_out', unitId: unit.id, orderId: order.id, operatorId, locationId: unit.location_id, payload: { order: order.number, serial: unit.serial, from: unit.location_code, plate: unit.plate_code, status: unit.status, why: 'undo', ...approval } })
    )
  }

  function undoReceipt(order: OrderRow, r: ReceiptRow, at: string, operatorId: number | null, approvedBy: Approver | null): number {
    const base = { orderId: order.id, operatorId, plateId: r.plate_id }
    const approval = approvedBy ? { approvedBy } : {}
    const broughtIn = unitBroughtIn(r)
    if (broughtIn && movedOn(broughtIn)) takeOut(order, broughtIn, at, operatorId, approval)
    if (r.kind === 'exception') {
      return eventLog.record(
        () => {
          repo.undoReceipt.run(at, r.id)
          if (r.unit_id !== null && r.reason === 'damaged') repo.setCondition.run(r.prev_condition ?? 'new', at, r.unit_id)
          if (r.unit_id !== null && r.reason === 'unexpected_serial') repo.unreceiveUnit.run(at, r.unit_id)
        },
        () => ({ ...base, type: r.unit_id !== null ? 'unit.exception_undone' : 'order.exception_undone', unitId: r.unit_id, reason: r.reason, payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, qty: r.qty, ...approval } })
      ).event.id
    }
    if (r.kind === 'unit') {
      const unit = broughtIn!
      return eventLog.record(
        () => {
          repo.undoReceipt.run(at, r.id)
          repo.unreceiveUnit.run(at, r.unit_id!)
        },
        () => ({ ...base, type: 'unit.receipt_undone', unitId: r.unit_id, payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, serial: unit.serial, fromPlate: unit.plate_code, fromLocation: unit.location_code, ...approval } })
      ).event.id
    }
    return eventLog.record(
      () => repo.undoReceipt.run(at, r.id),
      () => ({ ...base, type: 'order.receipt_undone', payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, qty: r.qty, lot: r.lot } })
    ).event.id
  }

  /** What was undone, for the operator: a serial, a SKU, or the exception's reason. */
  function whatOf(receipts: ReceiptRow[]): string {
    const first = receipts[0]!
    if (first.kind === 'exception') return first.reason ?? 'exception'
    const units = receipts.filter((r) => r.unit_id !== null)
    if (units.length === 1) return repo.unitById.get(first.unit_id!)!.serial
    return first.item_id !== null ? (cx.items.byId(first.item_id)?.sku ?? '') : ''
  }

  /** Refuses what no one may undo; a put-away unit needs a supervisor (signed in here or approving). */
  function approverFor(call: Call, receipts: ReceiptRow[]): Approver | null {
    let approver: Approver | null = null
    for (const r of receipts) {
      const unit = unitBroughtIn(r)
      if (!unit || !movedOn(unit)) continue
      const params = { serial: unit.serial, status: unit.status, location: unit.location_code }
      // The core on its own (no approvals wired, e.g. a rig) has nobody to ask: refused as before.
      if (!UNDOABLE_WITH_SUPERVISOR.has(unit.status) || !cx.approverOn) throw new AppFailure('receiving.undo_moved', params)
      approver = call.approvedBy ?? cx.approverOn(call.terminalId)
      if (!approver) throw new AppFailure('approval.undo_moved', params)
    }
    return approver
  }

  function undo(call: Call): { undone: number; eventIds: number[]; what: string; qty: number } {
    const order = cx.currentOrder(call.terminalId)
    if (!order) throw new AppFailure('receiving.no_order', {})
    if (order.status === 'closed') throw new AppFailure('receiving.order_closed', { order: order.number, status: order.status })
    const operatorId = call.operatorId
    const result = cx.inTx(() => {
      const last = repo.lastScanOf.get(order.id, operatorId)
      if (!last) throw new AppFailure('receiving.nothing_to_undo', {})
      const receipts = repo.receiptsOfScan.all(last.scan_id)
      const approvedBy = approverFor(call, receipts)
      const at = cx.at()
      const eventIds = receipts.map((r) => undoReceipt(order, r, at, operatorId, approvedBy))
      return { undone: receipts.length, eventIds, receipts }
    })
    cx.setPending(call.terminalId, null)
    return { undone: result.undone, eventIds: result.eventIds, what: whatOf(result.receipts), qty: result.receipts.reduce((s, r) => s + r.qty, 0) }
  }

  return { undo, undoneMessage: (u: { what: string; qty: number }) => msg('receiving.undone', { what: u.what, qty: u.qty }) }
}
