import { describe, expect, it } from 'vitest'
import { buildDigitalLink, parseGs1 } from '../../../src/shared/codes/gs1/index'

const NOW = new Date('2025-06-15T12:00:00Z')
const parse = (uri: string) => parseGs1(uri, { now: NOW })
const codeOf = (uri: string) => {
  const r = parse(uri)
  return r.ok ? 'ok' : r.error.code
}

describe('Digital Link parsing', () => {
  it('reads path key + qualifiers then query attributes, in URI order', () => {
    const r = parse('https://id.gs1.org/01/09521234543213/22/2A/10/ABC%2F1/21/S1?3103=000189&17=270630')
    expect(r.ok && r.value.elements).toEqual([
      { ai: '01', value: '09521234543213' },
      { ai: '22', value: '2A' },
      { ai: '10', value: 'ABC/1' },
      { ai: '21', value: 'S1' },
      { ai: '3103', value: '000189' },
      { ai: '17', value: '270630' }
    ])
    expect(r.ok && r.value.dlStem).toBe('https://id.gs1.org')
  })

  it('accepts upper-case scheme and host, any host, port and path stem', () => {
    expect(codeOf('HTTPS://ID.GS1.ORG/01/09521234543213')).toBe('ok')
    expect(codeOf('http://example.com/01/09521234543213')).toBe('ok')
    const r = parse('https://brand.example:8443/products/x/01/09521234543213/10/L1')
    expect(r.ok && r.value.dlStem).toBe('https://brand.example:8443/products/x')
    expect(codeOf('https://a/00/faux/00/106141412345678908')).toBe('ok') // stem may hold AI-like text
  })

  it('ignores the fragment and non-numeric query parameters, decodes + and %', () => {
    const r = parse('https://id.gs1.org/01/09521234543213?17=270630&utm_source=x&flag#frag?10=1')
    expect(r.ok && r.value.elements.map((e) => e.ai)).toEqual(['01', '17'])
    const s = parse('https://id.gs1.org/00/106141412345678908?400=PO%2B1%2f2')
    expect(s.ok && s.value.elements[1]).toEqual({ ai: '400', value: 'PO+1/2' })
    // "+" is a space in a query value, and a space is not GS1 data
    expect(codeOf('https://id.gs1.org/00/106141412345678908?400=PO+1')).toBe('gs1.charset')
  })

  it('refuses the invalid forms GS1 names', () => {
    expect(codeOf('HttpS://id.gs1.org/01/09521234543213')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01/09521234543213/')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01//09521234543213')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org//01/09521234543213')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01/09521234543213?17=')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01/09521234543213/21/S/10/L')).toBe('gs1.dl_path') // order
    expect(codeOf('https://id.gs1.org/00/106141412345678908/21/S')).toBe('gs1.dl_path') // not a qualifier of 00
    expect(codeOf('https://id.gs1.org/01/09521234543213?10=L')).toBe('gs1.dl_path') // belongs in the path
    expect(codeOf('https://id.gs1.org/01/09521234543213?9999=1')).toBe('gs1.unknown_ai')
    expect(codeOf('https://id.gs1.org/01/09521234543213?17=270630&17=270630')).toBe('gs1.duplicate_ai')
    expect(codeOf('https://id.gs1.org/01/0952123454321%')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01/09521234543214')).toBe('gs1.check_digit')
    expect(codeOf('https://id.gs1.org/about')).toBe('gs1.dl_no_key')
    expect(codeOf('https:///01/09521234543213')).toBe('gs1.dl_syntax')
    expect(codeOf('https://id.gs1.org/01/0952 1234543213')).toBe('gs1.dl_syntax')
  })

  it('accepts DL in ]d1 / ]Q1', () => {
    const r = parseGs1(']Q1https://id.gs1.org/01/09521234543213/21/ABC?17=270630', { now: NOW })
    expect(r.ok && r.value.symbology).toBe(']Q1')
    expect(r.ok && r.value.fields).toMatchObject({ gtin: '09521234543213', serial: 'ABC', expiry: '2027-06-30' })
  })
})

describe('Digital Link building', () => {
  it('puts the key and its qualifiers in order in the path, the rest in the query', () => {
    const r = buildDigitalLink([
      { ai: '17', value: '270630' },
      { ai: '21', value: 'A/B' },
      { ai: '01', value: '09521234543213' },
      { ai: '10', value: 'L 1'.replace(' ', '%') }
    ])
    expect(r).toEqual({ ok: true, value: 'https://id.gs1.org/01/09521234543213/10/L%251/21/A%2FB?17=270630' })
  })

  it('uses the given base and refuses data without a key', () => {
    expect(buildDigitalLink([{ ai: '00', value: '106141412345678908' }], { base: 'https://example.com/s/' })).toEqual({
      ok: true,
      value: 'https://example.com/s/00/106141412345678908'
    })
    const r = buildDigitalLink([{ ai: '400', value: 'PO1' }])
    expect(r.ok).toBe(false)
  })
})
