import type { CallContext } from '../../../shared/contract'
import { AppFailure } from '../../errors'
import type { Approvals } from '../../services/approvals'
import type { EventLog } from '../../store/event-log'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'
import { toVerdict } from '../receiving/module'
import { createPutawayWorkflow, type PutawayWorkflow } from './workflow'

export interface PutawayModuleDeps {
  db: Db
  eventLog: EventLog
  now: () => Date
  operatorId: (ctx?: CallContext) => number | null
  gsSubstitutes?: () => readonly string[]
  /** A held unit put outside a hold location needs a supervisor (ADR 0015): signed in, or approving here. */
  approvals?: Approvals
}

/** The put-away module: its contract handlers and the `putaway` scan workflow, per terminal. */
export function createPutawayModule(deps: PutawayModuleDeps): WorkflowModule<'putaway.submit' | 'putaway.state' | 'putaway.cancel'> & { workflow: PutawayWorkflow } {
  const workflow = createPutawayWorkflow({ db: deps.db, eventLog: deps.eventLog, now: deps.now, ...(deps.gsSubstitutes ? { gsSubstitutes: deps.gsSubstitutes } : {}) })
  return {
    name: 'putaway',
    workflow,
    handlers: {
      'putaway.submit': async ({ text, override, approval }, ctx) => {
        const approvedBy = override && deps.approvals ? await deps.approvals.require(ctx, () => new AppFailure('approval.putaway_override', {}), approval) : null
        const withApprover = override && approvedBy ? { ...override, approvedBy } : override
        return workflow.submit({ terminalId: ctx.terminalId, operatorId: deps.operatorId(ctx), override: withApprover }, text)
      },
      'putaway.state': (_input, ctx) => workflow.state(ctx.terminalId),
      'putaway.cancel': (_input, ctx) => workflow.cancel(ctx.terminalId)
    },
    scanHandlers: {
      putaway: (scan) => toVerdict(workflow.handleScan({ terminalId: scan.terminalId, operatorId: scan.operatorId }, scan.classification))
    }
  }
}
