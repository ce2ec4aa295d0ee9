import type { Approvals } from '../../services/approvals'
import type { CallContext } from '../../../shared/contract'
import type { LabelsOutputs } from '../../../shared/contract-areas/labels'
import { english } from '../../../shared/messages/catalog'
import { openTransport } from '../../devices/printers'
import type { PrinterEmulator } from '../../devices/printers/emulator'
import type { PrinterTransport } from '../../devices/printers/types'
import type { DeviceRegistry } from '../../devices/registry'
import { AppFailure } from '../../errors'
import { createLabelService, type LabelService } from '../../labels'
import type { Logger } from '../../logging'
import type { EventLog } from '../../store/event-log'
import { createLabelDataRepository } from '../../store/repositories/label-data'
import type { Db } from '../../store/sql'
import type { StationEmit } from '../emit'
import type { WorkflowModule } from '../module'
import { createPrintingHandlers } from './handlers'
import type { ListUsbPrinters } from '../../devices/scanners/discovery'
import { createPrintQueue, type PrintQueue } from './queue'
import { createPrinterRegistry } from './registry'
import type { PrinterRecord, PrinterState } from './types'

export interface PrintingModuleDeps {
  db: Db
  eventLog: EventLog
  devices: DeviceRegistry
  logger: Logger
  dataDir: string
  /** Demo mode: start the printer emulator and add it as `demo-zebra`. */
  demo: boolean
  now: () => Date
  /** The operator signed in (jobs and events record who printed). */
  operatorId: (ctx?: CallContext) => number | null
  /** The terminal of the call being served (print jobs remember it: "print again"). */
  terminalId?: () => string | null
  /** Pushes `print.changed` to the UIs. */
  emit: StationEmit
  /** The station's printer (settings.printerId). */
  printerId: () => string
  /** Supervisor approvals (reprints); absent in rigs that test printing alone: then never needed. */
  approvals?: Pick<Approvals, 'require'>
  /** Demo mode sets the station's printer to the emulator when none is chosen. */
  setPrinterId: (id: string) => void
  /** Status poll period; 0 disables polling (tests). Default 10 s. */
  pollMs?: number
  /** How to reach a printer; default: its URI (tcp://, usb://, serial://, lp://). */
  connect?: (p: PrinterRecord) => PrinterTransport
  /** The USB printers on the bus (default: libusb through `usb`; tests inject a simulated bus). */
  listUsbPrinters?: ListUsbPrinters
  /** Status deadline per exchange (default 3000 ms) and wait before retrying a held printer (default 5000 ms). */
  timeoutMs?: number
  retryMs?: number
}

/** The name station.ts knows the deps by. */
export type PrintingDeps = PrintingModuleDeps

export interface PrintingModule extends WorkflowModule<keyof LabelsOutputs> {
  labels: LabelService
  queue: PrintQueue
  /** The demo printer (demo mode only). */
  emulator: PrinterEmulator | undefined
  close(): Promise<void>
}

const connectByUri = (p: PrinterRecord): PrinterTransport => {
  const t = openTransport(p.uri)
  if (!t.ok) throw new AppFailure('printer.link_failed', { printer: p.uri, reason: t.error.code }, t.error.details)
  return t.value
}

/**
 * Labels and printing: the label service, the print queue (worker, printer state, batches), printer
 * status polling into the device registry (status bar), the demo printer emulator, and the labels/print
 * contract area. Printing takes no scans of its own: the Label screen looks a scan up through `labels.lookup`.
 */
export async function createPrintingModule(deps: PrintingModuleDeps): Promise<PrintingModule> {
  const labels = createLabelService({ dataDir: deps.dataDir })
  for (const p of labels.problems()) deps.logger.warn({ source: p.source }, p.message)
  const connect = deps.connect ?? connectByUri

  const registerDevice = (p: PrinterRecord, state?: PrinterState) => {
    const problem = state && (!state.online || (state.status && !state.status.ready))
    deps.devices.upsert({
      id: p.id,
      kind: 'printer',
      transport: p.simulated ? 'simulator' : (p.uri.split(':')[0] ?? 'tcp'),
      name: p.name,
      state: !state || state.checkedAt === null || !state.online ? 'disconnected' : state.status && !state.status.ready ? 'error' : 'connected',
      simulated: p.simulated,
      lastSeenAt: state?.online ? state.checkedAt : null,
      lastError: problem ? english(state.summary) : null
    })
  }

  const queue: PrintQueue = createPrintQueue({
    db: deps.db,
    eventLog: deps.eventLog,
    labels,
    connect,
    now: deps.now,
    operatorId: () => deps.operatorId(),
    ...(deps.terminalId ? { terminalId: deps.terminalId } : {}),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.retryMs !== undefined ? { retryMs: deps.retryMs } : {}),
    onError: (error) => deps.logger.error({ err: error }, 'print worker failed'),
    onChange: (c) => deps.emit('print.changed', { printerId: c.printerId ?? null, jobId: c.jobId ?? null, batchId: c.batchId ?? null }),
    onPrinterState: (s) => {
      const p = queue.printers().find((x) => x.id === s.printerId)
      if (p) registerDevice(p, s)
    }
  })

  const recovered = queue.recover()
  if (recovered > 0) deps.logger.warn({ recovered }, 'print jobs interrupted by a stop are marked uncertain')

  let emulator: PrinterEmulator | undefined
  if (deps.demo) {
    const { startPrinterEmulator } = await import('../../devices/printers/emulator')
    emulator = await startPrinterEmulator({ port: 0 })
    queue.addPrinter({ id: 'demo-zebra', name: 'Zebra ZD421 (simulated)', uri: emulator.uri, dpi: 203, simulated: true })
    if (!deps.printerId()) deps.setPrinterId('demo-zebra')
    deps.logger.info({ uri: emulator.uri }, 'demo printer emulator started')
  }
  for (const p of queue.printers()) registerDevice(p, queue.printerState(p.id))

  // Status polls hold a printer link open: shutdown waits for the ones in flight.
  const polls = new Set<Promise<unknown>>()
  const track = <T>(p: Promise<T>): Promise<T> => {
    polls.add(p)
    void p.catch(() => undefined).finally(() => polls.delete(p))
    return p
  }
  let closing = false
  const pollAll = () => {
    if (closing) return
    for (const p of queue.printers().filter((x) => x.active)) void track(queue.poll(p.id)).catch(() => undefined)
  }
  const pollMs = deps.pollMs ?? 10_000
  const timer = pollMs > 0 ? setInterval(pollAll, pollMs) : undefined
  timer?.unref?.()
  pollAll()
  queue.start()

  const registry = createPrinterRegistry({ store: { printers: () => queue.printers(), save: (p) => void queue.addPrinter(p), queuedCount: (id) => queue.queuedCount(id) }, connect, now: deps.now, ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) })
  const handlers = createPrintingHandlers({ queue, registry, labels, labelData: createLabelDataRepository(deps.db), printerId: deps.printerId, now: deps.now, track, ...(deps.listUsbPrinters ? { listUsbPrinters: deps.listUsbPrinters } : {}), ...(deps.approvals ? { approvals: deps.approvals } : {}) })

  return {
    name: 'printing',
    handlers,
    labels,
    queue,
    emulator,
    async close() {
      closing = true
      if (timer) clearInterval(timer)
      await queue.stop()
      await Promise.allSettled([...polls])
      await emulator?.close()
    }
  }
}
