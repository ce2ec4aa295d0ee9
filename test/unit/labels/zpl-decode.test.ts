import { describe, expect, it } from 'vitest'
import { createLabelService } from '../../../src/main/labels'
import { hriText } from '../../../src/main/labels/layout'
import { zplToPng } from '../../../src/main/labels/png'
import { SUPPORTED_DPI } from '../../../src/main/labels/zpl'
import { decodePng } from './decode'

const labels = createLabelService()

const UNIT = { gtin: '09521234543213', serial: 'SN-A7F92KQ81', lot: 'L42/B', expiry: '2027-06-30', description: 'Monitor 27" black' }
const RFID = { gtin: '80614141123458', serial: '6789', lot: 'L1', description: 'Tagged unit' }

const CASES = [
  { template: 'unit', data: UNIT, expect: [{ aim: ']d2', text: '(01)09521234543213(17)270630(21)SN-A7F92KQ81(10)L42/B' }, { aim: ']C0', text: 'SN-A7F92KQ81' }] },
  { template: 'unit', data: { gtin: '9521234543213', serial: '12345678' }, expect: [{ aim: ']d2', text: '(01)09521234543213(21)12345678' }, { aim: ']C0', text: '12345678' }] },
  { template: 'sscc', data: { sscc: '106141412345678908', description: 'Mixed pallet' }, expect: [{ aim: ']C1', text: '(00)106141412345678908' }] },
  { template: 'bin', data: { location: 'A-01-02-B', description: 'Aisle A' }, expect: [{ aim: ']C0', text: 'A-01-02-B' }] },
  { template: 'rfid-unit', data: RFID, expect: [{ aim: ']d2', text: '(01)80614141123458(21)6789(10)L1' }, { aim: ']C0', text: '6789' }] }
] as const

describe('ZPL → zpl-renderer-js → zxing-wasm: decoded data equals the unit’s GS1 data', () => {
  for (const c of CASES) {
    for (const dpi of SUPPORTED_DPI) {
      it(`${c.template} at ${dpi} dpi (${Object.keys(c.data).join('+')})`, async () => {
        const r = await labels.render(c.template, c.data, 'png', dpi)
        if (!r.ok) throw new Error(r.error.message)
        const decoded = await decodePng(r.value.bytes)
        const got = decoded.map((d) => ({ aim: d.aim, text: d.text })).sort((a, b) => a.aim.localeCompare(b.aim))
        expect(got).toEqual([...c.expect].sort((a, b) => a.aim.localeCompare(b.aim)))
        // The barcode carries exactly the layout's GS1 elements (what the queue and the audit log record).
        const gs1 = r.value.layout.items.find((i) => i.kind === 'gs1-datamatrix' || i.kind === 'gs1-128')
        if (gs1 && (gs1.kind === 'gs1-datamatrix' || gs1.kind === 'gs1-128')) expect(c.expect[0].text).toBe(hriText(gs1.elements))
      })
    }
  }

  it('keeps a unit label under 2 KB of ZPL with no raster', () => {
    for (const dpi of SUPPORTED_DPI) {
      const z = labels.zpl('unit', { ...UNIT, description: 'x'.repeat(120) }, dpi)
      if (!z.ok) throw new Error(z.error.message)
      expect(Buffer.byteLength(z.value.zpl)).toBeLessThan(2048)
      expect(z.value.zpl).not.toContain('^GF')
      expect(z.value.zpl.startsWith('^XA^CI28')).toBe(true)
    }
  })

  it('writes the SGTIN-96 EPC on RFID labels with ^RS and ^RFW', () => {
    const z = labels.zpl('rfid-unit', RFID, 203)
    if (!z.ok) throw new Error(z.error.message)
    expect(z.value.zpl).toContain('^RS8')
    // TDS appendix E: 3.0614141.812345.6789 is 3074257BF7194E4000001A85; with filter 1 (POS item) 0x74 → 0x34.
    expect(z.value.zpl).toContain('^RFW,H,,,A^FD3034257BF7194E4000001A85^FS')
    expect(z.value.layout.epc?.tagUri).toBe('urn:epc:tag:sgtin-96:1.0614141.812345.6789')
  })

  it('refuses an RFID label whose serial cannot be an SGTIN-96', () => {
    const z = labels.zpl('rfid-unit', { ...RFID, serial: 'A12' }, 203)
    expect(z.ok).toBe(false)
    if (!z.ok) expect(z.error.details?.field).toBe('serial')
  })

  it('encodes serials with ZPL-special characters literally (GS1 CSET 82: > _ " %)', async () => {
    const data = { gtin: '09521234543213', serial: 'A>B_C"D%E' }
    const r = await labels.render('unit', data, 'png', 203)
    if (!r.ok) throw new Error(r.error.message)
    const decoded = await decodePng(r.value.bytes)
    expect(decoded.find((d) => d.aim === ']d2')?.text).toBe('(01)09521234543213(21)A>B_C"D%E')
    expect(decoded.find((d) => d.aim === ']C0')?.text).toBe('A>B_C"D%E')
  })

  it('renders a GS1-128 with FNC1 separators between variable-length AIs', async () => {
    const { gs1_128Tokens, code128Data } = await import('../../../src/main/labels/zpl-escape')
    const data = code128Data(gs1_128Tokens([{ ai: '01', value: '09521234543213' }, { ai: '10', value: 'AB12' }, { ai: '21', value: '123456' }]))
    // Start C + FNC1, GTIN in pairs, "10", then subset B for the lot, FNC1 and the rest.
    expect(data).toBe('>;>8010952123454321310>6AB12>821123456')
    const zpl = `^XA^CI28^PW800^LL300^FO30,30^BY2,3,120^BCN,120,N,N,N,N^FH\\^FD${data}^FS^XZ`
    const decoded = await decodePng(await zplToPng(zpl, 100, 37.5, 203))
    expect(decoded).toEqual([{ format: 'Code128', aim: ']C1', text: '(01)09521234543213(10)AB12(21)123456' }])
  })
})
