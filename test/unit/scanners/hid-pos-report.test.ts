import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildScannerReportDescriptor,
  buildScanReports,
  DescriptorError,
  DOCUMENTED_LAYOUT,
  HidPosAssembler,
  layoutFromDescriptor,
  parseReportDescriptor
} from '../../../src/main/devices/scanners/hid-pos-report'

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1')

/** A 64-byte input report as node-hid returns it: report id kept. */
function report(data: number[], options: { aim?: string; more?: boolean; vendor?: [number, number] } = {}): Uint8Array {
  const r = new Uint8Array(64)
  r[0] = 0x02
  r[1] = data.length
  if (options.aim) r.set(ascii(options.aim), 2)
  r.set(data, 5)
  r[61] = options.vendor?.[0] ?? 0x00
  r[62] = options.vendor?.[1] ?? 0x49
  r[63] = options.more ? 0x01 : 0x00
  return r
}

describe('HID POS input reports (documented layout)', () => {
  it('reads a single-report GS1-128 scan with its AIM id 5D 43 31 = ]C1', () => {
    const data = ascii('011231231231233310ABC123\x1d99TESTING')
    const r = report(data, { aim: ']C1' })
    expect([...r.subarray(0, 5)]).toEqual([0x02, data.length, 0x5d, 0x43, 0x31])
    const a = new HidPosAssembler(DOCUMENTED_LAYOUT)
    const out = a.feed(r)
    expect(out).toEqual({ kind: 'scan', data: Uint8Array.from(data), symbology: ']C1' })
  })

  it('joins reports while bit 0 of the last byte says more follow', () => {
    const full = ascii('https://id.gs1.org/01/09521234543213/21/SN-A7F92KQ81/10/LOT-2026-06-05-ABCDEFGHIJ?17=270630&3103=000189')
    expect(full.length).toBeGreaterThan(56)
    const first = report(full.slice(0, 56), { aim: ']Q1', more: true })
    const second = report(full.slice(56), { aim: ']Q1' })
    const a = new HidPosAssembler(DOCUMENTED_LAYOUT)
    expect(a.feed(first)).toEqual({ kind: 'partial' })
    expect(a.pending()).toBe(true)
    const out = a.feed(second)
    expect(out.kind).toBe('scan')
    expect(text((out as { data: Uint8Array }).data)).toBe(String.fromCharCode(...full))
    expect(out).toMatchObject({ symbology: ']Q1' })
    expect(a.pending()).toBe(false)
  })

  it('has no symbology when the AIM bytes are zero', () => {
    const out = new HidPosAssembler(DOCUMENTED_LAYOUT).feed(report(ascii('12345')))
    expect(out).toEqual({ kind: 'scan', data: Uint8Array.from(ascii('12345')) })
  })

  it('ignores other report ids and rejects a count larger than the data region', () => {
    const a = new HidPosAssembler(DOCUMENTED_LAYOUT)
    const other = report(ascii('X'))
    other[0] = 0x04
    expect(a.feed(other).kind).toBe('ignored')
    const bad = report(ascii('X'))
    bad[1] = 200
    expect(a.feed(bad)).toMatchObject({ kind: 'rejected', code: 'hid.bad_report' })
    expect(a.feed(Uint8Array.from([0x02, 0x05]))).toMatchObject({ kind: 'rejected', code: 'hid.bad_report' })
  })

  it('rejects a scan longer than the cap once its last report arrives, then reads the next scan', () => {
    const a = new HidPosAssembler(DOCUMENTED_LAYOUT, 100)
    const reports = buildScanReports(new Uint8Array(300).fill(0x41), { aim: ']C0' })
    const results = reports.map((r) => a.feed(r))
    expect(results.slice(0, -1).every((r) => r.kind === 'partial')).toBe(true)
    expect(results.at(-1)).toMatchObject({ kind: 'rejected', code: 'scan.too_long' })
    expect(a.feed(report(ascii('OK'))).kind).toBe('scan')
  })

  it('discard() hands back a half scan (unplug mid-scan)', () => {
    const a = new HidPosAssembler(DOCUMENTED_LAYOUT)
    a.feed(report(ascii('PART'), { more: true }))
    expect(text(a.discard()!)).toBe('PART')
    expect(a.discard()).toBeNull()
  })
})

describe('HID report descriptor (usage page 0x8C)', () => {
  it('parses a spec-format scanner descriptor into the documented 64-byte layout', () => {
    const parsed = parseReportDescriptor(buildScannerReportDescriptor())
    expect(parsed.applications).toEqual([(0x8c << 16) | 0x02])
    expect(parsed.reportIds).toEqual([0x02, 0xfe])
    const inputBits = parsed.fields.filter((f) => f.type === 'input' && f.reportId === 2).reduce((n, f) => Math.max(n, f.bitOffset + f.bitSize * f.count), 0)
    expect(inputBits / 8 + 1).toBe(64)
    const feature = parsed.fields.find((f) => f.type === 'feature')
    expect(feature).toMatchObject({ reportId: 0xfe, bitSize: 8, count: 1 })
    const layout = layoutFromDescriptor(parsed)!
    expect({ ...layout, source: 'documented' }).toEqual(DOCUMENTED_LAYOUT)
    expect(layout.source).toBe('descriptor')
  })

  it('follows a device whose layout is shifted by one byte', () => {
    const layout = layoutFromDescriptor(parseReportDescriptor(buildScannerReportDescriptor({ shiftBytes: 1 })))!
    expect(layout).toMatchObject({ countOffset: 2, aimOffsets: [3, 4, 5], dataOffset: 6, dataLength: 55, continued: { byte: 63, bit: 0 } })
    const reports = buildScanReports(Uint8Array.from(ascii('0109521234543213')), { aim: ']C1', layout })
    expect(reports[0]![1]).toBe(0)
    expect(new HidPosAssembler(layout).feed(reports[0]!)).toMatchObject({ kind: 'scan', symbology: ']C1' })
  })

  it('handles a descriptor without report ids (no id byte in reports)', () => {
    const d = [...buildScannerReportDescriptor()]
    const at = d.indexOf(0x85)
    d.splice(at, 2) // drop Report ID (2)
    const cut = d.lastIndexOf(0x85)
    const noFeature = d.slice(0, cut - 3).concat([0xc0]) // drop the feature report block
    const layout = layoutFromDescriptor(parseReportDescriptor(Uint8Array.from(noFeature)))!
    expect(layout).toMatchObject({ reportId: 0, countOffset: 0, aimOffsets: [1, 2, 3], dataOffset: 4, continued: { byte: 62, bit: 0 } })
  })

  it('returns null for a keyboard descriptor and throws DescriptorError on broken ones', () => {
    const keyboard = Uint8Array.from([0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0xc0])
    expect(layoutFromDescriptor(parseReportDescriptor(keyboard))).toBeNull()
    expect(() => parseReportDescriptor(Uint8Array.from([0x05, 0x8c, 0xa1, 0x01]))).toThrow(DescriptorError)
    expect(() => parseReportDescriptor(Uint8Array.from([0x26, 0xff]))).toThrow(DescriptorError)
    expect(() => parseReportDescriptor(Uint8Array.from([0xc0]))).toThrow(DescriptorError)
  })

  it('fuzz: descriptor parser never throws anything but DescriptorError, never hangs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          const parsed = parseReportDescriptor(bytes)
          layoutFromDescriptor(parsed)
        } catch (error) {
          expect(error).toBeInstanceOf(DescriptorError)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('fuzz: mutated real descriptors either parse or fail with DescriptorError', () => {
    const base = buildScannerReportDescriptor()
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (edits) => {
        const d = Uint8Array.from(base)
        for (const [i, v] of edits) d[i] = v
        try {
          layoutFromDescriptor(parseReportDescriptor(d))
        } catch (error) {
          expect(error).toBeInstanceOf(DescriptorError)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('fuzz: random reports never throw; a scan is never longer than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 40 }), (reports) => {
        const a = new HidPosAssembler(DOCUMENTED_LAYOUT, 200)
        for (const r of reports) {
          const out = a.feed(r)
          if (out.kind === 'scan') expect(out.data.length).toBeLessThanOrEqual(200)
        }
      }),
      { numRuns: 1000 }
    )
  })

  it('fuzz: any scan split into reports comes back byte for byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (data) => {
        const a = new HidPosAssembler(DOCUMENTED_LAYOUT)
        const results = buildScanReports(data, { aim: ']d2' }).map((r) => a.feed(r))
        const last = results.at(-1)!
        expect(last).toMatchObject({ kind: 'scan', symbology: ']d2' })
        expect(Buffer.from((last as { data: Uint8Array }).data).equals(Buffer.from(data))).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
