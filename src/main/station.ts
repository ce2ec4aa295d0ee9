import { METHOD_NAMES, type CallContext, type InternalHandlers, type StationHandlers } from '../shared/contract'
import type { Result } from '../shared/result'
import type { HostKind, StationInfo } from '../shared/model/station'
import { createDeviceRegistry, type DeviceRegistry } from './devices/registry'
import { createEventBus, type EventBus } from './event-bus'
import { createDisposables } from './lifecycle/disposables'
import type { Logger } from './logging'
import { createAuthorizer } from './rpc/authorize'
import { currentCall, withCallContext } from './rpc/call-context'
import { createDispatcher } from './rpc/dispatch'
import { exportDiagnostics } from './services/diagnostics'
import { hashPin } from './services/pin-hash'
import { createScanning, STATION_TERMINAL, type Scanning, type ScanningOptions } from './services/scanning'
import { createApprovals } from './services/approvals'
import { createSessionService } from './services/session'
import { scheduleBackups, takeBackup } from './store/backups'
import { openStore, type Store } from './store/db'
import { DEMO_OPERATORS, hasMasterData, seedDemoData } from './store/demo-data'
import { integrityCheckInWorker } from './store/integrity'
import { createStorageHealth } from './store/storage-health'
import { startDeferredCheck } from './store/deferred-check'
import { createEventLog, type EventLog } from './store/event-log'
import { createDiagnosticsRepository } from './store/repositories/diagnostics'
import { createOperatorRepository } from './store/repositories/operators'
import { createSettingsRepository } from './store/repositories/settings'
import { createTerminalRepository } from './store/repositories/terminals'
import { createSyncModule, type SyncModule } from './sync/module'
import type { SyncEngineOptions } from './sync/engine'
import { createTerminals, type Terminals } from './terminals/terminals'
import { startDemoReader } from './workflows/gate/demo-reader'
import { createAccessModule } from './workflows/access/module'
import { createDisplaysModule, type DisplaysModule } from './workflows/displays/module'
import { createGateModule, type GateModuleDeps } from './workflows/gate/module'
import { createImportsModule, type ImportsModule } from './workflows/imports/module'
import { createLookupModule } from './workflows/lookup/module'
import { createHoldsModule } from './workflows/holds/module'
import { createCommandsModule } from './commands/module'
import type { AnyWorkflowModule } from './workflows/module'
import { createPrintingModule, type PrintingDeps, type PrintingModule } from './workflows/printing/module'
import { createPutawayModule } from './workflows/putaway/module'
import { createReceivingModule } from './workflows/receiving/module'

export interface StationDeps {
  dataDir: string
  host: HostKind
  version: string
  logger: Logger
  /** better-sqlite3 binary for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** Seed demo data and simulated devices when the store is empty. */
  demo?: boolean
  devices?: DeviceRegistry
  /** Scanner hardware seams (HID, serial) and hot-plug polling; simulators in tests. */
  scanners?: ScanningOptions
  /** Printer seams (status poll period, transports); the emulator in tests. */
  printing?: Partial<Pick<PrintingDeps, 'pollMs' | 'connect' | 'listUsbPrinters'>>
  /** The station's clock (tests run it a year ahead; default: the system clock). */
  now?: () => Date
  /** Automatic backups at start and daily (default on). */
  backups?: boolean
  /** Let imports name a path on this machine (tests of the core; Electron allows it by itself). */
  importPaths?: boolean
  /** The desktop app's file dialog for imports (the Electron shell passes it; the headless host has none). */
  chooseImportFile?: () => Promise<string | null>
  /** Sync engine tuning (tests: short intervals, `auto: false`). */
  sync?: SyncEngineOptions
  /** RFID reader seams (port opener, short reconnect backoff) for tests. */
  rfid?: GateModuleDeps['readers']
  /** Databases up to this size are fully checked before serving; bigger ones right after, in a worker (tests). */
  syncCheckMaxBytes?: number
}

export interface Station {
  /** The contract; a call without a context runs as the station's own terminal. */
  handlers: InternalHandlers
  /** The validating boundary (hosts pass their caller's context; without one: the station's own terminal). */
  dispatch: (method: unknown, input: unknown, ctx?: CallContext, payloadBytes?: number) => Promise<Result<unknown>>
  events: EventBus
  store: Store
  eventLog: EventLog
  devices: DeviceRegistry
  terminals: Terminals
  scanning: Scanning
  printing: PrintingModule
  receiving: ReturnType<typeof createReceivingModule>
  imports: ImportsModule
  sync: SyncModule
  gate: ReturnType<typeof createGateModule>
  /** Remote displays: pairing, tokens, revoking (the web host pairs and authenticates through it). */
  displays: DisplaysModule
  /** Closes devices, workers and modules in reverse order of creation, then the store. */
  close(): Promise<void>
}

/** How often idle terminals are looked for (the setting is in minutes). */
const IDLE_SWEEP_MS = 15_000

/** The context of calls made inside the station (tests, the CLI): the station's own terminal. */
export const STATION_CONTEXT: CallContext = { terminalId: STATION_TERMINAL, host: 'internal' }

/** The composition root: the one place where the store, services, devices and workflows are wired together. */
export async function createStation(deps: StationDeps): Promise<Station> {
  const now = deps.now ?? (() => new Date())
  const store = openStore({
    dataDir: deps.dataDir,
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    ...(deps.syncCheckMaxBytes !== undefined ? { syncCheckMaxBytes: deps.syncCheckMaxBytes } : {})
  })
  const disposables = createDisposables((name, error) => deps.logger.error({ err: error, what: name }, 'shutdown step failed'))
  disposables.add('store', () => store.close())
  try {
    const { db } = store
    const settings = createSettingsRepository(db)
    const stationId = settings.stationId()
    const bus = createEventBus((error) => deps.logger.error({ err: error }, 'event listener failed'))
    let onCommit = (): void => undefined
    const eventLog = createEventLog(db, stationId, { now, onCommitted: () => onCommit() })
    const operators = createOperatorRepository(db)
    const terminals = createTerminals(createTerminalRepository(db), now)
    const devices = deps.devices ?? createDeviceRegistry()
    devices.onChange((list) => bus.emit('devices.changed', list))

    if (deps.demo && !hasMasterData(db)) {
      const pinHashes = Object.fromEntries(await Promise.all(DEMO_OPERATORS.map(async (o) => [o.badge, await hashPin(o.pin)] as const)))
      seedDemoData(db, eventLog, { operators, settings }, pinHashes, now)
      deps.logger.info({ dataDir: deps.dataDir }, 'demo data seeded')
    }

    const storage = createStorageHealth({ dataDir: deps.dataDir, onChange: (state) => bus.emit('station.storage', state) })
    disposables.add('storage health', () => storage.close())
    const session = createSessionService({ operators, events: eventLog, onChange: (s) => bus.emit('session.changed', s), now, settings: () => settings.get() })
    const idleSweep = setInterval(() => session.sweepIdle(), IDLE_SWEEP_MS)
    idleSweep.unref()
    disposables.add('idle sign-out', () => clearInterval(idleSweep))
    /** The operator signed in on the calling terminal (the station's own terminal when there is no call). */
    const operatorId = (ctx?: CallContext | string) => session.operatorId(typeof ctx === 'string' ? ctx : (ctx ?? currentCall.getStore() ?? STATION_CONTEXT).terminalId)

    const scanning = createScanning({
      db,
      eventLog,
      terminals,
      now,
      bus,
      devices,
      logger: deps.logger,
      settings: () => settings.get(),
      updateSettings: (patch) => settings.update(patch, eventLog, operatorId()),
      operatorId,
      demo: settings.isDemo(),
      isBadge: (text) => text.length <= 64 && operators.findByBadge(text) !== null,
      storage,
      ...(deps.scanners ? { options: deps.scanners } : {})
    })
    disposables.add('scanners', () => scanning.close())

    // The workflow modules (ADR 0012): each flow's handlers, scan handlers and close, listed once here.
    const emit = bus.emit.bind(bus)
    const gsSubstitutes = () => settings.get().wedgeGsSubstitutes
    const approvals = createApprovals(session)
    const printing = await createPrintingModule({
      db,
      eventLog,
      devices,
      logger: deps.logger,
      dataDir: deps.dataDir,
      demo: settings.isDemo(),
      now,
      operatorId,
      terminalId: () => currentCall.getStore()?.terminalId ?? null,
      emit,
      printerId: () => settings.get().printerId,
      setPrinterId: (printerId) => bus.emit('settings.changed', settings.update({ printerId }, eventLog, null)),
      approvals,
      ...deps.printing
    })
    const receiving = createReceivingModule({ db, eventLog, terminals, settings, now, operatorId, emit, dataDir: deps.dataDir, stationId, gsSubstitutes, approvals })
    const lookup = createLookupModule({ db, gsSubstitutes })
    const sync = createSyncModule({ db, eventLog, settings, stationId, now, logger: deps.logger, operatorId, emit, unitKey: (code) => lookup.lookup.unitKey(code), ...(deps.sync ? { options: deps.sync } : {}) })
    onCommit = () => {
      bus.emit('sync.changed', sync.engine.status())
      sync.engine.kick()
    }
    const imports = createImportsModule({
      dataDir: deps.dataDir,
      allowPaths: deps.host === 'electron' || deps.importPaths === true,
      operatorId,
      emit,
      onApplied: () => receiving.workflow.notifyAll(),
      ...(deps.chooseImportFile ? { chooseFile: deps.chooseImportFile } : {}),
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {})
    })
    const gate = createGateModule({
      db,
      eventLog,
      now,
      operatorId,
      emit,
      settings: () => settings.get(),
      companyPrefix: () => settings.read<{ companyPrefix?: string }>('sscc')?.companyPrefix ?? null,
      devices,
      logger: deps.logger,
      ...(deps.rfid ? { readers: deps.rfid } : {})
    })
    const access = createAccessModule({ db, eventLog, operators, session, settings, operatorId, emit })
    const displays = createDisplaysModule({ db, eventLog, now, operatorId, emit })
    const modules: AnyWorkflowModule[] = [
      access,
      displays,
      printing,
      receiving,
      createPutawayModule({ db, eventLog, now, operatorId, gsSubstitutes, approvals }),
      createHoldsModule({ db, eventLog, now, operatorId, approvals }),
      lookup,
      imports,
      sync,
      gate,
      createCommandsModule()
    ]
    for (const module of modules) {
      for (const [name, handler] of Object.entries(module.scanHandlers ?? {})) scanning.pipeline.router.register(name, handler)
      if (module.close) disposables.add(`workflow ${module.name}`, () => module.close?.())
    }
    sync.engine.start()

    // Gate readers from the settings (reconfigured when they change); demo mode adds a simulated one.
    const applyReaders = () => gate.applySettings().catch((error: unknown) => deps.logger.error({ err: error }, 'rfid readers could not be configured'))
    await applyReaders()
    const offSettings = bus.on('settings.changed', () => void applyReaders())
    disposables.add('gate settings listener', () => offSettings())
    if (settings.isDemo()) {
      const demoReader = await startDemoReader({
        dataDir: deps.dataDir,
        logger: deps.logger,
        settings: () => settings.get(),
        updateSettings: (patch) => bus.emit('settings.changed', settings.update(patch, eventLog, null))
      })
      if (demoReader) disposables.add('demo rfid reader', () => demoReader.close())
    }

    const info = (): StationInfo => ({
      stationId,
      version: deps.version,
      host: deps.host,
      demo: settings.isDemo(),
      dataDir: deps.dataDir,
      schemaVersion: store.migration.to,
      settings: settings.get(),
      storage: storage.state()
    })

    const handlers = withCallContext({
      'station.info': info,
      'settings.get': () => settings.get(),
      'settings.update': (patch, ctx) => {
        const next = settings.update(patch, eventLog, operatorId(ctx))
        bus.emit('settings.changed', next)
        if (patch.syncServerUrl !== undefined || patch.syncToken !== undefined) sync.engine.configChanged()
        return next
      },
      'operators.list': () => operators.names(),
      'session.current': (_input, ctx) => session.current(ctx.terminalId),
      'session.signIn': (input, ctx) => session.signIn(ctx.terminalId, input),
      'session.signOut': (_input, ctx) => session.signOut(ctx.terminalId),
      'devices.list': () => devices.list(),
      'diagnostics.export': (input) =>
        exportDiagnostics(
          { store: createDiagnosticsRepository(db), now, dataDir: deps.dataDir, version: deps.version, stationId, settings: () => settings.get(), devices: () => devices.list(), logger: deps.logger },
          input.scanJournalRows
        ),
      'diagnostics.integrityCheck': () => integrityCheckInWorker(store.file, deps.nativeBinding),
      'diagnostics.backup': () => takeBackup(db, deps.dataDir, 'manual'),
      ...scanning.handlers,
      ...Object.assign({}, ...modules.map((m) => m.handlers))
    } as StationHandlers)

    const missing = METHOD_NAMES.filter((m) => typeof (handlers as Partial<StationHandlers>)[m] !== 'function')
    if (missing.length > 0) throw new Error(`No module implements ${missing.join(', ')}: list its workflow module in createStation.`)
    const backups =
      deps.backups === false
        ? null
        : scheduleBackups(db, deps.dataDir, {
            onError: (error) => {
              if (!storage.noteFailure(error)) deps.logger.error({ err: error }, 'backup failed')
            },
            onDone: (b) => deps.logger.info({ backup: b.path, bytes: b.bytes }, 'backup written')
          })
    if (backups) disposables.add('backups', () => backups.stop())
    const authorize = createAuthorizer({
      roleOn: (t) => (session.touch(t), session.role(t)),
      operatorOn: (t) => session.operatorId(t),
      displayActive: (id) => displays.pairing.isActive(id),
      eventLog,
      now
    })
    const dispatch = createDispatcher(handlers, deps.logger, (error) => (storage.noteFailure(error) ? storage.failure() : null), authorize)
    if (store.deferredCheck) void startDeferredCheck(store, storage, deps, disposables)
    deps.logger.info({ dataDir: deps.dataDir, host: deps.host, migration: store.migration, stationId }, 'station started')
    return {
      printing,
      receiving,
      imports,
      sync,
      gate,
      displays,
      handlers: withDefaultContext(handlers),
      dispatch: (method, input, ctx = STATION_CONTEXT, bytes) => dispatch(method, input, ctx, bytes),
      events: bus,
      store,
      eventLog,
      devices,
      terminals,
      scanning,
      close: async () => {
        await disposables.closeAll()
        deps.logger.info('station stopped')
      }
    }
  } catch (error) {
    await disposables.closeAll()
    throw error
  }
}

/** Handlers callable without a context (tests, the CLI): they run as the station's own terminal. */
function withDefaultContext(handlers: StationHandlers): InternalHandlers {
  const wrapped: Record<string, (input: unknown, ctx?: CallContext) => unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as Array<[string, (input: unknown, ctx: CallContext) => unknown]>) {
    wrapped[name] = (input, ctx) => handler(input, ctx ?? STATION_CONTEXT)
  }
  return wrapped as unknown as InternalHandlers
}
