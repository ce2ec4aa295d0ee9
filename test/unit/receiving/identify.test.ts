import { describe, expect, it } from 'vitest'
import { encodeEpc } from '../../../src/shared/codes/epc/index'
import { classifyScan } from '../../../src/shared/codes/gs1/index'
import { describeEvent } from '../../../src/main/workflows/lookup/describe'
import { identify, identifyEpc, isPlainSscc, plainGtin } from '../../../src/main/workflows/receiving/identify'
import { isMessageCode } from '../../../src/shared/messages/catalog'

const id = (text: string) => identify(classifyScan(text))

describe('what a scan names', () => {
  it('GS1: unit (with lot, expiry, production date), product code, SSCC, order number', () => {
    expect(id(']d20109521234543213112606041727063010L42\u001d21SN1')).toEqual({ kind: 'unit', gtin: '09521234543213', serial: 'SN1', lot: 'L42', expiry: '2027-06-30', madeAt: '2026-06-04', via: 'gs1' })
    expect(id(']C10109521234543213')).toMatchObject({ kind: 'gtin', gtin: '09521234543213', lot: null })
    expect(id(']C100106141412345678908')).toEqual({ kind: 'sscc', sscc: '106141412345678908', via: 'gs1' })
    expect(id('(400)PO-1001')).toEqual({ kind: 'order', number: 'PO-1001' })
    expect(id('https://id.gs1.org/01/09521234543213/21/SN1')).toMatchObject({ kind: 'unit', serial: 'SN1' })
    expect(id(']C10109521234543214')).toMatchObject({ kind: 'invalid', code: 'gs1.check_digit', params: { ai: '01', expected: '3', got: '4' } })
    expect(id(']C1')).toMatchObject({ kind: 'invalid', code: 'gs1.not_gs1' })
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

describe('timeline entries', () => {
  const event = (type: string, reason: string | null, payload: Record<string, unknown>, at: { order?: string; plate?: string; location?: string } = {}) =>
    describeEvent({ type, reason, order: at.order ?? null, plate: at.plate ?? null, location: at.location ?? null, payload })

  it('a code per event type, with the details as parameters', () => {
    expect(event('unit.received', null, { lineNo: 2, lot: 'L1', madeAt: '2026-06-05', productionLine: 'FILL-03', shift: 'B', via: 'pallet' }, { order: 'PO-1', plate: 'P1', location: 'DOCK-1' })).toEqual({
      code: 'timeline.unit.received',
      params: { order: 'PO-1', line: '2', plate: 'P1', location: 'DOCK-1', lot: 'L1', expiry: null, madeAt: '2026-06-05', productionLine: 'FILL-03', shift: 'B', via: 'pallet' }
    })
    expect(event('unit.exception', 'wrong_item', { note: 'pens' }, { order: 'PO-1' })).toEqual({ code: 'timeline.unit.exception', params: { reason: 'wrong_item', order: 'PO-1', note: 'pens' } })
    expect(event('plate.moved', null, { from: 'DOCK-1', units: 6 }, { plate: 'P1', location: 'A01' })).toEqual({ code: 'timeline.plate.moved', params: { to: 'A01', from: 'DOCK-1', units: 6 } })
    expect(event('unit.stored', null, { from: 'DOCK-1', suggested: false, suggestion: 'A02' }, { location: 'A01' })).toMatchObject({ code: 'timeline.unit.stored_elsewhere', params: { to: 'A01', suggestion: 'A02' } })
  })

  it('a reprint names its reason (kept on the event row, not in the payload)', () => {
    expect(event('label.printed', 'label torn', { kind: 'reprint', template: 'unit' })).toEqual({ code: 'timeline.label.reprinted', params: { template: 'unit', reason: 'label torn' } })
    expect(event('label.reprint_requested', 'smudged', { template: 'unit' })).toEqual({ code: 'timeline.label.reprint_requested', params: { reason: 'smudged' } })
  })

  it('an event type it does not know: the generic entry with the type', () => {
    expect(event('something.new', 'x', {})).toEqual({ code: 'timeline.other', params: { type: 'something.new', reason: 'x' } })
  })

  it('every entry is a code the message tables word', () => {
    const types = ['unit.received', 'unit.receipt_undone', 'unit.exception', 'unit.exception_undone', 'order.exception', 'order.exception_undone', 'order.receipt_undone', 'unit.stored', 'unit.moved_to_plate', 'plate.created', 'plate.received', 'plate.moved', 'label.printed', 'label.reprint_requested', 'label.print_uncertain', 'label.print_failed', 'order.quantity_received', 'order.receiving_started', 'order.closed', 'something.new']
    for (const type of types) expect(isMessageCode(event(type, null, {}).code), type).toBe(true)
  })
})
