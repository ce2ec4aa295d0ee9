import type { ProtocolSession, SessionContext } from '../session'
import { RfidFailure, type ReaderSettings } from '../types'
import { TM_OP, tmGetVersion, tmRegionCode, tmSetAntennas, tmSetGpo, tmSetProtocolGen2, tmSetReadPower, tmSetRegion, tmSetSession, tmSetTarget, tmStartContinuousRead, tmStopContinuousRead, tmDisableReadFilter } from './commands'
import { ThingMagicFramer, type TmFrame } from './framer'
import { classifyTmFrame, parseTmVersion } from './records'

const isFrame = (f: unknown): f is TmFrame => (f as TmFrame).kind === 'frame'
const answerTo = (opcode: number) => (f: unknown) => (isFrame(f) && f.opcode === opcode ? f : undefined)
const hex = (n: number, w = 2) => `0x${n.toString(16).toUpperCase().padStart(w, '0')}`

/** ThingMagic / JADAK Mercury serial protocol (M6E Nano, Micro, …). */
export function createThingMagicSession(ctx: SessionContext, options: { staleMs?: number } = {}): ProtocolSession {
  const framer = new ThingMagicFramer(options.staleMs === undefined ? {} : { staleMs: options.staleMs })

  const command = async (bytes: Buffer, opcode: number, what: string, timeoutMs?: number) => {
    const f = await ctx.request(bytes, answerTo(opcode), what, timeoutMs)
    if (f.status !== 0) throw new RfidFailure('rfid.reader_status', { command: what, opcode: hex(opcode), status: hex(f.status ?? 0, 4) }, `The reader refused ${what}: status ${hex(f.status ?? 0, 4)}.`)
    return f
  }

  return {
    framer,
    watchdog: true,
    onFrame(frame) {
      if (!isFrame(frame)) return
      const m = classifyTmFrame(frame)
      switch (m.kind) {
        case 'tags':
          for (const code of m.rejected) ctx.rejected(code, frame.data.length + 7, '')
          for (const t of m.tags) ctx.tag({ epc: t.epc, antenna: t.antenna, rssi: t.rssi, frequencyKhz: t.frequencyKhz, phase: t.phase, readerMs: t.readerMs, pc: t.pc })
          return
        case 'keepalive':
          ctx.keepAlive()
          return
        case 'throttle':
          ctx.issue('rfid.temperature_throttle', {})
          return
        case 'response':
          if (m.status !== 0 && m.opcode !== TM_OP.multiProtocolTagOp) ctx.issue('rfid.reader_status', { command: 'unsolicited', opcode: hex(m.opcode), status: hex(m.status, 4) })
          return
      }
    },
    async handshake() {
      // A reader left in continuous mode by an earlier session keeps streaming: stop it first (no answer needed).
      ctx.write(tmStopContinuousRead())
      const f = await command(tmGetVersion(), TM_OP.version, 'version')
      return parseTmVersion(f.data) ?? { protocol: 'thingmagic', model: 'unknown', firmware: 'unknown' }
    },
    async configure(s: ReaderSettings) {
      if (s.region !== undefined) {
        if (tmRegionCode(s.region) === undefined) throw new RfidFailure('rfid.bad_setting', { setting: 'region', value: s.region }, `Unknown ThingMagic region ${s.region}.`)
        await command(tmSetRegion(s.region), TM_OP.setRegion, 'region')
      }
      await command(tmSetProtocolGen2(), TM_OP.setTagProtocol, 'protocol')
      if (s.antennas !== undefined && s.antennas.length > 0) await command(tmSetAntennas(s.antennas), TM_OP.setAntennaPort, 'antennas')
      if (s.powerDbm !== undefined) await command(tmSetReadPower(s.powerDbm), TM_OP.setReadTxPower, 'power')
      if (s.session !== undefined) await command(tmSetSession(s.session), TM_OP.setProtocolParam, 'session')
      if (s.target !== undefined) await command(tmSetTarget(s.target), TM_OP.setProtocolParam, 'target')
      await command(tmDisableReadFilter(), TM_OP.setReaderOptions, 'read filter')
    },
    async start() {
      await command(tmStartContinuousRead(), TM_OP.multiProtocolTagOp, 'start reading')
    },
    async stop() {
      await ctx.request(tmStopContinuousRead(), answerTo(TM_OP.multiProtocolTagOp), 'stop reading', 1000).catch(() => undefined)
    },
    async restart() {
      ctx.write(tmStopContinuousRead())
      await command(tmStartContinuousRead(), TM_OP.multiProtocolTagOp, 'start reading')
    },
    async setOutput(pin, high) {
      await command(tmSetGpo(pin, high), TM_OP.setGpioOutputs, 'output')
    }
  }
}
