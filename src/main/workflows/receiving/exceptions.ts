import type { CodedMessage, ExceptionReason } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import type { ItemRow } from '../../store/repositories/items'
import type { LineRow, OrderRow } from '../../store/repositories/receiving'
import type { ReceivingApply } from './apply'
import { fail, outcome, type Call, type ReceivingContext, type Verdict } from './context'
import { identify, identifyEpc, type Identity } from './identify'
import type { Receipts } from './receipts'
import { duplicateRefusal, holdNote, holdReason, serialRefusal } from './rules'

export interface ExceptionInput {
  reason: ExceptionReason
  code?: string | undefined
  item?: string | undefined
  qty?: number | undefined
  note?: string | undefined
}

const REASON_NOTE: Record<ExceptionReason, CodedMessage> = {
  damaged: msg('receiving.note_damaged', {}),
  no_label: msg('receiving.note_no_label', {}),
  wrong_item: msg('receiving.note_wrong_item', {}),
  unexpected_serial: msg('receiving.note_unexpected_serial', {})
}

/** Exceptions: an unexpected serial (quarantined), a damaged unit, or goods by item and quantity. */
export function createExceptions(cx: ReceivingContext, apply: ReceivingApply, receipts: Receipts, classify: (text: string) => Parameters<typeof identify>[0]) {
  const { repo, items } = cx

  function resolveUnitCode(t: string, order: OrderRow, code: string): { item: ItemRow; serial: string; lot: string | null; expiry: string | null; madeAt: string | null } | null {
    const id = identify(classify(code))
    const unitId: Identity = id.kind === 'text' ? (identifyEpc(id.text) ?? id) : id
    if (unitId.kind === 'unit') {
      const item = items.byGtin(unitId.gtin)
      return item ? { item, serial: unitId.serial, lot: unitId.lot, expiry: unitId.expiry, madeAt: unitId.madeAt } : null
    }
    if (unitId.kind === 'text') {
      const pending = cx.pending(t)
      if (pending) return { item: items.byId(pending.itemId)!, serial: unitId.text, lot: pending.lot, expiry: pending.expiry, madeAt: pending.madeAt }
      const onOrder = repo.unitsBySerialOnOrder.all(unitId.text, order.id)
      if (onOrder.length === 1) return { item: items.byId(onOrder[0]!.item_id)!, serial: unitId.text, lot: null, expiry: null, madeAt: null }
    }
    return null
  }

  function unexpectedSerial(call: Call, order: OrderRow, code: string | undefined, note: string | null): Verdict {
    if (!code) return fail(msg('receiving.code_required', {}))
    const u = resolveUnitCode(call.terminalId, order, code)
    if (!u) return fail(msg('receiving.code_required', {}))
    const serialBad = serialRefusal(u.item, u.serial)
    if (serialBad) fail(serialBad, { notes: [msg('receiving.note_serial_for', { sku: u.item.sku })] })
    const existing = repo.unitBySerial.get(u.item.id, u.serial) ?? null
    if (existing && existing.status !== 'expected') {
      const d = duplicateRefusal(existing, order.id, u.serial, u.item.sku)
      fail(msg('receiving.already_in_system', { serial: u.serial, sku: u.item.sku, at: existing.received_at, order: existing.order_number, status: existing.status, plate: existing.plate_code, location: existing.location_code }), { duplicate: d.info })
    }
    const line = repo.linesOfItem.all(order.id, u.item.id)[0] ?? null
    const lotRow = u.lot === null ? null : (repo.lot.get(u.item.id, u.lot) ?? null)
    const expiry = u.expiry ?? lotRow?.expiry ?? null
    const hold = holdReason('quarantined', lotRow, expiry, cx.today())!
    apply.startReceiving(order, call.operatorId)
    const plateId = cx.currentPlateId(call.terminalId)
    const warnings = hold === 'quarantined' ? [] : [`${hold} lot ${u.lot ?? ''}: hold location only`]
    const checked = { existing, expected: null, lot: u.lot, expiry, line, over: false, warnings, madeAt: u.madeAt, productionLine: null, shift: null }
    const req = { item: u.item, serial: u.serial, lot: u.lot, expiry: u.expiry, madeAt: u.madeAt, via: 'typed' as const, code }
    const { event, result: unitId } = apply.writeUnit(call, order, req, checked, repo.nextScanId(), plateId, 'quarantined', { reason: 'unexpected_serial', note })
    cx.setPending(call.terminalId, null)
    return outcome('warning', msg('receiving.exception', { qty: 1, what: `${u.serial} (${u.item.sku})` }), {
      notes: hold === 'quarantined' ? [REASON_NOTE.unexpected_serial] : [REASON_NOTE.unexpected_serial, holdNote(hold, u.item.sku, u.lot, expiry)],
      eventId: event.id,
      unit: { id: unitId, sku: u.item.sku, gtin: u.item.gtin, serial: u.serial, lot: u.lot, expiry }
    })
  }

  function damagedUnit(call: Call, order: OrderRow, code: string, note: string | null): Verdict {
    const u = resolveUnitCode(call.terminalId, order, code)
    const unit = u ? repo.unitBySerial.get(u.item.id, u.serial) : undefined
    const receipt = unit ? repo.activeUnitReceipt.get(unit.id, order.id) : undefined
    if (!u || !unit || !receipt) return fail(msg('receiving.not_received', {}))
    if (unit.condition === 'damaged') fail(msg('receiving.already_damaged', { serial: u.serial }))
    const at = cx.at()
    const operatorId = call.operatorId
    const { event } = cx.eventLog.record(
      () => {
        repo.setCondition.run('damaged', at, unit.id)
        repo.insertReceipt.run({ scanId: repo.nextScanId(), orderId: order.id, lineId: receipt.line_id, itemId: u.item.id, unitId: unit.id, plateId: unit.plate_id, kind: 'exception', reason: 'damaged', qty: 1, lot: unit.lot, code, note, prevCondition: unit.condition, over: 0, operatorId, now: at })
      },
      () => ({ type: 'unit.exception', unitId: unit.id, plateId: unit.plate_id, orderId: order.id, operatorId, reason: 'damaged', payload: { order: order.number, sku: u.item.sku, serial: u.serial, condition: 'damaged', previous: unit.condition, note } })
    )
    return outcome('warning', msg('receiving.exception', { qty: 1, what: `${u.serial} (${u.item.sku})` }), { notes: [REASON_NOTE.damaged], eventId: event.id })
  }

  /** By item and quantity: damaged goods, no label, wrong item. */
  function byQuantity(call: Call, order: OrderRow, input: ExceptionInput, note: string | null): Verdict {
    const qty = input.qty ?? 1
    let item: ItemRow | null = input.item ? items.byRef(input.item) : null
    let code = input.code ?? null
    if (!item && input.code) {
      const id = identify(classify(input.code))
      if (id.kind === 'gtin' || id.kind === 'unit') item = items.byGtin(id.gtin)
      else if (id.kind === 'text') item = items.byRef(id.text)
      code = input.code
    }
    if (input.reason !== 'wrong_item' && !item) fail(msg('receiving.item_required', {}))
    if (input.reason === 'wrong_item' && !item && !code && !note) fail(msg('receiving.item_required', {}))
    let line: LineRow | null = null
    if (item && input.reason !== 'wrong_item') {
      const lines = repo.linesOfItem.all(order.id, item.id)
      if (lines.length === 0) fail(msg('receiving.not_on_order', { sku: item.sku, description: item.description, order: order.number }))
      line = lines[0]!
    }
    if (input.reason === 'wrong_item' && item && repo.linesOfItem.all(order.id, item.id).length > 0) fail(msg('receiving.on_order', { sku: item.sku, order: order.number }))
    const operatorId = call.operatorId
    apply.startReceiving(order, operatorId)
    const at = cx.at()
    const { event } = cx.eventLog.record(
      () => {
        repo.insertReceipt.run({ scanId: repo.nextScanId(), orderId: order.id, lineId: line?.id ?? null, itemId: item?.id ?? null, unitId: null, plateId: null, kind: 'exception', reason: input.reason, qty, lot: null, code, note, prevCondition: null, over: 0, operatorId, now: at })
      },
      () => ({ type: 'order.exception', orderId: order.id, operatorId, reason: input.reason, payload: { order: order.number, sku: item?.sku ?? null, lineNo: line?.line_no ?? null, qty, code, note } })
    )
    return outcome('warning', msg('receiving.exception', { qty, what: item?.sku ?? code ?? note }), { notes: [REASON_NOTE[input.reason]], eventId: event.id })
  }

  function exception(call: Call, input: ExceptionInput): Verdict {
    const order = receipts.requireOpenOrder(call.terminalId)
    const note = input.note?.trim() || null
    if (input.reason === 'unexpected_serial') return unexpectedSerial(call, order, input.code, note)
    if (input.reason === 'damaged' && input.code) return damagedUnit(call, order, input.code, note)
    return byQuantity(call, order, input, note)
  }

  return { exception }
}
