import { R2K_CMD, R2K_SUCCESS, r2kAnswer, r2kCommand, r2kRoundDone, r2kTagRecord } from '../r2000/commands'
import { R2000Framer, type R2kFrame } from '../r2000/framer'
import { startSimCore, type ReaderSimOptions, type RfidSimulator, type SimProtocol } from './sim-core'

export interface R2000SimOptions extends ReaderSimOptions {
  /** The reader's own address (default 0x01). */
  address?: number
  /** Tag frames per inventory round (default: 8 per repeat asked, at least one pass over the population). */
  roundFrames?: number
  /** Antennas with nothing connected: inventory on them answers 0x22 (antenna missing). */
  missingAntennas?: readonly number[]
}

/**
 * An Impinj R2000 "A0" reader on a pty: answers version and settings, runs real-time inventory
 * rounds (tag records, then the round summary) on the work antenna, and damages frames on request.
 */
export function startR2000Simulator(options: R2000SimOptions): RfidSimulator {
  const framer = new R2000Framer({ staleMs: 100 })
  const address = options.address ?? 0x01
  let antenna = 1
  let roundSize = 0
  let roundTotal = 0
  let frequency = 0
  const protocol: SimProtocol = {
    kinds: ['crc', 'truncate', 'noise'],
    onBytes(data, control) {
      if (framer.listenerCount('data') === 0) framer.on('data', (f: { kind: string }) => {
        if (f.kind !== 'frame') return
        const frame = f as R2kFrame
        control.countCommand()
        switch (frame.cmd) {
          case R2K_CMD.getFirmwareVersion:
            control.answer(r2kCommand(R2K_CMD.getFirmwareVersion, [0x01, 0x05], address))
            return
          case R2K_CMD.setWorkAntenna:
            antenna = (frame.data[0] ?? 0) + 1
            control.answer(r2kAnswer(frame.cmd, R2K_SUCCESS, address))
            return
          case R2K_CMD.setGpio:
            control.setOutput(frame.data[0] ?? 0, frame.data[1] === 1)
            control.answer(r2kAnswer(frame.cmd, R2K_SUCCESS, address))
            return
          case R2K_CMD.setOutputPower:
          case R2K_CMD.setFrequencyRegion:
          case R2K_CMD.setBeeper:
            control.answer(r2kAnswer(frame.cmd, R2K_SUCCESS, address))
            return
          case R2K_CMD.realTimeInventory: {
            if (options.missingAntennas?.includes(antenna)) {
              control.answer(r2kAnswer(R2K_CMD.realTimeInventory, 0x22, address))
              return
            }
            const repeat = frame.data[0] ?? 1
            roundSize = options.roundFrames ?? Math.max(8 * repeat, (options.tags?.length ?? 0) * (options.repeats ?? 3))
            roundTotal = 0
            control.setReading(true)
            return
          }
          case R2K_CMD.reset:
            control.setReading(false)
            return
          default:
            control.answer(r2kAnswer(frame.cmd, 0x11, address))
        }
      })
      framer.write(data)
    },
    tagFrame(tag) {
      frequency = (frequency + 1) % 50
      roundTotal++
      return r2kTagRecord({ epc: tag.epc, antenna, rssi: tag.rssi, frequencyIndex: 7 + frequency, ...(tag.xpc ? { xpc: tag.xpc } : {}) }, address)
    },
    damage(frame, kind, random) {
      if (kind === 'crc') {
        const b = Buffer.from(frame)
        b[7 + Math.floor(random() * 12)]! ^= 1 << Math.floor(random() * 8)
        return b
      }
      if (kind === 'truncate') return frame.subarray(0, 4 + Math.floor(random() * (frame.length - 6)))
      const noise = Buffer.alloc(1 + Math.floor(random() * 16))
      for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256)
      return Buffer.concat([noise, frame])
    },
    tick(control) {
      if (!control.reading() || control.framesThisRun() < roundSize) return null
      control.setReading(false)
      return r2kRoundDone(antenna, Math.min(0xffff, roundTotal), roundTotal, address)
    }
  }
  return startSimCore(options, protocol)
}
