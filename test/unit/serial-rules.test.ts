import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_PATTERN_LENGTH, MAX_SERIAL_LENGTH, checkSerial, validateSerialRule, type SerialRule } from '../../src/shared/codes/serial-rules'
import { english } from '../../src/shared/messages/catalog'

const code = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code)

describe('checkSerial: rules', () => {
  it('accepts a serial that meets every part of the rule', () => {
    const rule: SerialRule = { minLength: 8, maxLength: 12, charset: 'alphanumeric', prefix: 'SN', pattern: 'SN[A-Z0-9]{6,10}' }
    expect(checkSerial('SNA7F92KQ8', rule)).toEqual({ ok: true, value: undefined })
  })
  it('no rule: only the guards apply', () => {
    expect(checkSerial('anything-goes/1', undefined).ok).toBe(true)
  })
  it('gives a clear reason per failed part', () => {
    expect(code(checkSerial('SN1', { minLength: 8 }))).toBe('serial.too_short')
    expect(code(checkSerial('SN123456789', { maxLength: 8 }))).toBe('serial.too_long')
    expect(code(checkSerial('12A4', { charset: 'numeric' }))).toBe('serial.charset')
    expect(code(checkSerial('12-4', { charset: 'alphanumeric' }))).toBe('serial.charset')
    expect(code(checkSerial('12#4', { charset: 'cset82' }))).toBe('serial.charset')
    expect(checkSerial('12/4', { charset: 'cset82' }).ok).toBe(true)
    expect(code(checkSerial('XX1234', { prefix: 'SN' }))).toBe('serial.prefix')
    expect(code(checkSerial('SN12', { pattern: 'SN\\d{3}' }))).toBe('serial.pattern')
    expect(code(checkSerial('', {}))).toBe('serial.empty')
    expect(code(checkSerial(' SN1234', {}))).toBe('serial.whitespace')
    expect(code(checkSerial('SN\t1234', {}))).toBe('serial.control')
    expect(code(checkSerial('x'.repeat(MAX_SERIAL_LENGTH + 1), undefined))).toBe('serial.too_long')
    const r = checkSerial('SN1', { minLength: 8 })
    expect(r.ok ? null : r.error.params).toEqual({ length: 3, min: 8 })
  })
  it('anchors patterns: a partial match is not a match', () => {
    expect(code(checkSerial('xxSN123yy', { pattern: 'SN\\d{3}' }))).toBe('serial.pattern')
    expect(code(checkSerial('SN123yy', { pattern: 'SN\\d{3}|AB\\d{2}' }))).toBe('serial.pattern')
    expect(checkSerial('AB12', { pattern: 'SN\\d{3}|AB\\d{2}' }).ok).toBe(true)
  })
})

describe('validateSerialRule', () => {
  const bad: Array<[string, SerialRule]> = [
    ['bad regex', { pattern: 'SN[0-9' }],
    ['empty pattern', { pattern: '' }],
    ['too long pattern', { pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) }],
    ['backreference', { pattern: '(a)\\1' }],
    ['lookahead', { pattern: '(?=a)a' }],
    ['min > max', { minLength: 10, maxLength: 5 }],
    ['zero length', { minLength: 0 }],
    ['fraction', { maxLength: 2.5 }],
    ['huge', { maxLength: 10_000 }],
    ['unknown charset', { charset: 'hex' as SerialRule['charset'] }],
    ['prefix outside charset', { charset: 'numeric', prefix: 'SN' }],
    ['prefix longer than max', { maxLength: 2, prefix: 'SN1' }],
    ['empty prefix', { prefix: '' }]
  ]
  for (const [name, rule] of bad) {
    it(`refuses: ${name}`, () => {
      const r = validateSerialRule(rule)
      expect(code(r)).toBe('serial.rule_invalid')
      expect(r.ok ? '' : r.error.message).toBe(r.ok ? '' : english(r.error))
      // checkSerial reports the bad rule instead of throwing
      expect(code(checkSerial('SN123', rule))).toBe('serial.rule_invalid')
    })
  }
  it('accepts ordinary patterns', () => {
    for (const pattern of ['SN-\\d{6}', '[A-Z]{2}\\d{6,8}', '(?:AB|CD)\\d+', '(AB)?\\d{4}', '\\d{4}-[A-Z]{2}', '([A-Z]\\d){3}']) {
      expect(validateSerialRule({ pattern }).ok, pattern).toBe(true)
    }
  })
  it('accepts the shapes that backtrack catastrophically elsewhere: they run on a linear-time engine', () => {
    for (const pattern of ['(a+)+', '(\\w*x?)*', '(a|aa)+', '((ab)+)*', '([a-z]+)*', '\\d*\\d*\\d*\\d*X']) {
      expect(validateSerialRule({ pattern }).ok, pattern).toBe(true)
    }
  })
  it('reports the regex syntax error', () => {
    const r = validateSerialRule({ pattern: 'SN[0-9' })
    expect(r.ok ? null : r.error.details).toMatchObject({ reason: 'syntax', pattern: 'SN[0-9' })
    expect(r.ok ? null : r.error.params).toMatchObject({ field: 'pattern', value: 'SN[0-9' })
  })
})

describe('mis-scan guards', () => {
  const gtin = '09521234543213'
  it('refuses the GTIN (14, 13 digit forms) as the serial', () => {
    expect(code(checkSerial('09521234543213', undefined, { gtin }))).toBe('serial.is_gtin')
    expect(code(checkSerial('9521234543213', undefined, { gtin }))).toBe('serial.is_gtin')
    expect(code(checkSerial('9521234543213', { charset: 'numeric' }, { gtin: '9521234543213' }))).toBe('serial.is_gtin')
  })
  it('refuses the GTIN-12 and GTIN-8 forms', () => {
    expect(code(checkSerial('614141000036', undefined, { gtin: '00614141000036' }))).toBe('serial.is_gtin')
    expect(code(checkSerial('0614141000036', undefined, { gtin: '614141000036' }))).toBe('serial.is_gtin')
    expect(code(checkSerial('96385074', undefined, { gtin: '00000096385074' }))).toBe('serial.is_gtin')
  })
  it('refuses element strings, symbology ids, Digital Links, URLs and EPC URIs', () => {
    expect(code(checkSerial('(01)09521234543213(21)SN1', undefined))).toBe('serial.is_element_string')
    expect(code(checkSerial('0109521234543213', undefined, { gtin }))).toBe('serial.is_element_string')
    expect(code(checkSerial('010952123454321321SN1', undefined))).toBe('serial.is_element_string')
    expect(code(checkSerial('0109521234543213\u001d21SN1', undefined))).toBe('serial.is_element_string')
    expect(code(checkSerial(']d20109521234543213', undefined))).toBe('serial.is_element_string')
    expect(code(checkSerial('https://id.gs1.org/01/09521234543213/21/SN1', undefined))).toBe('serial.is_digital_link')
    expect(code(checkSerial('https://example.com/x', undefined))).toBe('serial.is_url')
    expect(code(checkSerial('urn:epc:id:sgtin:0614141.812345.6789', undefined))).toBe('serial.is_element_string')
  })
  it('refuses the lot scanned as the serial', () => {
    expect(code(checkSerial('L42', undefined, { lot: 'L42' }))).toBe('serial.is_lot')
    expect(code(checkSerial('L43', undefined, { knownLots: ['L41', 'L43'] }))).toBe('serial.is_lot')
    expect(checkSerial('L44', undefined, { lot: 'L42', knownLots: ['L41'] }).ok).toBe(true)
  })
  it('does not flag ordinary numeric serials', () => {
    expect(checkSerial('0101', { charset: 'numeric' }, { gtin }).ok).toBe(true)
    expect(checkSerial('6789', { charset: 'numeric' }, { gtin }).ok).toBe(true)
  })
})

describe('serial rules (property)', () => {
  const alnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'), minLength: 1, maxLength: 30 })

  it('never throws, whatever the serial and rule', () => {
    const ruleArb = fc.record(
      {
        minLength: fc.integer({ min: -2, max: 200 }),
        maxLength: fc.integer({ min: -2, max: 200 }),
        charset: fc.constantFrom('numeric', 'alphanumeric', 'cset82', 'bogus') as fc.Arbitrary<SerialRule['charset']>,
        prefix: fc.string({ maxLength: 5 }),
        pattern: fc.string({ maxLength: 30 })
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), ruleArb, fc.string({ maxLength: 20 }), (serial, rule, lot) => {
        expect(() => checkSerial(serial, rule, { gtin: '09521234543213', lot, knownLots: [lot] })).not.toThrow()
        expect(() => validateSerialRule(rule)).not.toThrow()
      }),
      { numRuns: 2000 }
    )
  })

  it('a serial built to the rule passes it; one character more fails maxLength', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 10 }), alnum, (min, extra, body) => {
        const max = min + extra
        const serial = ('SN' + body + 'X'.repeat(max)).slice(0, Math.max(min, Math.min(max, 2 + body.length)))
        const rule: SerialRule = { minLength: min, maxLength: max, charset: 'alphanumeric', prefix: serial.startsWith('SN') ? 'SN' : undefined }
        if (rule.prefix === undefined) delete rule.prefix
        expect(checkSerial(serial, rule).ok).toBe(true)
        expect(code(checkSerial(serial + 'Z'.repeat(max - serial.length + 1), rule))).toBe('serial.too_long')
      }),
      { numRuns: 500 }
    )
  })

  // A backtracking engine takes minutes on these (165 s was seen); the bound only has to tell linear from that.
  it('pattern matching stays linear on adversarial input at the length cap', () => {
    const start = Date.now()
    for (const pattern of ['[A-Z]*\\d*[A-Z]*X', '[AB]\\d*[CD]*E', '.*.*.*=', '\\w+\\d+\\w{2,}!']) {
      const rule = { pattern }
      expect(validateSerialRule(rule).ok).toBe(true)
      checkSerial('A'.repeat(MAX_SERIAL_LENGTH - 1) + '!', rule)
    }
    expect(Date.now() - start).toBeLessThan(15_000)
  })

  it('the GTIN in any form is always refused, whatever the rule allows', () => {
    const gtinArb = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 }).map((body) => {
      let sum = 0
      for (let i = 0; i < 13; i++) sum += (body.charCodeAt(12 - i) - 48) * (i % 2 === 0 ? 3 : 1)
      return body + ((10 - (sum % 10)) % 10)
    })
    fc.assert(
      fc.property(gtinArb, (gtin14) => {
        const r = checkSerial(gtin14, { charset: 'numeric', minLength: 1, maxLength: 20 }, { gtin: gtin14 })
        expect(code(r)).toBe('serial.is_gtin')
        if (gtin14.startsWith('0')) expect(code(checkSerial(gtin14.slice(1), { charset: 'numeric' }, { gtin: gtin14 }))).toBe('serial.is_gtin')
      }),
      { numRuns: 500 }
    )
  })
})
