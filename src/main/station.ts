import type { StationHandlers } from '../shared/contract'
import type { HostKind, StationInfo } from '../shared/model/station'
import { createDeviceRegistry, type DeviceRegistry } from './devices/registry'
import { createImportService, type ImportService } from './import/service'
import { createEventBus, type EventBus } from './event-bus'
import type { Logger } from './logging'
import { createDispatcher, type Dispatch } from './rpc/dispatch'
import { exportDiagnostics } from './services/diagnostics'
import { hashPin } from './services/pin-hash'
import { createPrinting, type Printing, type PrintingDeps } from './services/print-queue-station'
import { createReceivingArea, type ReceivingArea } from './services/receiving/station-area'
import { createScanning, type Scanning, type ScanningOptions } from './services/scanning'
import { createSessionService } from './services/session'
import { createSyncStatus } from './services/sync-status'
import { scheduleBackups, takeBackup } from './store/backups'
import { openStore, type Store } from './store/db'
import { integrityCheckInWorker } from './store/integrity'
import { createStorageHealth, diskFullFailure } from './store/storage-health'
import { DEMO_OPERATORS, hasMasterData, seedDemoData } from './store/demo-data'
import { createEventLog, type EventLog } from './store/event-log'
import { createOperatorRepository } from './store/repositories/operators'
import { createSettingsRepository } from './store/repositories/settings'

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
  printing?: Partial<Pick<PrintingDeps, 'pollMs' | 'connect'>>
  /** Automatic backups at start and daily (default on). */
  backups?: boolean
  /** Let imports name a path on this machine (tests of the core; Electron allows it by itself). */
  importPaths?: boolean
}

export interface Station {
  handlers: StationHandlers
  dispatch: Dispatch
  events: EventBus
  store: Store
  eventLog: EventLog
  devices: DeviceRegistry
  scanning: Scanning
  printing: Printing
  receiving: ReceivingArea
  imports: ImportService
  close(): void
}

/** The composition root: the one place where the store, services and devices are wired together. */
export async function createStation(deps: StationDeps): Promise<Station> {
  const store = openStore({ dataDir: deps.dataDir, ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}) })
  try {
    const { db } = store
    const settings = createSettingsRepository(db)
    const stationId = settings.stationId()
    const bus = createEventBus((error) => deps.logger.error({ err: error }, 'event listener failed'))
    const sync = createSyncStatus(db)
    const eventLog = createEventLog(db, stationId, { onCommitted: () => bus.emit('sync.changed', sync.status()) })
    const operators = createOperatorRepository(db)
    const devices = deps.devices ?? createDeviceRegistry()
    devices.onChange((list) => bus.emit('devices.changed', list))

    if (deps.demo && !hasMasterData(db)) {
      const pinHashes = Object.fromEntries(await Promise.all(DEMO_OPERATORS.map(async (o) => [o.badge, await hashPin(o.pin)] as const)))
      seedDemoData(db, eventLog, { operators, settings }, pinHashes)
      deps.logger.info({ dataDir: deps.dataDir }, 'demo data seeded')
    }

    const storage = createStorageHealth({ dataDir: deps.dataDir, onChange: (state) => bus.emit('station.storage', state) })
    const session = createSessionService(operators, eventLog, (s) => bus.emit('session.changed', s))

    const scanning = createScanning({
      db,
      bus,
      devices,
      logger: deps.logger,
      settings: () => settings.get(),
      updateSettings: (patch) => settings.update(patch, eventLog, session.operatorId()),
      operatorId: () => session.operatorId(),
      demo: settings.isDemo(),
      isBadge: (text) => text.length <= 64 && operators.findByBadge(text) !== null,
      storage,
      ...(deps.scanners ? { options: deps.scanners } : {})
    })

    const printing = await createPrinting({
      db,
      eventLog,
      devices,
      logger: deps.logger,
      dataDir: deps.dataDir,
      demo: settings.isDemo(),
      operatorId: () => session.operatorId(),
      emit: (change) => bus.emit('print.changed', change),
      currentPrinterId: () => settings.get().printerId,
      setPrinterId: (printerId) => bus.emit('settings.changed', settings.update({ printerId }, eventLog, null)),
      ...deps.printing
    })

    const receiving = createReceivingArea({
      db,
      eventLog,
      settings,
      dataDir: deps.dataDir,
      stationId,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      operatorId: () => session.operatorId(),
      gsSubstitutes: () => settings.get().wedgeGsSubstitutes,
      onReceivingChanged: (state) => bus.emit('receiving.changed', state)
    })
    receiving.registerScanHandlers(scanning.pipeline.router)
    const imports = createImportService({
      dataDir: deps.dataDir,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      allowPaths: deps.host === 'electron' || deps.importPaths === true,
      operatorId: () => session.operatorId(),
      onProgress: (progress) => bus.emit('imports.progress', progress),
      onApplied: () => bus.emit('receiving.changed', receiving.receiving.service.state())
    })

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

    const handlers: StationHandlers = {
      'station.info': info,
      'settings.get': () => settings.get(),
      'settings.update': (patch) => {
        const next = settings.update(patch, eventLog, session.operatorId())
        bus.emit('settings.changed', next)
        return next
      },
      'operators.list': () => operators.list(),
      'session.current': () => session.current(),
      'session.signIn': (input) => session.signIn(input),
      'session.signOut': () => session.signOut(),
      'devices.list': () => devices.list(),
      'sync.status': () => sync.status(),
      'diagnostics.export': (input) =>
        exportDiagnostics(
          { db, dataDir: deps.dataDir, version: deps.version, stationId, settings: () => settings.get(), devices: () => devices.list(), logger: deps.logger },
          input.scanJournalRows
        ),
      'diagnostics.integrityCheck': () => integrityCheckInWorker(store.file, deps.nativeBinding),
      'diagnostics.backup': () => takeBackup(db, deps.dataDir, 'manual'),
      ...scanning.handlers,
      ...printing.handlers,
      ...receiving.handlers,
      ...imports.handlers
    }

    const backups =
      deps.backups === false
        ? null
        : scheduleBackups(db, deps.dataDir, {
            onError: (error) => {
              if (!storage.noteFailure(error)) deps.logger.error({ err: error }, 'backup failed')
            },
            onDone: (b) => deps.logger.info({ backup: b.path, bytes: b.bytes }, 'backup written')
          })

    deps.logger.info({ dataDir: deps.dataDir, host: deps.host, migration: store.migration, stationId }, 'station started')
    return {
      handlers,
      dispatch: createDispatcher(handlers, deps.logger, (error) => (storage.noteFailure(error) ? diskFullFailure(deps.dataDir) : null)),
      events: bus,
      store,
      eventLog,
      devices,
      scanning,
      printing,
      receiving,
      imports,
      close: () => {
        imports.close()
        storage.close()
        backups?.stop()
        void scanning.close()
        void printing.close()
        store.close()
        deps.logger.info('station stopped')
      }
    }
  } catch (error) {
    store.close()
    throw error
  }
}
