import { gen2Crc16, thingMagicCrc } from '../crc'
import { epcAsWords, epcBytesOfPc, pcFor, toHex, xpcBytesAt, xpcWords } from '../epc-bytes'
import type { ReaderInfo, RejectCode } from '../types'
import { TM_METADATA_ALL, TM_OP, TM_PROTOCOL_GEN2, TM_STATUS_KEEPALIVE, TM_STATUS_TEMPERATURE_THROTTLE, tmResponse } from './commands'
import type { TmFrame } from './framer'

/** One tag out of a ThingMagic tag record, after its Gen2 CRC checked out. */
export interface TmTag {
  epc: string
  pc: number
  antenna: number | null
  rssi: number | null
  frequencyKhz: number | null
  phase: number | null
  readerMs: number | null
  readCount: number | null
}

/** What a checked frame means. */
export type TmMessage =
  | { kind: 'tags'; tags: TmTag[]; rejected: RejectCode[] }
  | { kind: 'keepalive' }
  | { kind: 'throttle' }
  | { kind: 'response'; opcode: number; status: number; data: Buffer }

const F = { readCount: 0x01, rssi: 0x02, antenna: 0x04, frequency: 0x08, timestamp: 0x10, phase: 0x20, protocol: 0x40, data: 0x80, gpio: 0x100 } as const

/**
 * Classifies a checked reader frame. A 0x22 record during a continuous read is
 * `option(1) searchFlags(2) metadataFlags(2) tagCount(1)` then per tag the metadata fields the flags
 * name, in flag order, then `epcBits(2) PC(2) [XPC_W1(2) [XPC_W2(2)]] EPC tagCRC(2)`, epcBits counting
 * PC, XPC, EPC and CRC. Every tag's Gen2 CRC is
 * checked and its length must agree with its PC word; any disagreement rejects the tag (and a
 * structural one the rest of the record) — a damaged record never yields an EPC.
 */
export function classifyTmFrame(frame: TmFrame): TmMessage {
  const status = frame.status ?? 0
  const d = frame.data
  if ((frame.opcode === TM_OP.readTagMultiple || frame.opcode === TM_OP.multiProtocolTagOp) && d.length === 0) {
    if (status === TM_STATUS_KEEPALIVE) return { kind: 'keepalive' }
    if (status === TM_STATUS_TEMPERATURE_THROTTLE) return { kind: 'throttle' }
  }
  if (frame.opcode !== TM_OP.readTagMultiple || status !== 0 || d.length === 0) return { kind: 'response', opcode: frame.opcode, status, data: d }
  return parseTagRecords(d)
}

function parseTagRecords(d: Buffer): TmMessage {
  const tags: TmTag[] = []
  const rejected: RejectCode[] = []
  if (d.length < 6) return { kind: 'tags', tags, rejected: ['rfid.bad_record'] }
  const flags = (d[3]! << 8) | d[4]!
  const count = d[5]!
  let p = 6
  for (let t = 0; t < count; t++) {
    const tag: TmTag = { epc: '', pc: 0, antenna: null, rssi: null, frequencyKhz: null, phase: null, readerMs: null, readCount: null }
    let protocol = TM_PROTOCOL_GEN2
    const need = (n: number) => p + n <= d.length
    if (flags & F.readCount) {
      if (!need(1)) return bad(tags, rejected)
      tag.readCount = d[p++]!
    }
    if (flags & F.rssi) {
      if (!need(1)) return bad(tags, rejected)
      tag.rssi = (d[p++]! << 24) >> 24
    }
    if (flags & F.antenna) {
      if (!need(1)) return bad(tags, rejected)
      const a = d[p++]!
      tag.antenna = a >> 4 || a & 0x0f
    }
    if (flags & F.frequency) {
      if (!need(3)) return bad(tags, rejected)
      tag.frequencyKhz = (d[p]! << 16) | (d[p + 1]! << 8) | d[p + 2]!
      p += 3
    }
    if (flags & F.timestamp) {
      if (!need(4)) return bad(tags, rejected)
      tag.readerMs = d.readUInt32BE(p)
      p += 4
    }
    if (flags & F.phase) {
      if (!need(2)) return bad(tags, rejected)
      tag.phase = (d[p]! << 8) | d[p + 1]!
      p += 2
    }
    if (flags & F.protocol) {
      if (!need(1)) return bad(tags, rejected)
      protocol = d[p++]!
    }
    if (flags & F.data) {
      if (!need(2)) return bad(tags, rejected)
      const bytes = Math.ceil(((d[p]! << 8) | d[p + 1]!) / 8)
      p += 2
      if (!need(bytes)) return bad(tags, rejected)
      p += bytes
    }
    if (flags & F.gpio) {
      if (!need(1)) return bad(tags, rejected)
      p++
    }
    if (!need(2)) return bad(tags, rejected)
    const bits = (d[p]! << 8) | d[p + 1]!
    p += 2
    const bytes = bits >> 3
    if (bits % 8 !== 0 || bytes < 4 || !need(bytes) || protocol !== TM_PROTOCOL_GEN2) return bad(tags, rejected)
    const start = p
    const end = p + bytes - 2
    p += bytes
    const pc = (d[start]! << 8) | d[start + 1]!
    const xpc = xpcBytesAt(d, start, end)
    const epcStart = start + 2 + xpc
    if (xpc < 0 || epcStart > end || end - epcStart !== epcBytesOfPc(pc)) {
      rejected.push('rfid.bad_record')
      continue
    }
    if (gen2Crc16(d, start, end) !== ((d[end]! << 8) | d[end + 1]!)) {
      rejected.push('rfid.bad_tag_crc')
      continue
    }
    tag.pc = pc
    tag.epc = toHex(d, epcStart, end)
    tags.push(tag)
  }
  if (p !== d.length) rejected.push('rfid.bad_record')
  return { kind: 'tags', tags, rejected }
}

function bad(tags: TmTag[], rejected: RejectCode[]): TmMessage {
  rejected.push('rfid.bad_record')
  return { kind: 'tags', tags, rejected }
}

/** Version response data: bootloader(4) hardware(4) firmware date(4) firmware version(4) protocols(4). */
export function parseTmVersion(data: Buffer): ReaderInfo | null {
  if (data.length < 16) return null
  const hex = (from: number) => toHex(data, from, from + 4)
  const fw = data.subarray(12, 16)
  return { protocol: 'thingmagic', model: hex(4), firmware: `${[...fw].map((b) => b.toString(16).padStart(2, '0')).join('.')} (${hex(8)})` }
}

export interface TmTagSpec {
  epc: string
  rssi?: number
  antenna?: number
  frequencyKhz?: number
  readerMs?: number
  phase?: number
  /** XPC words the tag backscatters after its PC (sets the PC's XI bit): XPC_W1, and XPC_W2 when W1's XEB bit is set. */
  xpc?: readonly number[]
}

/** Offset of the PC word in a frame `tmTagRecord` builds (header 5, record header 6, metadata 16, epcBits 2). */
export const TM_RECORD_PC_AT = 29

/**
 * A continuous-read tag record as a reader sends it (metadata 0x01FF, one tag), for simulators and
 * tests. `FF 28 22 …` for a 96-bit EPC: 47 bytes; an EPC that is not whole words is zero-padded to them.
 */
export function tmTagRecord(tag: TmTagSpec): Buffer {
  const epc = epcAsWords(Buffer.from(tag.epc, 'hex'))
  const xpc = xpcWords(tag.xpc)
  const pc = pcFor(epc.length, { xpc: xpc.length > 0 })
  const body: number[] = [0x10, 0x00, 0x1b, (TM_METADATA_ALL >> 8) & 0xff, TM_METADATA_ALL & 0xff, 0x01]
  const f = tag.frequencyKhz ?? 915_250
  const ts = tag.readerMs ?? 0
  const ant = tag.antenna ?? 1
  body.push(0x01, (tag.rssi ?? -60) & 0xff, ((ant & 0x0f) << 4) | (ant & 0x0f), (f >> 16) & 0xff, (f >> 8) & 0xff, f & 0xff)
  body.push((ts >>> 24) & 0xff, (ts >>> 16) & 0xff, (ts >>> 8) & 0xff, ts & 0xff, ((tag.phase ?? 0) >> 8) & 0xff, (tag.phase ?? 0) & 0xff)
  body.push(TM_PROTOCOL_GEN2, 0x00, 0x00, 0x0f)
  const bits = (epc.length + xpc.length + 4) * 8
  body.push((bits >> 8) & 0xff, bits & 0xff)
  const tagPart = Buffer.concat([Buffer.from([pc >> 8, pc & 0xff]), xpc, epc])
  const crc = gen2Crc16(tagPart)
  body.push(...tagPart, crc >> 8, crc & 0xff)
  return tmResponse(TM_OP.readTagMultiple, 0, body)
}

/** Keep-alive: `FF 00 22 04 00 CRC`. */
export const tmKeepAlive = () => tmResponse(TM_OP.readTagMultiple, TM_STATUS_KEEPALIVE)

/** Recomputes the frame CRC of a response in place (to build a frame whose only fault is the tag CRC). */
export function tmFixFrameCrc(frame: Buffer): Buffer {
  const crc = thingMagicCrc(frame, 1, frame.length - 2)
  frame[frame.length - 2] = crc >> 8
  frame[frame.length - 1] = crc & 0xff
  return frame
}
