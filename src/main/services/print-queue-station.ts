/**
 * Labels and printing inside the station: the label service, the print queue, printer status polling
 * into the DeviceRegistry (status bar), the demo printer emulator, and the contract handlers.
 */
import type Database from 'better-sqlite3'
import type { LabelLookup, LabelsOutputs, PrinterInfo, PrintJobSummary } from '../../shared/contract-areas/labels'
import type { ParsedInput } from '../../shared/contract'
import { parseGs1 } from '../../shared/codes/gs1'
import type { Result } from '../../shared/result'
import { openTransport } from '../devices/printers'
import type { PrinterEmulator } from '../devices/printers/emulator'
import type { PrinterTransport } from '../devices/printers/types'
import type { DeviceRegistry } from '../devices/registry'
import { AppFailure } from '../errors'
import { createLabelService, type LabelService } from '../labels'
import type { Logger } from '../logging'
import type { EventLog } from '../store/event-log'
import { createPrintQueue, type PrintJob, type PrintQueue, type PrinterRecord, type PrinterState } from './print-queue'

export interface PrintingDeps {
  db: Database.Database
  eventLog: EventLog
  devices: DeviceRegistry
  logger: Logger
  dataDir: string
  demo: boolean
  operatorId: () => number | null
  emit: (change: { printerId: string | null; jobId: number | null; batchId: number | null }) => void
  /** The workstation's printer (settings.printerId), set when demo mode adds the emulator. */
  currentPrinterId: () => string
  setPrinterId: (id: string) => void
  /** Status poll period; 0 disables polling (tests). Default 10 s. */
  pollMs?: number
  connect?: (p: PrinterRecord) => PrinterTransport
}

type Handlers = { [M in keyof LabelsOutputs]: (input: ParsedInput<M>) => Promise<LabelsOutputs[M]> | LabelsOutputs[M] }

export interface Printing {
  labels: LabelService
  queue: PrintQueue
  handlers: Handlers
  emulator: PrinterEmulator | undefined
  close(): Promise<void>
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.details)
  return r.value
}

const summary = (j: PrintJob): PrintJobSummary => ({
  id: j.id,
  printerId: j.printerId,
  template: j.template,
  data: j.data,
  kind: j.kind,
  reprintOf: j.reprintOf,
  reason: j.reason,
  batchId: j.batchId,
  status: j.status,
  heldReason: j.heldReason,
  lastError: j.lastError,
  attempts: j.attempts,
  unitId: j.unitId,
  plateId: j.plateId,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt
})

export async function createPrinting(deps: PrintingDeps): Promise<Printing> {
  const labels = createLabelService({ dataDir: deps.dataDir })
  for (const p of labels.problems()) deps.logger.warn({ source: p.source }, p.message)
  const connect =
    deps.connect ??
    ((p: PrinterRecord) => {
      const t = openTransport(p.uri)
      if (!t.ok) throw new AppFailure(t.error.code, t.error.message)
      return t.value
    })

  const registerDevice = (p: PrinterRecord, state?: PrinterState) => {
    const kind = p.uri.split(':')[0] ?? 'tcp'
    deps.devices.upsert({
      id: p.id,
      kind: 'printer',
      transport: p.simulated ? 'simulator' : kind,
      name: p.name,
      state: !state || state.checkedAt === null ? 'disconnected' : !state.online ? 'disconnected' : state.status && !state.status.ready ? 'error' : 'connected',
      simulated: p.simulated,
      lastSeenAt: state?.online ? state.checkedAt : null,
      lastError: state && (!state.online || (state.status && !state.status.ready)) ? state.summary : null
    })
  }

  const queue: PrintQueue = createPrintQueue({
    db: deps.db,
    eventLog: deps.eventLog,
    labels,
    connect,
    operatorId: deps.operatorId,
    onError: (error) => deps.logger.error({ err: error }, 'print worker failed'),
    onChange: (c) => deps.emit({ printerId: c.printerId ?? null, jobId: c.jobId ?? null, batchId: c.batchId ?? null }),
    onPrinterState: (s) => {
      const p = queue.printers().find((x) => x.id === s.printerId)
      if (p) registerDevice(p, s)
    }
  })

  const recovered = queue.recover()
  if (recovered > 0) deps.logger.warn({ recovered }, 'print jobs interrupted by a stop are marked uncertain')

  let emulator: PrinterEmulator | undefined
  if (deps.demo) {
    const { startPrinterEmulator } = await import('../devices/printers/emulator')
    emulator = await startPrinterEmulator({ port: 0 })
    queue.addPrinter({ id: 'demo-zebra', name: 'Zebra ZD421 (simulated)', uri: emulator.uri, dpi: 203, simulated: true })
    if (!deps.currentPrinterId()) deps.setPrinterId('demo-zebra')
    deps.logger.info({ uri: emulator.uri }, 'demo printer emulator started')
  }
  for (const p of queue.printers()) registerDevice(p, queue.printerState(p.id))

  const pollAll = () => Promise.all(queue.printers().filter((p) => p.active).map((p) => queue.poll(p.id).catch(() => undefined)))
  const pollMs = deps.pollMs ?? 10_000
  const timer = pollMs > 0 ? setInterval(() => void pollAll(), pollMs) : undefined
  timer?.unref?.()
  void pollAll()
  queue.start()

  const queuedCount = deps.db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE printer_id = ? AND status = 'queued'`)
  const info = (p: PrinterRecord): PrinterInfo => {
    const s = queue.printerState(p.id)
    return {
      id: p.id,
      name: p.name,
      uri: p.uri,
      dpi: p.dpi,
      simulated: p.simulated,
      online: s?.online ?? false,
      ready: s?.status ? s.status.ready : null,
      held: s?.held ?? false,
      summary: s?.summary ?? 'not checked yet',
      checkedAt: s?.checkedAt ?? null,
      queued: (queuedCount.get(p.id) as { n: number }).n
    }
  }
  const printer = (id: string) => {
    const p = queue.printers().find((x) => x.id === id)
    if (!p) throw new AppFailure('print.unknown_printer', `Unknown printer "${id}".`)
    return p
  }

  const unitBySerial = deps.db.prepare(
    `SELECT u.id, u.serial, u.lot, u.expiry, i.gtin, i.description FROM units u JOIN items i ON i.id = u.item_id WHERE u.serial = ? ORDER BY u.id DESC LIMIT 2`
  )
  const unitByGtinSerial = deps.db.prepare(
    `SELECT u.id, u.serial, u.lot, u.expiry, i.gtin, i.description FROM units u JOIN items i ON i.id = u.item_id WHERE i.gtin = ? AND u.serial = ?`
  )
  const plateByCode = deps.db.prepare(`SELECT id, code, kind FROM license_plates WHERE code = ?`)
  const locationByCode = deps.db.prepare(`SELECT id, code, name FROM locations WHERE code = ?`)
  type UnitRow = { id: number; serial: string; lot: string | null; expiry: string | null; gtin: string | null; description: string }
  const unitData = (u: UnitRow): Record<string, string> => {
    const d: Record<string, string> = { serial: u.serial, description: u.description }
    if (u.gtin) d.gtin = u.gtin
    if (u.lot) d.lot = u.lot
    if (u.expiry && /^\d{4}-\d{2}-\d{2}$/.test(u.expiry)) d.expiry = u.expiry
    return d
  }

  const handlers: Handlers = {
    'labels.templates': () => ({
      templates: labels.templates().map((t) => ({
        name: t.name,
        title: t.title,
        description: t.description ?? null,
        size: t.size,
        fields: Object.fromEntries(Object.entries(t.fields).map(([k, v]) => [k, { required: v!.required, ...(v!.maxLength ? { maxLength: v!.maxLength } : {}) }])),
        rfid: Boolean(t.rfid),
        source: t.source === 'builtin' ? 'builtin' : 'user'
      })),
      problems: labels.problems()
    }),
    'labels.preview': async (input) => {
      const dpi = input.printerId ? printer(input.printerId).dpi : 203
      const r = unwrap(await labels.render(input.template, input.data, 'png', dpi))
      return {
        template: input.template,
        png: r.bytes.toString('base64'),
        zplBytes: Buffer.byteLength(r.zpl),
        width: r.layout.width,
        height: r.layout.height,
        data: r.layout.data as Record<string, string>,
        epc: r.layout.epc ?? null
      }
    },
    'labels.lookup': ({ code }): LabelLookup => {
      const text = code.trim()
      const gs1 = parseGs1(text, { gsSubstitutes: ['<GS>', '{GS}'] })
      if (gs1.ok) {
        const els = Object.fromEntries(gs1.value.elements.map((e) => [e.ai, e.value]))
        if (els['00']) {
          const plate = plateByCode.get(els['00']) as { id: number } | undefined
          return { found: plate ? 'plate' : 'gs1', template: 'sscc', data: { sscc: els['00'] }, unitId: null, plateId: plate?.id ?? null, message: plate ? 'License plate found.' : 'SSCC read from the scan.' }
        }
        if (els['01'] && els['21']) {
          const u = unitByGtinSerial.get(els['01'], els['21']) as UnitRow | undefined
          if (u) return { found: 'unit', template: 'unit', data: unitData(u), unitId: u.id, plateId: null, message: 'Unit found.' }
          const d: Record<string, string> = { gtin: els['01'], serial: els['21'] }
          if (els['10']) d.lot = els['10']
          if (els['17']) d.expiry = `20${els['17'].slice(0, 2)}-${els['17'].slice(2, 4)}-${els['17'].slice(4, 6)}`.replace(/-00$/, '-01')
          return { found: 'gs1', template: 'unit', data: d, unitId: null, plateId: null, message: 'Not in the store yet: data taken from the scan.' }
        }
      }
      const units = unitBySerial.all(text) as UnitRow[]
      if (units.length === 1) return { found: 'unit', template: 'unit', data: unitData(units[0]!), unitId: units[0]!.id, plateId: null, message: 'Unit found.' }
      const plate = plateByCode.get(text) as { id: number; code: string; kind: string } | undefined
      if (plate) return { found: 'plate', template: plate.kind === 'sscc' ? 'sscc' : null, data: plate.kind === 'sscc' ? { sscc: plate.code } : {}, unitId: null, plateId: plate.id, message: 'License plate found.' }
      const loc = locationByCode.get(text) as { id: number; code: string; name: string } | undefined
      if (loc) return { found: 'location', template: 'bin', data: { location: loc.code, description: loc.name }, unitId: null, plateId: null, message: 'Location found.' }
      return {
        found: 'none',
        template: null,
        data: {},
        unitId: null,
        plateId: null,
        message: units.length > 1 ? 'This serial belongs to more than one item: scan the GS1 code.' : 'Nothing found: type the data.'
      }
    },
    'print.printers': () => queue.printers().map(info),
    'print.enqueue': (input) => summary(unwrap(queue.enqueue({ printerId: input.printerId, template: input.template, data: input.data, unitId: input.unitId ?? null, plateId: input.plateId ?? null }))),
    'print.batch': (input) =>
      unwrap(queue.enqueueBatch({ printerId: input.printerId, title: input.title, jobs: input.items.map((i) => ({ template: i.template, data: i.data, unitId: i.unitId ?? null })) }))
        .batch,
    'print.reprint': (input) => summary(unwrap(queue.reprint({ jobId: input.jobId, reason: input.reason, ...(input.printerId ? { printerId: input.printerId } : {}) }))),
    'print.resolve': (input) => summary(unwrap(queue.resolve({ jobId: input.jobId, printed: input.printed, ...(input.note ? { note: input.note } : {}) }))),
    'print.move': (input) =>
      unwrap(queue.move({ toPrinterId: input.toPrinterId, ...(input.jobIds ? { jobIds: input.jobIds } : {}), ...(input.fromPrinterId ? { fromPrinterId: input.fromPrinterId } : {}) })),
    'print.cancelBatch': (input) => unwrap(queue.cancelBatch(input.batchId)),
    'print.batchStatus': (input) => {
      const b = queue.batch(input.batchId)
      if (!b) throw new AppFailure('print.unknown_batch', `Unknown batch ${input.batchId}.`)
      return b
    },
    'print.jobs': (input) =>
      queue
        .jobs({
          ...(input.status ? { status: input.status } : {}),
          ...(input.printerId ? { printerId: input.printerId } : {}),
          ...(input.batchId !== undefined ? { batchId: input.batchId } : {}),
          ...(input.limit ? { limit: input.limit } : {})
        })
        .map(summary),
    'print.poll': async ({ printerId }) => {
      const p = printer(printerId)
      await queue.poll(printerId)
      return info(p)
    }
  }

  return {
    labels,
    queue,
    handlers,
    emulator,
    async close() {
      if (timer) clearInterval(timer)
      await queue.stop()
      await emulator?.close()
    }
  }
}
