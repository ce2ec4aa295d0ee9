import { join } from 'node:path'
import type { CallContext } from '../../../shared/contract'
import type { ReceiveOutcome } from '../../../shared/contract-areas/receiving'
import type { EventLog } from '../../store/event-log'
import type { SettingsRepository } from '../../store/repositories/settings'
import type { Db } from '../../store/sql'
import type { Terminals } from '../../terminals/terminals'
import { createSsccIssuer } from '../../services/sscc-issuer'
import type { Approvals } from '../../services/approvals'
import type { Approval } from '../../../shared/schemas'
import { AppFailure } from '../../errors'
import type { ScanVerdict } from '../../services/scan-pipeline'
import type { WorkflowModule } from '../module'
import type { StationEmit } from '../emit'
import { createReceivingWorkflow, type Call, type ReceivingWorkflow } from './workflow'

export interface ReceivingModuleDeps {
  /** Supervisor approvals (closing short); absent in rigs that test receiving alone: then never needed. */
  approvals?: Pick<Approvals, 'require' | 'verify' | 'signedInApprover'>
  db: Db
  eventLog: EventLog
  terminals: Terminals
  settings: SettingsRepository
  now: () => Date
  /** The operator signed in for the calling terminal. */
  operatorId: (ctx?: CallContext) => number | null
  emit: StationEmit
  dataDir: string
  stationId: string
  gsSubstitutes?: () => readonly string[]
  /** Render close reports in a worker thread (default true). */
  reportWorker?: boolean
  /** Location code where received units are (default: the first active dock). */
  receivingLocation?: string
}

export type ReceivingMethods =
  | 'receiving.orders'
  | 'receiving.open'
  | 'receiving.state'
  | 'receiving.leave'
  | 'receiving.submit'
  | 'receiving.receiveTyped'
  | 'receiving.cancelPending'
  | 'receiving.setPlate'
  | 'receiving.newPlate'
  | 'receiving.exception'
  | 'receiving.undo'
  | 'receiving.force'
  | 'receiving.close'
  | 'receiving.report'

/** A receiving outcome as the scan pipeline journals it. */
export const toVerdict = (o: Pick<ReceiveOutcome, 'outcome' | 'code' | 'params' | 'tone' | 'eventId'>): ScanVerdict => ({
  outcome: o.outcome,
  code: o.code,
  params: { ...o.params },
  tone: o.tone,
  eventId: o.eventId
})

/**
 * The receiving module: its contract handlers, the `receiving` scan workflow (run inside the scan's
 * transaction, so the unit, its events and the journal row commit together) and its per-terminal
 * change notices (`receiving.changed` with the terminal id).
 */
export function createReceivingModule(deps: ReceivingModuleDeps): WorkflowModule<ReceivingMethods> & { workflow: ReceivingWorkflow } {
  const issuer = createSsccIssuer(deps.db, deps.settings, deps.eventLog)
  const workflow = createReceivingWorkflow({
    db: deps.db,
    eventLog: deps.eventLog,
    terminals: deps.terminals,
    now: deps.now,
    operatorId: deps.operatorId,
    issueSscc: (operatorId) => issuer.issue(1, operatorId)[0]!,
    ...(deps.gsSubstitutes ? { gsSubstitutes: deps.gsSubstitutes } : {}),
    ...(deps.receivingLocation ? { receivingLocation: deps.receivingLocation } : {}),
    onChange: (terminalId, state) => deps.emit('receiving.changed', { terminalId, state }),
    ...(deps.approvals ? { approverOn: (terminalId: string) => deps.approvals!.signedInApprover(terminalId) } : {}),
    stationId: deps.stationId,
    reportsDir: join(deps.dataDir, 'reports'),
    ...(deps.reportWorker !== undefined ? { reportWorker: deps.reportWorker } : {})
  })
  const call = (ctx: CallContext): Call => ({ terminalId: ctx.terminalId, operatorId: deps.operatorId(ctx) })
  const approved = async (ctx: CallContext, approval: Approval | undefined): Promise<Call> =>
    approval && deps.approvals ? { ...call(ctx), approvedBy: await deps.approvals.verify(ctx, approval) } : call(ctx)
  return {
    name: 'receiving',
    workflow,
    handlers: {
      'receiving.orders': (input) => workflow.orders(input),
      'receiving.open': ({ order }, ctx) => workflow.open(call(ctx), order),
      'receiving.state': (_input, ctx) => workflow.state(ctx.terminalId),
      'receiving.leave': (_input, ctx) => workflow.leave(call(ctx)),
      // `approval`: a supervisor's badge or PIN given on the screen after an over-receipt was refused.
      'receiving.submit': async ({ text, approval }, ctx) => workflow.submit(await approved(ctx, approval), text),
      'receiving.receiveTyped': async ({ approval, ...input }, ctx) => workflow.receiveTyped(await approved(ctx, approval), input),
      // A supervisor's "receive anyway" (ADR 0019): signed in here, or approving on this screen.
      'receiving.force': async ({ text, reason, approval }, ctx) => {
        const approvedBy = deps.approvals ? await deps.approvals.require(ctx, () => new AppFailure('approval.force_receipt', {}), approval) : null
        return workflow.force({ ...call(ctx), approvedBy }, text, reason)
      },
      'receiving.cancelPending': (_input, ctx) => workflow.cancelPending(call(ctx)),
      'receiving.setPlate': ({ code }, ctx) => workflow.setPlate(call(ctx), code),
      'receiving.newPlate': (_input, ctx) => workflow.newPlate(call(ctx)),
      'receiving.exception': (input, ctx) => workflow.exception(call(ctx), input),
      // `approval`: a supervisor approves taking a put-away unit back out of its bin (ADR 0019).
      'receiving.undo': async ({ approval }, ctx) => workflow.undo(await approved(ctx, approval)),
      'receiving.close': async ({ note, approval }, ctx) => {
        const pending = workflow.shortOnClose(ctx.terminalId)
        const approvedBy =
          pending && pending.short > 0 && deps.approvals ? await deps.approvals.require(ctx, () => new AppFailure('approval.close_short', { order: pending.order, short: pending.short }), approval) : null
        return workflow.close(call(ctx), note ?? null, approvedBy)
      },
      'receiving.report': ({ order }) => workflow.report(order)
    },
    scanHandlers: {
      receiving: (scan) => toVerdict(workflow.handleScan({ terminalId: scan.terminalId, operatorId: scan.operatorId }, scan.classification, scan.text))
    }
  }
}
