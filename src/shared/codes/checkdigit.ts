import { ok, type Result } from '../result'
import { fail } from './failure'

/**
 * GS1 mod-10 check digit of `data` (the digits before the check digit): weights 3,1,3,… from the
 * rightmost digit, check = (10 − sum mod 10) mod 10. Undefined when `data` is empty or not all digits.
 */
export function gs1CheckDigit(data: string, start = 0, end = data.length): number | undefined {
  if (end <= start) return undefined
  let sum = 0
  let weight = 3
  for (let i = end - 1; i >= start; i--) {
    const d = data.charCodeAt(i) - 48
    if (d < 0 || d > 9) return undefined
    sum += d * weight
    weight = 4 - weight
  }
  return (10 - (sum % 10)) % 10
}

/** True when `code` is all digits (at least two) and its last digit is the GS1 check digit of the rest. */
export function isValidGs1CheckDigit(code: string): boolean {
  if (code.length < 2) return false
  const last = code.charCodeAt(code.length - 1) - 48
  return last >= 0 && last <= 9 && gs1CheckDigit(code, 0, code.length - 1) === last
}

/** GTIN-8/12/13/14 → the 14-digit form (zero-padded), after checking digits, length and check digit. */
export function normalizeGtin(code: string): Result<string> {
  const gtin = code.trim()
  if (!/^\d+$/.test(gtin)) return fail('gtin.charset', { value: gtin }, { value: gtin })
  if (gtin.length !== 8 && gtin.length !== 12 && gtin.length !== 13 && gtin.length !== 14) {
    return fail('gtin.length', { length: gtin.length }, { value: gtin, length: gtin.length })
  }
  const expected = gs1CheckDigit(gtin, 0, gtin.length - 1)
  const scanned = gtin.charCodeAt(gtin.length - 1) - 48
  if (expected !== scanned) {
    return fail('gtin.check_digit', { expected: expected ?? null, scanned }, { value: gtin, expected, scanned })
  }
  return ok(gtin.padStart(14, '0'))
}

/**
 * Builds an 18-digit SSCC: extension digit + GS1 Company Prefix (6–12 digits) + serial reference
 * (together 16 digits) + check digit.
 */
export function buildSscc(companyPrefix: string, extensionDigit: number | string, serialReference: string): Result<string> {
  const ext = String(extensionDigit)
  if (!/^\d$/.test(ext)) return fail('sscc.extension', { got: ext })
  if (!/^\d{6,12}$/.test(companyPrefix)) {
    return fail('sscc.company_prefix', { got: companyPrefix })
  }
  if (!/^\d+$/.test(serialReference)) {
    return fail('sscc.serial_reference', { companyPrefixLength: companyPrefix.length, digits: 16 - companyPrefix.length, value: serialReference })
  }
  const wanted = 16 - companyPrefix.length
  if (serialReference.length !== wanted) {
    return fail(
      'sscc.serial_reference',
      { companyPrefixLength: companyPrefix.length, digits: wanted, value: serialReference },
      { companyPrefixLength: companyPrefix.length, serialReferenceLength: serialReference.length }
    )
  }
  const body = ext + companyPrefix + serialReference
  return ok(body + String(gs1CheckDigit(body)))
}
