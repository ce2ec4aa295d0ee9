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

export function where(ai: string, position: number): string {
  return `(AI ${ai} at position ${position})`
}

/** A character as an operator can read it: GS and other control characters by name or code. */
export function showChar(ch: string): string {
  const c = ch.charCodeAt(0)
  if (c === 0x1d) return 'GS (0x1D)'
  if (c < 0x20 || c === 0x7f) return `control character 0x${c.toString(16).toUpperCase().padStart(2, '0')}`
  if (c > 0x7e) return `"${ch}" (U+${c.toString(16).toUpperCase().padStart(4, '0')})`
  return `"${ch}"`
}

export function describeAi(entry: AiEntry): string {
  return entry.title ? `AI ${entry.ai} (${entry.title})` : `AI ${entry.ai}`
}
