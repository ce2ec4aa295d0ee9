import type Database from 'better-sqlite3'
import { isValidGs1CheckDigit, normalizeGtin } from '../../../shared/codes/checkdigit'
import { classifyScan, type ScanClassification } from '../../../shared/codes/gs1/index'
import { checkSerial } from '../../../shared/codes/serial-rules'
import {
  EXCEPTION_REASONS,
  type DuplicateInfo,
  type ExceptionReason,
  type OrderSummary,
  type PendingGtin,
  type PlateSummary,
  type ReceiveOutcome,
  type ReceiveOutcomeKind,
  type ReceivingState,
  type UndoResult
} from '../../../shared/contract-areas/receiving'
import type { FeedbackTone } from '../../../shared/model/feedback'
import { AppFailure } from '../../errors'
import type { EventLog, NewEvent } from '../../store/event-log'
import { identify, identifyEpc, isPlainSscc, plainGtin, type Identity } from './identify'
import {
  lineCounts,
  orderSummary,
  parseRule,
  plateSummary,
  prepareReceivingQueries,
  type ExpectedUnitRow,
  type ItemRow,
  type LineRow,
  type OrderRow,
  type ReceiptRow,
  type UnitRow
} from './queries'

export interface ReceivingDeps {
  db: Database.Database
  eventLog: EventLog
  /** The signed-in operator (null when nobody is). */
  operatorId: () => number | null
  /** Issues SSCCs for new pallets (`receiving.newPlate`); absent → newPlate is refused. */
  issueSscc?: (operatorId: number | null) => string
  now?: () => Date
  /** Location code where received units are (default: the first active `dock` location). */
  receivingLocation?: string
  gsSubstitutes?: () => readonly string[]
  /** Called (after the commit, coalesced) whenever the receiving state changed. */
  onChange?: (state: ReceivingState) => void
}

/** What a unit receipt is made of, whatever the scan form (DataMatrix, two scans, EPC, typed, pallet). */
interface UnitRequest {
  item: ItemRow
  serial: string
  lot: string | null
  expiry: string | null
  madeAt: string | null
  via: 'gs1' | 'two-scan' | 'epc' | 'typed' | 'serial-only' | 'pallet'
  code: string | null
}

interface Session {
  orderId: number | null
  plateId: number | null
  pending: (PendingGtin & { itemId: number; madeAt: string | null }) | null
}

type Verdict = ReceiveOutcome

const TONES: Record<ReceiveOutcomeKind, FeedbackTone | null> = { accepted: 'good', warning: 'warning', rejected: 'bad', ignored: null }

const outcome = (kind: ReceiveOutcomeKind, code: string, message: string, extra: Partial<Verdict> = {}): Verdict => ({
  outcome: kind,
  code,
  message,
  tone: TONES[kind],
  eventId: null,
  received: 0,
  unit: null,
  plate: null,
  duplicate: null,
  ...extra
})

const refuse = (code: string, message: string, extra: Partial<Verdict> = {}) => outcome('rejected', code, message, extra)

/** A refusal thrown from inside a write (rolls the whole scan back) and turned into a verdict. */
class Refusal extends Error {
  constructor(readonly verdict: Verdict) {
    super(verdict.message)
  }
}

const EMPTY_EXCEPTIONS = (): Record<ExceptionReason, number> => Object.fromEntries(EXCEPTION_REASONS.map((r) => [r, 0])) as Record<ExceptionReason, number>

function describeDuplicate(unit: UnitRow, orderId: number | null, serial: string, sku: string): { info: DuplicateInfo; message: string } {
  const sameOrder = unit.inbound_order_id !== null && unit.inbound_order_id === orderId
  const where = [unit.plate_code ? `plate ${unit.plate_code}` : null, unit.location_code ? `at ${unit.location_code}` : null].filter(Boolean).join(', ')
  const when = unit.received_at ? unit.received_at.replace('T', ' ').slice(0, 16) : 'an unknown time'
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
    ? `Serial ${serial} (${sku}) was already received on this order at ${when} UTC${where ? ` (${where})` : ''}: double scan, nothing written.`
    : `Serial ${serial} (${sku}) is already in the system: received ${when} UTC${unit.order_number ? ` on ${unit.order_number}` : ''}, now ${unit.status}${where ? ` (${where})` : ''}. Possible counterfeit or mix-up: set the unit aside and call a supervisor.`
  return { info, message }
}

/**
 * Receiving (DOMAIN flow 1): open an order, then every scan is checked (on this order? already in the
 * system? serial rule and mis-scan guards? lot recalled or expired?) and either refused — nothing
 * written, a clear message — or written through the event log: the unit, its receipt row and its
 * `unit.received` event in one transaction. Synchronous, so the scan pipeline can run it inside the
 * scan's own transaction (see `scan-handler.ts`).
 */
export function createReceivingService(deps: ReceivingDeps) {
  const { db, eventLog } = deps
  const q = prepareReceivingQueries(db)
  const now = deps.now ?? (() => new Date())
  const session: Session = { orderId: null, plateId: null, pending: null }
  let changeScheduled = false

  const locationId = (): number | null => {
    if (deps.receivingLocation) {
      const l = q.locationByCode.get(deps.receivingLocation)
      if (l) return l.id
    }
    return q.dockLocation.get()?.id ?? null
  }

  const today = () => now().toISOString().slice(0, 10)

  // Every entry point runs in one transaction: BEGIN IMMEDIATE at top level, a savepoint inside the
  // scan pipeline's transaction. A Refusal thrown from inside rolls back everything the scan wrote.
  const inTx = <T>(fn: () => T): T => db.transaction(fn).immediate()
  const guarded = (fn: () => Verdict): Verdict => {
    try {
      const v = inTx(fn)
      if (v.outcome !== 'rejected' && v.outcome !== 'ignored') scheduleChange()
      return v
    } catch (error) {
      if (error instanceof Refusal) return error.verdict
      throw error
    }
  }

  function scheduleChange(): void {
    if (!deps.onChange || changeScheduled) return
    changeScheduled = true
    setImmediate(() => {
      changeScheduled = false
      try {
        deps.onChange?.(state())
      } catch {
        // a listener's failure must not break receiving
      }
    })
  }

  const nextScanId = (): number => {
    const row = q.nextScanId.get()
    if (!row) {
      q.initScanId.run()
      return nextScanId()
    }
    q.advanceScanId.run()
    return row.next
  }

  const currentOrder = (): OrderRow | null => (session.orderId === null ? null : (q.orderById.get(session.orderId) ?? null))

  function requireOpenOrder(): OrderRow {
    const order = currentOrder()
    if (!order) throw new Refusal(refuse('receiving.no_order', 'No order is open: scan the PO or ASN barcode, or pick the order on the screen.'))
    if (order.status === 'closed' || order.status === 'cancelled') {
      throw new Refusal(refuse('receiving.order_closed', `${order.number} is ${order.status}: nothing more can be received on it.`))
    }
    return order
  }

  function itemByGtin(gtin: string): ItemRow | null {
    const g = normalizeGtin(gtin)
    return g.ok ? (q.itemByGtin.get(g.value) ?? null) : null
  }

  function itemByRef(ref: string): ItemRow | null {
    return q.itemBySku.get(ref) ?? itemByGtin(ref)
  }

  function startReceiving(order: OrderRow, operatorId: number | null): void {
    if (order.status !== 'open') return
    eventLog.record(
      () => q.setOrderStatus.run('receiving', null, order.id),
      () => ({ type: 'order.receiving_started', orderId: order.id, operatorId, payload: { order: order.number } })
    )
    order.status = 'receiving'
  }

  // ── checks ────────────────────────────────────────────────────────────────────────────────
  function linesFor(order: OrderRow, item: ItemRow, code: string | null): LineRow[] {
    const lines = q.linesOfItem.all(order.id, item.id)
    if (lines.length === 0) {
      throw new Refusal(
        refuse(
          'receiving.not_on_order',
          `${item.sku} (${item.description}) is not on ${order.number}: wrong item? Set it aside or record the exception "wrong item".`,
          code ? { code: 'receiving.not_on_order' } : {}
        )
      )
    }
    return lines
  }

  function checkLot(item: ItemRow, lot: string | null, expiry: string | null): string | null {
    let exp = expiry
    if (lot !== null) {
      const row = q.lot.get(item.id, lot)
      if (row?.status === 'recalled') {
        throw new Refusal(refuse('receiving.lot_recalled', `Lot ${lot} of ${item.sku} is RECALLED${row.status_note ? ` (${row.status_note})` : ''}: do not receive it. Set it aside for the supplier.`))
      }
      if (row?.status === 'quarantined') {
        throw new Refusal(refuse('receiving.lot_quarantined', `Lot ${lot} of ${item.sku} is in quarantine${row.status_note ? ` (${row.status_note})` : ''}: ask a supervisor before receiving it.`))
      }
      exp ??= row?.expiry ?? null
    }
    if (exp !== null && exp < today()) {
      throw new Refusal(refuse('receiving.expired', `${item.sku}${lot ? ` lot ${lot}` : ''} expired on ${exp}: do not receive it.`))
    }
    return exp
  }

  function chooseLine(lines: LineRow[], lot: string | null, adding: number): { line: LineRow; over: boolean } {
    const byLot = lot === null ? lines : lines.filter((l) => l.lot === null || l.lot === lot)
    const candidates = byLot.length > 0 ? byLot : lines
    for (const line of candidates) {
      if (q.lineReceived.get(line.id)!.n + adding <= line.qty_expected) return { line, over: false }
    }
    return { line: candidates[0]!, over: true }
  }

  /** All checks of one unit; throws a Refusal, or returns what to write. */
  function checkUnit(order: OrderRow, req: UnitRequest, expectedOverride?: ExpectedUnitRow) {
    const { item, serial } = req
    const lines = linesFor(order, item, req.code)
    const expected = expectedOverride ?? q.expectedBySerial.get(order.id, item.id, serial) ?? null
    const lotContext = req.lot ?? expected?.lot ?? (lines.length === 1 ? lines[0]!.lot : null)
    const rule = parseRule(item.serial_rule)
    const knownLot = q.lot.get(item.id, serial) !== undefined || lines.some((l) => l.lot === serial)
    const serialCheck = checkSerial(serial, rule, {
      ...(item.gtin ? { gtin: item.gtin } : {}),
      ...(lotContext ? { lot: lotContext } : {}),
      knownLots: knownLot ? [serial] : []
    })
    if (!serialCheck.ok) {
      throw new Refusal(refuse(serialCheck.error.code, `Serial refused for ${item.sku}: ${serialCheck.error.message}`))
    }
    const existing = q.unitBySerial.get(item.id, serial)
    if (existing && existing.status !== 'expected') {
      const d = describeDuplicate(existing, order.id, serial, item.sku)
      throw new Refusal(refuse(d.info.sameOrder ? 'receiving.duplicate' : 'receiving.already_in_system', d.message, { duplicate: d.info }))
    }
    if (!expected && q.hasExpectedSerials.get(order.id, item.id)) {
      throw new Refusal(
        refuse(
          'receiving.unexpected_serial',
          `Serial ${serial} (${item.sku}) is not on ${order.number}: the supplier never shipped it. Set it aside, or record the exception "unexpected serial".`
        )
      )
    }
    const lot = req.lot ?? expected?.lot ?? (lines.length === 1 ? lines[0]!.lot : null)
    if ((item.tracking === 'lot_serial' || item.tracking === 'lot') && lot === null) {
      throw new Refusal(refuse('receiving.lot_required', `${item.sku} is tracked by lot: scan the barcode with the lot (AI 10), or type the lot.`))
    }
    const expiry = checkLot(item, lot, req.expiry ?? expected?.expiry ?? null)
    const warnings: string[] = []
    if (req.lot !== null && expected?.lot && expected.lot !== req.lot) warnings.push(`the label says lot ${req.lot}, the ASN lot ${expected.lot}`)
    const { line, over } = expected ? { line: q.lineById.get(expected.line_id)!, over: false } : chooseLine(lines, lot, 1)
    if (over) warnings.push(`line ${line.line_no} is already complete (${line.qty_expected} expected): over-receipt`)
    return {
      existing: existing ?? null,
      expected,
      lot,
      expiry,
      line,
      over,
      warnings,
      madeAt: req.madeAt ?? expected?.made_at ?? null,
      productionLine: expected?.production_line ?? null,
      shift: expected?.shift ?? null
    }
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────────
  function writeUnit(order: OrderRow, req: UnitRequest, c: ReturnType<typeof checkUnit>, scanId: number, plateId: number | null, status: 'received' | 'quarantined', exception: { reason: ExceptionReason; note: string | null } | null) {
    const operatorId = deps.operatorId()
    const at = now().toISOString()
    const loc = locationId()
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
          q.reviveUnit.run({ ...values, id: c.existing.id })
          unitId = c.existing.id
        } else {
          unitId = Number(q.insertUnit.run(values).lastInsertRowid)
        }
        if (c.lot !== null) q.insertLot.run(req.item.id, c.lot, c.expiry)
        q.insertReceipt.run({
          scanId,
          orderId: order.id,
          lineId: exception?.reason === 'unexpected_serial' ? null : c.line.id,
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
          lineNo: c.line.line_no,
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
          ...(c.warnings.length ? { warnings: c.warnings } : {}),
          ...(exception?.note ? { note: exception.note } : {})
        }
      })
    )
  }

  function currentPlateId(): number | null {
    if (session.plateId === null) return null
    const p = q.plateById.get(session.plateId)
    if (!p || p.status !== 'open') {
      session.plateId = null
      return null
    }
    return p.id
  }

  function receiveUnit(req: UnitRequest): Verdict {
    const order = requireOpenOrder()
    const c = checkUnit(order, req)
    startReceiving(order, deps.operatorId())
    const plateId = currentPlateId()
    const { event, result: unitId } = writeUnit(order, req, c, nextScanId(), plateId, 'received', null)
    session.pending = null
    const kind: ReceiveOutcomeKind = c.warnings.length ? 'warning' : 'accepted'
    const plate = plateId === null ? null : plateSummary(q, plateId)
    const msg = `Received ${req.item.sku} serial ${req.serial}${c.lot ? ` lot ${c.lot}` : ''}${plate ? ` onto ${plate.code}` : ''} (line ${c.line.line_no}: ${q.lineReceived.get(c.line.id)!.n}/${c.line.qty_expected}).`
    return outcome(kind, c.over ? 'receiving.over' : 'receiving.received', c.warnings.length ? `${msg} Note: ${c.warnings.join('; ')}.` : msg, {
      eventId: event.id,
      received: 1,
      unit: { id: unitId, sku: req.item.sku, gtin: req.item.gtin, serial: req.serial, lot: c.lot, expiry: c.expiry },
      plate
    })
  }

  /** A non-serialised item (tracking none or lot): a quantity on its line. */
  function receiveQuantity(item: ItemRow, qty: number, scannedLot: string | null, scannedExpiry: string | null, via: string, code: string | null): Verdict {
    const order = requireOpenOrder()
    const lines = linesFor(order, item, code)
    const lot = scannedLot ?? (lines.length === 1 ? lines[0]!.lot : null)
    if (item.tracking === 'lot' && lot === null) {
      throw new Refusal(refuse('receiving.lot_required', `${item.sku} is tracked by lot: scan the barcode with the lot (AI 10), or type the lot.`))
    }
    const expiry = checkLot(item, lot, scannedExpiry)
    const { line, over } = chooseLine(lines, lot, qty)
    startReceiving(order, deps.operatorId())
    const plateId = currentPlateId()
    const operatorId = deps.operatorId()
    const at = now().toISOString()
    const scanId = nextScanId()
    const { event } = eventLog.record(
      () => {
        if (lot !== null) q.insertLot.run(item.id, lot, expiry)
        q.insertReceipt.run({ scanId, orderId: order.id, lineId: line.id, itemId: item.id, unitId: null, plateId, kind: 'quantity', reason: null, qty, lot, code, note: null, prevCondition: null, over: over ? 1 : 0, operatorId, now: at })
      },
      () => ({
        type: 'order.quantity_received',
        orderId: order.id,
        plateId,
        locationId: locationId(),
        operatorId,
        payload: { order: order.number, lineNo: line.line_no, sku: item.sku, gtin: item.gtin, qty, lot, expiry, via, scanId, ...(over ? { over: true } : {}) }
      })
    )
    session.pending = null
    const n = q.lineReceived.get(line.id)!.n
    return outcome(over ? 'warning' : 'accepted', over ? 'receiving.over' : 'receiving.received', `Received ${qty} × ${item.sku}${lot ? ` lot ${lot}` : ''} (line ${line.line_no}: ${n}/${line.qty_expected})${over ? ' — more than expected: over-receipt' : ''}.`, {
      eventId: event.id,
      received: qty,
      plate: plateId === null ? null : plateSummary(q, plateId)
    })
  }

  // ── plates ────────────────────────────────────────────────────────────────────────────────
  function createPlate(code: string, kind: 'sscc' | 'lpn', parentId: number | null, orderId: number | null, source: string): number {
    const operatorId = deps.operatorId()
    const loc = locationId()
    return eventLog.record(
      () => Number(q.insertPlate.run(code, kind, parentId, loc, now().toISOString()).lastInsertRowid),
      (plateId) => ({ type: 'plate.created', plateId, orderId, locationId: loc, operatorId, payload: { code, kind, source, ...(parentId !== null ? { parentId } : {}) } })
    ).result
  }

  /** A pallet (or case) listed on the ASN, received by its SSCC: every unit with its own event. */
  function receiveExpectedPlate(order: OrderRow, root: { id: number; code: string }, text: string): Verdict {
    const tree = q.expectedPlateTree.all(root.id)
    const existingRoot = q.plateByCode.get(root.code)
    if (existingRoot) {
      const info = q.plateReceiptInfo.get(existingRoot.id)!
      if (info.n > 0) {
        throw new Refusal(
          refuse('receiving.duplicate', `Pallet ${root.code} was already received${info.order_number ? ` on ${info.order_number}` : ''} at ${info.at?.replace('T', ' ').slice(0, 16)} UTC: double scan, nothing written.`)
        )
      }
    }
    // Check every unit first: one refused unit refuses the whole pallet (nothing written).
    const checked: Array<{ plateCode: string; req?: UnitRequest; c?: ReturnType<typeof checkUnit>; qty?: { item: ItemRow; row: ExpectedUnitRow } }> = []
    const items = new Map<number, ItemRow>()
    const item = (id: number) => {
      let it = items.get(id)
      if (!it) {
        it = q.itemById.get(id)!
        items.set(id, it)
      }
      return it
    }
    const lineAdds = new Map<number, number>()
    for (const p of tree) {
      for (const row of q.expectedUnitsOnPlate.all(p.id)) {
        const it = item(row.item_id)
        if (row.serial === null) {
          checkLot(it, row.lot, row.expiry)
          checked.push({ plateCode: p.code, qty: { item: it, row } })
          lineAdds.set(row.line_id, (lineAdds.get(row.line_id) ?? 0) + 1)
          continue
        }
        const req: UnitRequest = { item: it, serial: row.serial, lot: row.lot, expiry: row.expiry, madeAt: row.made_at, via: 'pallet', code: p.code }
        try {
          checked.push({ plateCode: p.code, req, c: checkUnit(order, req, row) })
        } catch (error) {
          if (error instanceof Refusal) {
            const v = error.verdict
            throw new Refusal({ ...v, message: `Pallet ${root.code} refused — ${v.message}` })
          }
          throw error
        }
      }
    }
    if (checked.length === 0) throw new Refusal(refuse('receiving.empty_plate', `The ASN lists nothing on ${root.code}: scan its units one by one.`))
    const operatorId = deps.operatorId()
    startReceiving(order, operatorId)
    const scanId = nextScanId()
    // Plates: the pallet and its nested cases, as on the ASN.
    const plateIds = new Map<string, number>()
    const expectedIdToCode = new Map(tree.map((p) => [p.id, p.code]))
    for (const p of tree) {
      const parentCode = p.parent_id === null || p.id === root.id ? null : (expectedIdToCode.get(p.parent_id) ?? null)
      const parentId = parentCode === null ? null : (plateIds.get(parentCode) ?? null)
      const existing = q.plateByCode.get(p.code)
      if (existing) {
        if (parentId !== null && existing.parent_id !== parentId) q.setPlateParent.run(parentId, existing.id)
        plateIds.set(p.code, existing.id)
      } else {
        plateIds.set(p.code, createPlate(p.code, isPlainSscc(p.code) ? 'sscc' : 'lpn', parentId, order.id, 'asn'))
      }
    }
    const rootPlateId = plateIds.get(root.code)!
    let units = 0
    let warnings = 0
    const at = now().toISOString()
    for (const entry of checked) {
      const plateId = plateIds.get(entry.plateCode)!
      if (entry.req && entry.c) {
        writeUnit(order, entry.req, entry.c, scanId, plateId, 'received', null)
        units++
        if (entry.c.warnings.length) warnings++
      }
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
      const line = q.lineById.get(g.row.line_id)!
      eventLog.record(
        () => {
          if (g.row.lot !== null) q.insertLot.run(g.item.id, g.row.lot, g.row.expiry)
          q.insertReceipt.run({ scanId, orderId: order.id, lineId: line.id, itemId: g.item.id, unitId: null, plateId: g.plateId, kind: 'quantity', reason: null, qty: g.qty, lot: g.row.lot, code: root.code, note: null, prevCondition: null, over: 0, operatorId, now: at })
        },
        () => ({ type: 'order.quantity_received', orderId: order.id, plateId: g.plateId, locationId: locationId(), operatorId, payload: { order: order.number, lineNo: line.line_no, sku: g.item.sku, qty: g.qty, lot: g.row.lot, via: 'pallet', scanId } })
      )
      quantity += g.qty
    }
    const { event } = eventLog.record(
      () => undefined,
      () => ({
        type: 'plate.received',
        plateId: rootPlateId,
        orderId: order.id,
        locationId: locationId(),
        operatorId,
        payload: { order: order.number, code: root.code, units, quantity, plates: tree.length, scanId, scan: text }
      })
    )
    session.pending = null
    const summary = plateSummary(q, rootPlateId)
    return outcome(warnings ? 'warning' : 'accepted', 'receiving.pallet_received', `Pallet ${root.code} received: ${units} serialised unit${units === 1 ? '' : 's'}${quantity ? ` and ${quantity} other` : ''}${tree.length > 1 ? ` on ${tree.length} plates` : ''}.${warnings ? ` ${warnings} with a note (lot differs from the ASN).` : ''}`, {
      eventId: event.id,
      received: units + quantity,
      plate: summary
    })
  }

  /** A plate code was scanned or typed: an expected pallet is received, any other becomes the current plate. */
  function handlePlateCode(code: string, kind: 'sscc' | 'lpn', text: string, explicit: boolean): Verdict {
    const order = currentOrder()
    if (order && order.status !== 'closed' && order.status !== 'cancelled') {
      const expected = q.expectedPlate.get(order.id, code)
      if (expected) return receiveExpectedPlate(order, expected, text)
    }
    const existing = q.plateByCode.get(code)
    if (existing) {
      if (existing.status !== 'open') {
        throw new Refusal(refuse('receiving.plate_not_open', `Plate ${code} is ${existing.status}: it cannot take more units. Scan another plate or create a new one.`))
      }
      session.plateId = existing.id
      const plate = plateSummary(q, existing.id)
      return outcome('accepted', 'receiving.plate_current', `Now loading onto plate ${code} (${plate?.units ?? 0} units on it).`, { plate })
    }
    if (!explicit && kind === 'lpn') {
      throw new Refusal(refuse('receiving.unknown_code', `"${code}" is not a known plate.`))
    }
    const plateId = createPlate(code, kind, null, order?.id ?? null, explicit ? 'typed' : 'scanned')
    session.plateId = plateId
    const plate = plateSummary(q, plateId)
    return outcome('accepted', 'receiving.plate_created', `New plate ${code}: units now go onto it.`, { eventId: null, plate })
  }

  // ── scan routing ───────────────────────────────────────────────────────────────────────────
  function openOrder(number: string): OrderRow {
    const order = q.orderByNumber.get(number.trim())
    if (!order) throw new AppFailure('receiving.unknown_order', `No inbound order "${number.trim()}" — check the number, or import the PO/ASN first.`)
    if (order.status === 'cancelled') throw new AppFailure('receiving.order_cancelled', `${order.number} was cancelled.`)
    session.orderId = order.id
    session.pending = null
    return order
  }

  function openFromScan(number: string): Verdict {
    const order = openOrder(number)
    const s = orderSummary(q, order)
    return outcome(
      order.status === 'closed' ? 'warning' : 'accepted',
      'receiving.order_opened',
      order.status === 'closed' ? `${order.number} is closed (view only).` : `${order.number} opened: ${s.received} of ${s.expected} received. Scan units or a pallet.`
    )
  }

  function handleIdentity(id: Identity, text: string): Verdict {
    if (id.kind === 'invalid') return refuse(id.code, id.message)
    if (id.kind === 'order') return openFromScan(id.number)
    if (id.kind === 'location') return refuse('receiving.location_scanned', 'That is a location label: put-away happens after receiving (Put away screen).')
    const pending = session.pending

    if (id.kind === 'unit') {
      const item = itemByGtin(id.gtin)
      if (!item) return refuse('receiving.unknown_gtin', `GTIN ${id.gtin} is not a known item: import the item master, or set the unit aside.`)
      if (item.tracking === 'none' || item.tracking === 'lot') return receiveQuantity(item, 1, id.lot, id.expiry, id.via, text)
      return receiveUnit({ item, serial: id.serial, lot: id.lot, expiry: id.expiry, madeAt: id.madeAt, via: id.via, code: text })
    }
    if (id.kind === 'gtin') {
      const item = itemByGtin(id.gtin)
      if (pending) {
        return refuse(
          'receiving.serial_expected',
          item?.id === pending.itemId
            ? `That is the product barcode (GTIN) of ${pending.sku} again: scan its SERIAL number.`
            : `A serial is due for ${pending.sku}; you scanned the product code of ${item ? item.sku : `GTIN ${id.gtin}`}. Scan the serial, or cancel.`
        )
      }
      if (!item) return refuse('receiving.unknown_gtin', `GTIN ${id.gtin} is not a known item: import the item master, or set the unit aside.`)
      requireOpenOrder()
      if (item.tracking === 'none' || item.tracking === 'lot') return receiveQuantity(item, id.count ?? 1, id.lot, id.expiry, 'gs1', text)
      linesFor(requireOpenOrder(), item, text)
      session.pending = { gtin: item.gtin ?? id.gtin, sku: item.sku, description: item.description, lot: id.lot, expiry: id.expiry, since: now().toISOString(), itemId: item.id, madeAt: id.madeAt }
      return outcome('accepted', 'receiving.serial_due', `${item.sku} — now scan the serial number.`)
    }
    if (id.kind === 'sscc') {
      if (pending) return refuse('receiving.serial_expected', `A serial is due for ${pending.sku}; that was a pallet label (SSCC). Scan the serial, or cancel.`)
      if (!isValidGs1CheckDigit(id.sscc)) return refuse('receiving.bad_sscc', `SSCC ${id.sscc} has a wrong check digit.`)
      return handlePlateCode(id.sscc, 'sscc', text, false)
    }
    // Plain text: a serial when one is due, else an order, an EPC, an SSCC, a GTIN, a plate or a serial on the ASN.
    const t = id.text
    if (pending) {
      const item = q.itemById.get(pending.itemId)!
      return receiveUnit({ item, serial: t, lot: pending.lot, expiry: pending.expiry, madeAt: pending.madeAt, via: 'two-scan', code: t })
    }
    const order = q.orderByNumber.get(t)
    if (order) return openFromScan(order.number)
    const epc = identifyEpc(t)
    if (epc) return handleIdentity(epc, text)
    if (isPlainSscc(t)) return handlePlateCode(t, 'sscc', text, false)
    const gtin = plainGtin(t)
    if (gtin && q.itemByGtin.get(gtin)) return handleIdentity({ kind: 'gtin', gtin, lot: null, expiry: null, madeAt: null, count: null }, text)
    if (q.plateByCode.get(t)) return handlePlateCode(t, 'lpn', text, false)
    const open = currentOrder()
    if (!open) return refuse('receiving.no_order', `"${t}" is not an order number. Open an order first: scan the PO or ASN barcode, or pick it on the screen.`)
    const matches = q.expectedBySerialAnyItem.all(t, open.id)
    if (matches.length === 1) {
      const item = q.itemById.get(matches[0]!.item_id)!
      return receiveUnit({ item, serial: t, lot: null, expiry: null, madeAt: null, via: 'serial-only', code: t })
    }
    if (matches.length > 1) return refuse('receiving.ambiguous_serial', `Serial ${t} is listed for several items on ${open.number}: scan the product barcode first, then the serial.`)
    return refuse('receiving.unknown_code', `"${t}" is not a code this order knows: scan the product barcode (GTIN) first, then the serial — or the pallet's SSCC.`)
  }

  // ── exceptions and undo ───────────────────────────────────────────────────────────────────
  function resolveUnitCode(order: OrderRow, code: string): { item: ItemRow; serial: string; lot: string | null; expiry: string | null; madeAt: string | null } | null {
    const id = identify(classifyScan(code, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] }))
    const unitId = id.kind === 'text' ? (identifyEpc(id.text) ?? id) : id
    if (unitId.kind === 'unit') {
      const item = itemByGtin(unitId.gtin)
      return item ? { item, serial: unitId.serial, lot: unitId.lot, expiry: unitId.expiry, madeAt: unitId.madeAt } : null
    }
    if (unitId.kind === 'text') {
      if (session.pending) {
        const item = q.itemById.get(session.pending.itemId)!
        return { item, serial: unitId.text, lot: session.pending.lot, expiry: session.pending.expiry, madeAt: session.pending.madeAt }
      }
      const onOrder = q.unitsBySerialOnOrder.all(unitId.text, order.id)
      if (onOrder.length === 1) return { item: q.itemById.get(onOrder[0]!.item_id)!, serial: unitId.text, lot: null, expiry: null, madeAt: null }
    }
    return null
  }

  function exception(input: { reason: ExceptionReason; code?: string | undefined; item?: string | undefined; qty?: number | undefined; note?: string | undefined }): Verdict {
    return guarded(() => {
      const order = requireOpenOrder()
      const operatorId = deps.operatorId()
      const note = input.note?.trim() || null
      const qty = input.qty ?? 1
      const at = now().toISOString()

      if (input.reason === 'unexpected_serial') {
        if (!input.code) throw new Refusal(refuse('receiving.code_required', 'Scan the unit (GTIN + serial) that is not on the ASN.'))
        const u = resolveUnitCode(order, input.code)
        if (!u) throw new Refusal(refuse('receiving.code_required', 'That code does not name a unit: scan the DataMatrix, or the GTIN then the serial.'))
        const lines = q.linesOfItem.all(order.id, u.item.id)
        const serialCheck = checkSerial(u.serial, parseRule(u.item.serial_rule), u.item.gtin ? { gtin: u.item.gtin } : {})
        if (!serialCheck.ok) throw new Refusal(refuse(serialCheck.error.code, `Serial refused for ${u.item.sku}: ${serialCheck.error.message}`))
        const existing = q.unitBySerial.get(u.item.id, u.serial)
        if (existing && existing.status !== 'expected') {
          const d = describeDuplicate(existing, order.id, u.serial, u.item.sku)
          throw new Refusal(refuse('receiving.already_in_system', d.message, { duplicate: d.info }))
        }
        const line = lines[0] ?? null
        const expiry = u.expiry
        startReceiving(order, operatorId)
        const plateId = currentPlateId()
        const fake = { existing: existing ?? null, expected: null, lot: u.lot, expiry, line: line ?? ({ id: null, line_no: null, qty_expected: 0 } as unknown as LineRow), over: false, warnings: [], madeAt: u.madeAt, productionLine: null, shift: null }
        const { event, result: unitId } = writeUnit(order, { item: u.item, serial: u.serial, lot: u.lot, expiry, madeAt: u.madeAt, via: 'typed', code: input.code }, fake, nextScanId(), plateId, 'quarantined', { reason: 'unexpected_serial', note })
        session.pending = null
        return outcome('warning', 'receiving.exception', `Serial ${u.serial} (${u.item.sku}) recorded as UNEXPECTED and quarantined: keep it apart from the good stock.`, {
          eventId: event.id,
          unit: { id: unitId, sku: u.item.sku, gtin: u.item.gtin, serial: u.serial, lot: u.lot, expiry }
        })
      }

      if (input.reason === 'damaged' && input.code) {
        const u = resolveUnitCode(order, input.code)
        const unit = u ? q.unitBySerial.get(u.item.id, u.serial) : undefined
        const receipt = unit ? q.activeUnitReceipt.get(unit.id, order.id) : undefined
        if (!u || !unit || !receipt) {
          throw new Refusal(refuse('receiving.not_received', 'Receive the unit first, then mark it damaged (or record damaged goods by item and quantity).'))
        }
        if (unit.condition === 'damaged') throw new Refusal(refuse('receiving.already_damaged', `Serial ${u.serial} is already marked damaged.`))
        const { event } = eventLog.record(
          () => {
            q.setCondition.run('damaged', at, unit.id)
            q.insertReceipt.run({ scanId: nextScanId(), orderId: order.id, lineId: receipt.line_id, itemId: u.item.id, unitId: unit.id, plateId: unit.plate_id, kind: 'exception', reason: 'damaged', qty: 1, lot: unit.lot, code: input.code ?? null, note, prevCondition: unit.condition, over: 0, operatorId, now: at })
          },
          () => ({ type: 'unit.exception', unitId: unit.id, plateId: unit.plate_id, orderId: order.id, operatorId, reason: 'damaged', payload: { order: order.number, sku: u.item.sku, serial: u.serial, condition: 'damaged', previous: unit.condition, note } })
        )
        return outcome('warning', 'receiving.exception', `Serial ${u.serial} (${u.item.sku}) marked DAMAGED.`, { eventId: event.id })
      }

      // By item and quantity: damaged goods, no label, wrong item.
      let item: ItemRow | null = input.item ? itemByRef(input.item) : null
      let code = input.code ?? null
      if (!item && input.code) {
        const id = identify(classifyScan(input.code, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] }))
        if (id.kind === 'gtin' || id.kind === 'unit') item = itemByGtin(id.gtin)
        else if (id.kind === 'text') item = itemByRef(id.text)
        code = input.code
      }
      if (input.reason !== 'wrong_item' && !item) throw new Refusal(refuse('receiving.item_required', 'Name the item (SKU or GTIN) and the quantity.'))
      if (input.reason === 'wrong_item' && !item && !code && !note) throw new Refusal(refuse('receiving.item_required', 'Scan the wrong item\'s barcode or describe it in the note.'))
      let line: LineRow | null = null
      if (item && input.reason !== 'wrong_item') {
        const lines = q.linesOfItem.all(order.id, item.id)
        if (lines.length === 0) throw new Refusal(refuse('receiving.not_on_order', `${item.sku} is not on ${order.number}: record it as "wrong item".`))
        line = lines[0]!
      }
      if (input.reason === 'wrong_item' && item && q.linesOfItem.all(order.id, item.id).length > 0) {
        throw new Refusal(refuse('receiving.on_order', `${item.sku} is on ${order.number}: receive it normally.`))
      }
      startReceiving(order, operatorId)
      const { event } = eventLog.record(
        () => {
          q.insertReceipt.run({ scanId: nextScanId(), orderId: order.id, lineId: line?.id ?? null, itemId: item?.id ?? null, unitId: null, plateId: null, kind: 'exception', reason: input.reason, qty, lot: null, code, note, prevCondition: null, over: 0, operatorId, now: at })
        },
        () => ({ type: 'order.exception', orderId: order.id, operatorId, reason: input.reason, payload: { order: order.number, sku: item?.sku ?? null, lineNo: line?.line_no ?? null, qty, code, note } })
      )
      const label = { damaged: 'damaged', no_label: 'without a label', wrong_item: 'wrong item', unexpected_serial: 'unexpected' }[input.reason]
      return outcome('warning', 'receiving.exception', `Recorded ${qty} × ${item?.sku ?? code ?? 'item'} ${label}.`, { eventId: event.id })
    })
  }

  function undo(): UndoResult {
    const order = currentOrder()
    if (!order) throw new AppFailure('receiving.no_order', 'No order is open.')
    if (order.status === 'closed') throw new AppFailure('receiving.order_closed', `${order.number} is closed: its receipts can no longer be undone.`)
    const operatorId = deps.operatorId()
    const result = inTx(() => {
      const last = q.lastScanOf.get(order.id, operatorId)
      if (!last) throw new AppFailure('receiving.nothing_to_undo', 'You have no scan on this order left to undo.')
      const receipts = q.receiptsOfScan.all(last.scan_id)
      for (const r of receipts) {
        if (r.unit_id !== null && r.kind !== 'exception') {
          const unit = q.unitById.get(r.unit_id)!
          if (unit.status !== 'received') {
            throw new AppFailure('receiving.undo_moved', `Serial ${unit.serial} is already ${unit.status}${unit.location_code ? ` at ${unit.location_code}` : ''}: move it back before undoing its receipt.`)
          }
        }
      }
      const at = now().toISOString()
      const eventIds: number[] = []
      for (const r of receipts) eventIds.push(undoReceipt(order, r, at, operatorId))
      return { undone: receipts.length, eventIds, receipts }
    })
    session.pending = null
    scheduleChange()
    const units = result.receipts.filter((r) => r.unit_id !== null).length
    const first = result.receipts[0]!
    const what =
      first.kind === 'exception'
        ? `the "${first.reason}" exception`
        : units > 1
          ? `${units} units of the pallet scan`
          : units === 1
            ? `serial ${q.unitById.get(first.unit_id!)!.serial}`
            : `${first.qty} × ${first.item_id !== null ? (q.itemById.get(first.item_id)?.sku ?? 'item') : 'item'}`
    return { undone: result.undone, eventIds: result.eventIds, message: `Undone: ${what}. The counts are back.`, state: state() }
  }

  function undoReceipt(order: OrderRow, r: ReceiptRow, at: string, operatorId: number | null): number {
    const base = { orderId: order.id, operatorId, plateId: r.plate_id }
    if (r.kind === 'exception') {
      return eventLog.record(
        () => {
          q.undoReceipt.run(at, r.id)
          if (r.unit_id !== null && r.reason === 'damaged') q.setCondition.run(r.prev_condition ?? 'new', at, r.unit_id)
          if (r.unit_id !== null && r.reason === 'unexpected_serial') q.unreceiveUnit.run(at, r.unit_id)
        },
        () => ({ ...base, type: r.unit_id !== null ? 'unit.exception_undone' : 'order.exception_undone', unitId: r.unit_id, reason: r.reason, payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, qty: r.qty } })
      ).event.id
    }
    if (r.kind === 'unit') {
      const unit = q.unitById.get(r.unit_id!)!
      return eventLog.record(
        () => {
          q.undoReceipt.run(at, r.id)
          q.unreceiveUnit.run(at, r.unit_id!)
        },
        () => ({ ...base, type: 'unit.receipt_undone', unitId: r.unit_id, payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, serial: unit.serial, fromPlate: unit.plate_code, fromLocation: unit.location_code } })
      ).event.id
    }
    return eventLog.record(
      () => q.undoReceipt.run(at, r.id),
      () => ({ ...base, type: 'order.receipt_undone', payload: { order: order.number, receiptId: r.id, scanId: r.scan_id, qty: r.qty, lot: r.lot } })
    ).event.id
  }

  // ── state ─────────────────────────────────────────────────────────────────────────────────
  function state(): ReceivingState {
    const order = currentOrder()
    const exceptions = EMPTY_EXCEPTIONS()
    if (order) for (const e of q.exceptionCounts.all(order.id)) exceptions[e.reason] = e.n
    const plateId = currentPlateId()
    let pending: PendingGtin | null = null
    if (session.pending) {
      const { gtin, sku, description, lot, expiry, since } = session.pending
      pending = { gtin, sku, description, lot, expiry, since }
    }
    return {
      order: order ? orderSummary(q, order) : null,
      lines: order ? lineCounts(q, order.id) : [],
      plate: plateId === null ? null : plateSummary(q, plateId),
      pending,
      exceptions
    }
  }

  const classify = (text: string): ScanClassification => classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })

  return {
    /** A classified scan (from the pipeline's receiving handler or `submit`). Never throws a refusal. */
    handleScan(c: ScanClassification, text: string): ReceiveOutcome {
      return guarded(() => {
        try {
          return handleIdentity(identify(c), text)
        } catch (error) {
          if (error instanceof AppFailure) throw new Refusal(refuse(error.code, error.message))
          throw error
        }
      })
    },
    /** A typed or pasted code: the same checks as a scan. */
    submit(text: string): ReceiveOutcome {
      return this.handleScan(classify(text), text)
    },
    /** A typed identity (label unreadable). */
    receiveTyped(input: { item: string; serial?: string | undefined; lot?: string | undefined; expiry?: string | undefined; madeAt?: string | undefined; qty?: number | undefined }): ReceiveOutcome {
      return guarded(() => {
        const item = itemByRef(input.item)
        if (!item) return refuse('receiving.unknown_item', `No item with SKU or GTIN "${input.item}".`)
        if (item.tracking === 'none' || item.tracking === 'lot') return receiveQuantity(item, input.qty ?? 1, input.lot ?? null, input.expiry ?? null, 'typed', null)
        if (!input.serial) return refuse('receiving.serial_required', `${item.sku} is serialised: type its serial number.`)
        return receiveUnit({ item, serial: input.serial, lot: input.lot ?? null, expiry: input.expiry ?? null, madeAt: input.madeAt ?? null, via: 'typed', code: null })
      })
    },
    open(number: string): ReceivingState {
      const order = openOrder(number)
      void order
      scheduleChange()
      return state()
    },
    leave(): ReceivingState {
      session.orderId = null
      session.pending = null
      scheduleChange()
      return state()
    },
    cancelPending(): ReceivingState {
      session.pending = null
      scheduleChange()
      return state()
    },
    setPlate(code: string): ReceiveOutcome {
      return guarded(() => {
        const id = identify(classify(code))
        if (id.kind === 'sscc') return isValidGs1CheckDigit(id.sscc) ? handlePlateCode(id.sscc, 'sscc', code, true) : refuse('receiving.bad_sscc', `SSCC ${id.sscc} has a wrong check digit.`)
        if (id.kind === 'text') {
          const t = id.text
          if (isPlainSscc(t)) return handlePlateCode(t, 'sscc', code, true)
          if (/^\d{18}$/.test(t)) return refuse('receiving.bad_sscc', `${t} looks like an SSCC but its check digit is wrong.`)
          if (!/^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/.test(t)) return refuse('receiving.bad_plate', 'A plate code is an SSCC or 3–40 letters, digits, dots, dashes or underscores.')
          return handlePlateCode(t, 'lpn', code, true)
        }
        if (id.kind === 'invalid') return refuse(id.code, id.message)
        return refuse('receiving.bad_plate', 'That is not a plate label: scan the pallet\'s SSCC or an LPN label.')
      })
    },
    newPlate(): ReceiveOutcome {
      if (!deps.issueSscc) throw new AppFailure('sscc.not_configured', 'This station cannot issue SSCCs: configure a range with `dockside sscc configure`.')
      const issue = deps.issueSscc
      return guarded(() => {
        const sscc = issue(deps.operatorId())
        const plateId = createPlate(sscc, 'sscc', null, session.orderId, 'issued')
        session.plateId = plateId
        const plate = plateSummary(q, plateId)
        return outcome('accepted', 'receiving.plate_created', `New pallet ${sscc}: print its label; units now go onto it.`, { plate })
      })
    },
    currentPlate: (): PlateSummary | null => {
      const id = currentPlateId()
      return id === null ? null : plateSummary(q, id)
    },
    exception,
    undo,
    state,
    orders(input: { status?: 'open' | 'receiving' | 'closed' | 'all' | undefined; search?: string | undefined; limit?: number | undefined } = {}): OrderSummary[] {
      return q.orders.all({ status: input.status ?? 'open', search: input.search?.trim() ?? '', limit: input.limit ?? 100 }).map((o) => ({
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
    },
    /** Closes the open order in one transaction; returns what the report needs (rendered by the caller). */
    closeOrder(note: string | null, reportPath: (order: OrderRow) => string) {
      const order = currentOrder()
      if (!order) throw new AppFailure('receiving.no_order', 'No order is open.')
      if (order.status === 'closed' || order.status === 'cancelled') throw new AppFailure('receiving.order_closed', `${order.number} is already ${order.status}.`)
      const operatorId = deps.operatorId()
      const at = now().toISOString()
      const path = reportPath(order)
      const { event } = eventLog.record(
        () => q.setOrderStatus.run('closed', at, order.id),
        () => {
          const lines = lineCounts(q, order.id)
          return {
            type: 'order.closed',
            orderId: order.id,
            operatorId,
            payload: {
              order: order.number,
              expected: lines.reduce((s, l) => s + l.expected, 0),
              received: lines.reduce((s, l) => s + l.received, 0),
              over: lines.reduce((s, l) => s + l.over, 0),
              short: lines.reduce((s, l) => s + l.short, 0),
              damaged: lines.reduce((s, l) => s + l.damaged, 0),
              note,
              report: path
            }
          }
        }
      )
      session.pending = null
      session.plateId = null
      scheduleChange()
      const closed = q.orderById.get(order.id)!
      return { order: orderSummary(q, closed), lines: lineCounts(q, order.id), eventId: event.id, orderId: order.id, reportPath: path }
    },
    /** The open order id (for the close report). */
    currentOrderId: () => session.orderId
  }
}

export type ReceivingService = ReturnType<typeof createReceivingService>
