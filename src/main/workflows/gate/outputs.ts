/**
 * The reader's own outputs at the door (stack light, buzzer) follow the gate verdict (ADR 0013):
 * green while a shipment's tags all match with nothing unexpected; red while an unexpected tag is in
 * the session, with the buzzer as long as the session is still reading; everything off once the
 * session is confirmed, held or reset. Only changed pins are written, in order, per reader.
 */
import type { GateView } from '../../../shared/contract-areas/gate'
import type { ReaderOutputs } from '../../../shared/model/station'
import type { Logger } from '../../logging'

export interface GateLights {
  green: boolean
  red: boolean
  buzzer: boolean
}

export const LIGHTS_OFF: GateLights = { green: false, red: false, buzzer: false }

/** What the outputs show for a session view (null: no session on the terminal). */
export function lightsFor(view: GateView | null): GateLights {
  if (!view || view.state === 'confirmed' || view.state === 'held') return LIGHTS_OFF
  if (view.counts.unexpected > 0) return { green: false, red: true, buzzer: view.state === 'reading' }
  const clean = view.shipment !== null && view.counts.expected > 0 && view.counts.missing === 0
  return { green: clean, red: false, buzzer: false }
}

/** A reader that can drive its outputs, with the pins the settings give it. */
export interface OutputReader {
  id: string
  outputs: ReaderOutputs
  setOutput(pin: number, high: boolean): Promise<void>
}

export interface GateOutputsDeps {
  /** Readers (with outputs configured) that serve a terminal's gate. */
  readersOf: (terminalId: string) => OutputReader[]
  logger: Logger
}

export function createGateOutputs(deps: GateOutputsDeps) {
  /** Per reader: the level last written to each pin (absent: unknown, written next time). */
  const written = new Map<string, Map<number, boolean>>()
  const queues = new Map<string, Promise<void>>()
  const wanted = new Map<string, GateLights>()

  const drive = (reader: OutputReader, lights: GateLights) => {
    const pins = written.get(reader.id) ?? new Map<number, boolean>()
    written.set(reader.id, pins)
    const levels = new Map<number, boolean>()
    for (const role of ['green', 'red', 'buzzer'] as const) {
      const pin = reader.outputs[role]
      if (pin !== undefined) levels.set(pin, (levels.get(pin) ?? false) || lights[role])
    }
    for (const [pin, high] of levels) {
      if (pins.get(pin) === high) continue
      pins.set(pin, high)
      const previous = queues.get(reader.id) ?? Promise.resolve()
      const next = previous.then(() =>
        reader.setOutput(pin, high).catch((error: unknown) => {
          pins.delete(pin) // unknown again: written on the next change or reconnect
          const code = (error as { code?: string }).code ?? 'rfid.output_failed'
          deps.logger.warn({ device: reader.id, pin, high, code }, 'gate output not set')
        })
      )
      queues.set(reader.id, next)
    }
  }

  return {
    /** The terminal's session changed (or went away: null). */
    update(terminalId: string, view: GateView | null): void {
      const lights = lightsFor(view)
      wanted.set(terminalId, lights)
      for (const reader of deps.readersOf(terminalId)) drive(reader, lights)
    },
    /** A reader (re)connected: its outputs are in an unknown state; write what its terminal wants. */
    reconnected(readerId: string, terminalId: string | null): void {
      written.delete(readerId)
      if (terminalId === null) return
      const reader = deps.readersOf(terminalId).find((r) => r.id === readerId)
      if (reader) drive(reader, wanted.get(terminalId) ?? LIGHTS_OFF)
    },
    /** Everything off (station closing); resolves once the writes are done or failed. */
    async allOff(terminalIds: readonly string[]): Promise<void> {
      for (const t of terminalIds) this.update(t, null)
      await Promise.all([...queues.values()])
    },
    /** Resolves when every write queued so far has been attempted (tests). */
    settled: async (): Promise<void> => void (await Promise.all([...queues.values()]))
  }
}

export type GateOutputs = ReturnType<typeof createGateOutputs>
