import { describe, expect, it } from 'vitest'
import { createLabelService } from '../../../src/main/labels'
import { code128Data, escapeFieldData } from '../../../src/main/labels/zpl-escape'
import { zplToPng } from '../../../src/main/labels/png'
import { decodePng } from './decode'

const labels = createLabelService()
const HOSTILE = '^XZ^XA^FO0,0^GB2000,2000,2000^FS^XZ~JA~HS "quoted" \\& ünïcödé 😀🚚 <>'

/** Field data of every `^FD…^FS` in a label. */
const fields = (zpl: string): string[] => [...zpl.matchAll(/\^FD(.*?)\^FS/gs)].map((m) => m[1]!)

describe('operator text can never inject ZPL', () => {
  it('escapes ^, ~ and \\ and every non-ASCII byte as ^FH hex', () => {
    const e = escapeFieldData(HOSTILE)
    expect(e).not.toMatch(/[\^~]/)
    expect(e.replace(/\\[0-9A-F]{2}/g, '')).not.toContain('\\')
    // Decoding the escapes gives the text back, byte for byte (UTF-8 with ^CI28).
    const back = Buffer.from(e.replace(/\\([0-9A-F]{2})|([^\\])/g, (_m, h: string | undefined, c: string | undefined) => (h ? String.fromCharCode(parseInt(h, 16)) : c!)), 'latin1').toString('utf8')
    expect(back).toBe(HOSTILE)
  })

  it('keeps hostile text inside its field: one label, the commands are ours, the barcodes unchanged', async () => {
    const r = await labels.render('unit', { gtin: '09521234543213', serial: 'SN1', description: HOSTILE }, 'png', 203)
    if (!r.ok) throw new Error(r.error.message)
    const zpl = r.value.zpl
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
    expect(zpl).not.toContain('~')
    for (const f of fields(zpl)) expect(f).not.toMatch(/[\^~]/)
    // Every field with variable data declares ^FH.
    expect(zpl.match(/(?<!\^FH\\)\^FD/g)).toBeNull()
    const decoded = await decodePng(r.value.bytes)
    expect(decoded.map((d) => d.text).sort()).toEqual(['(01)09521234543213(21)SN1', 'SN1'])
    // The injected ^GB2000,2000,2000 (a black square over everything) did not happen: the label is mostly white.
    const { default: zlibPng } = await import('./png-ink')
    expect(zlibPng(r.value.bytes)).toBeLessThan(0.25)
  })

  it('refuses 5,000 characters with a reason naming the field, and truncates only where the template says so', () => {
    const long = 'x'.repeat(5000)
    const unit = labels.zpl('unit', { gtin: '09521234543213', serial: 'SN1', description: long })
    expect(unit.ok).toBe(false)
    if (!unit.ok) {
      expect(unit.error).toMatchObject({ code: 'label.too_long', params: { field: 'description', length: 5000, max: 120 }, details: { field: 'description' } })
    }
    const bin = labels.zpl('bin', { location: 'A-1', description: long })
    expect(bin.ok).toBe(true)
    if (bin.ok) expect(bin.value.layout.data.description).toHaveLength(60)
  })

  it('refuses control characters and turns pasted line breaks into spaces', () => {
    const bad = labels.zpl('unit', { gtin: '09521234543213', serial: 'SN1', description: 'a\u0003b' })
    expect(!bad.ok && bad.error).toMatchObject({ code: 'label.control_character', params: { field: 'description', char: 'U+0003', position: 2 } })
    const nl = labels.zpl('unit', { gtin: '09521234543213', serial: 'SN1', description: 'line1\r\nline2' })
    expect(nl.ok && nl.value.layout.data.description).toBe('line1 line2')
  })

  it('refuses a serial or location that would not be GS1 / Code 128 data', () => {
    const serial = labels.zpl('unit', { gtin: '09521234543213', serial: 'SN^XZ' })
    expect(!serial.ok && serial.error.details?.field).toBe('serial')
    const loc = labels.zpl('bin', { location: 'Almacén ^A' })
    expect(!loc.ok && loc.error.details?.field).toBe('location')
  })

  it('writes ^ ~ > in plain Code 128 as invocation codes, never raw', () => {
    expect(code128Data([...'A^B~C>D\\E'])).toBe('>:A><B>=C>0D\\5CE')
  })

  it('prints the escaped text as text (round trip through the renderer)', async () => {
    const zpl = `^XA^CI28^PW400^LL100^FO10,10^BY2^BCN,60,N,N,N,N^FH\\^FD${code128Data([...'A^B~C>D\\E'])}^FS^XZ`
    const decoded = await decodePng(await zplToPng(zpl, 50, 12.5, 203))
    expect(decoded[0]?.text).toBe('A^B~C>D\\E')
  })
})
