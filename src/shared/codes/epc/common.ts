import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { POW10, type PartitionRow } from './partition'

/** Decimal `v` left-padded with zeros to `n` digits (`''` when n is 0). */
const ZEROS: readonly string[] = Array.from({ length: 20 }, (_, i) => '0'.repeat(i))

export function padDigits(v: number, n: number): string {
  if (n === 0) return ''
  const s = decimal(v)
  return s.length >= n ? s : ZEROS[n - s.length]! + s
}

/**
 * Decimal string of a non-negative integer < 2^53. Converting doubles above int32 with String() takes
 * V8's slow general path; splitting into int32-sized halves keeps the decode hot path fast.
 */
export function decimal(v: number): string {
  if (v < 1e9) return '' + v
  const hi = Math.floor(v / 1e9)
  const lo = '' + (v - hi * 1e9)
  return '' + hi + ZEROS[9 - lo.length]! + lo
}

/** Value of an all-digit string (≤ 15 digits), or -1. The empty string is 0. */
export function digitsValue(s: string): number {
  if (s.length > 15) return -1
  let v = 0
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

export const isDigits = (s: string): boolean => /^[0-9]+$/.test(s)

export function checkFilter(filter: unknown): Result<number> {
  if (typeof filter !== 'number' || !Number.isInteger(filter) || filter < 0 || filter > 7) {
    return fail('epc.filter', { filter: String(filter) }, { filter })
  }
  return ok(filter)
}

export interface PrefixAndRef {
  partition: number
  row: PartitionRow
  cp: number
  ref: number
}

/**
 * Checks a company prefix (6..12 digits) and its second field (`refName`) against a partition table:
 * digit counts must add up and both must be all digits.
 */
export function checkPrefixAndRef(table: readonly PartitionRow[], companyPrefix: string, ref: string, refName: string): Result<PrefixAndRef> {
  if (!isDigits(companyPrefix) || companyPrefix.length < 6 || companyPrefix.length > 12) {
    return fail('epc.company_prefix', { value: `"${companyPrefix}"` }, { companyPrefix })
  }
  const partition = 12 - companyPrefix.length
  const row = table[partition]!
  if (ref.length !== row.refDigits || (ref.length > 0 && !isDigits(ref))) {
    return fail('epc.range', { cpLength: companyPrefix.length, field: refName, digits: row.refDigits, value: ref }, { field: refName, value: ref })
  }
  return ok({ partition, row, cp: digitsValue(companyPrefix), ref: digitsValue(ref) })
}

/** Range check of decoded company prefix and second field against the partition's digit counts. */
export function rangeError(row: PartitionRow, cp: number, ref: number, refName: string): Result<never> | null {
  if (cp >= POW10[row.cpDigits]!) {
    return fail('epc.range', { cpLength: row.cpDigits, field: 'companyPrefix', digits: row.cpDigits, value: String(cp) }, { field: 'companyPrefix', value: cp })
  }
  if (ref >= POW10[row.refDigits]!) {
    return fail('epc.range', { cpLength: row.cpDigits, field: refName, digits: row.refDigits, value: String(ref) }, { field: refName, value: ref })
  }
  return null
}

export const partitionError = (partition: number, scheme: string): Result<never> =>
  fail('epc.partition', { partition, scheme }, { partition })

/** A decimal without leading zeros up to `max`, in a notation every reader shares. */
export const numericSerialRule = (max: number): string => `0 | [1-9][0-9]* ≤ ${max}`

/** Serial for 96-bit schemes: digits, no leading zeros (except `0`), ≤ max. */
export function checkNumericSerial(serial: string, max: number, scheme: string, field = 'serial'): Result<number> {
  const allowed = numericSerialRule(max)
  if (!/^(0|[1-9][0-9]{0,15})$/.test(serial)) return fail('epc.serial', { scheme, field, value: serial, allowed }, { field, value: serial })
  const v = Number(serial)
  if (v > max) return fail('epc.serial', { scheme, field, value: serial, allowed }, { field, value: serial })
  return ok(v)
}
