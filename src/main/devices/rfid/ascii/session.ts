import type { ProtocolSession, SessionContext } from '../session'
import { RfidFailure } from '../types'
import { AsciiLineFramer, type AsciiFramerOutput } from './framer'

/** A reader in terminal mode: it types one EPC per line whenever a tag is in the field and takes no commands. */
export function createAsciiSession(ctx: SessionContext): ProtocolSession {
  return {
    framer: new AsciiLineFramer(),
    watchdog: false,
    onFrame(frame) {
      const f = frame as AsciiFramerOutput
      if (f.kind === 'frame') ctx.tag({ epc: f.epc, antenna: f.antenna, rssi: f.rssi, frequencyKhz: null, phase: null, readerMs: null, pc: null })
    },
    async handshake() {
      return { protocol: 'ascii', model: 'ascii', firmware: '' }
    },
    async configure() {},
    async start() {},
    async stop() {},
    async restart() {},
    async setOutput(pin) {
      throw new RfidFailure('rfid.no_outputs', { pin }, 'A reader in ASCII line mode has no outputs the station can drive.')
    }
  }
}
