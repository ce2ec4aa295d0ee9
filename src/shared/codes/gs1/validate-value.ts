import type { AppError } from '../../result'
import { codeError } from '../failure'
import { firstInvalidChar } from './charsets'
import { LINTERS } from './linters'
import { labelOf, showChar } from './messages'
import type { AiEntry, ComponentType } from './types'

/** Character set names that read the same in every language. */
const CHARSET: Record<ComponentType, string> = { N: '0–9', X: 'GS1 CSET 82', Y: 'GS1 CSET 39 (A–Z 0–9 # - /)', Z: 'base64url' }

const range = (min: number, max: number): string => (min === max ? String(max) : `${min}–${max}`)

/**
 * Checks `value` against the AI's components: length, character set, then each linter.
 * `position` is where the AI starts in the input, for messages.
 */
export function checkValue(entry: AiEntry, value: string, position: number): AppError | undefined {
  const len = value.length
  const ai = entry.ai
  const label = labelOf(entry)
  if (len < entry.minLength || len > entry.maxLength) {
    return codeError(
      'gs1.length',
      { label, rule: range(entry.minLength, entry.maxLength), length: len, ai, position },
      { ai, position, length: len, min: entry.minLength, max: entry.maxLength }
    )
  }
  let p = 0
  for (const c of entry.components) {
    if (p >= len && c.optional) break
    const take = c.min === c.max ? c.max : Math.min(c.max, len - p)
    if (len - p < c.min) {
      // A part is cut short: the value needs at least this many characters to hold it.
      return codeError('gs1.length', { label, rule: range(p + c.min, entry.maxLength), length: len, ai, position }, { ai, position, offset: p })
    }
    const end = p + take
    const bad = firstInvalidChar(c.type, value, p, end)
    if (bad >= 0) {
      return codeError(
        'gs1.charset',
        { label, charset: CHARSET[c.type], char: showChar(value[bad]!), offset: bad + 1, ai, position },
        { ai, position, offset: bad }
      )
    }
    for (const name of c.linters) {
      const issue = LINTERS[name](value, p, end)
      if (!issue) continue
      const details = { ai, position, offset: p + issue.offset, rule: name }
      switch (issue.code) {
        case 'gs1.check_digit':
          return codeError(issue.code, { label, expected: issue.expected, got: issue.got, ai, position }, details)
        case 'gs1.bad_date':
        case 'gs1.bad_time':
          return codeError(issue.code, { label, value: issue.value, format: issue.format, ai, position }, details)
        case 'gs1.bad_value':
          return codeError(issue.code, { label, value: issue.value, rule: name, ai, position }, details)
      }
    }
    p = end
  }
  return undefined
}
