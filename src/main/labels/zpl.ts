/**
 * ZPL II renderer: a layout (millimetres) → one `^XA…^XZ` label for a 203, 300 or 600 dpi printer.
 * `^CI28` (UTF-8) on every label; every variable field goes through `^FH` hex escapes (zpl-escape.ts);
 * barcodes are printer-drawn (no per-label raster), so a unit label stays well under 2 KB.
 */
import type { LabelLayout, LayoutItem } from './layout'
import { hriText } from './layout'
import { code128Data, dataMatrixGs1Data, DM_ESCAPE, escapeFieldData, FH, fieldData, gs1_128Tokens } from './zpl-escape'

export const SUPPORTED_DPI = [203, 300, 600] as const
export type Dpi = (typeof SUPPORTED_DPI)[number]

export const isDpi = (n: number): n is Dpi => (SUPPORTED_DPI as readonly number[]).includes(n)

/** Dots per millimetre as the printer counts them (8, 12, 24). */
export const dotsPerMm = (dpi: Dpi): number => (dpi === 203 ? 8 : dpi === 300 ? 12 : 24)

export interface ZplOptions {
  dpi: Dpi
  /** Copies of this label (`^PQ`); default 1. */
  copies?: number
}

const ALIGN = { left: 'L', center: 'C', right: 'R' } as const

function item(el: LayoutItem, d: (mm: number) => number, labelWidth: number): string {
  const fo = `^FO${d(el.x)},${d(el.y)}`
  switch (el.kind) {
    case 'text': {
      const h = Math.max(d(el.height), 10)
      const w = Math.round(h * (el.bold ? 1.0 : 0.85))
      const width = Math.max(d(el.width ?? labelWidth - el.x - 1), 1)
      return `${fo}^A0N,${h},${w}^FB${width},${el.lines ?? 1},0,${ALIGN[el.align]},0${fieldData(escapeFieldData(el.text))}`
    }
    case 'gs1-datamatrix':
      return `${fo}^BXN,${Math.max(d(el.module), 1)},200,0,0,6,${DM_ESCAPE},1^FH${FH}^FD${dataMatrixGs1Data(el.elements)}^FS`
    case 'gs1-128':
    case 'code128': {
      const module = Math.max(d(el.module), 1)
      const h = d(el.height)
      const data = code128Data(el.kind === 'gs1-128' ? gs1_128Tokens(el.elements) : [...el.text])
      let out = `${fo}^BY${module},3,${h}^BCN,${h},N,N,N,N^FH${FH}^FD${data}^FS`
      if (el.hri) {
        const th = Math.max(d(el.hri), 10)
        const hri = el.kind === 'gs1-128' ? hriText(el.elements) : el.text
        out += `\n^FO${d(el.x)},${d(el.y + el.height + 0.6)}^A0N,${th},${Math.round(th * 0.8)}^FB${Math.max(d(labelWidth - el.x - 1), 1)},1,0,L,0${fieldData(escapeFieldData(hri))}`
      }
      return out
    }
    case 'box': {
      const t = Math.max(d(el.thickness), 1)
      return `${fo}^GB${Math.max(d(el.width), t)},${Math.max(d(el.height), t)},${t},B,${el.rounding}^FS`
    }
    case 'line': {
      const t = Math.max(d(el.thickness), 1)
      const len = Math.max(d(el.length), t)
      return el.direction === 'horizontal' ? `${fo}^GB${len},${t},${t}^FS` : `${fo}^GB${t},${len},${t}^FS`
    }
    case 'image':
      return `${fo}${graphicField(el.rows, Math.max(d(el.pixel), 1))}^FS`
  }
}

/** ZPL ASCII compression of one hex row: run counts G–Y (1–19) and g–z (20–400), "," = zeros to the end, "!" = ones. */
export function compressLine(hex: string): string {
  let end = hex.length
  while (end > 0 && hex[end - 1] === '0') end--
  const tail = end < hex.length ? ',' : ''
  let out = ''
  let i = 0
  while (i < end) {
    const c = hex[i]!
    let n = 1
    while (i + n < end && hex[i + n] === c) n++
    i += n
    while (n > 0) {
      const k = Math.min(n, 419)
      if (k > 1) {
        const high = Math.floor(k / 20)
        const low = k % 20
        out += (high ? String.fromCharCode(0x66 + high) : '') + (low ? String.fromCharCode(0x46 + low) : '')
      }
      out += c
      n -= k
    }
  }
  return out + tail
}

/** `^GFA` of a 1-bit image given as hex rows, each pixel scaled to `scale` dots. */
export function graphicField(rows: readonly string[], scale: number): string {
  const bitsWide = rows[0]!.length * 4
  const outBits = bitsWide * scale
  const bytesPerRow = Math.ceil(outBits / 8)
  let hex = ''
  for (const row of rows) {
    const bytes = new Uint8Array(bytesPerRow)
    for (let x = 0; x < bitsWide; x++) {
      const nibble = parseInt(row[x >> 2]!, 16)
      if (!((nibble >> (3 - (x & 3))) & 1)) continue
      for (let s = 0; s < scale; s++) {
        const ox = x * scale + s
        bytes[ox >> 3]! |= 0x80 >> (ox & 7)
      }
    }
    const line = compressLine(Buffer.from(bytes).toString('hex').toUpperCase())
    hex += line
    for (let s = 1; s < scale; s++) hex += ':' // ":" repeats the previous row
  }
  const total = bytesPerRow * rows.length * scale
  return `^GFA,${total},${total},${bytesPerRow},${hex}`
}

/** One label as ZPL II. */
export function renderZpl(layout: LabelLayout, options: ZplOptions): string {
  const dpmm = dotsPerMm(options.dpi)
  const d = (mm: number): number => Math.round(mm * dpmm)
  const parts = [`^XA^CI28^PW${d(layout.width)}^LL${d(layout.height)}^LH0,0^PON^FWN`]
  if (layout.epc) parts.push(`^RS8^RFW,H,,,A^FD${layout.epc.hex}^FS`)
  for (const el of layout.items) parts.push(item(el, d, layout.width))
  const copies = Math.max(1, Math.min(options.copies ?? 1, 9999))
  parts.push(`^PQ${copies},0,1,Y^XZ`)
  return parts.join('\n') + '\n'
}
