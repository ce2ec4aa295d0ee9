/** Shared last step of every parser: value checks, pairing rules, typed fields. */
import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { buildFields } from './fields'
import { checkPairing, type PlacedElement } from './pairing'
import type { Gs1Element, Gs1Parsed } from './types'
import { checkValue } from './validate-value'

export function validateElements(placed: readonly PlacedElement[]): Result<Gs1Element[]> {
  const elements: Gs1Element[] = new Array(placed.length)
  for (let i = 0; i < placed.length; i++) {
    const el = placed[i]!
    const problem = checkValue(el.entry, el.value, el.position)
    if (problem) return { ok: false, error: problem }
    elements[i] = { ai: el.entry.ai, value: el.value }
  }
  if (placed.length === 0) return fail('gs1.not_gs1', { data: '' })
  const pairing = checkPairing(placed)
  if (pairing) return { ok: false, error: pairing }
  return ok(elements)
}

let cachedYear = 0
let cachedUntil = 0

/** The current UTC year, cached until the next New Year: `new Date()` per scan is measurable. */
function currentYear(): number {
  const ms = Date.now()
  if (ms >= cachedUntil || ms < cachedUntil - 366 * 86_400_000) {
    cachedYear = new Date(ms).getUTCFullYear()
    cachedUntil = Date.UTC(cachedYear + 1, 0, 1)
  }
  return cachedYear
}

export function finish(
  placed: readonly PlacedElement[],
  base: Omit<Gs1Parsed, 'elements' | 'fields'>,
  now: Date | undefined
): Result<Gs1Parsed> {
  const checked = validateElements(placed)
  if (!checked.ok) return checked
  const year = now ? now.getUTCFullYear() : currentYear()
  const parsed: Gs1Parsed = { form: base.form, elements: checked.value, fields: buildFields(checked.value, year) }
  if (base.symbology !== undefined) parsed.symbology = base.symbology
  if (base.dlStem !== undefined) parsed.dlStem = base.dlStem
  return ok(parsed)
}
