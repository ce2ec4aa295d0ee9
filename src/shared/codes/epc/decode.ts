import { err, type Result } from '../../result'
import { MAX_WORDS, hexToWords } from './bits'
import { decodeGrai96 } from './grai'
import { decodeSgln96 } from './sgln'
import { decodeSgtin96, decodeSgtin198 } from './sgtin'
import { decodeSscc96 } from './sscc'
import type { Epc } from './types'

/** Reused parse buffer: decoding is synchronous, so one module-level scratch is safe and allocation-free. */
const scratch = new Uint32Array(MAX_WORDS)

function badHex(hex: string): Result<never> {
  if (hex.length === 0) return err('epc.hex', 'EPC hex is empty.')
  let i = 0
  while (i < hex.length && /[0-9a-fA-F]/.test(hex[i]!)) i++
  return err('epc.hex', `EPC must be hexadecimal digits; found ${JSON.stringify(hex[i] ?? '')} at position ${i + 1}.`, { position: i })
}

function tooShort(scheme: string, need: number, have: number): Result<never> {
  return err('epc.too_short', `${scheme} needs ${need} bits (${Math.ceil(need / 4)} hex digits), got ${have}.`, { need, have })
}

/**
 * Decodes the EPC bank from the header on (case-insensitive hex; bits past the scheme's length are
 * ignored). Never throws: bad input gives `{ ok: false }` with `epc.hex`, `epc.too_short`, `epc.header`,
 * `epc.partition`, `epc.range`, `epc.reserved` or `epc.serial`.
 */
export function decodeEpc(hex: string): Result<Epc> {
  if (typeof hex !== 'string') return err('epc.hex', 'EPC hex must be a string.')
  const bits = hexToWords(hex, scratch)
  if (bits < 0) return badHex(hex)
  if (bits < 8) return err('epc.too_short', `EPC hex needs at least the 8-bit header, got ${bits} bits.`, { have: bits })
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
    case 0x00:
      return err('epc.header', 'EPC header 0x00: the tag is not programmed.', { header })
    default:
      return err('epc.header', `EPC header 0x${header.toString(16).toUpperCase().padStart(2, '0')} is not a supported scheme (SGTIN-96 0x30, SGTIN-198 0x36, SSCC-96 0x31, SGLN-96 0x32, GRAI-96 0x33).`, { header })
  }
}
