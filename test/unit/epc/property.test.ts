import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hexToWords, readBits, wordsToHex, writeBits } from '../../../src/shared/codes/epc/bits'
import { mod10OfNumber } from '../../../src/shared/codes/epc/check-digit'
import {
  CSET82,
  decodeEpc,
  encodeElementString,
  encodeEpc,
  encodePureIdentityUri,
  encodeTagUri,
  type Epc,
  type EpcFields
} from '../../../src/shared/codes/epc/index'
import { gs1CheckDigit, isValidGs1CheckDigit } from '../../../src/shared/codes/checkdigit'
import { EN, english } from '../../../src/shared/messages/catalog'

const digitsArb = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
const cplArb = fc.integer({ min: 6, max: 12 })
const filterArb = fc.integer({ min: 0, max: 7 })
const numericSerial = (max: number): fc.Arbitrary<string> => fc.integer({ min: 0, max }).map(String)
const cset82Serial = fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 })

const fieldsArb: fc.Arbitrary<EpcFields> = fc.oneof(
  cplArb.chain((L) =>
    fc.record({
      scheme: fc.constant('sgtin-96' as const),
      filter: filterArb,
      companyPrefix: digitsArb(L),
      itemReference: digitsArb(13 - L),
      serial: numericSerial(274877906943)
    })
  ),
  cplArb.chain((L) =>
    fc.record({ scheme: fc.constant('sgtin-198' as const), filter: filterArb, companyPrefix: digitsArb(L), itemReference: digitsArb(13 - L), serial: cset82Serial })
  ),
  cplArb.chain((L) => fc.record({ scheme: fc.constant('sscc-96' as const), filter: filterArb, companyPrefix: digitsArb(L), serialReference: digitsArb(17 - L) })),
  cplArb.chain((L) =>
    fc.record({
      scheme: fc.constant('sgln-96' as const),
      filter: filterArb,
      companyPrefix: digitsArb(L),
      locationReference: digitsArb(12 - L),
      extension: numericSerial(2199023255551)
    })
  ),
  cplArb.chain((L) =>
    fc.record({ scheme: fc.constant('grai-96' as const), filter: filterArb, companyPrefix: digitsArb(L), assetType: digitsArb(12 - L), serial: numericSerial(274877906943) })
  )
)

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

/** Everything a successful decode must hold: no partial data. */
function assertComplete(epc: Epc): void {
  expect(epc.filter).toBeGreaterThanOrEqual(0)
  expect(epc.filter).toBeLessThanOrEqual(7)
  expect(epc.partition).toBe(12 - epc.companyPrefix.length)
  expect(epc.companyPrefix).toMatch(/^\d{6,12}$/)
  expect(epc.tagUri.startsWith(`urn:epc:tag:${epc.scheme}:${epc.filter}.${epc.companyPrefix}.`)).toBe(true)
  expect(epc.pureIdentityUri.startsWith('urn:epc:id:')).toBe(true)
  expect(epc.hex).toMatch(epc.scheme === 'sgtin-198' ? /^[0-9A-F]{52}$/ : /^[0-9A-F]{24}$/)
  switch (epc.scheme) {
    case 'sgtin-96':
    case 'sgtin-198':
      expect(epc.gtin).toMatch(/^\d{14}$/)
      expect(isValidGs1CheckDigit(epc.gtin)).toBe(true)
      expect(epc.serial.length).toBeGreaterThan(0)
      expect(epc.elementString).toBe(`(01)${epc.gtin}(21)${epc.serial}`)
      break
    case 'sscc-96':
      expect(epc.sscc).toMatch(/^\d{18}$/)
      expect(isValidGs1CheckDigit(epc.sscc)).toBe(true)
      break
    case 'sgln-96':
      expect(epc.gln).toMatch(/^\d{13}$/)
      expect(isValidGs1CheckDigit(epc.gln)).toBe(true)
      break
    case 'grai-96':
      expect(epc.grai).toMatch(/^0\d{13}\d+$/)
      break
  }
}

describe('EPC round trips (property)', () => {
  it('identity → encode → decode → same identity; every form re-encodes to the same hex', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const enc = ok(encodeEpc(fields))
        assertComplete(enc)
        const dec = ok(decodeEpc(enc.hex))
        expect(dec).toEqual(enc)
        expect(ok(encodeTagUri(enc.tagUri)).hex).toBe(enc.hex)
        expect(ok(encodePureIdentityUri(enc.pureIdentityUri, { scheme: enc.scheme, filter: enc.filter })).hex).toBe(enc.hex)
        expect(ok(encodeElementString(enc.elementString, { scheme: enc.scheme, filter: enc.filter, companyPrefixLength: enc.companyPrefix.length })).hex).toBe(enc.hex)
        expect(ok(decodeEpc(enc.hex.toLowerCase()))).toEqual(enc)
      }),
      { numRuns: 2000 }
    )
  })

  const header96 = fc.constantFrom('30', '31', '32', '33')
  const hex96 = fc.tuple(header96, fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 22, maxLength: 22 })).map(([h, rest]) =>
    h === '31' ? h + rest.slice(0, 16) + '000000' : h + rest
  )
  const hex198 = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 13, maxLength: 13 }),
      fc.array(fc.constantFrom(...CSET82), { minLength: 1, maxLength: 20 })
    )
    .map(([head, chars]) => {
      // header 0x36 + random filter/partition/prefix/reference bits + a valid 7-bit serial
      let v = (0x36n << 200n) | (BigInt('0x' + head) << 148n)
      v &= ~((1n << 150n) - 1n)
      chars.forEach((c, k) => {
        v |= BigInt(c.charCodeAt(0)) << BigInt(208 - 58 - 7 * (k + 1))
      })
      return v.toString(16).toUpperCase().padStart(52, '0')
    })

  it('hex → decode → encode → same hex (96-bit schemes)', () => {
    let decoded = 0
    fc.assert(
      fc.property(hex96, (hex) => {
        const r = decodeEpc(hex)
        if (!r.ok) {
          expect(['epc.partition', 'epc.range']).toContain(r.error.code)
          return
        }
        decoded++
        expect(ok(encodeTagUri(r.value.tagUri)).hex).toBe(hex)
        expect(ok(encodeEpc(fieldsOf(r.value))).hex).toBe(hex)
      }),
      { numRuns: 3000 }
    )
    expect(decoded).toBeGreaterThan(600)
  })

  it('hex → decode → encode → same hex (SGTIN-198)', () => {
    let decoded = 0
    fc.assert(
      fc.property(hex198, (hex) => {
        const r = decodeEpc(hex)
        if (!r.ok) {
          expect(['epc.partition', 'epc.range']).toContain(r.error.code)
          return
        }
        decoded++
        expect(r.value.hex).toBe(hex)
        expect(ok(encodeTagUri(r.value.tagUri)).hex).toBe(hex)
      }),
      { numRuns: 1000 }
    )
    expect(decoded).toBeGreaterThan(400)
  })
})

function fieldsOf(epc: Epc): EpcFields {
  switch (epc.scheme) {
    case 'sgtin-96':
    case 'sgtin-198':
      return { scheme: epc.scheme, filter: epc.filter, companyPrefix: epc.companyPrefix, itemReference: epc.itemReference, serial: epc.serial }
    case 'sscc-96':
      return { scheme: epc.scheme, filter: epc.filter, companyPrefix: epc.companyPrefix, serialReference: epc.serialReference }
    case 'sgln-96':
      return { scheme: epc.scheme, filter: epc.filter, companyPrefix: epc.companyPrefix, locationReference: epc.locationReference, extension: epc.extension }
    case 'grai-96':
      return { scheme: epc.scheme, filter: epc.filter, companyPrefix: epc.companyPrefix, assetType: epc.assetType, serial: epc.serial }
  }
}

describe('EPC fuzz', () => {
  const anyHex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 0, maxLength: 80 })
  const headed = fc.tuple(fc.constantFrom('30', '31', '32', '33', '36', 'ff', '00', '3'), anyHex).map(([h, r]) => h + r)
  const junk = fc.string({ maxLength: 80 })

  it('random hex / junk of random lengths: never throws, never returns partial data', () => {
    fc.assert(
      fc.property(fc.oneof(anyHex, headed, junk), (input) => {
        let r: ReturnType<typeof decodeEpc> | undefined
        expect(() => {
          r = decodeEpc(input)
        }).not.toThrow()
        if (r === undefined) throw new Error('no result')
        if (r.ok) {
          assertComplete(r.value)
        } else {
          expect(r).not.toHaveProperty('value')
          expect(r.error.code).toMatch(/^epc\./)
          expect(Object.hasOwn(EN, r.error.code), r.error.code).toBe(true)
          expect(r.error.message).toBe(english({ code: r.error.code, params: r.error.params }))
          expect(r.error.message).not.toMatch(/\n/)
        }
      }),
      { numRuns: 5000 }
    )
  })

  it('encoders never throw on junk', () => {
    fc.assert(
      fc.property(junk, junk, fc.integer({ min: -2, max: 14 }), fc.integer({ min: -1, max: 9 }), (a, b, cpl, filter) => {
        expect(() => encodeTagUri(a)).not.toThrow()
        expect(() => encodeTagUri(`urn:epc:tag:sgtin-198:3.0614141.712345.${a}`)).not.toThrow()
        expect(() => encodePureIdentityUri(`urn:epc:id:sgtin:${a}`, { filter })).not.toThrow()
        expect(() => encodeElementString(a, { filter, companyPrefixLength: cpl })).not.toThrow()
        expect(() => encodeElementString(`(01)80614141123458(21)${b}`, { filter, companyPrefixLength: cpl })).not.toThrow()
        expect(() => encodeEpc({ scheme: 'sgtin-198', filter, companyPrefix: a, itemReference: b, serial: b })).not.toThrow()
      }),
      { numRuns: 1000 }
    )
  })
})

describe('bits and check digits (property, against BigInt / string references)', () => {
  it('readBits/writeBits/hex agree with BigInt at any position and width', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 53 }), (big, pos, n) => {
        const hex = big.toString(16).padStart(64, '0')
        const w = new Uint32Array(8)
        expect(hexToWords(hex, w)).toBe(256)
        expect(wordsToHex(w, 256)).toBe(hex.toUpperCase())
        const want = Number((big >> BigInt(256 - pos - n)) & ((1n << BigInt(n)) - 1n))
        expect(readBits(w, pos, n)).toBe(want)
        const z = new Uint32Array(8)
        writeBits(z, pos, n, want)
        expect(readBits(z, pos, n)).toBe(want)
      }),
      { numRuns: 3000 }
    )
  })

  it('mod10OfNumber equals the string check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (v) => {
        expect(mod10OfNumber(v)).toBe(gs1CheckDigit(String(v)) ?? 0)
      }),
      { numRuns: 5000 }
    )
  })
})

describe('untyped callers (IPC) get errors, not exceptions', () => {
  it('non-string hex and non-string fields', () => {
    expect(decodeEpc(undefined as unknown as string).ok).toBe(false)
    expect(decodeEpc(42 as unknown as string).ok).toBe(false)
    expect(encodeEpc(null as unknown as EpcFields).ok).toBe(false)
    expect(encodeEpc({ scheme: 'sgtin-198', filter: 3, companyPrefix: '0614141', itemReference: '712345' } as unknown as EpcFields).ok).toBe(false)
    expect(encodeEpc({ scheme: 'sgtin-96', filter: '3', companyPrefix: '0614141', itemReference: '812345', serial: '1' } as unknown as EpcFields).ok).toBe(false)
  })
})

describe('prototype keys are not schemes', () => {
  it('constructor / __proto__ / toString', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(encodePureIdentityUri(`urn:epc:id:${name}:0614141.812345.6789`, { filter: 3 }).ok).toBe(false)
      expect(encodeTagUri(`urn:epc:tag:${name}:3.0614141.812345.6789`).ok).toBe(false)
      expect(encodeEpc({ scheme: name, filter: 3 } as unknown as EpcFields).ok).toBe(false)
    }
  })
})
