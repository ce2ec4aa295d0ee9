/**
 * Content checks named by the syntax dictionary ("linters"). Each looks at `v[s, e)`, one component
 * of an AI value whose character set was already checked, and returns undefined or what is wrong.
 */
import { gs1CheckDigit } from '../checkdigit'
import { CSET64_CHARS, CSET82_CHARS } from './charsets'
import { ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC, PACKAGE_TYPES } from './code-lists'
import { isValidHour, isValidMinute, isValidYymmdd, isValidYyyymmdd } from './dates'
import type { LinterName } from './types'

/**
 * What is wrong, in language-neutral parts (the message tables word it): the check digit expected and
 * scanned, the date or time format broken, or the offending part for a value rule (the rule is the
 * linter's name in the GS1 Syntax Dictionary). `offset` is where the part starts inside the value.
 */
export type LintIssue =
  | { code: 'gs1.check_digit'; expected: string; got: string; offset: number }
  | { code: 'gs1.bad_date' | 'gs1.bad_time'; value: string; format: string; offset: number }
  | { code: 'gs1.bad_value'; value: string; offset: number }

type Linter = (v: string, s: number, e: number) => LintIssue | undefined

const checkIssue = (expected: string, got: string, offset: number): LintIssue => ({ code: 'gs1.check_digit', expected, got, offset })
const dateIssue = (value: string, format: string): LintIssue => ({ code: 'gs1.bad_date', value, format, offset: 0 })
const timeIssue = (value: string, format: string): LintIssue => ({ code: 'gs1.bad_time', value, format, offset: 0 })
const valueIssue = (value: string, offset = 0): LintIssue => ({ code: 'gs1.bad_value', value, offset })
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const part = (v: string, s: number, e: number): string => v.slice(s, e)

const csum: Linter = (v, s, e) => {
  const expected = gs1CheckDigit(v, s, e - 1)
  const scanned = v.charCodeAt(e - 1) - 48
  if (expected === scanned) return undefined
  return checkIssue(expected === undefined ? '?' : String(expected), v[e - 1] ?? '', e - 1)
}

const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
  113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239,
  241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379,
  383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509
]
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** Alphanumeric check character pair (GenSpecs "check character calculation for alphanumeric keys"). */
const csumalpha: Linter = (v, s, e) => {
  const n = e - s - 2
  if (n < 0) return checkIssue('??', part(v, s, e), 0)
  let sum = 0
  for (let i = 0; i < n; i++) sum += CSET82_CHARS.indexOf(v[s + i]!) * PRIMES[n - 1 - i]!
  sum %= 1021
  const want = CSET32[sum >> 5]! + CSET32[sum & 31]!
  if (v.slice(e - 2, e) === want) return undefined
  return checkIssue(want, v.slice(e - 2, e), e - 2)
}

const gcp = (from: number): Linter => (v, s, e) => {
  for (let i = s + from; i < s + from + 4; i++) {
    if (i >= e || !isDigit(v.charCodeAt(i))) return valueIssue(part(v, s, e), i - s)
  }
  return undefined
}

const date = (kind: 'yymmd0' | 'yymmdd'): Linter => (v, s) =>
  isValidYymmdd(v, s, kind === 'yymmd0')
    ? undefined
    : dateIssue(part(v, s, s + 6), kind === 'yymmd0' ? 'YYMMDD' : 'YYMMDD (DD ≠ 00)')

const yyyymmdd: Linter = (v, s) =>
  isValidYyyymmdd(v, s) ? undefined : dateIssue(part(v, s, s + 8), 'YYYYMMDD')

const yymmddhh: Linter = (v, s) =>
  isValidYymmdd(v, s, false) && isValidHour(v, s + 6)
    ? undefined
    : dateIssue(part(v, s, s + 8), 'YYMMDDHH')

const hh: Linter = (v, s) => (isValidHour(v, s) ? undefined : timeIssue(part(v, s, s + 2), 'HH (00–23)'))
const sixty = (format: string): Linter => (v, s) => (isValidMinute(v, s) ? undefined : timeIssue(part(v, s, s + 2), format))
const hhmi: Linter = (v, s) =>
  isValidHour(v, s) && isValidMinute(v, s + 2) ? undefined : timeIssue(part(v, s, s + 4), 'HHMM')

const inList = (list: ReadonlySet<string>, extra?: string): Linter => (v, s, e) => {
  const code = part(v, s, e)
  return list.has(code) || code === extra ? undefined : valueIssue(code)
}

const oneOf = (allowed: string): Linter => (v, s, e) => (e - s === 1 && allowed.includes(v[s]!) ? undefined : valueIssue(part(v, s, e)))

const pcenc: Linter = (v, s, e) => {
  for (let i = s; i < e; i++) {
    if (v.charCodeAt(i) !== 37) continue
    if (i + 2 >= e || !/^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) return valueIssue(v.slice(i, Math.min(i + 3, e)), i - s)
    i += 2
  }
  return undefined
}

const maxNumber = (max: number): Linter => (v, s, e) => (Number(part(v, s, e)) <= max ? undefined : valueIssue(part(v, s, e)))

const nonzero: Linter = (v, s, e) => (/^0+$/.test(part(v, s, e)) ? valueIssue(part(v, s, e)) : undefined)
const zero: Linter = (v, s, e) => (part(v, s, e) === '0' ? undefined : valueIssue(part(v, s, e)))

const mediatype: Linter = (v, s, e) => {
  const n = Number(part(v, s, e))
  return (n >= 1 && n <= 10) || (n >= 80 && n <= 99) ? undefined : valueIssue(part(v, s, e))
}

const pieceoftotal: Linter = (v, s) => {
  const piece = Number(v.slice(s, s + 2))
  const total = Number(v.slice(s + 2, s + 4))
  return piece >= 1 && total >= 1 && piece <= total ? undefined : valueIssue(v.slice(s, s + 4))
}

const posinseqslash: Linter = (v, s, e) => {
  const m = /^([1-9])\/([1-9])$/.exec(part(v, s, e))
  return m && Number(m[1]) <= Number(m[2]) ? undefined : valueIssue(part(v, s, e))
}

const nozeroprefix: Linter = (v, s, e) =>
  e - s > 1 && v.charCodeAt(s) === 48 ? valueIssue(part(v, s, e)) : undefined

const hasnondigit: Linter = (v, s, e) => (/^\d*$/.test(part(v, s, e)) ? valueIssue(part(v, s, e)) : undefined)

const iban: Linter = (v, s, e) => {
  const text = part(v, s, e)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(text) || !ISO3166_ALPHA2.has(text.slice(0, 2))) {
    return valueIssue(text)
  }
  const moved = text.slice(4) + text.slice(0, 4)
  let rem = 0
  for (const ch of moved) {
    const c = ch.charCodeAt(0)
    const n = c <= 57 ? c - 48 : c - 55
    rem = n >= 10 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97
  }
  return rem === 1 ? undefined : valueIssue(text)
}

/** Lengths prefixed by a variable-length indicator: VLI digit + (base + VLI) digits. */
function skipVli(v: string, p: number, e: number, maxVli: number, base: number): number {
  if (p >= e) return -1
  const vli = v.charCodeAt(p) - 48
  if (vli < 0 || vli > maxVli || p + 1 + base + vli > e) return -1
  return p + 1 + base + vli
}

/**
 * North American coupon codes (8110, 8112): checks the mandatory head (company prefix, offer code,
 * save value, first purchase requirement) and that the remaining optional fields are digits.
 */
const couponcode: Linter = (v, s, e) => {
  const bad = valueIssue(part(v, s, e))
  if (!/^\d+$/.test(part(v, s, e))) return bad
  let p = skipVli(v, s, e, 6, 6)
  if (p < 0 || p + 6 > e) return bad
  p = skipVli(v, p + 6, e, 5, 0)
  if (p < 0) return bad
  p = skipVli(v, p, e, 5, 0)
  if (p < 0 || p + 4 > e) return bad
  const code = v[p]!
  return code <= '4' || code === '9' ? undefined : bad
}

const couponposoffer: Linter = (v, s, e) => {
  const bad = valueIssue(part(v, s, e))
  if (!/^\d+$/.test(part(v, s, e)) || (v[s] !== '0' && v[s] !== '1')) return bad
  let p = skipVli(v, s + 1, e, 6, 6)
  if (p < 0 || p + 6 > e) return bad
  p = skipVli(v, p + 6, e, 9, 6)
  return p === e ? undefined : bad
}

export const LINTERS: Record<LinterName, Linter> = {
  csum,
  csumalpha,
  gcppos1: gcp(0),
  gcppos2: gcp(1),
  yymmd0: date('yymmd0'),
  yymmdd: date('yymmdd'),
  yyyymmdd,
  yymmddhh,
  hh,
  mi: sixty('MM (00–59)'),
  ss: sixty('SS (00–59)'),
  hhmi,
  iso3166: inList(ISO3166_NUMERIC),
  iso3166999: inList(ISO3166_NUMERIC, '999'),
  iso3166alpha2: inList(ISO3166_ALPHA2),
  iso4217: inList(ISO4217_NUMERIC),
  iso5218: oneOf('0129'),
  pcenc,
  yesno: oneOf('01'),
  hyphen: oneOf('-'),
  latitude: maxNumber(1800000000),
  longitude: maxNumber(3600000000),
  importeridx: oneOf(CSET64_CHARS),
  packagetype: inList(PACKAGE_TYPES),
  mediatype,
  posinseqslash,
  nonzero,
  zero,
  winding: oneOf('019'),
  pieceoftotal,
  iban,
  nozeroprefix,
  hasnondigit,
  couponcode,
  couponposoffer
}

export const LINTER_NAMES = Object.keys(LINTERS) as LinterName[]
