import { r2000Check } from '../crc'
import { epcAsWords, epcBytesOfPc, pcFor, toHex, xpcBytesAt, xpcWords } from '../epc-bytes'
import type { ReaderInfo } from '../types'
import { R2K_HEADER, type R2kFrame } from './framer'

/** Commands of the Impinj R2000 serial protocol used here (the many "A0" fixed readers and modules). */
export const R2K_CMD = {
  setGpio: 0x61,
  reset: 0x70,
  getFirmwareVersion: 0x72,
  setWorkAntenna: 0x74,
  getWorkAntenna: 0x75,
  setOutputPower: 0x76,
  setFrequencyRegion: 0x78,
  setBeeper: 0x7a,
  realTimeInventory: 0x89,
  fastSwitchInventory: 0x8a,
  sessionTargetInventory: 0x8b
} as const

export const R2K_SUCCESS = 0x10
/** Error codes the reader may answer with (pyImpinj enums). */
export const R2K_ERRORS: Readonly<Record<number, string>> = {
  0x11: 'fail',
  0x20: 'mcu_reset',
  0x21: 'cw_on',
  0x22: 'antenna_missing',
  0x23: 'write_flash',
  0x24: 'read_flash',
  0x25: 'set_output_power',
  0x31: 'tag_inventory',
  0x36: 'no_tag',
  0x41: 'parameter_invalid',
  0x47: 'antenna_out_of_range',
  0x48: 'output_power_out_of_range',
  0x49: 'region_out_of_range'
}

export const R2K_REGIONS: Readonly<Record<string, { code: number; start: number; end: number }>> = {
  FCC: { code: 1, start: 7, end: 59 },
  ETSI: { code: 2, start: 0, end: 6 },
  CHN: { code: 3, start: 43, end: 53 }
}

/** Broadcast address: every reader on the bus answers with its own address. */
export const R2K_BROADCAST = 0xff

export function r2kCommand(cmd: number, data: ArrayLike<number> = [], address = R2K_BROADCAST): Buffer {
  if (data.length > 252) throw new RangeError(`R2000 command data is at most 252 bytes, got ${data.length}.`)
  const out = Buffer.alloc(data.length + 5)
  out[0] = R2K_HEADER
  out[1] = data.length + 3
  out[2] = address
  out[3] = cmd
  for (let i = 0; i < data.length; i++) out[4 + i] = data[i]!
  out[out.length - 1] = r2000Check(out, 0, out.length - 1)
  return out
}

/** `A0 03 FF 70 EE`. The reader reboots and does not answer. */
export const r2kReset = (address?: number) => r2kCommand(R2K_CMD.reset, [], address)
export const r2kGetFirmwareVersion = (address?: number) => r2kCommand(R2K_CMD.getFirmwareVersion, [], address)

export function r2kSetWorkAntenna(antenna: number, address?: number): Buffer {
  if (!Number.isInteger(antenna) || antenna < 1 || antenna > 8) throw new RangeError(`R2000 antenna must be 1–8, got ${antenna}.`)
  return r2kCommand(R2K_CMD.setWorkAntenna, [antenna - 1], address)
}

/** Output power in whole dBm (0–33) for every antenna. */
export function r2kSetOutputPower(dbm: number, address?: number): Buffer {
  if (!Number.isInteger(dbm) || dbm < 0 || dbm > 33) throw new RangeError(`R2000 output power must be a whole number 0–33 dBm, got ${dbm}.`)
  return r2kCommand(R2K_CMD.setOutputPower, [dbm], address)
}

export function r2kSetRegion(region: string, address?: number): Buffer {
  const r = R2K_REGIONS[region.toUpperCase()]
  if (!r) throw new RangeError(`Unknown R2000 region "${region}" (one of ${Object.keys(R2K_REGIONS).join(', ')}).`)
  return r2kCommand(R2K_CMD.setFrequencyRegion, [r.code, r.start, r.end], address)
}

/** Real-time inventory of `repeat` rounds on the work antenna: `A0 04 FF 89 FF D5` for 255. */
export function r2kRealTimeInventory(repeat = 0xff, address?: number): Buffer {
  return r2kCommand(R2K_CMD.realTimeInventory, [repeat & 0xff], address)
}

/** Inventory with a Gen2 session (0–3) and target (A/B). */
export function r2kSessionTargetInventory(session: number, target: 'A' | 'B', repeat = 1, address?: number): Buffer {
  return r2kCommand(R2K_CMD.sessionTargetInventory, [session & 3, target === 'B' ? 1 : 0, repeat & 0xff], address)
}

/** Fast antenna switching over up to four antennas (1-based), `rounds` inventories each. */
export function r2kFastSwitchInventory(antennas: readonly number[], options: { rounds?: number; intervalMs?: number; repeat?: number } = {}, address?: number): Buffer {
  const data: number[] = []
  for (let i = 0; i < 4; i++) {
    const a = antennas[i]
    data.push(a === undefined ? 0xff : a - 1, options.rounds ?? 1)
  }
  data.push(options.intervalMs ?? 0, options.repeat ?? 1)
  return r2kCommand(R2K_CMD.fastSwitchInventory, data, address)
}

/** GPIO 3 or 4 (the writable ones) high or low. */
export function r2kSetGpio(pin: number, high: boolean, address?: number): Buffer {
  if (pin !== 3 && pin !== 4) throw new RangeError(`R2000 outputs are GPIO 3 and 4, got ${pin}.`)
  return r2kCommand(R2K_CMD.setGpio, [pin, high ? 1 : 0], address)
}

/** Frequency of the channel index a tag record reports (865–868 MHz for 0–6, then 902–928 MHz). */
export function r2kFrequencyKhz(index: number): number | null {
  if (index < 7) return 865_000 + index * 500
  if (index < 60) return 902_000 + (index - 7) * 500
  return null
}

export interface R2kTag {
  epc: string
  pc: number
  antenna: number
  rssi: number
  frequencyKhz: number | null
}

export type R2kMessage =
  | { kind: 'tag'; tag: R2kTag }
  | { kind: 'bad_record' }
  | { kind: 'round_done'; antenna: number; readRate: number; totalReads: number }
  | { kind: 'inventory_error'; error: number }
  | { kind: 'response'; cmd: number; data: Buffer }

const INVENTORY_CMDS = new Set<number>([R2K_CMD.realTimeInventory, R2K_CMD.sessionTargetInventory, R2K_CMD.fastSwitchInventory])

/**
 * Classifies a checked frame. Inventory answers are: one byte (an error code), seven (the end of the
 * round: antenna, read rate, total reads), or a tag record `freqAnt(1) PC(2) [XPC_W1(2) [XPC_W2(2)]] EPC
 * RSSI(1)` whose EPC length must be the one its PC word announces (XPC words as the tag backscatters
 * them when the PC's XI bit is set: an assumption, HARDWARE.md does not say how A0 readers send them). RSSI in dBm = byte − 129 (pyImpinj; some firmware
 * differs — see docs/adr/0010-rfid-readers.md).
 */
export function classifyR2kFrame(frame: R2kFrame): R2kMessage {
  const d = frame.data
  if (!INVENTORY_CMDS.has(frame.cmd)) return { kind: 'response', cmd: frame.cmd, data: d }
  if (d.length === 1) return { kind: 'inventory_error', error: d[0]! }
  if (d.length === 7 && frame.cmd !== R2K_CMD.fastSwitchInventory) return { kind: 'round_done', antenna: d[0]! + 1, readRate: (d[1]! << 8) | d[2]!, totalReads: d.readUInt32BE(3) }
  if (d.length === 7) return { kind: 'round_done', antenna: 0, readRate: 0, totalReads: (d[0]! << 16) | (d[1]! << 8) | d[2]! }
  if (d.length < 6) return { kind: 'bad_record' }
  const pc = (d[1]! << 8) | d[2]!
  const xpc = xpcBytesAt(d, 1, d.length - 1)
  const epcStart = 3 + xpc
  const epcLen = d.length - 1 - epcStart
  if (xpc < 0 || epcLen <= 0 || epcLen !== epcBytesOfPc(pc)) return { kind: 'bad_record' }
  return {
    kind: 'tag',
    tag: { epc: toHex(d, epcStart, epcStart + epcLen), pc, antenna: (d[0]! & 0x03) + 1, rssi: d[d.length - 1]! - 129, frequencyKhz: r2kFrequencyKhz(d[0]! >> 2) }
  }
}

/** Firmware version answer: major, minor. */
export function parseR2kVersion(data: Buffer): ReaderInfo | null {
  if (data.length !== 2) return null
  return { protocol: 'r2000', model: 'R2000', firmware: `${data[0]}.${data[1]}` }
}

export interface R2kTagSpec {
  epc: string
  antenna?: number
  rssi?: number
  frequencyIndex?: number
  /** XPC words after the PC (sets XI): XPC_W1, and XPC_W2 when W1's XEB bit is set. */
  xpc?: readonly number[]
}

/** A real-time inventory tag record as a reader sends it (21 bytes for a 96-bit EPC; EPCs padded to whole words). */
export function r2kTagRecord(tag: R2kTagSpec, address = 0x01): Buffer {
  const epc = epcAsWords(Buffer.from(tag.epc, 'hex'))
  const xpc = xpcWords(tag.xpc)
  const pc = pcFor(epc.length, { xpc: xpc.length > 0 })
  const freqAnt = (((tag.frequencyIndex ?? 20) & 0x3f) << 2) | (((tag.antenna ?? 1) - 1) & 0x03)
  return r2kCommand(R2K_CMD.realTimeInventory, [freqAnt, pc >> 8, pc & 0xff, ...xpc, ...epc, ((tag.rssi ?? -60) + 129) & 0xff], address)
}

/** The end-of-round answer of a real-time inventory. */
export function r2kRoundDone(antenna: number, readRate: number, totalReads: number, address = 0x01): Buffer {
  return r2kCommand(R2K_CMD.realTimeInventory, [antenna - 1, (readRate >> 8) & 0xff, readRate & 0xff, (totalReads >>> 24) & 0xff, (totalReads >>> 16) & 0xff, (totalReads >>> 8) & 0xff, totalReads & 0xff], address)
}

/** A one-byte answer: success (0x10) or an error code. */
export function r2kAnswer(cmd: number, code = R2K_SUCCESS, address = 0x01): Buffer {
  return r2kCommand(cmd, [code], address)
}
