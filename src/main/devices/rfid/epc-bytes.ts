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

/** Gen2 PC word for an EPC of `bytes` bytes: length in words in the top five bits, nothing else set. */
export function pcFor(bytes: number): number {
  return ((bytes >> 1) & 0x1f) << 11
}

/** EPC length in bytes the PC word announces. */
export function epcBytesOfPc(pc: number): number {
  return ((pc >>> 11) & 0x1f) * 2
}
