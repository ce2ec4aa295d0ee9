import { describe, expect, it } from 'vitest'
import { classifyScan } from '../../../src/shared/codes/gs1/index'

const GS = '\u001d'

describe('classifyScan', () => {
  it('GS1 data with a GS1 symbology id is gs1 or invalid, never plain', () => {
    expect(classifyScan(`]C1011231231231233310ABC123${GS}99TESTING\r\n`).kind).toBe('gs1')
    const bad = classifyScan(']C1011231231231233410ABC123')
    expect(bad.kind).toBe('invalid')
    expect(bad.kind === 'invalid' && bad.error.code).toBe('gs1.check_digit')
    expect(classifyScan(']d2XYZ').kind).toBe('invalid')
  })

  it('plain codes come back as plain text with their symbology', () => {
    expect(classifyScan('BIN-A-01-03')).toEqual({ kind: 'plain', text: 'BIN-A-01-03' })
    expect(classifyScan(']C0PO-4711')).toEqual({ kind: 'plain', text: 'PO-4711', symbology: ']C0' })
    expect(classifyScan(']Q1https://example.com/manual')).toEqual({ kind: 'plain', text: 'https://example.com/manual', symbology: ']Q1' })
    expect(classifyScan('12345')).toEqual({ kind: 'plain', text: '12345' })
  })

  it('Digital Links and bracketed text are recognised without a symbology id', () => {
    expect(classifyScan('https://id.gs1.org/01/09521234543213').kind).toBe('gs1')
    expect(classifyScan('https://id.gs1.org/01/09521234543213/').kind).toBe('invalid')
    expect(classifyScan('(01)09521234543213(21)A').kind).toBe('gs1')
  })

  it('optionally reads bare element strings and wedge substitutes', () => {
    expect(classifyScan('0109521234543213{GS}', { bareElementStrings: true }).kind).toBe('plain')
    const r = classifyScan('010952123454321321A{GS}10L', { bareElementStrings: true, gsSubstitutes: ['{GS}'] })
    expect(r.kind === 'gs1' && r.elements.length).toBe(3)
    expect(classifyScan('0109521234543213', { bareElementStrings: false }).kind).toBe('plain')
  })
})
