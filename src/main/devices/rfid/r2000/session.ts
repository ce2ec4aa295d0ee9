import type { ProtocolSession, SessionContext } from '../session'
import { RfidFailure, type ReaderSettings } from '../types'
import { classifyR2kFrame, parseR2kVersion, R2K_BROADCAST, R2K_CMD, R2K_ERRORS, R2K_REGIONS, R2K_SUCCESS, r2kGetFirmwareVersion, r2kRealTimeInventory, r2kSetGpio, r2kSetOutputPower, r2kSetRegion, r2kSetWorkAntenna } from './commands'
import { createReadConfirmer } from './confirm'
import { R2000Framer, type R2kFrame } from './framer'

const ERROR_PAUSE_MS = 100
const isFrame = (f: unknown): f is R2kFrame => (f as R2kFrame).kind === 'frame'
const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`
const errorName = (code: number) => R2K_ERRORS[code] ?? hex(code)

export interface R2000SessionOptions {
  staleMs?: number
  /** Inventory rounds per real-time inventory command (default 4). */
  repeat?: number
  /** Pass an EPC on only from its second read within this many ms (default 3000; 0 = every read at once). */
  confirmWindowMs?: number
}

/**
 * Impinj R2000 "0xA0" protocol. Real-time inventory runs in rounds: each 0x89 command answers with
 * tag records and ends with a round summary (or an error code); while reading, the session issues
 * the next round at once, switching the work antenna first when several antennas are configured.
 */
export function createR2000Session(ctx: SessionContext, options: R2000SessionOptions = {}): ProtocolSession {
  const framer = new R2000Framer(options.staleMs === undefined ? {} : { staleMs: options.staleMs })
  let address = R2K_BROADCAST
  let antennas: readonly number[] = []
  let next = 0
  let round: Promise<void> | null = null
  const reported = new Map<string, number>()
  const confirmMs = options.confirmWindowMs ?? 3000
  const confirmer = createReadConfirmer<Parameters<SessionContext['tag']>[0]>({ windowMs: confirmMs })

  const command = async (bytes: Buffer, cmd: number, what: string) => {
    const f = await ctx.request(bytes, (x) => (isFrame(x) && x.cmd === cmd && x.data.length === 1 ? x : undefined), what)
    const code = f.data[0]!
    if (code !== R2K_SUCCESS) throw new RfidFailure('rfid.reader_error', { command: what, error: errorName(code) }, `The reader refused ${what}: ${errorName(code)}.`)
  }

  const issueRound = () => {
    if (round || !ctx.reading()) return
    round = (async () => {
      if (antennas.length > 1) {
        const antenna = antennas[next++ % antennas.length]!
        await command(r2kSetWorkAntenna(antenna, address), R2K_CMD.setWorkAntenna, 'antenna')
      }
      ctx.write(r2kRealTimeInventory(options.repeat ?? 4, address))
    })()
      .catch((error: unknown) => {
        round = null
        if (error instanceof RfidFailure) ctx.issue(error.code, error.params)
      })
      .then(() => undefined)
  }

  return {
    framer,
    watchdog: true,
    onFrame(frame) {
      if (!isFrame(frame)) return
      const m = classifyR2kFrame(frame)
      switch (m.kind) {
        case 'tag': {
          const read = { epc: m.tag.epc, antenna: m.tag.antenna, rssi: m.tag.rssi, frequencyKhz: m.tag.frequencyKhz, phase: null, readerMs: null, pc: m.tag.pc }
          if (confirmMs <= 0) ctx.tag(read)
          else for (const r of confirmer.offer(read.epc, read, Date.now())) ctx.tag(r)
          return
        }
        case 'bad_record':
          ctx.rejected('rfid.bad_record', frame.data.length + 5, '')
          return
        case 'round_done':
          round = null
          issueRound()
          return
        case 'inventory_error': {
          const antenna = antennas.length > 1 ? antennas[(next - 1 + antennas.length) % antennas.length]! : (antennas[0] ?? 1)
          const key = `${m.error}:${antenna}`
          const now = Date.now()
          // Reported once per 10 s per error and antenna: a missing antenna answers every round.
          if (now - (reported.get(key) ?? -Infinity) > 10_000) {
            reported.set(key, now)
            if (m.error === 0x22) ctx.issue('rfid.antenna_missing', { antenna })
            else ctx.issue('rfid.reader_error', { command: 'inventory', error: errorName(m.error) })
          }
          // The next round after a pause, so that a reader answering only errors is not hammered.
          round = new Promise<void>((resolve) => setTimeout(resolve, ERROR_PAUSE_MS).unref?.()).then(() => {
            round = null
            issueRound()
          })
          return
        }
        case 'response':
          return
      }
    },
    async handshake() {
      const f = await ctx.request(r2kGetFirmwareVersion(), (x) => (isFrame(x) && x.cmd === R2K_CMD.getFirmwareVersion && x.data.length === 2 ? x : undefined), 'version')
      address = f.address
      return parseR2kVersion(f.data) ?? { protocol: 'r2000', model: 'R2000', firmware: 'unknown' }
    },
    async configure(s: ReaderSettings) {
      if (s.region !== undefined) {
        if (!R2K_REGIONS[s.region.toUpperCase()]) throw new RfidFailure('rfid.bad_setting', { setting: 'region', value: s.region }, `Unknown R2000 region ${s.region}.`)
        await command(r2kSetRegion(s.region, address), R2K_CMD.setFrequencyRegion, 'region')
      }
      if (s.powerDbm !== undefined) await command(r2kSetOutputPower(Math.round(s.powerDbm), address), R2K_CMD.setOutputPower, 'power')
      antennas = s.antennas && s.antennas.length > 0 ? [...s.antennas] : [1]
      next = 0
      if (antennas.length === 1) await command(r2kSetWorkAntenna(antennas[0]!, address), R2K_CMD.setWorkAntenna, 'antenna')
    },
    async start() {
      round = null
      issueRound()
    },
    async stop() {
      // The round in flight ends by itself; no new one is issued.
    },
    async restart() {
      round = null
      issueRound()
    },
    async setOutput(pin, high) {
      await command(r2kSetGpio(pin, high, address), R2K_CMD.setGpio, 'output')
    }
  }
}
