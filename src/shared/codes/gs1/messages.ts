import type { AiEntry } from './types'

const KEY_NAMES: Record<string, string> = {
  '00': 'SSCC', '01': 'GTIN', '02': 'GTIN', '03': 'GTIN', '253': 'GDTI', '255': 'GCN', '402': 'GSIN',
  '410': 'GLN', '411': 'GLN', '412': 'GLN', '413': 'GLN', '414': 'GLN', '415': 'GLN', '416': 'GLN', '417': 'GLN',
  '8003': 'GRAI', '8006': 'ITIP', '8026': 'ITIP', '8013': 'GMN', '8014': 'MUDI', '8017': 'GSRN', '8018': 'GSRN'
}

/** How an operator knows the AI: GTIN, SSCC, GLN…, else its data title. */
export function labelOf(entry: AiEntry): string {
  return KEY_NAMES[entry.ai] ?? (entry.title || `AI ${entry.ai}`)
}

/** A character as an operator can read it in any language: GS and other control characters by code. */
export function showChar(ch: string): string {
  const c = ch.charCodeAt(0)
  if (c === 0x1d) return 'GS (0x1D)'
  if (c < 0x20 || c === 0x7f) return `0x${c.toString(16).toUpperCase().padStart(2, '0')}`
  if (c > 0x7e) return `"${ch}" (U+${c.toString(16).toUpperCase().padStart(4, '0')})`
  return `"${ch}"`
}

export function describeAi(entry: AiEntry): string {
  return entry.title ? `AI ${entry.ai} (${entry.title})` : `AI ${entry.ai}`
}

/** The start of some data for a message, in quotes; empty data stays empty (the message shows a dash). */
export const quoted = (text: string, n = 40): string => (text.length === 0 ? '' : `"${snippet(text, 0, n)}"`)

/** A stretch of the input for a message: at most `n` characters, control characters shown by code. */
export function snippet(text: string, start: number, n = 12): string {
  const part = text.slice(start, start + n)
  // eslint-disable-next-line no-control-regex
  const visible = part.replace(/[\u0000-\u001f\u007f]/g, (ch) => (ch === '\u001d' ? '<GS>' : `<0x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}>`))
  return start + n < text.length ? `${visible}…` : visible
}
