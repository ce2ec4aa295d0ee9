import { describe, expect, it } from 'vitest'
import { buildSscc, gs1CheckDigit, isValidGs1CheckDigit, normalizeGtin } from '../../../src/shared/codes/checkdigit'

describe('GS1 mod-10 check digit', () => {
  it('accepts the GenSpecs examples', () => {
    for (const code of ['80614141123458', '09521234543213', '106141412345678908', '4012345678901', '96385074', '036000291452']) {
      expect(isValidGs1CheckDigit(code)).toBe(true)
    }
  })
  it('computes the digit with weights 3,1,3… from the right', () => {
    expect(gs1CheckDigit('0952123454321')).toBe(3)
    expect(gs1CheckDigit('10614141234567890')).toBe(8)
    expect(gs1CheckDigit('12A')).toBeUndefined()
    expect(gs1CheckDigit('')).toBeUndefined()
  })
  it('refuses wrong digits and non-digits', () => {
    expect(isValidGs1CheckDigit('09521234543214')).toBe(false)
    expect(isValidGs1CheckDigit('0952123454321X')).toBe(false)
    expect(isValidGs1CheckDigit('5')).toBe(false)
  })
})

describe('normalizeGtin', () => {
  it('pads GTIN-8/12/13 to 14 digits', () => {
    expect(normalizeGtin('96385074')).toEqual({ ok: true, value: '00000096385074' })
    expect(normalizeGtin('036000291452')).toEqual({ ok: true, value: '00036000291452' })
    expect(normalizeGtin('9521234543213')).toEqual({ ok: true, value: '09521234543213' })
    expect(normalizeGtin('80614141123458')).toEqual({ ok: true, value: '80614141123458' })
  })
  it('refuses bad lengths, characters and check digits', () => {
    expect(normalizeGtin('123456789').ok).toBe(false)
    expect(normalizeGtin('0952123454321A').ok).toBe(false)
    const bad = normalizeGtin('09521234543214')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('gtin.check_digit')
  })
})

describe('buildSscc', () => {
  it('builds the GenSpecs SSCC', () => {
    expect(buildSscc('0614141', 1, '234567890')).toEqual({ ok: true, value: '106141412345678908' })
  })
  it('checks the ranges', () => {
    expect(buildSscc('06141', 1, '12345678901').ok).toBe(false) // prefix too short
    expect(buildSscc('0614141234567', 1, '123').ok).toBe(false) // prefix too long
    expect(buildSscc('0614141', 1, '12345678').ok).toBe(false) // prefix + reference ≠ 16
    expect(buildSscc('0614141', 10, '123456789').ok).toBe(false)
    expect(buildSscc('061414', '0', '1234567890').ok).toBe(true)
  })
})
