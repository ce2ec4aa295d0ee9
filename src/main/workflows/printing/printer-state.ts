import { msg } from '../../../shared/messages/catalog'
import type { PrinterTransport } from '../../devices/printers/types'
import { linkMessage, queryStatus } from '../../devices/printers/zebra'
import { statusMessage } from '../../devices/printers/zebra-status'
import type { PrintQueueRepository } from '../../store/repositories/print-queue'
import type { PrinterRecord, PrinterState } from './types'

export interface PrinterHealthDeps {
  repo: PrintQueueRepository
  connect: (printer: PrinterRecord) => PrinterTransport
  timeoutMs: number
  now: () => string
  onState?: (state: PrinterState) => void
  /** A held printer answered "ready": its worker should try again. */
  onReady: (printerId: string) => void
}

export interface PrinterHealth {
  get(printerId: string): PrinterState | undefined
  set(printerId: string, patch: Partial<PrinterState>): PrinterState
  /** Asks the printer for its status (`~HS`) now. */
  poll(printerId: string): Promise<PrinterState>
}

/** Each printer's last known state (online, ready, held by the queue), from jobs and `~HS` polls. */
export function createPrinterHealth(deps: PrinterHealthDeps): PrinterHealth {
  const states = new Map<string, PrinterState>()

  const set = (printerId: string, patch: Partial<PrinterState>): PrinterState => {
    const prev = states.get(printerId) ?? { printerId, status: null, online: false, summary: msg('printer.not_checked', {}), checkedAt: null, held: false }
    const next = { ...prev, ...patch }
    states.set(printerId, next)
    deps.onState?.(next)
    return next
  }

  return {
    get: (id) => states.get(id),
    set,
    async poll(printerId) {
      const printer = deps.repo.printer(printerId)
      if (!printer) return set(printerId, { online: false, summary: msg('printer.unknown', {}) })
      const t = deps.connect(printer)
      try {
        if (!t.canAnswer) return set(printerId, { status: null, online: true, summary: msg('printer.os_queue', {}), checkedAt: deps.now() })
        const s = await queryStatus(t, { timeoutMs: deps.timeoutMs })
        const state = s.ok
          ? set(printerId, { status: s.value, online: true, summary: statusMessage(s.value), checkedAt: deps.now() })
          : set(printerId, { status: null, online: false, summary: linkMessage(s.error.code, printer.uri, deps.timeoutMs), checkedAt: deps.now() })
        if (s.ok && s.value.ready && state.held) {
          set(printerId, { held: false })
          deps.onReady(printerId)
        }
        return states.get(printerId)!
      } finally {
        await t.close().catch(() => undefined)
      }
    }
  }
}
