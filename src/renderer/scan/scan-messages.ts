import type { ScanClassification } from '../../shared/codes/gs1/classify'
import type { ScanResult } from '../../shared/contract-areas/scans'
import { renderMessage, type MessageLike } from '../../shared/messages/catalog'
import type { Language } from '../../shared/model/station'
import { MESSAGE_TABLES } from '../i18n/messages'

type Gs1Scan = Extract<ScanClassification, { kind: 'gs1' }>
type Say = (message: MessageLike) => string

/** What a GS1 scan identifies, in a few words: "GTIN 09521234543213 · serial ABC · exp. 30/06/2027". */
export function describeGs1(c: Gs1Scan, say: Say): string {
  const f = c.fields
  const parts: MessageLike[] = []
  if (f.sscc) parts.push({ code: 'scan.identity_sscc', params: { sscc: f.sscc } })
  if (f.gtin) parts.push({ code: 'scan.identity_gtin', params: { gtin: f.gtin } })
  if (f.serial) parts.push({ code: 'scan.identity_serial', params: { serial: f.serial } })
  if (f.lot) parts.push({ code: 'scan.identity_lot', params: { lot: f.lot } })
  if (f.expiry) parts.push({ code: 'scan.identity_expiry', params: { expiry: f.expiry } })
  else if (f.bestBefore) parts.push({ code: 'scan.identity_best_before', params: { bestBefore: f.bestBefore } })
  // Neither a trade item nor a unit load (a GLN, a GRAI…): the elements themselves.
  if (parts.length === 0) return c.elements.map((e) => `(${e.ai}) ${e.value}`).join('  ')
  return parts.map(say).join(' · ')
}

/** Outcomes that only say the scan was read: no workflow acted on it, so the flash names what it is. */
const PARSE_ONLY_CODES: ReadonlySet<string> = new Set(['scan.gs1', 'scan.plain'])

/** What the operator can do next, for refusals whose reason alone leaves them stuck. */
const NEXT_STEP: Readonly<Record<string, string>> = { 'gs1.check_digit': 'scan.hint.check_digit' }

/**
 * The line the operator reads on the flash: for a good scan what happened (the workflow's outcome, e.g.
 * "Received … on ASN-2001") or, when nothing acted on it, what it identifies; the reason (and the next
 * step) for a bad one.
 */
export function scanFeedbackMessage(r: ScanResult, language: string): string {
  const lang: Language = language.startsWith('es') ? 'es' : 'en'
  const say: Say = (message) => renderMessage(MESSAGE_TABLES[lang], message, { locale: lang })
  if (r.outcome === 'rejected' || r.outcome === 'warning') {
    const hint = NEXT_STEP[r.code]
    return hint ? `${say(r)} ${say({ code: hint, params: {} })}` : say(r)
  }
  if (!PARSE_ONLY_CODES.has(r.code)) return say(r)
  const c = r.classification
  if (c?.kind === 'gs1') return describeGs1(c, say)
  if (c?.kind === 'plain') return say({ code: 'scan.plain', params: { text: c.text } })
  return say(r)
}
