import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { createLabelService } from '../../../src/main/labels'
import { renderPdf } from '../../../src/main/labels/pdf'
import { decodePng } from './decode'

const labels = createLabelService()

/** PDF → PNG pages with poppler's pdftoppm. */
function rasterize(pdf: Uint8Array, dpi = 300): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-pdf-'))
  writeFileSync(join(dir, 'in.pdf'), pdf)
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-gray', join(dir, 'in.pdf'), join(dir, 'page')])
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => readFileSync(join(dir, f)))
}

const CASES = [
  { template: 'unit', data: { gtin: '09521234543213', serial: 'SN-A7F92KQ81', lot: 'L42', expiry: '2027-06-30', description: 'Monitor 27" ünï 😀' }, expect: ['(01)09521234543213(17)270630(21)SN-A7F92KQ81(10)L42', 'SN-A7F92KQ81'] },
  { template: 'sscc', data: { sscc: '106141412345678908', description: 'Pallet' }, expect: ['(00)106141412345678908'] },
  { template: 'bin', data: { location: 'A-01-02-B' }, expect: ['A-01-02-B'] },
  { template: 'rfid-unit', data: { gtin: '80614141123458', serial: '6789' }, expect: ['(01)80614141123458(21)6789', '6789'] }
]

describe('PDF (pdf-lib + bwip-js) → pdftoppm → zxing-wasm', () => {
  for (const c of CASES) {
    it(`${c.template}: decoded data equals the label data`, async () => {
      const r = await labels.render(c.template, c.data, 'pdf')
      if (!r.ok) throw new Error(r.error.message)
      const [page] = rasterize(r.value.bytes)
      const decoded = await decodePng(page!)
      expect(decoded.map((d) => d.text).sort()).toEqual([...c.expect].sort())
      const gs1 = decoded.find((d) => d.aim === ']d2' || d.aim === ']C1')
      if (c.template !== 'bin') expect(gs1).toBeDefined() // GS1 symbology (FNC1 first), not plain data
    })
  }

  it('lays out a sheet of labels on A4, every label decodable', async () => {
    const layouts = Array.from({ length: 8 }, (_, i) => {
      const l = labels.layout('unit', { gtin: '09521234543213', serial: `S${i + 1}` })
      if (!l.ok) throw new Error(l.error.message)
      return l.value
    })
    const pdf = await renderPdf(layouts, { sheet: { paper: 'a4' } })
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(1) // 2 columns × 5 rows of 76.2 × 50.8 mm fit on A4
    const decoded = await decodePng(rasterize(pdf, 300)[0]!, 32)
    const serials = decoded.filter((d) => d.aim === ']C0').map((d) => d.text)
    expect(serials.sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'])
  })
})
