import type { ReceiveOutcomeKind } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import type { ItemRow } from '../../store/repositories/items'
import type { ExpectedUnitRow, LineRow, OrderRow } from '../../store/repositories/receiving'
import type { CheckedUnit, ReceivingApply, UnitRequest } from './apply'
import { fail, outcome, type Approver, type Call, type ReceivingContext, type Verdict } from './context'
import { forcedStatus, refuseOrForce } from './forced'
import { chooseLine, duplicateRefusal, expectedLotIfDifferent, expiredRefusal, holdNote, holdReason, lotOf, lotRefusal, lotRequired, needsLot, notOnOrder, orderRefusal, receiptWarnings, serialRefusal } from './rules'

/** Unit receipts (one serial) and quantity receipts (non-serialised goods), with all their checks. */
export function createReceipts(cx: ReceivingContext, apply: ReceivingApply) {
  const { repo } = cx
  const received = (lineId: number): number => repo.lineReceived.get(lineId)!.n

  function requireOpenOrder(t: string): OrderRow {
    const order = cx.currentOrder(t)
    const refusal = orderRefusal(order)
    if (refusal) fail(refusal)
    return order!
  }

  /**
   * Over the line's expected quantity by more than the item's tolerance: a supervisor must approve —
   * signed in at this terminal, or by badge/PIN on the operator's screen (`call.approvedBy`). Returns
   * who approved (recorded on the event), null when no approval is needed; refuses otherwise.
   */
  function overReceiptApproval(call: Call, order: OrderRow, item: ItemRow, line: LineRow, qty: number): Approver | null {
    if (!cx.approverOn) return null
    const over = received(line.id) + qty - line.qty_expected
    if (over <= (repo.itemTolerance.get(item.id)?.n ?? 0)) return null
    const approver = call.approvedBy ?? cx.approverOn(call.terminalId)
    if (approver) return approver
    return fail(msg('approval.over_receipt', { sku: item.sku, order: order.number, line: line.line_no, expected: line.qty_expected, over }))
  }

  function linesFor(order: OrderRow, item: ItemRow): LineRow[] {
    const lines = repo.linesOfItem.all(order.id, item.id)
    if (lines.length === 0) fail(notOnOrder(item, order))
    return lines
  }

  /**
   * A recalled/quarantined lot or an expired date refuses; returns the expiry that applies. For a
   * unit (`call` given) a supervisor may force it, to quarantine (ADR 0019).
   */
  function checkLot(item: ItemRow, lot: string | null, expiry: string | null, call?: Call): string | null {
    let exp = expiry
    if (lot !== null) {
      const row = repo.lot.get(item.id, lot) ?? null
      const refusal = lotRefusal(item, lot, row)
      if (refusal) refuseOrForce(call, refusal)
      exp ??= row?.expiry ?? null
    }
    const expired = expiredRefusal(item, lot, exp, cx.today())
    if (expired) refuseOrForce(call, expired)
    return exp
  }

  /** All checks of one unit; throws a Refusal, or returns what to write. */
  function checkUnit(order: OrderRow, req: UnitRequest, expectedOverride?: ExpectedUnitRow, call?: Call): CheckedUnit & { line: LineRow; expectedLot: string | null } {
    const { item, serial } = req
    // A recalled, quarantined or expired lot on the label is named first, whether or not the unit is on the order.
    checkLot(item, req.lot, req.expiry, call)
    const lines = linesFor(order, item)
    const expected = expectedOverride ?? repo.expectedBySerial.get(order.id, item.id, serial) ?? null
    const knownLot = repo.lot.get(item.id, serial) !== undefined || lines.some((l) => l.lot === serial)
    const serialBad = serialRefusal(item, serial, { lot: lotOf(req.lot, expected, lines), knownLot })
    if (serialBad) fail(serialBad, { notes: [msg('receiving.note_serial_for', { sku: item.sku })] })
    const existing = repo.unitBySerial.get(item.id, serial) ?? null
    if (existing && existing.status !== 'expected') {
      const d = duplicateRefusal(existing, order.id, serial, item.sku)
      fail(d.message, { duplicate: d.info })
    }
    if (!expected && repo.hasExpectedSerials.get(order.id, item.id)) refuseOrForce(call, msg('receiving.unexpected_serial', { serial, sku: item.sku, order: order.number }))
    const lot = lotOf(req.lot, expected, lines)
    if (needsLot(item, lot, true)) fail(lotRequired(item))
    const expiry = checkLot(item, lot, req.expiry ?? expected?.expiry ?? null, call)
    const { line, over } = expected ? { line: repo.lineById.get(expected.line_id)!, over: false } : chooseLine(lines, lot, 1, received)
    const expectedLot = expectedLotIfDifferent(req.lot, expected, lines)
    const warnings = receiptWarnings(req.lot, expectedLot, over ? line : null)
    return {
      expectedLot,
      existing,
      expected,
      lot,
      expiry,
      line,
      over,
      warnings: warnings.payload,
      madeAt: req.madeAt ?? expected?.made_at ?? null,
      productionLine: expected?.production_line ?? null,
      shift: expected?.shift ?? null
    }
  }

  function receiveUnit(call: Call, req: UnitRequest): Verdict {
    const order = requireOpenOrder(call.terminalId)
    const c = checkUnit(order, req, undefined, call)
    const approvedBy = c.over ? overReceiptApproval(call, order, req.item, c.line, 1) : (call.force ? (call.approvedBy ?? null) : null)
    apply.startReceiving(order, call.operatorId)
    const plateId = cx.currentPlateId(call.terminalId)
    const status = forcedStatus(call.force)
    const { event, result: unitId } = apply.writeUnit({ ...call, approvedBy }, order, req, c, repo.nextScanId(), plateId, status, null)
    cx.setPending(call.terminalId, null)
    const kind: ReceiveOutcomeKind = c.warnings.length ? 'warning' : 'accepted'
    const plate = plateId === null ? null : cx.plates.summary(plateId)
    const params = { qty: 1, sku: req.item.sku, serial: req.serial, lot: c.lot, plate: plate?.code ?? null, line: c.line.line_no, count: received(c.line.id), expected: c.line.qty_expected }
    if (call.force?.lifted.length) {
      const who = { serial: req.serial, sku: req.item.sku, reason: call.force.reason, approver: approvedBy?.name ?? null }
      const forced = status === 'quarantined' ? msg('receiving.forced_quarantine', who) : msg('receiving.forced', { ...who, line: c.line.line_no })
      const hold = holdReason(status, c.lot === null ? null : (repo.lot.get(req.item.id, c.lot) ?? null), c.expiry, cx.today())
      return outcome('warning', forced, {
        notes: hold ? [holdNote(hold, req.item.sku, c.lot, c.expiry)] : [],
        eventId: event.id,
        received: 1,
        unit: { id: unitId, sku: req.item.sku, gtin: req.item.gtin, serial: req.serial, lot: c.lot, expiry: c.expiry },
        plate
      })
    }
    const message = c.expectedLot !== null ? msg('receiving.lot_differs', { qty: 1, sku: req.item.sku, serial: req.serial, lot: c.lot, order: order.number, orderLot: c.expectedLot }) : c.over ? msg('receiving.over', params) : msg('receiving.received', params)
    return outcome(kind, message, {
      notes: receiptWarnings(req.lot, c.expectedLot, c.over ? c.line : null).notes,
      eventId: event.id,
      received: 1,
      unit: { id: unitId, sku: req.item.sku, gtin: req.item.gtin, serial: req.serial, lot: c.lot, expiry: c.expiry },
      plate
    })
  }

  /** A non-serialised item (tracking none or lot): a quantity on its line. */
  function receiveQuantity(call: Call, item: ItemRow, qty: number, scannedLot: string | null, scannedExpiry: string | null, via: string, code: string | null): Verdict {
    const order = requireOpenOrder(call.terminalId)
    checkLot(item, scannedLot, scannedExpiry)
    const lines = linesFor(order, item)
    const lot = scannedLot ?? (lines.length === 1 ? lines[0]!.lot : null)
    if (needsLot(item, lot, false)) fail(lotRequired(item))
    const expiry = checkLot(item, lot, scannedExpiry)
    const { line, over } = chooseLine(lines, lot, qty, received)
    const orderLot = expectedLotIfDifferent(scannedLot, null, lines)
    const approvedBy = over ? overReceiptApproval(call, order, item, line, qty) : null
    apply.startReceiving(order, call.operatorId)
    const plateId = cx.currentPlateId(call.terminalId)
    const { event } = apply.writeQuantity({ ...call, approvedBy }, order, { item, line, qty, lot, expiry, plateId, scanId: repo.nextScanId(), code, over, via, withGtin: true, warnings: receiptWarnings(scannedLot, orderLot, over ? line : null).payload })
    cx.setPending(call.terminalId, null)
    const plate = plateId === null ? null : cx.plates.summary(plateId)
    const params = { qty, sku: item.sku, serial: null, lot, plate: plate?.code ?? null, line: line.line_no, count: received(line.id), expected: line.qty_expected }
    const message = orderLot !== null ? msg('receiving.lot_differs', { qty, sku: item.sku, serial: null, lot, order: order.number, orderLot }) : over ? msg('receiving.over', params) : msg('receiving.received', params)
    return outcome(over || orderLot !== null ? 'warning' : 'accepted', message, { notes: receiptWarnings(scannedLot, orderLot, over ? line : null).notes, eventId: event.id, received: qty, plate })
  }

  return { requireOpenOrder, linesFor, checkLot, checkUnit, receiveUnit, receiveQuantity }
}

export type Receipts = ReturnType<typeof createReceipts>
