import { afterEach, describe, expect, it } from 'vitest'
import { encodeEpc } from '../../../src/shared/codes/epc/index'
import { createLookup } from '../../../src/main/workflows/lookup/lookup'
import { createPutawayWorkflow } from '../../../src/main/workflows/putaway/workflow'
import { openStore } from '../../../src/main/store/db'
import { dm, MONITOR_GTIN, openRig, PALLET, PEN_GTIN, thrownCode, type Rig } from './rig'

let rig: Rig
afterEach(() => rig?.close())

/** Put-away at one terminal (default `pa-1`), as the first operator. */
function withPutaway(r: Rig, terminalId = 'pa-1') {
  const workflow = createPutawayWorkflow({ db: r.db, eventLog: r.eventLog, now: () => new Date() })
  const call = () => ({ terminalId, operatorId: r.operatorIds()[0]! })
  return { workflow, submit: (text: string) => workflow.submit(call(), text), state: () => workflow.state(terminalId), cancel: () => workflow.cancel(terminalId) }
}

const unitRow = (r: Rig, serial: string) =>
  r.db.prepare('SELECT u.status, l.code AS location, p.code AS plate FROM units u LEFT JOIN locations l ON l.id = u.location_id LEFT JOIN license_plates p ON p.id = u.plate_id WHERE u.serial = ?').get(serial) as {
    status: string
    location: string | null
    plate: string | null
  }

describe('put-away', () => {
  it('a pallet: suggested bin (item default) → scan the bin → every unit moved, one event per unit and per plate', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit(PALLET)
    const pa = withPutaway(rig)
    const first = pa.submit(`]C100${PALLET}`)
    expect(first).toMatchObject({ outcome: 'accepted', code: 'putaway.subject', state: { subject: { kind: 'plate', code: PALLET, units: 6 }, suggestion: { code: 'A01-01-01', why: { code: 'putaway.why_default_bin', params: { sku: 'PEN-INS-5' } } } } })
    const moved = pa.submit('A01-01-01')
    expect(moved).toMatchObject({ outcome: 'accepted', code: 'putaway.moved', moved: { units: 6, plates: 1, to: 'A01-01-01' }, state: { subject: null } })
    for (let n = 1; n <= 6; n++) expect(unitRow(rig, String(100200 + n))).toEqual({ status: 'stored', location: 'A01-01-01', plate: PALLET })
    expect(rig.events('unit.stored')).toHaveLength(6)
    expect(rig.events('plate.moved')).toHaveLength(1)
    expect(rig.events('plate.moved')[0]).toMatchObject({ id: moved.eventId })
  })

  it('nested plates (pallet → cases) move together; another bin than suggested is a warning; bad targets are refused', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.setPlate('CASE-1')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
    rig.svc.setPlate('CASE-2')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004003'))
    rig.svc.setPlate('PAL-1')
    rig.db.prepare("UPDATE license_plates SET parent_id = (SELECT id FROM license_plates WHERE code = 'PAL-1') WHERE code IN ('CASE-1', 'CASE-2')").run()
    const pa = withPutaway(rig)
    expect(pa.submit('A01-01-01')).toMatchObject({ outcome: 'rejected', code: 'putaway.subject_first' })
    expect(pa.submit('PAL-1').state.subject).toMatchObject({ units: 3, description: { code: 'putaway.describe_plate', params: { units: 3, plates: 3 } } })
    const before = rig.snapshot()
    expect(pa.submit('STOR')).toMatchObject({ outcome: 'rejected', code: 'putaway.not_a_bin' })
    expect(rig.snapshot()).toEqual(before)
    const moved = pa.submit('A01-02-01')
    expect(moved).toMatchObject({ outcome: 'warning', code: 'putaway.moved_elsewhere', moved: { units: 3, plates: 3 } })
    expect(moved.params).toMatchObject({ code: 'PAL-1', bin: 'A01-02-01', suggested: 'A01-01-01' })
    expect(unitRow(rig, 'MN00004003')).toEqual({ status: 'stored', location: 'A01-02-01', plate: 'CASE-2' })
    expect(rig.db.prepare("SELECT count(*) AS n FROM license_plates p JOIN locations l ON l.id = p.location_id WHERE l.code = 'A01-02-01'").get()).toEqual({ n: 3 })
    expect(rig.events('plate.moved')).toHaveLength(3)
    // One unit off its case into a bin; another onto a plate.
    pa.submit(dm(MONITOR_GTIN, 'MN00004001'))
    expect(pa.submit('A01-01-02')).toMatchObject({ outcome: 'warning', moved: { units: 1 } })
    expect(unitRow(rig, 'MN00004001')).toEqual({ status: 'stored', location: 'A01-01-02', plate: null })
    pa.submit('MN00004001')
    expect(pa.submit('CASE-2')).toMatchObject({ outcome: 'accepted', code: 'putaway.onto_plate' })
    expect(unitRow(rig, 'MN00004001')).toEqual({ status: 'stored', location: 'A01-02-01', plate: 'CASE-2' })
  })

  it('zone rule: an item without a default bin goes to the emptiest bin of its put-away zone', () => {
    rig = openRig()
    rig.db.prepare("UPDATE items SET default_bin_id = NULL, putaway_zone_id = (SELECT id FROM locations WHERE code = 'STOR') WHERE sku = 'MON-27-BLK'").run()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004002'))
    const pa = withPutaway(rig)
    expect(pa.submit('MN00004001').state.suggestion).toMatchObject({ code: 'A01-01-01' })
    pa.submit('A01-01-01')
    expect(pa.submit('MN00004002').state.suggestion).toMatchObject({ code: 'A01-01-02', why: { code: 'putaway.why_zone', params: { zone: 'STOR', sku: 'MON-27-BLK' } } })
    expect(pa.submit('NOPE')).toMatchObject({ outcome: 'rejected', code: 'putaway.unknown_code' })
    expect(pa.cancel()).toEqual({ subject: null, suggestion: null })
  })
})

describe('look-up', () => {
  it('a unit by serial, DataMatrix or EPC: details and the whole timeline with operator and station', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit(PALLET)
    const pa = withPutaway(rig)
    pa.submit(PALLET)
    pa.submit('A01-01-01')
    const unitId = (rig.db.prepare("SELECT id FROM units WHERE serial = '100203'").get() as { id: number }).id
    rig.eventLog.append({ type: 'label.printed', unitId, payload: { template: 'unit', jobId: 7 } })
    const lookup = createLookup(rig.db)
    const r = lookup.find('100203')
    if (r.kind !== 'unit') throw new Error(r.kind)
    expect(r.unit).toMatchObject({
      serial: '100203',
      sku: 'PEN-INS-5',
      lot: 'L2405',
      lotStatus: 'released',
      expiry: rig.dates.expiry,
      madeAt: rig.dates.madeAt,
      productionLine: 'FILL-03',
      shift: 'B',
      supplier: { code: 'SUP-MED' },
      order: { number: 'ASN-2001', kind: 'asn' },
      status: 'stored',
      location: 'A01-01-01',
      locationPath: ['DEMO', 'STOR', 'A01', 'A01-01', 'A01-01-01'],
      plate: PALLET
    })
    expect(r.timeline.map((e) => e.type)).toEqual(['unit.received', 'unit.stored', 'label.printed'])
    expect(r.timeline[0]).toMatchObject({ stationId: rig.stationId, operator: { name: 'Ana García' }, order: 'ASN-2001', plate: PALLET, location: 'DOCK-1' })
    expect(r.timeline[0]!.summary).toEqual({
      code: 'timeline.unit.received',
      params: { order: 'ASN-2001', line: '1', plate: PALLET, location: 'DOCK-1', lot: 'L2405', expiry: rig.dates.expiry, madeAt: rig.dates.madeAt, productionLine: 'FILL-03', shift: 'B', via: 'pallet' }
    })
    expect(r.timeline[1]!.summary).toMatchObject({ code: 'timeline.unit.stored', params: { to: 'A01-01-01', from: 'DOCK-1' } })
    expect(r.timeline[2]!.summary).toEqual({ code: 'timeline.label.printed', params: { template: 'unit' } })
    expect(lookup.find(dm(PEN_GTIN, '100203', { lot: 'L2405' }))).toMatchObject({ kind: 'unit', unit: { id: unitId } })
    const epc = encodeEpc({ scheme: 'sgtin-96', filter: 1, companyPrefix: '0614141', itemReference: '812345', serial: '100203' })
    if (!epc.ok) throw new Error(epc.error.message)
    expect(lookup.find(epc.value.hex)).toMatchObject({ kind: 'unit', unit: { id: unitId } })
  })

  it('a plate (SSCC), a bin, an ambiguous serial, unknown codes', () => {
    rig = openRig()
    rig.svc.open('ASN-2001')
    rig.svc.submit(PALLET)
    const pa = withPutaway(rig)
    pa.submit(PALLET)
    pa.submit('A01-01-01')
    const lookup = createLookup(rig.db)
    const plate = lookup.find(`]C100${PALLET}`)
    if (plate.kind !== 'plate') throw new Error(plate.kind)
    expect(plate.plate).toMatchObject({ code: PALLET, location: 'A01-01-01', units: 6, contents: [{ sku: 'PEN-INS-5', units: 6 }] })
    expect(plate.timeline.map((e) => e.type)).toEqual(['plate.created', 'plate.received', 'plate.moved'])
    expect(lookup.find(PALLET).kind).toBe('plate')
    const bin = lookup.find('a01-01-01')
    expect(bin).toMatchObject({ kind: 'location', location: { code: 'A01-01-01', units: 6, plates: [PALLET] } })
    // the same serial for two items
    rig.svc.open('PO-1001')
    rig.svc.receiveTyped({ item: 'MON-27-BLK', serial: 'MN00004001' })
    rig.db.prepare("INSERT INTO units (item_id, serial, updated_at) VALUES ((SELECT id FROM items WHERE sku = 'PEN-INS-5'), 'MN00004001', 'now')").run()
    expect(lookup.find('MN00004001')).toMatchObject({ kind: 'choices', units: [{ sku: 'MON-27-BLK' }, { sku: 'PEN-INS-5' }] })
    expect(thrownCode(() => lookup.find('NOTHING-HERE'))).toBe('lookup.unknown')
    expect(thrownCode(() => lookup.find(`]C101${MONITOR_GTIN}`))).toBe('lookup.gtin_only')
    expect(thrownCode(() => lookup.find(dm(MONITOR_GTIN, 'MN99999999')))).toBe('lookup.unknown')
    expect(thrownCode(() => lookup.find('   '))).toBe('lookup.empty')
  })

  it('works on a read-only store (the CLI opens one while the station runs)', () => {
    rig = openRig()
    rig.svc.open('PO-1001')
    rig.svc.submit(dm(MONITOR_GTIN, 'MN00004001'))
    const ro = openStore({ dataDir: rig.dataDir, readonly: true })
    try {
      expect(createLookup(ro.db).find('MN00004001')).toMatchObject({ kind: 'unit', timeline: [{ type: 'unit.received' }] })
    } finally {
      ro.close()
    }
  })
})
