import type { CodedMessage } from '../../../shared/contract-areas/receiving'
import { msg } from '../../../shared/messages/catalog'
import { fail, type Call } from './context'

/**
 * Forced receipts (ADR 0019): the refusals a supervisor may lift with "receive anyway", and what the
 * unit becomes. Everything else (a serial already in stock, a serial that breaks the item's rule, an
 * item not on the order, a missing lot) is never forced.
 */
const FORCEABLE = new Set(['receiving.unexpected_serial', 'receiving.lot_recalled', 'receiving.lot_quarantined', 'receiving.expired'])

/** Lifted refusals that send the unit straight to quarantine: it can never be received as good stock. */
const TO_QUARANTINE = new Set(['receiving.lot_recalled', 'receiving.lot_quarantined', 'receiving.expired'])

/** A supervisor's "receive anyway" on one call: the reason, and the refusals it lifted so far. */
export interface ForcedReceipt {
  reason: string
  lifted: string[]
}

export const isForceable = (code: string): boolean => FORCEABLE.has(code)

/**
 * A unit's refusal: lifted when the call is a forced receipt and the refusal may be forced; else
 * refused, naming the option (`forceable` param and the note) when a supervisor could lift it.
 * `call` is absent where forcing never applies (quantities, pallets).
 */
export function refuseOrForce(call: Call | undefined, refusal: CodedMessage): void {
  const forceable = call !== undefined && FORCEABLE.has(refusal.code)
  if (forceable && call.force) {
    if (!call.force.lifted.includes(refusal.code)) call.force.lifted.push(refusal.code)
    return
  }
  if (!forceable) fail(refusal)
  fail({ code: refusal.code, params: { ...refusal.params, forceable: true } }, { notes: [msg('approval.force_option', {})] })
}

/** The status a forced unit is received with. */
export const forcedStatus = (force: ForcedReceipt | undefined): 'received' | 'quarantined' => (force?.lifted.some((c) => TO_QUARANTINE.has(c)) ? 'quarantined' : 'received')
