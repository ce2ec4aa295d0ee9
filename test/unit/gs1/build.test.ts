import { describe, expect, it } from 'vitest'
import { buildHri, buildScanData, bwipInput, parseGs1 } from '../../../src/shared/codes/gs1/index'

const GS = '\u001d'
const ELEMENTS = [
  { ai: '01', value: '09521234543213' },
  { ai: '21', value: 'ABC' },
  { ai: '17', value: '270630' },
  { ai: '10', value: 'L(1)' }
]

describe('builders', () => {
  it('hri escapes parentheses', () => {
    expect(buildHri(ELEMENTS)).toEqual({ ok: true, value: '(01)09521234543213(21)ABC(17)270630(10)L\\(1\\)' })
  })

  it('scan puts GS after variable-length values except the last', () => {
    expect(buildScanData(ELEMENTS)).toEqual({ ok: true, value: `]d20109521234543213` + `21ABC${GS}17270630` + `10L(1)` })
    expect(buildScanData(ELEMENTS, { symbology: ']C1', predefinedFirst: true })).toEqual({
      ok: true,
      value: `]C10109521234543213` + `17270630` + `21ABC${GS}10L(1)`
    })
    const back = parseGs1(`]d20109521234543213` + `21ABC${GS}17270630` + `10L(1)`)
    expect(back.ok && back.value.elements).toEqual(ELEMENTS)
  })

  it('refuses invalid elements with the parser’s codes', () => {
    const r = buildHri([{ ai: '01', value: '09521234543214' }])
    expect(!r.ok && r.error.code).toBe('gs1.check_digit')
    const s = buildScanData([{ ai: '21', value: 'X' }])
    expect(!s.ok && s.error.code).toBe('gs1.pairing')
    const t = buildHri([{ ai: '2399', value: 'X' }])
    expect(!t.ok && t.error.code).toBe('gs1.unknown_ai')
  })

  it('bwip-js input uses bracketed AIs and ^040/^041 for parentheses', () => {
    expect(bwipInput('gs1datamatrix', ELEMENTS.slice(0, 2))).toEqual({
      ok: true,
      value: { bcid: 'gs1datamatrix', text: '(01)09521234543213(21)ABC' }
    })
    expect(bwipInput('gs1-128', ELEMENTS)).toEqual({
      ok: true,
      value: { bcid: 'gs1-128', text: '(01)09521234543213(21)ABC(17)270630(10)L^0401^041', parse: true }
    })
  })
})
