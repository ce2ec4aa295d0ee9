/** Cell parsers of the import formats: each turns trimmed cell text into a value or a rule + message. */
import { gs1CheckDigit, isValidGs1CheckDigit, normalizeGtin } from '../../shared/codes/checkdigit'

export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; message: string }
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const bad = (rule: string, message: string): Parsed<never> => ({ ok: false, rule, message })

export interface Column<T> {
  name: string
  required?: boolean
  parse: (v: string) => Parsed<T>
}

// ── cell parsers ─────────────────────────────────────────────────────────────────────────────
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f]/
export const text = (max: number): Column<string>['parse'] => (v) =>
  CONTROL.test(v) ? bad('text', 'contains control characters (tab, line break, …)') : v.length > max ? bad('length', `is longer than ${max} characters`) : ok(v)
export const code = (max: number): Column<string>['parse'] => (v) =>
  /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v) && v.length <= max ? ok(v) : bad('code', `must be 1–${max} letters, digits, dots, dashes, slashes or underscores`)
export const oneOf = <T extends string>(values: readonly T[]): Column<T>['parse'] => (v) => {
  const lower = v.toLowerCase() as T
  return values.includes(lower) ? ok(lower) : bad('enum', `must be one of ${values.join(', ')}`)
}
export const int = (min: number, max: number): Column<number>['parse'] => (v) => {
  if (!/^[+-]?\d+$/.test(v)) return bad('integer', 'must be a whole number')
  const n = Number(v)
  return n < min || n > max ? bad('range', `must be between ${min} and ${max}`) : ok(n)
}
export const date: Column<string>['parse'] = (v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (!m) return bad('date', 'must be a date YYYY-MM-DD')
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === v ? ok(v) : bad('date', 'is not a real calendar date')
}
export const gtin: Column<string>['parse'] = (v) => {
  const g = normalizeGtin(v)
  return g.ok ? ok(g.value) : bad('gtin', `is not a valid GTIN: ${g.error.message.replace(/\.$/, '')}`)
}
export const gln: Column<string>['parse'] = (v) =>
  /^\d{13}$/.test(v) && isValidGs1CheckDigit(v) ? ok(v) : bad('gln', /^\d{13}$/.test(v) ? `GLN check digit should be ${gs1CheckDigit(v, 0, 12)}` : 'a GLN has 13 digits')
export const sscc: Column<string>['parse'] = (v) => {
  if (!/^\d{18}$/.test(v)) return /^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/.test(v) && !/^\d+$/.test(v) ? ok(v) : bad('sscc', 'must be an 18-digit SSCC (or an LPN code of 3–40 letters and digits)')
  return isValidGs1CheckDigit(v) ? ok(v) : bad('sscc', `SSCC check digit should be ${gs1CheckDigit(v, 0, 17)}`)
}
export const bool: Column<boolean>['parse'] = (v) => {
  const l = v.toLowerCase()
  if (['1', 'yes', 'y', 'true'].includes(l)) return ok(true)
  if (['0', 'no', 'n', 'false'].includes(l)) return ok(false)
  return bad('boolean', 'must be yes or no')
}
export const serialText: Column<string>['parse'] = (v) => (CONTROL.test(v) ? bad('serial', 'contains control characters') : v.length > 128 ? bad('length', 'is longer than 128 characters') : ok(v))
/** GS1 AI 10: up to 20 characters of the GS1 character set 82. */
export const lot: Column<string>['parse'] = (v) =>
  v.length > 20 ? bad('length', 'a lot has at most 20 characters (GS1 AI 10)') : /^[!"%-?A-Z_a-z]+$/.test(v) ? ok(v) : bad('lot', 'a lot may only contain GS1 characters (letters, digits and !"%&\'()*+,-./:;<=>?_)')

