/** Message-level rules: repeated AIs, and the dictionary's `req=` / `ex=` pairings. */
import type { AppError } from '../../result'
import { codeError } from '../failure'
import { patternMatches } from './ai-table'
import { describeAi } from './messages'
import type { AiEntry, AiPattern } from './types'

export interface PlacedElement {
  entry: AiEntry
  value: string
  position: number
}

const present = (els: readonly PlacedElement[], p: AiPattern): boolean => {
  for (const el of els) if (patternMatches(p, el.entry.ai)) return true
  return false
}

/** A requirement in a notation that reads the same in every language: `(01)+(10) | (02)`. */
function explainRule(rule: readonly (readonly AiPattern[])[]): string {
  return rule.map((g) => g.map((p) => `(${p.text})`).join('+')).join(' | ')
}

const listPatterns = (patterns: readonly AiPattern[]): string | null => (patterns.length ? patterns.map((p) => `(${p.text})`).join(' ') : null)
const listRules = (entry: AiEntry): string | null => (entry.requires.length ? entry.requires.map(explainRule).join('; ') : null)

export function checkPairing(els: readonly PlacedElement[]): AppError | undefined {
  for (let i = 0; i < els.length; i++) {
    const a = els[i]!
    for (let j = 0; j < i; j++) {
      const b = els[j]!
      if (b.entry === a.entry && b.value !== a.value) {
        return codeError(
          'gs1.duplicate_ai',
          { label: describeAi(a.entry), first: b.value, second: a.value, ai: a.entry.ai, position: a.position },
          { ai: a.entry.ai, position: a.position, firstPosition: b.position }
        )
      }
    }
  }
  for (const el of els) {
    const entry = el.entry
    for (const rule of entry.requires) {
      let satisfied = false
      for (let g = 0; g < rule.length && !satisfied; g++) {
        const group = rule[g]!
        let all = true
        for (let k = 0; k < group.length && all; k++) all = present(els, group[k]!)
        satisfied = all
      }
      if (!satisfied) {
        return codeError(
          'gs1.pairing',
          { label: describeAi(entry), requires: explainRule(rule), excludes: listPatterns(entry.excludes), ai: entry.ai, position: el.position },
          { ai: entry.ai, position: el.position, requires: rule.map((g) => g.map((p) => p.text)) }
        )
      }
    }
    for (const p of entry.excludes) {
      for (const other of els) {
        if (other.entry !== entry && patternMatches(p, other.entry.ai)) {
          return codeError(
            'gs1.pairing',
            { label: describeAi(entry), requires: listRules(entry), excludes: describeAi(other.entry), ai: entry.ai, position: el.position },
            { ai: entry.ai, position: el.position, conflictsWith: other.entry.ai }
          )
        }
      }
    }
  }
  return undefined
}
