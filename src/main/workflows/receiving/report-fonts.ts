import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PDFDocument, PDFFont } from 'pdf-lib'

/**
 * The report's fonts: DejaVu Sans Condensed (regular and bold), embedded and subset. The PDF standard
 * fonts are WinAnsi only, so Spanish names survived but an en dash, a Polish or Czech supplier name, or
 * a Greek lot printed as "?". DejaVu covers Latin, Greek and Cyrillic; condensed keeps wide tables on A4.
 */
export interface ReportFonts {
  regular: PDFFont
  bold: PDFFont
}

let cached: { regular: Uint8Array; bold: Uint8Array } | null = null

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  cached = { regular: readFileSync(join(dir, 'DejaVuSansCondensed.ttf')), bold: readFileSync(join(dir, 'DejaVuSansCondensed-Bold.ttf')) }
  return cached
}

export async function embedReportFonts(doc: PDFDocument): Promise<ReportFonts> {
  const { default: fontkit } = await import('@pdf-lib/fontkit')
  doc.registerFontkit(fontkit)
  const bytes = fontBytes()
  return { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) }
}

/** Characters the font has no glyph for (emoji, CJK) become "?" instead of breaking the PDF. */
const glyphSets = new WeakMap<PDFFont, Set<number>>()

export function printable(font: PDFFont, text: string): string {
  let set = glyphSets.get(font)
  if (!set) glyphSets.set(font, (set = new Set(font.getCharacterSet())))
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    out += cp < 0x20 || cp === 0x7f ? ' ' : set.has(cp) ? ch : '?'
  }
  return out
}
