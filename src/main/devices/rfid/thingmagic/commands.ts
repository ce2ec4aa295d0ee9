import { thingMagicCrc } from '../crc'
import { TM_HEADER } from './framer'

/** Mercury serial opcodes used here (serial_reader_imp.h). */
export const TM_OP = {
  version: 0x03,
  setBaud: 0x06,
  readTagMultiple: 0x22,
  clearTagBuffer: 0x2a,
  multiProtocolTagOp: 0x2f,
  setAntennaPort: 0x91,
  setReadTxPower: 0x92,
  setTagProtocol: 0x93,
  setGpioOutputs: 0x96,
  setRegion: 0x97,
  setReaderOptions: 0x9a,
  setProtocolParam: 0x9b
} as const

/** Status word of a keep-alive during continuous reading ("no tags found" in this cycle). */
export const TM_STATUS_KEEPALIVE = 0x0400
/** Status word the reader sends when it throttles for temperature. */
export const TM_STATUS_TEMPERATURE_THROTTLE = 0x0504

export const TM_PROTOCOL_GEN2 = 0x05

/** Region codes of `setRegion` (Mercury TMR_Region). */
export const TM_REGIONS: Readonly<Record<string, number>> = { NA: 0x01, EU: 0x02, KR: 0x03, IN: 0x04, JP: 0x05, PRC: 0x06, EU2: 0x07, EU3: 0x08, KR2: 0x09, AU: 0x0b, NZ: 0x0c, NA2: 0x0d, NA3: 0x0e, OPEN: 0xff }

/** Metadata the continuous read asks for: count, RSSI, antenna, frequency, timestamp, phase, protocol, data, GPIO. */
export const TM_METADATA_ALL = 0x01ff

/** A host → reader frame: `FF LEN OP DATA CRC(2)`. */
export function tmCommand(opcode: number, data: ArrayLike<number> = []): Buffer {
  if (data.length > 255) throw new RangeError(`ThingMagic command data is at most 255 bytes, got ${data.length}.`)
  const out = Buffer.alloc(data.length + 5)
  out[0] = TM_HEADER
  out[1] = data.length
  out[2] = opcode
  for (let i = 0; i < data.length; i++) out[3 + i] = data[i]!
  const crc = thingMagicCrc(out, 1, 3 + data.length)
  out[3 + data.length] = crc >>> 8
  out[4 + data.length] = crc & 0xff
  return out
}

/** A reader → host frame: `FF LEN OP STATUS(2) DATA CRC(2)` (simulators and tests build these). */
export function tmResponse(opcode: number, status: number, data: ArrayLike<number> = []): Buffer {
  const out = Buffer.alloc(data.length + 7)
  out[0] = TM_HEADER
  out[1] = data.length
  out[2] = opcode
  out[3] = (status >>> 8) & 0xff
  out[4] = status & 0xff
  for (let i = 0; i < data.length; i++) out[5 + i] = data[i]!
  const crc = thingMagicCrc(out, 1, 5 + data.length)
  out[5 + data.length] = crc >>> 8
  out[6 + data.length] = crc & 0xff
  return out
}

const u16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff]

export const tmGetVersion = () => tmCommand(TM_OP.version)

export function tmSetBaud(baud: number): Buffer {
  return tmCommand(TM_OP.setBaud, [(baud >>> 24) & 0xff, (baud >>> 16) & 0xff, (baud >>> 8) & 0xff, baud & 0xff])
}

export function tmRegionCode(region: string): number | undefined {
  return TM_REGIONS[region.toUpperCase()]
}

export function tmSetRegion(region: string | number): Buffer {
  const code = typeof region === 'number' ? region : tmRegionCode(region)
  if (code === undefined || code < 0 || code > 0xff) throw new RangeError(`Unknown ThingMagic region "${region}" (one of ${Object.keys(TM_REGIONS).join(', ')}).`)
  return tmCommand(TM_OP.setRegion, [code])
}

/** Read power in dBm (0.01 dBm resolution on the wire). */
export function tmSetReadPower(dbm: number): Buffer {
  const centi = Math.round(dbm * 100)
  if (!Number.isFinite(centi) || centi < 0 || centi > 3150) throw new RangeError(`ThingMagic read power must be 0–31.5 dBm, got ${dbm}.`)
  return tmCommand(TM_OP.setReadTxPower, u16(centi))
}

/** One port: TX = RX = port. Several: the logical antenna search list (option 2) of (tx, rx) pairs. */
export function tmSetAntennas(ports: readonly number[]): Buffer {
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 64)) throw new RangeError(`Antenna ports must be whole numbers 1–64, got [${ports.join(', ')}].`)
  if (ports.length === 1) return tmCommand(TM_OP.setAntennaPort, [ports[0]!, ports[0]!])
  return tmCommand(TM_OP.setAntennaPort, [0x02, ...ports.flatMap((p) => [p, p])])
}

export const tmSetProtocolGen2 = () => tmCommand(TM_OP.setTagProtocol, [0x00, TM_PROTOCOL_GEN2])

export function tmSetSession(session: number): Buffer {
  if (![0, 1, 2, 3].includes(session)) throw new RangeError(`Gen2 session must be 0–3, got ${session}.`)
  return tmCommand(TM_OP.setProtocolParam, [TM_PROTOCOL_GEN2, 0x00, session])
}

const TARGETS: Readonly<Record<string, number>> = { A: 0x0100, B: 0x0101, AB: 0x0000, BA: 0x0001 }

export function tmSetTarget(target: 'A' | 'B' | 'AB' | 'BA'): Buffer {
  const v = TARGETS[target]
  if (v === undefined) throw new RangeError(`Gen2 target must be A, B, AB or BA, got ${String(target)}.`)
  return tmCommand(TM_OP.setProtocolParam, [TM_PROTOCOL_GEN2, 0x01, ...u16(v)])
}

/** Reader option 0x0C (unique-tag read filter) off, so every read of a tag is reported during a continuous read. */
export const tmDisableReadFilter = () => tmCommand(TM_OP.setReaderOptions, [0x01, 0x0c, 0x00])

/**
 * Start a continuous Gen2 read (multi-protocol tag op, option 1 = continuous, sub-command 0x22 with
 * metadata): the reader then streams 0x22 tag records and a keep-alive about once a second.
 */
export function tmStartContinuousRead(options: { metadataFlags?: number; cycleMs?: number } = {}): Buffer {
  const flags = options.metadataFlags ?? TM_METADATA_ALL
  const cycle = options.cycleMs ?? 1000
  return tmCommand(TM_OP.multiProtocolTagOp, [0x00, 0x00, 0x01, TM_OP.readTagMultiple, 0x00, 0x00, TM_PROTOCOL_GEN2, 0x07, TM_OP.readTagMultiple, 0x10, 0x00, 0x1b, ...u16(cycle), ...u16(flags)])
}

/** `FF 03 2F 00 00 02 5E 86`. */
export const tmStopContinuousRead = () => tmCommand(TM_OP.multiProtocolTagOp, [0x00, 0x00, 0x02])

/** Sets a general-purpose output (stack light, buzzer) high or low. */
export function tmSetGpo(pin: number, high: boolean): Buffer {
  if (!Number.isInteger(pin) || pin < 1 || pin > 8) throw new RangeError(`GPO pin must be 1–8, got ${pin}.`)
  return tmCommand(TM_OP.setGpioOutputs, [pin, high ? 1 : 0])
}

export const tmClearTagBuffer = () => tmCommand(TM_OP.clearTagBuffer)
