import { describe, expect, it } from 'vitest'
import { encodeEpc } from '../../../src/shared/codes/epc/index'
import { classifyScan } from '../../../src/shared/codes/gs1/index'
import { describeEvent } from '../../../src/main/services/lookup-describe'
import { identify, identifyEpc, isPlainSscc, plainGtin } from '../../../src/main/services/receiving/identify'

const id = (text: string) => identify(classifyScan(text))

describe('what a scan names', () => {
  it('GS1: unit (with lot, expiry, production date), product code, SSCC, order number', () => {
    expect(id(']d20109521234543213112606041727063010L42\u001d21SN1')).toEqual({ kind: 'unit', gtin: '09521234543213', serial: 'SN1', lot: 'L42', expiry: '2027-06-30', madeAt: '2026-06-04', via: 'gs1' })
    expect(id(']C10109521234543213')).toMatchObject({ kind: 'gtin', gtin: '09521234543213', lot: null })
    expect(id(']C100106141412345678908')).toEqual({ kind: 'sscc', sscc: '106141412345678908', via: 'gs1' })
    expect(id('(400)PO-1001')).toEqual({ kind: 'order', number: 'PO-1001' })
    expect(id('https://id.gs1.org/01/09521234543213/21/SN1')).toMatchObject({ kind: 'unit', serial: 'SN1' })
    expect(id(']C10109521234543214')).toMatchObject({ kind: 'invalid' })
    expect(id('MN00004001')).toEqual({ kind: 'text', text: 'MN00004001' })
  })

  it('a GTIN scan carries its count from AI 30 (variable count of items)', () => {
    expect(id('(01)09521234000013(10)B7788(30)20')).toMatchObject({ kind: 'gtin', lot: 'B7788', count: 20 })
    expect(id(']C10109521234000013')).toMatchObject({ kind: 'gtin', count: null })
  })

  it('plain digits: SSCC and GTIN by their check digit; EPC hex from an RFID read', () => {
    expect(isPlainSscc('106141412345678908')).toBe(true)
    expect(isPlainSscc('106141412345678909')).toBe(false)
    expect(plainGtin('9521234543213')).toBe('09521234543213')
    expect(plainGtin('100201')).toBeNull()
    const epc = encodeEpc({ scheme: 'sgtin-96', filter: 1, companyPrefix: '0614141', itemReference: '812345', serial: '6789' })
    if (!epc.ok) throw new Error(epc.error.message)
    expect(identifyEpc(epc.value.hex)).toMatchObject({ kind: 'unit', gtin: '80614141123458', serial: '6789', via: 'epc' })
    expect(identifyEpc('DEADBEEF')).toBeNull()
    expect(identifyEpc('MN00004001')).toBeNull()
  })
})

describe('timeline sentences', () => {
  it('describes the receiving and put-away events', () => {
    expect(describeEvent({ type: 'unit.received', reason: null, order: 'PO-1', plate: 'P1', location: 'DOCK-1', payload: { lineNo: 2, lot: 'L1', madeAt: '2026-06-05', productionLine: 'FILL-03', shift: 'B', via: 'pallet' } })).toBe(
      'Received on PO-1 line 2 onto plate P1 at DOCK-1 (lot L1, made 2026-06-05, on FILL-03, shift B) — whole pallet by SSCC'
    )
    expect(describeEvent({ type: 'unit.exception', reason: 'wrong_item', order: 'PO-1', plate: null, location: null, payload: { note: 'pens' } })).toBe('Exception: wrong item on PO-1 — pens')
    expect(describeEvent({ type: 'plate.moved', reason: null, order: null, plate: 'P1', location: 'A01', payload: { from: 'DOCK-1', units: 6 } })).toBe('Moved to A01 from DOCK-1 with 6 units')
    expect(describeEvent({ type: 'something.new', reason: 'x', order: null, plate: null, location: null, payload: {} })).toBe('something.new (x)')
  })
})
