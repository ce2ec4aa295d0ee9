import { describe, expect, it } from 'vitest'
import { linkMessage } from '../../../src/main/devices/printers/zebra'
import { describeStatus, formatHostStatus, formatHqes, mergeExtended, parseHostStatus, parseHqes, statusMessage } from '../../../src/main/devices/printers/zebra-status'
import { parsePrinterUri } from '../../../src/main/devices/printers/printer-uri'

// A ~HS answer as a ZT410 sends it (paper out, paused; head closed), and one with the head open.
const HS_PAPER_OUT = '\u0002030,1,1,1245,000,0,0,0,000,0,0,0\u0003\r\n\u0002001,0,0,0,1,2,6,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n'
const HS_HEAD_OPEN = '\u0002030,0,0,1245,002,0,0,0,000,0,0,0\u0003\r\n\u0002001,0,1,0,1,2,6,0,00000003,1,000\u0003\r\n\u00021234,0\u0003\r\n'

describe('~HS / ~HQES parsing', () => {
  it('reads paper out and pause from line 1', () => {
    const s = parseHostStatus(HS_PAPER_OUT)
    expect(s.ok && s.value).toMatchObject({ ready: false, paperOut: true, paused: true, headOpen: false, ribbonOut: false, bufferFull: false })
    if (s.ok) expect(describeStatus(s.value)).toBe('out of paper, paused')
  })
  it('reads head open, formats in buffer and labels remaining', () => {
    const s = parseHostStatus(Buffer.from(HS_HEAD_OPEN, 'latin1'))
    expect(s.ok && s.value).toMatchObject({ ready: false, headOpen: true, paperOut: false, formatsInBuffer: 2, labelsRemaining: 3 })
  })
  it('is ready when no flag is set; round-trips the emulator’s answers', () => {
    const s = parseHostStatus(formatHostStatus({}))
    expect(s.ok && s.value.ready).toBe(true)
    for (const flag of ['paperOut', 'headOpen', 'paused', 'ribbonOut', 'bufferFull', 'partialFormat'] as const) {
      const r = parseHostStatus(formatHostStatus({ [flag]: true }))
      expect(r.ok && r.value[flag]).toBe(true)
    }
  })
  it('refuses incomplete or malformed answers', () => {
    expect(parseHostStatus(HS_PAPER_OUT.slice(0, 60)).ok).toBe(false)
    expect(parseHostStatus('\u0002a\u0003\u0002b\u0003\u0002c\u0003').ok).toBe(false)
    expect(parseHostStatus('').ok).toBe(false)
  })
  it('decodes ~HQES error and warning bits and merges them', () => {
    const text = '\u0002\r\n\r\n  PRINTER STATUS\r\n   ERRORS:         1 00000000 00000005\r\n   WARNINGS:       1 00000000 00000008\r\n\u0003\r\n'
    const x = parseHqes(text)
    expect(x.ok && x.value).toMatchObject({ mediaOut: true, headOpen: true, ribbonOut: false, errors: ['media out', 'head open'], warnings: ['paper near end'] })
    const hs = parseHostStatus(formatHostStatus({}))
    if (!hs.ok || !x.ok) throw new Error('parse')
    const none = parseHqes(formatHqes({}))
    expect(none.ok && none.value.errors).toEqual([])
    const merged = mergeExtended(hs.value, x.value)
    expect(merged).toMatchObject({ ready: false, paperOut: true, headOpen: true })
    expect(merged.errors).toEqual(['media out', 'head open'])
    // ~HS alone says paper out, ~HQES is clean: the extended errors still name it.
    const hsPaperOut = parseHostStatus(HS_PAPER_OUT)
    if (!hsPaperOut.ok || !none.ok) throw new Error('parse')
    expect(mergeExtended(hsPaperOut.value, none.value).errors).toEqual(['media out'])
    const unknown = parseHqes('ERRORS: 1 00000001 00000000\nWARNINGS: 0 00000000 00000000')
    expect(unknown.ok && unknown.value.errors).toEqual(['code 00000001 00000000'])
  })
})

describe('printer URIs', () => {
  it('parses tcp, usb, serial and lp addresses', () => {
    expect(parsePrinterUri('tcp://10.0.0.5:9100')).toEqual({ ok: true, value: { kind: 'tcp', host: '10.0.0.5', port: 9100 } })
    expect(parsePrinterUri('tcp://zebra-1')).toEqual({ ok: true, value: { kind: 'tcp', host: 'zebra-1', port: 9100 } })
    expect(parsePrinterUri('usb://0a5f:0166/D4J19')).toEqual({ ok: true, value: { kind: 'usb', vendorId: 0x0a5f, productId: 0x0166, serial: 'D4J19' } })
    expect(parsePrinterUri('usb://')).toEqual({ ok: true, value: { kind: 'usb', vendorId: 0x0a5f } })
    expect(parsePrinterUri('serial:///dev/ttyUSB0?baud=115200')).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } })
    expect(parsePrinterUri('lp://Zebra_ZD421')).toEqual({ ok: true, value: { kind: 'lp', queue: 'Zebra_ZD421' } })
  })
  it('refuses anything else with a reason', () => {
    for (const bad of ['10.0.0.5', 'http://x', 'tcp://host:99999', 'lp://a b', 'serial://dev', 'lp://q;rm -rf']) {
      const r = parsePrinterUri(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('printer.bad_uri')
    }
  })

  it('words a status and a link failure as message codes for the operator', () => {
    const paper = parseHostStatus(HS_PAPER_OUT)
    const head = parseHostStatus(HS_HEAD_OPEN)
    if (!paper.ok || !head.ok) throw new Error('parse')
    expect(statusMessage(head.value)).toEqual({ code: 'printer.state.head_open', params: {} })
    expect(statusMessage(paper.value)).toEqual({ code: 'printer.state.several', params: { count: 2 } })
    expect(statusMessage({ ...head.value, headOpen: false, ready: true })).toEqual({ code: 'printer.state.ready', params: {} })
    expect(linkMessage('printer.no_answer', 'tcp://p:9100', 500)).toEqual({ code: 'printer.no_answer', params: { printer: 'tcp://p:9100', ms: 500 } })
    expect(linkMessage('printer.usb_unavailable', 'usb://0a5f')).toEqual({ code: 'printer.link_failed', params: { printer: 'usb://0a5f', reason: 'printer.usb_unavailable' } })
  })
})
