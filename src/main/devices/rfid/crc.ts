/**
 * The two CRC-16s of the serial UHF readers, both on polynomial 0x1021 with initial value 0xFFFF:
 * - the ThingMagic message CRC (Mercury API `serial_reader_l3.c`), fed a nibble at a time, no final
 *   complement: `FF 00 03` → `1D 0C`. It is not CRC-16/CCITT-FALSE although it looks close.
 * - the Gen2 tag CRC-16 (EPC Gen2 / CRC-16/GENIBUS: complemented output), which the tag backscatters
 *   after PC + EPC and a ThingMagic tag record carries: check value of "123456789" is 0xD64E.
 */
const NIBBLE = new Uint16Array(16)
for (let i = 0; i < 16; i++) NIBBLE[i] = ((i << 12) ^ (i << 5) ^ i) & 0xffff

const BYTE = new Uint16Array(256)
for (let i = 0; i < 256; i++) {
  let c = i << 8
  for (let b = 0; b < 8; b++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
  BYTE[i] = c
}

/** ThingMagic message CRC over `buf[start, end)`: the LEN byte up to the last data byte. */
export function thingMagicCrc(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = 0xffff
  for (let i = start; i < end; i++) {
    const b = buf[i]!
    crc = (((crc << 4) | (b >> 4)) ^ NIBBLE[crc >>> 12]!) & 0xffff
    crc = (((crc << 4) | (b & 0x0f)) ^ NIBBLE[crc >>> 12]!) & 0xffff
  }
  return crc
}

/** Gen2 CRC-16 over `buf[start, end)` (PC + EPC as the tag sends them). */
export function gen2Crc16(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = 0xffff
  for (let i = start; i < end; i++) crc = ((crc << 8) ^ BYTE[((crc >>> 8) ^ buf[i]!) & 0xff]!) & 0xffff
  return ~crc & 0xffff
}

/** R2000 check byte: two's complement of the byte sum, so that a whole frame sums to 0 mod 256. */
export function r2000Check(buf: Uint8Array, start = 0, end = buf.length): number {
  let sum = 0
  for (let i = start; i < end; i++) sum += buf[i]!
  return -sum & 0xff
}
