/**
 * The data keys a label template may use, and how each is checked before anything is rendered.
 * This list is the contract of `dockside label render --data`: a template naming any other key is
 * refused when it is loaded, and data failing a check is refused with the field named.
 */
import { normalizeGtin } from '../../shared/codes/checkdigit'
import { lookupAi } from '../../shared/codes/gs1'
import { checkValue } from '../../shared/codes/gs1/validate-value'
import { ok, type Result } from '../../shared/result'
import { failure } from './failure'

export const LABEL_FIELDS = ['gtin', 'serial', 'lot', 'expiry', 'description', 'sscc', 'location'] as const
export type LabelField = (typeof LABEL_FIELDS)[number]
export type LabelData = Partial<Record<LabelField, string>>

export const isLabelField = (name: string): name is LabelField => (LABEL_FIELDS as readonly string[]).includes(name)

/** Default longest free text (description, location) when the template does not say. */
export const DEFAULT_TEXT_MAX = 120

export interface FieldRule {
  required: boolean
  /** Longest accepted value in characters (free-text fields). */
  maxLength?: number
  /** What to do with longer free text: refuse (default) or cut and end with "…". */
  overflow?: 'refuse' | 'truncate'
}

// Control characters are exactly what this pattern exists to find.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

const detailsOf = (field: string, value?: string) => (value === undefined ? { field } : { field, value: value.slice(0, 80) })

/** A value the GS1 rules refuse (the problem is the GS1 check's own text). */
function invalid(field: string, problem: string, value?: string): Result<never> {
  return failure('label.invalid_field', { field, problem }, detailsOf(field, value))
}

function gs1Value(field: LabelField, ai: string, value: string): Result<string> {
  const problem = checkValue(lookupAi(ai)!, value, 0)
  return problem ? invalid(field, problem.message, value) : ok(value)
}

function freeText(field: LabelField, raw: string, rule: FieldRule): Result<string> {
  // Line breaks and tabs from a paste become spaces; any other control character is refused.
  let value = raw.replace(/\r\n|[\r\n\t]/g, ' ')
  const bad = CONTROL.exec(value)
  if (bad) return failure('label.control_character', { field, char: `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`, position: bad.index + 1 }, { field })
  const max = rule.maxLength ?? DEFAULT_TEXT_MAX
  const chars = [...value]
  if (chars.length > max) {
    if (rule.overflow !== 'truncate') return failure('label.too_long', { field, length: chars.length, max }, { field })
    value = chars.slice(0, max - 1).join('') + '…'
  }
  return ok(value)
}

/** Checks and normalizes one value (GTIN to 14 digits, serial/lot to GS1 rules, expiry as a real date). */
export function checkField(field: LabelField, raw: string, rule: FieldRule): Result<string> {
  const value = field === 'description' ? raw : raw.trim()
  switch (field) {
    case 'gtin': {
      const g = normalizeGtin(value)
      return g.ok ? g : invalid(field, g.error.message, value)
    }
    case 'serial':
      return gs1Value(field, '21', value)
    case 'lot':
      return gs1Value(field, '10', value)
    case 'sscc':
      return gs1Value(field, '00', value)
    case 'expiry': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      if (!m) return failure('label.not_iso_date', { field, value }, detailsOf(field, value))
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
      const date = new Date(Date.UTC(y, mo - 1, d))
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
        return failure('label.not_calendar_date', { field, value }, detailsOf(field, value))
      }
      if (y < 2000 || y > 2099) return failure('label.year_out_of_range', { field, year: y }, detailsOf(field, value))
      return ok(value)
    }
    case 'location': {
      const text = freeText(field, value, rule)
      if (!text.ok) return text
      if (!/^[\x20-\x7e]+$/.test(text.value)) return failure('label.location_ascii', { field }, detailsOf(field, value))
      return text
    }
    case 'description':
      return freeText(field, value, rule)
  }
}

/** Checks the whole record against the template's field rules; unknown keys are refused too. */
export function checkData(input: unknown, rules: Partial<Record<LabelField, FieldRule>>): Result<LabelData> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return failure('label.invalid_data', {})
  const out: LabelData = {}
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!isLabelField(key)) return failure('label.unknown_field', { field: key, fields: LABEL_FIELDS.join(', ') }, { field: key })
    if (value === null || value === undefined || value === '') continue
    if (typeof value !== 'string' && typeof value !== 'number') return failure('label.not_text', { field: key }, { field: key })
    const rule = rules[key]
    if (!rule) continue // a key this template does not print is ignored
    const checked = checkField(key, String(value), rule)
    if (!checked.ok) return checked
    if (checked.value !== '') out[key] = checked.value
  }
  for (const [key, rule] of Object.entries(rules) as [LabelField, FieldRule][]) {
    if (rule.required && out[key] === undefined) {
      return failure('label.missing_field', { field: key }, { field: key })
    }
  }
  return ok(out)
}

/** YYYY-MM-DD → YYMMDD for AI (17). */
export const expiryToAi17 = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10)
