import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { masterBatches } from '../../../src/main/sync/master'

describe('upstream master records as import batches', () => {
  it('maps a shipment to shipment records (lines and whole pallets) and skips one already held here', () => {
    const changes = [
      { key: 'shipment/SH-1', body: { kind: 'shipment', key: 'SH-1', customer: 'ACME', door: 'DOOR-1', lines: [{ item: 'MON-27-BLK', serial: 'MN1' }, { item: 'BOX-M', qty: 3 }], plates: ['106141412345678908'] } },
      { key: 'shipment/SH-OLD', body: { customer: 'ACME', lines: [{ item: 'BOX-M' }] } }
    ]
    const { batches, skipped } = masterBatches(changes, { shipment: (n) => n === 'SH-OLD' })
    expect(skipped).toEqual([])
    expect(batches).toHaveLength(1)
    expect(batches[0]).toMatchObject({
      kind: 'shipment',
      records: [
        { shipment: 'SH-1', customer: 'ACME', door: 'DOOR-1', item: 'MON-27-BLK', serial: 'MN1', qty: null, sscc: null },
        { item: 'BOX-M', serial: null, qty: 3 },
        { item: null, sscc: '106141412345678908' }
      ]
    })
  })

  it('maps an order with expected serials to an ASN and one without to a PO, after items', () => {
    const { batches } = masterBatches([
      { key: 'order/ASN-9', body: { supplier: 'MED', lines: [{ item: 'PEN-INS-5', serial: '100900', lot: 'L1' }] } },
      { key: 'order/PO-9', body: { lines: [{ item: 'BOX-M', qty: 5 }] } },
      { key: 'item/X-1', body: { gtin: '09521234000037', description: 'X' } }
    ])
    expect(batches.map((b) => b.kind)).toEqual(['items', 'asn', 'po'])
    expect(batches[1]!.records[0]).toMatchObject({ order: 'ASN-9', serial: '100900', lot: 'L1', qty: 1 })
    expect(batches[2]!.records[0]).toMatchObject({ order: 'PO-9', line: 1, qty: 5 })
  })

  it('names what is wrong with a bad shipment or order instead of applying it', () => {
    const { batches, skipped } = masterBatches([
      { key: 'shipment/SH-2', body: { customer: 'ACME' } },
      { key: 'order/PO-2', body: { lines: [{ item: 'BOX-M', qty: -1 }] } },
      { key: 'recall/R-1', body: { item: 'PEN-INS-5' } },
      { key: 'operator/OP-1', body: { name: 'Dana' } }
    ])
    expect(batches).toEqual([])
    expect(skipped.map((s) => `${s.kind}/${s.key}`)).toEqual(['shipment/SH-2', 'order/PO-2', 'recall/R-1', 'operator/OP-1'])
    expect(skipped[0]!.problem).toMatch(/at least one line or plate/)
  })

  it('hands recall notices over to be applied to the lots', () => {
    const { recalls, skipped } = masterBatches([{ key: 'recall/RC-7', body: { kind: 'recall', key: 'RC-7', item: 'PEN-INS-5', lot: 'L2405', reason: 'sealing defect' } }])
    expect(skipped).toEqual([])
    expect(recalls).toEqual([{ key: 'RC-7', item: 'PEN-INS-5', lot: 'L2405', reason: 'sealing defect' }])
  })

  it('never throws on any body (fuzz)', () => {
    fc.assert(
      fc.property(fc.constantFrom('shipment', 'order', 'item', 'location', 'supplier', 'recall', 'operator'), fc.string({ maxLength: 20 }), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })), (kind, key, body) => {
        const out = masterBatches([{ key: `${kind}/${key}`, body: body as Record<string, unknown> }])
        expect(out.batches.length + out.recalls.length + out.skipped.length).toBeLessThanOrEqual(1)
      }),
      { numRuns: 500 }
    )
  })
})
