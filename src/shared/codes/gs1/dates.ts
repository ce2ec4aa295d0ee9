/** Date and time checks for the AI linters, and the GS1 two-digit-year window (GenSpecs §7.12). */

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const num2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48)

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : DAYS[month - 1]!
}

/**
 * YYMMDD at `s`. Day 00 is accepted when `allowDay00`. A 29th of February needs YY divisible by 4:
 * inside the ±50-year window that is exactly the leap-year rule.
 */
export function isValidYymmdd(v: string, s: number, allowDay00: boolean): boolean {
  const mm = num2(v, s + 2)
  const dd = num2(v, s + 4)
  if (mm < 1 || mm > 12) return false
  if (dd === 0) return allowDay00
  if (mm === 2) return dd <= (num2(v, s) % 4 === 0 ? 29 : 28)
  return dd <= DAYS[mm - 1]!
}

export function isValidYyyymmdd(v: string, s: number): boolean {
  const year = num2(v, s) * 100 + num2(v, s + 2)
  const mm = num2(v, s + 4)
  const dd = num2(v, s + 6)
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= daysInMonth(year, mm)
}

export const isValidHour = (v: string, s: number): boolean => num2(v, s) <= 23
export const isValidMinute = (v: string, s: number): boolean => num2(v, s) <= 59

/** Full year for a two-digit year: within −49…+50 years of `currentYear` (GenSpecs §7.12). */
export function resolveTwoDigitYear(yy: number, currentYear: number): number {
  const diff = yy - (currentYear % 100)
  const century = currentYear - (currentYear % 100)
  if (diff > 50) return century - 100 + yy
  if (diff < -49) return century + 100 + yy
  return century + yy
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** ISO `YYYY-MM-DD` for a valid YYMMDD at `s`; day 00 becomes the last day of the month. */
export function yymmddToIso(v: string, s: number, currentYear: number): string {
  const year = resolveTwoDigitYear(num2(v, s), currentYear)
  const mm = num2(v, s + 2)
  let dd = num2(v, s + 4)
  if (dd === 0) dd = daysInMonth(year, mm)
  return `${year}-${pad2(mm)}-${pad2(dd)}`
}

export function yyyymmddToIso(v: string, s: number): string {
  return `${v.slice(s, s + 4)}-${v.slice(s + 4, s + 6)}-${v.slice(s + 6, s + 8)}`
}
