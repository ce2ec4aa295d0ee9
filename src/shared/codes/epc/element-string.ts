import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { hasValidCheckDigit } from './check-digit'
import { isCset82 } from './uri'

/**
 * Minimal strict parser for the bracketed GS1 element strings an EPC carries:
 * (00) SSCC, (01) GTIN, (21) serial, (414) GLN, (254) GLN extension, (8003) GRAI.
 * Any other AI is refused. A variable-length value ends at the next `(NN)`..`(NNNN)`.
 */
export type EpcAi = '00' | '01' | '21' | '414' | '254' | '8003'

const FIXED: Partial<Record<EpcAi, number>> = { '00': 18, '01': 14, '414': 13 }
const KNOWN = new Set<string>(['00', '01', '21', '414', '254', '8003'])
const NEXT_AI = /\(\d{2,4}\)/g

export const notIdentity = (position: number | null, found: string, details?: Record<string, unknown>): Result<never> =>
  fail('epc.element_string', { position, found }, details)

export function parseEpcElementString(input: string): Result<Partial<Record<EpcAi, string>>> {
  const out: Partial<Record<EpcAi, string>> = {}
  let i = 0
  if (input.length === 0) return notIdentity(0, '')
  while (i < input.length) {
    const m = /^\((\d{2,4})\)/.exec(input.slice(i, i + 6))
    if (!m) return notIdentity(i, input.slice(i, i + 8), { position: i })
    const ai = m[1]!
    if (!KNOWN.has(ai)) return notIdentity(i, `(${ai})`, { ai })
    const key = ai as EpcAi
    if (out[key] !== undefined) return notIdentity(i, `(${ai})`, { ai })
    const start = i + m[0].length
    NEXT_AI.lastIndex = start
    const next = NEXT_AI.exec(input)
    const end = next ? next.index : input.length
    const value = input.slice(start, end)
    const fixed = FIXED[key]
    if (fixed !== undefined) {
      if (!new RegExp(`^\\d{${fixed}}$`).test(value)) return notIdentity(i, `(${ai})${value}`, { ai, value })
      if (!hasValidCheckDigit(value)) return fail('epc.check_digit', { ai, value }, { ai, value })
    } else if (key === '8003') {
      const digits = value.slice(0, 14)
      const serial = value.slice(14)
      if (!/^0\d{13}$/.test(digits)) return notIdentity(i, `(${ai})${value}`, { ai, value })
      if (!hasValidCheckDigit(digits.slice(1))) return fail('epc.check_digit', { ai, value: digits.slice(1) }, { ai, value })
      if (serial.length > 16 || !isCset82(serial)) return notIdentity(i, `(${ai})${value}`, { ai, value })
    } else if (value.length === 0 || value.length > 20 || !isCset82(value)) {
      return notIdentity(i, `(${ai})${value}`, { ai, value })
    }
    out[key] = value
    i = end
  }
  return ok(out)
}
