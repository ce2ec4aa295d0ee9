import { describe, expect, it } from 'vitest'
import { parseGs1, resolveTwoDigitYear, type Gs1Parsed } from '../../../src/shared/codes/gs1/index'

const GS = '\u001d'
const NOW = new Date('2025-06-15T12:00:00Z')

function parsed(input: string, gsSubstitutes?: string[]): Gs1Parsed {
  const r = parseGs1(input, gsSubstitutes ? { now: NOW, gsSubstitutes } : { now: NOW })
  if (!r.ok) throw new Error(`expected ok for ${JSON.stringify(input)}: ${r.error.code} ${r.error.message}`)
  return r.value
}

function failure(input: string) {
  const r = parseGs1(input, { now: NOW })
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`)
  return r.error
}

describe('AIM scan data', () => {
  it('parses the HARDWARE.md example', () => {
    const p = parsed(`]C1011231231231233310ABC123${GS}99TESTING`)
    expect(p.symbology).toBe(']C1')
    expect(p.elements).toEqual([
      { ai: '01', value: '12312312312333' },
      { ai: '10', value: 'ABC123' },
      { ai: '99', value: 'TESTING' }
    ])
    expect(p.fields).toMatchObject({ gtin: '12312312312333', lot: 'ABC123', internal: { '99': 'TESTING' } })
  })

  it('parses a DataMatrix with 01+21+10+17 and a GS1-128 SSCC', () => {
    const p = parsed(`]d2010952123454321321SN-A7F92KQ81${GS}10L42${GS}17270630`)
    expect(p.fields).toMatchObject({ gtin: '09521234543213', serial: 'SN-A7F92KQ81', lot: 'L42', expiry: '2027-06-30' })
    expect(parsed(']C100106141412345678908').fields.sscc).toBe('106141412345678908')
  })

  it('accepts ]Q3, ]J1, ]e0, a GS after a predefined-length AI and one trailing GS', () => {
    for (const id of [']Q3', ']J1', ']e0']) expect(parsed(`${id}0180614141123458${GS}10X${GS}`).elements).toHaveLength(2)
    expect(parsed(`]C10180614141123458${GS}17270600`).fields.expiry).toBe('2027-06-30')
  })

  it('refuses two trailing GS, a leading GS and a missing GS', () => {
    expect(failure(`]C10180614141123458${GS}${GS}`).code).toBe('gs1.syntax')
    expect(failure(`]C1${GS}0180614141123458`).code).toBe('gs1.syntax')
    // without a GS the lot swallows "17…"; that is fine, but a serial that runs into 21 chars is not
    expect(failure(`]C1018061414112345821ABCDEFGHIJKLMNOPQRST10X`).code).toBe('gs1.length')
  })

  it('reads ]E0 / ]E4 as a GTIN', () => {
    expect(parsed(']E09521234543213').elements).toEqual([{ ai: '01', value: '09521234543213' }])
    expect(parsed(']E496385074').fields.gtin).toBe('00000096385074')
    expect(failure(']E09521234543214').code).toBe('gs1.check_digit')
  })

  it('applies keyboard-wedge GS substitutes first', () => {
    const p = parsed(']C1011231231231233310ABC123<GS>99TESTING', ['<GS>', '{GS}'])
    expect(p.elements.map((e) => e.ai)).toEqual(['01', '10', '99'])
  })
})

describe('GenSpecs examples', () => {
  it('(01)(21) with GTINs 09521234543213 and 80614141123458', () => {
    expect(parsed('(01)09521234543213(21)12345').fields).toMatchObject({ gtin: '09521234543213', serial: '12345' })
    expect(parsed('(01)80614141123458').fields.gtin).toBe('80614141123458')
  })

  it('SSCC (00)106141412345678908', () => {
    expect(parsed('(00)106141412345678908').fields.sscc).toBe('106141412345678908')
  })

  it('decimal AI (3103)000189 = 0.189 kg', () => {
    expect(parsed('(01)09521234543213(3103)000189').fields.netWeight).toEqual({ ai: '3103', value: 0.189, unit: 'kg', decimals: 3 })
    expect(parsed('(00)106141412345678908(3300)001500').fields.grossWeight).toEqual({ ai: '3300', value: 1500, unit: 'kg', decimals: 0 })
  })

  it('price and amount with currency', () => {
    expect(parsed('(01)09521234543213(30)12(3922)4711').fields.price).toEqual({ ai: '3922', value: 47.11, decimals: 2 })
    expect(parsed('(01)09521234543213(30)12(3932)9784711').fields.price).toEqual({ ai: '3932', value: 47.11, decimals: 2, currency: '978' })
    expect(failure('(01)09521234543213(30)12(3932)0004711').code).toBe('gs1.bad_value')
  })

  it('dates, with day 00 as the last day of the month where allowed', () => {
    expect(parsed('(01)09521234543213(17)270600').fields.expiry).toBe('2027-06-30')
    expect(parsed('(01)09521234543213(15)280200').fields.bestBefore).toBe('2028-02-29')
    expect(parsed('(01)09521234543213(15)270200').fields.bestBefore).toBe('2027-02-28')
    expect(parsed('(01)09521234543213(11)250101(13)250102').fields).toMatchObject({ productionDate: '2025-01-01', packDate: '2025-01-02' })
    expect(failure('(01)09521234543213(17)250230').code).toBe('gs1.bad_date')
    expect(failure('(01)09521234543213(17)251301').code).toBe('gs1.bad_date')
    expect(failure('(01)09521234543213(17)270229').code).toBe('gs1.bad_date')
  })

  it('(7003) expiry date and time; bad time refused', () => {
    expect(parsed('(01)09521234543213(7003)2506301230').fields.expiryDateTime).toBe('2025-06-30T12:30')
    expect(failure('(01)09521234543213(7003)2506302460').code).toBe('gs1.bad_time')
    expect(failure('(01)09521234543213(7003)2506001200').code).toBe('gs1.bad_date') // yymmdd: no day 00
  })

  it('(8003) GRAI, (8004) GIAI, (253) GDTI', () => {
    expect(parsed('(8003)03870585000552987').fields.grai).toBe('03870585000552987')
    expect(parsed('(8004)0614141ABC123').fields.giai).toBe('0614141ABC123')
    expect(parsed('(253)4602443000331XYZ').fields.gdti).toBe('4602443000331XYZ')
    expect(failure('(8003)13870585000552987').code).toBe('gs1.bad_value') // first digit must be 0
    expect(failure('(253)4602443000332').code).toBe('gs1.check_digit')
  })

  it('(4321)–(4326) on a logistic unit', () => {
    const p = parsed('(00)106141412345678908(4321)1(4322)0(4323)1(4324)2506000000(4325)2507012359(4326)250715')
    expect(p.elements).toHaveLength(7)
    expect(failure('(00)106141412345678908(4321)2').code).toBe('gs1.bad_value')
    expect(failure('(00)106141412345678908(4326)250700').code).toBe('gs1.bad_date')
  })

  it('(8200) product URL and (8013) GMN check characters', () => {
    expect(parsed('(01)09521234543213(8200)http://www.example.com').fields.productUrl).toBe('http://www.example.com')
    expect(parsed('(8013)1987654Ad4X4bL5ttr2310c2K').fields.gmn).toBe('1987654Ad4X4bL5ttr2310c2K')
    expect(failure('(8013)1987654Ad4X4bL5ttr2310cXK').code).toBe('gs1.check_digit')
  })

  it('country and currency codes', () => {
    expect(parsed('(01)09521234543213(422)276').fields.originCountry).toBe('276')
    expect(failure('(01)09521234543213(422)999').code).toBe('gs1.bad_value')
    expect(parsed('(00)106141412345678908(4307)DE').elements).toHaveLength(2)
    expect(failure('(00)106141412345678908(4307)XX').code).toBe('gs1.bad_value')
  })
})

describe('errors an operator can act on', () => {
  it('check digit with AI and position', () => {
    const e = failure(']C1011231231231233410ABC123')
    expect(e.code).toBe('gs1.check_digit')
    expect(e.params).toEqual({ label: 'GTIN', expected: '3', got: '4', ai: '01', position: 3 })
    // The README shows this sentence: the CLI contract.
    expect(e.message).toBe('GTIN check digit should be 3, scanned 4 (AI 01 at position 3)')
    expect(e.details).toMatchObject({ ai: '01', position: 3, offset: 13 })
  })

  it('unknown AI, length, charset', () => {
    expect(failure(`]C1010952123454321323${GS}`).code).toBe('gs1.unknown_ai')
    expect(failure('(01)09521234543213(2399)X').code).toBe('gs1.unknown_ai')
    expect(failure('(01)0952123454321').code).toBe('gs1.length')
    expect(failure('(01)09521234543213(10)').code).toBe('gs1.length')
    expect(failure('(01)09521234543213(10)AB~C').details).toMatchObject({ ai: '10', offset: 2 })
    expect(failure('(01)09521234543213(10)AB~C').code).toBe('gs1.charset')
  })

  it('pairing rules and repeated AIs', () => {
    expect(failure('(21)ABC').code).toBe('gs1.pairing')
    expect(failure('(21)ABC').params).toMatchObject({ ai: '21', requires: expect.stringContaining('(01)') })
    expect(failure('(01)09521234543213(3103)000189(3102)001890').details).toMatchObject({ ai: '3103', conflictsWith: '3102' })
    expect(failure('(01)09521234543213(02)09521234543213(37)1').code).toBe('gs1.pairing')
    expect(failure('(01)09521234543213(3103)000189(3102)001890').code).toBe('gs1.pairing')
    expect(failure('(01)09521234543213(10)A(10)B').code).toBe('gs1.duplicate_ai')
    expect(parsed('(01)09521234543213(10)A(10)A').elements).toHaveLength(3)
  })

  it('not GS1', () => {
    for (const input of ['', 'ABC', '12345', ']X9ABC', ']C', ']', ']C0ABC', ']d1hello', '(hello)', 'ftp://id.gs1.org/01/09521234543213']) {
      expect(failure(input).code, input).toBe('gs1.not_gs1')
    }
  })
})

describe('bracketed escapes', () => {
  it('reads \\( and \\) as literal parentheses', () => {
    expect(parsed('(01)09521234543213(21)A\\(1\\)B').fields.serial).toBe('A(1)B')
    expect(parsed('(01)09521234543213(21)A)B').fields.serial).toBe('A)B')
  })
})

describe('two-digit years (GenSpecs §7.12)', () => {
  it('uses −49/+50 years around the current year', () => {
    expect(resolveTwoDigitYear(75, 2025)).toBe(2075)
    expect(resolveTwoDigitYear(76, 2025)).toBe(1976)
    expect(resolveTwoDigitYear(0, 2060)).toBe(2100)
    expect(resolveTwoDigitYear(99, 2001)).toBe(1999)
    const r = parseGs1('(01)09521234543213(17)990101', { now: new Date('2060-01-01') })
    expect(r.ok && r.value.fields.expiry).toBe('2099-01-01')
  })
})
