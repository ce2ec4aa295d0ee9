import type { StationHandlers } from '../../shared/contract'
import { watchDeviceNodes, type WatchDevices } from '../devices/hotplug'
import type { ScansOutputs } from '../../shared/contract-areas/scans'
import type { ScannerRegistryOutputs } from '../../shared/contract-areas/scanner-registry'
import { scannerDeviceId } from '../../shared/model/scanners'
import type { StationSettings } from '../../shared/model/station'
import type { DeviceRegistry } from '../devices/registry'
import { createNodeHidBackend, type HidBackend } from '../devices/scanners/hid-pos-driver'
import { createScannerManager, listSerialPorts, type ListSerialPorts, type ScannerManager } from '../devices/scanners/discovery'
import { createSimulatedScanner, sampleScans, type SimulatedScanner } from '../devices/scanners/scanner-sim'
import type { OpenSerial } from '../devices/scanners/serial-scanner'
import { AppFailure } from '../errors'
import type { EventBus } from '../event-bus'
import type { Logger } from '../logging'
import type { Db } from '../store/sql'
import type { Terminals } from '../terminals/terminals'
import type { EventLog } from '../store/event-log'
import { createScannerRepository } from '../store/repositories/scanners'
import { createScanPipeline, type ScanPipeline } from './scan-pipeline'
import { createScannerRegistry, type ScannerRegistry } from './scanner-registry'
import { createScannerRegistryHandlers, isPickableHid } from './scanner-registry-handlers'

/** How the station reaches scanner hardware; tests and demos inject simulators here. */
export interface ScanningOptions {
  /** HID POS backend (node-hid by default); null = no HID discovery. */
  hid?: HidBackend | null
  /** Serial port lister (serialport by default); null = only configured ports. */
  listSerial?: ListSerialPorts | null
  openSerial?: OpenSerial
  /** Silence that ends a serial frame without CR/LF (default 150 ms; 0 = only CR/LF). */
  serialSilenceMs?: number
  /**
   * Hot-plug poll period in ms when device nodes cannot be watched (default 3000; 0 = discover once at
   * start, and no watch unless `watch` is given).
   */
  pollMs?: number
  /** Device-node watch for hot-plug (default: inotify on /dev, with a 60 s safety poll); null = poll only. */
  watch?: WatchDevices | null
  /** Register a simulated scanner (demo mode does by default). */
  simulated?: boolean
}

export const WEDGE_DEVICE_ID = 'wedge'

/** Where device scans go when no terminal was ever used (a CLI-only or fresh station). */
export const STATION_TERMINAL = 'station'

interface ScanningDeps {
  db: Db
  eventLog: EventLog
  terminals: Terminals
  now: () => Date
  bus: EventBus
  devices: DeviceRegistry
  logger: Logger
  settings: () => StationSettings
  updateSettings: (patch: Partial<StationSettings>) => StationSettings
  operatorId: (terminalId: string) => number | null
  demo: boolean
  options?: ScanningOptions
  isBadge?: (text: string) => boolean
  storage?: { noteFailure(error: unknown): boolean; noteSuccess(): void; failure?(): { code: string } }
}

export interface Scanning {
  pipeline: ScanPipeline
  manager: ScannerManager
  simulator: SimulatedScanner | null
  registry: ScannerRegistry
  handlers: Pick<StationHandlers, Exclude<keyof ScansOutputs, 'commands.sheet'> | keyof ScannerRegistryOutputs>
  close(): Promise<void>
}

/** Scanners, the scan pipeline and their contract methods, wired for createStation. */
export function createScanning(deps: ScanningDeps): Scanning {
  const options = deps.options ?? {}
  const registry = createScannerRegistry({
    repo: createScannerRepository(deps.db),
    eventLog: deps.eventLog,
    now: deps.now,
    hidPresent: (id) => deps.devices.list().some((d) => d.id === id && d.kind === 'scanner' && isPickableHid(d.transport))
  })
  // A registered scanner's own on/off and terminal (ADR 0017); other devices keep theirs in the settings.
  const disabledIds = () => [...deps.settings().disabledScannerIds, ...registry.list().filter((s) => !s.enabled).map(scannerDeviceId)]
  const disabled = (id: string) => disabledIds().includes(id)
  const assignments = (): Record<string, string> => {
    const out = { ...deps.settings().scannerTerminals }
    for (const s of registry.list()) {
      const id = scannerDeviceId(s)
      if (s.terminal) out[id] = s.terminal
      else delete out[id]
    }
    return out
  }
  const terminalOfDevice = (deviceId: string): string => {
    const registered = registry.byDevice(deviceId)
    return (registered ? registered.terminal : deps.settings().scannerTerminals[deviceId]) ?? deps.terminals.lastActive() ?? STATION_TERMINAL
  }
  const pipeline = createScanPipeline({
    db: deps.db,
    now: deps.now,
    terminalOfDevice,
    workflows: {
      workflowOf: (terminalId) => deps.terminals.get(terminalId).workflow,
      setWorkflow: (terminalId, workflow) => {
        deps.terminals.update(terminalId, { workflow })
      }
    },
    emit: (result) => deps.bus.emit('scans.result', result),
    operatorId: deps.operatorId,
    gsSubstitutes: () => deps.settings().wedgeGsSubstitutes,
    isDisabled: disabled,
    onError: (error) => deps.logger.error({ err: error }, 'scan pipeline error'),
    ...(deps.isBadge ? { isBadge: deps.isBadge } : {}),
    ...(deps.storage ? { storage: deps.storage } : {})
  })
  // Screens that do not use scans (Sync, Settings, Devices): every scan gets an amber answer
  // naming where scans are taken, never a green one, never silence (issue 12, item 7).
  pipeline.router.register('idle', () => ({ outcome: 'ignored', code: 'scan.screen_takes_no_scans', params: {}, tone: 'warning' }))
  const handle = <T>(what: string, fn: () => T) => {
    try {
      fn()
    } catch (error) {
      deps.logger.error({ err: error }, what)
    }
  }
  const listSerial = options.listSerial === undefined ? listSerialPorts : options.listSerial
  const manager = createScannerManager({
    registry: deps.devices,
    onScan: (scan) => handle('scan failed', () => pipeline.fromDriver(scan)),
    onRejected: (r) => handle('scan rejection failed', () => pipeline.rejected(r)),
    hid: options.hid === undefined ? createNodeHidBackend() : options.hid,
    listSerial,
    ...(options.openSerial ? { openSerial: options.openSerial } : {}),
    ...(options.serialSilenceMs !== undefined ? { serialSilenceMs: options.serialSilenceMs } : {}),
    serialScanners: () => registry.reload().filter((s) => s.kind === 'serial').map((s) => ({ path: s.port, name: s.name, baudRate: s.baud, suffix: s.suffix, enabled: s.enabled })),
    disabled: disabledIds,
    pollMs: options.pollMs ?? 3000,
    watch: options.watch !== undefined ? options.watch : options.pollMs === 0 ? null : watchDeviceNodes(),
    log: (level, message, detail) => deps.logger[level](detail ?? {}, message)
  })

  const publishWedge = () =>
    deps.devices.upsert({
      id: WEDGE_DEVICE_ID,
      kind: 'scanner',
      transport: 'wedge',
      name: 'Keyboard wedge',
      state: disabled(WEDGE_DEVICE_ID) ? 'disabled' : 'connected',
      simulated: false,
      lastSeenAt: pipeline.summaryOf(WEDGE_DEVICE_ID).lastScanAt,
      lastError: null
    })
  publishWedge()

  const simulator = (options.simulated ?? deps.demo) ? createSimulatedScanner() : null
  if (simulator) void manager.add(simulator)
  manager.start()

  const offSettings = deps.bus.on('settings.changed', () => {
    publishWedge()
    manager.republish()
    void manager.refresh()
  })

  let sample = 0
  const handlers: Scanning['handlers'] = {
    'scans.submit': (input, ctx) => {
      deps.terminals.touch(ctx.terminalId)
      return pipeline.submit({ deviceId: input.deviceId ?? (input.source === 'wedge' ? WEDGE_DEVICE_ID : 'test-box'), source: input.source, terminalId: ctx.terminalId, raw: Buffer.from(input.text, 'utf8') })
    },
    'scans.parse': (input) => pipeline.parse(input.text),
    'scans.journal': (input) => pipeline.journal(input.limit ?? 50, input.deviceId),
    'scanners.summary': () => {
      const known = deps.devices.list().filter((d) => d.kind === 'scanner').map((d) => d.id)
      return known.map((id) => pipeline.summaryOf(id))
    },
    'scanners.setEnabled': async (input, ctx) => {
      const registered = registry.byDevice(input.deviceId)
      if (registered) {
        registry.update({ id: registered.id, enabled: input.enabled }, deps.operatorId(ctx.terminalId))
        await manager.refresh()
        publishWedge()
        manager.republish()
        return deps.devices.list().filter((d) => d.kind === 'scanner').map((d) => pipeline.summaryOf(d.id))
      }
      const current = deps.settings().disabledScannerIds.filter((id) => id !== input.deviceId)
      const next = input.enabled ? current : [...current, input.deviceId]
      const settings = deps.updateSettings({ disabledScannerIds: next })
      deps.bus.emit('settings.changed', settings)
      return deps.devices.list().filter((d) => d.kind === 'scanner').map((d) => pipeline.summaryOf(d.id))
    },
    'scanners.simulate': (input, ctx) => {
      deps.terminals.touch(ctx.terminalId)
      const id = input.deviceId ?? simulator?.id
      const driver = id ? manager.get(id) : undefined
      if (!driver || !driver.simulated || !('fire' in driver)) throw new AppFailure('scanners.no_simulator', { device: id ?? null })
      const samples = sampleScans(deps.now())
      const text = input.text ?? samples[sample++ % samples.length]!
      let result: ReturnType<ScanPipeline['submit']> | undefined
      const off = deps.bus.on('scans.result', (r) => {
        if (r.deviceId === id) result = r
      })
      try {
        ;(driver as SimulatedScanner).fire(text)
      } catch (error) {
        throw new AppFailure('device_unavailable', { detail: error instanceof Error ? error.message : String(error) })
      } finally {
        off()
      }
      if (!result) throw new AppFailure('internal', { method: 'scanners.simulate', detail: 'no result' })
      return result
    },
    'scanners.discover': async () => ({ added: await manager.refresh(), errors: manager.probeErrors() }),
    'scans.setWorkflow': ({ workflow }, ctx) => {
      deps.terminals.touch(ctx.terminalId)
      // A workflow that has not registered (yet) must never leave scans without a handler: default.
      try {
        pipeline.router.activate(ctx.terminalId, workflow === 'default' ? null : workflow)
      } catch {
        pipeline.router.activate(ctx.terminalId, null)
        deps.logger.warn({ workflow, terminal: ctx.terminalId }, 'scan workflow not registered; scans go to the default workflow')
      }
      return { workflow: pipeline.router.active(ctx.terminalId) }
    },
    'scanners.assign': ({ deviceId, terminalId }, ctx) => {
      const registered = registry.byDevice(deviceId)
      if (registered) {
        registry.update({ id: registered.id, terminal: terminalId }, deps.operatorId(ctx.terminalId))
        return assignments()
      }
      const next = { ...deps.settings().scannerTerminals }
      if (terminalId === null) delete next[deviceId]
      else next[deviceId] = terminalId
      deps.bus.emit('settings.changed', deps.updateSettings({ scannerTerminals: next }))
      return assignments()
    },
    'terminals.list': (_input, ctx) => {
      const assigned = assignments()
      const ids = new Set([...deps.terminals.list().map((t) => t.id), ctx.terminalId, ...Object.values(assigned)])
      return [...ids].map((id) => ({
        id,
        workflow: pipeline.router.active(id),
        scanners: Object.entries(assigned).filter(([, t]) => t === id).map(([d]) => d),
        self: id === ctx.terminalId
      }))
    },
    ...createScannerRegistryHandlers({ registry, manager, devices: deps.devices, listSerial, actor: deps.operatorId })
  }

  return {
    pipeline,
    manager,
    simulator,
    registry,
    handlers,
    close: async () => {
      offSettings()
      await manager.stop()
    }
  }
}
