/** Message-level rules: repeated AIs, and the dictionary's `req=` / `ex=` pairings. */
import type { AppError } from '../../result'
import { patternMatches } from './ai-table'
import { describeAi, where } from './messages'
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

function explainRule(rule: readonly (readonly AiPattern[])[]): string {
  const groups = rule.map((g) => g.map((p) => `(${p.text})`).join(' with '))
  return groups.length === 1 ? groups[0]! : `${groups.slice(0, -1).join(', ')} or ${groups[groups.length - 1]!}`
}

export function checkPairing(els: readonly PlacedElement[]): AppError | undefined {
  for (let i = 0; i < els.length; i++) {
    const a = els[i]!
    for (let j = 0; j < i; j++) {
      const b = els[j]!
      if (b.entry === a.entry && b.value !== a.value) {
        return {
          code: 'gs1.duplicate_ai',
          message: `${describeAi(a.entry)} appears twice with different values ("${b.value}" and "${a.value}") ${where(a.entry.ai, a.position)}`,
          details: { ai: a.entry.ai, position: a.position, firstPosition: b.position }
        }
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
        return {
          code: 'gs1.pairing',
          message: `${describeAi(entry)} needs ${explainRule(rule)} in the same barcode ${where(entry.ai, el.position)}`,
          details: { ai: entry.ai, position: el.position, requires: rule.map((g) => g.map((p) => p.text)) }
        }
      }
    }
    for (const p of entry.excludes) {
      for (const other of els) {
        if (other.entry !== entry && patternMatches(p, other.entry.ai)) {
          return {
            code: 'gs1.pairing',
            message: `${describeAi(entry)} cannot be combined with ${describeAi(other.entry)} ${where(entry.ai, el.position)}`,
            details: { ai: entry.ai, position: el.position, conflictsWith: other.entry.ai }
          }
        }
      }
    }
  }
  return undefined
}
