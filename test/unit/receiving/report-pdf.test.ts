import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderReportPdf, type ReportData } from '../../../src/main/workflows/receiving/report-pdf'

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0

const data: ReportData = {
  order: { number: 'ASN-2001', kind: 'asn', poNumber: 'PO-1001', supplier: 'Zakłady Łódź – Muñoz & Søn (SUP-ŁDZ)', status: 'closed', createdAt: '2026-06-28T08:00:00.000Z', closedAt: '2026-06-28T11:30:00.000Z' },
  stationId: 'st-1',
  closedBy: 'José Ñúñez',
  note: 'Palé dañado — revisado',
  generatedAt: '2026-06-28T11:30:01.000Z',
  lines: [
    { lineId: 1, lineNo: 1, itemId: 1, sku: 'MON-27-BLK', gtin: null, description: 'Monitor 27″ — black', tracking: 'serial', lot: 'B7788', expected: 60, received: 51, over: 0, short: 9, damaged: 1, noLabel: 2 }
  ],
  exceptions: [{ at: '2026-06-28T09:12:03.120Z', reason: 'no_label', sku: 'MON-27-BLK', serial: 'MN-Ω-1', code: null, qty: 1, note: 'Etiqueta ilegible 漢', operator: 'Ana García' }],
  missing: [{ sku: 'MON-27-BLK', serial: 'MN00004060', lot: 'B7788', plate: null }],
  missingPlates: [],
  totals: { expected: 60, received: 51, over: 0, short: 9, damaged: 1, noLabel: 2, exceptions: 1 }
}

describe('the discrepancy report PDF', () => {
  it.skipIf(!hasPdftotext)('shows dashes, Spanish and Central European names, and whole column headers', async () => {
    const bytes = await renderReportPdf(data)
    const dir = mkdtempSync(join(tmpdir(), 'dockside-report-'))
    const file = join(dir, 'report.pdf')
    writeFileSync(file, bytes)
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(out.status, out.stderr).toBe(0)
    const text = out.stdout
    for (const words of ['Receiving discrepancy report — ASN-2001', 'Zakłady Łódź – Muñoz & Søn', 'José Ñúñez', 'Palé dañado — revisado', 'Monitor 27″ — black', 'MN-Ω-1', 'Ana García']) {
      expect(text).toContain(words)
    }
    for (const header of ['Expected', 'Received', 'Short', 'Damaged', 'No', 'label', 'Operator', 'Serial / code']) expect(text).toContain(header)
    expect(text).not.toMatch(/Expec…|Recei…|Dama…/)
    // A CJK character has no glyph in the font: one "?" where it stood, and nowhere else.
    expect(text.match(/\?/g)).toHaveLength(1)
    expect(text).toContain('Etiqueta ilegible ?')
  })

  it.skipIf(!hasPdftotext)('embeds its fonts as subsets, so it prints the same on any machine', async () => {
    const bytes = Buffer.from(await renderReportPdf(data))
    const file = join(mkdtempSync(join(tmpdir(), 'dockside-report-')), 'report.pdf')
    writeFileSync(file, bytes)
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts.status, fonts.stderr).toBe(0)
    const rows = fonts.stdout.split('\n').filter((l) => /DejaVuSansCondensed/.test(l))
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row).toMatch(/Identity-H\s+yes\b/) // embedded
    // Subset: the two whole fonts are ~1.3 MB; pdf-lib's subsets carry no "ABCDEF+" tag, so size shows it.
    expect(bytes.length).toBeLessThan(200_000)
  })
})
