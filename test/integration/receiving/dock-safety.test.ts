import { afterEach, describe, expect, it } from 'vitest'
import { createPutawayWorkflow } from '../../../src/main/workflows/putaway/workflow'
import { futureAi17, testNow } from '../../helpers/clock'
import { dm, MONITOR_GTIN, openRig, PALLET, PEN_GTIN, type Rig } from './rig'

/** Issue 12, items 1, 2 and 4: recalled/expired/quarantined units named everywhere and kept on hold, wrong lots, pallet SSCC flow. */
let rig: Rig
afterEach(() => rig?.close())

const EXP = futureAi17(18)
const BATTERY_GTIN = '09521234000013'

function putaway(r: Rig) {
  const workflow = createPutawayWorkflow({ db: r.db, eventLog: r.eventLog, now: testNow })
  const call = (override?: { reason: string }) => ({ terminalId: 'pa-1', operatorId: r.operatorIds()[1]!, override })
  return { submit: (text: string, override?: { reason: string }) => workflow.submit(call(override), text) }
}

const unitAt = (r: Rig, serial: string) =>
  r.db.prepare('SELECT u.status, l.code AS location FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.serial = ?').get(serial) as { status: string; location: string | null }

describe('item 1: a recalled, expired or quarantined unit is named at every scan', () => {
  it('a recalled lot is named even when the serial is not on the order (not only "not on ASN")', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    const before = rig.snapshot()
    const r = rig.svc.submit(dm(PEN_GTIN, '999999', { lot: 'L2301', expiry: EXP }))
    expect(r).toMatchObject({ outcome: 'rejected', code: 'receiving.lot_recalled', params: { lot: 'L2301', sku: 'PEN-INS-5' } })
    expect(rig.snapshot()).toEqual(before)
  })

  it('a recalled lot of an item that is not on the order is named as recalled, not as "not on order"', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    expect(rig.svc.submit(dm(PEN_GTIN, '100201', { lot: 'L2301', expiry: EXP }))).toMatchObject({ outcome: 'rejected', code: 'receiving.lot_recalled' })
    expect(rig.svc.submit(dm(PEN_GTIN, '100201', { lot: 'L2405', expiry: '240101' }))).toMatchObject({ outcome: 'rejected', code: 'receiving.expired' })
  })

  it('recorded as an unexpected serial, the recall is named; put-away suggests and accepts only a hold location; a supervisor override is audited', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    const ex = rig.svc.exception({ reason: 'unexpected_serial', code: dm(PEN_GTIN, '999999', { lot: 'L2301', expiry: EXP }) })
    expect(ex.outcome).toBe('warning')
    expect(ex.notes.map((n) => n.code)).toContain('receiving.note_hold_recalled')
    expect(unitAt(rig, '999999').status).toBe('quarantined')

    const pa = putaway(rig)
    const subject = pa.submit(dm(PEN_GTIN, '999999'))
    expect(subject).toMatchObject({ outcome: 'warning', tone: 'warning', code: 'putaway.subject_recalled', params: { lot: 'L2301', sku: 'PEN-INS-5', bin: 'Q-01' }, state: { suggestion: { code: 'Q-01' } } })
    const before = rig.snapshot()
    const refused = pa.submit('A01-01-01')
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'putaway.hold_only', params: { bin: 'A01-01-01', suggested: 'Q-01' } })
    expect(rig.snapshot()).toEqual(before)
    const moved = pa.submit('Q-01')
    expect(moved).toMatchObject({ outcome: 'accepted', code: 'putaway.moved', moved: { to: 'Q-01' } })
    expect(unitAt(rig, '999999')).toEqual({ status: 'quarantined', location: 'Q-01' })

    // From the hold bin into good stock: only with a supervisor's reason, recorded on the event with the operator.
    pa.submit(dm(PEN_GTIN, '999999'))
    const over = pa.submit('A01-02-01', { reason: 'supplier confirmed a false recall' })
    expect(over).toMatchObject({ outcome: 'warning', code: 'putaway.moved_override', params: { reason: 'supplier confirmed a false recall' } })
    const ev = rig.events('unit.stored').at(-1)!
    expect(ev).toMatchObject({ operator_id: rig.operatorIds()[1] })
    expect(ev.payload).toMatchObject({ to: 'A01-02-01', override: { reason: 'supplier confirmed a false recall', hold: 'recalled' } })
  })

  it('a plate carrying a quarantined unit goes to a hold location; a good plate is never sent there', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.setPlate('LPN-Q1')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    rig.svc.exception({ reason: 'unexpected_serial', code: dm(MONITOR_GTIN, 'MN00009999') })
    rig.svc.setPlate('LPN-OK')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
    const pa = putaway(rig)
    expect(pa.submit('LPN-Q1')).toMatchObject({ code: 'putaway.subject_quarantined', state: { suggestion: { code: 'Q-01' } } })
    expect(pa.submit('A01-01-01')).toMatchObject({ outcome: 'rejected', code: 'putaway.hold_only' })
    expect(pa.submit('Q-01')).toMatchObject({ outcome: 'accepted' })
    expect(pa.submit('LPN-OK')).toMatchObject({ outcome: 'accepted', code: 'putaway.subject', state: { suggestion: { code: 'A01-01-01' } } })
  })

  it('an expired unit already in the system is put on hold at put-away', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit(dm(PEN_GTIN, '100201', { lot: 'L2405', expiry: EXP }))
    rig.db.prepare("UPDATE units SET expiry = '2020-01-31' WHERE serial = '100201'").run()
    expect(putaway(rig).submit('100201')).toMatchObject({ outcome: 'warning', code: 'putaway.subject_expired', params: { expiry: '2020-01-31', bin: 'Q-01' } })
  })
})

describe('item 2: a wrong lot is named, amber, for every tracking policy', () => {
  it('lot-tracked: lot B9999 where the order expects B7788', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    const r = rig.svc.submit(`]C101${BATTERY_GTIN}10B9999`)
    expect(r).toMatchObject({ outcome: 'warning', tone: 'warning', code: 'receiving.lot_differs', params: { lot: 'B9999', orderLot: 'B7788', sku: 'BAT-AA-24' } })
    expect(rig.events('order.quantity_received').at(-1)!.payload).toMatchObject({ lot: 'B9999', warnings: [expect.stringContaining('B7788')] })
    // the right lot stays green
    expect(rig.svc.submit(`]C101${BATTERY_GTIN}10B7788`)).toMatchObject({ outcome: 'accepted', code: 'receiving.received' })
  })

  it('serial + lot: an expected serial with another lot, and a serial not on the ASN list with a lot the lines do not expect', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    expect(rig.svc.submit(dm(PEN_GTIN, '100201', { lot: 'L9999', expiry: EXP }))).toMatchObject({ outcome: 'warning', code: 'receiving.lot_differs', params: { lot: 'L9999', orderLot: 'L2405' } })
  })

  it('serial only: a PO line with a lot and a serialised item without an ASN list', () => {
    rig = openRig()
    const poId = Number(rig.db.prepare("INSERT INTO inbound_orders (number, kind, created_at) VALUES ('PO-1010', 'po', 'now')").run().lastInsertRowid)
    rig.db.prepare("INSERT INTO inbound_lines (order_id, line_no, item_id, qty_expected, lot) VALUES (?, 1, (SELECT id FROM items WHERE sku = 'MON-27-BLK'), 5, 'M-77')").run(poId)
    rig.svc.open('PO-1010')
    expect(rig.svc.submit(dm(MONITOR_GTIN, 'MN00005001', { lot: 'M-12' }))).toMatchObject({ outcome: 'warning', code: 'receiving.lot_differs', params: { lot: 'M-12', orderLot: 'M-77' } })
    expect(rig.svc.submit(dm(MONITOR_GTIN, 'MN00005002', { lot: 'M-77' }))).toMatchObject({ outcome: 'accepted', code: 'receiving.received' })
  })
})

describe('item 4: pallet SSCC flow', () => {
  it('an expected pallet scanned with no order open opens the order that expects it and receives the pallet', () => {
    rig = openRig()
    expect(rig.svc.state().order).toBeNull()
    const r = rig.svc.submit(`]C100${PALLET}`)
    expect(r).toMatchObject({ outcome: 'accepted', code: 'receiving.pallet_received', received: 6 })
    expect(r.notes[0]).toMatchObject({ code: 'receiving.note_order_opened_by_pallet', params: { order: 'ASN-2001' } })
    expect(rig.svc.state().order?.number).toBe('ASN-2001')
    expect(rig.count("SELECT count(*) AS n FROM license_plates WHERE code = ?", PALLET)).toBe(1)
  })

  it('units received singly first: the pallet scan receives the rest and says how many were already there', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit('100201')
    rig.svc.submit('100202')
    const r = rig.svc.submit(PALLET)
    expect(r).toMatchObject({ outcome: 'warning', code: 'receiving.pallet_rest_received', params: { units: 4, already: 2 }, received: 4 })
    expect(rig.svc.state().lines[0]).toMatchObject({ expected: 6, received: 6 })
    // now everything is in: a real double scan
    expect(rig.svc.submit(PALLET)).toMatchObject({ outcome: 'rejected', code: 'receiving.duplicate' })
  })
})
