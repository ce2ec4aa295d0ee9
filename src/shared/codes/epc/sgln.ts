import { ok, type Result } from '../../result'
import { readBits, wordsToHex, writeBits } from './bits'
import { mod10 } from './check-digit'
import { checkFilter, checkNumericSerial, checkPrefixAndRef, padDigits, partitionError, rangeError } from './common'
import { SGLN_PARTITIONS } from './partition'
import type { SglnEpc } from './types'

/** 2^41 − 1: largest SGLN-96 extension. */
export const SGLN96_MAX_EXTENSION = 2199023255551

function formatSgln(filter: number, partition: number, cp: string, lr: string, extension: string, hex: string): SglnEpc {
  const body = cp + lr
  const gln = body + mod10(body)
  const id = cp + '.' + lr + '.' + extension
  return {
    scheme: 'sgln-96',
    filter,
    partition,
    companyPrefix: cp,
    locationReference: lr,
    gln,
    extension,
    // TDS: extension 0 stands for "no GLN extension", so no (254) in the element string.
    elementString: extension === '0' ? '(414)' + gln : '(414)' + gln + '(254)' + extension,
    tagUri: 'urn:epc:tag:sgln-96:' + filter + '.' + id,
    pureIdentityUri: 'urn:epc:id:sgln:' + id,
    hex
  }
}

/** Decodes SGLN-96 (header checked, ≥ 96 bits present). */
export function decodeSgln96(w: Uint32Array, hex: string): Result<SglnEpc> {
  const w0 = w[0]!
  const filter = (w0 >>> 21) & 7
  const partition = (w0 >>> 18) & 7
  const row = SGLN_PARTITIONS[partition]
  if (row === undefined) return partitionError(partition, 'SGLN-96')
  const cp = readBits(w, 14, row.cpBits)
  const lr = readBits(w, 14 + row.cpBits, row.refBits)
  const bad = rangeError(row, cp, lr, 'locationReference')
  if (bad) return bad
  const ext = readBits(w, 55, 41)
  return ok(formatSgln(filter, partition, padDigits(cp, row.cpDigits), padDigits(lr, row.refDigits), String(ext), hex.slice(0, 24).toUpperCase()))
}

/** Encodes SGLN-96; the extension must be numeric without leading zeros (`0` = none), < 2^41. */
export function encodeSgln96(filter: number, companyPrefix: string, locationReference: string, extension: string): Result<SglnEpc> {
  const f = checkFilter(filter)
  if (!f.ok) return f
  const pr = checkPrefixAndRef(SGLN_PARTITIONS, companyPrefix, locationReference, 'locationReference')
  if (!pr.ok) return pr
  const ext = checkNumericSerial(extension, SGLN96_MAX_EXTENSION, 'SGLN-96', 'extension')
  if (!ext.ok) return ext
  const { partition, row, cp, ref } = pr.value
  const w = new Uint32Array(3)
  writeBits(w, 0, 8, 0x32)
  writeBits(w, 8, 3, filter)
  writeBits(w, 11, 3, partition)
  writeBits(w, 14, row.cpBits, cp)
  writeBits(w, 14 + row.cpBits, row.refBits, ref)
  writeBits(w, 55, 41, ext.value)
  return ok(formatSgln(filter, partition, companyPrefix, locationReference, extension, wordsToHex(w, 96)))
}
