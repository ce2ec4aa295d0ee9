import type { AppError } from '../../result'
import { charsetName, firstInvalidChar } from './charsets'
import { LINTERS } from './linters'
import { labelOf, showChar, where } from './messages'
import type { AiEntry } from './types'

function lengthRule(entry: AiEntry): string {
  const unit = entry.components.every((c) => c.type === 'N') ? 'digits' : 'characters'
  return entry.minLength === entry.maxLength ? `${entry.maxLength} ${unit}` : `${entry.minLength}–${entry.maxLength} ${unit}`
}

/**
 * Checks `value` against the AI's components: length, character set, then each linter.
 * `position` is where the AI starts in the input, for messages.
 */
export function checkValue(entry: AiEntry, value: string, position: number): AppError | undefined {
  const len = value.length
  const ai = entry.ai
  if (len < entry.minLength || len > entry.maxLength) {
    const scanned = len === 0 ? 'it is empty' : `scanned ${len}`
    return {
      code: 'gs1.length',
      message: `${labelOf(entry)} must be ${lengthRule(entry)}, ${scanned} ${where(ai, position)}`,
      details: { ai, position, length: len, min: entry.minLength, max: entry.maxLength }
    }
  }
  let p = 0
  for (const c of entry.components) {
    if (p >= len && c.optional) break
    const take = c.min === c.max ? c.max : Math.min(c.max, len - p)
    if (len - p < c.min) {
      return {
        code: 'gs1.length',
        message: `${labelOf(entry)} is incomplete: a part of ${c.min} characters is missing or cut short ${where(ai, position)}`,
        details: { ai, position, offset: p }
      }
    }
    const end = p + take
    const bad = firstInvalidChar(c.type, value, p, end)
    if (bad >= 0) {
      return {
        code: 'gs1.charset',
        message: `${labelOf(entry)} may only use ${charsetName(c.type)}; ${showChar(value[bad]!)} at character ${bad + 1} is not allowed ${where(ai, position)}`,
        details: { ai, position, offset: bad }
      }
    }
    for (const name of c.linters) {
      const issue = LINTERS[name](value, p, end)
      if (issue) {
        return {
          code: issue.code,
          message: `${labelOf(entry)} ${issue.reason} ${where(ai, position)}`,
          details: { ai, position, offset: p + issue.offset, rule: name }
        }
      }
    }
    p = end
  }
  return undefined
}
