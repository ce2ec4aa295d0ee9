/** Unbracketed element strings as scanners send them: AI + value, GS (0x1D) after variable-length values. */
import type { AppError } from '../../result'
import { codeError } from '../failure'
import { PREDEFINED_LENGTH_BY_PREFIX, matchAiAt } from './ai-table'
import { quoted, showChar } from './messages'
import type { PlacedElement } from './pairing'

export const GS = '\u001d'
const GS_CODE = 0x1d

export type Split = { ok: true; value: PlacedElement[] } | { ok: false; error: AppError }

/**
 * Splits `data[start…]` into elements. Predefined-length AIs take their fixed length (a GS after
 * them is tolerated); the others run to the next GS or the end. One trailing GS is tolerated.
 * Values are not validated here.
 */
export function splitElementString(data: string, start: number): Split {
  const out: PlacedElement[] = []
  const len = data.length
  let i = start
  if (i >= len) return { ok: false, error: codeError('gs1.not_gs1', { data: quoted(data) }, { position: i }) }
  while (i < len) {
    if (data.charCodeAt(i) === GS_CODE) {
      return { ok: false, error: codeError('gs1.syntax', { expected: 'AI', position: i, found: showChar(GS) }, { position: i }) }
    }
    const entry = matchAiAt(data, i)
    if (!entry) {
      let digits = 0
      while (digits < 4 && i + digits < len && data.charCodeAt(i + digits) >= 48 && data.charCodeAt(i + digits) <= 57) digits++
      const ai = digits >= 2 ? `${data.slice(i, i + digits)}…` : showChar(data[i]!)
      return { ok: false, error: codeError('gs1.unknown_ai', { ai, position: i }, { position: i, found: data.slice(i, i + 4) }) }
    }
    const valueStart = i + entry.ai.length
    let valueEnd: number
    let next: number
    const predefined = PREDEFINED_LENGTH_BY_PREFIX[(data.charCodeAt(i) - 48) * 10 + data.charCodeAt(i + 1) - 48]!
    if (predefined !== 0 || !entry.fnc1Required) {
      valueEnd = valueStart + entry.maxLength
      if (valueEnd > len) valueEnd = len
      next = valueEnd < len && data.charCodeAt(valueEnd) === GS_CODE ? valueEnd + 1 : valueEnd
    } else {
      const gs = data.indexOf(GS, valueStart)
      valueEnd = gs < 0 ? len : gs
      next = gs < 0 ? len : gs + 1
    }
    out.push({ entry, value: data.slice(valueStart, valueEnd), position: i })
    i = next
  }
  return { ok: true, value: out }
}
