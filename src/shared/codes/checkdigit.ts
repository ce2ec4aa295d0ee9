import { err, ok, type Result } from '../result'

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
  if (!/^\d+$/.test(gtin)) return err('gtin.charset', `A GTIN has digits only; got "${gtin}".`, { value: gtin })
  if (gtin.length !== 8 && gtin.length !== 12 && gtin.length !== 13 && gtin.length !== 14) {
    return err('gtin.length', `A GTIN has 8, 12, 13 or 14 digits; got ${gtin.length}.`, { value: gtin, length: gtin.length })
  }
  const expected = gs1CheckDigit(gtin, 0, gtin.length - 1)
  const scanned = gtin.charCodeAt(gtin.length - 1) - 48
  if (expected !== scanned) {
    return err('gtin.check_digit', `GTIN check digit should be ${expected}, got ${scanned}.`, { value: gtin, expected, scanned })
  }
  return ok(gtin.padStart(14, '0'))
}

/**
 * Builds an 18-digit SSCC: extension digit + GS1 Company Prefix (6–12 digits) + serial reference
 * (together 16 digits) + check digit.
 */
export function buildSscc(companyPrefix: string, extensionDigit: number | string, serialReference: string): Result<string> {
  const ext = String(extensionDigit)
  if (!/^\d$/.test(ext)) return err('sscc.extension', `The SSCC extension digit must be one digit 0–9; got "${ext}".`)
  if (!/^\d{6,12}$/.test(companyPrefix)) {
    return err('sscc.company_prefix', `The GS1 Company Prefix must be 6 to 12 digits; got "${companyPrefix}".`)
  }
  if (!/^\d+$/.test(serialReference)) {
    return err('sscc.serial_reference', `The serial reference has digits only; got "${serialReference}".`)
  }
  const wanted = 16 - companyPrefix.length
  if (serialReference.length !== wanted) {
    return err(
      'sscc.serial_reference',
      `With a ${companyPrefix.length}-digit company prefix the serial reference must have ${wanted} digits; got ${serialReference.length}.`,
      { companyPrefixLength: companyPrefix.length, serialReferenceLength: serialReference.length }
    )
  }
  const body = ext + companyPrefix + serialReference
  return ok(body + String(gs1CheckDigit(body)))
}
