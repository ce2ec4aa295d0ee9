import type { GateView, ShipmentSummary } from '../../../shared/contract-areas/gate'
import type { CallContext } from '../../../shared/contract'
import type { StationSettings } from '../../../shared/model/station'
import type { DeviceRegistry } from '../../devices/registry'
import { createRfidReaderManager, type RfidReaderManagerOptions } from '../../devices/rfid/manager'
import type { TagRead } from '../../devices/rfid/types'
import { AppFailure } from '../../errors'
import type { Logger } from '../../logging'
import type { EventLog } from '../../store/event-log'
import { createGateReadsRepository } from '../../store/repositories/gate-reads'
import { createLocationRepository } from '../../store/repositories/locations'
import type { ShipmentRow } from '../../store/repositories/shipments'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'
import { confirmLoad } from './apply'
import { createBatcher } from './batcher'
import { readerConfigs } from './readers'
import { createGateOutputs, type OutputReader } from './outputs'
import { createGateRecorder } from './recorder'
import { createGateResolver } from './resolver'
import { sessionRead, sessionSummary } from './history'
import { confirmRefusal } from './rules'
import { createGateSession, type GateSession } from './session'

/** Pushes at most one `gate.changed` per terminal per this many ms (~2 animation frames). */
export const GATE_FLUSH_MS = 33

export interface GateModuleDeps {
  db: Db
  eventLog: EventLog
  now: () => Date
  operatorId: (ctx?: CallContext) => number | null
  emit: (event: 'gate.changed', view: GateView) => void
  settings: () => StationSettings
  /** The station's SSCC company prefix (separates unknown from foreign tags); null when none is configured. */
  companyPrefix: () => string | null
  devices: DeviceRegistry
  logger: Logger
  /** Reader seams for tests (port opener, short backoff). */
  readers?: Pick<RfidReaderManagerOptions, 'openPort' | 'driver'>
}

type GateMethods = 'gate.start' | 'gate.state' | 'gate.end' | 'gate.reset' | 'gate.confirm' | 'gate.hold' | 'gate.readers' | 'gate.sessions' | 'gate.sessionReads' | 'shipments.list'

const summary = (s: ShipmentRow): ShipmentSummary => ({
  number: s.number,
  status: s.status,
  customer: s.customer,
  customerName: s.customer_name,
  shipTo: s.ship_to,
  door: s.door,
  expectedUnits: s.expected_units,
  expectedPlates: s.expected_plates,
  shippedAt: s.shipped_at,
  partialReason: s.partial_reason
})

/** The loading-door gate: sessions per terminal fed by the configured RFID readers (ADR 0013). */
export function createGateModule(deps: GateModuleDeps): WorkflowModule<GateMethods> & { ingest(read: TagRead): void; applySettings(): Promise<void>; session(terminalId: string): GateSession | null; outputsSettled(): Promise<void> } {
  const resolver = createGateResolver(deps.db)
  // Settings are read once per change, not per tag (a read costs a map lookup, not a settings query).
  let settings = deps.settings()
  const locations = createLocationRepository(deps.db)
  const sessions = new Map<string, GateSession>()
  /** Terminal → the id its current session is recorded under. */
  const recordIds = new Map<string, number>()
  const history = createGateReadsRepository(deps.db)
  history.endInterrupted(deps.now().toISOString(), 'gate.end.restart')
  const recorder = createGateRecorder({ repo: history, logger: deps.logger })
  const recordedChange = (terminalId: string, now = false) => {
    const id = recordIds.get(terminalId)
    if (id !== undefined) recorder.touch(id, now)
  }
  const stopRecording = (terminalId: string) => {
    const id = recordIds.get(terminalId)
    if (id === undefined) return
    recordIds.delete(terminalId)
    recorder.finish(id)
  }
  const silenceTimers = new Map<string, NodeJS.Timeout>()
  const batcher = createBatcher(GATE_FLUSH_MS, (terminalId) => {
    const s = sessions.get(terminalId)
    if (!s) return
    const view = s.view()
    deps.emit('gate.changed', view)
    outputs.update(terminalId, view)
  })

  const readerStates = new Map<string, string>()
  const manager = createRfidReaderManager({
    registry: deps.devices,
    onTag: (t) => ingest(t),
    onIssue: (id, issue) => deps.logger.warn({ device: id, code: issue.code, params: issue.params }, 'rfid reader issue'),
    onStatus: (id, status) => {
      // Only a transition into `connected` leaves the outputs in an unknown state (not `reading` flips).
      const was = readerStates.get(id)
      readerStates.set(id, status.state)
      if (status.state === 'connected' && was !== 'connected') outputs.reconnected(id, terminalOfReader(id))
    },
    ...deps.readers
  })

  const readerSettingOf = (deviceId: string) => settings.rfidReaders.find((c) => (c.id ?? `rfid:${c.path}`) === deviceId)

  /** The terminal a reader's outputs show: the one it is assigned to, else the only session there is. */
  const terminalOfReader = (deviceId: string): string | null => settings.rfidTerminals[deviceId] ?? (sessions.size === 1 ? [...sessions.keys()][0]! : null)

  const outputs = createGateOutputs({
    logger: deps.logger,
    readersOf: (terminalId) =>
      manager.readers().flatMap((reader): OutputReader[] => {
        const pins = readerSettingOf(reader.id)?.outputs
        if (!pins || Object.keys(pins).length === 0 || terminalOfReader(reader.id) !== terminalId) return []
        return [{ id: reader.id, outputs: pins, setOutput: (pin, high) => reader.setOutput(pin, high) }]
      })
  })

  const antennaOrder = (deviceId: string): readonly [number, number] | null => readerSettingOf(deviceId)?.directionAntennas ?? null

  const terminalOf = (deviceId: string): string | null => {
    const assigned = settings.rfidTerminals[deviceId]
    if (assigned) return assigned
    const reading = [...sessions.values()].filter((s) => s.state() === 'reading')
    return reading.length === 1 ? reading[0]!.terminalId : null
  }

  const armSilence = (terminalId: string) => {
    if (silenceTimers.has(terminalId)) return
    const ms = settings.gateSilenceMs
    const check = () => {
      const s = sessions.get(terminalId)
      if (!s || s.state() !== 'reading') return void silenceTimers.delete(terminalId)
      const quiet = Date.now() - s.lastReadAt()
      if (quiet >= ms) {
        silenceTimers.delete(terminalId)
        s.end('gate.end.silence')
        recordedChange(terminalId, true)
        batcher.flushNow(terminalId)
      } else silenceTimers.set(terminalId, setTimeout(check, ms - quiet))
    }
    silenceTimers.set(terminalId, setTimeout(check, ms))
  }

  function ingest(read: TagRead): void {
    const terminalId = terminalOf(read.deviceId)
    if (terminalId === null) return
    const s = sessions.get(terminalId)
    if (!s || s.state() !== 'reading') return
    // A read from a reader with facing antennas carries its direction order through the session's options.
    if (s.read(read)) {
      const id = recordIds.get(terminalId)
      if (id !== undefined) recorder.mark(id, read.epc.toUpperCase())
      batcher.mark(terminalId)
      armSilence(terminalId)
    }
  }

  const sessionOf = (ctx: CallContext): GateSession => {
    const s = sessions.get(ctx.terminalId)
    if (!s) throw new AppFailure('gate.no_session', {})
    return s
  }

  const shipmentFor = (s: GateSession): ShipmentRow => {
    const e = s.expectation
    if (!e) throw new AppFailure('gate.free_read_confirm', {})
    const row = resolver.shipments.byNumber(e.shipment.number)
    if (!row) throw new AppFailure('gate.unknown_shipment', { shipment: e.shipment.number })
    if (row.status === 'shipped' || row.status === 'cancelled') throw new AppFailure('gate.shipment_closed', { shipment: row.number, status: row.status })
    return row
  }

  const stopSilence = (terminalId: string) => {
    const t = silenceTimers.get(terminalId)
    if (t) clearTimeout(t)
    silenceTimers.delete(terminalId)
  }

  return {
    name: 'gate',
    ingest,
    session: (terminalId) => sessions.get(terminalId) ?? null,
    outputsSettled: () => outputs.settled(),
    async applySettings() {
      settings = deps.settings()
      await manager.configure(readerConfigs(settings.rfidReaders))
    },
    handlers: {
      'gate.start': ({ shipment, door }, ctx) => {
        let row: ShipmentRow | null = null
        if (shipment !== null) {
          row = resolver.shipments.byNumber(shipment)
          if (!row) throw new AppFailure('gate.unknown_shipment', { shipment })
          if (row.status === 'shipped' || row.status === 'cancelled') throw new AppFailure('gate.shipment_closed', { shipment, status: row.status })
        }
        const doorCode = door ?? row?.door ?? null
        if (doorCode !== null) {
          const loc = locations.byCode(doorCode)
          if (!loc || (loc.kind !== 'door' && loc.kind !== 'dock')) throw new AppFailure('gate.unknown_door', { door: doorCode })
        }
        if (row && row.status === 'open') resolver.shipments.setStatus(row.id, 'loading')
        stopSilence(ctx.terminalId)
        const previous = sessions.get(ctx.terminalId)
        previous?.end('gate.end.reset')
        stopRecording(ctx.terminalId)
        const readerIds = Object.entries(settings.rfidTerminals).filter(([, t]) => t === ctx.terminalId).map(([id]) => id)
        const s = createGateSession({
          terminalId: ctx.terminalId,
          resolver,
          expectation: row ? resolver.expectation(row) : null,
          door: doorCode,
          stationPrefix: deps.companyPrefix(),
          antennaOrder: readerIds.map(antennaOrder).find((o) => o !== null) ?? settings.rfidReaders.find((r) => r.directionAntennas)?.directionAntennas ?? null,
          startedAt: deps.now().toISOString(),
          now: deps.now
        })
        sessions.set(ctx.terminalId, s)
        recordIds.set(ctx.terminalId, recorder.begin(s, { terminalId: ctx.terminalId, door: doorCode, shipment: row?.number ?? null, startedAt: s.view().startedAt }))
        batcher.flushNow(ctx.terminalId)
        return s.view()
      },
      'gate.state': (_input, ctx) => sessions.get(ctx.terminalId)?.view() ?? null,
      'gate.end': (_input, ctx) => {
        const s = sessionOf(ctx)
        s.end('gate.end.button')
        recordedChange(ctx.terminalId, true)
        stopSilence(ctx.terminalId)
        batcher.flushNow(ctx.terminalId)
        return s.view()
      },
      'gate.reset': (_input, ctx) => {
        stopSilence(ctx.terminalId)
        outputs.update(ctx.terminalId, null)
        sessions.get(ctx.terminalId)?.end('gate.end.reset')
        stopRecording(ctx.terminalId)
        sessions.delete(ctx.terminalId)
        return null
      },
      'gate.confirm': ({ reason }, ctx) => {
        const s = sessionOf(ctx)
        if (s.state() === 'confirmed' || s.state() === 'held') throw new AppFailure('gate.session_closed', { state: s.state() })
        const row = shipmentFor(s)
        const keys = s.coveredKeys()
        const expected = s.expectation?.units.size ?? 0
        const refusal = confirmRefusal({ shipment: row.number, unexpected: s.unexpectedCount(), loaded: keys.length, expected, reason: reason ?? null })
        if (refusal) throw new AppFailure(refusal.code as 'gate.reason_required', refusal.params as { loaded: number; expected: number })
        const view = s.view()
        const doorId = view.door ? (locations.byCode(view.door)?.id ?? null) : row.door_id
        const result = confirmLoad(
          resolver.shipments,
          deps.eventLog,
          { shipment: row, keys, plates: s.matchedPlates(), expected, doorId, door: view.door, reason: reason ?? null, operatorId: deps.operatorId(ctx), terminalId: ctx.terminalId },
          deps.now
        )
        stopSilence(ctx.terminalId)
        s.close('confirmed')
        stopRecording(ctx.terminalId)
        batcher.flushNow(ctx.terminalId)
        return result
      },
      'gate.hold': ({ reason }, ctx) => {
        const s = sessionOf(ctx)
        if (s.state() === 'confirmed' || s.state() === 'held') throw new AppFailure('gate.session_closed', { state: s.state() })
        const view = s.view()
        deps.eventLog.append({ type: 'shipment.load_held', operatorId: deps.operatorId(ctx), reason, payload: { shipment: view.shipment, door: view.door, counts: { ...view.counts }, terminal: ctx.terminalId } })
        stopSilence(ctx.terminalId)
        s.close('held')
        stopRecording(ctx.terminalId)
        batcher.flushNow(ctx.terminalId)
        return s.view()
      },
      'gate.readers': () =>
        manager.readers().map((r) => {
          const live = manager.live(r.id) ?? { readsPerSecond: 0, rssiByAntenna: {} }
          return { deviceId: r.id, terminalId: settings.rfidTerminals[r.id] ?? null, ...live }
        }),
      'gate.sessions': ({ door, limit }) => history.recent(door ?? null, limit ?? 50).map(sessionSummary),
      'gate.sessionReads': ({ sessionId }) => {
        recorder.flush() // what the screen shows now is what the answer holds
        const row = history.byId(sessionId)
        if (!row) throw new AppFailure('gate.unknown_session', { sessionId })
        return { session: sessionSummary(row), reads: history.reads(sessionId).map(sessionRead) }
      },
      'shipments.list': ({ status }) => resolver.shipments.list(status ?? 'all', 500).map(summary)
    },
    scanHandlers: {
      gate: (scan) => {
        const s = sessions.get(scan.terminalId)
        if (!s || s.state() !== 'reading') return { outcome: 'ignored', code: 'gate.no_session', params: {}, tone: 'warning' }
        s.end('gate.end.scan')
        recordedChange(scan.terminalId, true)
        stopSilence(scan.terminalId)
        batcher.flushNow(scan.terminalId)
        return { outcome: 'accepted', code: 'gate.end.scan', params: {} }
      }
    },
    async close() {
      batcher.close()
      for (const t of silenceTimers.values()) clearTimeout(t)
      silenceTimers.clear()
      recorder.close()
      await outputs.allOff([...sessions.keys()])
      await manager.stop()
    }
  }
}
