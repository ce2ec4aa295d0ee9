/**
 * GS1 mod-10 check digits for the EPC codec. String forms come from the shared `../checkdigit`;
 * `mod10OfNumber` is the allocation-free numeric form used on the decode hot path.
 */
import { gs1CheckDigit, isValidGs1CheckDigit } from '../checkdigit'

/** Check digit of an all-digit string (callers pass digits only). */
export const mod10 = (digits: string): number => gs1CheckDigit(digits) ?? 0

/** True when the last digit of an all-digit string is its correct GS1 check digit. */
export const hasValidCheckDigit = (digits: string): boolean => isValidGs1CheckDigit(digits)

/** Weighted digit sums of 0..999: units weight 3 (T3) or 1 (T1), alternating leftwards. */
const T3 = new Uint8Array(1000)
const T1 = new Uint8Array(1000)
for (let r = 0; r < 1000; r++) {
  const u = r % 10
  const t = Math.floor(r / 10) % 10
  const h = Math.floor(r / 100)
  T3[r] = 3 * u + t + 3 * h
  T1[r] = u + 3 * t + h
}

/**
 * GS1 check digit of the digit string of the integer `v` (< 2^53). Leading zeros do not change a GS1
 * check digit, so the padded length does not matter. Allocation-free.
 */
export function mod10OfNumber(v: number): number {
  let sum = 0
  // Peel 6 digits at a time (weight parity unchanged) until the rest fits int32, then integer math.
  while (v > 2147483647) {
    const hi = Math.floor(v / 1e6)
    const lo = v - hi * 1e6
    sum += T3[lo % 1000]! + T1[(lo / 1000) | 0]!
    v = hi
  }
  let x = v | 0
  let units3 = true
  while (x > 0) {
    const r = x % 1000
    sum += units3 ? T3[r]! : T1[r]!
    x = (x / 1000) | 0
    units3 = !units3
  }
  return (10 - (sum % 10)) % 10
}
