const HEX: string[] = []
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).toUpperCase().padStart(2, '0'))

/** Upper-case hex of `buf[start, end)` without allocating a Buffer. */
export function toHex(buf: Uint8Array, start: number, end: number): string {
  let s = ''
  for (let i = start; i < end; i++) s += HEX[buf[i]!]
  return s
}

/** Bytes of an even-length hex string (callers validate first). */
export function fromHex(hex: string): Buffer {
  return Buffer.from(hex, 'hex')
}

/** PC bit 9 (XI): an XPC_W1 word follows the PC word. */
export const PC_XI = 0x0200
/** XPC_W1 bit 15 (XEB): an XPC_W2 word follows XPC_W1. */
export const XPC_W1_XEB = 0x8000

/** Words of EPC memory an EPC of `bits` bits fills (a tag stores whole words: SGTIN-198 → 13). */
export const epcWordsOfBits = (bits: number): number => Math.ceil(bits / 16)

/**
 * The EPC as a tag backscatters it: whole 16-bit words, zero-padded at the end (a 198-bit EPC given
 * as 25 bytes is sent as 26).
 */
export function epcAsWords(epc: Buffer): Buffer {
  return epc.length % 2 === 0 ? epc : Buffer.concat([epc, Buffer.alloc(1)])
}

/**
 * Gen2 PC word for an EPC of `bytes` bytes: its length in words, rounded up, in the top five bits
 * (`xpc`: the XI bit too).
 */
export function pcFor(bytes: number, options: { xpc?: boolean } = {}): number {
  return ((epcWordsOfBits(bytes * 8) & 0x1f) << 11) | (options.xpc ? PC_XI : 0)
}

/** EPC length in bytes the PC word announces (the L field counts EPC words only, not PC or XPC). */
export function epcBytesOfPc(pc: number): number {
  return ((pc >>> 11) & 0x1f) * 2
}

/**
 * Bytes of XPC words after the PC word at `buf[pcAt]`: 0, 2 (XI set: XPC_W1) or 4 (XI set and XPC_W1's
 * XEB set: XPC_W2 too), as the Mercury API reads them (serial_reader_l3.c). -1 when XPC_W1 is announced
 * but not there to be read (before `end`).
 */
export function xpcBytesAt(buf: Uint8Array, pcAt: number, end: number): number {
  if ((buf[pcAt]! & (PC_XI >> 8)) === 0) return 0
  if (pcAt + 4 > end) return -1
  return buf[pcAt + 2]! & (XPC_W1_XEB >> 8) ? 4 : 2
}

/** XPC words as bytes, checked: one word, or two when the first has XEB set (simulators and tests). */
export function xpcWords(words: readonly number[] | undefined): Buffer {
  if (words === undefined || words.length === 0) return Buffer.alloc(0)
  const wantsW2 = (words[0]! & XPC_W1_XEB) !== 0
  if (words.length !== (wantsW2 ? 2 : 1) || words.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffff)) {
    throw new RangeError(`XPC is XPC_W1, plus XPC_W2 exactly when W1 has XEB (0x8000) set; got [${words.join(', ')}].`)
  }
  const out = Buffer.alloc(words.length * 2)
  words.forEach((w, i) => out.writeUInt16BE(w, i * 2))
  return out
}
