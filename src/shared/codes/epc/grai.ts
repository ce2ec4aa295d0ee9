import { ok, type Result } from '../../result'
import { readBits, wordsToHex, writeBits } from './bits'
import { mod10 } from './check-digit'
import { checkFilter, checkNumericSerial, checkPrefixAndRef, padDigits, partitionError, rangeError } from './common'
import { GRAI_PARTITIONS } from './partition'
import type { GraiEpc } from './types'

/** 2^38 − 1: largest GRAI-96 serial. */
export const GRAI96_MAX_SERIAL = 274877906943

function formatGrai(filter: number, partition: number, cp: string, at: string, serial: string, hex: string): GraiEpc {
  const body = '0' + cp + at
  const grai = body + mod10(body) + serial
  const id = cp + '.' + at + '.' + serial
  return {
    scheme: 'grai-96',
    filter,
    partition,
    companyPrefix: cp,
    assetType: at,
    serial,
    grai,
    elementString: '(8003)' + grai,
    tagUri: 'urn:epc:tag:grai-96:' + filter + '.' + id,
    pureIdentityUri: 'urn:epc:id:grai:' + id,
    hex
  }
}

/** Decodes GRAI-96 (header checked, ≥ 96 bits present). */
export function decodeGrai96(w: Uint32Array, hex: string): Result<GraiEpc> {
  const w0 = w[0]!
  const filter = (w0 >>> 21) & 7
  const partition = (w0 >>> 18) & 7
  const row = GRAI_PARTITIONS[partition]
  if (row === undefined) return partitionError(partition, 'GRAI-96')
  const cp = readBits(w, 14, row.cpBits)
  const at = readBits(w, 14 + row.cpBits, row.refBits)
  const bad = rangeError(row, cp, at, 'assetType')
  if (bad) return bad
  const serial = (w[1]! & 0x3f) * 4294967296 + w[2]!
  return ok(formatGrai(filter, partition, padDigits(cp, row.cpDigits), padDigits(at, row.refDigits), String(serial), hex.slice(0, 24).toUpperCase()))
}

/** Encodes GRAI-96; the serial must be numeric without leading zeros, < 2^38. */
export function encodeGrai96(filter: number, companyPrefix: string, assetType: string, serial: string): Result<GraiEpc> {
  const f = checkFilter(filter)
  if (!f.ok) return f
  const pr = checkPrefixAndRef(GRAI_PARTITIONS, companyPrefix, assetType, 'assetType')
  if (!pr.ok) return pr
  const s = checkNumericSerial(serial, GRAI96_MAX_SERIAL, 'GRAI-96')
  if (!s.ok) return s
  const { partition, row, cp, ref } = pr.value
  const w = new Uint32Array(3)
  writeBits(w, 0, 8, 0x33)
  writeBits(w, 8, 3, filter)
  writeBits(w, 11, 3, partition)
  writeBits(w, 14, row.cpBits, cp)
  writeBits(w, 14 + row.cpBits, row.refBits, ref)
  writeBits(w, 58, 38, s.value)
  return ok(formatGrai(filter, partition, companyPrefix, assetType, serial, wordsToHex(w, 96)))
}
