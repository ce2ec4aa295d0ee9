import type { ScanClassification } from '../../shared/codes/gs1/index'

/** One line for logs and the journal: `(01)09521234543213 (21)ABC` or the plain text. */
export function formatScanMessage(c: ScanClassification): string {
  if (c.kind === 'gs1') return c.elements.map((e) => `(${e.ai})${e.value}`).join(' ')
  if (c.kind === 'plain') return c.text.replaceAll('\u001d', '<GS>')
  return c.error.message
}
