import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { futureAi17 } from '../../helpers/clock'
import { dm, GS, MONITOR_GTIN, openRig, PALLET, PEN_GTIN, thrownCode, type Rig } from './rig'

let rig: Rig
afterEach(() => rig?.close())

const gtinScan = (gtin: string) => `]C101${gtin}`
/** The demo pens' expiry (AI 17, and as stored): the end of the month 18 months ahead of the test clock. */
const EXP = futureAi17(18)
const EXP_ISO = `20${EXP.slice(0, 2)}-${EXP.slice(2, 4)}-${EXP.slice(4, 6)}`

describe('receiving: open an order and scan units', () => {
  it('opens an order by number (or its scanned barcode) and shows the lines with live counts', () => {
    rig = openRig()
    const state = rig.svc.open('po-1001')
    expect(state.order).toMatchObject({ number: 'PO-1001', kind: 'po', status: 'open', expected: 60, received: 0, supplier: { code: 'SUP-ACME' } })
    expect(state.lines.map((l) => [l.sku, l.expected, l.received, l.short])).toEqual([
      ['MON-27-BLK', 10, 0, 10],
      ['BOX-M', 50, 0, 50]
    ])
    rig.svc.leave()
    const scanned = rig.svc.submit('ASN-2001')
    expect(scanned).toMatchObject({ outcome: 'accepted', code: 'receiving.order_opened' })
    expect(rig.svc.state().order?.number).toBe('ASN-2001')
    expect(thrownCode(() => rig.svc.open('PO-404'))).toBe('receiving.unknown_order')
  })

  it('GTIN then serial (two scans): pending GTIN, then the unit is received with its event, receipt and counts', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    const first = rig.svc.submit(gtinScan(MONITOR_GTIN))
    expect(first).toMatchObject({ outcome: 'accepted', code: 'receiving.serial_due', received: 0 })
    expect(rig.svc.state().pending).toMatchObject({ sku: 'MON-27-BLK', gtin: MONITOR_GTIN })
    const second = rig.svc.submit('MN00004001')
    expect(second).toMatchObject({ outcome: 'accepted', code: 'receiving.received', received: 1, unit: { serial: 'MN00004001', sku: 'MON-27-BLK' } })
    expect(second.eventId).toBeGreaterThan(0)
    expect(rig.svc.state().pending).toBeNull()

    const unit = rig.db.prepare("SELECT * FROM units WHERE serial = 'MN00004001'").get() as Record<string, unknown>
    expect(unit).toMatchObject({ status: 'received', condition: 'new', inbound_order_id: rig.svc.state().order!.id })
    expect(unit.location_id).toBe((rig.db.prepare("SELECT id FROM locations WHERE code = 'DOCK-1'").get() as { id: number }).id)
    expect(unit.supplier_id).not.toBeNull()
    const [ev] = rig.events('unit.received')
    expect(ev).toMatchObject({ id: second.eventId, unit_id: unit.id, station_id: rig.stationId, operator_id: rig.operatorIds()[0] })
    expect(ev!.payload).toMatchObject({ order: 'PO-1001', serial: 'MN00004001', via: 'two-scan', lineNo: 1 })
    expect(rig.count("SELECT count(*) AS n FROM outbox WHERE event_id = ?", ev!.id)).toBe(1)
    expect(rig.svc.state().order?.status).toBe('receiving')
    const line = rig.svc.state().lines[0]!
    expect([line.expected, line.received, line.short, line.over]).toEqual([10, 1, 9, 0])
    expect(rig.events('order.receiving_started')).toHaveLength(1)
  })

  it('one GS1 DataMatrix: GTIN + serial + lot + expiry (+ AI 11 production date) and the ASN production attributes', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    const r = rig.svc.submit(dm(PEN_GTIN, '100201', { lot: 'L2405', expiry: EXP, made: '260604' }))
    expect(r).toMatchObject({ outcome: 'accepted', code: 'receiving.received', unit: { serial: '100201', lot: 'L2405', expiry: EXP_ISO } })
    const unit = rig.db.prepare("SELECT * FROM units WHERE serial = '100201'").get() as Record<string, unknown>
    // The barcode's AI 11 wins over the ASN's date; the line and shift come from the ASN.
    expect(unit).toMatchObject({ lot: 'L2405', expiry: EXP_ISO, made_at: '2026-06-04', production_line: 'FILL-03', shift: 'B' })
    // Serial only (the supplier's own label) works when the ASN lists the serial.
    expect(rig.svc.submit('100202')).toMatchObject({ outcome: 'accepted', unit: { serial: '100202', lot: 'L2405' } })
    expect((rig.db.prepare("SELECT made_at FROM units WHERE serial = '100202'").get() as { made_at: string }).made_at).toBe(rig.dates.madeAt)
  })

  it('a whole pallet by its SSCC: every unit received, each with its own event, on the pallet plate', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    const before = rig.snapshot()
    const r = rig.svc.submit(`]C100${PALLET}`)
    expect(r).toMatchObject({ outcome: 'accepted', code: 'receiving.pallet_received', received: 6, plate: { code: PALLET, kind: 'sscc', units: 6 } })
    const evs = rig.events('unit.received')
    expect(evs).toHaveLength(6)
    expect(new Set(evs.map((e) => e.unit_id)).size).toBe(6)
    expect(evs.every((e) => e.plate_id === r.plate!.id && e.payload.via === 'pallet')).toBe(true)
    expect(rig.events('plate.created')).toHaveLength(1)
    const [pr] = rig.events('plate.received')
    expect(pr).toMatchObject({ id: r.eventId, plate_id: r.plate!.id })
    expect(rig.snapshot().units - before.units).toBe(6)
    expect(rig.svc.state().lines[0]).toMatchObject({ sku: 'PEN-INS-5', expected: 6, received: 6, short: 0 })
    // the same pallet again: a double scan, nothing written
    const again = rig.snapshot()
    expect(rig.svc.submit(PALLET)).toMatchObject({ outcome: 'rejected', code: 'receiving.duplicate' })
    expect(rig.snapshot()).toEqual(again)
  })
})

describe('receiving: every bad scan is refused with a code saying why and writes nothing', () => {
  const refusedCases: Array<[string, (r: Rig) => void, string, string | RegExp, Record<string, unknown>]> = [
    ['an unknown barcode', (r) => r.svc.open('PO-1001'), 'NOT-A-CODE', 'receiving.unknown_code', { code: 'NOT-A-CODE' }],
    ['an unknown GTIN', (r) => r.svc.open('PO-1001'), gtinScan('04006381333931'), 'receiving.unknown_gtin', { gtin: '04006381333931' }],
    ['an invalid GS1 check digit', (r) => r.svc.open('PO-1001'), gtinScan('09521234543214'), /^gs1\..*check_digit/, {}],
    ['an item not on the order', (r) => r.svc.open('PO-1001'), dm(PEN_GTIN, '100201', { lot: 'L2405', expiry: EXP }), 'receiving.not_on_order', { order: 'PO-1001', sku: 'PEN-INS-5' }],
    ['a serial the supplier never shipped', (r) => r.svc.open('PO-1001'), dm(MONITOR_GTIN, 'MN00009999'), 'receiving.unexpected_serial', { serial: 'MN00009999', order: 'PO-1001' }],
    ['a serial breaking the item rule', (r) => r.svc.open('PO-1001'), dm(MONITOR_GTIN, 'XX123'), /^serial\./, {}],
    ['a recalled lot', (r) => r.svc.open('ASN-2001'), dm(PEN_GTIN, '100201', { lot: 'L2301', expiry: EXP }), 'receiving.lot_recalled', { lot: 'L2301' }],
    ['an expired lot', (r) => r.svc.open('ASN-2001'), dm(PEN_GTIN, '100201', { lot: 'L2405', expiry: '240101' }), 'receiving.expired', { expiry: '2024-01-01' }],
    ['a scan with no order open', () => undefined, dm(MONITOR_GTIN, 'MN00004001'), 'receiving.no_order', {}]
  ]
  for (const [name, setup, scan, code, params] of refusedCases) {
    it(name, () => {
      rig = openRig()
      setup(rig)
      const before = rig.snapshot()
      const r = rig.svc.submit(scan)
      expect(r.outcome).toBe('rejected')
      expect(r.tone).toBe('bad')
      expect(r.code).toMatch(code)
      expect(r.params).toMatchObject(params)
      expect(r.eventId).toBeNull()
      expect(rig.snapshot()).toEqual(before)
    })
  }

  it('a GTIN scanned where a serial is due (as GS1 or as plain digits) and a serial of another item', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(gtinScan(MONITOR_GTIN))
    const before = rig.snapshot()
    expect(rig.svc.submit(gtinScan(MONITOR_GTIN))).toMatchObject({ outcome: 'rejected', code: 'receiving.serial_expected', params: { sku: 'MON-27-BLK', kind: 'GTIN' } })
    expect(rig.svc.submit(MONITOR_GTIN)).toMatchObject({ outcome: 'rejected', code: 'serial.is_gtin' })
    expect(rig.svc.submit(`]C100${PALLET}`)).toMatchObject({ outcome: 'rejected', code: 'receiving.serial_expected' })
    // a pen serial while a monitor serial is due: the monitor's rule refuses it
    expect(rig.svc.submit('100201')).toMatchObject({ outcome: 'rejected', code: 'serial.too_short' })
    expect(rig.snapshot()).toEqual(before)
    expect(rig.svc.state().pending?.sku).toBe('MON-27-BLK') // still waiting for the serial
    rig.svc.cancelPending()
    expect(rig.svc.state().pending).toBeNull()
  })

  it('a duplicate on the same order is a double scan; a serial known from another order is a counterfeit alert with where and when', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    const before = rig.snapshot()
    const dup = rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    expect(dup).toMatchObject({ outcome: 'rejected', code: 'receiving.duplicate', duplicate: { sameOrder: true, order: 'PO-1001', location: 'DOCK-1', status: 'received' } })
    expect(dup.params).toMatchObject({ what: 'MN00004001 (MON-27-BLK)', order: 'PO-1001', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/) })
    expect(rig.snapshot()).toEqual(before)
    // A second PO for monitors without a serial list: the same serial is already in the system.
    const poId = Number(rig.db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('PO-1009', 'po', 'now')").run().lastInsertRowid)
    rig.db.prepare("INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected) VALUES (?, 1, (SELECT id FROM items WHERE sku = 'MON-27-BLK'), 5)").run(poId)
    rig.svc.open('PO-1009')
    const fake = rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    expect(fake).toMatchObject({ outcome: 'rejected', code: 'receiving.already_in_system', duplicate: { sameOrder: false, order: 'PO-1001' } })
    expect(fake.params).toMatchObject({ serial: 'MN00004001', order: 'PO-1001', status: 'received' })
    expect(rig.snapshot()).toEqual(before)
  })

  it('refuses scans on a closed order', async () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    await rig.svc.close()
    const before = rig.snapshot()
    expect(rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))).toMatchObject({ outcome: 'rejected', code: 'receiving.order_closed' })
    expect(rig.snapshot()).toEqual(before)
  })
})

describe('receiving: non-serialised items, over-receipt', () => {
  it('counts quantities of lot- and none-tracked items on their line and warns on over-receipt', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    const box = rig.svc.submit(gtinScan('09521234000020'))
    expect(box).toMatchObject({ outcome: 'accepted', received: 1 })
    expect(rig.svc.receiveTyped({ item: 'BOX-M', qty: 49 })).toMatchObject({ outcome: 'accepted', received: 49 })
    const over = rig.svc.submit(gtinScan('09521234000020'))
    expect(over).toMatchObject({ outcome: 'warning', code: 'receiving.over' })
    expect(rig.svc.state().lines[1]).toMatchObject({ expected: 50, received: 51, over: 1, short: 0 })
    rig.svc.open('ASN-2001')
    const bat = rig.svc.submit(`]C10109521234000013${'10'}B7788`)
    expect(bat).toMatchObject({ outcome: 'accepted', received: 1 })
    expect(rig.events('order.quantity_received').at(-1)!.payload).toMatchObject({ sku: 'BAT-AA-24', lot: 'B7788', qty: 1 })
  })
})

describe('receiving: plates', () => {
  it('units go onto the current plate (scanned, typed, or a new SSCC from the issuer)', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    const set = rig.svc.setPlate('LPN-000123')
    expect(set).toMatchObject({ outcome: 'accepted', code: 'receiving.plate_created', plate: { code: 'LPN-000123', kind: 'lpn', location: 'DOCK-1' } })
    expect(rig.events('plate.created').at(-1)).toMatchObject({ plate_id: set.plate!.id, operator_id: rig.operatorIds()[0] })
    const r = rig.svc.submit(dm(MONITOR_GTIN, 'MN00004003'))
    expect(r.plate).toMatchObject({ code: 'LPN-000123', units: 1 })
    expect(rig.svc.currentPlate()).toMatchObject({ code: 'LPN-000123', units: 1 })
    // An SSCC scanned that nobody knows yet: a new plate.
    expect(rig.svc.submit(`]C100${'006141411234567890'}`)).toMatchObject({ outcome: 'accepted', code: 'receiving.plate_created' })
    expect(rig.svc.setPlate('106141412345678909')).toMatchObject({ outcome: 'rejected', code: 'receiving.bad_sscc' })
    expect(thrownCode(() => rig.svc.newPlate())).toBe('sscc.not_configured')
    // Back to the first plate by scanning its code.
    expect(rig.svc.submit('LPN-000123')).toMatchObject({ outcome: 'accepted', code: 'receiving.plate_current' })
  })
})

describe('receiving: undo', () => {
  it('undoes the operator\'s last scan with a compensating event; counts go back; the serial can be received again', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.setPlate('LPN-1')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
    const eventsBefore = rig.count('SELECT count(*) AS n FROM events')
    const u = rig.svc.undo()
    expect(u).toMatchObject({ undone: 1, code: 'receiving.undone', params: { what: 'MN00004002', qty: 1 } })
    expect(rig.count('SELECT count(*) AS n FROM events')).toBe(eventsBefore + 1) // nothing deleted, one event added
    const unit = rig.db.prepare("SELECT status, plate_id, location_id FROM units WHERE serial = 'MN00004002'").get()
    expect(unit).toEqual({ status: 'expected', plate_id: null, location_id: null })
    expect(rig.events('unit.receipt_undone')[0]!.payload).toMatchObject({ serial: 'MN00004002', fromPlate: 'LPN-1' })
    expect(u.state.lines[0]).toMatchObject({ received: 1, short: 9 })
    // again: the previous scan
    rig.svc.undo()
    expect(rig.svc.state().lines[0]!.received).toBe(0)
    expect(thrownCode(() => rig.svc.undo())).toBe('receiving.nothing_to_undo')
    // received again after the undo
    expect(rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))).toMatchObject({ outcome: 'accepted' })
    expect(rig.svc.state().lines[0]!.received).toBe(1)
    expect(rig.count("SELECT count(*) AS n FROM units WHERE serial = 'MN00004002'")).toBe(1)
  })

  it('undo is per operator, and a pallet scan is undone as one scan', () => {
    rig = openRig()
    const [ana, ben] = rig.operatorIds()
    rig.svc.open('ASN-2001')
    rig.setOperator(ana!)
    rig.svc.submit(PALLET)
    rig.setOperator(ben!)
    rig.svc.submit(`]C10109521234000013${'10'}B7788`)
    rig.setOperator(ana!)
    const u = rig.svc.undo()
    expect(u.undone).toBe(6)
    expect(u).toMatchObject({ code: 'receiving.undone', params: { what: 'PEN-INS-5', qty: 6 } })
    expect(rig.events('unit.receipt_undone')).toHaveLength(6)
    expect(u.state.lines.map((l) => l.received)).toEqual([0, 1]) // Ben's battery stays
    // the pallet can be received again
    expect(rig.svc.submit(PALLET)).toMatchObject({ outcome: 'accepted', received: 6 })
  })

  it('refuses to undo a unit that was already put away', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    rig.db.prepare("UPDATE units SET status = 'stored' WHERE serial = 'MN00004001'").run()
    const before = rig.snapshot()
    expect(thrownCode(() => rig.svc.undo())).toBe('receiving.undo_moved')
    expect(rig.snapshot()).toEqual(before)
  })
})

describe('receiving: exceptions with reason codes', () => {
  it('damaged, no label, wrong item, unexpected serial: counted, in events, undoable', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    const dmg = rig.svc.exception({ reason: 'damaged', code: dm(MONITOR_GTIN, 'MN00004001'), note: 'cracked screen' })
    expect(dmg).toMatchObject({ outcome: 'warning', code: 'receiving.exception' })
    expect((rig.db.prepare("SELECT condition FROM units WHERE serial = 'MN00004001'").get() as { condition: string }).condition).toBe('damaged')
    expect(rig.events('unit.exception')[0]).toMatchObject({ reason: 'damaged' })
    rig.svc.exception({ reason: 'no_label', item: 'MON-27-BLK', qty: 2 })
    rig.svc.exception({ reason: 'wrong_item', code: gtinScan(PEN_GTIN), qty: 3, note: 'pens in the monitor shipment' })
    const unexpected = rig.svc.exception({ reason: 'unexpected_serial', code: dm(MONITOR_GTIN, 'MN00009999') })
    expect(unexpected).toMatchObject({ outcome: 'warning', unit: { serial: 'MN00009999' } })
    expect((rig.db.prepare("SELECT status FROM units WHERE serial = 'MN00009999'").get() as { status: string }).status).toBe('quarantined')
    const s = rig.svc.state()
    expect(s.exceptions).toEqual({ damaged: 1, no_label: 2, wrong_item: 3, unexpected_serial: 1 })
    expect(s.lines[0]).toMatchObject({ received: 1, damaged: 1, noLabel: 2 })
    // refused exceptions write nothing
    const before = rig.snapshot()
    expect(rig.svc.exception({ reason: 'damaged', code: dm(MONITOR_GTIN, 'MN00004005') })).toMatchObject({ outcome: 'rejected', code: 'receiving.not_received' })
    expect(rig.svc.exception({ reason: 'no_label', item: 'PEN-INS-5' })).toMatchObject({ outcome: 'rejected', code: 'receiving.not_on_order' })
    expect(rig.svc.exception({ reason: 'unexpected_serial', code: dm(MONITOR_GTIN, 'MN00004001') })).toMatchObject({ outcome: 'rejected', code: 'receiving.already_in_system' })
    expect(rig.snapshot()).toEqual(before)
    // undo the unexpected serial, then the wrong item
    rig.svc.undo()
    expect((rig.db.prepare("SELECT status FROM units WHERE serial = 'MN00009999'").get() as { status: string }).status).toBe('expected')
    rig.svc.undo()
    rig.svc.undo()
    rig.svc.undo() // the damaged mark
    expect((rig.db.prepare("SELECT condition FROM units WHERE serial = 'MN00004001'").get() as { condition: string }).condition).toBe('new')
    expect(rig.svc.state().exceptions).toEqual({ damaged: 0, no_label: 0, wrong_item: 0, unexpected_serial: 0 })
  })
})

describe('receiving: close with a discrepancy report', () => {
  it('closes the order (order.closed event) and writes a PDF report listing short lines and missing serials', async () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    for (let n = 1; n <= 7; n++) rig.svc.submit(dm(MONITOR_GTIN, `MN0000400${n}`))
    rig.svc.exception({ reason: 'damaged', code: dm(MONITOR_GTIN, 'MN00004002') })
    const result = await rig.svc.close('3 monitors missing')
    expect(result.order).toMatchObject({ status: 'closed', received: 7 })
    expect(result.lines[0]).toMatchObject({ received: 7, short: 3, damaged: 1 })
    expect(existsSync(result.reportPath)).toBe(true)
    const pdf = readFileSync(result.reportPath)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    // Station files are the station user's only (issue 11, finding 9): report 0600 in a 0700 folder.
    if (process.platform !== 'win32') {
      expect((statSync(result.reportPath).mode & 0o777).toString(8)).toBe('600')
      expect((statSync(dirname(result.reportPath)).mode & 0o777).toString(8)).toBe('700')
    }
    const [closed] = rig.events('order.closed')
    expect(closed).toMatchObject({ id: result.eventId })
    expect(closed!.payload).toMatchObject({ order: 'PO-1001', expected: 60, received: 7, short: 53, damaged: 1, note: '3 monitors missing', report: result.reportPath })
    const { collectReportData } = await import('../../../src/main/workflows/receiving/report')
    const data = collectReportData(rig.db, result.order.id, { stationId: rig.stationId, note: null })
    expect(data.missing.map((m) => m.serial)).toEqual(['MN00004008', 'MN00004009', 'MN00004010'])
    expect(data.exceptions).toHaveLength(1)
    await expect(rig.svc.close()).rejects.toMatchObject({ code: 'receiving.order_closed', params: { order: 'PO-1001', status: 'closed' } })

    // The screen gets the PDF itself; a report file that went missing is written again first.
    const file = await rig.workflow.report('PO-1001')
    expect(file).toMatchObject({ name: basename(result.reportPath), bytes: pdf.length })
    expect(Buffer.from(file.base64, 'base64').equals(pdf)).toBe(true)
    rmSync(result.reportPath)
    const again = await rig.workflow.report('PO-1001')
    expect(Buffer.from(again.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(existsSync(result.reportPath)).toBe(true)
    await expect(rig.workflow.report('ASN-2001')).rejects.toMatchObject({ code: 'receiving.report_missing', params: { order: 'ASN-2001' } })
    await expect(rig.workflow.report('NO-SUCH')).rejects.toMatchObject({ code: 'receiving.unknown_order' })
  })

  it('renders the report in a worker thread', async () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit(PALLET)
    const { writeReport, collectReportData } = await import('../../../src/main/workflows/receiving/report')
    const orderId = rig.svc.state().order!.id
    const path = `${rig.dataDir}/reports/worker.pdf`
    await writeReport(collectReportData(rig.db, orderId, { stationId: 's', note: 'é ✓ unicode' }), path, true)
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    if (process.platform !== 'win32') expect((statSync(path).mode & 0o777).toString(8)).toBe('600')
  })
})

it('GS separators inside the DataMatrix are honoured', () => {
  rig = openRig()
  rig.svc.open('ASN-2001')
  expect(rig.svc.submit(`]d201${PEN_GTIN}10L2405${GS}21100203${GS}17${EXP}`)).toMatchObject({ outcome: 'accepted', unit: { serial: '100203', lot: 'L2405' } })
})

it('an AI 17 expiry with day 00 is stored as the last day of that month (the shared GS1 date rule, as labels print it)', () => {
  rig = openRig()
  rig.svc.open('ASN-2001')
  const month = EXP.slice(0, 4)
  const r = rig.svc.submit(dm(PEN_GTIN, '100204', { lot: 'L2405', expiry: `${month}00` }))
  expect(r).toMatchObject({ outcome: 'accepted', unit: { serial: '100204', expiry: EXP_ISO } })
  expect((rig.db.prepare("SELECT expiry FROM units WHERE serial = '100204'").get() as { expiry: string }).expiry).toBe(EXP_ISO)
})
