import type { Approvals } from '../../services/approvals'
import type { Handler } from '../../../shared/contract'
import type { LabelsOutputs, PrinterInfo, PrintJobSummary, PrintUnitsResult } from '../../../shared/contract-areas/labels'
import { msg, type MessageCode, type ParamsOf } from '../../../shared/messages/catalog'
import type { Result } from '../../../shared/result'
import { AppFailure } from '../../errors'
import type { LabelService } from '../../labels'
import type { LabelDataRepository } from '../../store/repositories/label-data'
import { lookupLabel, UNIT_DESCRIPTION_MAX, unitLabelData } from './lookup'
import type { PrintQueue } from './queue'
import type { PrinterRegistry } from './registry'
import type { PrinterRecord, PrintJob } from './types'
import { listUsbPrinters, type ListUsbPrinters } from '../../devices/scanners/discovery'
import { usbPrinterOffers } from './usb-offers'

export type PrintingHandlers = { [M in keyof LabelsOutputs]: Handler<M> }

export interface PrintingHandlersDeps {
  queue: PrintQueue
  registry: PrinterRegistry
  labels: LabelService
  labelData: LabelDataRepository
  /** The station's printer (settings), used when a call names none. */
  printerId: () => string
  now: () => Date
  /** A poll in flight, so shutdown can wait for its printer link to close. */
  track: <T>(p: Promise<T>) => Promise<T>
  /** The USB printers on the station's bus (Settings → Printers' add form); default: libusb. */
  listUsbPrinters?: ListUsbPrinters
  /** Supervisor approvals (reprints). */
  approvals?: Pick<Approvals, 'require'>
}

/** Rethrows an error result as the typed failure the dispatcher turns back into an error result. */
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value
  throw new AppFailure(r.error.code as MessageCode, (r.error.params ?? {}) as ParamsOf<MessageCode>, r.error.details)
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

/** The labels/print contract area (`shared/contract-areas/labels.ts`). */
export function createPrintingHandlers(deps: PrintingHandlersDeps): PrintingHandlers {
  const { queue, labels } = deps

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
      summary: s?.summary ?? msg('printer.not_checked', {}),
      checkedAt: s?.checkedAt ?? null,
      queued: queue.queuedCount(p.id)
    }
  }
  const printer = (id: string) => {
    const p = queue.printers().find((x) => x.id === id && x.active)
    if (!p) throw new AppFailure('print.unknown_printer', { printerId: id })
    return p
  }

  function printUnits(input: { unitIds: number[]; template?: string | undefined; printerId?: string | undefined }): PrintUnitsResult {
    const printerId = input.printerId ?? deps.printerId()
    if (!printerId) throw new AppFailure('print.no_printer', {})
    printer(printerId)
    const result: PrintUnitsResult = { jobs: [], skipped: [] }
    for (const unitId of new Set(input.unitIds)) {
      const unit = deps.labelData.unit(unitId)
      const data = unit && unitLabelData(unit, UNIT_DESCRIPTION_MAX)
      if (!unit || !data?.gtin) {
        result.skipped.push({ unitId, reason: unit ? msg('label.unit_without_gtin', { serial: unit.serial }) : msg('label.unknown_unit', { unitId }) })
        continue
      }
      const r = queue.enqueue({ printerId, template: input.template ?? 'unit', data, unitId })
      if (r.ok) result.jobs.push(summary(r.value))
      else result.skipped.push({ unitId, reason: { code: r.error.code, params: r.error.params ?? {} } })
    }
    return result
  }

  return {
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
    'labels.lookup': ({ code }) => lookupLabel(deps.labelData, code, { gsSubstitutes: ['<GS>', '{GS}'], now: deps.now }),
    'labels.printUnits': (input) => printUnits(input),
    'print.printers': () => queue.printers().filter((p) => p.active).map(info),
    'print.addPrinter': (input) => {
      const added = deps.registry.add(input)
      void deps.track(queue.poll(added.id)).catch(() => undefined)
      return info(added)
    },
    'print.usbPrinters': () => usbPrinterOffers(deps.listUsbPrinters ?? listUsbPrinters, queue.printers()),
    'print.removePrinter': ({ printerId }) => deps.registry.remove(printerId),
    'print.testPrinter': ({ printerId }) => deps.track(deps.registry.test(printerId)),
    'print.enqueue': (input) => summary(unwrap(queue.enqueue({ printerId: input.printerId, template: input.template, data: input.data, unitId: input.unitId ?? null, plateId: input.plateId ?? null }))),
    'print.batch': (input) =>
      unwrap(queue.enqueueBatch({ printerId: input.printerId, title: input.title, jobs: input.items.map((i) => ({ template: i.template, data: i.data, unitId: i.unitId ?? null })) }))
        .batch,
    'print.reprint': async (input, ctx) => {
      const approvedBy = deps.approvals ? await deps.approvals.require(ctx, () => new AppFailure('approval.reprint', {}), input.approval) : null
      return summary(unwrap(queue.reprint({ jobId: input.jobId, reason: input.reason, ...(input.printerId ? { printerId: input.printerId } : {}), approvedBy })))
    },
    'print.reprintLast': async (input, ctx) => {
      // "Print again" (ADR 0016): the last label this terminal printed, unit, carton or pallet alike.
      const last = queue.lastOfTerminal(ctx.terminalId)
      if (!last) throw new AppFailure('print.nothing_to_reprint', {})
      const approvedBy = deps.approvals ? await deps.approvals.require(ctx, () => new AppFailure('approval.reprint', {}), input.approval) : null
      return summary(unwrap(queue.reprint({ jobId: last.id, reason: input.reason, ...(input.printerId ? { printerId: input.printerId } : {}), approvedBy })))
    },
    'print.resolve': (input) => summary(unwrap(queue.resolve({ jobId: input.jobId, printed: input.printed, ...(input.note ? { note: input.note } : {}) }))),
    'print.move': (input) =>
      unwrap(queue.move({ toPrinterId: input.toPrinterId, ...(input.jobIds ? { jobIds: input.jobIds } : {}), ...(input.fromPrinterId ? { fromPrinterId: input.fromPrinterId } : {}) })),
    'print.cancelBatch': (input) => unwrap(queue.cancelBatch(input.batchId)),
    'print.batchStatus': (input) => {
      const b = queue.batch(input.batchId)
      if (!b) throw new AppFailure('print.unknown_batch', { batchId: input.batchId })
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
      await deps.track(queue.poll(printerId))
      return info(p)
    }
  }
}
