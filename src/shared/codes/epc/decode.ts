import type { Result } from '../../result'
import { fail } from '../failure'
import { MAX_WORDS, hexToWords } from './bits'
import { decodeGrai96 } from './grai'
import { decodeSgln96 } from './sgln'
import { decodeSgtin96, decodeSgtin198 } from './sgtin'
import { decodeSscc96 } from './sscc'
import type { Epc } from './types'

/** Reused parse buffer: decoding is synchronous, so one module-level scratch is safe and allocation-free. */
const scratch = new Uint32Array(MAX_WORDS)

function badHex(hex: string): Result<never> {
  if (hex.length === 0) return fail('epc.hex', { found: '""', position: 1 })
  let i = 0
  while (i < hex.length && /[0-9a-fA-F]/.test(hex[i]!)) i++
  return fail('epc.hex', { found: JSON.stringify(hex[i] ?? ''), position: i + 1 }, { position: i })
}

function tooShort(scheme: string, need: number, have: number): Result<never> {
  return fail('epc.too_short', { scheme, need, have }, { need, have })
}

/**
 * Decodes the EPC bank from the header on (case-insensitive hex; bits past the scheme's length are
 * ignored). Never throws: bad input gives `{ ok: false }` with `epc.hex`, `epc.too_short`, `epc.header`,
 * `epc.partition`, `epc.range`, `epc.reserved` or `epc.serial`.
 */
export function decodeEpc(hex: string): Result<Epc> {
  if (typeof hex !== 'string') return fail('epc.hex', { found: typeof hex, position: 1 })
  const bits = hexToWords(hex, scratch)
  if (bits < 0) return badHex(hex)
  if (bits < 8) return fail('epc.too_short', { scheme: 'EPC', need: 8, have: bits }, { have: bits })
  const header = scratch[0]! >>> 24
  switch (header) {
    case 0x30:
      return bits < 96 ? tooShort('SGTIN-96', 96, bits) : decodeSgtin96(scratch, hex)
    case 0x36:
      return bits < 198 ? tooShort('SGTIN-198', 198, bits) : decodeSgtin198(scratch)
    case 0x31:
      return bits < 96 ? tooShort('SSCC-96', 96, bits) : decodeSscc96(scratch, hex)
    case 0x32:
      return bits < 96 ? tooShort('SGLN-96', 96, bits) : decodeSgln96(scratch, hex)
    case 0x33:
      return bits < 96 ? tooShort('GRAI-96', 96, bits) : decodeGrai96(scratch, hex)
    default:
      return fail('epc.header', { header: header.toString(16).toUpperCase().padStart(2, '0') }, { header })
  }
}
