import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gs1CheckDigit } from '../../../src/shared/codes/checkdigit'
import { CSET82_CHARS } from '../../../src/shared/codes/gs1/charsets'
import {
  AI_ENTRIES,
  buildDigitalLink,
  buildHri,
  buildScanData,
  classifyScan,
  parseGs1,
  type Gs1Element
} from '../../../src/shared/codes/gs1/index'
import { EN, english } from '../../../src/shared/messages/catalog'

const GS = '\u001d'
const NOW = new Date('2025-06-15T12:00:00Z')

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''))
const withCheck = (n: number) => digits(n - 1).map((d) => d + String(gs1CheckDigit(d)))
const cset82 = (max: number) => fc.array(fc.constantFrom(...CSET82_CHARS), { minLength: 1, maxLength: max }).map((a) => a.join(''))
const yymmdd = fc
  .record({ y: fc.integer({ min: 0, max: 99 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 0, max: 28 }) })
  .map(({ y, m, d }) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''))

/** Valid trade-item data: GTIN plus a random subset of attributes, in random order after the GTIN. */
const tradeItem: fc.Arbitrary<Gs1Element[]> = fc
  .record(
    {
      gtin: withCheck(14),
      serial: cset82(20),
      lot: cset82(20),
      expiry: yymmdd,
      bestBefore: yymmdd,
      weight: digits(6),
      decimals: fc.integer({ min: 0, max: 5 }),
      quantity: digits(8),
      internal: cset82(90),
      extra: cset82(30)
    },
    { requiredKeys: ['gtin'] }
  )
  .chain((r) => {
    const rest: Gs1Element[] = []
    if (r.serial !== undefined) rest.push({ ai: '21', value: r.serial })
    if (r.lot !== undefined) rest.push({ ai: '10', value: r.lot })
    if (r.expiry !== undefined) rest.push({ ai: '17', value: r.expiry })
    if (r.bestBefore !== undefined) rest.push({ ai: '15', value: r.bestBefore })
    if (r.weight !== undefined) rest.push({ ai: `310${r.decimals ?? 0}`, value: r.weight })
    if (r.quantity !== undefined) rest.push({ ai: '30', value: r.quantity })
    if (r.internal !== undefined) rest.push({ ai: '91', value: r.internal })
    if (r.extra !== undefined) rest.push({ ai: '240', value: r.extra })
    return fc.shuffledSubarray(rest, { minLength: rest.length, maxLength: rest.length }).map((s) => [{ ai: '01', value: r.gtin }, ...s])
  })

const logisticUnit: fc.Arbitrary<Gs1Element[]> = fc
  .tuple(withCheck(18), digits(6), cset82(30), fc.constantFrom('0', '1'))
  .map(([sscc, gross, po, dg]) => [
    { ai: '00', value: sscc },
    { ai: '3300', value: gross },
    { ai: '400', value: po },
    { ai: '4321', value: dg }
  ])

const anyElements = fc.oneof(tradeItem, logisticUnit)
const sortByAi = (els: readonly Gs1Element[]) => [...els].sort((a, b) => a.ai.localeCompare(b.ai))
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('round trips build → parse', () => {
  it('hri', () => {
    fc.assert(fc.property(anyElements, (els) => {
      expect(ok(parseGs1(ok(buildHri(els)), { now: NOW })).elements).toEqual(els)
    }), { numRuns: 300 })
  })

  it('scan, in caller order and predefined-first', () => {
    fc.assert(fc.property(anyElements, fc.constantFrom(']C1', ']d2', ']Q3', ']J1', ']e0') as fc.Arbitrary<']C1'>, (els, symbology) => {
      expect(ok(parseGs1(ok(buildScanData(els, { symbology })), { now: NOW })).elements).toEqual(els)
      const reordered = ok(parseGs1(ok(buildScanData(els, { symbology, predefinedFirst: true })), { now: NOW })).elements
      expect(sortByAi(reordered)).toEqual(sortByAi(els))
    }), { numRuns: 300 })
  })

  it('digital link (path first, then query)', () => {
    fc.assert(fc.property(anyElements, (els) => {
      const uri = ok(buildDigitalLink(els, { base: 'https://example.com/stem' }))
      const back = ok(parseGs1(uri, { now: NOW }))
      expect(sortByAi(back.elements)).toEqual(sortByAi(els))
      expect(back.elements[0]).toEqual(els[0])
    }), { numRuns: 300 })
  })
})

const stripGs = (s: string) => (s.endsWith(GS) ? s.slice(0, -1) : s)

/** Either a complete, self-consistent result or an error — never a partial one. */
function checkWhole(input: string) {
  const r = parseGs1(input, { now: NOW })
  if (!r.ok) {
    // Every failure is a known code whose English, rebuilt from its parameters, is the message.
    expect(Object.hasOwn(EN, r.error.code), r.error.code).toBe(true)
    expect(r.error.message).toBe(english({ code: r.error.code, params: r.error.params }))
    return
  }
  expect(r.value.elements.length).toBeGreaterThan(0)
  const again = parseGs1(ok(buildHri(r.value.elements)), { now: NOW })
  expect(again.ok && again.value.elements).toEqual(r.value.elements)
}

describe('fuzz: never throws, never partial', () => {
  const aiSoup = fc
    .array(
      fc.tuple(fc.constantFrom(...AI_ENTRIES.map((e) => e.ai), '23', '99999'), fc.string({ maxLength: 12 }), fc.boolean()),
      { maxLength: 6 }
    )
    .map((parts) => parts.map(([ai, v, gs]) => ai + v + (gs ? GS : '')).join(''))

  it('random strings and bytes', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array().map((b) => String.fromCharCode(...b))), (s) => {
      checkWhole(s)
      checkWhole(`]C1${s}`)
      checkWhole(`https://id.gs1.org/${s}`)
      classifyScan(s)
    }), { numRuns: 1000 })
  })

  it('random AI soup behind every symbology id and in brackets', () => {
    fc.assert(fc.property(aiSoup, fc.constantFrom(']C1', ']d2', ']Q3', ']e0', ']E0', ''), (soup, id) => {
      checkWhole(id + soup)
      classifyScan(id + soup, { bareElementStrings: true })
    }), { numRuns: 1000 })
  })

  it('every truncation of valid scan data and URIs', () => {
    fc.assert(fc.property(tradeItem, (els) => {
      for (const full of [ok(buildScanData(els)), ok(buildDigitalLink(els)), ok(buildHri(els))]) {
        for (let n = 0; n <= full.length; n++) {
          const cut = full.slice(0, n)
          checkWhole(cut)
          const r = parseGs1(cut, { now: NOW })
          // a cut scan that still parses must be exactly the elements it spells out
          if (r.ok && full.startsWith(']d2')) expect(stripGs(ok(buildScanData(r.value.elements)))).toBe(stripGs(cut))
        }
      }
    }), { numRuns: 60 })
  })
})
