import type { PDFFont, PDFPage } from 'pdf-lib'
import type { LineCounts } from '../../../shared/contract-areas/receiving'
import { embedReportFonts, printable } from './report-fonts'

/** Everything the discrepancy report shows; plain data so it can cross to a worker thread. */
export interface ReportData {
  order: { number: string; kind: string; poNumber: string | null; supplier: string | null; status: string; createdAt: string; closedAt: string | null }
  stationId: string
  closedBy: string | null
  note: string | null
  generatedAt: string
  lines: LineCounts[]
  exceptions: Array<{ at: string; reason: string; sku: string | null; serial: string | null; code: string | null; qty: number; note: string | null; operator: string | null }>
  /** Serials on the ASN/PO that were not received. */
  missing: Array<{ sku: string; serial: string; lot: string | null; plate: string | null }>
  /** Expected pallets/cases that were not received by their SSCC (some of their units may have been). */
  missingPlates: string[]
  totals: { expected: number; received: number; over: number; short: number; damaged: number; noLabel: number; exceptions: number }
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 40
/** Every table's column widths add up to this: A4 less both margins. */
export const PRINTABLE_WIDTH = A4[0] - 2 * MARGIN

/**
 * The discrepancy report as a PDF (A4, DejaVu Sans Condensed embedded): header, totals, lines,
 * exceptions, missing serials. Column widths add up to the printable width; headers wrap, cells shorten.
 */
export async function renderReportPdf(data: ReportData): Promise<Uint8Array> {
  const { PDFDocument, rgb } = await import('pdf-lib') // on first use: pdf-lib is heavy to load
  const doc = await PDFDocument.create()
  doc.setTitle(`Receiving report ${data.order.number}`)
  doc.setProducer('Dockside')
  doc.setCreationDate(new Date(data.generatedAt))
  const { regular: font, bold } = await embedReportFonts(doc)
  let page: PDFPage = doc.addPage(A4)
  let y = A4[1] - MARGIN
  let pageNo = 1

  const footer = () => page.drawText(printable(font, `${data.order.number} — page ${pageNo}`), { x: MARGIN, y: 20, size: 8, font, color: rgb(0.4, 0.4, 0.4) })
  const newPage = () => {
    footer()
    page = doc.addPage(A4)
    pageNo++
    y = A4[1] - MARGIN
  }
  const ensure = (h: number) => {
    if (y - h < MARGIN) newPage()
  }
  const fit = (text: string, f: PDFFont, size: number, width: number): string => {
    let t = printable(f, text)
    if (f.widthOfTextAtSize(t, size) <= width) return t
    while (t.length > 1 && f.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1)
    return `${t}…`
  }
  const text = (s: string, opts: { size?: number; f?: PDFFont; x?: number; color?: [number, number, number] } = {}) => {
    const size = opts.size ?? 10
    ensure(size + 4)
    const c = opts.color ?? [0, 0, 0]
    page.drawText(fit(s, opts.f ?? font, size, A4[0] - 2 * MARGIN), { x: opts.x ?? MARGIN, y: y - size, size, font: opts.f ?? font, color: rgb(c[0], c[1], c[2]) })
    y -= size + 4
  }
  /** A header cell's words over as many lines as it needs (at most two; then shortened). */
  const wrap = (label: string, f: PDFFont, size: number, width: number): string[] => {
    const lines: string[] = []
    for (const word of label.split(' ')) {
      const last = lines.at(-1)
      if (last !== undefined && f.widthOfTextAtSize(`${last} ${word}`, size) <= width) lines[lines.length - 1] = `${last} ${word}`
      else lines.push(word)
    }
    return lines.length <= 2 ? lines : [lines[0]!, lines.slice(1).join(' ')]
  }
  const table = (headers: string[], widths: number[], rows: string[][], highlight?: (row: string[]) => boolean) => {
    const size = 8
    const drawHeader = () => {
      const wrapped = headers.map((h, i) => wrap(h, bold, size, widths[i]! - 4))
      const height = Math.max(...wrapped.map((w) => w.length))
      ensure(height * (size + 2) + 2)
      let x = MARGIN
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => page.drawText(fit(line, bold, size, widths[i]! - 4), { x, y: y - size - j * (size + 2), size, font: bold, color: rgb(0, 0, 0) }))
        x += widths[i]!
      })
      y -= height * (size + 2) + 2
    }
    const drawRow = (cells: string[], f: PDFFont, red: boolean) => {
      ensure(size + 4)
      let x = MARGIN
      cells.forEach((cell, i) => {
        page.drawText(fit(cell, f, size, widths[i]! - 4), { x, y: y - size, size, font: f, color: red ? rgb(0.75, 0, 0) : rgb(0, 0, 0) })
        x += widths[i]!
      })
      y -= size + 4
    }
    drawHeader()
    for (const r of rows) {
      if (y - (size + 4) < MARGIN) {
        newPage()
        drawHeader()
      }
      drawRow(r, font, highlight?.(r) ?? false)
    }
    y -= 6
  }

  text(`Receiving discrepancy report — ${data.order.number}`, { size: 16, f: bold })
  text(`${data.order.kind.toUpperCase()}${data.order.poNumber && data.order.poNumber !== data.order.number ? ` (PO ${data.order.poNumber})` : ''} · supplier ${data.order.supplier ?? '—'} · status ${data.order.status}`)
  text(`Closed ${data.order.closedAt ?? '—'}${data.closedBy ? ` by ${data.closedBy}` : ''} · station ${data.stationId} · generated ${data.generatedAt}`, { size: 8, color: [0.3, 0.3, 0.3] })
  if (data.note) text(`Note: ${data.note}`)
  y -= 6
  const t = data.totals
  const clean = t.over === 0 && t.short === 0 && t.damaged === 0 && t.exceptions === 0 && data.missing.length === 0
  text(
    `Expected ${t.expected} · received ${t.received} · over ${t.over} · short ${t.short} · damaged ${t.damaged} · no label ${t.noLabel} · exceptions ${t.exceptions}`,
    { f: bold, size: 11, color: clean ? [0, 0.45, 0] : [0.75, 0, 0] }
  )
  text(clean ? 'No discrepancies.' : 'Discrepancies found: see below.', { size: 10 })
  y -= 8

  text('Lines', { f: bold, size: 12 })
  table(
    ['Line', 'SKU', 'Description', 'Lot', 'Expected', 'Received', 'Over', 'Short', 'Damaged', 'No label'],
    [26, 70, 135, 56, 40, 42, 30, 32, 44, 40],
    data.lines.map((l) => [String(l.lineNo), l.sku, l.description, l.lot ?? '', String(l.expected), String(l.received), String(l.over), String(l.short), String(l.damaged), String(l.noLabel)]),
    (r) => r[6] !== '0' || r[7] !== '0' || r[8] !== '0'
  )
  if (data.exceptions.length) {
    text(`Exceptions (${data.exceptions.length})`, { f: bold, size: 12 })
    table(
      ['Time (UTC)', 'Reason', 'SKU', 'Serial / code', 'Qty', 'Operator', 'Note'],
      [70, 66, 70, 110, 24, 70, 105],
      data.exceptions.map((e) => [e.at.replace('T', ' ').slice(0, 16), e.reason.replace('_', ' '), e.sku ?? '', e.serial ?? e.code ?? '', String(e.qty), e.operator ?? '', e.note ?? ''])
    )
  }
  if (data.missingPlates.length) {
    text(`Expected plates not received by their SSCC (${data.missingPlates.length})`, { f: bold, size: 12 })
    for (let i = 0; i < data.missingPlates.length; i += 4) text(data.missingPlates.slice(i, i + 4).join('    '), { size: 9 })
    y -= 6
  }
  if (data.missing.length) {
    text(`Expected serials not received (${data.missing.length})`, { f: bold, size: 12 })
    table(
      ['SKU', 'Serial', 'Lot', 'Pallet / case'],
      [110, 170, 90, 145],
      data.missing.map((m) => [m.sku, m.serial, m.lot ?? '', m.plate ?? ''])
    )
  }
  footer()
  return doc.save()
}
