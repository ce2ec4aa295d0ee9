import type { OperatorRecord, OperatorRole } from '../../shared/model/station'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { OperatorChange, OperatorRepository } from '../store/repositories/operators'
import { hashPin } from './pin-hash'

export interface NewOperatorInput {
  name: string
  role: OperatorRole
  badge?: string | undefined
  pin?: string | undefined
}

export interface OperatorUpdateInput extends OperatorChange {
  id: number
}

const described = (r: OperatorRecord) => ({ name: r.name, role: r.role, badge: r.badge, active: r.active })

/**
 * What administrators do to operators (ADR 0015), shared by the screens and the CLI: every change is
 * an event naming who did it and the before → after; operators are deactivated, never deleted; the
 * last active administrator cannot be deactivated or demoted; PINs never appear in an event.
 */
export function createOperatorAdmin(operators: OperatorRepository, eventLog: EventLog) {
  const existing = (id: number): OperatorRecord => {
    const record = operators.record(id)
    if (!record) throw new AppFailure('operators.unknown', { id })
    return record
  }
  const refuseTakenBadge = (badge: string | null | undefined, self: number | null) => {
    if (badge === undefined || badge === null) return
    const holder = operators.badgeHolder(badge)
    if (holder !== null && holder !== self) throw new AppFailure('operators.badge_taken', { badge, name: existing(holder).name })
  }

  return {
    async create(input: NewOperatorInput, actor: number | null): Promise<OperatorRecord> {
      refuseTakenBadge(input.badge, null)
      const pinHash = input.pin ? await hashPin(input.pin) : null
      const { result: id } = eventLog.record(
        () => {
          refuseTakenBadge(input.badge, null)
          return operators.insert({ name: input.name, role: input.role, badge: input.badge ?? null, pinHash })
        },
        (id) => ({ type: 'operator.created', operatorId: actor, payload: { operator: id, name: input.name, role: input.role, badge: input.badge ?? null, pinSet: pinHash !== null } })
      )
      return existing(id)
    },
    update(input: OperatorUpdateInput, actor: number | null): OperatorRecord {
      const before = existing(input.id)
      refuseTakenBadge(input.badge, input.id)
      const losesAdministrator = before.role === 'administrator' && before.active && ((input.role !== undefined && input.role !== 'administrator') || input.active === false)
      const change: OperatorChange = {}
      if (input.name !== undefined) change.name = input.name
      if (input.role !== undefined) change.role = input.role
      if (input.badge !== undefined) change.badge = input.badge
      if (input.active !== undefined) change.active = input.active
      eventLog.record(
        () => {
          if (losesAdministrator && operators.activeAdministrators() <= 1) throw new AppFailure('operators.last_administrator', { name: before.name })
          operators.update(input.id, change)
        },
        () => ({ type: 'operator.changed', operatorId: actor, payload: { operator: input.id, before: described(before), after: described(existing(input.id)) } })
      )
      return existing(input.id)
    },
    /** A new PIN, or none (the operator chooses one at the next sign-in); unlocks the operator. */
    async resetPin(id: number, pin: string | undefined, actor: number | null): Promise<OperatorRecord> {
      const target = existing(id)
      const pinHash = pin ? await hashPin(pin) : null
      eventLog.record(
        () => operators.setPin(id, pinHash),
        () => ({ type: 'operator.pin_reset', operatorId: actor, payload: { operator: id, name: target.name, pinSet: pinHash !== null } })
      )
      return existing(id)
    }
  }
}

export type OperatorAdmin = ReturnType<typeof createOperatorAdmin>
