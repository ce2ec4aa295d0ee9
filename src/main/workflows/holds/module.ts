import type { CallContext } from '../../../shared/contract'
import { AppFailure } from '../../errors'
import type { Approvals } from '../../services/approvals'
import type { EventLog } from '../../store/event-log'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'
import { createHoldRelease } from './release'

export interface HoldsModuleDeps {
  db: Db
  eventLog: EventLog
  now: () => Date
  operatorId: (ctx?: CallContext) => number | null
  approvals: Pick<Approvals, 'require'>
}

/** Holds (ADR 0019): a supervisor releases a quarantined unit — signed in here, or approving on the operator's screen. */
export function createHoldsModule(deps: HoldsModuleDeps): WorkflowModule<'holds.release'> {
  const holds = createHoldRelease(deps)
  return {
    name: 'holds',
    handlers: {
      'holds.release': async ({ unitId, serial, reason, approval }, ctx) => {
        const ref = unitId !== undefined ? { unitId } : { serial: serial! }
        // Why it cannot be released comes first: no supervisor is asked for what nobody may do.
        const unit = holds.releasable(ref)
        const approvedBy = await deps.approvals.require(ctx, () => new AppFailure('approval.release_hold', { serial: unit.serial }), approval)
        return holds.release({ operatorId: deps.operatorId(ctx), approvedBy }, ref, reason)
      }
    }
  }
}
