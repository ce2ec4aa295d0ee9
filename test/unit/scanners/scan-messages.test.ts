import { describe, expect, it } from 'vitest'
import { classifyScan } from '../../../src/shared/codes/gs1/index'
import type { ScanResult } from '../../../src/shared/contract-areas/scans'
import { english } from '../../../src/shared/messages/catalog'
import { ES } from '../../../src/renderer/i18n/messages/index'
import { scanFeedbackMessage } from '../../../src/renderer/scan/scan-messages'

function result(over: Partial<ScanResult>): ScanResult {
  return {
    journalId: 1,
    deviceId: 'wedge',
    source: 'wedge',
    terminalId: 'main',
    at: '2026-12-02T10:00:00.000Z',
    text: null,
    bytes: 0,
    symbology: null,
    outcome: 'accepted',
    tone: 'good',
    code: 'scan.plain',
    params: {},
    classification: null,
    workflow: 'default',
    ...over
  }
}

describe('the scan flash line', () => {
  it('words a rejection from its code and parameters, in the operator language', () => {
    const r = result({ outcome: 'rejected', tone: 'bad', code: 'scan.too_long', params: { bytes: 5000, limit: 4096 } })
    expect(scanFeedbackMessage(r, 'en')).toBe(english(r))
    expect(scanFeedbackMessage(r, 'es')).not.toBe(scanFeedbackMessage(r, 'en'))
    expect(scanFeedbackMessage(r, 'es-ES')).toContain('5000')
  })

  it('words a parser refusal the same way (the code the parser gave)', () => {
    const c = classifyScan(']C10109521234543214')
    if (c.kind !== 'invalid') throw new Error('expected an invalid scan')
    const r = result({ outcome: 'rejected', tone: 'bad', code: c.error.code, params: c.error.params ?? {}, classification: c })
    expect(scanFeedbackMessage(r, 'en').startsWith(c.error.message)).toBe(true)
    expect(ES[c.error.code as keyof typeof ES]).toBeDefined()
    expect(scanFeedbackMessage(r, 'es')).not.toContain(c.error.message)
  })

  it('a bad check digit also says what to do next', () => {
    const c = classifyScan(']C10109521234543214')
    if (c.kind !== 'invalid') throw new Error('expected an invalid scan')
    const r = result({ outcome: 'rejected', tone: 'bad', code: c.error.code, params: c.error.params ?? {}, classification: c })
    expect(scanFeedbackMessage(r, 'en')).toMatch(/check digit should be 3.*Scan it again; if it fails again.*type the number printed under the barcode/)
    expect(scanFeedbackMessage(r, 'es')).toMatch(/Vuelva a escanear/)
  })

  it('a good scan a workflow acted on says what happened, not the element string', () => {
    const c = classifyScan(']d201095212345432131727063010L42\u001d21SN1')
    const r = result({ code: 'receiving.order_opened', params: { order: 'ASN-2001', status: 'receiving', received: 3, expected: 60 }, classification: c, workflow: 'receiving' })
    expect(scanFeedbackMessage(r, 'en')).toBe('ASN-2001 opened (receiving): 3 of 60 received. Scan units or a pallet.')
    expect(scanFeedbackMessage(r, 'en')).not.toContain('(01)')
    expect(scanFeedbackMessage(r, 'es')).toContain('ASN-2001')
  })

  it('a good GS1 scan: what it identifies, not the raw element string', () => {
    const c = classifyScan(']d201095212345432131727063010L42\u001d21SN1')
    const text = scanFeedbackMessage(result({ code: 'scan.gs1', params: { text: '' }, classification: c }), 'en')
    expect(text).toContain('09521234543213')
    expect(text).toContain('SN1')
    expect(text).toContain('L42')
    expect(text).toContain('2027')
    expect(text).not.toContain('(01)')
    expect(scanFeedbackMessage(result({ code: 'scan.gs1', params: { text: '' }, classification: c }), 'es')).toContain('30/06/2027')
  })

  it('an SSCC, and GS1 data without a trade item or unit load (the elements)', () => {
    expect(scanFeedbackMessage(result({ code: 'scan.gs1', classification: classifyScan(']C100106141412345678908') }), 'en')).toContain('106141412345678908')
    expect(scanFeedbackMessage(result({ code: 'scan.gs1', classification: classifyScan('(414)9521234543213') }), 'en')).toContain('(414)')
  })

  it('plain text, and an outcome code the flash does not know (shown as the code)', () => {
    expect(scanFeedbackMessage(result({ classification: classifyScan('BIN-A-01') }), 'en')).toContain('BIN-A-01')
    expect(scanFeedbackMessage(result({ outcome: 'rejected', code: 'gate.someday', params: {} }), 'es')).toBe('gate.someday')
  })
})
