import { isValidGs1CheckDigit } from '../../../shared/codes/checkdigit'
import { msg } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import type { OrderRow } from '../../store/repositories/receiving'
import { outcome, refuse, type Call, type ReceivingContext, type Verdict } from './context'
import { identifyEpc, isPlainSscc, plainGtin, type Identity } from './identify'
import type { Plates } from './plates'
import type { Receipts } from './receipts'
import { orderSummary } from './state'

/**
 * Scan routing: what a scan names (an order, a unit, a product code whose serial comes next, a
 * pallet, a plate, a serial on the ASN) decides what receiving does with it.
 */
export function createScanRouting(cx: ReceivingContext, receipts: Receipts, plates: Plates) {
  const { repo, items } = cx

  function openOrder(t: string, number: string): OrderRow {
    const order = repo.orderByNumber.get(number.trim())
    if (!order) throw new AppFailure('receiving.unknown_order', { order: number.trim() })
    if (order.status === 'cancelled') throw new AppFailure('receiving.order_cancelled', { order: order.number })
    cx.setOrder(t, order.id)
    return order
  }

  function openFromScan(t: string, number: string): Verdict {
    const order = openOrder(t, number)
    const s = orderSummary(cx, order)
    const closed = order.status === 'closed'
    return outcome(closed ? 'warning' : 'accepted', msg('receiving.order_opened', { order: order.number, status: order.status, received: s.received, expected: s.expected }), {
      notes: closed ? [msg('receiving.note_view_only', {})] : []
    })
  }

  function handleIdentity(call: Call, id: Identity, text: string): Verdict {
    const t = call.terminalId
    if (id.kind === 'invalid') return refuse({ code: id.code, params: id.params })
    if (id.kind === 'order') return openFromScan(t, id.number)
    if (id.kind === 'location') return refuse(msg('receiving.location_scanned', {}))
    const pending = cx.pending(t)

    if (id.kind === 'unit') {
      const item = items.byGtin(id.gtin)
      if (!item) return refuse(msg('receiving.unknown_gtin', { gtin: id.gtin }))
      if (item.tracking === 'none' || item.tracking === 'lot') return receipts.receiveQuantity(call, item, 1, id.lot, id.expiry, id.via, text)
      return receipts.receiveUnit(call, { item, serial: id.serial, lot: id.lot, expiry: id.expiry, madeAt: id.madeAt, via: id.via, code: text })
    }
    if (id.kind === 'gtin') {
      const item = items.byGtin(id.gtin)
      if (pending) return refuse(msg('receiving.serial_expected', { sku: pending.sku, kind: 'GTIN', value: id.gtin }))
      if (!item) return refuse(msg('receiving.unknown_gtin', { gtin: id.gtin }))
      const order = receipts.requireOpenOrder(t)
      if (item.tracking === 'none' || item.tracking === 'lot') return receipts.receiveQuantity(call, item, id.count ?? 1, id.lot, id.expiry, 'gs1', text)
      receipts.linesFor(order, item)
      cx.setPending(t, { gtin: item.gtin ?? id.gtin, sku: item.sku, description: item.description, lot: id.lot, expiry: id.expiry, since: cx.at(), itemId: item.id, madeAt: id.madeAt })
      return outcome('accepted', msg('receiving.serial_due', { sku: item.sku }))
    }
    if (id.kind === 'sscc') {
      if (pending) return refuse(msg('receiving.serial_expected', { sku: pending.sku, kind: 'SSCC', value: id.sscc }))
      if (!isValidGs1CheckDigit(id.sscc)) return refuse(msg('receiving.bad_sscc', { sscc: id.sscc }))
      return plates.handlePlateCode(call, id.sscc, 'sscc', text, false)
    }
    // Plain text: a serial when one is due, else an order, an EPC, an SSCC, a GTIN, a plate or a serial on the ASN.
    const s = id.text
    if (pending) {
      const item = items.byId(pending.itemId)!
      return receipts.receiveUnit(call, { item, serial: s, lot: pending.lot, expiry: pending.expiry, madeAt: pending.madeAt, via: 'two-scan', code: s })
    }
    const order = repo.orderByNumber.get(s)
    if (order) return openFromScan(t, order.number)
    const epc = identifyEpc(s)
    if (epc) return handleIdentity(call, epc, text)
    if (isPlainSscc(s)) return plates.handlePlateCode(call, s, 'sscc', text, false)
    const gtin = plainGtin(s)
    if (gtin && items.byGtin(gtin)) return handleIdentity(call, { kind: 'gtin', gtin, lot: null, expiry: null, madeAt: null, count: null }, text)
    if (cx.plates.byCode(s)) return plates.handlePlateCode(call, s, 'lpn', text, false)
    const open = cx.currentOrder(t)
    if (!open) return refuse(msg('receiving.no_order', {}))
    const matches = repo.expectedBySerialAnyItem.all(s, open.id)
    if (matches.length === 1) {
      const item = items.byId(matches[0]!.item_id)!
      return receipts.receiveUnit(call, { item, serial: s, lot: null, expiry: null, madeAt: null, via: 'serial-only', code: s })
    }
    if (matches.length > 1) return refuse(msg('receiving.ambiguous_serial', { serial: s, order: open.number }))
    return refuse(msg('receiving.unknown_code', { code: s }))
  }

  return { openOrder, handleIdentity }
}
