import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { bitsAreZero, hexState, readBits, storedBits, wordsToHex, writeBits } from './bits'
import { mod10, mod10OfNumber } from './check-digit'
import { checkFilter, checkNumericSerial, checkPrefixAndRef, decimal, padDigits, partitionError, rangeError } from './common'
import { POW10, SGTIN_PARTITIONS } from './partition'
import { CSET82_CODE, escapeEpcUriComponent, isCset82 } from './uri'
import type { SgtinEpc } from './types'

/** 2^38 − 1: largest SGTIN-96 serial. */
export const SGTIN96_MAX_SERIAL = 274877906943
const SERIAL198_CHARS = 20
const SERIAL198_RULE = 'GS1 CSET 82, 1–20'

/** `urn:epc:tag:<scheme>:<filter>.` for every scheme and filter, built once. */
const TAG_PREFIX = {
  'sgtin-96': Array.from({ length: 8 }, (_, f) => `urn:epc:tag:sgtin-96:${f}.`),
  'sgtin-198': Array.from({ length: 8 }, (_, f) => `urn:epc:tag:sgtin-198:${f}.`)
}

function formatSgtin(scheme: 'sgtin-96' | 'sgtin-198', filter: number, partition: number, cp: string, ir: string, serial: string, hex: string, gtinIn?: string): SgtinEpc {
  let gtin = gtinIn
  if (gtin === undefined) {
    const body = ir.charAt(0) + cp + ir.slice(1)
    gtin = body + mod10(body)
  }
  const esc = scheme === 'sgtin-96' ? serial : escapeEpcUriComponent(serial)
  const id = cp + '.' + ir + '.' + esc
  return {
    scheme,
    filter,
    partition,
    companyPrefix: cp,
    itemReference: ir,
    gtin,
    serial,
    elementString: '(01)' + gtin + '(21)' + serial,
    tagUri: TAG_PREFIX[scheme][filter]! + id,
    pureIdentityUri: 'urn:epc:id:sgtin:' + id,
    hex
  }
}

/** Decodes SGTIN-96 from parsed words (header already checked, ≥ 96 bits present). */
export function decodeSgtin96(w: Uint32Array, hex: string): Result<SgtinEpc> {
  const w0 = w[0]!
  const filter = (w0 >>> 21) & 7
  const partition = (w0 >>> 18) & 7
  const row = SGTIN_PARTITIONS[partition]
  if (row === undefined) return partitionError(partition, 'SGTIN-96')
  const cp = readBits(w, 14, row.cpBits)
  const ir = readBits(w, 14 + row.cpBits, row.refBits)
  const bad = rangeError(row, cp, ir, 'itemReference')
  if (bad) return bad
  const serial = (w[1]! & 0x3f) * 4294967296 + w[2]!
  const upper = hex.length === 24 ? (hexState.lowerCase ? hex.toUpperCase() : hex) : hex.slice(0, 24).toUpperCase()
  // GTIN by number math (no string scanning): indicator·10^12 + prefix·10^(12−L) + item reference rest.
  const restPow = POW10[row.refDigits - 1]!
  const indicator = Math.floor(ir / restPow)
  const body = indicator * 1e12 + cp * restPow + (ir - indicator * restPow)
  const gtin = padDigits(body * 10 + mod10OfNumber(body), 14)
  return ok(formatSgtin('sgtin-96', filter, partition, padDigits(cp, row.cpDigits), padDigits(ir, row.refDigits), decimal(serial), upper, gtin))
}

/** Decodes SGTIN-198 from parsed words (header already checked, ≥ 198 bits present). */
export function decodeSgtin198(w: Uint32Array): Result<SgtinEpc> {
  const w0 = w[0]!
  const filter = (w0 >>> 21) & 7
  const partition = (w0 >>> 18) & 7
  const row = SGTIN_PARTITIONS[partition]
  if (row === undefined) return partitionError(partition, 'SGTIN-198')
  const cp = readBits(w, 14, row.cpBits)
  const ir = readBits(w, 14 + row.cpBits, row.refBits)
  const bad = rangeError(row, cp, ir, 'itemReference')
  if (bad) return bad
  let serial = ''
  for (let k = 0; k < SERIAL198_CHARS; k++) {
    const pos = 58 + 7 * k
    const c = readBits(w, pos, 7)
    if (c === 0) {
      if (!bitsAreZero(w, pos, 198)) {
        return fail('epc.serial', { scheme: 'SGTIN-198', field: 'serial', value: `${serial}<0x00>…`, allowed: SERIAL198_RULE }, { position: k })
      }
      break
    }
    if (CSET82_CODE[c] === 0) {
      const shown = `${serial}<0x${c.toString(16).toUpperCase().padStart(2, '0')}>`
      return fail('epc.serial', { scheme: 'SGTIN-198', field: 'serial', value: shown, allowed: SERIAL198_RULE }, { position: k, code: c })
    }
    serial += String.fromCharCode(c)
  }
  if (serial.length === 0) return fail('epc.serial', { scheme: 'SGTIN-198', field: 'serial', value: '', allowed: SERIAL198_RULE })
  const copy = w.slice(0, 7)
  copy[6] = copy[6]! & 0xfc000000 // canonical: zero the padding after bit 198
  const hex = wordsToHex(copy, storedBits(198))
  return ok(formatSgtin('sgtin-198', filter, partition, padDigits(cp, row.cpDigits), padDigits(ir, row.refDigits), serial, hex))
}

/** Encodes SGTIN-96 / SGTIN-198 from components (serial unescaped). */
export function encodeSgtin(scheme: 'sgtin-96' | 'sgtin-198', filter: number, companyPrefix: string, itemReference: string, serial: string): Result<SgtinEpc> {
  const f = checkFilter(filter)
  if (!f.ok) return f
  const pr = checkPrefixAndRef(SGTIN_PARTITIONS, companyPrefix, itemReference, 'itemReference')
  if (!pr.ok) return pr
  const { partition, row, cp, ref } = pr.value
  const w = new Uint32Array(7)
  writeBits(w, 0, 8, scheme === 'sgtin-96' ? 0x30 : 0x36)
  writeBits(w, 8, 3, filter)
  writeBits(w, 11, 3, partition)
  writeBits(w, 14, row.cpBits, cp)
  writeBits(w, 14 + row.cpBits, row.refBits, ref)
  if (scheme === 'sgtin-96') {
    const s = checkNumericSerial(serial, SGTIN96_MAX_SERIAL, 'SGTIN-96')
    if (!s.ok) return s
    writeBits(w, 58, 38, s.value)
    return ok(formatSgtin(scheme, filter, partition, companyPrefix, itemReference, serial, wordsToHex(w, 96)))
  }
  if (serial.length === 0 || serial.length > SERIAL198_CHARS || !isCset82(serial)) {
    return fail('epc.serial', { scheme: 'SGTIN-198', field: 'serial', value: serial, allowed: SERIAL198_RULE }, { value: serial })
  }
  for (let k = 0; k < serial.length; k++) writeBits(w, 58 + 7 * k, 7, serial.charCodeAt(k))
  return ok(formatSgtin(scheme, filter, partition, companyPrefix, itemReference, serial, wordsToHex(w, storedBits(198))))
}

