import { classifyScan, type ScanClassification } from '../../../shared/codes/gs1/index'
import type { PlateSummary, ReceiveOutcome, ReceivingState, UndoResult } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import { createReceivingApply } from './apply'
import { createClose, type Approver, type CloseOptions } from './close'
import { createReceivingContext, fail, refuse, Refusal, type Call, type ReceivingDeps, type Verdict } from './context'
import type { ForcedReceipt } from './forced'
import { createExceptions, type ExceptionInput } from './exceptions'
import { identify } from './identify'
import { createPalletReceipt } from './pallet'
import { createPlates } from './plates'
import { createReceipts } from './receipts'
import { createScanRouting } from './scan'
import { listOrders, receivingState } from './state'
import { createUndo } from './undo'

export type { Call, ReceivingDeps } from './context'
export type ReceivingWorkflowDeps = ReceivingDeps & CloseOptions

export interface TypedReceipt {
  item: string
  serial?: string | undefined
  lot?: string | undefined
  expiry?: string | undefined
  madeAt?: string | undefined
  qty?: number | undefined
}

/**
 * Receiving (DOMAIN flow 1), per terminal: open an order, then every scan is checked (on this order?
 * already in the system? serial rule and mis-scan guards? lot recalled or expired?) and either refused
 * — nothing written, a code saying why — or written through the event log: the unit, its receipt row
 * and its `unit.received` event in one transaction. Synchronous, so the scan pipeline can run it
 * inside the scan's own transaction.
 */
export function createReceivingWorkflow(deps: ReceivingWorkflowDeps) {
  const cx = createReceivingContext(deps)
  const classify = (text: string): ScanClassification => classifyScan(text, { gsSubstitutes: deps.gsSubstitutes?.() ?? [] })
  const apply = createReceivingApply(cx)
  const receipts = createReceipts(cx, apply)
  const pallet = createPalletReceipt(cx, apply, receipts)
  const plates = createPlates(cx, apply, pallet, classify)
  const routing = createScanRouting(cx, receipts, plates)
  const exceptions = createExceptions(cx, apply, receipts, classify)
  const undo = createUndo(cx)

  // Change notices go out after the commit, once per terminal however many changes a tick made.
  const changed = new Set<string>()
  function scheduleChange(t: string): void {
    if (!deps.onChange || changed.has(t)) return
    changed.add(t)
    setImmediate(() => {
      changed.delete(t)
      try {
        deps.onChange?.(t, receivingState(cx, t))
      } catch {
        // a listener's failure must not break receiving
      }
    })
  }

  const close = createClose(cx, deps, scheduleChange)

  const guarded = (t: string, fn: () => Verdict): Verdict => {
    try {
      const v = cx.inTx(fn)
      if (v.outcome !== 'rejected' && v.outcome !== 'ignored') scheduleChange(t)
      return v
    } catch (error) {
      if (error instanceof Refusal) return error.verdict
      throw error
    }
  }

  const route = (call: Call, c: ScanClassification, text: string): Verdict => {
    try {
      return routing.handleIdentity(call, identify(c), text)
    } catch (error) {
      if (error instanceof AppFailure) throw new Refusal(refuse({ code: error.code, params: error.params }))
      throw error
    }
  }

  const workflow = {
    /** A classified scan (from the pipeline's receiving handler or `submit`). Never throws a refusal. */
    handleScan: (call: Call, c: ScanClassification, text: string): ReceiveOutcome => guarded(call.terminalId, () => route(call, c, text)),
    /**
     * A supervisor's "receive anyway" of a refused unit scan (ADR 0019): the same checks as a scan, with
     * only the forceable refusals lifted. A scan with nothing to lift is refused and nothing is written.
     */
    force(call: Call, text: string, reason: string): ReceiveOutcome {
      const force: ForcedReceipt = { reason, lifted: [] }
      return guarded(call.terminalId, () => {
        const v = route({ ...call, force }, classify(text), text)
        if (v.outcome !== 'rejected' && force.lifted.length === 0) fail(msg('receiving.nothing_to_force', { code: text }))
        return v
      })
    },
    /** A typed or pasted code: the same checks as a scan. */
    submit: (call: Call, text: string): ReceiveOutcome => workflow.handleScan(call, classify(text), text),
    /** A typed identity (label unreadable). */
    receiveTyped(call: Call, input: TypedReceipt): ReceiveOutcome {
      return guarded(call.terminalId, () => {
        const item = cx.items.byRef(input.item)
        if (!item) return refuse(msg('receiving.unknown_item', { item: input.item }))
        if (item.tracking === 'none' || item.tracking === 'lot') return receipts.receiveQuantity(call, item, input.qty ?? 1, input.lot ?? null, input.expiry ?? null, 'typed', null)
        if (!input.serial) return refuse(msg('receiving.serial_required', { sku: item.sku }))
        return receipts.receiveUnit(call, { item, serial: input.serial, lot: input.lot ?? null, expiry: input.expiry ?? null, madeAt: input.madeAt ?? null, via: 'typed', code: null })
      })
    },
    open(call: Call, number: string): ReceivingState {
      routing.openOrder(call.terminalId, number)
      scheduleChange(call.terminalId)
      return receivingState(cx, call.terminalId)
    },
    leave(call: Call): ReceivingState {
      cx.setOrder(call.terminalId, null)
      scheduleChange(call.terminalId)
      return receivingState(cx, call.terminalId)
    },
    cancelPending(call: Call): ReceivingState {
      cx.setPending(call.terminalId, null)
      scheduleChange(call.terminalId)
      return receivingState(cx, call.terminalId)
    },
    setPlate: (call: Call, code: string): ReceiveOutcome => guarded(call.terminalId, () => plates.setPlate(call, code)),
    newPlate(call: Call): ReceiveOutcome {
      const issue = plates.requireIssuer()
      return guarded(call.terminalId, () => plates.newPlate(call, issue))
    },
    currentPlate(t: string): PlateSummary | null {
      const id = cx.currentPlateId(t)
      return id === null ? null : cx.plates.summary(id)
    },
    exception: (call: Call, input: ExceptionInput): ReceiveOutcome => guarded(call.terminalId, () => exceptions.exception(call, input)),
    undo(call: Call): UndoResult {
      const u = undo.undo(call)
      scheduleChange(call.terminalId)
      const m = undo.undoneMessage(u)
      return { undone: u.undone, eventIds: u.eventIds, code: m.code, params: m.params, state: receivingState(cx, call.terminalId) }
    },
    state: (t: string): ReceivingState => receivingState(cx, t),
    orders: (input: Parameters<typeof listOrders>[1] = {}) => listOrders(cx, input),
    close: (call: Call, note: string | null, approvedBy: Approver | null = null) => close.close(call, note, approvedBy),
    shortOnClose: close.shortOnClose,
    rewriteReport: close.rewriteReport,
    report: close.report,
    /** The terminal's open order (for the close report). */
    currentOrderId: (t: string): number | null => deps.terminals.get(t).orderId,
    /** Tells every terminal with an order open that its state may have changed (e.g. after an import). */
    notifyAll(): void {
      for (const t of deps.terminals.list()) if (t.orderId !== null) scheduleChange(t.id)
    }
  }
  return workflow
}

export type ReceivingWorkflow = ReturnType<typeof createReceivingWorkflow>
