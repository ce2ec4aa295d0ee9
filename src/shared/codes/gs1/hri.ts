/**
 * Bracketed element strings, `(01)09521234543213(10)ABC`. A literal parenthesis inside a value is
 * written `\(` or `\)` (the gs1-syntax-engine convention). This cannot clash with data because `\`
 * is not in GS1 character set 82.
 */
import type { AppError } from '../../result'
import { codeError } from '../failure'
import { lookupAi } from './ai-table'
import { showChar, snippet } from './messages'
import type { PlacedElement } from './pairing'
import type { Gs1Element } from './types'

export type Split = { ok: true; value: PlacedElement[] } | { ok: false; error: AppError }

const OPEN = 40
const CLOSE = 41
const BACKSLASH = 92

export function looksBracketed(text: string): boolean {
  return text.charCodeAt(0) === OPEN && /^\(\d{2,4}\)/.test(text)
}

export function splitBracketed(text: string): Split {
  const out: PlacedElement[] = []
  const len = text.length
  let i = 0
  while (i < len) {
    if (text.charCodeAt(i) !== OPEN) {
      return syntax('"("', i, showChar(text[i]!))
    }
    const close = text.indexOf(')', i + 1)
    const ai = close < 0 ? '' : text.slice(i + 1, close)
    if (close < 0 || !/^\d{2,4}$/.test(ai)) {
      return syntax('(AI)', i, `"${snippet(text, i, 6)}"`)
    }
    const entry = lookupAi(ai)
    if (!entry) return { ok: false, error: codeError('gs1.unknown_ai', { ai, position: i }, { ai, position: i }) }
    let j = close + 1
    let value = ''
    let runStart = j
    while (j < len) {
      const c = text.charCodeAt(j)
      if (c === OPEN) break
      if (c === BACKSLASH && (text.charCodeAt(j + 1) === OPEN || text.charCodeAt(j + 1) === CLOSE)) {
        value += text.slice(runStart, j)
        runStart = j + 1
        j += 2
        continue
      }
      j++
    }
    value += text.slice(runStart, j)
    out.push({ entry, value, position: i + 1 })
    i = j
  }
  return { ok: true, value: out }
}

export const escapeHriValue = (value: string): string => value.replace(/[()]/g, (p) => `\\${p}`)

export function formatHri(elements: readonly Gs1Element[]): string {
  let out = ''
  for (const el of elements) out += `(${el.ai})${escapeHriValue(el.value)}`
  return out
}

function syntax(expected: string, position: number, found: string): Split {
  return { ok: false, error: codeError('gs1.syntax', { expected, position, found }, { position }) }
}
