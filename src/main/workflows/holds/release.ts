import type { HoldRelease } from '../../../shared/contract-areas/approvals'
import { msg } from '../../../shared/messages/catalog'
import { AppFailure } from '../../errors'
import type { EventLog } from '../../store/event-log'
import { createHoldsRepository, type HeldUnitRow } from '../../store/repositories/holds'
import { inImmediateTransaction, type Db } from '../../store/sql'
import { holdReason } from '../receiving/rules'

export interface ReleaseCall {
  operatorId: number | null
  approvedBy: { id: number; name: string } | null
}

export type UnitRef = { unitId: number } | { serial: string }

/**
 * Releasing a hold (ADR 0019): a unit quarantined at this station (an unexpected serial, a forced
 * receipt, a unit set aside) goes back to good stock when a supervisor decides so — `received` at the
 * dock, `stored` where it is put away — with a `unit.hold_released` event naming who approved and why.
 * A recalled or quarantined lot is the supplier's or master data's decision, and an expired unit stays
 * expired: those are refused here, whoever asks.
 */
export function createHoldRelease(deps: { db: Db; eventLog: EventLog; now: () => Date }) {
  const repo = createHoldsRepository(deps.db)

  function find(ref: UnitRef): HeldUnitRow {
    if ('unitId' in ref) {
      const u = repo.unit(ref.unitId)
      if (!u || u.status === 'expected') throw new AppFailure('holds.unknown_unit', { code: String(ref.unitId) })
      return u
    }
    const units = repo.unitsBySerial(ref.serial)
    if (units.length === 0) throw new AppFailure('holds.unknown_unit', { code: ref.serial })
    if (units.length > 1) throw new AppFailure('holds.ambiguous', { serial: ref.serial })
    return units[0]!
  }

  /** The unit to release, or why it cannot be: read before any approval is asked for. */
  function releasable(ref: UnitRef): HeldUnitRow {
    const u = find(ref)
    const lot = u.lot_status === null ? null : { status: u.lot_status, status_note: u.lot_note, expiry: u.expiry }
    const hold = holdReason(u.status, lot, u.expiry, deps.now().toISOString().slice(0, 10))
    if (hold === null) throw new AppFailure('holds.not_held', { serial: u.serial, status: u.status })
    if (hold === 'recalled') throw new AppFailure('holds.lot_recalled', { serial: u.serial, sku: u.sku, lot: u.lot })
    if (hold === 'expired') throw new AppFailure('holds.expired', { serial: u.serial, sku: u.sku, expiry: u.expiry })
    if (u.lot_status === 'quarantined') throw new AppFailure('holds.lot_quarantined', { serial: u.serial, sku: u.sku, lot: u.lot })
    return u
  }

  function release(call: ReleaseCall, ref: UnitRef, reason: string): HoldRelease {
    return inImmediateTransaction(deps.db, () => {
      const u = releasable(ref)
      const status: HoldRelease['status'] = u.location_kind === 'bin' || u.location_kind === 'shelf' ? 'stored' : 'received'
      const at = deps.now().toISOString()
      const { event } = deps.eventLog.record(
        () => {
          if (!repo.release(u.id, status, at)) throw new AppFailure('holds.not_held', { serial: u.serial, status: u.status })
        },
        () => ({
          type: 'unit.hold_released',
          unitId: u.id,
          locationId: u.location_id,
          operatorId: call.operatorId,
          reason: 'quarantined',
          payload: { serial: u.serial, sku: u.sku, lot: u.lot, from: u.status, to: status, location: u.location, reason, ...(call.approvedBy ? { approvedBy: call.approvedBy } : {}) }
        })
      )
      const m = msg('holds.released', { serial: u.serial, sku: u.sku, location: u.location, approver: call.approvedBy?.name ?? null })
      return { unitId: u.id, serial: u.serial, status, eventId: event.id, code: 'holds.released' as const, params: m.params }
    })()
  }

  return { releasable, release }
}
