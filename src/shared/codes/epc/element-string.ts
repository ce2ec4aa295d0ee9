import { err, ok, type Result } from '../../result'
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

export function parseEpcElementString(input: string): Result<Partial<Record<EpcAi, string>>> {
  const out: Partial<Record<EpcAi, string>> = {}
  let i = 0
  if (input.length === 0) return err('epc.element_string', 'Element string is empty.')
  while (i < input.length) {
    const m = /^\((\d{2,4})\)/.exec(input.slice(i, i + 6))
    if (!m) return err('epc.element_string', `Expected "(AI)" at position ${i + 1} of the element string.`, { position: i })
    const ai = m[1]!
    if (!KNOWN.has(ai)) return err('epc.element_string', `AI (${ai}) is not part of an EPC identity here; use (00), (01)+(21), (414)[+(254)] or (8003).`, { ai })
    const key = ai as EpcAi
    if (out[key] !== undefined) return err('epc.element_string', `AI (${ai}) appears twice.`, { ai })
    const start = i + m[0].length
    NEXT_AI.lastIndex = start
    const next = NEXT_AI.exec(input)
    const end = next ? next.index : input.length
    const value = input.slice(start, end)
    const fixed = FIXED[key]
    if (fixed !== undefined) {
      if (!new RegExp(`^\\d{${fixed}}$`).test(value)) return err('epc.element_string', `AI (${ai}) needs exactly ${fixed} digits, got "${value}".`, { ai, value })
      if (!hasValidCheckDigit(value)) return err('epc.check_digit', `AI (${ai}) value ${value} has a wrong check digit.`, { ai, value })
    } else if (key === '8003') {
      const digits = value.slice(0, 14)
      const serial = value.slice(14)
      if (!/^0\d{13}$/.test(digits)) return err('epc.element_string', `AI (8003) must start with "0" and 13 digits, got "${value}".`, { ai, value })
      if (!hasValidCheckDigit(digits.slice(1))) return err('epc.check_digit', `AI (8003) GRAI ${digits.slice(1)} has a wrong check digit.`, { ai, value })
      if (serial.length > 16 || !isCset82(serial)) return err('epc.element_string', `AI (8003) serial must be up to 16 characters of GS1 character set 82, got "${serial}".`, { ai, value })
    } else if (value.length === 0 || value.length > 20 || !isCset82(value)) {
      return err('epc.element_string', `AI (${ai}) must be 1 to 20 characters of GS1 character set 82, got "${value}".`, { ai, value })
    }
    out[key] = value
    i = end
  }
  return ok(out)
}
