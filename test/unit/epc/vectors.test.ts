import { describe, expect, it } from 'vitest'
import {
  decodeEpc,
  encodeElementString,
  encodeEpc,
  encodePureIdentityUri,
  encodeTagUri,
  escapeEpcUriComponent,
  unescapeEpcUriComponent,
  type Epc
} from '../../../src/shared/codes/epc/index'

const Z198 = '0'.repeat(28)

/** Scheme-specific fields readable without narrowing (tests only). */
type Loose<T> = T & { serial?: string; sscc?: string; gtin?: string }

function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): Loose<T> {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value as Loose<T>
}
function errorCode(r: { ok: boolean; error?: { code: string } }): string | undefined {
  expect(r.ok).toBe(false)
  return r.error?.code
}

/** TDS appendix E vectors plus SGLN/GRAI examples (third-party vectors cross-checked by hand). */
const VECTORS: Array<{ tagUri: string; hex: string; elementString: string; pureIdentityUri: string; cpl: number; filter: number; extra: Partial<Epc> }> = [
  {
    tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789',
    hex: '3074257BF7194E4000001A85',
    elementString: '(01)80614141123458(21)6789',
    pureIdentityUri: 'urn:epc:id:sgtin:0614141.812345.6789',
    cpl: 7,
    filter: 3,
    extra: { scheme: 'sgtin-96', gtin: '80614141123458', serial: '6789', partition: 5, companyPrefix: '0614141', itemReference: '812345' }
  },
  {
    tagUri: 'urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb',
    hex: '3674257BF6B7A659B2C2BF10' + Z198,
    elementString: '(01)70614141123451(21)32a/b',
    pureIdentityUri: 'urn:epc:id:sgtin:0614141.712345.32a%2Fb',
    cpl: 7,
    filter: 3,
    extra: { scheme: 'sgtin-198', gtin: '70614141123451', serial: '32a/b' }
  },
  {
    tagUri: 'urn:epc:tag:sscc-96:3.0614141.1234567890',
    hex: '3174257BF4499602D2000000',
    elementString: '(00)106141412345678908',
    pureIdentityUri: 'urn:epc:id:sscc:0614141.1234567890',
    cpl: 7,
    filter: 3,
    extra: { scheme: 'sscc-96', sscc: '106141412345678908', serialReference: '1234567890' }
  },
  {
    tagUri: 'urn:epc:tag:sgln-96:1.0614141.12345.400',
    hex: '3234257BF460720000000190',
    elementString: '(414)0614141123452(254)400',
    pureIdentityUri: 'urn:epc:id:sgln:0614141.12345.400',
    cpl: 7,
    filter: 1,
    extra: { scheme: 'sgln-96', gln: '0614141123452', extension: '400' }
  },
  {
    tagUri: 'urn:epc:tag:sgln-96:0.061411123456..2199023255551',
    hex: '320039318D8401FFFFFFFFFF',
    elementString: '(414)0614111234560(254)2199023255551',
    pureIdentityUri: 'urn:epc:id:sgln:061411123456..2199023255551',
    cpl: 12,
    filter: 0,
    extra: { scheme: 'sgln-96', locationReference: '', extension: '2199023255551' }
  },
  {
    tagUri: 'urn:epc:tag:sgln-96:0.0000567.89012.1',
    hex: '32140008DEB7680000000001',
    elementString: '(414)0000567890120(254)1',
    pureIdentityUri: 'urn:epc:id:sgln:0000567.89012.1',
    cpl: 7,
    filter: 0,
    extra: { companyPrefix: '0000567' }
  },
  {
    tagUri: 'urn:epc:tag:grai-96:5.0614141.12345.400',
    hex: '33B4257BF40C0E4000000190',
    elementString: '(8003)00614141123452400',
    pureIdentityUri: 'urn:epc:id:grai:0614141.12345.400',
    cpl: 7,
    filter: 5,
    extra: { scheme: 'grai-96', grai: '00614141123452400', assetType: '12345', serial: '400' }
  },
  {
    tagUri: 'urn:epc:tag:grai-96:0.061414113245..274877906943',
    hex: '3300393243FF743FFFFFFFFF',
    elementString: '(8003)00614141132454274877906943',
    pureIdentityUri: 'urn:epc:id:grai:061414113245..274877906943',
    cpl: 12,
    filter: 0,
    extra: { assetType: '', serial: '274877906943' }
  }
]

describe('EPC vectors (TDS appendix E and examples)', () => {
  for (const v of VECTORS) {
    it(`hex → everything: ${v.tagUri}`, () => {
      const epc = value(decodeEpc(v.hex))
      expect(epc).toMatchObject({ ...v.extra, tagUri: v.tagUri, pureIdentityUri: v.pureIdentityUri, elementString: v.elementString, hex: v.hex, filter: v.filter })
    })
    it(`tag URI → hex: ${v.tagUri}`, () => {
      expect(value(encodeTagUri(v.tagUri)).hex).toBe(v.hex)
    })
    it(`element string → hex: ${v.elementString}`, () => {
      const epc = value(encodeElementString(v.elementString, { scheme: v.extra.scheme ?? decodeScheme(v.hex), filter: v.filter, companyPrefixLength: v.cpl }))
      expect(epc.hex).toBe(v.hex)
      expect(epc.tagUri).toBe(v.tagUri)
    })
    it(`pure identity URI → hex: ${v.pureIdentityUri}`, () => {
      expect(value(encodePureIdentityUri(v.pureIdentityUri, { scheme: decodeScheme(v.hex), filter: v.filter })).hex).toBe(v.hex)
    })
  }

  it('SGTIN-198 hex is 52 digits (208 bits) and the serial is 7-bit, zero padded', () => {
    const epc = value(encodeTagUri('urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb'))
    expect(epc.hex).toHaveLength(52)
    expect(epc.hex.startsWith('3674257BF6B7A659B2C2BF10')).toBe(true)
  })

  it('SGTIN-198 decodes from just 200 bits (50 hex digits)', () => {
    expect(value(decodeEpc('3674257BF6B7A659B2C2BF10' + '0'.repeat(26))).serial).toBe('32a/b')
  })

  it('SGLN extension 0 means no (254) in the element string', () => {
    const epc = value(decodeEpc('321800004000020000000000'))
    expect(epc).toMatchObject({ tagUri: 'urn:epc:tag:sgln-96:0.000001.000001.0', elementString: '(414)0000010000014', extension: '0' })
    expect(value(encodeElementString('(414)0000010000014', { filter: 0, companyPrefixLength: 6 })).hex).toBe('321800004000020000000000')
  })
})

function decodeScheme(hex: string): Epc['scheme'] {
  return value(decodeEpc(hex)).scheme
}

describe('decode: invalid input', () => {
  const cases: Array<[string, string, string]> = [
    ['empty', '', 'epc.hex'],
    ['non-hex', 'ZZ', 'epc.hex'],
    ['non-hex in the middle', '3074257BF7194E40000G1A85', 'epc.hex'],
    ['non-hex past the scheme bits', '3074257BF7194E4000001A85XY', 'epc.hex'],
    ['space', '3074257BF7194E40 00001A85', 'epc.hex'],
    ['0x prefix', '0x3074257BF7194E4000001A85', 'epc.hex'],
    ['unicode', '3074257BF7194E4000001A8５', 'epc.hex'],
    ['one digit', '3', 'epc.too_short'],
    ['unknown header', 'FF74257BF7194E4000001A85', 'epc.header'],
    ['unprogrammed', '000000000000000000000000', 'epc.header'],
    ['too few bits', '3074257BF7194E40', 'epc.too_short'],
    ['95 bits worth (23 digits)', '3074257BF7194E4000001A8', 'epc.too_short'],
    ['sgtin-198 with 96 bits only', '3674257BF6B7A659B2C2BF10', 'epc.too_short'],
    ['sgtin-96 partition 7', '307C257BF7194E4000001A85', 'epc.partition'],
    ['sscc-96 partition 7', '317C257BF4499602D2000000', 'epc.partition'],
    ['sgln-96 partition 7', '323C257BF460720000000190', 'epc.partition'],
    ['grai-96 partition 7', '33BC257BF40C0E4000000190', 'epc.partition'],
    ['company prefix 10000000 in 7 digits', '3076625A03194E4000001A85', 'epc.range'],
    ['SSCC reserved bits non-zero (last bit)', '3174257BF4499602D2000001', 'epc.reserved'],
    ['SSCC reserved bits non-zero (first bit)', '3174257BF4499602D2800000', 'epc.reserved']
  ]
  for (const [name, hex, code] of cases) {
    it(name, () => {
      const r = decodeEpc(hex)
      expect(errorCode(r)).toBe(code)
      if (!r.ok) expect(r.error.message).not.toMatch(/\n/)
    })
  }

  it('item reference out of range at partition 5 (20 bits, 6 digits)', () => {
    // build a valid tag with item reference 999999 and bump it to 1000000 (fits 20 bits, not 6 digits)
    const ok = value(encodeEpc({ scheme: 'sgtin-96', filter: 3, companyPrefix: '0614141', itemReference: '999999', serial: '1' }))
    const bumped = (BigInt('0x' + ok.hex) + (1n << 38n)).toString(16).toUpperCase()
    expect(errorCode(decodeEpc(bumped))).toBe('epc.range')
  })
})

/** SGTIN-198 hex with the serial replaced by these 7-bit codes. */
function sgtin198WithSerial(codes: number[]): string {
  let v = BigInt('0x3674257BF6B7A659B2C2BF10' + Z198)
  v &= ~(((1n << 140n) - 1n) << 10n)
  codes.forEach((c, k) => {
    v |= BigInt(c) << BigInt(208 - 58 - 7 * (k + 1))
  })
  return v.toString(16).toUpperCase().padStart(52, '0')
}

describe('SGTIN-198 serial characters', () => {
  it('rejects a character outside set 82', () => {
    expect(errorCode(decodeEpc(sgtin198WithSerial([0x41, 0x23])))).toBe('epc.serial') // '#'
    expect(errorCode(decodeEpc(sgtin198WithSerial([0x20])))).toBe('epc.serial') // space
    expect(errorCode(decodeEpc(sgtin198WithSerial([0x7f])))).toBe('epc.serial')
  })
  it('rejects non-zero bits after the terminating zero', () => {
    expect(errorCode(decodeEpc(sgtin198WithSerial([0x41, 0, 0x41])))).toBe('epc.serial')
  })
  it('rejects an empty serial', () => {
    expect(errorCode(decodeEpc(sgtin198WithSerial([])))).toBe('epc.serial')
  })
  it('accepts all 20 characters', () => {
    const serial = 'ABCDEFGHIJ0123456789'
    expect(value(decodeEpc(sgtin198WithSerial([...serial].map((c) => c.charCodeAt(0))))).serial).toBe(serial)
  })
  it('escapes " % & / < > ? in both URIs, and only those', () => {
    const serial = `"%&/<>?!'()*+,-.:;=_`
    const epc = value(decodeEpc(sgtin198WithSerial([...serial].map((c) => c.charCodeAt(0)))))
    expect(epc.serial).toBe(serial)
    expect(epc.tagUri).toBe(`urn:epc:tag:sgtin-198:3.0614141.712345.%22%25%26%2F%3C%3E%3F!'()*+,-.:;=_`)
    expect(epc.pureIdentityUri).toBe(`urn:epc:id:sgtin:0614141.712345.%22%25%26%2F%3C%3E%3F!'()*+,-.:;=_`)
    expect(epc.elementString).toBe(`(01)70614141123451(21)${serial}`)
    expect(value(encodeTagUri(epc.tagUri)).hex).toBe(epc.hex)
  })
})

describe('lower-case and extra bits', () => {
  it('accepts lower-case hex and returns upper case', () => {
    expect(value(decodeEpc('3074257bf7194e4000001a85')).hex).toBe('3074257BF7194E4000001A85')
  })
  it('ignores extra trailing bits', () => {
    const epc = value(decodeEpc('3074257BF7194E4000001A85FFFF0000'))
    expect(epc.tagUri).toBe('urn:epc:tag:sgtin-96:3.0614141.812345.6789')
    expect(epc.hex).toBe('3074257BF7194E4000001A85')
    expect(value(decodeEpc('3174257BF4499602D2000000ABCD')).sscc).toBe('106141412345678908')
  })
})

describe('encode: invalid components', () => {
  const base = { scheme: 'sgtin-96' as const, filter: 3, companyPrefix: '0614141', itemReference: '812345', serial: '6789' }
  it('SGTIN-96 serial rules', () => {
    expect(errorCode(encodeEpc({ ...base, serial: '06789' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...base, serial: '274877906944' }))).toBe('epc.serial')
    expect(value(encodeEpc({ ...base, serial: '274877906943' })).hex).toBe('3074257BF7194E7FFFFFFFFF')
    expect(value(encodeEpc({ ...base, serial: '0' })).serial).toBe('0')
    expect(errorCode(encodeEpc({ ...base, serial: 'A1' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...base, serial: '' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...base, serial: '-1' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...base, serial: '1e3' }))).toBe('epc.serial')
  })
  it('SGTIN-198 serial rules', () => {
    const b198 = { ...base, scheme: 'sgtin-198' as const }
    expect(value(encodeEpc({ ...b198, serial: '06789' })).serial).toBe('06789')
    expect(errorCode(encodeEpc({ ...b198, serial: 'a#b' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...b198, serial: 'a b' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...b198, serial: 'é' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...b198, serial: 'x'.repeat(21) }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ ...b198, serial: '' }))).toBe('epc.serial')
  })
  it('company prefix and reference digit counts', () => {
    expect(errorCode(encodeEpc({ ...base, companyPrefix: '06141', itemReference: '81234512' }))).toBe('epc.company_prefix')
    expect(errorCode(encodeEpc({ ...base, companyPrefix: '0614141234567', itemReference: '' }))).toBe('epc.company_prefix')
    expect(errorCode(encodeEpc({ ...base, itemReference: '81234' }))).toBe('epc.range')
    expect(errorCode(encodeEpc({ ...base, itemReference: '8123a5' }))).toBe('epc.range')
    expect(errorCode(encodeEpc({ ...base, companyPrefix: '06a4141' }))).toBe('epc.company_prefix')
  })
  it('filter', () => {
    expect(errorCode(encodeEpc({ ...base, filter: 8 }))).toBe('epc.filter')
    expect(errorCode(encodeEpc({ ...base, filter: -1 }))).toBe('epc.filter')
    expect(errorCode(encodeEpc({ ...base, filter: 1.5 }))).toBe('epc.filter')
  })
  it('SGLN extension and GRAI serial are numeric for the 96-bit schemes', () => {
    expect(errorCode(encodeEpc({ scheme: 'sgln-96', filter: 0, companyPrefix: '0614141', locationReference: '12345', extension: '01' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ scheme: 'sgln-96', filter: 0, companyPrefix: '0614141', locationReference: '12345', extension: '2199023255552' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ scheme: 'grai-96', filter: 0, companyPrefix: '0614141', assetType: '12345', serial: 'AB' }))).toBe('epc.serial')
    expect(errorCode(encodeEpc({ scheme: 'grai-96', filter: 0, companyPrefix: '061414113245', assetType: '', serial: '274877906944' }))).toBe('epc.serial')
  })
  it('SSCC serial reference', () => {
    expect(errorCode(encodeEpc({ scheme: 'sscc-96', filter: 0, companyPrefix: '0614141', serialReference: '123456789' }))).toBe('epc.range')
    expect(value(encodeEpc({ scheme: 'sscc-96', filter: 0, companyPrefix: '061414112345', serialReference: '99999' })).sscc).toMatch(/^9061414112345\d{5}$/)
  })
})

describe('URIs', () => {
  it('escape / unescape', () => {
    expect(escapeEpcUriComponent('32a/b')).toBe('32a%2Fb')
    expect(escapeEpcUriComponent(`"%&/<>?`)).toBe('%22%25%26%2F%3C%3E%3F')
    expect(unescapeEpcUriComponent('32a%2fb')).toBe('32a/b')
    expect(unescapeEpcUriComponent('32a/b')).toBeNull()
    expect(unescapeEpcUriComponent('a%41')).toBeNull()
    expect(unescapeEpcUriComponent('a%2')).toBeNull()
    expect(unescapeEpcUriComponent('a%')).toBeNull()
    expect(unescapeEpcUriComponent('a#')).toBeNull()
    expect(unescapeEpcUriComponent('a?')).toBeNull()
  })
  it('rejects malformed tag URIs', () => {
    const bad = [
      'urn:epc:tag:sgtin-96:8.0614141.812345.6789',
      'urn:epc:tag:sgtin-96:3.0614141.812345',
      'urn:epc:tag:sgtin-96:3.0614141.812345.06789',
      'urn:epc:tag:sgtin-96:3.0614141.812345.6789.1',
      'urn:epc:tag:sgtin-198:3.0614141.712345.32a/b',
      'urn:epc:tag:sgtin-198:3.0614141.712345.a%23b',
      'urn:epc:tag:sgtin-64:3.0614141.812345.6789',
      'urn:epc:tag:sscc-96:3.0614141.1234567890.1',
      'urn:epc:tag:sscc-96:3.0614141',
      'urn:epc:id:sgtin:0614141.812345.6789',
      ''
    ]
    for (const uri of bad) expect(encodeTagUri(uri).ok, uri).toBe(false)
  })
  it('pure identity URI picks SGTIN-198 when the serial does not fit SGTIN-96', () => {
    expect(value(encodePureIdentityUri('urn:epc:id:sgtin:0614141.712345.32a%2Fb', { filter: 3 })).hex).toBe('3674257BF6B7A659B2C2BF10' + Z198)
    expect(value(encodePureIdentityUri('urn:epc:id:sgtin:0614141.812345.6789', { filter: 3 })).scheme).toBe('sgtin-96')
    expect(encodePureIdentityUri('urn:epc:id:sgtin:0614141.712345.32a%2Fb', { scheme: 'sgtin-96', filter: 3 }).ok).toBe(false)
    expect(encodePureIdentityUri('urn:epc:id:sscc:0614141.1234567890', { scheme: 'sgtin-96', filter: 3 }).ok).toBe(false)
  })
})

describe('element strings', () => {
  const opts = { filter: 3, companyPrefixLength: 7 }
  it('chooses the scheme when not given', () => {
    expect(value(encodeElementString('(01)80614141123458(21)6789', opts)).scheme).toBe('sgtin-96')
    expect(value(encodeElementString('(01)80614141123458(21)06789', opts)).scheme).toBe('sgtin-198')
    expect(value(encodeElementString('(00)106141412345678908', opts)).scheme).toBe('sscc-96')
    expect(value(encodeElementString('(21)6789(01)80614141123458', opts)).gtin).toBe('80614141123458')
  })
  it('refuses bad element strings', () => {
    const bad: Array<[string, string]> = [
      ['(01)80614141123457(21)6789', 'epc.check_digit'],
      ['(00)106141412345678909', 'epc.check_digit'],
      ['(01)8061414112345(21)6789', 'epc.element_string'],
      ['(01)80614141123458', 'epc.element_string'],
      ['(01)80614141123458(21)', 'epc.element_string'],
      ['(01)80614141123458(21)a b', 'epc.element_string'],
      ['(01)80614141123458(21)6789(10)LOT1', 'epc.element_string'],
      ['(01)80614141123458(21)1(21)2', 'epc.element_string'],
      ['0180614141123458216789', 'epc.element_string'],
      ['(01)80614141123458(00)106141412345678908', 'epc.element_string'],
      ['(8003)00614141123452', 'epc.serial'],
      ['(8003)10614141123452400', 'epc.element_string'],
      ['', 'epc.element_string']
    ]
    for (const [es, code] of bad) expect(errorCode(encodeElementString(es, opts)), es).toBe(code)
  })
  it('refuses a scheme that cannot carry the AIs, and bad options', () => {
    expect(errorCode(encodeElementString('(00)106141412345678908', { ...opts, scheme: 'sgtin-96' }))).toBe('epc.scheme')
    expect(errorCode(encodeElementString('(01)80614141123458(21)6789', { ...opts, scheme: 'sscc-96' }))).toBe('epc.scheme')
    expect(errorCode(encodeElementString('(01)80614141123458(21)6789', { ...opts, scheme: 'sgtin-96', companyPrefixLength: 5 }))).toBe('epc.company_prefix')
    expect(errorCode(encodeElementString('(01)80614141123458(21)6789', { ...opts, filter: 9 }))).toBe('epc.filter')
    expect(errorCode(encodeElementString('(01)80614141123458(21)06789', { ...opts, scheme: 'sgtin-96' }))).toBe('epc.serial')
  })
  it('company prefix length moves the split, not the GTIN', () => {
    for (let L = 6; L <= 12; L++) {
      const epc = value(encodeElementString('(01)80614141123458(21)6789', { filter: 1, companyPrefixLength: L }))
      expect(epc.gtin).toBe('80614141123458')
      expect(epc.companyPrefix).toHaveLength(L)
      expect(epc.partition).toBe(12 - L)
      expect(value(decodeEpc(epc.hex)).gtin).toBe('80614141123458')
    }
  })
})
