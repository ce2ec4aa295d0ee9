import type { ScanResult } from '../../shared/contract-areas/scans'

type T = (key: string, options?: Record<string, unknown>) => string

/** The line the operator reads on the flash: the identity for good scans, the reason for bad ones. */
export function scanFeedbackMessage(r: ScanResult, t: T): string {
  const c = r.classification
  if (r.outcome === 'rejected' || r.outcome === 'warning') {
    const known = t(`scanCode.${r.code}`, { defaultValue: '' })
    return known || r.message
  }
  if (c?.kind === 'gs1') return c.elements.map((e) => `(${e.ai}) ${e.value}`).join('  ')
  if (c?.kind === 'plain') return t('scan.plain', { text: c.text })
  return r.message
}
