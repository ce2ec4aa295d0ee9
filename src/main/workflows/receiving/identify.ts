import { isValidGs1CheckDigit, normalizeGtin } from '../../../shared/codes/checkdigit'
import { decodeEpc } from '../../../shared/codes/epc/index'
import type { ScanClassification } from '../../../shared/codes/gs1/index'
import type { ParamValue } from '../../../shared/messages/format'

type Params = Record<string, ParamValue>

/** The parameters of a parser error (the shared codes give them; an older error only its English). */
export const paramsOf = (error: { message: string; params?: Params }): Params => error.params ?? { detail: error.message }

/** What a scan names, before any look-up: a unit, a product code alone, a plate, or plain text. */
export type Identity =
  | { kind: 'unit'; gtin: string; serial: string; lot: string | null; expiry: string | null; madeAt: string | null; via: 'gs1' | 'epc' }
  | { kind: 'gtin'; gtin: string; lot: string | null; expiry: string | null; madeAt: string | null; count: number | null }
  | { kind: 'sscc'; sscc: string; via: 'gs1' | 'plain' | 'epc' }
  | { kind: 'order'; number: string }
  | { kind: 'location'; gln: string }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; code: string; params: Params }

const EPC_HEX = /^(?:[0-9A-Fa-f]{4}){6,16}$/

/** An EPC read (RFID) as a hex string: SGTIN → unit, SSCC-96 → plate; anything else → null. */
export function identifyEpc(text: string): Identity | null {
  if (!EPC_HEX.test(text)) return null
  const epc = decodeEpc(text)
  if (!epc.ok) return null
  const v = epc.value
  if (v.scheme === 'sgtin-96' || v.scheme === 'sgtin-198') return { kind: 'unit', gtin: v.gtin, serial: v.serial, lot: null, expiry: null, madeAt: null, via: 'epc' }
  if (v.scheme === 'sscc-96') return { kind: 'sscc', sscc: v.sscc, via: 'epc' }
  return null
}

export function identify(c: ScanClassification): Identity {
  if (c.kind === 'invalid') return { kind: 'invalid', code: c.error.code, params: paramsOf(c.error as { message: string; params?: Params }) }
  if (c.kind === 'gs1') {
    const f = c.fields
    if (f.sscc) return { kind: 'sscc', sscc: f.sscc, via: 'gs1' }
    const madeAt = f.productionDate ?? null
    if (f.gtin && f.serial) return { kind: 'unit', gtin: f.gtin, serial: f.serial, lot: f.lot ?? null, expiry: f.expiry ?? null, madeAt, via: 'gs1' }
    if (f.gtin) return { kind: 'gtin', gtin: f.gtin, lot: f.lot ?? null, expiry: f.expiry ?? null, madeAt, count: countOf(f) }
    if (f.orderNumber) return { kind: 'order', number: f.orderNumber }
    if (f.gln) return { kind: 'location', gln: f.gln }
    return { kind: 'invalid', code: 'receiving.unsupported_gs1', params: {} }
  }
  const text = c.text.trim()
  if (text.length === 0) return { kind: 'invalid', code: 'scan.empty', params: {} }
  return { kind: 'text', text }
}

/** Plain digits that form a valid SSCC (18 digits with a good check digit). */
export const isPlainSscc = (text: string): boolean => /^\d{18}$/.test(text) && isValidGs1CheckDigit(text)

/** Plain digits that form a valid GTIN-8/12/13/14 → its 14-digit form, else null. */
export function plainGtin(text: string): string | null {
  if (!/^(\d{8}|\d{12,14})$/.test(text)) return null
  const g = normalizeGtin(text)
  return g.ok ? g.value : null
}

/** Units a GTIN scan stands for: AI 37 (count of trade items in a logistic unit) or AI 30 (variable count). */
function countOf(f: { count?: number; quantity?: number }): number | null {
  const n = f.count ?? f.quantity
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}
