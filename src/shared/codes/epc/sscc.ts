import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { bitsAreZero, readBits, wordsToHex, writeBits } from './bits'
import { mod10 } from './check-digit'
import { checkFilter, checkPrefixAndRef, padDigits, partitionError, rangeError } from './common'
import { SSCC_PARTITIONS } from './partition'
import type { SsccEpc } from './types'

function formatSscc(filter: number, partition: number, cp: string, sr: string, hex: string): SsccEpc {
  const body = sr.charAt(0) + cp + sr.slice(1)
  const sscc = body + mod10(body)
  const id = cp + '.' + sr
  return {
    scheme: 'sscc-96',
    filter,
    partition,
    companyPrefix: cp,
    serialReference: sr,
    sscc,
    elementString: '(00)' + sscc,
    tagUri: 'urn:epc:tag:sscc-96:' + filter + '.' + id,
    pureIdentityUri: 'urn:epc:id:sscc:' + id,
    hex
  }
}

/** Decodes SSCC-96 (header checked, ≥ 96 bits present); the 24 reserved bits must be zero. */
export function decodeSscc96(w: Uint32Array, hex: string): Result<SsccEpc> {
  const w0 = w[0]!
  const filter = (w0 >>> 21) & 7
  const partition = (w0 >>> 18) & 7
  const row = SSCC_PARTITIONS[partition]
  if (row === undefined) return partitionError(partition, 'SSCC-96')
  const cp = readBits(w, 14, row.cpBits)
  const sr = readBits(w, 14 + row.cpBits, row.refBits)
  const bad = rangeError(row, cp, sr, 'serialReference')
  if (bad) return bad
  if (!bitsAreZero(w, 72, 96)) return fail('epc.reserved', {})
  return ok(formatSscc(filter, partition, padDigits(cp, row.cpDigits), padDigits(sr, row.refDigits), hex.slice(0, 24).toUpperCase()))
}

/** Encodes SSCC-96 from company prefix and serial reference (extension digit first). */
export function encodeSscc96(filter: number, companyPrefix: string, serialReference: string): Result<SsccEpc> {
  const f = checkFilter(filter)
  if (!f.ok) return f
  const pr = checkPrefixAndRef(SSCC_PARTITIONS, companyPrefix, serialReference, 'serialReference')
  if (!pr.ok) return pr
  const { partition, row, cp, ref } = pr.value
  const w = new Uint32Array(3)
  writeBits(w, 0, 8, 0x31)
  writeBits(w, 8, 3, filter)
  writeBits(w, 11, 3, partition)
  writeBits(w, 14, row.cpBits, cp)
  writeBits(w, 14 + row.cpBits, row.refBits, ref)
  return ok(formatSscc(filter, partition, companyPrefix, serialReference, wordsToHex(w, 96)))
}
