import { msg } from '../../../shared/messages/catalog'
import type { ItemRow } from '../../store/repositories/items'
import type { ExpectedUnitRow, OrderRow } from '../../store/repositories/receiving'
import type { CheckedUnit, ReceivingApply, UnitRequest } from './apply'
import { fail, outcome, Refusal, type Call, type ReceivingContext, type Verdict } from './context'
import { isPlainSscc } from './identify'
import type { Receipts } from './receipts'

interface Checked {
  plateCode: string
  unit?: { req: UnitRequest; c: CheckedUnit }
  qty?: { item: ItemRow; row: ExpectedUnitRow }
}

/** A pallet (or case) listed on the ASN, received by its SSCC: every unit with its own event. */
export function createPalletReceipt(cx: ReceivingContext, apply: ReceivingApply, receipts: Receipts) {
  const { repo } = cx

  /**
   * The pallet's contents, checked. Serialised units already received on this order (scanned singly
   * before the pallet) are skipped and counted in `already`: the pallet brings in the rest.
   */
  function checkContents(order: OrderRow, root: { id: number; code: string }, tree: Array<{ id: number; code: string }>, rootReceived: boolean): { checked: Checked[]; already: number } {
    const checked: Checked[] = []
    let already = 0
    const items = new Map<number, ItemRow>()
    const item = (id: number): ItemRow => {
      let it = items.get(id)
      if (!it) {
        it = cx.items.byId(id)!
        items.set(id, it)
      }
      return it
    }
    for (const p of tree) {
      for (const row of repo.expectedUnitsOnPlate.all(p.id)) {
        const it = item(row.item_id)
        if (row.serial === null) {
          if (rootReceived) continue // counted when the pallet itself was received
          receipts.checkLot(it, row.lot, row.expiry)
          checked.push({ plateCode: p.code, qty: { item: it, row } })
          continue
        }
        const req: UnitRequest = { item: it, serial: row.serial, lot: row.lot, expiry: row.expiry, madeAt: row.made_at, via: 'pallet', code: p.code }
        const existing = repo.unitBySerial.get(it.id, row.serial)
        if (existing && existing.status !== 'expected' && existing.inbound_order_id === order.id) {
          already++
          continue
        }
        try {
          checked.push({ plateCode: p.code, unit: { req, c: receipts.checkUnit(order, req, row) } })
        } catch (error) {
          // One refused unit refuses the whole pallet (nothing written); the unit's refusal says why.
          if (error instanceof Refusal) throw new Refusal({ ...error.verdict, notes: [...error.verdict.notes, msg('receiving.note_pallet_refused', { code: root.code })] })
          throw error
        }
      }
    }
    return { checked, already }
  }

  /** The pallet and its nested cases as license plates, as on the ASN (existing ones re-parented). */
  function platesFor(call: Call, order: OrderRow, root: { id: number }, tree: Array<{ id: number; code: string; parent_id: number | null }>): Map<string, number> {
    const plateIds = new Map<string, number>()
    const expectedIdToCode = new Map(tree.map((p) => [p.id, p.code]))
    for (const p of tree) {
      const parentCode = p.parent_id === null || p.id === root.id ? null : (expectedIdToCode.get(p.parent_id) ?? null)
      const parentId = parentCode === null ? null : (plateIds.get(parentCode) ?? null)
      const existing = cx.plates.byCode(p.code)
      if (existing) {
        if (parentId !== null && existing.parent_id !== parentId) cx.plates.setParent(existing.id, parentId)
        plateIds.set(p.code, existing.id)
      } else {
        plateIds.set(p.code, apply.createPlate(call, p.code, isPlainSscc(p.code) ? 'sscc' : 'lpn', parentId, order.id, 'asn'))
      }
    }
    return plateIds
  }

  function receiveExpectedPlate(call: Call, order: OrderRow, root: { id: number; code: string }, text: string): Verdict {
    const tree = repo.expectedPlateTree.all(root.id)
    const existingRoot = cx.plates.byCode(root.code)
    const info = existingRoot ? repo.plateReceiptInfo.get(existingRoot.id)! : null
    const rootReceived = info !== null && info.n > 0
    const { checked, already } = checkContents(order, root, tree, rootReceived)
    if (checked.length === 0) {
      // Everything on it is in already: a double scan of the pallet (or every unit was scanned singly).
      if (rootReceived || already > 0) fail(msg('receiving.duplicate', { what: root.code, order: info?.order_number ?? order.number, at: info?.at ?? null }))
      fail(msg('receiving.empty_plate', { code: root.code }))
    }
    const operatorId = call.operatorId
    apply.startReceiving(order, operatorId)
    const scanId = repo.nextScanId()
    const plateIds = platesFor(call, order, root, tree)
    const rootPlateId = plateIds.get(root.code)!
    let units = 0
    let warnings = 0
    for (const entry of checked) {
      if (!entry.unit) continue
      apply.writeUnit(call, order, entry.unit.req, entry.unit.c, scanId, plateIds.get(entry.plateCode)!, 'received', null)
      units++
      if (entry.unit.c.warnings.length) warnings++
    }
    // Non-serialised contents: one quantity receipt per (plate, line, lot).
    const qtyGroups = new Map<string, { item: ItemRow; row: ExpectedUnitRow; plateId: number; qty: number }>()
    for (const entry of checked) {
      if (!entry.qty) continue
      const plateId = plateIds.get(entry.plateCode)!
      const key = `${plateId}|${entry.qty.row.line_id}|${entry.qty.row.lot ?? ''}`
      const g = qtyGroups.get(key)
      if (g) g.qty++
      else qtyGroups.set(key, { item: entry.qty.item, row: entry.qty.row, plateId, qty: 1 })
    }
    let quantity = 0
    for (const g of qtyGroups.values()) {
      const line = repo.lineById.get(g.row.line_id)!
      apply.writeQuantity(call, order, { item: g.item, line, qty: g.qty, lot: g.row.lot, expiry: g.row.expiry, plateId: g.plateId, scanId, code: root.code, over: false, via: 'pallet', withGtin: false })
      quantity += g.qty
    }
    const { event } = cx.eventLog.record(
      () => undefined,
      () => ({
        type: 'plate.received',
        plateId: rootPlateId,
        orderId: order.id,
        locationId: cx.locationId(),
        operatorId,
        payload: { order: order.number, code: root.code, units, quantity, plates: tree.length, scanId, scan: text, ...(already > 0 ? { alreadyReceived: already } : {}) }
      })
    )
    cx.setPending(call.terminalId, null)
    const message = already > 0 ? msg('receiving.pallet_rest_received', { code: root.code, units, quantity, already }) : msg('receiving.pallet_received', { code: root.code, units, quantity, plates: tree.length })
    return outcome(warnings || already > 0 ? 'warning' : 'accepted', message, {
      notes: warnings ? [msg('receiving.note_pallet_notes', { n: warnings })] : [],
      eventId: event.id,
      received: units + quantity,
      plate: cx.plates.summary(rootPlateId)
    })
  }

  return { receiveExpectedPlate }
}
