import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classify, confirmRefusal, direction, holdReason, missingKeys, type Expectation, type TagIdentity } from '../../../src/main/workflows/gate/rules'
import { crossCheckShipments, type ShipmentRecord } from '../../../src/main/import/shipment-format'

const expect1: Expectation = { shipment: 'SH-1', units: new Set(['1:A', '1:B', '1:P1', '1:P2']), plates: new Set(['PAL']) }
const unit = (key: string, status = 'stored', lotStatus: string | null = null): TagIdentity => ({ kind: 'unit', companyPrefix: '0614141', unit: { key, status, lotStatus }, key })

describe('classify', () => {
  it('matches an expected unit and names the key it covers', () => {
    expect(classify(unit('1:A'), expect1, '0614141')).toEqual({ cls: 'matched', reason: null, covers: ['1:A'] })
  })
  it('flags ours-but-not-on-this-shipment, on hold, recalled and already shipped as unexpected', () => {
    expect(classify(unit('1:Z'), expect1, '0614141')).toMatchObject({ cls: 'unexpected', reason: { code: 'gate.tag.not_on_shipment', params: { shipment: 'SH-1' } } })
    expect(classify(unit('1:A', 'quarantined'), expect1, '0614141')).toMatchObject({ cls: 'unexpected', reason: { code: 'gate.tag.on_hold' } })
    expect(classify(unit('1:A', 'stored', 'recalled'), expect1, '0614141')).toMatchObject({ cls: 'unexpected', reason: { code: 'gate.tag.recalled' } })
    expect(classify(unit('1:A', 'shipped'), expect1, '0614141')).toMatchObject({ cls: 'unexpected', reason: { code: 'gate.tag.already_shipped' } })
  })
  it('tells unknown (our prefix, nothing here) from foreign (another prefix)', () => {
    expect(classify({ kind: 'unit', companyPrefix: '0614141', unit: null, key: null }, expect1, '0614141').cls).toBe('unknown')
    expect(classify({ kind: 'unit', companyPrefix: '0952123', unit: null, key: null }, expect1, '0614141').cls).toBe('foreign')
    expect(classify({ kind: 'other', companyPrefix: '0952123' }, expect1, null).cls).toBe('unknown')
  })
  it('a pallet tag covers its whole tree when the plate (or every unit on it) is expected', () => {
    const plate = (code: string, keys: string[], status = 'closed'): TagIdentity => ({ kind: 'plate', companyPrefix: '0614141', code, found: true, status, units: keys.map((key) => ({ key, status: 'stored', lotStatus: null })) })
    expect(classify(plate('PAL', ['1:P1', '1:P2']), expect1, '0614141')).toEqual({ cls: 'matched', reason: null, covers: ['1:P1', '1:P2'] })
    expect(classify(plate('OTHER', ['1:A', '1:B']), expect1, '0614141').cls).toBe('matched')
    expect(classify(plate('OTHER', ['1:A', '1:Q']), expect1, '0614141').cls).toBe('unexpected')
    expect(classify(plate('PAL', ['1:P1'], 'shipped'), expect1, '0614141').reason?.code).toBe('gate.tag.already_shipped')
  })
  it('an unreadable EPC carries the decoder code', () => {
    expect(classify({ kind: 'unreadable', reason: 'epc.header' }, expect1, null)).toEqual({ cls: 'unreadable', reason: { code: 'gate.tag.bad_epc', params: { reason: 'epc.header' } }, covers: [] })
  })
  it('fuzz: never throws, covers only expected keys, and unexpected never covers anything', () => {
    const ident = fc.oneof(
      fc.record({ kind: fc.constant('unreadable' as const), reason: fc.string() }),
      fc.record({ kind: fc.constant('other' as const), companyPrefix: fc.stringMatching(/^\d{6,12}$/) }),
      fc.record({
        kind: fc.constant('unit' as const),
        companyPrefix: fc.stringMatching(/^\d{6,12}$/),
        key: fc.option(fc.constantFrom('1:A', '1:B', '1:Z', '1:P1')),
        unit: fc.option(fc.record({ key: fc.constantFrom('1:A', '1:B', '1:Z'), status: fc.constantFrom('stored', 'shipped', 'quarantined', 'received'), lotStatus: fc.option(fc.constantFrom('released', 'recalled', 'quarantined')) }))
      }),
      fc.record({
        kind: fc.constant('plate' as const),
        companyPrefix: fc.stringMatching(/^\d{6,12}$/),
        code: fc.constantFrom('PAL', 'X'),
        found: fc.boolean(),
        status: fc.option(fc.constantFrom('closed', 'shipped')),
        units: fc.array(fc.record({ key: fc.constantFrom('1:P1', '1:P2', '1:Z'), status: fc.constantFrom('stored', 'shipped'), lotStatus: fc.constant(null) }), { maxLength: 5 })
      })
    )
    fc.assert(
      fc.property(ident, fc.option(fc.constant('0614141')), fc.boolean(), (id, prefix, free) => {
        const v = classify(id as TagIdentity, free ? { shipment: null, units: new Set(), plates: new Set() } : expect1, prefix)
        for (const k of v.covers) expect(expect1.units.has(k)).toBe(true)
        if (v.cls !== 'matched') expect(v.covers).toEqual([])
      })
    )
  })
})

describe('direction, missing and confirm', () => {
  it('reads direction from the antenna order [outside, inside]', () => {
    expect(direction(2, 1, [1, 2])).toBe('out')
    expect(direction(1, 2, [1, 2])).toBe('in')
    expect(direction(1, 1, [1, 2])).toBeNull()
    expect(direction(1, 2, null)).toBeNull()
  })
  it('lists missing keys in expectation order', () => {
    expect(missingKeys(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c'])
  })
  it('refuses a confirm with unexpected tags, nothing loaded, a short load without a reason, or no shipment', () => {
    expect(confirmRefusal({ shipment: null, unexpected: 0, loaded: 1, expected: 1, reason: null })?.code).toBe('gate.free_read_confirm')
    expect(confirmRefusal({ shipment: 'S', unexpected: 2, loaded: 1, expected: 1, reason: null })).toEqual({ code: 'gate.unexpected_present', params: { n: 2 } })
    expect(confirmRefusal({ shipment: 'S', unexpected: 0, loaded: 0, expected: 1, reason: 'x' })?.code).toBe('gate.nothing_to_ship')
    expect(confirmRefusal({ shipment: 'S', unexpected: 0, loaded: 1, expected: 2, reason: null })?.code).toBe('gate.reason_required')
    expect(confirmRefusal({ shipment: 'S', unexpected: 0, loaded: 1, expected: 2, reason: 'short' })).toBeNull()
    expect(holdReason({ key: 'k', status: 'stored', lotStatus: 'released' })).toBeNull()
  })
})

describe('shipment rows', () => {
  const row = (r: Partial<ShipmentRecord>): ShipmentRecord => ({ row: 2, shipment: 'S', customer: 'C', customerName: null, shipTo: null, door: null, line: null, item: null, serial: null, qty: null, sscc: null, ...r })
  it('names the row and column of every cross-row problem', () => {
    const errors = crossCheckShipments([
      row({ row: 2, item: 'PEN', serial: '1' }),
      row({ row: 3, item: 'PEN', serial: '1' }),
      row({ row: 4 }),
      row({ row: 5, sscc: '106141412345678908', item: 'PEN' }),
      row({ row: 6, customer: 'D', item: 'PEN', qty: 2 }),
      row({ row: 7, item: 'PEN', serial: '2', qty: 3 })
    ])
    expect(errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, 'serial', 'unique'],
      [4, 'item', 'required'],
      [5, 'sscc', 'one_of'],
      [6, 'customer', 'consistent'],
      [7, 'qty', 'serial_qty']
    ])
  })
  it('fuzz: never throws on any records', () => {
    const rec = fc.record({ row: fc.nat(), shipment: fc.constantFrom('A', 'B'), customer: fc.constantFrom('C', 'D'), customerName: fc.option(fc.string()), shipTo: fc.option(fc.string()), door: fc.option(fc.string()), line: fc.option(fc.nat()), item: fc.option(fc.constantFrom('X', 'Y')), serial: fc.option(fc.string({ maxLength: 3 })), qty: fc.option(fc.nat()), sscc: fc.option(fc.string({ maxLength: 3 })) })
    fc.assert(fc.property(fc.array(rec, { maxLength: 30 }), (recs) => void crossCheckShipments(recs)))
  })
})
