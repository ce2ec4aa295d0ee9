import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { epcisDocument, locationUri, mapStationEvent, MAPPED_EVENT_TYPES, plateEpc, unitEpc, type StationEventForEpcis } from '../../../src/shared/epcis'
import { EPCIS_MISSING, epcisFilesPresent, officialValidator } from '../../helpers/epcis-schema'

const L = { companyPrefixLength: 7 }
const unit = { gtin: '09521234543213', serial: 'SN-A7F92KQ81' }
const base = (type: string, extra: Partial<StationEventForEpcis> = {}): StationEventForEpcis => ({
  uuid: '3f1c2a4e-8b7d-4c1e-9a6f-0d2b5e7c9a11',
  type,
  occurredAt: '2026-05-01T10:00:00.000Z',
  stationId: 'dock-1',
  payload: {},
  ...extra
})
const plate = { code: '106141411234567897', kind: 'sscc' as const }
const location = { code: 'BIN-A1', gln: '0614141000005', inherited: true }
const order = { number: 'ASN-2001', kind: 'asn' as const, poNumber: 'PO-1001', supplierGln: '0614141000012' }

/** One sample of every mapped type, with the references the station fills in for it. */
const samples: StationEventForEpcis[] = MAPPED_EVENT_TYPES.map((type) => {
  if (type.startsWith('plate.')) return base(type, { plate, location, order, children: [unit, { gtin: unit.gtin, serial: 'SN-2' }] })
  if (type === 'unit.moved_to_plate' || type === 'unit.packed' || type === 'unit.unpacked') return base(type, { unit, plate, location })
  if (type.startsWith('order.')) return base(type, { order, location, reason: 'damaged', quantity: { gtin: unit.gtin, lot: 'L42', qty: 5 } })
  if (type.startsWith('shipment.')) return base(type, { unit, shipment: { number: 'SH-9' }, location: { code: 'DOOR-5', gln: '0614141000029' } })
  return base(type, { unit, location, order, reason: 'damaged' })
})

describe('EPCIS 2.0 mapping of station events', () => {
  it('maps receipts, put-away, plates and packing to the CBV event types and bizSteps', () => {
    const by = (type: string) => {
      const m = mapStationEvent(samples.find((s) => s.type === type)!, L)
      if (!m.ok) throw new Error(`${type}: ${m.code}`)
      return m.event as unknown as Record<string, unknown>
    }
    expect(by('unit.received')).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      eventID: 'urn:uuid:3f1c2a4e-8b7d-4c1e-9a6f-0d2b5e7c9a11',
      epcList: ['urn:epc:id:sgtin:9521234.054321.SN-A7F92KQ81'],
      bizLocation: { id: 'urn:epc:id:sgln:0614141.00000.BIN-A1' },
      bizTransactionList: [
        { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000012:ASN-2001' },
        { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000012:PO-1001' }
      ]
    })
    expect(by('unit.stored')).toMatchObject({ type: 'ObjectEvent', bizStep: 'storing' })
    expect(by('unit.shipped')).toMatchObject({ type: 'ObjectEvent', bizStep: 'shipping', disposition: 'in_transit' })
    expect(by('unit.exception')).toMatchObject({ bizStep: 'inspecting', disposition: 'damaged' })
    expect(by('plate.received')).toMatchObject({
      type: 'AggregationEvent',
      parentID: 'urn:epc:id:sscc:0614141.1123456789',
      childEPCs: ['urn:epc:id:sgtin:9521234.054321.SN-A7F92KQ81', 'urn:epc:id:sgtin:9521234.054321.SN-2'],
      bizStep: 'receiving'
    })
    expect(by('unit.moved_to_plate')).toMatchObject({ type: 'AggregationEvent', action: 'ADD', bizStep: 'packing' })
    const bare = mapStationEvent(base('plate.moved', { plate, location }), L)
    expect(bare).toMatchObject({ ok: true, event: { type: 'ObjectEvent', epcList: ['urn:epc:id:sscc:0614141.1123456789'], bizStep: 'storing' } })
    expect(mapStationEvent(base('plate.packed', { plate }), L)).toMatchObject({ ok: false, code: 'epcis.missing_reference', params: { ref: 'children' } })
    expect(by('order.quantity_received')).toMatchObject({ quantityList: [{ epcClass: 'urn:epc:class:lgtin:9521234.054321.L42', quantity: 5 }] })
  })

  it('skips events that change no object, with a reason code', () => {
    for (const type of ['operator.signed_in', 'settings.changed', 'print.batch_queued', 'sscc.issued', 'label.print_failed', 'order.receiving_started', 'order.closed']) {
      expect(mapStationEvent(base(type), L)).toMatchObject({ ok: false, code: 'epcis.no_object_event' })
    }
    expect(mapStationEvent(base('robot.danced'), L)).toMatchObject({ ok: false, code: 'epcis.unmapped_type', params: { type: 'robot.danced' } })
    expect(mapStationEvent(base('unit.received'), L)).toMatchObject({ ok: false, code: 'epcis.missing_reference', params: { ref: 'unit' } })
  })

  it('uses the SGLN of the location’s own GLN, else a station/location URN', () => {
    expect(locationUri({ code: 'DOCK-1', gln: '0614141000005' }, 'dock-1', 7)).toBe('urn:epc:id:sgln:0614141.00000.0')
    expect(locationUri({ code: 'BIN 7/2', gln: null }, 'dock 1', 7)).toBe('urn:dockside:loc:dock%201:BIN%207%2F2')
    expect(plateEpc({ code: 'LPN-7', kind: 'lpn' }, 7)).toBe('urn:dockside:lpn:LPN-7')
    expect(unitEpc({ gtin: unit.gtin, serial: 'a/b' }, 7)).toBe('urn:epc:id:sgtin:9521234.054321.a%2Fb')
    expect(unitEpc({ gtin: unit.gtin, serial: 'ü' }, 7)).toBe('https://id.gs1.org/01/09521234543213/21/%C3%BC')
  })

  it.skipIf(!epcisFilesPresent())(`every mapped event validates against GS1's official EPCIS 2.0 JSON schema${epcisFilesPresent() ? '' : ` — skipped: ${EPCIS_MISSING}`}`, () => {
    const validate = officialValidator()
    const events = samples.map((s) => {
      const m = mapStationEvent(s, L)
      expect(m.ok, s.type).toBe(true)
      return m.ok ? m.event : null
    })
    const result = validate(epcisDocument(events as object[]))
    expect(result.errors).toBe('')
    expect(result.valid).toBe(true)
  })

  it.skipIf(!epcisFilesPresent())('fuzz: any serial, GTIN, lot, location and plate code still gives a schema-valid document', () => {
    const validate = officialValidator()
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''))
    fc.assert(
      fc.property(
        fc.constantFrom(...MAPPED_EVENT_TYPES),
        digits(14),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.option(digits(13)),
        fc.oneof(digits(18).map((code) => ({ code, kind: 'sscc' as const })), fc.string({ minLength: 1, maxLength: 30 }).map((code) => ({ code, kind: 'lpn' as const }))),
        fc.integer({ min: 6, max: 12 }),
        fc.uuid(),
        (type, gtin, serial, code, gln, plate, cpl, uuid) => {
          const u = { gtin, serial }
          const withChildren = type.startsWith('plate.') && Math.abs(cpl) % 2 === 0
          const e = base(type, { uuid, unit: type.startsWith('plate.') ? null : u, plate, children: withChildren ? [u] : [], location: { code, gln }, order, quantity: { gtin, lot: serial, qty: 1 } })
          const m = mapStationEvent(e, { companyPrefixLength: cpl })
          if (!m.ok) {
            // Only a plate packed without its units has nothing to aggregate.
            expect(m).toMatchObject({ code: 'epcis.missing_reference', params: { ref: 'children' } })
            return
          }
          const r = validate(epcisDocument([m.event]))
          expect(r.errors).toBe('')
        }
      ),
      { numRuns: 300 }
    )
  })
})
