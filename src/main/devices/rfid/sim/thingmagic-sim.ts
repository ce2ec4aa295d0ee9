import { epcBytesOfPc } from '../epc-bytes'
import { TM_OP, tmResponse } from '../thingmagic/commands'
import { ThingMagicFramer, type TmFrame } from '../thingmagic/framer'
import { TM_RECORD_PC_AT, tmFixFrameCrc, tmKeepAlive, tmTagRecord } from '../thingmagic/records'
import { startSimCore, type ReaderSimOptions, type RfidSimulator, type SimProtocol } from './sim-core'

/** Version answer: bootloader, hardware (M6E Nano family), firmware date, firmware version, protocols (Gen2). */
const VERSION = [0x12, 0x03, 0x12, 0x00, 0x30, 0x01, 0x00, 0x00, 0x20, 0x24, 0x05, 0x13, 0x01, 0x0b, 0x01, 0x0e, 0x00, 0x00, 0x00, 0x10]
const SIMPLE_OPS = new Set<number>([TM_OP.setRegion, TM_OP.setReadTxPower, TM_OP.setAntennaPort, TM_OP.setTagProtocol, TM_OP.setProtocolParam, TM_OP.setReaderOptions, TM_OP.clearTagBuffer, TM_OP.setBaud])

export interface ThingMagicSimOptions extends ReaderSimOptions {
  /** Keep-alive period while reading (default 1000 ms). */
  keepAliveMs?: number
}

/**
 * A ThingMagic (Mercury) reader on a pty: answers version and settings, streams 0x22 tag records
 * with keep-alives while a continuous read runs, and damages frames on request. No native module.
 */
export function startThingMagicSimulator(options: ThingMagicSimOptions): RfidSimulator {
  const framer = new ThingMagicFramer({ direction: 'command', staleMs: 100 })
  const keepAliveMs = options.keepAliveMs ?? 1000
  let lastKeepAlive = 0
  let frequency = 0
  const protocol: SimProtocol = {
    kinds: ['crc', 'tag_crc', 'truncate', 'noise'],
    onBytes(data, control) {
      if (framer.listenerCount('data') === 0) framer.on('data', (f: { kind: string }) => {
        if (f.kind !== 'frame') return
        const frame = f as TmFrame
        control.countCommand()
        if (frame.opcode === TM_OP.version) control.answer(tmResponse(TM_OP.version, 0, VERSION))
        else if (frame.opcode === TM_OP.multiProtocolTagOp && frame.data[2] === 0x01) {
          control.answer(tmResponse(TM_OP.multiProtocolTagOp, 0, [0x00, 0x00, 0x01]))
          lastKeepAlive = performance.now()
          control.setReading(true)
        } else if (frame.opcode === TM_OP.multiProtocolTagOp && frame.data[2] === 0x02) {
          const was = control.reading()
          control.setReading(false)
          if (was) control.answer(tmResponse(TM_OP.multiProtocolTagOp, 0, [0x00, 0x00, 0x02]))
        } else if (frame.opcode === TM_OP.setGpioOutputs && frame.data.length === 2) {
          control.setOutput(frame.data[0]!, frame.data[1] === 1)
          control.answer(tmResponse(TM_OP.setGpioOutputs, 0))
        } else if (SIMPLE_OPS.has(frame.opcode)) control.answer(tmResponse(frame.opcode, 0))
        else control.answer(tmResponse(frame.opcode, 0x0101))
      })
      framer.write(data)
    },
    tagFrame(tag, readerMs) {
      frequency = (frequency + 1) % 50
      return tmTagRecord({ epc: tag.epc, rssi: tag.rssi, antenna: tag.antenna, frequencyKhz: 902_750 + frequency * 500, readerMs, phase: Math.round(readerMs % 180), ...(tag.xpc ? { xpc: tag.xpc } : {}) })
    },
    damage(frame, kind, random) {
      // A bit of the EPC (the bytes before the tag CRC and frame CRC), whatever the EPC's length.
      const epcBytes = epcBytesOfPc(frame.readUInt16BE(TM_RECORD_PC_AT))
      const flip = (b: Buffer) => void (b[b.length - 4 - epcBytes + Math.floor(random() * epcBytes)]! ^= 1 << Math.floor(random() * 8))
      if (kind === 'crc') {
        const b = Buffer.from(frame)
        flip(b)
        return b
      }
      if (kind === 'tag_crc') {
        const b = Buffer.from(frame)
        flip(b)
        return tmFixFrameCrc(b)
      }
      if (kind === 'truncate') return frame.subarray(0, 5 + Math.floor(random() * (frame.length - 8)))
      const noise = Buffer.alloc(1 + Math.floor(random() * 16))
      for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256)
      return Buffer.concat([noise, frame])
    },
    tick(control, now) {
      if (!control.reading() || now - lastKeepAlive < keepAliveMs) return null
      lastKeepAlive = now
      control.countKeepAlive()
      return tmKeepAlive()
    }
  }
  return startSimCore(options, protocol)
}
