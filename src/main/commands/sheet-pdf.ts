import bwipjs from 'bwip-js/node'
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { commandPayload, type Command } from '../../shared/codes/commands'

/** One command on the sheet: its label (already in the operator's language) and its keyboard shortcut. */
export interface SheetEntry {
  command: Command
  label: string
  shortcut?: string | undefined
}

const MM = 72 / 25.4
const A4 = { w: 210, h: 297 }
const MARGIN = 15
const ROW = 30
const MODULE = 0.35
const BAR_HEIGHT = 14

interface Raw1d {
  sbs: number[]
}

/** Text the standard font can encode; anything else is shown as '?' (the labels come from the renderer). */
function encodable(font: PDFFont, text: string): string {
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

function drawBarcode(page: PDFPage, x: number, yTop: number, payload: string): void {
  const raw = (bwipjs.raw('code128', payload, {}) as Raw1d[])[0]!
  let at = x
  raw.sbs.forEach((w, i) => {
    if (i % 2 === 0) page.drawRectangle({ x: at * MM, y: (A4.h - yTop - BAR_HEIGHT) * MM, width: w * MODULE * MM, height: BAR_HEIGHT * MM, color: rgb(0, 0, 0) })
    at += w * MODULE
  })
}

/**
 * The command sheet of one screen (ADR 0016): a Code 128 barcode per command, with the label the
 * renderer supplied in the operator's language, the shortcut, and the payload in small print. A4.
 */
export async function renderCommandSheet(title: string, entries: readonly SheetEntry[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(title)
  doc.setProducer('Dockside')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const perPage = Math.floor((A4.h - 2 * MARGIN - 12) / ROW)
  for (let start = 0; start < entries.length; start += perPage) {
    const page = doc.addPage([A4.w * MM, A4.h * MM])
    page.drawText(encodable(bold, title), { x: MARGIN * MM, y: (A4.h - MARGIN - 6) * MM, size: 16, font: bold })
    entries.slice(start, start + perPage).forEach((e, i) => {
      const top = MARGIN + 12 + i * ROW
      const heading = e.shortcut ? `${e.label}   [${e.shortcut}]` : e.label
      page.drawText(encodable(bold, heading), { x: MARGIN * MM, y: (A4.h - top - 4.5) * MM, size: 12, font: bold })
      drawBarcode(page, MARGIN + 5, top + 7, commandPayload(e.command))
      page.drawText(commandPayload(e.command), { x: (MARGIN + 5) * MM, y: (A4.h - top - 7 - BAR_HEIGHT - 3.5) * MM, size: 7, font })
    })
  }
  return doc.save()
}
