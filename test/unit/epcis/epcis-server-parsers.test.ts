import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { epcMatch, parseEventQuery } from '../../../src/server/epcis/query'
import { eventsOfDocument } from '../../../src/server/epcis/validate'
import { ServerError } from '../../../src/server/errors'
import { syncPushRequestSchema } from '../../../src/shared/sync-protocol'

/** Anything a client sends is either accepted or refused with a ServerError (400/413) — never a crash. */
const refusedCleanly = (run: () => unknown) => {
  try {
    run()
    return true
  } catch (error) {
    expect(error).toBeInstanceOf(ServerError)
    expect([400, 413]).toContain((error as ServerError).status)
    expect((error as ServerError).code).toMatch(/^epcis\.[a-z_]+$/)
    return false
  }
}

const event = fc.record({
  type: fc.constantFrom('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'),
  action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
  eventTime: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  eventTimeZoneOffset: fc.constantFrom('+00:00', '-06:00', '+14:00', '+05:30'),
  epcList: fc.array(fc.webUrl(), { maxLength: 3 }),
  bizStep: fc.constantFrom('receiving', 'shipping', 'urn:epcglobal:cbv:bizstep:storing', 'https://example.com/step')
})

describe('server parsers (fuzzed)', () => {
  it('eventsOfDocument: arbitrary JSON is accepted or refused with a code, never a crash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        refusedCleanly(() => eventsOfDocument(value, 100))
        refusedCleanly(() => eventsOfDocument({ type: 'EPCISDocument', epcisBody: { eventList: [value] } }, 100))
      }),
      { numRuns: 500 }
    )
  })

  it('eventsOfDocument: well-formed events are accepted, indexed, and get an eventID when they lack one', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 10 }), fc.boolean(), (events, withIds) => {
        const list = events.map((e, i) => (withIds ? { ...e, eventID: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } : e))
        const out = eventsOfDocument({ type: 'EPCISDocument', epcisBody: { eventList: list } }, 100)
        expect(out).toHaveLength(list.length)
        for (const [i, e] of out.entries()) {
          expect(e.eventId).toMatch(/^urn:uuid:/)
          expect(e.document.eventID).toBe(e.eventId)
          expect(e.epcs).toEqual([...new Set(list[i]!.epcList)])
          expect(e.bizStep).not.toMatch(/^urn:epcglobal:cbv:bizstep:/)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('parseEventQuery: arbitrary query strings are parsed or refused with a code', () => {
    const names = fc.constantFrom('EQ_bizStep', 'MATCH_epc', 'MATCH_anyEPC', 'GE_eventTime', 'LT_eventTime', 'EQ_bizLocation', 'perPage', 'nextPageToken', 'eventType', 'EQ_action', 'bogus')
    fc.assert(
      fc.property(fc.dictionary(names, fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))), (query) => {
        if (refusedCleanly(() => parseEventQuery(query))) {
          const q = parseEventQuery(query)
          expect(q.perPage).toBeGreaterThanOrEqual(1)
          expect(q.perPage).toBeLessThanOrEqual(1000)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('epcMatch: idpat wildcards become LIKE patterns; LIKE characters in EPCs stay literal', () => {
    expect(epcMatch(['urn:epc:idpat:sgtin:0614141.107346.*', 'urn:epc:id:sgtin:0614141.107346.2018'])).toEqual({
      exact: ['urn:epc:id:sgtin:0614141.107346.2018'],
      patterns: ['urn:epc:id:sgtin:0614141.107346.%']
    })
    expect(epcMatch(['urn:epc:idpat:sgtin:0614141.*.*']).patterns).toEqual(['urn:epc:id:sgtin:0614141.%.%'])
    expect(epcMatch(['urn:epc:idpat:sgtin:06_4141.1%7346.*']).patterns).toEqual(['urn:epc:id:sgtin:06\\_4141.1\\%7346.%'])
  })

  it('sync batches: arbitrary JSON is accepted or refused by the schema, never a crash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = syncPushRequestSchema.safeParse(value)
        expect(typeof r.success).toBe('boolean')
        const inside = syncPushRequestSchema.safeParse({ events: [value] })
        if (!inside.success) expect(inside.error.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 }
    )
  })
})
