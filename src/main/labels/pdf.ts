/**
 * PDF renderer for office printers: single labels (page = label) or sheets (labels in a grid on A4 or
 * Letter). Barcodes are encoded by bwip-js (`raw`: the module matrix / bar widths) and drawn as vector
 * rectangles straight into the content stream, so a 1,000-label run stays fast and sharp at any zoom.
 * Rectangles are written as raw content-stream text (one stream per page), not as pdf-lib operator
 * objects: a 1,000-label sheet has ~300,000 of them. Text uses Helvetica (WinAnsi); characters it cannot show are printed as "?".
 */
import bwipjs from 'bwip-js/node'
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib'
import { bwipInput } from '../../shared/codes/gs1'
import type { LabelLayout, LayoutItem } from './layout'
import { hriText } from './layout'

const PT_PER_MM = 72 / 25.4

export interface SheetOptions {
  paper: 'a4' | 'letter'
  /** Page margin in mm; default 8. */
  margin?: number
  /** Gap between labels in mm; default 2. */
  gap?: number
}

export interface PdfOptions {
  /** Omitted: one page per label, page size = label size. */
  sheet?: SheetOptions
  title?: string
}

const PAPER = { a4: [210, 297], letter: [215.9, 279.4] } as const

type Raw2d = { pixs: number[]; pixx: number; pixy: number }
type Raw1d = { sbs: number[] }

interface Ctx {
  page: PDFPage
  /** Raw content-stream text for this page's filled rectangles. */
  ops: string[]
  font: PDFFont
  bold: PDFFont
  /** Label origin (top-left) in PDF points from the page's bottom-left. */
  ox: number
  oy: number
}

/** Replaces characters Helvetica (WinAnsi) cannot encode. */
function winAnsi(font: PDFFont, text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text
  let out = ''
  for (const ch of text) {
    try {
      font.encodeText(ch)
      out += ch
    } catch {
      out += '?'
    }
  }
  return out
}

const n = (v: number): string => (Math.round(v * 1000) / 1000).toString()

/** A filled rectangle in label mm (top-left origin) as content-stream text. */
function rect(ctx: Ctx, xMm: number, yMm: number, wMm: number, hMm: number): void {
  ctx.ops.push(`${n(ctx.ox + xMm * PT_PER_MM)} ${n(ctx.oy - (yMm + hMm) * PT_PER_MM)} ${n(wMm * PT_PER_MM)} ${n(hMm * PT_PER_MM)} re\n`)
}

/** Writes the page's rectangles as one compressed content stream, filled black. */
function flush(doc: PDFDocument, ctx: Ctx): void {
  if (ctx.ops.length === 0) return
  const stream = doc.context.flateStream(`q 0 g\n${ctx.ops.join('')}f Q\n`)
  ctx.page.node.addContentStream(doc.context.register(stream))
  ctx.ops.length = 0
}

function drawMatrix(ctx: Ctx, x: number, y: number, module: number, raw: Raw2d): void {
  for (let r = 0; r < raw.pixy; r++) {
    let c = 0
    while (c < raw.pixx) {
      if (!raw.pixs[r * raw.pixx + c]) {
        c++
        continue
      }
      const start = c
      while (c < raw.pixx && raw.pixs[r * raw.pixx + c]) c++
      rect(ctx, x + start * module, y + r * module, (c - start) * module, module)
    }
  }
}

function drawBars(ctx: Ctx, x: number, y: number, module: number, height: number, raw: Raw1d): number {
  let at = x
  raw.sbs.forEach((w, i) => {
    if (i % 2 === 0) rect(ctx, at, y, w * module, height)
    at += w * module
  })
  return at - x
}

function drawText(ctx: Ctx, x: number, y: number, heightMm: number, text: string, bold: boolean, widthMm?: number, lines = 1, align: 'left' | 'center' | 'right' = 'left'): void {
  const font = bold ? ctx.bold : ctx.font
  const size = heightMm * PT_PER_MM * 1.35 // ZPL height is the cell; Helvetica's cap height is ~0.72 em
  const safe = winAnsi(font, text)
  const maxW = widthMm === undefined ? Infinity : widthMm * PT_PER_MM
  const words = safe.split(' ')
  const out: string[] = []
  let line = ''
  for (const w of words) {
    const next = line ? `${line} ${w}` : w
    if (font.widthOfTextAtSize(next, size) <= maxW || line === '') line = next
    else {
      out.push(line)
      line = w
    }
  }
  out.push(line)
  const shown = out.slice(0, lines)
  shown.forEach((l, i) => {
    let s = l
    while (s.length > 1 && font.widthOfTextAtSize(s, size) > maxW) s = s.slice(0, -1)
    const tw = font.widthOfTextAtSize(s, size)
    const dx = align === 'left' || maxW === Infinity ? 0 : align === 'center' ? (maxW - tw) / 2 : maxW - tw
    ctx.page.drawText(s, { x: ctx.ox + x * PT_PER_MM + dx, y: ctx.oy - (y + heightMm * (i + 1) + heightMm * 0.15 * i) * PT_PER_MM, size, font, color: rgb(0, 0, 0) })
  })
}

function drawItem(ctx: Ctx, el: LayoutItem, labelWidth: number): void {
  switch (el.kind) {
    case 'text':
      drawText(ctx, el.x, el.y, el.height, el.text, el.bold, el.width ?? labelWidth - el.x - 1, el.lines ?? 1, el.align)
      return
    case 'gs1-datamatrix': {
      const input = bwipInput('gs1datamatrix', el.elements)
      if (!input.ok) throw new Error(input.error.message)
      const raw = bwipjs.raw('gs1datamatrix', input.value.text, input.value.parse ? { parse: true } : {}) as Raw2d[]
      drawMatrix(ctx, el.x, el.y, el.module, raw[0]!)
      return
    }
    case 'gs1-128':
    case 'code128': {
      let raw: Raw1d[]
      if (el.kind === 'gs1-128') {
        const input = bwipInput('gs1-128', el.elements)
        if (!input.ok) throw new Error(input.error.message)
        raw = bwipjs.raw('gs1-128', input.value.text, input.value.parse ? { parse: true } : {}) as Raw1d[]
      } else raw = bwipjs.raw('code128', el.text, {}) as Raw1d[]
      drawBars(ctx, el.x, el.y, el.module, el.height, raw[0]!)
      if (el.hri) drawText(ctx, el.x, el.y + el.height + 0.6, el.hri, el.kind === 'gs1-128' ? hriText(el.elements) : el.text, false)
      return
    }
    case 'box': {
      const t = el.thickness
      rect(ctx, el.x, el.y, el.width, t)
      rect(ctx, el.x, el.y + el.height - t, el.width, t)
      rect(ctx, el.x, el.y, t, el.height)
      rect(ctx, el.x + el.width - t, el.y, t, el.height)
      return
    }
    case 'line':
      if (el.direction === 'horizontal') rect(ctx, el.x, el.y, el.length, el.thickness)
      else rect(ctx, el.x, el.y, el.thickness, el.length)
      return
    case 'image': {
      const width = el.rows[0]!.length * 4
      const pixs: number[] = []
      for (const row of el.rows) for (let xx = 0; xx < width; xx++) pixs.push((parseInt(row[xx >> 2]!, 16) >> (3 - (xx & 3))) & 1)
      drawMatrix(ctx, el.x, el.y, el.pixel, { pixs, pixx: width, pixy: el.rows.length })
      return
    }
  }
}

/** Renders labels to one PDF: a page per label, or a sheet grid. */
export async function renderPdf(layouts: readonly LabelLayout[], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(options.title ?? 'Dockside labels')
  doc.setProducer('Dockside')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  if (!options.sheet) {
    for (const l of layouts) {
      const page = doc.addPage([l.width * PT_PER_MM, l.height * PT_PER_MM])
      const ctx: Ctx = { page, ops: [], font, bold, ox: 0, oy: l.height * PT_PER_MM }
      for (const el of l.items) drawItem(ctx, el, l.width)
      flush(doc, ctx)
    }
  } else {
    const [pw, ph] = PAPER[options.sheet.paper]
    const margin = options.sheet.margin ?? 8
    const gap = options.sheet.gap ?? 2
    let page: PDFPage | undefined
    let slot = 0
    const ops: string[] = []
    for (const l of layouts) {
      const cols = Math.max(1, Math.floor((pw - 2 * margin + gap) / (l.width + gap)))
      const rows = Math.max(1, Math.floor((ph - 2 * margin + gap) / (l.height + gap)))
      if (!page || slot >= cols * rows) {
        if (page) flush(doc, { page, ops, font, bold, ox: 0, oy: 0 })
        page = doc.addPage([pw * PT_PER_MM, ph * PT_PER_MM])
        slot = 0
      }
      const cx = margin + (slot % cols) * (l.width + gap)
      const cy = margin + Math.floor(slot / cols) * (l.height + gap)
      const ctx: Ctx = { page, ops, font, bold, ox: cx * PT_PER_MM, oy: (ph - cy) * PT_PER_MM }
      for (const el of l.items) drawItem(ctx, el, l.width)
      slot++
    }
    if (page) flush(doc, { page, ops, font, bold, ox: 0, oy: 0 })
  }
  return doc.save({ useObjectStreams: true })
}
